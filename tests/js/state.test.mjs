// Export and import (R-INT-1..3): every reachable state imports back byte for
// byte; nothing else imports; an old backup never undoes a deletion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createPrivacyEngine } from 'family-privacy';
import { household, recording, addRecording, NOW, DAY, PARENT } from './fixtures.mjs';

const SYSTEM = { actor: 'system' };
const load = (state) => createPrivacyEngine({ state, actor: 'system', now: NOW });

test('export then import gives back the same state, byte for byte', async () => { // covers R-INT-1
  const engine = await household({ recordings: Array.from({ length: 50 }, (_, i) => recording(`r${i}`, i % 2 ? 'c1' : 'a1', 'd1', NOW - i * DAY, { transcript: `naïve café ✓ "quoted" <b>${i}</b> \u2028 \u{1F600}` })) });
  engine.deleteRecordings({ actor: 'g1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'ids', ids: ['r1', 'r3'] });
  const first = engine.exportStateJson(PARENT);
  assert.equal(JSON.parse(first).schemaVersion, 3);
  const other = await load(first);
  assert.equal(other.exportStateJson(PARENT), first);
  assert.equal(other.importState({ ...SYSTEM, now: NOW, state: JSON.parse(first) }).outcome, 'unchanged');
  assert.equal(other.exportStateJson(PARENT), first);
  assert.deepEqual(other.exportState(PARENT), JSON.parse(first));
  assert.equal(other.execute('exportState', PARENT).effects.changed, false);
  engine.close();
  other.close();
});

test('an unknown or newer schemaVersion fails clearly; a broken state changes nothing', async () => { // covers R-INT-1
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW)] });
  const good = engine.exportState(PARENT);
  const before = engine.exportStateJson(PARENT);
  const cases = [
    [{ ...good, schemaVersion: 4 }, 'unsupported_version', 'state.schemaVersion'],
    [{ ...good, schemaVersion: 0 }, 'unsupported_version', 'state.schemaVersion'],
    [{ ...good, schemaVersion: '1' }, 'invalid_input', 'state.schemaVersion'],
    [{ ...good, extra: 1 }, 'invalid_input', 'state.extra'],
    [{ ...good, recordings: [{ ...good.recordings[0], profileId: 'ghost' }] }, 'invalid_input', 'state.recordings[0].profileId'],
    [{ ...good, devices: [...good.devices, good.devices[0]] }, 'conflict', 'state.devices[2].id'],
    [{ ...good, profiles: [...good.profiles, { ...good.profiles[0], id: 'g1' }] }, 'conflict', 'state.profiles[3].id'],
    [{ ...good, tombstones: [{ recordingId: 'r1', profileId: 'c1', deletedAt: NOW, requestId: 'q' }] }, 'conflict', 'state.tombstones[0].recordingId'],
    [{ ...good, retentionPolicy: { ...good.retentionPolicy, categories: [] } }, 'invalid_input', 'state.retentionPolicy.categories'],
  ];
  const fresh = await createPrivacyEngine();
  for (const [state, code, path] of cases) {
    for (const target of [engine, fresh]) {
      assert.throws(() => target.importState({ ...SYSTEM, now: NOW, state }), (e) => e.code === code && e.details.some((d) => d.path === path), path);
    }
    assert.equal(engine.exportStateJson(PARENT), before);
  }
  assert.throws(() => fresh.overview(PARENT), { code: 'not_found' }, 'the fresh engine stayed empty');
  fresh.close();
  engine.close();
});

test('forged states do not import: consent, disclosure or a tombstone edited without the log', async () => { // covers R-INT-1, R-INT-3
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - DAY), recording('r2', 'c2', 'd1', NOW - DAY)] });
  engine.revokeConsent({ actor: 'g1', now: NOW, profileId: 'c2', deleteData: false });
  engine.deleteRecordings({ actor: 'g1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'all' });
  const good = engine.exportState(PARENT);
  engine.close();
  const forgeries = {
    'a revoked child made verified with disclosure on': (s) => {
      const c2 = s.profiles.find((p) => p.id === 'c2');
      Object.assign(c2.consent, { state: 'verified', disclosure: true, revokedAt: null });
      c2.enabled = true;
    },
    'a tombstone dropped and its recording back': (s) => {
      s.tombstones = [];
      s.recordings.push({ ...good.recordings[0], id: 'r1', profileId: 'c1' });
    },
    'a receipt dropped': (s) => { s.receipts = []; },
    'the log cut to before the deletion': (s) => { s.auditLog = s.auditLog.slice(0, -1); },
  };
  const fresh = await createPrivacyEngine();
  for (const [what, forge] of Object.entries(forgeries)) {
    const copy = structuredClone(good);
    forge(copy);
    assert.throws(() => fresh.importState({ ...SYSTEM, now: NOW, state: copy }), (e) => ['audit_invalid', 'conflict', 'invalid_input'].includes(e.code)
      && e.details[0].path.startsWith('state'), what);
  }
  fresh.close();
});

