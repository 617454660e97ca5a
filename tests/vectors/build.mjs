// Writes the shared scenario files in this folder from the definitions below.
// Each file: { description, covers, state, steps: [{ command, expected }] }.
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
  const out = spawnSync(cli, { input: commands.map((c) => JSON.stringify(c)).join('\n') + '\n' });
  if (out.status !== 0) throw new Error(`privacy_cli failed: ${out.stderr}`);
  return out.stdout.toString().trim().split('\n').map((line) => JSON.parse(line));
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
const setup = [
  { command: 'createHousehold', actor: 'operator', now: T('2024-01-01T00:00:00Z'), id: 'h1', name: 'The Riveras', retentionPolicy: policy() },
  { command: 'addGuardian', actor: 'operator', now: T('2024-01-01T00:00:00Z'), guardian: { id: 'g1', name: 'Ana', verified: true } },
  { command: 'addGuardian', actor: 'operator', now: T('2024-01-01T00:00:00Z'), guardian: { id: 'g2', name: 'Ben', verified: false } },
  { command: 'addDevice', actor: 'g1', now: T('2024-01-01T00:00:00Z'), device: { id: 'd1', name: 'Kitchen speaker' } },
  { command: 'addDevice', actor: 'g1', now: T('2024-01-01T00:00:00Z'), device: { id: 'd2', name: "Maya's tablet" } },
  { command: 'addProfile', actor: 'g1', now: T('2024-01-01T00:00:00Z'), profile: { id: 'c1', name: 'Maya', kind: 'child', birthDate: '2016-04-02' } },
  { command: 'addProfile', actor: 'g1', now: T('2024-01-01T00:00:00Z'), profile: { id: 'c2', name: 'Leo', kind: 'child', birthDate: '2019-09-14' } },
  { command: 'addProfile', actor: 'g1', now: T('2024-01-01T00:00:00Z'), profile: { id: 'a1', name: 'Sam', kind: 'adult', retention: 'until_deleted', voiceDeletion: true } },
  ...['c1', 'c2'].flatMap((profileId) => [
    { command: 'requestConsent', actor: 'g1', now: T('2024-01-01T00:00:00Z'), profileId, method: 'signed_form' },
    { command: 'recordConsent', actor: 'g1', now: T('2024-01-01T00:00:00Z'), profileId, method: 'signed_form', reference: `form-${profileId}`, verifiedBy: 'demo verifier' },
  ]),
  { command: 'setRetention', actor: 'g1', now: T('2024-01-02T00:00:00Z'), profileId: 'c1', setting: '18_months' },
  { command: 'setVoiceDeletion', actor: 'g1', now: T('2024-01-02T00:00:00Z'), profileId: 'c1', enabled: true },
  { command: 'addRecordings', now: T('2026-11-29T12:00:00Z'), recordings: [
    rec('r1', 'c1', 'd1', T('2025-01-31T09:00:00Z')),
    rec('r2', 'c1', 'd1', T('2025-05-31T18:30:00Z')),
    rec('r3', 'c1', 'd2', T('2026-06-15T07:45:00Z'), { audio: null }),
    rec('r4', 'c1', 'd1', T('2026-11-29T08:00:00Z'), { derived: [] }),
    rec('r5', 'c1', 'd1', T('2026-11-29T11:55:00Z')),
    rec('r6', 'c2', 'd1', T('2026-11-29T11:58:00Z'), { transcript: null }),
    rec('r7', 'c2', 'd2', T('2026-08-31T23:59:59.999Z')),
    rec('r8', 'a1', 'd1', T('2023-12-31T10:00:00Z')),
    rec('r9', 'a1', 'd1', T('2026-11-29T11:59:00Z'), { derived: [{ id: 'r9-note', kind: 'annotation' }] }),
  ] },
];
const baseState = run([...setup, { command: 'exportState' }]).at(-1).result;

const NOW = T('2026-11-29T12:00:00Z');
// Made by the IAB's reference encoders (@iabtechlabtcf/core, @iabgpp/cmpapi).
const ADS_TCF = 'CQuZP8AQuZP8AEsACAENCWFgALAAAAAAAAYgF5wAgAQALzAAAAAA.IF5wAwAEAAgAXmAA.YAAAAAAAAAAA'; // TCF v2.3: 755, 32 consented; 755, 32, 8 disclosed
const ADS_GPP = `DBACPeA~${ADS_TCF}~1YNN~CVVqAAAAAACA.QA`; // usnat: every notice given, no opt-out
const del = (fields) => ({ command: 'deleteRecordings', actor: 'g1', now: NOW, profileId: 'c1', ...fields });
const exportState = { command: 'exportState' };

