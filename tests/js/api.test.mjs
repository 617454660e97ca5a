// The package's public surface: loading, options, errors, lifetimes, and
// bad input that must be refused without changing anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createPrivacyEngine, PrivacyError, SCHEMA_VERSION, COMMANDS } from 'family-privacy';
import { distFile } from './package.mjs';
import { household, recording, addRecording, intake, NOW, policy, PARENT } from './fixtures.mjs';

const wasmPath = distFile('family-privacy-core.wasm');

test('loads in Node with the .wasm found beside the module', async () => {
  const engine = await createPrivacyEngine();
  assert.equal(typeof engine.overview, 'function');
  assert.equal(SCHEMA_VERSION, 3);
  for (const { name } of COMMANDS) {
    assert.equal(typeof engine[name], 'function', `a method for every command: ${name}`);
  }
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
  at.forEach((capturedAt, i) => addRecording(engine, recording(`r${i}`, 'c1', 'd1', capturedAt)));
  const { recordings } = engine.listRecordings({ ...PARENT, profileId: 'c1' });
  assert.deepEqual(recordings.map((r) => r.capturedAt), [NOW - 1000, NOW - 2000, NOW - 3000]);
  assert.throws(() => addRecording(engine, recording('x', 'c1', 'd1', '2026-11-29T10:00:00')),
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
    // The input is read first; who acts is decided on a well-formed command only.
    assert.deepEqual(error.details.map((d) => [d.code, d.path]), [
      ['invalid_input', 'guardian.id'],
      ['invalid_input', 'guardian.name'],
      ['invalid_input', 'guardian.verified'],
    ]);
    assert.match(error.message, /guardian\.id/);
    assert.match(error.message, /\(\+2 more\)$/);
  }
  assert.throws(() => engine.addGuardian({ actor: 'nobody', now: NOW, guardian: { id: 'g9', name: 'N', verified: false } }),
    (e) => e.code === 'forbidden' && e.details[0].path === 'actor' && /other_household/.test(e.details[0].message));
  engine.close();
});

