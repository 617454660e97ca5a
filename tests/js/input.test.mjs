// What crosses into the engine (R-INT-4, R-INT-5): a command is built from the
// input's own data properties only; duplicate keys, a missing actor and
// anything else wrong are refused with a path; and were the module to abort,
// every engine on it stops with PrivacyError('internal') and the next engine
// starts on a fresh module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createPrivacyEngine, PrivacyError } from 'family-privacy';
import { distFile } from './package.mjs';
import { household, recording, policy, NOW, PARENT } from './fixtures.mjs';

// The loader and the buffer of the build under test (neither is exported).
const { loadCore } = await import(distFile('load.mjs'));
const { Native } = await import(distFile('native.mjs'));

const MiB = 2 ** 20;
const fail = (code, message, path) => new PrivacyError(code, message, [{ code, path, message }]);
// The module the package's engines share when no wasm option is given (load.mjs keeps one).
const sharedCore = () => loadCore({}, fail);

/** Every command text the package's engines send to the module, while `fn` runs. */
async function sent(fn) {
  const proto = Native.prototype;
  const original = { execute: proto.execute, executeWithState: proto.executeWithState };
  const texts = [];
  proto.execute = function execute(text) {
    texts.push(text);
    return original.execute.call(this, text);
  };
  proto.executeWithState = function executeWithState(text, state) {
    texts.push(text);
    return original.executeWithState.call(this, text, state);
  };
  try {
    await fn();
  } finally {
    Object.assign(proto, original);
  }
  return texts;
}

test('an own toJSON, a getter, a class instance or a function never becomes the command; a Date is epoch ms', async () => { // covers R-INT-5
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1000)] });
  const before = engine.exportStateJson(PARENT);
  const hostile = {
    'an own toJSON': { actor: 'g1', now: NOW, profileId: 'c1', setting: '3_months', toJSON: () => ({ actor: 'g1', now: NOW, profileId: 'c1', setting: 'dont_save' }) },
    'a getter': Object.defineProperty({ actor: 'g1', now: NOW, setting: '3_months' }, 'profileId', { get: () => 'c1', enumerable: true }),
    'a getter on a nested object': { actor: 'g1', now: NOW, profileId: 'c1', setting: '3_months', requestId: Object.defineProperty({}, 'x', { get: () => 1, enumerable: true }) },
    'a class instance': new (class Input { constructor() { this.actor = 'g1'; this.now = NOW; this.profileId = 'c1'; this.setting = 'dont_save'; } })(),
    'a Map': new Map([['actor', 'g1']]),
    'a symbol': { actor: 'g1', now: NOW, profileId: 'c1', setting: Symbol('dont_save') },
    'a hole in an array': { actor: 'g1', now: NOW, profileId: 'c1', kind: 'ids', requestId: 'q', ids: [, 'r1'] }, // eslint-disable-line no-sparse-arrays
    'an invalid Date': { actor: 'g1', now: new Date(NaN), profileId: 'c1', setting: 'dont_save' },
  };
  const texts = await sent(() => {
    for (const [what, input] of Object.entries(hostile)) {
      const method = 'ids' in input ? 'deleteRecordings' : 'setRetention';
      assert.throws(() => engine[method](input), (e) => e instanceof PrivacyError && e.code === 'invalid_input', what);
    }
  });
  assert.deepEqual(texts, [], 'nothing was sent to the engine');
  assert.equal(engine.exportStateJson(PARENT), before);

  // Own data only: an inherited field is not sent; undefined fields are left out; a Date is its epoch ms.
  const withDate = { actor: 'g1', now: new Date(NOW), profileId: 'c1', setting: '18_months', requestId: undefined };
  const [text] = await sent(() => engine.setRetention(withDate));
  assert.equal(text, JSON.stringify({ command: 'setRetention', actor: 'g1', now: NOW, profileId: 'c1', setting: '18_months' }));
  const inherited = Object.assign(Object.create({ deleteData: true, requestId: 'inherited' }), { actor: 'g1', now: NOW, profileId: 'c2' });
  assert.throws(() => engine.revokeConsent(inherited), { code: 'invalid_input' }, 'not a plain object: refused');
  // A nested Date too.
  const [listed] = await sent(() => engine.listRecordings({ ...PARENT, profileId: 'c1', from: new Date(NOW - 5000), to: new Date(NOW) }));
  assert.equal(listed, JSON.stringify({ command: 'listRecordings', actor: 'g1', profileId: 'c1', from: NOW - 5000, to: NOW }));
  // `command` is the method's own.
  assert.throws(() => engine.overview({ ...PARENT, command: 'exportState' }), (e) => e.code === 'invalid_input' && e.details[0].path === 'command');
  engine.close();
});

