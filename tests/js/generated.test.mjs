// What is generated from the command specs is fresh (issue 9 item 2): the
// package's methods and types and the README's reference and table are what
// scripts/generate.mjs writes from the native build's describeCommands today,
// and the package ships them as generated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPrivacyEngine } from 'family-privacy';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('node scripts/generate.mjs --check exits 0: nothing generated is stale', () => {
  const out = spawnSync(process.execPath, [`${root}scripts/generate.mjs`, '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(out.status, 0, out.stdout + out.stderr);
  assert.match(out.stdout, /up to date/);
});

test('dist/ and dist/node/ carry the generated modules as they are in bindings/', () => {
  for (const file of ['commands.gen.mjs', 'commands.gen.d.ts', 'index.mjs', 'index.d.ts', 'input.mjs']) {
    assert.equal(readFileSync(`${root}dist/${file}`, 'utf8'), readFileSync(`${root}bindings/${file}`, 'utf8'), `dist/${file}: run node scripts/dist.mjs`);
  }
  // The fast build's JavaScript is the same files; its types are dist/'s.
  for (const file of ['commands.gen.mjs', 'index.mjs', 'input.mjs', 'load.mjs', 'native.mjs', 'decision.mjs']) {
    assert.equal(readFileSync(`${root}dist/node/${file}`, 'utf8'), readFileSync(`${root}bindings/${file}`, 'utf8'), `dist/node/${file}: run node scripts/dist.mjs`);
  }
});

test('the wasm build describes the same commands as the native build the files were generated from', async () => {
  const native = spawnSync(`${root}build/privacy_cli`, { input: '{"command":"describeCommands"}\n', maxBuffer: 1 << 26 });
  assert.equal(native.status, 0);
  const engine = await createPrivacyEngine();
  const wasm = engine.executeJson('{"command":"describeCommands"}');
  engine.close();
  assert.equal(wasm, native.stdout.toString().trimEnd());
});
