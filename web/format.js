// Words and dates shown on the page. Plain strings only (rendered as text).

export const RETENTION_SETTINGS = ['dont_save', '3_months', '18_months', 'until_deleted'];

const RETENTION_LABELS = {
  dont_save: "Don't save recordings",
  '3_months': 'Keep for 3 months',
  '18_months': 'Keep for 18 months',
  until_deleted: 'Keep until deleted',
};

export function retentionLabel(setting) {
  return RETENTION_LABELS[setting] ?? setting;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(ms) {
  return dateTimeFormat.format(new Date(ms));
}

export function formatDate(ms) {
  return dateFormat.format(new Date(ms));
}

export function isoString(ms) {
  return new Date(ms).toISOString();
}

/** "18 months", "1 month". */
export function months(n) {
  return `${n} ${n === 1 ? 'month' : 'months'}`;
}

/** The effective retention, in words (R-RET-1, R-RET-4). */
export function effectiveRetentionText(effective) {
  let text;
  if (effective.months === null) text = 'kept until deleted';
  else if (effective.months === 0) text = 'not saved (deleted as soon as processed)';
  else text = `kept for ${months(effective.months)}`;
  if (effective.cappedByPolicy && effective.policyMaxMonths !== null) {
    text += ` — shortened by the household's written retention policy (at most ${months(effective.policyMaxMonths)} for a child)`;
  }
  return text;
}

export function durationText(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

const COUNT_NOUNS = [
  ['recordings', 'recording', 'recordings'],
  ['audio', 'audio clip', 'audio clips'],
  ['transcript', 'transcript', 'transcripts'],
  ['intent', 'intent', 'intents'],
  ['annotation', 'annotation', 'annotations'],
  ['training_copy', 'training copy', 'training copies'],
];

/** ArtifactCounts as a list of "3 recordings" strings (all kinds, zeros included). */
export function countLines(counts) {
  return COUNT_NOUNS.map(([key, one, many]) => {
    const n = counts?.[key] ?? 0;
    return `${n} ${n === 1 ? one : many}`;
  });
}

const REASONS = {
  nothing_recent: 'nothing was said recently',
  already_deleted: 'these recordings were already deleted',
  no_match: 'no recording matches',
  already_done: 'this request was already carried out',
};

export function reasonText(reason) {
  return REASONS[reason] ?? reason ?? '';
}

/** Local calendar date "YYYY-MM-DD" (as an <input type=date> gives it) to epoch ms at local midnight. */
export function localMidnight(dateString, addDays = 0) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateString ?? '');
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number);
  return new Date(y, m - 1, d + addDays).getTime();
}

/** Epoch ms to the local "YYYY-MM-DD" an <input type=date> takes. */
export function localDateString(ms) {
  const date = new Date(ms);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