test('bad input of every kind is refused and leaves the state as it was', async () => {
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1000)] });
  const before = engine.exportStateJson(PARENT);
  const cyclic = {}; cyclic.self = cyclic;
  const state = engine.exportState(PARENT);
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
    () => engine.setRetention({ actor: 'g1', now: NOW - 1, profileId: 'c1', setting: 'dont_save' }),
    () => engine.setRetention({ now: NOW, profileId: 'c1', setting: 'dont_save' }),
    () => addRecording(engine, recording('r2', 'c1', 'd1', NOW + 1)),
    () => addRecording(engine, recording('x'.repeat(129), 'c1', 'd1', NOW)),
    () => addRecording(engine, recording('r3', 'c1', 'd1', NOW, { transcript: 'a'.repeat(10_001) })),
    () => addRecording(engine, recording('r4', 'c1', 'd1', '2026-02-29T00:00:00Z')),
    () => intake(engine, [recording('r5', 'c1', 'd1', NOW), recording('r1', 'c1', 'd1', NOW)]),
    () => engine.deleteRecordings({ actor: 'g1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'range', from: NOW, to: NOW }),
    () => engine.deleteRecordings({ actor: 'g2', now: NOW, requestId: 'q', profileId: 'c1', kind: 'all' }),
    () => engine.deleteRecordings({ actor: 'c1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'all' }),
    () => engine.importState('{"schemaVersion":1,'),
    () => engine.importState({ actor: 'g1', now: NOW, state: '{"schemaVersion":1,' }),
    () => engine.importState({ actor: 'g1', now: NOW, state: '{"schemaVersion":1}, "command": "sweep", "now": 1' }),
    () => engine.importState({ actor: 'g1', now: NOW, state: { schemaVersion: 99 } }),
    () => engine.importState({ actor: 'g1', now: NOW, state: { ...state, recordings: [{ id: 'z' }] } }),
    () => engine.importState({ now: NOW, state }),
    () => engine.importState({ actor: 'g1', now: NOW }),
    () => engine.executeJson(42),
    () => engine.listRecordings({ ...PARENT, profileId: 'c1', limit: -1 }),
    () => engine.listRecordings({ profileId: 'c1' }),
    () => engine.voiceRequest({ requestId: 'v', profileId: 'c1', deviceId: 'd1', utterance: 'delete it all', utcOffsetMinutes: 0, now: NOW }),
  ];
  for (const [i, attempt] of attempts.entries()) {
    assert.throws(attempt, (e) => e instanceof PrivacyError && typeof e.code === 'string' && e.details.length > 0, `attempt ${i}`);
    assert.equal(engine.exportStateJson(PARENT), before, `attempt ${i} changed the state`);
  }
  // Raw JSON through executeJson: malformed, deep, invalid UTF-8 escapes.
  for (const text of ['{', '[]', '"x"', '{"command":1}', '['.repeat(10_000), '{"command":"overview","actor":"g1","x":"\\ud800"}']) {
    const answer = JSON.parse(engine.executeJson(text));
    assert.equal(answer.type, 'failure', text.slice(0, 40));
    assert.ok(answer.errors[0].code);
  }
  assert.equal(engine.exportStateJson(PARENT), before);
  engine.close();
});

test('thousands of failing calls leave the module healthy', async () => {
  const engine = await household();
  for (let i = 0; i < 5000; i++) {
    assert.throws(() => engine.addDevice({ actor: 'g1', now: NOW, device: { id: 'd1', name: 'again' } }), { code: 'conflict' });
  }
  assert.equal(engine.overview(PARENT).devices.length, 2);
  engine.close();
});

test('close() is idempotent and later calls throw closed', async () => {
  const engine = await household();
  engine.close();
  engine.close();
  assert.equal(engine.closed, true);
  assert.throws(() => engine.overview(PARENT), (e) => e instanceof PrivacyError && e.code === 'closed');
  assert.throws(() => engine.executeJson('{}'), { code: 'closed' });
  assert.throws(() => engine.exportStateJson(PARENT), { code: 'closed' });
});

test('createPrivacyEngine({ state, actor, now }) imports, and a bad state refuses to create', async () => { // covers R-INT-5
  const source = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 5)] });
  const json = source.exportStateJson(PARENT);
  const copy = await createPrivacyEngine({ state: json, actor: 'system', now: NOW });
  assert.equal(copy.exportStateJson(PARENT), json);
  await assert.rejects(createPrivacyEngine({ state: json, now: NOW }), (e) => e.code === 'invalid_input' && e.details[0].path === 'actor');
  await assert.rejects(createPrivacyEngine({ state: json, actor: 'system' }), (e) => e.code === 'invalid_input' && e.details[0].path === 'now');
  await assert.rejects(createPrivacyEngine({ state: { schemaVersion: 4 }, actor: 'system', now: NOW }), { code: 'unsupported_version' });
  await assert.rejects(createPrivacyEngine(7), { code: 'invalid_input' });
  source.close();
  copy.close();
});

test('two engines are two households: nothing crosses between them', async () => { // covers R-DEL-6
  const a = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1000)] });
  const b = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1000)] });
  a.deleteRecordings({ actor: 'g1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'all' });
  assert.equal(a.listRecordings({ ...PARENT, profileId: 'c1' }).total, 0);
  assert.equal(b.listRecordings({ ...PARENT, profileId: 'c1' }).total, 1);
  assert.throws(() => b.deleteRecordings({ actor: 'g1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'ids', ids: ['elsewhere'] }), { code: 'not_found' });
  a.close();
  b.close();
});

test('the household must exist first, and exists once', async () => {
  const engine = await createPrivacyEngine();
  assert.throws(() => engine.overview(PARENT), { code: 'not_found' });
  engine.createHousehold({ actor: 'operator', now: NOW, id: 'h', name: 'H', retentionPolicy: policy() });
  assert.throws(() => engine.createHousehold({ actor: 'operator', now: NOW, id: 'h', name: 'H', retentionPolicy: policy() }), { code: 'conflict' });
  engine.close();
});

test('execute gives the answer and its effects: what changed, which recordings went', async () => {
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1000), recording('r2', 'c1', 'd1', NOW - 500)] });
  const read = engine.execute('overview', PARENT);
  assert.deepEqual(read.effects, { changed: false, deletedRecordingIds: [] });
  assert.equal(read.result.household.id, 'h1');
  const gone = engine.execute('deleteRecordings', { actor: 'g1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'ids', ids: ['r2'] });
  assert.deepEqual(gone.effects, { changed: true, deletedRecordingIds: ['r2'] });
  assert.equal(gone.result.status, 'deleted');
  assert.throws(() => engine.execute('noSuchCommand', {}), (e) => e.code === 'not_found' && e.details[0].path === 'command');
  assert.throws(() => engine.execute(7, {}), (e) => e.code === 'invalid_input' && e.details[0].path === 'command');
  engine.close();
});
