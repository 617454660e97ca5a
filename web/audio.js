// Short demo audio clips, made in the page: 16-bit mono PCM WAV at 8 kHz,
// a voice-like buzz (a gliding pitch with a few harmonics, in syllables,
// with a little breath noise). Deterministic for a given seed and length.
// The page stores them in IndexedDB as Blobs keyed by the recording's
// audio.ref and plays them through one <audio> element with a blob: URL.

import { el } from './dom.js';

const SAMPLE_RATE = 8000;
const HEADER_BYTES = 44;

function writeAscii(view, offset, text) {
  for (let i = 0; i < text.length; i += 1) view.setUint8(offset + i, text.charCodeAt(i));
}

/** A WAV Blob of `durationMs` milliseconds. */
export function makeClip(durationMs, seed = 1) {
  const frames = Math.max(1, Math.round((SAMPLE_RATE * durationMs) / 1000));
  const buffer = new ArrayBuffer(HEADER_BYTES + frames * 2);
  const view = new DataView(buffer);
  writeAscii(view, 0, 'RIFF');
  view.setUint32(4, 36 + frames * 2, true);
  writeAscii(view, 8, 'WAVE');
  writeAscii(view, 12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  writeAscii(view, 36, 'data');
  view.setUint32(40, frames * 2, true);

  let state = (seed * 2654435761) >>> 0 || 1;
  const noise = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2147483648 - 1;
  };
  const basePitch = 120 + (seed % 7) * 22; // Hz
  const syllablesPerSecond = 3 + (seed % 3) * 0.6;
  let phase = 0;
  for (let i = 0; i < frames; i += 1) {
    const t = i / SAMPLE_RATE;
    const pitch = basePitch * (1 + 0.12 * Math.sin(2 * Math.PI * 0.7 * t) - 0.1 * (t / (durationMs / 1000)));
    phase += (2 * Math.PI * pitch) / SAMPLE_RATE;
    let voice = 0;
    for (let h = 1; h <= 5; h += 1) voice += Math.sin(h * phase) / (h * h);
    const syllable = Math.abs(Math.sin(Math.PI * syllablesPerSecond * t)) ** 0.6;
    const fade = Math.min(1, t / 0.03, (frames - i) / SAMPLE_RATE / 0.03);
    const sample = (0.32 * voice * syllable + 0.02 * noise()) * fade;
    view.setInt16(HEADER_BYTES + i * 2, Math.max(-1, Math.min(1, sample)) * 32767, true);
  }
  return new Blob([buffer], { type: 'audio/wav' });
}

/**
 * One audio player for the page: a caption and an <audio controls> element,
 * put into the row of the recording it plays (so its controls are the next
 * stop after that row's Play button). It plays a Blob through a blob: URL,
 * forgets it (URL revoked) when stopped, and tells `onChange` when it starts,
 * pauses or ends, so the row's button can say Play or Pause.
 */
export class AudioPlayer {
  constructor() {
    this.audio = el('audio', { id: 'player-audio', controls: true, preload: 'auto' });
    this.caption = el('p', { id: 'player-caption', class: 'player-caption', 'aria-live': 'polite' }, 'Nothing is playing.');
    this.node = el('div', { class: 'player', id: 'player', role: 'group', 'aria-label': 'Playback' }, this.caption, this.audio);
    this.recordingId = null;
    this.url = null;
    this.state = 'idle'; // idle | playing | paused | unavailable
    this.onChange = () => undefined;
    for (const event of ['play', 'pause', 'ended']) {
      this.audio.addEventListener(event, () => {
        if (this.recordingId === null || this.state === 'unavailable') return;
        this.state = event === 'play' ? 'playing' : 'paused';
        if (event === 'play') this.caption.textContent = `Playing: ${this.label}`;
        if (event === 'ended') this.caption.textContent = `Played: ${this.label}`;
        this.onChange();
      });
    }
  }

  /** Holds `blob` for `recordingId`, described by `label`, ready to start. */
  load(recordingId, blob, label) {
    this.stop();
    this.recordingId = recordingId;
    this.label = label;
    this.url = URL.createObjectURL(blob);
    this.audio.src = this.url;
    this.audio.dataset.recordingId = recordingId;
    this.state = 'paused';
    this.caption.textContent = `Ready to play: ${label}`;
  }

  /** Starts (or resumes) what is loaded. */
  async start() {
    try {
      await this.audio.play();
    } catch (error) {
      this.caption.textContent = `Ready to play (press play): ${this.label}`;
      if (error?.name !== 'NotAllowedError' && error?.name !== 'AbortError') throw error;
    }
  }

  /** Play becomes pause, pause becomes play. */
  async toggle() {
    if (this.state === 'playing') this.audio.pause();
    else if (this.state === 'paused') await this.start();
  }

  /** Says, in the row, why nothing plays. */
  unavailable(recordingId, text) {
    this.stop();
    this.recordingId = recordingId;
    this.state = 'unavailable';
    this.caption.textContent = text;
  }

  /** Stops and forgets the clip (its blob: URL is revoked). */
  stop() {
    const had = this.recordingId !== null;
    this.audio.pause();
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = null;
    this.recordingId = null;
    this.state = 'idle';
    this.audio.removeAttribute('src');
    delete this.audio.dataset.recordingId;
    this.audio.load();
    this.caption.textContent = 'Nothing is playing.';
    if (had) this.onChange();
  }

  /** Stops if the clip playing belongs to one of these (deleted) recordings. */
  forget(recordingIds) {
    if (this.recordingId !== null && recordingIds.includes(this.recordingId)) this.stop();
  }
}
