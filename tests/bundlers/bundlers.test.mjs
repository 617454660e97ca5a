// Zero configuration in every common bundler: the packed tarball, installed
// into an empty project, bundled by Vite, webpack, esbuild and rollup with
// the least each needs (entry points and an output folder; rollup's standard
// node-resolve plugin, without which it finds no package at all), served with
// a strict Content-Security-Policy, and loaded in headless Chromium, where an
// engine must answer in the page and in a module worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { installPacked, ROOT } from '../consumer/packed.mjs';
import { CHROMIUM_ARGS } from '../e2e/helpers.mjs';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
// What the README tells users their page needs, and nothing more.
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; img-src data:";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

const BUNDLERS = {
  async vite(app, out) {
    const { build } = await import('vite');
    await build({ root: app, configFile: false, logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
  },
  async webpack(app, out) {
    const { default: webpack } = await import('webpack');
    const stats = await new Promise((resolve, reject) => {
      webpack({ mode: 'production', context: app, entry: './main.js', output: { path: out } },
        (error, result) => (error ? reject(error) : resolve(result)));
    });
    if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
    page(out, 'main.js', false);
  },
  async esbuild(app, out) {
    const { build } = await import('esbuild');
    await build({ absWorkingDir: app, entryPoints: ['main.js', 'worker.js'], bundle: true, format: 'esm', outdir: out, logLevel: 'error' });
    page(out, 'main.js', true);
  },
  async rollup(app, out) {
    const { rollup } = await import('rollup');
    const { nodeResolve } = await import('@rollup/plugin-node-resolve');
    const bundle = await rollup({ input: { main: join(app, 'main.js'), worker: join(app, 'worker.js') }, plugins: [nodeResolve()] });
    await bundle.write({ dir: out, format: 'es' });
    await bundle.close();
    page(out, 'main.js', true);
  },
};

// webpack, esbuild and rollup bundle scripts, not pages: the page that loads the bundle.
function page(out, script, isModule) {
  writeFileSync(join(out, 'index.html'), readFileSync(join(ROOT, 'tests/bundlers/app/index.html'), 'utf8')
    .replace('<script type="module" src="./main.js">', `<script${isModule ? ' type="module"' : ''} src="./${script}">`));
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true }).map((name) => join(dir, name)).filter((path) => statSync(path).isFile());
}

function serve(dir) {
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const path = join(dir, name.endsWith('/') ? `${name}index.html` : name);
    let body;
    try {
      body = readFileSync(path);
    } catch {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP });
    response.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Loads the page; the engine must answer in the page and in its worker, with no error of any kind. */
async function expectAnswers(t, name, url) {
  const context = await browser.newContext();
  try {
    const problems = [];
    const tab = await context.newPage();
    tab.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    tab.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    tab.on('response', (response) => { if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`); });
    await tab.goto(url);
    await tab.waitForFunction(() => window.__result !== undefined, null, { timeout: 30_000 });
    const result = await tab.evaluate(() => window.__result);
    assert.equal(result.error, undefined, result.error);
    for (const where of ['page', 'worker']) {
      const { loadMs, ...answer } = result[where];
      assert.deepEqual(answer, { version, answer: { kind: 'today' }, code: 'not_found' }, where);
      t.diagnostic(`${name}: engine ready in the ${where} after ${loadMs.toFixed(0)} ms`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

let installed;
let browser;
before(async () => {
  installed = installPacked('bundlers');
  cpSync(join(ROOT, 'tests/bundlers/app'), installed.app, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  installed?.cleanup();
});

for (const [name, bundle] of Object.entries(BUNDLERS)) {
  test(`${name}: bundled with no configuration, an engine answers in the page and in a worker`, async (t) => {
    const out = join(installed.dir, 'out', name);
    await bundle(installed.app, out);

    const files = filesUnder(out);
    assert.deepEqual(files.filter((path) => path.endsWith('.wasm')), [],
      'the .wasm is embedded: no bundler copies a second one');
    // Each file's size: the page's own scripts and the worker's (which carries its own engine).
    const sizes = files.filter((path) => path.endsWith('.js')).map((path) => {
      const gzipped = gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION }).length;
      return `${relative(out, path)} ${(statSync(path).size / 1000).toFixed(1)} kB (${(gzipped / 1000).toFixed(1)} kB gzipped)`;
    });
    t.diagnostic(`${name}: ${sizes.join(', ')}`);

    const server = await serve(out);
    try {
      await expectAnswers(t, name, `http://127.0.0.1:${server.address().port}/`);
    } finally {
      server.close();
    }
  });
}

// The README's self-hosting example: Vite's ?url import of the exported .wasm, given as wasmUrl.
async function expectSelfHosted(url) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const wasm = [];
    tab.on('response', (response) => {
      if (response.url().endsWith('.wasm')) wasm.push([response.status(), response.headers()['content-type']]);
    });
    await tab.goto(url);
    await tab.waitForFunction(() => window.__result !== undefined, null, { timeout: 30_000 });
    const { wasmUrl, ...result } = await tab.evaluate(() => window.__result);
    assert.deepEqual(result, { version, answer: { kind: 'today' } });
    assert.match(wasmUrl, /family-privacy-core\.wasm$/);
    assert.deepEqual(wasm, [[200, 'application/wasm']], 'the .wasm came from the server, not the embedded copy');
  } finally {
    await context.close();
  }
}

test('vite dev server: with no configuration, an engine answers in the page and in a worker; ?url self-hosting works', async (t) => {
  const { createServer: createViteServer } = await import('vite');
  const server = await createViteServer({
    root: installed.app, configFile: false, logLevel: 'error', server: { host: '127.0.0.1', port: 0 },
  });
  await server.listen();
  try {
    await expectAnswers(t, 'vite dev', server.resolvedUrls.local[0]);
    await expectSelfHosted(new URL('self-hosted.html', server.resolvedUrls.local[0]).href);
  } finally {
    await server.close();
  }
});
