// The package's public surface: loading, options, errors, lifetimes, and
// bad input that must be refused without changing anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createPrivacyEngine, PrivacyError, SCHEMA_VERSION } from '../../dist/index.mjs';
import { household, recording, NOW, policy } from './fixtures.mjs';

const wasmPath = new URL('../../dist/family-privacy-core.wasm', import.meta.url);

test('loads in Node with the .wasm found beside the module', async () => {
  const engine = await createPrivacyEngine();
  assert.equal(typeof engine.overview, 'function');
  assert.equal(SCHEMA_VERSION, 2);
  engine.close();
});

test('the .wasm location can be overridden by bytes or by URL', async () => {
  const bytes = await readFile(wasmPath);
  const a = await createPrivacyEngine({ wasmBinary: bytes });
  assert.deepEqual(a.parseVoiceRequest({ utterance: 'delete that' }), { kind: 'just_said' });
  a.close();
  const b = await createPrivacyEngine({ wasmUrl: wasmPath });
  assert.deepEqual(b.parseVoiceRequest({ utterance: 'delete everything I said today' }), { kind: 'today' });
  b.close();
  await assert.rejects(createPrivacyEngine({ wasmUrl: new URL('./missing.wasm', wasmPath) }),
    (error) => error instanceof PrivacyError && error.code === 'wasm_load_failed');
});

test('instants are accepted as epoch ms, ISO strings with an offset, or Dates', async () => {
  const engine = await household();
  const at = [NOW - 3000, new Date(NOW - 2000).toISOString().replace('Z', '+00:00'), new Date(NOW - 1000)];
  at.forEach((capturedAt, i) => engine.addRecording({ now: NOW, recording: recording(`r${i}`, 'c1', 'd1', capturedAt) }));
  const { recordings } = engine.listRecordings({ profileId: 'c1' });
  assert.deepEqual(recordings.map((r) => r.capturedAt), [NOW - 1000, NOW - 2000, NOW - 3000]);
  assert.throws(() => engine.addRecording({ now: NOW, recording: recording('x', 'c1', 'd1', '2026-11-29T10:00:00') }),
    (e) => e.code === 'invalid_input' && e.details[0].path === 'recording.capturedAt');
  engine.close();
});

test('a failure throws one PrivacyError with code, details and paths', async () => {
  const engine = await household();
  try {
    engine.addGuardian({ actor: 'nobody', now: NOW, guardian: { id: '', name: 7, verified: 'yes' } });
    assert.fail('expected a PrivacyError');
  } catch (error) {
    assert.ok(error instanceof PrivacyError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'PrivacyError');
    assert.equal(error.code, 'invalid_input');
    assert.deepEqual(error.details.map((d) => [d.code, d.path]), [
      ['invalid_input', 'guardian.id'],
      ['invalid_input', 'guardian.name'],
      ['invalid_input', 'guardian.verified'],
      ['forbidden', 'actor'],
    ]);
    assert.match(error.message, /guardian\.id/);
    assert.match(error.details[3].message, /other_household/);
  }
  engine.close();
});

