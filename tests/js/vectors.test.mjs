// The shared scenarios, replayed through the package (wasm): every answer
// must equal the recorded one byte for byte, and equal what the native build
// answers for the same commands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPrivacyEngine } from '../../dist/index.mjs';

const dir = fileURLToPath(new URL('../vectors/', import.meta.url));
const cli = fileURLToPath(new URL('../../build/privacy_cli', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

// nlohmann/json writes objects with sorted keys and no spaces.
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

test('there are vectors for every retention and deletion rule', () => {
  const covered = new Set(files.flatMap((f) => JSON.parse(readFileSync(dir + f, 'utf8')).covers));
  for (const id of ['R-RET-1', 'R-RET-2', 'R-RET-3', 'R-RET-4', 'R-RET-5', 'R-RET-6',
    'R-DEL-1', 'R-DEL-2', 'R-DEL-3', 'R-DEL-4', 'R-DEL-5', 'R-DEL-6']) {
    assert.ok(covered.has(id), `no vector covers ${id}`);
  }
});

for (const file of files) {
  const vector = JSON.parse(readFileSync(dir + file, 'utf8'));
  test(`vector ${file}: ${vector.description} (covers ${vector.covers.join(', ')})`, async () => {
    const engine = await createPrivacyEngine({ state: vector.state });
    const commands = vector.steps.map((step) => JSON.stringify(step.command));
    const wasmAnswers = commands.map((command) => engine.executeJson(command));
    engine.close();
    vector.steps.forEach((step, i) => {
      assert.equal(wasmAnswers[i], canonical(step.expected), `step ${i}: ${commands[i].slice(0, 160)}`);
    });
    // The native build, same state and commands, same bytes.
    assert.ok(existsSync(cli), 'build/privacy_cli is built by npm test');
    const importLine = JSON.stringify({ command: 'importState', state: vector.state });
    const native = spawnSync(cli, { input: [importLine, ...commands].join('\n') + '\n', maxBuffer: 1 << 28 });
    assert.equal(native.status, 0);
    const nativeAnswers = native.stdout.toString().trimEnd().split('\n').slice(1);
    assert.deepEqual(nativeAnswers, wasmAnswers);
  });
}
