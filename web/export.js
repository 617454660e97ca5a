// What a parent downloads: one profile's data as a zip they can open (a
// readable summary, the engine's JSON, and the audio clips kept in this
// browser), the household as the engine's JSON, and the summary text that
// both the zip and the printable page say: what is kept now, and when each
// piece goes.

import { strToU8, zipSync } from 'fflate';
import { el } from './dom.js';
import { cleanText } from './dom.js';
import { countsSentence, effectiveRetentionText, formatDate, formatDateTime, plural, retentionLabel } from './format.js';

/** Saves a Blob as a file through a temporary blob: link. */
export function download(filename, blob) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: filename, class: 'visually-hidden', tabindex: '-1' }, filename);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Recordings grouped by the month they go (null: kept until deleted), soonest first. */
export function byWhenItGoes(recordings) {
  const groups = new Map();
  for (const recording of recordings) {
    const key = recording.dueAt === null ? 'never' : new Date(recording.dueAt).toISOString().slice(0, 7);
    if (!groups.has(key)) groups.set(key, { key, dueAt: recording.dueAt, recordings: [] });
    const group = groups.get(key);
    group.recordings.push(recording);
    if (recording.dueAt !== null && recording.dueAt < group.dueAt) group.dueAt = recording.dueAt;
  }
  return [...groups.values()].sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity));
}

const MONTH = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

export function groupTitle(group, now) {
  if (group.dueAt === null) return 'Kept until you delete them';
  if (group.dueAt <= now) return 'Due now: goes at the next sweep';
  return `Goes in ${MONTH.format(new Date(group.dueAt))}`;
}

/** Counts of what a list of recordings holds, as the engine counts them. */
export function countsOf(recordings) {
  const counts = { recordings: recordings.length, audio: 0, transcript: 0, intent: 0, annotation: 0, training_copy: 0 };
  for (const r of recordings) {
    if (r.audio) counts.audio += 1;
    if (r.transcript !== null) counts.transcript += 1;
    for (const item of r.derived) counts[item.kind] += 1;
  }
  return counts;
}

/** The summary as plain text (in the zip): the same facts as the printable page. */
export function summaryText({ profile, household, recordings, tombstones, receipts, now }) {
  const name = cleanText(profile.name);
  const lines = [
    `What ${cleanText(household.name)} keeps about ${name}, on ${formatDateTime(now)}`,
    '',
    `Retention chosen: ${retentionLabel(profile.retention)}. In effect: ${effectiveRetentionText(profile.effectiveRetention)}.`,
  ];
  if (profile.kind === 'child' && profile.consent) {
    lines.push(`Parental consent: ${profile.consent.state}. Disclosure to third parties: ${profile.consent.disclosure ? 'on' : 'off'}.`);
  }
  lines.push(`Kept now: ${recordings.length === 0 ? 'nothing' : countsSentence(countsOf(recordings))}.`, '');
  for (const group of byWhenItGoes(recordings)) {
    lines.push(`${groupTitle(group, now)}: ${countsSentence(countsOf(group.recordings))}`);
    for (const r of group.recordings) {
      const goes = r.dueAt === null ? 'kept until deleted' : `goes ${formatDate(r.dueAt)}`;
      lines.push(`  ${formatDateTime(r.capturedAt)}  ${r.transcript === null ? '(no transcript)' : `"${cleanText(r.transcript)}"`}${r.audio ? '  [audio]' : ''}  ${goes}`);
    }
    lines.push('');
  }
  lines.push(`Deleted so far: ${plural(tombstones.length, 'recording')}, with ${plural(receipts.length, 'receipt')} (in data.json).`);
  return `${lines.join('\n')}\n`;
}

/**
 * The zip of one profile: summary.txt, data.json (the engine's export) and
 * audio/<recording>.wav for every clip this browser holds.
 */
export function profileZip({ summary, data, clips }) {
  const files = {
    'summary.txt': strToU8(summary),
    'data.json': strToU8(`${JSON.stringify(data, null, 2)}\n`),
  };
  for (const clip of clips) files[`audio/${clip.name}`] = [clip.bytes, { level: 0 }];
  return new Blob([zipSync(files, { level: 6 })], { type: 'application/zip' });
}