const scenarios = {
  'retention-dont-save': {
    description: "dont_save makes every recording of the profile due at its capture; the sweep at now deletes them all",
    covers: ['R-RET-1', 'R-RET-2', 'R-RET-6'],
    steps: [
      { command: 'setRetention', actor: 'g1', now: NOW, profileId: 'c2', setting: 'dont_save' },
      { command: 'previewSweep', now: NOW },
      { command: 'sweep', now: NOW },
      { command: 'listRecordings', profileId: 'c2' },
    ],
  },
  'retention-calendar-months': {
    description: 'N months are calendar months in UTC, clamped to the month end, same time of day; due is inclusive',
    covers: ['R-RET-3', 'R-RET-6'],
    steps: [
      { command: 'setRetention', actor: 'g1', now: NOW, profileId: 'c2', setting: '3_months' },
      { command: 'listRecordings', profileId: 'c2' },
      { command: 'previewSweep', now: T('2026-11-30T23:59:59.998Z') },
      { command: 'previewSweep', now: T('2026-11-30T23:59:59.999Z') },
    ],
  },
  'retention-child-cap': {
    description: "a child's until_deleted is the written policy's child maximum; an adult's is kept until deleted; a policy without a finite child maximum is refused",
    covers: ['R-RET-4'],
    steps: [
      { command: 'setRetention', actor: 'g1', now: NOW, profileId: 'c1', setting: 'until_deleted' },
      { command: 'effectiveRetention', profileId: 'a1' },
      { command: 'setRetentionPolicy', actor: 'operator', now: NOW, retentionPolicy: { ...policy(), categories: policy().categories.map((c) => ({ ...c, childMaxMonths: null })) } },
      { command: 'setRetentionPolicy', actor: 'operator', now: NOW, retentionPolicy: { ...policy(), categories: policy().categories.slice(0, 2) } },
      { command: 'setRetentionPolicy', actor: 'operator', now: NOW, retentionPolicy: policy(12, 24) },
      { command: 'effectiveRetention', profileId: 'c1' },
      { command: 'effectiveRetention', profileId: 'a1' },
    ],
  },
  'retention-shorten-lengthen': {
    description: 'shortening applies at the next sweep; lengthening afterwards brings nothing back',
    covers: ['R-RET-5', 'R-RET-6', 'R-DEL-4'],
    steps: [
      { command: 'previewSweep', now: NOW },
      { command: 'setRetention', actor: 'g1', now: NOW, profileId: 'c1', setting: '3_months' },
      { command: 'previewRetention', profileId: 'c1', setting: '3_months', now: NOW },
      { command: 'sweep', now: NOW },
      { command: 'setRetention', actor: 'g1', now: NOW, profileId: 'c1', setting: '18_months' },
      { command: 'listRecordings', profileId: 'c1' },
      { command: 'mayUse', recordingId: 'r3', purpose: 'training' },
      { command: 'sweep', now: NOW },
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
      { command: 'tombstones' },
    ],
  },
  'delete-by-range': {
    description: 'a range is half-open [from, to) on capturedAt; from >= to is invalid_input, not an empty deletion',
    covers: ['R-DEL-1', 'R-DEL-6'],
    steps: [
      del({ requestId: 'q1', kind: 'range', from: T('2025-05-31T18:30:00Z'), to: T('2026-06-15T07:45:00Z') }),
      del({ requestId: 'q2', kind: 'range', from: T('2026-06-15T07:45:00Z'), to: T('2026-06-15T07:45:00Z') }),
      del({ requestId: 'q3', kind: 'range', from: T('2026-01-01T00:00:00+02:00'), to: T('2026-01-01T00:00:00Z'), deviceId: 'd1' }),
      { command: 'listRecordings', profileId: 'c1' },
    ],
  },
  'delete-by-device-and-all': {
    description: "by device and all stay inside the profile: another profile's or device's recordings are untouched",
    covers: ['R-DEL-1', 'R-DEL-6'],
    steps: [
      del({ requestId: 'q1', kind: 'device', deviceId: 'd2' }),
      { command: 'listRecordings', deviceId: 'd2' },
      del({ requestId: 'q2', kind: 'all' }),
      { command: 'overview' },
      del({ requestId: 'q3', kind: 'all', actor: 'g2' }),
      del({ requestId: 'q4', kind: 'all', profileId: 'a1' }),
      { command: 'deleteRecordings', actor: 'a1', now: NOW, requestId: 'q5', profileId: 'a1', kind: 'all' },
    ],
  },
  'voice-requests': {
    description: '"what I just said" deletes the most recent on that device within the window; "today" since local midnight; only where voice deletion is on',
    covers: ['R-DEL-2', 'R-DEL-5', 'R-DEL-6'],
    steps: [
      { command: 'parseVoiceRequest', utterance: 'Alexa, delete what I just said.' },
      { command: 'parseVoiceRequest', utterance: "Hey Google, please delete everything I've said today!" },
      { command: 'parseVoiceRequest', utterance: "don't delete what I just said" },
      { command: 'voiceRequest', requestId: 'v1', profileId: 'c1', deviceId: 'd1', utterance: 'Alexa, delete what I just said', utcOffsetMinutes: 0, now: NOW },
      { command: 'voiceRequest', requestId: 'v2', profileId: 'c1', deviceId: 'd2', utterance: 'delete what I just said', utcOffsetMinutes: 0, now: NOW },
      { command: 'voiceRequest', requestId: 'v3', profileId: 'c1', deviceId: 'd1', utterance: 'delete everything I said today', utcOffsetMinutes: -600, now: NOW },
      { command: 'voiceRequest', requestId: 'v4', profileId: 'c1', deviceId: 'd1', utterance: 'delete everything I said today', utcOffsetMinutes: 0, now: NOW },
      { command: 'voiceRequest', requestId: 'v5', profileId: 'c2', deviceId: 'd1', utterance: 'delete what I just said', utcOffsetMinutes: 0, now: NOW },
      { command: 'voiceRequest', requestId: 'v6', profileId: 'a1', deviceId: 'd1', utterance: 'computer, erase the last thing I said please', utcOffsetMinutes: 60, now: NOW },
    ],
  },
  'tombstones-and-may-use': {
    description: 'a deleted recording leaves a tombstone and may not be used for any purpose, training included; personal data is never sold',
    covers: ['R-DEL-3', 'R-DEL-4'],
    steps: [
      { command: 'mayUse', recordingId: 'r9', purpose: 'training' },
      { command: 'mayUse', recordingId: 'r9', purpose: 'sale' },
      { command: 'mayUse', recordingId: 'r5', purpose: 'training' },
      { command: 'deleteRecordings', actor: 'a1', now: NOW, requestId: 'q1', profileId: 'a1', kind: 'ids', ids: ['r9'] },
      ...['service', 'playback', 'review', 'training', 'analytics', 'sale'].map((purpose) => ({ command: 'mayUse', recordingId: 'r9', purpose })),
      { command: 'addRecording', now: NOW, recording: rec('r9', 'a1', 'd1', NOW) },
      { command: 'auditLog', offset: 10 },
      { command: 'verifyAuditLog' },
    ],
  },
  'consent-lifecycle': {
    description: 'no collection before verified consent; approved methods; email-plus never backs disclosure; revocation stops collection and can delete; a material notice change needs fresh consent',
    covers: ['R-CON-1', 'R-CON-2', 'R-CON-3', 'R-CON-4', 'R-CON-5'],
    steps: [
      { command: 'addProfile', actor: 'g1', now: NOW, profile: { id: 'c3', name: 'Ada', kind: 'child', birthDate: '2022-02-28' } },
      { command: 'addRecording', now: NOW, recording: rec('r20', 'c3', 'd1', NOW) },
      { command: 'enableProfile', actor: 'g1', now: NOW, profileId: 'c3', enabled: true },
      { command: 'recordConsent', actor: 'g1', now: NOW, profileId: 'c3', method: 'email_plus', reference: 'mail-1', verifiedBy: 'demo verifier' },
      { command: 'requestConsent', actor: 'g1', now: NOW, profileId: 'c3', method: 'email_plus' },
      { command: 'recordConsent', actor: 'g1', now: NOW, profileId: 'c3', method: 'email_plus', reference: 'mail-1', verifiedBy: 'demo verifier' },
      { command: 'addRecording', now: NOW, recording: rec('r20', 'c3', 'd1', NOW) },
      { command: 'setDisclosureConsent', actor: 'g1', now: NOW, profileId: 'c3', enabled: true },
      { command: 'mayUse', recordingId: 'r20', purpose: 'disclosure' },
      { command: 'setDisclosureConsent', actor: 'g1', now: NOW, profileId: 'c1', enabled: true },
      { command: 'mayUse', recordingId: 'r5', purpose: 'disclosure' },
      { command: 'revokeConsent', actor: 'g1', now: NOW, profileId: 'c2', deleteData: true, requestId: 'revoke-c2' },
      { command: 'addRecording', now: NOW, recording: rec('r21', 'c2', 'd1', NOW) },
      { command: 'revokeConsent', actor: 'g1', now: NOW, profileId: 'c2', deleteData: false },
      { command: 'setPrivacyNotice', actor: 'operator', now: NOW, privacyNotice: { version: 2, collects: ['voice recordings (audio)', 'transcripts', 'derived data (intents, annotations)'], thirdParties: [{ name: 'Acme Ads', category: 'advertising', purpose: 'contextual ads' }] } },
      { command: 'addRecording', now: NOW, recording: rec('r22', 'c1', 'd1', NOW) },
      { command: 'mayUse', recordingId: 'r5', purpose: 'disclosure' },
      { command: 'privacyDisclosure' },
    ],
  },
  'authorization': {
    description: 'only a verified guardian of the household (or support on such a parent\'s request) manages a child; an adult manages themself',
    covers: ['R-CON-6'],
    steps: [
      { command: 'setRetention', actor: 'g2', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'c1', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'g9', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'support:s1', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'support:s1', onBehalfOf: 'g2', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'support:s1', onBehalfOf: 'g1', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'g1', now: NOW, profileId: 'a1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'a1', now: NOW, profileId: 'a1', setting: 'dont_save' },
      { command: 'recordConsent', actor: 'a1', now: NOW, profileId: 'c1', method: 'signed_form', reference: 'x', verifiedBy: 'y' },
      { command: 'sweep', actor: 'g1', now: NOW },
      { command: 'auditLog', offset: 14 },
    ],
  },
  'profile-lifecycle': {
    description: 'inactive for 18 months: notified; kept or active again: withdrawn; after the 90-day window: deleted with all its data; at 13: flagged for review, never converted silently',
    covers: ['R-PRO-1', 'R-PRO-2', 'R-PRO-3'],
    steps: [
      { command: 'sweepProfiles', now: T('2028-05-29T11:57:59.999Z') },
      { command: 'sweepProfiles', now: T('2028-05-29T11:58:00Z') },
      { command: 'keepProfile', actor: 'g1', now: T('2028-06-01T00:00:00Z'), profileId: 'c1' },
      { command: 'sweepProfiles', now: T('2028-08-27T11:57:59.999Z') },
      { command: 'sweepProfiles', now: T('2028-08-27T11:58:00Z') },
      { command: 'overview' },
      { command: 'sweepProfiles', now: T('2029-04-02T00:00:00Z') },
      { command: 'resolveAgeReview', actor: 'g1', now: T('2029-04-03T00:00:00Z'), profileId: 'c1', convertToAdult: false },
      { command: 'renameProfile', actor: 'g1', now: T('2029-04-03T00:00:00Z'), profileId: 'c1', name: 'Maya R.' },
      { command: 'removeProfile', actor: 'g1', now: T('2029-04-03T00:00:00Z'), profileId: 'c1', requestId: 'remove-c1' },
      { command: 'mayUse', recordingId: 'r4', purpose: 'review' },
    ],
  },
  'migration-v1': {
    description: 'a schemaVersion 1 state migrates: children come over needing consent, not with a consent nobody gave',
    covers: ['R-CON-1'],
    state: JSON.parse(readFileSync(`${here}fixtures/household-v1.json`, 'utf8')),
    steps: [
      { command: 'overview' },
      { command: 'addRecording', now: NOW, recording: rec('r30', 'c1', 'd1', NOW) },
      { command: 'addRecording', now: NOW, recording: rec('r31', 'a1', 'd1', NOW) },
      { command: 'verifyAuditLog' },
    ],
  },
  'hostile-input': {
    description: 'bad input gets a coded error with a path and changes nothing',
    covers: ['R-DEL-1', 'R-DEL-6'],
    steps: [
      exportState,
      { command: 'addRecording', now: NOW, recording: rec('r10', 'c1', 'd1', T('2026-11-29T12:00:00.001Z')) },
      { command: 'addRecording', now: NOW, recording: rec('r11', 'c1', 'd1', T('2026-11-29T12:00:00')) },
      { command: 'addRecording', now: NOW, recording: rec('r12', 'c1', 'd1', T('2026-02-30T12:00:00Z')) },
      { command: 'addRecordings', now: NOW, recordings: [rec('r13', 'c1', 'd1', NOW), rec('r13', 'c1', 'd1', NOW), rec('x'.repeat(129), 'c9', 'd9', 1.5)] },
      { command: 'setRetention', actor: 'c1', now: NOW, profileId: 'c1', setting: 'dont_save' },
      { command: 'setRetention', actor: 'g1', now: NOW, profileId: 'c1', setting: 'forever', extra: true },
      { command: 'listRecordings', profileId: '<img src=x onerror=alert(1)>' },
      { command: 'importState', state: { ...baseState, schemaVersion: 2 } },
      { command: 'importState', state: { ...baseState, profiles: [{ id: 'c1' }] } },
      exportState,
    ],
  },
  'ads-decisions': {
    description: "a child never gets personalised ads and nothing is ever sold; regs.coppa follows the child and the context; an adult's ads follow TCF, usnat and GPC; unknown age where children are expected is a child; anything malformed fails closed",
    covers: ['R-ADS-1', 'R-ADS-2', 'R-ADS-3', 'R-ADS-4', 'R-ADS-5', 'R-ADS-6'],
    steps: [
      // TCF EU consent to purposes 1, 3, 4 and vendors 32 and 755; US Privacy 1YNN; usnat without opt-outs.
      ...['c1', 'a1'].map((profileId) => ({ command: 'decideAds', profileId, context: 'general', gppString: ADS_GPP, vendorId: 755 })),
      { command: 'decideAds', profileId: 'a1', context: 'general', gppString: ADS_GPP, vendorId: 755, gpc: true },
      { command: 'decideAds', profileId: 'a1', context: 'kids_experience', tcString: ADS_TCF, vendorId: 755 },
      { command: 'decideAds', profileId: 'a1', context: 'child_directed', tcString: ADS_TCF, vendorId: 755 },
      { command: 'decideAds', profileId: 'a1', context: 'general', tcString: ADS_TCF, vendorId: 1 },
      { command: 'decideAds', profileId: 'a1', context: 'mixed_audience', gppString: 'DBABLA~CVVpAAAAAACA.QA' },
      { command: 'decideAds', age: 'unknown', context: 'mixed_audience', tcString: ADS_TCF, vendorId: 755 },
      { command: 'decideAds', age: 'unknown', context: 'general', tcString: ADS_TCF, vendorId: 755 },
      { command: 'decideAds', profileId: 'a1', context: 'general', tcString: 'garbage', vendorId: 755 },
      { command: 'decideAds', profileId: 'a1', context: 'general', gppString: 'DBABLA~CVVpAAAAABCA.YA' },
      { command: 'decideAds', context: 'general' },
    ],
  },
  'signals-decode': {
    description: "the IAB's example TC and GPP strings decode field by field; usnat versions 1 and 2; a malformed string is refused with invalid_signal and its character position",
    covers: ['R-ADS-4'],
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
  const answers = run([{ command: 'importState', state }, ...scenario.steps]);
  if (answers[0].type !== 'success') throw new Error(`${name}: base state did not import`);
  const steps = scenario.steps.map((command, i) => ({ command, expected: answers[i + 1] }));
  const file = { description: scenario.description, covers: scenario.covers, state, steps };
  writeFileSync(`${here}${name}.json`, JSON.stringify(file, null, 1) + '\n');
  console.log(`${name}: ${steps.length} steps`);
}
