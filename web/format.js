// Words and dates shown on the page. Plain strings only (rendered as text).

/** A profile's kind in a word (R-AGE-1: under the consent age, from it to 17, 18 and over). */
export const KIND_LABEL = Object.freeze({ child: 'Child', teen: 'Teen', adult: 'Adult' });

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

const RETENTION_SHORT = { dont_save: "don't save", '3_months': '3 months', '18_months': '18 months', until_deleted: 'until deleted' };

/** A setting in a sentence: "from 18 months to 3 months". */
export function retentionShort(setting) {
  return RETENTION_SHORT[setting] ?? String(setting);
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** The time of day alone, where the day is said already (a day's heading). */
export function formatTime(ms) {
  return timeFormat.format(new Date(ms));
}

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

/** ArtifactCounts as "3 recordings" strings, every kind, zeros included (receipts list them all). */
export function countLines(counts) {
  return COUNT_NOUNS.map(([key, one, many]) => {
    const n = counts?.[key] ?? 0;
    return `${n} ${n === 1 ? one : many}`;
  });
}

/** ArtifactCounts in one sentence of what goes, zeros left out: "3 recordings, with 2 audio clips and 3 transcripts". */
export function countsSentence(counts) {
  const lines = countLines(counts);
  const rest = lines.slice(1).filter((line) => !line.startsWith('0 '));
  if (rest.length === 0) return lines[0];
  const last = rest.pop();
  return `${lines[0]}, with ${rest.length ? `${rest.join(', ')} and ${last}` : last}`;
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

/** A local day "YYYY-MM-DD" in the page's one date format ("Mar 10, 2024"). */
export function formatDay(dateString) {
  const ms = localMidnight(dateString);
  return ms === undefined ? String(dateString) : formatDate(ms);
}

/** Epoch ms to the local "YYYY-MM-DD" an <input type=date> takes. */
export function localDateString(ms) {
  const date = new Date(ms);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const numberFormat = new Intl.NumberFormat();

/** "1 recording", "1,234 recordings". */
export function plural(n, one, many = `${one}s`) {
  return `${numberFormat.format(n)} ${n === 1 ? one : many}`;
}

export function formatNumber(n) {
  return numberFormat.format(n);
}

/** The caller's UTC offset in minutes (east positive), as the engine takes it for "today". */
export function utcOffsetMinutes(ms = Date.now()) {
  return -new Date(ms).getTimezoneOffset();
}

const DELETION_KINDS = {
  ids: 'chosen recordings',
  range: 'a date range',
  device: 'one device',
  all: 'everything',
  just_said: 'what was just said (by voice)',
  today: 'everything said today (by voice)',
  sweep: 'retention ran out (sweep)',
  retention: 'a shorter retention setting',
  profile: 'removing the profile',
};

export function deletionKindText(kind) {
  return DELETION_KINDS[kind] ?? String(kind);
}

/** A file name part from untrusted text: letters, digits and dashes only. */
export function fileNamePart(text) {
  return String(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'household';
}

/** Whole years from a YYYY-MM-DD birth date to `now` (UTC days), or null. */
export function ageOn(birthDate, now) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate ?? '');
  if (!match) return null;
  const [, y, m, d] = match.map(Number);
  const today = new Date(now);
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age -= 1;
  return age;
}

/** "9 years old" from a YYYY-MM-DD birth date, or null. */
export function ageText(birthDate, now) {
  const age = ageOn(birthDate, now);
  return age === null ? null : `${age} ${age === 1 ? 'year' : 'years'} old`;
}

/**
 * The approved methods of verifiable parental consent (R-CON-2), in plain
 * words. Which of them back disclosure to third parties is the engine's to
 * say (privacyDisclosure's consentMethods), not written here.
 */
export const CONSENT_METHODS = Object.freeze([
  {
    method: 'signed_form',
    label: 'Signed consent form',
    text: 'You sign a consent form and send it back by post, by fax or as a scan.',
  },
  {
    method: 'payment_card',
    label: 'Card or online payment',
    text: 'A payment with your credit or debit card or an online payment service; the account holder is told of the transaction.',
  },
  {
    method: 'toll_free_call',
    label: 'Free phone call',
    text: 'You call a free number and speak with trained staff, who check that you are the parent.',
  },
  {
    method: 'video_call',
    label: 'Video call',
    text: 'A video call with trained staff, who check that you are the parent.',
  },
  {
    method: 'government_id',
    label: 'Government ID',
    text: 'Your government-issued ID is checked against official records, and then deleted.',
  },
  {
    method: 'knowledge_based',
    label: 'Questions only a parent could answer',
    text: 'Knowledge-based questions, hard enough that a child could not answer them.',
  },
  {
    method: 'face_match',
    label: 'Face match to your photo ID',
    text: 'A photo of your face is matched to the photo on your ID, checked by trained staff or software.',
  },
  {
    method: 'text_plus',
    label: 'Text message, plus a check',
    text: 'You reply to a text message, and a second step (another message, a letter or a call) confirms it.',
  },
  {
    method: 'email_plus',
    label: 'Email, plus a check',
    text: 'You reply to an email, and a second step (a later email, a letter or a call) confirms it.',
  },
]);

/** Said of a method that does not back disclosure (which ones: the engine's privacy disclosure, R-CON-2). */
export function internalOnlyNote(method) {
  return `${consentMethodLabel(method)} covers internal use only: consent given this way can never allow disclosure to third parties (ads, analytics, training by others).`;
}

export function consentMethodLabel(method) {
  return CONSENT_METHODS.find((m) => m.method === method)?.label ?? String(method);
}

const CONSENT_STATES = {
  none: 'Not given',
  pending: 'Requested, waiting for verification',
  verified: 'Verified',
  revoked: 'Revoked',
};

export function consentStateText(state) {
  return CONSENT_STATES[state] ?? String(state);
}

/** The last sign of life of a profile (R-PRO-2): created, last recording, or kept. */
export function lastActiveAt(profile) {
  return Math.max(profile.createdAt ?? 0, profile.lastActiveAt ?? 0, profile.keptAt ?? 0);
}
