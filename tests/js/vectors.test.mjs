// The shared scenarios (tests/vectors/*.json), replayed through the package
// (wasm): every answer equals the recorded one byte for byte, equals what the
// native build answers for the same commands, and holds to the command's
// answer schema from describeCommands (ajv).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPrivacyEngine } from 'family-privacy';
import { answerSchemas } from './answers.mjs';

const dir = fileURLToPath(new URL('../vectors/', import.meta.url));
const cli = fileURLToPath(new URL('../../build/privacy_cli', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const schemas = await answerSchemas();

// How a vector's state is loaded: as the vector says, else by the service once its log and recordings were made.
function importCommand(vector) {
  const times = [...(vector.state?.auditLog ?? []).map((e) => e.at), ...(vector.state?.recordings ?? []).map((r) => r.capturedAt)];
  const now = Math.max(0, ...times.filter((t) => Number.isInteger(t)));
  return { command: 'importState', actor: 'system', now, ...vector.import, state: vector.state };
}

/** Every line the native build answers for these command lines. */
function native(lines) {
  const out = spawnSync(cli, { input: `${lines.join('\n')}\n`, maxBuffer: 1 << 28 });
  assert.equal(out.status, 0, out.stderr.toString());
  return out.stdout.toString().trimEnd().split('\n');
}

test('there are vectors, and they cover every retention and deletion rule', () => {
  assert.ok(files.length > 0);
  const covered = new Set(files.flatMap((f) => JSON.parse(readFileSync(dir + f, 'utf8')).covers));
  for (const id of ['R-RET-1', 'R-RET-2', 'R-RET-3', 'R-RET-4', 'R-RET-5', 'R-RET-6',
    'R-DEL-1', 'R-DEL-2', 'R-DEL-3', 'R-DEL-4', 'R-DEL-5', 'R-DEL-6']) {
    assert.ok(covered.has(id), `no vector covers ${id}`);
  }
  assert.ok(existsSync(cli), 'build/privacy_cli is built by npm test');
});

for (const file of files) {
  const vector = JSON.parse(readFileSync(dir + file, 'utf8'));
  const load = vector.state === undefined ? null : JSON.stringify(importCommand(vector));
  const commands = vector.steps.map((step) => JSON.stringify(step.command));
  const names = vector.steps.map((step) => step.command.command);
  let wasm;

  test(`vector ${file}: wasm and native answer the same bytes, each to its schema (covers ${vector.covers.join(', ')})`, async () => {
    const engine = await createPrivacyEngine();
    const loaded = load && engine.executeJson(load);
    wasm = commands.map((command) => engine.executeJson(command));
    engine.close();
    const [nativeLoaded, ...nativeAnswers] = native(load ? [load, ...commands] : ['{"command":"describeCommands"}', ...commands]);
    if (load) {
      assert.equal(nativeLoaded, loaded);
      assert.equal(JSON.parse(loaded).type, 'success', `the vector's state loads: ${loaded.slice(0, 300)}`);
    }
    assert.deepEqual(nativeAnswers, wasm);
    wasm.forEach((answer, i) => assert.equal(schemas.check(names[i], answer), '', `step ${i}: ${commands[i].slice(0, 160)}`));
  });

  test(`vector ${file}: ${vector.description}: every answer is the one recorded`, () => {
    assert.ok(wasm, 'replayed above');
    vector.steps.forEach((step, i) => {
      assert.equal(schemas.check(names[i], step.expected), '', `step ${i}'s recorded answer: ${commands[i].slice(0, 160)}`);
      // The recorded answer is kept parsed; the engine writes keys in each type's order, so compare as text of the same value.
      assert.deepEqual(JSON.parse(wasm[i]), step.expected, `step ${i}: ${commands[i].slice(0, 160)}`);
      assert.equal(wasm[i], JSON.stringify(step.expected), `step ${i}: the same bytes`);
    });
  });
}
