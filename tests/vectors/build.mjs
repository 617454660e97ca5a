// Writes the shared scenario files in this folder from the definitions below.
// Each file: { description, covers, import: { actor, now }, state, steps: [{ command, expected }] }.
// A replay imports `state` (a schema 3 export, or a schema 1/2 state that
// migrates) with importState { actor, now } from `import`, then runs each
// step's command; `expected` is the engine's answer, whose text is
// JSON.stringify(expected): keys in the order the engine writes them.
// `expected` is what the native engine answered when the file was written;
// every expected answer was read against RULES.md before it was committed,
// and both suites (tests/native/vectors_test.cpp, tests/js/vectors.test.mjs)
// replay the steps and require the same bytes from every build.
//   node tests/vectors/build.mjs            (needs build/privacy_cli)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const cli = fileURLToPath(new URL('../../build/privacy_cli', import.meta.url));

function run(commands) {
  const out = spawnSync(cli, { input: commands.map((c) => JSON.stringify(c)).join('\n') + '\n', maxBuffer: 1 << 28 });
  if (out.status !== 0) throw new Error(`privacy_cli failed: ${out.stderr}`);
  return out.stdout.toString().trimEnd().split('\n').map((line) => {
    const answer = JSON.parse(line);
    // The file keeps the parsed answer: its text must come back byte for byte.
    if (JSON.stringify(answer) !== line) throw new Error(`an answer does not round-trip through JSON: ${line.slice(0, 200)}`);
    return answer;
  });
}

const T = (iso) => iso; // instants are written as ISO strings in commands
const policy = (childMax = 18, adultMax = null) => ({
  categories: ['audio', 'transcript', 'derived'].map((category) => ({
    category, childMaxMonths: childMax, adultMaxMonths: adultMax,
    purpose: `to answer requests (${category})`, businessNeed: 'to improve answers for the household',
  })),
  justSaidWindowMinutes: 10,
});

// The household every scenario starts from.
const rec = (id, profileId, deviceId, capturedAt, extra = {}) => ({
  id, profileId, deviceId, capturedAt,
  audio: { ref: `audio/${id}`, durationMs: 1800 }, transcript: `transcript of ${id}`,
  derived: [{ id: `${id}-intent`, kind: 'intent' }, { id: `${id}-training`, kind: 'training_copy' }],
  ...extra,
});
const START = T('2024-01-01T00:00:00Z');
const setup = [
  { command: 'createHousehold', actor: 'operator', now: START, id: 'h1', name: 'The Riveras', retentionPolicy: policy() },
  { command: 'addGuardian', actor: 'operator', now: START, guardian: { id: 'g1', name: 'Ana', verified: true } },
  { command: 'addGuardian', actor: 'operator', now: START, guardian: { id: 'g2', name: 'Ben', verified: false } },
  { command: 'addDevice', actor: 'g1', now: START, device: { id: 'd1', name: 'Kitchen speaker' } },
  { command: 'addDevice', actor: 'g1', now: START, device: { id: 'd2', name: "Maya's tablet" } },
  { command: 'addProfile', actor: 'g1', now: START, profile: { id: 'c1', name: 'Maya', kind: 'child', birthDate: '2016-04-02' } },
  { command: 'addProfile', actor: 'g1', now: START, profile: { id: 'c2', name: 'Leo', kind: 'child', birthDate: '2019-09-14' } },
  { command: 'addProfile', actor: 'g1', now: START, profile: { id: 't1', name: 'Noor', kind: 'teen', birthDate: '2010-03-10' } },
  { command: 'addProfile', actor: 'g1', now: START, profile: { id: 'a1', name: 'Sam', kind: 'adult', retention: 'until_deleted', voiceDeletion: true } },
  ...['c1', 'c2'].flatMap((profileId) => [
    { command: 'requestConsent', actor: 'g1', now: START, profileId, method: 'signed_form' },
    { command: 'recordConsent', actor: 'g1', now: START, profileId, method: 'signed_form', reference: `form-${profileId}`, verifiedBy: 'demo verifier' },
  ]),
  { command: 'setRetention', actor: 'g1', now: T('2024-01-02T00:00:00Z'), profileId: 'c1', setting: '18_months' },
  { command: 'setVoiceDeletion', actor: 'g1', now: T('2024-01-02T00:00:00Z'), profileId: 'c1', enabled: true },
  { command: 'setVoiceDeletion', actor: 't1', now: T('2024-01-02T00:00:00Z'), profileId: 't1', enabled: true },
  { command: 'addRecordings', actor: 'system', now: T('2026-11-29T12:00:00Z'), recordings: [
    rec('r1', 'c1', 'd1', T('2025-01-31T09:00:00Z')),
    rec('r2', 'c1', 'd1', T('2025-05-31T18:30:00Z')),
    rec('r3', 'c1', 'd2', T('2026-06-15T07:45:00Z'), { audio: null }),
    rec('r4', 'c1', 'd1', T('2026-11-29T08:00:00Z'), { derived: [] }),
    rec('r5', 'c1', 'd1', T('2026-11-29T11:55:00Z')),
    rec('r6', 'c2', 'd1', T('2026-11-29T11:58:00Z'), { transcript: null }),
    rec('r7', 'c2', 'd2', T('2026-08-31T23:59:59.999Z')),
    rec('r8', 'a1', 'd1', T('2023-12-31T10:00:00Z')),
    rec('r9', 'a1', 'd1', T('2026-11-29T11:59:00Z'), { derived: [{ id: 'r9-note', kind: 'annotation' }] }),
    rec('r10', 't1', 'd2', T('2026-11-29T10:00:00Z')),
  ] },
];
const NOW = T('2026-11-29T12:00:00Z');
const baseState = run([...setup, { command: 'exportState', actor: 'operator' }]).at(-1).result;
const baseEntries = baseState.auditLog.length;
const legacy = (name) => JSON.parse(readFileSync(`${here}fixtures/${name}`, 'utf8'));