test('an old backup brings no deleted recording back: restored, every deletion here stays', async () => { // covers R-INT-2
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - DAY), recording('r2', 'c1', 'd1', NOW - DAY), recording('r3', 'c2', 'd1', NOW - DAY)] });
  const backup = engine.exportStateJson(PARENT);
  engine.deleteRecordings({ actor: 'g1', now: NOW + 1, requestId: 'q', profileId: 'c1', kind: 'ids', ids: ['r1'] });
  engine.removeProfile({ actor: 'g1', now: NOW + 2, profileId: 'c2', requestId: 'rm-c2' });
  engine.setRetention({ actor: 'g1', now: NOW + 3, profileId: 'c1', setting: '18_months' });
  const logBefore = engine.auditLog(PARENT).entries;
  const preview = engine.previewImport({ ...PARENT, now: NOW + 4, state: backup });
  assert.deepEqual([preview.outcome, preview.keptDeleted, preview.keptRemovedProfiles], ['restored', 2, 1]);
  const afterPreview = engine.exportStateJson(PARENT);
  const restored = engine.execute('importState', { ...PARENT, now: NOW + 4, state: backup });
  assert.deepEqual(restored.result, { ...preview }, 'the preview said what import does');
  assert.equal(restored.result.outcome, 'restored');
  assert.notEqual(engine.exportStateJson(PARENT), afterPreview, 'the preview changed nothing, the import did');
  assert.deepEqual(engine.listRecordings({ ...PARENT, profileId: 'c1' }).recordings.map((r) => r.id), ['r2']);
  assert.ok(!engine.overview(PARENT).profiles.some((p) => p.id === 'c2'), 'a removed profile stays removed');
  assert.equal(engine.effectiveRetention({ ...PARENT, profileId: 'c1' }).setting, '3_months', 'the settings come back');
  for (const id of ['r1', 'r3']) assert.equal(engine.mayUse({ ...SYSTEM, recordingId: id, purpose: 'training' }).reason, 'deleted', id);
  const state = engine.exportState(PARENT);
  assert.deepEqual(state.tombstones.map((t) => t.recordingId).sort(), ['r1', 'r3']);
  assert.deepEqual(state.receipts.map((r) => r.requestId), ['q', 'rm-c2']);
  assert.deepEqual(state.removedProfiles.map((p) => p.profileId), ['c2']);
  assert.deepEqual(state.auditLog.slice(0, logBefore.length), logBefore, 'the whole log is kept');
  const last = state.auditLog.at(-1);
  assert.deepEqual([last.action, last.actor, last.at], ['state_restored', 'g1', NOW + 4]);
  assert.equal(engine.verifyAuditLog(PARENT).intact, true);
  // The restored state re-imports, and the same backup again changes nothing more.
  const json = engine.exportStateJson(PARENT);
  const copy = await load(json);
  assert.equal(copy.exportStateJson(PARENT), json);
  copy.close();
  engine.close();
});

test('a later state updates, the same is unchanged, another history or household is refused', async () => { // covers R-INT-2, R-INT-3
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - DAY)] });
  const earlier = engine.exportStateJson(PARENT);
  const behind = await load(earlier);
  engine.deleteRecordings({ actor: 'g1', now: NOW + 1, requestId: 'q', profileId: 'c1', kind: 'all' });
  const later = engine.exportStateJson(PARENT);
  const updated = behind.importState({ ...PARENT, now: NOW + 2, state: later });
  assert.equal(updated.outcome, 'updated');
  assert.equal(behind.exportStateJson(PARENT), later, 'updated to the later state as it is');
  assert.equal(behind.importState({ ...PARENT, now: NOW + 2, state: later }).outcome, 'unchanged');

  // Two copies that went their own ways since `earlier`.
  const fork = await load(earlier);
  fork.setRetention({ actor: 'g1', now: NOW + 1, profileId: 'c1', setting: '18_months' });
  const k = JSON.parse(earlier).auditLog.length;
  assert.throws(() => engine.importState({ ...PARENT, now: NOW + 2, state: fork.exportStateJson(PARENT) }),
    (e) => e.code === 'conflict' && e.details[0].path === `state.auditLog[${k}]`);
  const stranger = await createPrivacyEngine();
  stranger.createHousehold({ actor: 'operator', now: NOW, id: 'h2', name: 'Other', retentionPolicy: JSON.parse(earlier).retentionPolicy });
  assert.throws(() => engine.importState({ ...PARENT, now: NOW + 2, state: stranger.exportStateJson({ actor: 'operator' }) }),
    (e) => e.code === 'conflict' && e.details[0].path === 'state.household.id');
  assert.equal(engine.exportStateJson(PARENT), later);
  for (const e of [behind, fork, stranger, engine]) e.close();
});