test('the input is checked in place: no getter is ever called, a symbol key is not read, __proto__ stays a key', async () => { // covers R-INT-5
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1000)] });
  const before = engine.exportStateJson(PARENT);
  let calls = 0;
  const getter = { get: () => { calls += 1; return 'c1'; }, enumerable: true };
  const top = Object.defineProperty({ actor: 'g1', now: NOW, setting: '3_months' }, 'profileId', getter);
  const deep = { actor: 'g1', now: NOW, profileId: 'c1', kind: 'ids', requestId: 'q1', ids: Object.defineProperty(['r1'], 1, getter) };
  const texts = await sent(() => {
    assert.throws(() => engine.setRetention(top), (e) => e.code === 'invalid_input' && e.details[0].path === 'profileId');
    assert.throws(() => engine.deleteRecordings(deep), (e) => e.code === 'invalid_input' && e.details[0].path === 'ids[1]');
  });
  assert.deepEqual(texts, []);
  assert.equal(calls, 0, 'no getter was called');
  // A symbol-keyed getter is neither read nor sent; the data beside it is.
  const symbolic = Object.defineProperty({ actor: 'g1', now: NOW, profileId: 'c1', setting: '18_months' }, Symbol('x'), getter);
  const [text] = await sent(() => engine.setRetention(symbolic));
  assert.equal(text, JSON.stringify({ command: 'setRetention', actor: 'g1', now: NOW, profileId: 'c1', setting: '18_months' }));
  assert.equal(calls, 0);
  // An own key named __proto__ is a key like any other: sent, and refused by the engine as unknown.
  const proto = JSON.parse('{"actor":"g1","now":1,"profileId":"c1","setting":"dont_save","__proto__":{"x":1}}');
  assert.throws(() => engine.setRetention({ ...proto, now: NOW + 1 }), (e) => e.code === 'invalid_input' && e.details[0].path === '__proto__');
  assert.equal(engine.effectiveRetention({ ...PARENT, profileId: 'c1' }).setting, '18_months');
  assert.notEqual(engine.exportStateJson(PARENT), before);
  engine.close();
});

