import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivacyEngine } from '../../dist/index.mjs';
import { household, recording, NOW, DAY } from './fixtures.mjs';

test('export then import gives back the same state, byte for byte', async () => {
  const engine = await household({ recordings: Array.from({ length: 50 }, (_, i) => recording(`r${i}`, i % 2 ? 'c1' : 'a1', 'd1', NOW - i * DAY, { transcript: `naïve café ✓ "quoted" <b>${i}</b>` })) });
  engine.deleteRecordings({ actor: 'g1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'ids', ids: ['r1', 'r3'] });
  const first = engine.exportStateJson();
  assert.equal(JSON.parse(first).schemaVersion, 1);
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
    [{ ...good, schemaVersion: 2 }, 'unsupported_version', 'state.schemaVersion'],
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
