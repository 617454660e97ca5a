// The demo household the page creates on a first run (and the large one for
// the speed check, `?demo=large`), through the engine's public API only.
// Deterministic for a given `now` (seeded generator), so a run can be
// reproduced; every timestamp derives from the `now` passed in.

import { makeClip } from './audio.js';
import { runCommand } from './engine-adapter.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEMO = Object.freeze({
  household: { id: 'demo-household', name: 'The Rivera household' },
  guardians: [
    { id: 'guardian-alex', name: 'Alex Rivera', verified: true },
    { id: 'guardian-jordan', name: 'Jordan Rivera', verified: true },
  ],
  devices: [
    { id: 'kitchen-speaker', name: 'Kitchen speaker' },
    { id: 'maya-tablet', name: "Maya's tablet" },
    { id: 'living-room-display', name: 'Living room display' },
  ],
  profiles: [
    { id: 'maya', name: 'Maya', kind: 'child', birthDate: '2016-04-12', retention: '18_months' },
    { id: 'leo', name: 'Leo', kind: 'child', birthDate: '2019-09-03', retention: 'until_deleted' },
    { id: 'sam', name: 'Sam', kind: 'adult', retention: 'until_deleted' },
  ],
});

const POLICY_TEXT = {
  audio: {
    purpose: 'Recognise the request and let the family play it back.',
    businessNeed: 'Needed to answer the request and to fix recognition errors the family reports.',
  },
  transcript: {
    purpose: 'Show the family what the assistant heard.',
    businessNeed: 'Needed for the family to review and correct requests.',
  },
  derived: {
    purpose: 'Intents and annotations that make the assistant answer correctly.',
    businessNeed: 'Needed to keep answers accurate; never sold, never used for ads.',
  },
};

export function demoRetentionPolicy() {
  return {
    categories: ['audio', 'transcript', 'derived'].map((category) => ({
      category,
      childMaxMonths: 18,
      adultMaxMonths: null,
      ...POLICY_TEXT[category],
    })),
    justSaidWindowMinutes: 10,
  };
}

const TRANSCRIPTS = {
  maya: [
    'how far away is the moon',
    'play the dinosaur song',
    'what is seven times eight',
    'spell necessary',
    'set a timer for twenty minutes',
    'tell me a joke about penguins',
    'what is the capital of Australia',
    'how do you say thank you in Spanish',
    'play rain sounds',
    'what time is my piano lesson',
    'how many legs does a spider have',
    'add strawberries to the shopping list',
    'what is the weather tomorrow',
    'read me a story about dragons',
    'why is the sky blue',
    'turn the volume down',
    'what rhymes with orange',
    'how tall is a giraffe',
  ],
  leo: [
    'play the animal song',
    'what does a cow say',
    'tell me a story',
    'sing happy birthday',
    'how many days until my birthday',
    'play the bus song again',
    'what colour is a flamingo',
    'count to twenty',
    'is it raining',
    'what do sharks eat',
    'stop',
    'play the robot game',
  ],
  sam: [
    'what is the weather today',
    'set an alarm for six thirty',
    'add milk and eggs to the shopping list',
    'how long is the drive to the airport',
    'play the news',
    'remind me to call the dentist at nine',
    'convert three hundred grams to ounces',
    'turn off the living room lights',
    'what is on my calendar tomorrow',
    'play some jazz',
    'how many tablespoons in a cup',
    'set a timer for forty minutes',
    'what time does the pharmacy close',
    'call Jordan',
  ],
};

/** Which device each speaker mostly uses, with weights. */
const DEVICE_WEIGHTS = {
  maya: [['maya-tablet', 6], ['kitchen-speaker', 3], ['living-room-display', 2]],
  leo: [['living-room-display', 5], ['kitchen-speaker', 4], ['maya-tablet', 1]],
  sam: [['kitchen-speaker', 6], ['living-room-display', 4]],
};

/** The first-run demo: a few hundred recordings. */
export const SMALL_DEMO = Object.freeze({ counts: { maya: 130, leo: 95, sam: 115 }, audioShare: 0.2, idDigits: 4 });
/** `?demo=large`: 10,000 recordings, for the speed check. */
export const LARGE_DEMO = Object.freeze({ counts: { maya: 6000, leo: 2000, sam: 2000 }, audioShare: 0.01, idDigits: 5 });

/**
 * How far back each profile's recordings go. The children's stay inside
 * their 18 months (the policy's child maximum), so nothing is already due
 * when the household is made; the adult's span two years.
 */
const HISTORY_DAYS = { maya: 540, leo: 540, sam: 730 };

/** mulberry32: a small seeded generator, enough for demo data. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted(random, weighted) {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

/**
 * The demo recordings before `now`, at plausible hours, oldest first. Some
 * have an audio clip (`audio/<id>.wav`, 0.7 to 2.6 s), most have derived
 * items. Deterministic for a given `now`, size and seed.
 */