test('no toJSON anywhere, no Proxy trap read twice, no Date method of the caller: what is sent is the own data read once', async () => { // covers R-INT-5
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1000)] });
  let calls = 0;
  const call = (value) => () => { calls += 1; return value; };
  const hidden = Object.defineProperty(['r1'], 'toJSON', { value: call(['r2']), enumerable: false });
  const ownOnArray = Object.assign(['r1'], { toJSON: call(['r2']) });
  class Ids extends Array { toJSON() { calls += 1; return ['r2']; } }
  const inherited = Object.create(Object.create(null, { toJSON: { value: call({ x: 1 }) } }));
  const cases = [
    ['a non-enumerable toJSON on an array', hidden],
    ['an own toJSON on an array', ownOnArray],
    ['an Array subclass with a toJSON', Ids.from(['r1'])],
  ];
  const texts = await sent(() => {
    for (const [what, ids] of cases) {
      const answer = engine.previewDeletion({ ...PARENT, now: NOW, profileId: 'c1', kind: 'ids', ids });
      assert.deepEqual(answer.recordingIds, ['r1'], what);
    }
    // A Proxy: its descriptor says one thing, its get trap another; the descriptor's value is what goes.
    const proxy = new Proxy({ ...PARENT, now: NOW, profileId: 'c1', kind: 'ids', ids: ['r1'] }, {
      get: (target, key) => (key === 'ids' ? ['r2'] : target[key]),
    });
    assert.deepEqual(engine.previewDeletion(proxy).recordingIds, ['r1']);
    // A Date's own toJSON, toISOString and getTime are not asked; its time is.
    const at = Object.assign(new Date(NOW), { toJSON: call('x'), toISOString: call('x'), getTime: call(0) });
    assert.equal(engine.previewDeletion({ ...PARENT, now: at, profileId: 'c1', kind: 'ids', ids: ['r1'] }).recordingIds.length, 1);
    // A toJSON inherited from a null-prototype object is not asked either: the object's own data goes (and is refused as unknown).
    assert.throws(() => engine.previewDeletion({ ...PARENT, now: NOW, profileId: 'c1', kind: 'ids', ids: ['r1'], extra: inherited }),
      (e) => e.code === 'invalid_input' && e.details[0].path === 'extra');
    // A non-enumerable accessor named command, or a getter for the state, is never called.
    const commandGetter = Object.defineProperty({ ...PARENT }, 'command', { get: call('exportState'), enumerable: false });
    assert.equal(engine.overview(commandGetter).household.id, 'h1');
    const stateGetter = Object.defineProperty({ actor: 'system', now: NOW }, 'state', { get: call('{}'), enumerable: true });
    assert.throws(() => engine.previewImport(stateGetter), (e) => e.code === 'invalid_input' && e.details[0].path === 'state');
  });
  assert.equal(calls, 0, 'no function of the caller ran');
  assert.equal(texts.length, 7);
  for (const text of texts.slice(0, 4)) assert.match(text, /"ids":\["r1"\]/);
  assert.match(texts[4], new RegExp(`"now":${NOW},`));
  engine.close();
});

test('a state with a toJSON or a getter is refused whole; as text it is sent as it is', async () => { // covers R-INT-5
  const source = await household();
  const state = source.exportState(PARENT);
  const engine = await createPrivacyEngine();
  const forged = { ...state, toJSON: () => ({ ...state, household: { ...state.household, name: 'forged' } }) };
  assert.throws(() => engine.importState({ actor: 'system', now: NOW, state: forged }), (e) => e.code === 'invalid_input' && e.details[0].path === 'state.toJSON');
  const getter = Object.defineProperty({ ...state }, 'household', { get: () => state.household, enumerable: true });
  assert.throws(() => engine.importState({ actor: 'system', now: NOW, state: getter }), (e) => e.code === 'invalid_input' && e.details[0].path === 'state.household');
  assert.throws(() => engine.overview(PARENT), { code: 'not_found' }, 'nothing was imported');
  assert.equal(engine.importState({ actor: 'system', now: NOW, state: source.exportStateJson(PARENT) }).outcome, 'loaded');
  source.close();
  engine.close();
});

test('a key given twice is refused with its path, at any depth; the state too', async () => { // covers R-INT-4
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1000)] });
  const before = engine.exportStateJson(PARENT);
  const cases = [
    ['{"command":"decideAds","actor":"system","now":1,"profileId":"c1","profileId":"a1"}', 'profileId'],
    ['{"command":"overview","actor":"g2","actor":"g1"}', 'actor'],
    ['{"command":"setRetention","actor":"g1","now":1795953600000,"profileId":"c1","setting":"3_months","setting":"dont_save"}', 'setting'],
    ['{"command":"addGuardian","actor":"operator","now":1795953600000,"guardian":{"id":"g3","name":"A","verified":false,"verified":true}}', 'guardian.verified'],
    ['{"command":"addRecordings","actor":"system","now":1795953600000,"recordings":[{"id":"r2","profileId":"c1","deviceId":"d1","capturedAt":1,"deviceId":"d2"}]}', 'recordings[0].deviceId'],
    ['{"command":"overview","command":"exportState","actor":"g1"}', 'command'],
  ];
  for (const [text, path] of cases) {
    const answer = JSON.parse(engine.executeJson(text));
    // decideAds never fails: it gives the most protective decision, with the errors in it.
    const errors = text.includes('decideAds') ? answer.result.errors : answer.errors;
    assert.equal(answer.type, text.includes('decideAds') ? 'success' : 'failure', text);
    if (text.includes('decideAds')) assert.equal(answer.result.level, 'none');
    assert.deepEqual(errors[0], { code: 'invalid_input', path, message: 'appears twice in this object' }, text);
  }
  const state = engine.exportStateJson(PARENT).replace('"name":"Test household"', '"name":"Test household","name":"Other"');
  assert.throws(() => engine.importState({ ...PARENT, now: NOW, state }),
    (e) => e.code === 'invalid_input' && e.details[0].path === 'state.household.name' && /twice/.test(e.message));
  assert.equal(engine.exportStateJson(PARENT), before);
  engine.close();
});