// Made by the IAB's reference encoders (@iabtechlabtcf/core, @iabgpp/cmpapi).
const ADS_TCF = 'CQuZP8AQuZP8AEsACAENCWFgALAAAAAAAAYgF5wAgAQALzAAAAAA.IF5wAwAEAAgAXmAA.YAAAAAAAAAAA'; // TCF v2.3: 755, 32 consented; 755, 32, 8 disclosed
const ADS_GPP = `DBACPeA~${ADS_TCF}~1YNN~CVVqAAAAAACA.QA`; // usnat: every notice given, no opt-out
const del = (fields) => ({ command: 'deleteRecordings', actor: 'g1', now: NOW, profileId: 'c1', ...fields });
const exportState = { command: 'exportState', actor: 'operator' };
const noticeWithAds = { version: 2, collects: ['voice recordings (audio)', 'transcripts', 'derived data (intents, annotations)'], thirdParties: [{ name: 'Acme Ads', category: 'advertising', purpose: 'contextual ads' }] };
const ads = (fields) => ({ command: 'decideAds', now: NOW, context: 'general', ...fields });

const scenarios = {
  'retention-dont-save': {
    description: "dont_save makes every recording of the profile due at its capture: choosing it deletes what is there at once, and a sweep deletes what comes after",
    covers: ['R-RET-1', 'R-RET-2', 'R-RET-5', 'R-RET-6'],
    steps: [
      { command: 'previewRetention', actor: 'g1', now: NOW, profileId: 'c2', setting: 'dont_save' },
      { command: 'setRetention', actor: 'g1', now: NOW, profileId: 'c2', setting: 'dont_save' },
      { command: 'listRecordings', actor: 'g1', profileId: 'c2' },
      { command: 'addRecording', actor: 'system', now: NOW, recording: rec('r11', 'c2', 'd1', NOW) },
      { command: 'previewSweep', actor: 'system', now: NOW },
      { command: 'sweep', actor: 'system', now: NOW },
      { command: 'listRecordings', actor: 'g1', profileId: 'c2' },
    ],
  },
  'retention-calendar-months': {
    description: 'N months are calendar months in UTC, clamped to the month end, same time of day; due is inclusive',
    covers: ['R-RET-3', 'R-RET-6'],
    steps: [
      { command: 'setRetention', actor: 'g1', now: NOW, profileId: 'c2', setting: '3_months' },
      { command: 'listRecordings', actor: 'g1', profileId: 'c2' },
      { command: 'previewSweep', actor: 'system', now: T('2026-11-30T23:59:59.998Z') },
      { command: 'previewSweep', actor: 'system', now: T('2026-11-30T23:59:59.999Z') },
    ],
  },
  'retention-child-cap': {
    description: "a child's (and a teen's) until_deleted is the written policy's child maximum; an adult's is kept until deleted; a policy without a finite child maximum is refused",
    covers: ['R-RET-4'],
    steps: [
      { command: 'setRetention', actor: 'g1', now: NOW, profileId: 'c1', setting: 'until_deleted' },
      { command: 'setRetention', actor: 't1', now: NOW, profileId: 't1', setting: 'until_deleted' },
      { command: 'effectiveRetention', actor: 'a1', profileId: 'a1' },
      { command: 'setRetentionPolicy', actor: 'operator', now: NOW, retentionPolicy: { ...policy(), categories: policy().categories.map((c) => ({ ...c, childMaxMonths: null })) } },
      { command: 'setRetentionPolicy', actor: 'operator', now: NOW, retentionPolicy: { ...policy(), categories: policy().categories.slice(0, 2) } },
      { command: 'setRetentionPolicy', actor: 'operator', now: NOW, retentionPolicy: policy(12, 24) },
      { command: 'effectiveRetention', actor: 'g1', profileId: 'c1' },
      { command: 'effectiveRetention', actor: 't1', profileId: 't1' },
      { command: 'effectiveRetention', actor: 'a1', profileId: 'a1' },
    ],
  },
  'retention-shorten-lengthen': {
    description: 'shortening applies as soon as the parent confirms it, with a receipt; lengthening afterwards brings nothing back',
    covers: ['R-RET-5', 'R-RET-6', 'R-DEL-4', 'R-DEL-5'],
    steps: [
      { command: 'previewSweep', actor: 'system', now: NOW },
      { command: 'previewRetention', actor: 'g1', profileId: 'c1', setting: '3_months', now: NOW },
      { command: 'setRetention', actor: 'g1', now: NOW, profileId: 'c1', setting: '3_months' },
      { command: 'sweep', actor: 'system', now: NOW },
      { command: 'setRetention', actor: 'g1', now: NOW, profileId: 'c1', setting: '18_months' },
      { command: 'listRecordings', actor: 'g1', profileId: 'c1' },
      { command: 'mayUse', actor: 'system', recordingId: 'r3', purpose: 'training' },
      { command: 'setRetention', actor: 'g1', now: NOW, profileId: 'c1', setting: 'dont_save', requestId: 'shorten-2' },
      { command: 'sweep', actor: 'system', now: NOW },
    ],
  },
  'delete-by-ids': {
    description: 'one and several by id, duplicates counted once; every artifact counted; the same request again deletes nothing; a used id for another request conflicts',
    covers: ['R-DEL-1', 'R-DEL-3', 'R-DEL-5'],
    steps: [
      del({ requestId: 'q1', kind: 'ids', ids: ['r1', 'r2', 'r1'] }),
      del({ requestId: 'q1', kind: 'ids', ids: ['r1', 'r2'] }),
      del({ requestId: 'q1', kind: 'ids', ids: ['r3'] }),
      del({ requestId: 'q2', kind: 'ids', ids: ['r1'] }),
      del({ requestId: 'q3', kind: 'ids', ids: ['r6'] }),
      del({ requestId: 'q4', kind: 'ids', ids: ['nope'] }),
      del({ requestId: 'q5', kind: 'ids', ids: [] }),
      { command: 'tombstones', actor: 'g1' },
    ],
  },
  'delete-by-range': {
    description: 'a range is half-open [from, to) on capturedAt; from >= to is invalid_input, not an empty deletion',
    covers: ['R-DEL-1', 'R-DEL-6'],
    steps: [
      del({ requestId: 'q1', kind: 'range', from: T('2025-05-31T18:30:00Z'), to: T('2026-06-15T07:45:00Z') }),
      del({ requestId: 'q2', kind: 'range', from: T('2026-06-15T07:45:00Z'), to: T('2026-06-15T07:45:00Z') }),
      del({ requestId: 'q3', kind: 'range', from: T('2026-01-01T00:00:00+02:00'), to: T('2026-01-01T00:00:00Z'), deviceId: 'd1' }),
      { command: 'listRecordings', actor: 'g1', profileId: 'c1' },
    ],
  },
  'delete-by-device-and-all': {
    description: "by device and all stay inside the profile: another profile's or device's recordings are untouched; support deletes only on a verified parent's request, and says so",
    covers: ['R-DEL-1', 'R-DEL-6', 'R-INT-5'],
    steps: [
      del({ requestId: 'q1', kind: 'device', deviceId: 'd2' }),
      { command: 'listRecordings', actor: 'g1', profileId: 'c1', deviceId: 'd2' },
      { command: 'listRecordings', actor: 't1', profileId: 't1', deviceId: 'd2' },
      del({ requestId: 'q2', kind: 'all' }),
      { command: 'overview', actor: 'g1' },
      del({ requestId: 'q3', kind: 'all', actor: 'g2' }),
      del({ requestId: 'q4', kind: 'all', profileId: 'a1' }),
      { command: 'deleteRecordings', actor: 'a1', now: NOW, requestId: 'q5', profileId: 'a1', kind: 'all' },
      { command: 'deleteRecordings', actor: 'support:s1', now: NOW, requestId: 'q6', profileId: 'c2', kind: 'all' },
      { command: 'deleteRecordings', actor: 'support:s1', onBehalfOf: 'g1', now: NOW, requestId: 'q6', profileId: 'c2', kind: 'all' },
    ],
  },
  'voice-requests': {
    description: '"what I just said" deletes the most recent on that device within the window; "today" since local midnight; only where voice deletion is on; the speaker (or a parent typing it) asks',
    covers: ['R-DEL-2', 'R-DEL-5', 'R-DEL-6', 'R-INT-5'],
    steps: [
      { command: 'parseVoiceRequest', utterance: 'Alexa, delete what I just said.' },
      { command: 'parseVoiceRequest', utterance: "Hey Google, please delete everything I've said today!" },
      { command: 'parseVoiceRequest', utterance: "don't delete what I just said" },
      { command: 'voiceRequest', actor: 'c1', requestId: 'v1', profileId: 'c1', deviceId: 'd1', utterance: 'Alexa, delete what I just said', utcOffsetMinutes: 0, now: NOW },
      { command: 'voiceRequest', actor: 'c1', requestId: 'v2', profileId: 'c1', deviceId: 'd2', utterance: 'delete what I just said', utcOffsetMinutes: 0, now: NOW },
      { command: 'voiceRequest', actor: 'c1', requestId: 'v3', profileId: 'c1', deviceId: 'd1', utterance: 'delete everything I said today', utcOffsetMinutes: -600, now: NOW },
      { command: 'voiceRequest', actor: 'g1', requestId: 'v4', profileId: 'c1', deviceId: 'd1', utterance: 'delete everything I said today', utcOffsetMinutes: 0, now: NOW },
      { command: 'voiceRequest', actor: 'c2', requestId: 'v5', profileId: 'c2', deviceId: 'd1', utterance: 'delete what I just said', utcOffsetMinutes: 0, now: NOW },
      { command: 'voiceRequest', actor: 'a1', requestId: 'v6', profileId: 'a1', deviceId: 'd1', utterance: 'computer, erase the last thing I said please', utcOffsetMinutes: 60, now: NOW },
      { command: 'voiceRequest', actor: 't1', requestId: 'v7', profileId: 't1', deviceId: 'd2', utterance: "delete today's recordings", utcOffsetMinutes: 0, now: NOW },
      { command: 'voiceRequest', actor: 'c2', requestId: 'v8', profileId: 'c1', deviceId: 'd1', utterance: 'delete what I just said', utcOffsetMinutes: 0, now: NOW },
      { command: 'voiceRequest', requestId: 'v9', profileId: 'c1', deviceId: 'd1', utterance: 'delete what I just said', utcOffsetMinutes: 0, now: NOW },
    ],
  },
  'tombstones-and-may-use': {
    description: 'a deleted recording leaves a tombstone and may not be used for any purpose, training included; personal data is never sold',
    covers: ['R-DEL-3', 'R-DEL-4'],
    steps: [
      { command: 'mayUse', actor: 'system', recordingId: 'r9', purpose: 'training' },
      { command: 'mayUse', actor: 'system', recordingId: 'r9', purpose: 'sale' },
      { command: 'mayUse', actor: 'system', recordingId: 'r5', purpose: 'training' },
      { command: 'deleteRecordings', actor: 'a1', now: NOW, requestId: 'q1', profileId: 'a1', kind: 'ids', ids: ['r9'] },
      ...['service', 'playback', 'review', 'training', 'analytics', 'disclosure', 'sale'].map((purpose) => ({ command: 'mayUse', actor: 'system', recordingId: 'r9', purpose })),
      { command: 'addRecording', actor: 'system', now: NOW, recording: rec('r9', 'a1', 'd1', NOW) },
      { command: 'auditLog', actor: 'operator', offset: baseEntries },
      { command: 'verifyAuditLog', actor: 'g1' },
    ],
  },
  'consent-lifecycle': {
    description: 'no collection before verified consent; approved methods; email-plus never backs disclosure; disclosure needs a notice that names recipients; revocation stops collection and can delete; a store event is a parent\'s; a material notice change or a new request needs fresh consent, with disclosure off until confirmed again',
    covers: ['R-CON-1', 'R-CON-2', 'R-CON-3', 'R-CON-4', 'R-CON-5', 'R-AGE-5'],
    steps: [
      { command: 'addProfile', actor: 'g1', now: NOW, profile: { id: 'c3', name: 'Ada', kind: 'child', birthDate: '2022-02-28' } },
      { command: 'addRecording', actor: 'system', now: NOW, recording: rec('r20', 'c3', 'd1', NOW) },
      { command: 'enableProfile', actor: 'g1', now: NOW, profileId: 'c3', enabled: true },
      { command: 'recordConsent', actor: 'g1', now: NOW, profileId: 'c3', method: 'email_plus', reference: 'mail-1', verifiedBy: 'demo verifier' },
      { command: 'requestConsent', actor: 'g1', now: NOW, profileId: 'c3', method: 'email_plus' },
      { command: 'recordConsent', actor: 'g1', now: NOW, profileId: 'c3', method: 'email_plus', reference: 'mail-1', verifiedBy: 'demo verifier' },
      { command: 'addRecording', actor: 'system', now: NOW, recording: rec('r20', 'c3', 'd1', NOW) },
      { command: 'setDisclosureConsent', actor: 'g1', now: NOW, profileId: 'c3', enabled: true },
      { command: 'mayUse', actor: 'system', recordingId: 'r20', purpose: 'disclosure' },
      { command: 'setDisclosureConsent', actor: 'g1', now: NOW, profileId: 'c1', enabled: true },
      { command: 'storeConsentEvent', actor: 'system', now: NOW, profileId: 'c3', store: 'apple', event: 'significant_change' },
      { command: 'recordConsent', actor: 'g1', now: NOW, profileId: 'c3', method: 'email_plus', reference: 'mail-2', verifiedBy: 'demo verifier' },
      { command: 'revokeConsent', actor: 'g1', now: NOW, profileId: 'c2', deleteData: true, requestId: 'revoke-c2' },
      { command: 'addRecording', actor: 'system', now: NOW, recording: rec('r21', 'c2', 'd1', NOW) },
      { command: 'revokeConsent', actor: 'g1', now: NOW, profileId: 'c2', deleteData: false },
      { command: 'setPrivacyNotice', actor: 'operator', now: NOW, privacyNotice: noticeWithAds },
      { command: 'addRecording', actor: 'system', now: NOW, recording: rec('r22', 'c1', 'd1', NOW) },
      { command: 'mayUse', actor: 'system', recordingId: 'r5', purpose: 'disclosure' },
      { command: 'recordConsent', actor: 'g1', now: NOW, profileId: 'c1', method: 'signed_form', reference: 'form-c1-2', verifiedBy: 'demo verifier' },
      { command: 'setDisclosureConsent', actor: 'g1', now: NOW, profileId: 'c1', enabled: true },
      { command: 'mayUse', actor: 'system', recordingId: 'r5', purpose: 'disclosure' },
      { command: 'requestConsent', actor: 'g1', now: NOW, profileId: 'c1', method: 'video_call' },
      { command: 'mayUse', actor: 'system', recordingId: 'r5', purpose: 'service' },
      { command: 'cancelConsent', actor: 'g1', now: NOW, profileId: 'c1' },
      { command: 'privacyDisclosure', actor: 'g1' },
    ],
  },
  'authorization': {
    description: 'only a verified guardian of the household (or support with a non-empty id on such a parent\'s request) manages a child; an adult, and a teen, manage themselves; every command names its actor',
    covers: ['R-CON-6', 'R-INT-5'],
    steps: [
      { command: 'setRetention', actor: 'g2', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'c1', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'g9', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'support:s1', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'support:', onBehalfOf: 'g1', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'support:s1', onBehalfOf: 'g2', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'support:s1', onBehalfOf: 'g1', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'g1', now: NOW, profileId: 'a1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'a1', now: NOW, profileId: 'a1', setting: 'dont_save' },
      { command: 'setRetention', actor: 't1', now: NOW, profileId: 't1', setting: '18_months' },
      { command: 'setRetention', actor: 't1', now: NOW, profileId: 'c2', setting: 'dont_save' },
      { command: 'recordConsent', actor: 'a1', now: NOW, profileId: 'c1', method: 'signed_form', reference: 'x', verifiedBy: 'y' },
      { command: 'sweep', actor: 'g1', now: NOW },
      { command: 'sweep', now: NOW },
      { command: 'addRecording', now: NOW, recording: rec('r30', 'c2', 'd1', NOW) },
      { command: 'addRecording', actor: 'device:d2', now: NOW, recording: rec('r30', 'c2', 'd1', NOW) },
      { command: 'addRecording', actor: 'device:d1', now: NOW, recording: rec('r30', 'c2', 'd1', NOW) },
      { command: 'listRecordings', profileId: 'c2' },
      { command: 'listRecordings', actor: 'c2', profileId: 'c2' },
      { command: 'exportState' },
      { command: 'tombstones', actor: 'c1' },
      { command: 'auditLog', actor: 'operator', offset: baseEntries },
    ],
  },
  'profile-lifecycle': {
    description: 'inactive for 18 months: notified; kept or active again: withdrawn; after the 90-day window: deleted with all its data; at 13 (and a teen at 18): flagged for review, never converted silently; a removed profile\'s id is never used again',
    covers: ['R-PRO-1', 'R-PRO-2', 'R-PRO-3'],
    steps: [
      { command: 'sweepProfiles', actor: 'system', now: T('2028-05-29T11:57:59.999Z') },
      { command: 'sweepProfiles', actor: 'system', now: T('2028-05-29T11:58:00Z') },
      { command: 'keepProfile', actor: 'g1', now: T('2028-06-01T00:00:00Z'), profileId: 'c1' },
      { command: 'sweepProfiles', actor: 'system', now: T('2028-08-27T11:57:59.999Z') },
      { command: 'sweepProfiles', actor: 'system', now: T('2028-08-27T11:58:00Z') },
      { command: 'overview', actor: 'g1' },
      { command: 'sweepProfiles', actor: 'system', now: T('2029-04-02T00:00:00Z') },
      { command: 'resolveAgeReview', actor: 'g1', now: T('2029-04-03T00:00:00Z'), profileId: 'c1', kind: 'adult' },
      { command: 'resolveAgeReview', actor: 'g1', now: T('2029-04-03T00:00:00Z'), profileId: 'c1', kind: 'teen' },
      { command: 'resolveAgeReview', actor: 'g1', now: T('2029-04-03T00:00:00Z'), profileId: 't1', kind: 'adult' },
      { command: 'renameProfile', actor: 'g1', now: T('2029-04-03T00:00:00Z'), profileId: 'c1', name: 'Maya R.' },
      { command: 'listRecordings', actor: 'c1', profileId: 'c1' },
      { command: 'removeProfile', actor: 'g1', now: T('2029-04-03T00:00:00Z'), profileId: 'c1', requestId: 'remove-c1' },
      { command: 'mayUse', actor: 'system', recordingId: 'r4', purpose: 'review' },
      { command: 'addProfile', actor: 'g1', now: T('2029-04-03T00:00:00Z'), profile: { id: 'c1', name: 'Maya', kind: 'child' } },
    ],
  },
  'restore-after-deletion': {
    description: 'restoring an old backup after a deletion keeps every deletion: the recording stays deleted with its tombstone, receipt and audit entry, and the answer says how many stayed deleted',
    covers: ['R-INT-2', 'R-INT-3', 'R-DEL-4'],
    steps: [
      del({ requestId: 'q1', kind: 'ids', ids: ['r1'] }),
      { command: 'previewImport', actor: 'g1', now: NOW, state: baseState },
      { command: 'importState', actor: 'g1', now: NOW, state: baseState },
      { command: 'listRecordings', actor: 'g1', profileId: 'c1' },
      { command: 'tombstones', actor: 'g1' },
      { command: 'mayUse', actor: 'system', recordingId: 'r1', purpose: 'training' },
      { command: 'auditLog', actor: 'operator', offset: baseEntries },
      { command: 'verifyAuditLog', actor: 'g1' },
    ],
  },
  'migration-v1': {
    description: 'a schemaVersion 1 state migrates: children come over needing consent, not with a consent nobody gave; a migration entry vouches for the result',
    covers: ['R-CON-1', 'R-INT-1', 'R-INT-3'],
    state: legacy('household-v1.json'),
    steps: [
      { command: 'overview', actor: 'g1' },
      { command: 'addRecording', actor: 'system', now: NOW, recording: rec('r30', 'c1', 'd1', NOW) },
      { command: 'addRecording', actor: 'system', now: NOW, recording: rec('r31', 'a1', 'd1', NOW) },
      { command: 'auditLog', actor: 'operator', offset: legacy('household-v1.json').auditLog.length },
      { command: 'verifyAuditLog', actor: 'g1' },
    ],
  },
  'migration-v2': {
    description: 'a schemaVersion 2 state migrates: consent kept, data collected as a child marked so, no profile removed, a migration entry vouches for the result',
    covers: ['R-INT-1', 'R-INT-3', 'R-PRO-3'],
    state: legacy('household-v2.json'),
    steps: [
      { command: 'exportProfileData', actor: 'g1', profileId: 'c2' },
      { command: 'auditLog', actor: 'operator', offset: legacy('household-v2.json').auditLog.length },
      { command: 'verifyAuditLog', actor: 'g1' },
      { command: 'addRecording', actor: 'system', now: NOW, recording: rec('r30', 'c1', 'd1', NOW) },
      { command: 'exportState', actor: 'operator' },
    ],
  },
  'hostile-input': {
    description: 'bad input gets a coded error with a path and changes nothing; no forged or malformed state imports',
    covers: ['R-DEL-1', 'R-DEL-6', 'R-INT-1', 'R-INT-3', 'R-INT-4'],
    steps: [
      exportState,
      { command: 'addRecording', actor: 'system', now: NOW, recording: rec('r10x', 'c1', 'd1', T('2026-11-29T12:00:00.001Z')) },
      { command: 'addRecording', actor: 'system', now: NOW, recording: rec('r11', 'c1', 'd1', T('2026-11-29T12:00:00')) },
      { command: 'addRecording', actor: 'system', now: NOW, recording: rec('r12', 'c1', 'd1', T('2026-02-30T12:00:00Z')) },
      { command: 'addRecordings', actor: 'system', now: NOW, recordings: [rec('r13', 'c1', 'd1', NOW), rec('r13', 'c1', 'd1', NOW), rec('x'.repeat(129), 'c9', 'd9', 1.5)] },
      { command: 'addRecording', actor: 'system', now: T('2026-11-28T12:00:00Z'), recording: rec('r14', 'a1', 'd1', T('2026-11-28T12:00:00Z')) },
      { command: 'setRetention', actor: 'c1', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'g1', now: NOW, profileId: 'c1', setting: 'forever', extra: true },
      { command: 'listRecordings', actor: 'g1', profileId: '<img src=x onerror=alert(1)>' },
      { command: 'sweep', actor: null, now: NOW },
      { command: 'importState', actor: 'operator', now: NOW, state: { ...baseState, schemaVersion: 2 } },
      { command: 'importState', actor: 'operator', now: NOW, state: { ...baseState, profiles: [{ id: 'c1' }] } },
      { command: 'importState', actor: 'operator', now: NOW, state: { ...baseState, household: { ...baseState.household, name: 'Forged' } } },
      { command: 'importState', actor: 'operator', now: NOW, state: { schemaVersion: 1, auditLog: [{ action: 5 }] } },
      { command: 'importState', actor: 'operator', now: NOW, state: { ...baseState, profiles: baseState.profiles.map((p, i) => (i === 0 ? { ...p, kind: 7 } : p)) } },
      { command: 'decideAds', actor: 'system', now: NOW, profileId: 'c1', age: 'unknown' },
      exportState,
    ],
  },
  'ads-decisions': {
    description: "a child never gets personalised ads and nothing is ever sold; regs.coppa follows the child and the context; a teen is not an adult; an adult's ads follow TCF, usnat and GPC; unknown age where children are expected is a child; anything malformed fails closed",
    covers: ['R-ADS-1', 'R-ADS-2', 'R-ADS-3', 'R-ADS-4', 'R-ADS-5', 'R-ADS-6', 'R-AGE-4'],
    steps: [
      // TCF EU consent to purposes 1, 3, 4 and vendors 32 and 755; US Privacy 1YNN; usnat without opt-outs.
      ...['c1', 't1', 'a1'].map((profileId) => ads({ actor: 'system', profileId, gppString: ADS_GPP, vendorId: 755 })),
      ads({ actor: 'system', profileId: 'a1', gppString: ADS_GPP, vendorId: 755, gpc: true }),
      ads({ actor: 'system', profileId: 'a1', context: 'kids_experience', tcString: ADS_TCF, vendorId: 755 }),
      ads({ actor: 'system', profileId: 'a1', context: 'child_directed', tcString: ADS_TCF, vendorId: 755 }),
      ads({ actor: 'a1', profileId: 'a1', tcString: ADS_TCF, vendorId: 1 }),
      ads({ actor: 'system', profileId: 'a1', context: 'mixed_audience', gppString: 'DBABLA~CVVpAAAAAACA.QA' }),
      ads({ age: 'unknown', context: 'mixed_audience', tcString: ADS_TCF, vendorId: 755 }),
      ads({ age: 'unknown', tcString: ADS_TCF, vendorId: 755 }),
      ads({ actor: 'system', profileId: 'a1', tcString: 'garbage', vendorId: 755 }),
      ads({ actor: 'system', profileId: 'a1', gppString: 'DBABLA~CVVpAAAAABCA.YA' }),
      ads({}),
      ads({ profileId: 'a1' }),
      { command: 'decideAds', age: 'unknown', context: 'general' },
    ],
  },
  'signals-decode': {
    description: "the IAB's example TC and GPP strings decode field by field; usnat versions 1 and 2; a malformed string is refused with invalid_signal and its character position",
    covers: ['R-ADS-4', 'R-SIG-1', 'R-SIG-2'],
    steps: [
      { command: 'decodeTcString', tcString: 'CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA' },
      { command: 'decodeTcString', tcString: ADS_TCF },
      { command: 'decodeGpp', gppString: 'DBACNYA~CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA~1YNN' },
      { command: 'decodeGpp', gppString: 'DBABLA~BUQpGAACEWA.YA' },
      { command: 'decodeGpp', gppString: 'DBABLA~CUQpGAACQhhY.YA' },
      { command: 'decodeTcString', tcString: 'CPXxRfAPXxRfAAfKABENB-Cg' },
      { command: 'decodeGpp', gppString: 'DBABLA~BVQqAAAAAgAA.QA' },
    ],
  },
};

// `node tests/vectors/build.mjs name ...` writes only the named scenarios.
const only = process.argv.slice(2);
for (const [name, scenario] of Object.entries(scenarios)) {
  if (only.length && !only.includes(name)) continue;
  const state = scenario.state ?? baseState;
  const imported = { actor: 'operator', now: NOW };
  const answers = run([{ command: 'importState', ...imported, state }, ...scenario.steps]);
  if (answers[0].type !== 'success') throw new Error(`${name}: the state did not import: ${JSON.stringify(answers[0])}`);
  const steps = scenario.steps.map((command, i) => ({ command, expected: answers[i + 1] }));
  const file = { description: scenario.description, covers: scenario.covers, import: imported, state, steps };
  writeFileSync(`${here}${name}.json`, JSON.stringify(file, null, 1) + '\n');
  console.log(`${name}: ${steps.length} steps`);
}