test('a schemaVersion 1 state migrates with an entry that vouches for it; its children need consent, its adults carry on', async () => { // covers R-CON-1, R-INT-3
  const v1 = readFileSync(new URL('../vectors/fixtures/household-v1.json', import.meta.url), 'utf8');
  const engine = await load(v1);
  const state = engine.exportState(PARENT);
  assert.equal(state.schemaVersion, 3);
  const byId = Object.fromEntries(state.profiles.map((p) => [p.id, p]));
  assert.equal(byId.c1.enabled, false);
  assert.equal(byId.c1.consent.state, 'none');
  assert.equal(byId.a1.enabled, true);
  assert.equal(byId.a1.consent, null);
  assert.equal(state.recordings.length, JSON.parse(v1).recordings.length, 'nothing is lost');
  const kept = JSON.parse(v1).auditLog.length;
  assert.ok(state.auditLog.slice(0, kept).every((e) => e.stateDigest === null), 'old entries are kept as they were');
  assert.deepEqual([state.auditLog[kept].action, state.auditLog[kept].actor], ['state_migrated', 'system']);
  assert.equal(state.auditLog.length, kept + 1);
  assert.equal(engine.verifyAuditLog(PARENT).intact, true, 'the chain survives the migration');
  assert.throws(() => addRecording(engine, recording('new', 'c1', 'd1', NOW)), { code: 'consent_required' });
  const json = engine.exportStateJson(PARENT);
  const copy = await load(json);
  assert.equal(copy.exportStateJson(PARENT), json, 'the migrated state re-imports as it is');
  copy.close();
  engine.close();
});

test('malformed old states get an answer, never an abort', async () => { // covers R-INT-4
  const engine = await createPrivacyEngine();
  const states = [
    '{"schemaVersion":1,"auditLog":[{"action":5}]}',
    '{"schemaVersion":1,"household":{"id":"h","name":"H"},"profiles":[{"id":"p","name":"P","kind":7}]}',
    '{"schemaVersion":2,"household":[],"auditLog":{}}',
    '{"schemaVersion":1,"recordings":[{"id":{}}]}',
    '{"schemaVersion":1,"schemaVersion":1}',
  ];
  for (const state of states) {
    assert.throws(() => engine.importState({ ...SYSTEM, now: NOW, state }), (e) => ['invalid_input', 'conflict', 'not_found'].includes(e.code)
      && e.details[0].path.startsWith('state'), state);
  }
  assert.equal(engine.closed, false);
  assert.deepEqual(engine.parseVoiceRequest({ utterance: 'delete that' }), { kind: 'just_said' });
  engine.close();
});

test("one profile's data exports for its parent, and only for them", async () => { // covers R-CON-4
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - DAY), recording('r2', 'c2', 'd1', NOW - DAY)] });
  engine.deleteRecordings({ actor: 'g1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'ids', ids: ['r1'] });
  addRecording(engine, recording('r3', 'c1', 'd2', NOW));
  const data = engine.exportProfileData({ actor: 'g1', profileId: 'c1' });
  assert.equal(data.profile.id, 'c1');
  assert.deepEqual(data.recordings.map((r) => r.id), ['r3']);
  assert.deepEqual(data.tombstones.map((t) => t.recordingId), ['r1']);
  assert.deepEqual(data.receipts.map((r) => r.requestId), ['q']);
  assert.throws(() => engine.exportProfileData({ actor: 'g2', profileId: 'c1' }), { code: 'forbidden' });
  assert.throws(() => engine.exportProfileData({ actor: 'c1', profileId: 'c1' }), { code: 'forbidden' });
  assert.throws(() => engine.exportProfileData({ profileId: 'c1' }), (e) => e.details[0].path === 'actor');
  engine.close();
});