test('a missing actor is refused on reads as on changes', async () => { // covers R-INT-5
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1000)] });
  const reads = [
    () => engine.overview({}), () => engine.overview(), () => engine.listRecordings({ profileId: 'c1' }),
    () => engine.auditLog({}), () => engine.exportState({}), () => engine.exportStateJson({}), () => engine.exportStateJson(),
    () => engine.tombstones({}), () => engine.mayUse({ recordingId: 'r1', purpose: 'training' }),
    () => engine.exportProfileData({ profileId: 'c1' }), () => engine.verifyAuditLog({}),
    () => engine.addRecording({ now: NOW, recording: recording('r2', 'c1', 'd1', NOW) }),
    () => engine.sweep({ now: NOW }), () => engine.importState({ now: NOW, state: '{}' }),
  ];
  for (const [i, read] of reads.entries()) {
    assert.throws(read, (e) => e.code === 'invalid_input' && e.details.some((d) => d.path === 'actor'), `call ${i}`);
  }
  engine.close();
});

test('an abort inside the module stops every engine on it with internal; the next engine gets a fresh module', async () => { // covers R-INT-4
  const own = await createPrivacyEngine({ wasmBinary: await readFile(distFile('family-privacy-core.wasm')) });
  own.createHousehold({ actor: 'operator', now: NOW, id: 'h9', name: 'Own module', retentionPolicy: policy() });
  const a = await household();
  const b = await household();
  const core = await sharedCore();
  // Exhaust the shared module's memory for real, without an allocation failing here: one block
  // at the top of its heap shows where the top is, a second takes all that the 2 GB maximum leaves.
  const top = core._malloc(256 * MiB) + 256 * MiB;
  assert.ok(top > 256 * MiB);
  assert.ok(core._malloc(2 ** 31 - top - 256 * 1024), 'all but the last 256 KiB taken');
  // A command the module has no room left for: it aborts, cleanly (it is built so that running out
  // of memory aborts, R-INT-4, rather than write the text where no memory was given).
  const big = JSON.stringify({ command: 'overview', actor: 'g1', pad: 'x'.repeat(40 * MiB) });
  assert.throws(() => a.executeJson(big), (e) => e instanceof PrivacyError && e.code === 'internal'
    && /Aborted/.test(e.message) && /create a new engine/.test(e.message));
  for (const engine of [a, b]) {
    assert.equal(engine.closed, true);
    assert.throws(() => engine.overview(PARENT), (e) => e.code === 'internal', 'every engine on the module is stopped');
    assert.throws(() => engine.executeJson('{"command":"describeCommands"}'), { code: 'internal' });
    engine.close();  // still safe
  }
  assert.equal(own.overview({ actor: 'operator' }).household.name, 'Own module', 'an engine on another module carries on');
  own.close();
  const fresh = await household();
  assert.notEqual(await sharedCore(), core, 'a fresh module');
  assert.equal(fresh.overview(PARENT).household.id, 'h1');
  fresh.close();
});

test('an exception from the module\'s glue takes the same path: stopped, then a fresh module', async () => { // covers R-INT-4
  const a = await household();
  const b = await household();
  const core = await sharedCore();
  const original = core._fp_execute;
  core._fp_execute = function execute() { throw new WebAssembly.RuntimeError('unreachable'); };
  try {
    assert.throws(() => b.overview(PARENT), (e) => e.code === 'internal' && /unreachable/.test(e.message));
  } finally {
    core._fp_execute = original;
  }
  assert.throws(() => a.exportStateJson(PARENT), { code: 'internal' });
  const c = await household();
  assert.notEqual(await sharedCore(), core, 'the stopped module is not reused');
  assert.equal(c.overview(PARENT).household.id, 'h1');
  c.close();
});
