// The package in workerd (Cloudflare's Workers runtime, through miniflare):
// a worker bundled as wrangler bundles one (esbuild with the workerd
// conditions; a .wasm import left to workerd as a compiled module) loads the
// engine from { wasmModule }; without it, the load error says to pass it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { installPacked, ROOT } from './packed.mjs';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const WASM = 'family-privacy/family-privacy-core.wasm';

let installed;
let worker;
before(async () => {
  installed = installPacked('workerd');
  const out = join(installed.dir, 'worker');
  await build({
    absWorkingDir: installed.app,
    stdin: { contents: readFileSync(join(ROOT, 'tests/consumer/workerd/worker.js'), 'utf8'), resolveDir: installed.app },
    outfile: join(out, 'worker.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    external: ['*.wasm'],
    logLevel: 'error',
  });
  // workerd names modules by their path under modulesRoot, so the import above finds this file.
  mkdirSync(join(out, 'family-privacy'));
  copyFileSync(join(installed.app, 'node_modules', 'family-privacy', 'dist', 'family-privacy-core.wasm'), join(out, WASM));
  worker = new Miniflare({
    modulesRoot: out,
    modules: [
      { type: 'ESModule', path: join(out, 'worker.mjs') },
      { type: 'CompiledWasm', path: join(out, WASM) },
    ],
    compatibilityDate: '2025-07-18',
  });
});
after(async () => {
  await worker?.dispose();
  installed?.cleanup();
});

test('workerd: an engine from { wasmModule } answers', async () => {
  const response = await worker.dispatchFetch('http://worker.test/');
  assert.deepEqual(await response.json(), { version, answer: { kind: 'today' } });
});

test('workerd: without wasmModule the load error names what it tried and the option that fixes it', async () => {
  const response = await worker.dispatchFetch('http://worker.test/embedded');
  const answer = await response.json();
  assert.equal(answer.code, 'wasm_load_failed', JSON.stringify(answer));
  assert.match(answer.message, /from the copy embedded in the package: .*disallowed/);
  assert.match(answer.message, /pass \{ wasmModule \}, e\.g\. import wasmModule from 'family-privacy\/family-privacy-core\.wasm'/);
});
