import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivacyEngine } from '../../dist/index.mjs';
import { household, recording, NOW, DAY } from './fixtures.mjs';

test('export then import gives back the same state, byte for byte', async () => {
  const engine = await household({ recordings: Array.from({ length: 50 }, (_, i) => recording(`r${i}`, i % 2 ? 'c1' : 'a1', 'd1', NOW - i * DAY, { transcript: `naïve café ✓ "quoted" <b>${i}</b>` })) });
  engine.deleteRecordings({ actor: 'g1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'ids', ids: ['r1', 'r3'] });
  const first = engine.exportStateJson();
  assert.equal(JSON.parse(first).schemaVersion, 2);
  const other = await createPrivacyEngine({ state: first });
  assert.equal(other.exportStateJson(), first);
  other.importState(JSON.parse(first));
  assert.equal(other.exportStateJson(), first);
  assert.deepEqual(other.exportState(), JSON.parse(first));
  engine.close();
  other.close();
});

test('an unknown or newer schemaVersion fails clearly; a broken state changes nothing', async () => {
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW)] });
  const good = engine.exportState();
  const before = engine.exportStateJson();
  const cases = [
    [{ ...good, schemaVersion: 3 }, 'unsupported_version', 'state.schemaVersion'],
    [{ ...good, schemaVersion: 0 }, 'unsupported_version', 'state.schemaVersion'],
    [{ ...good, schemaVersion: '1' }, 'invalid_input', 'state.schemaVersion'],
    [{ ...good, extra: 1 }, 'invalid_input', 'state.extra'],
    [{ ...good, recordings: [{ ...good.recordings[0], profileId: 'ghost' }] }, 'not_found', 'state.recordings[0].profileId'],
    [{ ...good, devices: [...good.devices, good.devices[0]] }, 'conflict', 'state.devices[2].id'],
    [{ ...good, profiles: [...good.profiles, { ...good.profiles[0], id: 'g1' }] }, 'conflict', 'state.profiles[3].id'],
    [{ ...good, tombstones: [{ recordingId: 'r1', profileId: 'c1', deletedAt: NOW, requestId: 'q' }] }, 'conflict', 'state.tombstones[0].recordingId'],
    [{ ...good, retentionPolicy: { ...good.retentionPolicy, categories: [] } }, 'invalid_input', 'state.retentionPolicy.categories'],
  ];
  for (const [state, code, path] of cases) {
    assert.throws(() => engine.importState(state), (e) => e.code === code && e.details.some((d) => d.path === path), path);
    assert.equal(engine.exportStateJson(), before);
  }
  engine.close();
});

test('a schemaVersion 1 state migrates; its children need consent, its adults carry on', async () => { // covers R-CON-1
  const { readFileSync } = await import('node:fs');
  const v1 = readFileSync(new URL('../vectors/fixtures/household-v1.json', import.meta.url), 'utf8');
  const engine = await createPrivacyEngine({ state: v1 });
  const state = engine.exportState();
  assert.equal(state.schemaVersion, 2);
  const byId = Object.fromEntries(state.profiles.map((p) => [p.id, p]));
  assert.equal(byId.c1.enabled, false);
  assert.equal(byId.c1.consent.state, 'none');
  assert.equal(byId.a1.enabled, true);
  assert.equal(byId.a1.consent, null);
  assert.equal(state.recordings.length, JSON.parse(v1).recordings.length, 'nothing is lost');
  assert.equal(engine.verifyAuditLog().intact, true, 'the chain survives the migration');
  assert.throws(() => engine.addRecording({ now: NOW, recording: recording('new', 'c1', 'd1', NOW) }), { code: 'consent_required' });
  engine.close();
});

test("one profile's data exports for its parent, and only for them", async () => { // covers R-CON-4
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - DAY), recording('r2', 'c2', 'd1', NOW - DAY)] });
  engine.deleteRecordings({ actor: 'g1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'ids', ids: ['r1'] });
  engine.addRecording({ now: NOW, recording: recording('r3', 'c1', 'd2', NOW) });
  const data = engine.exportProfileData({ actor: 'g1', profileId: 'c1' });
  assert.equal(data.profile.id, 'c1');
  assert.deepEqual(data.recordings.map((r) => r.id), ['r3']);
  assert.deepEqual(data.tombstones.map((t) => t.recordingId), ['r1']);
  assert.deepEqual(data.receipts.map((r) => r.requestId), ['q']);
  assert.throws(() => engine.exportProfileData({ actor: 'g2', profileId: 'c1' }), { code: 'forbidden' });
  assert.throws(() => engine.exportProfileData({ actor: 'c1', profileId: 'c1' }), { code: 'forbidden' });
  engine.close();
});