test('bad input of every kind is refused and leaves the state as it was', async () => {
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1000)] });
  const before = engine.exportStateJson();
  const cyclic = {}; cyclic.self = cyclic;
  const attempts = [
    () => engine.setRetention(null),
    () => engine.setRetention([]),
    () => engine.setRetention('c1'),
    () => engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting: 'forever' }),
    () => engine.setRetention({ actor: 'g1', now: NOW, profileId: 'nope', setting: 'dont_save' }),
    () => engine.setRetention({ actor: 'g1', now: NaN, profileId: 'c1', setting: 'dont_save' }),
    () => engine.setRetention({ actor: 'g1', now: 1.5, profileId: 'c1', setting: 'dont_save' }),
    () => engine.setRetention({ actor: 'g1', now: 1e300, profileId: 'c1', setting: 'dont_save' }),
    () => engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting: 'dont_save', cyclic }),
    () => engine.setRetention({ actor: 'g1', now: 10n, profileId: 'c1', setting: 'dont_save' }),
    () => engine.addRecording({ now: NOW, recording: recording('r2', 'c1', 'd1', NOW + 1) }),
    () => engine.addRecording({ now: NOW, recording: recording('x'.repeat(129), 'c1', 'd1', NOW) }),
    () => engine.addRecording({ now: NOW, recording: recording('r3', 'c1', 'd1', NOW, { transcript: 'a'.repeat(10_001) }) }),
    () => engine.addRecording({ now: NOW, recording: recording('r4', 'c1', 'd1', '2026-02-29T00:00:00Z') }),
    () => engine.addRecordings({ now: NOW, recordings: [recording('r5', 'c1', 'd1', NOW), recording('r1', 'c1', 'd1', NOW)] }),
    () => engine.deleteRecordings({ actor: 'g1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'range', from: NOW, to: NOW }),
    () => engine.deleteRecordings({ actor: 'g2', now: NOW, requestId: 'q', profileId: 'c1', kind: 'all' }),
    () => engine.deleteRecordings({ actor: 'c1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'all' }),
    () => engine.importState('{"schemaVersion":1,'),
    () => engine.importState('{"schemaVersion":1}, "command": "sweep", "now": 1'),
    () => engine.importState({ schemaVersion: 99 }),
    () => engine.importState({ ...engine.exportState(), recordings: [{ id: 'z' }] }),
    () => engine.executeJson(42),
    () => engine.listRecordings({ limit: -1 }),
    () => engine.voiceRequest({ requestId: 'v', profileId: 'c1', deviceId: 'd1', utterance: 'delete it all', utcOffsetMinutes: 0, now: NOW }),
  ];
  for (const [i, attempt] of attempts.entries()) {
    assert.throws(attempt, (e) => e instanceof PrivacyError && typeof e.code === 'string' && e.details.length > 0, `attempt ${i}`);
    assert.equal(engine.exportStateJson(), before, `attempt ${i} changed the state`);
  }
  // Raw JSON through executeJson: malformed, deep, invalid UTF-8 escapes.
  for (const text of ['{', '[]', '"x"', '{"command":1}', '['.repeat(10_000), '{"command":"overview","x":"\\ud800"}']) {
    const answer = JSON.parse(engine.executeJson(text));
    assert.equal(answer.type, 'failure', text.slice(0, 40));
    assert.ok(answer.errors[0].code);
  }
  assert.equal(engine.exportStateJson(), before);
  engine.close();
});

test('thousands of failing calls leave the module healthy', async () => {
  const engine = await household();
  for (let i = 0; i < 5000; i++) {
    assert.throws(() => engine.addDevice({ actor: 'g1', now: NOW, device: { id: 'd1', name: 'again' } }), { code: 'conflict' });
  }
  assert.equal(engine.overview().devices.length, 2);
  engine.close();
});

test('close() is idempotent and later calls throw closed', async () => {
  const engine = await household();
  engine.close();
  engine.close();
  assert.throws(() => engine.overview(), (e) => e instanceof PrivacyError && e.code === 'closed');
  assert.throws(() => engine.executeJson('{}'), { code: 'closed' });
});

test('createPrivacyEngine({ state }) imports, and a bad state refuses to create', async () => {
  const source = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 5)] });
  const json = source.exportStateJson();
  const copy = await createPrivacyEngine({ state: json });
  assert.equal(copy.exportStateJson(), json);
  await assert.rejects(createPrivacyEngine({ state: { schemaVersion: 3 } }), { code: 'unsupported_version' });
  await assert.rejects(createPrivacyEngine(7), { code: 'invalid_input' });
  source.close();
  copy.close();
});

test('two engines are two households: nothing crosses between them', async () => { // covers R-DEL-6
  const a = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1000)] });
  const b = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1000)] });
  a.deleteRecordings({ actor: 'g1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'all' });
  assert.equal(a.listRecordings().total, 0);
  assert.equal(b.listRecordings().total, 1);
  assert.throws(() => b.deleteRecordings({ actor: 'g1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'ids', ids: ['elsewhere'] }), { code: 'not_found' });
  a.close();
  b.close();
});

test('the household must exist first, and exists once', async () => {
  const engine = await createPrivacyEngine();
  assert.throws(() => engine.overview(), { code: 'not_found' });
  engine.createHousehold({ actor: 'operator', now: NOW, id: 'h', name: 'H', retentionPolicy: policy() });
  assert.throws(() => engine.createHousehold({ actor: 'operator', now: NOW, id: 'h', name: 'H', retentionPolicy: policy() }), { code: 'conflict' });
  engine.close();
});