export function demoRecordings(now, size = SMALL_DEMO, seed = 20230531) {
  const random = seededRandom(seed);
  const recordings = [];
  for (const [profileId, count] of Object.entries(size.counts)) {
    for (let i = 0; i < count; i += 1) {
      const daysAgo = Math.floor(random() * HISTORY_DAYS[profileId]);
      const minuteOfDay = 7 * 60 + Math.floor(random() * 13 * 60); // 07:00..20:00 UTC
      let capturedAt = now - daysAgo * DAY_MS;
      capturedAt = capturedAt - (capturedAt % DAY_MS) + minuteOfDay * 60_000 + Math.floor(random() * 60_000);
      if (capturedAt > now - 60 * 60_000) capturedAt = now - 60 * 60_000 - Math.floor(random() * 6 * 60 * 60_000);
      const phrases = TRANSCRIPTS[profileId];
      const recording = {
        profileId,
        deviceId: pickWeighted(random, DEVICE_WEIGHTS[profileId]),
        capturedAt,
        transcript: random() < 0.93 ? phrases[Math.floor(random() * phrases.length)] : null,
      };
      if (random() < size.audioShare) recording.audioDurationMs = 700 + Math.floor(random() * 1900);
      const derivedKinds = [];
      if (recording.transcript && random() < 0.8) derivedKinds.push('intent');
      if (random() < 0.15) derivedKinds.push('annotation');
      if (profileId === 'sam' && random() < 0.05) derivedKinds.push('training_copy');
      recording.derivedKinds = derivedKinds;
      recordings.push(recording);
    }
  }
  recordings.sort((a, b) => a.capturedAt - b.capturedAt);
  return recordings.map((r, index) => {
    const id = `rec-${String(index + 1).padStart(size.idDigits, '0')}`;
    return {
      id,
      profileId: r.profileId,
      deviceId: r.deviceId,
      capturedAt: r.capturedAt,
      audio: r.audioDurationMs ? { ref: `audio/${id}.wav`, durationMs: r.audioDurationMs } : null,
      transcript: r.transcript,
      derived: r.derivedKinds.map((kind) => ({ id: `${id}-${kind}`, kind })),
    };
  });
}

/**
 * Builds the demo household into `engine` (which must be empty), every call
 * at the `now` given, through the public API only. Returns the recordings
 * added (the caller makes the audio clips of those that have audio).
 */
export function createDemoHousehold(engine, now, size = SMALL_DEMO, { notices = false } = {}) {
  const operator = 'operator';
  const run = (method, input) => runCommand(engine, method, input).result;
  // With `notices`, the household was set up 19 months ago (so a child unused
  // since then is inactive, R-PRO-2) and Maya turned 13 two days ago (R-PRO-3).
  const setUpAt = notices ? monthsBefore(now, 19) : now;
  const profiles = notices
    ? [
        ...DEMO.profiles.map((p) => (p.id === 'maya' ? { ...p, birthDate: thirteenthBirthdayPassed(now) } : p)),
        NOTICES_DEMO_CHILD,
      ]
    : DEMO.profiles;
  run('createHousehold', {
    actor: operator,
    now: setUpAt,
    id: DEMO.household.id,
    name: DEMO.household.name,
    retentionPolicy: demoRetentionPolicy(),
  });
  for (const guardian of DEMO.guardians) run('addGuardian', { actor: operator, now: setUpAt, guardian });
  const parent = DEMO.guardians[0].id;
  for (const device of DEMO.devices) run('addDevice', { actor: parent, now: setUpAt, device });
  for (const profile of profiles) run('addProfile', { actor: parent, now: setUpAt, profile });
  // R-CON-1: nothing is recorded into a child profile before verifiable
  // parental consent; the demo parent gave it by signed form.
  for (const profile of profiles.filter((p) => p.kind === 'child')) {
    run('requestConsent', { actor: parent, now: setUpAt, profileId: profile.id, method: 'signed_form' });
    run('recordConsent', {
      actor: parent,
      now: setUpAt,
      profileId: profile.id,
      method: 'signed_form',
      reference: `demo-form-${profile.id}`,
      verifiedBy: 'Demo verifier',
    });
  }
  const recordings = demoRecordings(now, size);
  run('addRecordings', { recordings, now, actor: 'system' });
  return recordings;
}

/** The extra child of the notices demo: added 19 months ago, never used since. */
export const NOTICES_DEMO_CHILD = Object.freeze({ id: 'theo', name: 'Theo', kind: 'child', birthDate: '2018-06-01', retention: '3_months' });

/** `n` calendar months before `ms` (UTC), as the engine counts months. */
function monthsBefore(ms, n) {
  const date = new Date(ms);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - n);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

/** A birth date (YYYY-MM-DD) whose 13th birthday was two days before `now` (UTC). */
function thirteenthBirthdayPassed(now) {
  const date = new Date(now - 2 * DAY_MS);
  const y = date.getUTCFullYear() - 13;
  const m = date.getUTCMonth() + 1;
  const d = m === 2 && date.getUTCDate() === 29 ? 28 : date.getUTCDate();
  const pad = (n) => String(n).padStart(2, '0');
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The audio clips of the recordings that have audio: `{ ref, recordingId, blob }` for the audio store. */
export function demoAudioClips(recordings) {
  return recordings
    .filter((recording) => recording.audio)
    .map((recording, index) => ({
      ref: recording.audio.ref,
      recordingId: recording.id,
      blob: makeClip(recording.audio.durationMs, index + 1),
    }));
}
