// Where the engine's WebAssembly comes from (bindings/load.mjs): the copy
// embedded in the package by default, or exactly one of wasmUrl, wasmBinary
// and wasmModule; every wrong option and every load failure is one
// PrivacyError that names what it tried and the options that fix it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrivacyEngine, PrivacyError, version } from 'family-privacy';
import { build, distFile } from './package.mjs';

const wasmUrl = distFile('family-privacy-core.wasm');
const bytes = await readFile(wasmUrl);
const FIXES = /pass \{ wasmUrl \} where family-privacy-core\.wasm is served \(the package exports it as 'family-privacy\/family-privacy-core\.wasm'\), \{ wasmBinary \} with its bytes, or \{ wasmModule \} with a compiled WebAssembly\.Module/;

async function answers(options) {
  const engine = await createPrivacyEngine(options);
  try {
    return engine.parseVoiceRequest({ utterance: 'delete everything I said today' });
  } finally {
    engine.close();
  }
}

async function refusal(options) {
  try {
    await createPrivacyEngine(options);
  } catch (error) {
    assert.ok(error instanceof PrivacyError, String(error));
    assert.equal(error.details.length, 1);
    return { code: error.code, path: error.details[0].path, message: error.message };
  }
  assert.fail('expected a PrivacyError');
}

/** Serves the .wasm at /engine.wasm (as application/wasm) and /plain.wasm (as text/plain); anything else is a 404. */
async function wasmServer() {
  const server = createServer((request, response) => {
    const type = { '/engine.wasm': 'application/wasm', '/plain.wasm': 'text/plain' }[request.url];
    if (!type) return response.writeHead(404, 'Not Found').end();
    return response.writeHead(200, { 'Content-Type': type }).end(bytes);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

test('version is package.json\'s', async () => {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(version, pkg.version);
});

test('with no options, the copy embedded in the package is the .wasm shipped beside it', async () => {
  const { default: embedded } = await import(distFile('wasm-embedded.mjs'));
  const { gunzipSync } = await import('node:zlib');
  assert.ok(gunzipSync(Buffer.from(embedded, 'base64')).equals(bytes));
  assert.deepEqual(await answers(), { kind: 'today' });
  assert.deepEqual(await answers({ wasmUrl: undefined }), { kind: 'today' }, 'an undefined option is no option');
});

test('no module of the small build reads import.meta (edge runtimes have none); the fast one only to find its .wasm', async () => {
  for (const file of ['index.mjs', 'load.mjs', 'family-privacy-core.mjs', 'wasm-file.mjs']) {
    const text = await readFile(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
    assert.doesNotMatch(text, /import\.meta/, file);
  }
  for (const file of ['index.mjs', 'load.mjs', 'family-privacy-core.mjs']) {
    assert.doesNotMatch(await readFile(new URL(`../../dist/node/${file}`, import.meta.url), 'utf8'), /import\.meta/, `node/${file}`);
  }
  const { default: small } = await import(new URL('../../dist/wasm-file.mjs', import.meta.url));
  const { default: fast } = await import(new URL('../../dist/node/wasm-file.mjs', import.meta.url));
  assert.equal(small, undefined);
  assert.equal(fast.href, new URL('../../dist/node/family-privacy-core.wasm', import.meta.url).href);
});

test('the fast build, bundled for Node with no .wasm beside it, compiles its embedded copy', async () => {
  const { mkdtemp, cp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(`${tmpdir()}/family-privacy-fast-`);
  try {
    await cp(new URL('../../dist/node/', import.meta.url), dir, { recursive: true });
    await rm(`${dir}/family-privacy-core.wasm`);
    const { createPrivacyEngine: create } = await import(`${dir}/index.mjs`);
    const engine = await create();
    assert.deepEqual(engine.parseVoiceRequest({ utterance: 'delete everything I said today' }), { kind: 'today' });
    engine.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('wasmBinary: a Buffer, a Uint8Array over part of a buffer, or an ArrayBuffer', async () => {
  assert.deepEqual(await answers({ wasmBinary: bytes }), { kind: 'today' });
  const padded = new Uint8Array(bytes.length + 8);
  padded.set(bytes, 8);
  assert.deepEqual(await answers({ wasmBinary: padded.subarray(8) }), { kind: 'today' });
  assert.deepEqual(await answers({ wasmBinary: padded.slice(8).buffer }), { kind: 'today' });
});

test('wasmModule: a compiled WebAssembly.Module, used as is', async () => {
  const wasmModule = await WebAssembly.compile(bytes);
  assert.deepEqual(await answers({ wasmModule }), { kind: 'today' });
  assert.deepEqual(await answers({ wasmModule }), { kind: 'today' }, 'one module serves many engines');
});

test('wasmUrl: a file: URL, a path relative to the working directory, an http URL', async () => {
  assert.deepEqual(await answers({ wasmUrl }), { kind: 'today' });
  assert.deepEqual(await answers({ wasmUrl: relative(process.cwd(), fileURLToPath(wasmUrl)) }), { kind: 'today' });
  const server = await wasmServer();
  try {
    assert.deepEqual(await answers({ wasmUrl: `${server.base}/engine.wasm` }), { kind: 'today' });
    // Streaming compilation needs application/wasm; with another type the bytes are compiled instead.
    assert.deepEqual(await answers({ wasmUrl: new URL(`${server.base}/plain.wasm`) }), { kind: 'today' });
  } finally {
    server.close();
  }
});

test('a load failure names the URL or source it tried and the options that fix it', async () => {
  const server = await wasmServer();
  try {
    const missing = await refusal({ wasmUrl: `${server.base}/missing.wasm` });
    assert.equal(missing.code, 'wasm_load_failed');
    assert.equal(missing.path, 'wasmUrl');
    assert.match(missing.message, new RegExp(`^could not load the engine's WebAssembly from ${server.base}/missing\\.wasm: HTTP 404 Not Found; `));
    assert.match(missing.message, FIXES);
  } finally {
    server.close();
  }
  const noFile = await refusal({ wasmUrl: new URL('./nothing-here.wasm', wasmUrl) });
  assert.equal(noFile.path, 'wasmUrl');
  assert.ok(noFile.message.includes(`from ${distFile('nothing-here.wasm').href}: no such file; `), noFile.message);
  assert.match(noFile.message, FIXES);

  const notWasm = await refusal({ wasmBinary: new TextEncoder().encode('<!doctype html>') });
  assert.equal(notWasm.code, 'wasm_load_failed');
  assert.equal(notWasm.path, 'wasmBinary');
  assert.match(notWasm.message, /from the wasmBinary given: .*It is not this package's family-privacy-core\.wasm: /);
  assert.match(notWasm.message, FIXES);

  // A module that wants an import this package's glue does not give (as one of another version would),
  // from the import module the build's glue fills ('a' in the small build, 'env' in the fast one).
  const from = [...new TextEncoder().encode(WebAssembly.Module.imports(await WebAssembly.compile(bytes))[0].module)];
  const entry = [1, from.length, ...from, 2, 0x7a, 0x7a, 0, 0];
  const foreign = Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 2, entry.length, ...entry);
  const linked = await refusal({ wasmModule: await WebAssembly.compile(foreign) });
  assert.equal(linked.code, 'wasm_load_failed');
  assert.equal(linked.path, 'wasmModule');
  assert.match(linked.message, /from the wasmModule given: .*It is not the family-privacy-core\.wasm of this version and build of the package: use the one it exports as 'family-privacy\/family-privacy-core\.wasm', resolved with the same conditions as the entry/);

  // The package's other build: each .wasm links only to its own glue.
  const other = await readFile(new URL(build === 'node' ? '../family-privacy-core.wasm' : 'node/family-privacy-core.wasm', distFile('x')));
  const crossed = await refusal({ wasmBinary: other });
  assert.equal(crossed.code, 'wasm_load_failed');
  assert.match(crossed.message, /It is not the family-privacy-core\.wasm of this version and build of the package: .*resolved with the same conditions as the entry \(Node gets the fast build, browsers the small one\)$/);
});

test('wrong options are refused before anything is loaded, each with its path', async () => {
  const cases = [
    [{ wasmurl: 'x.wasm' }, 'wasmurl', "unknown option 'wasmurl' (the options are wasmUrl, wasmBinary, wasmModule, state)"],
    [{ wasmUrl: wasmUrl.href, wasmBinary: bytes }, 'wasmBinary', 'give at most one of wasmUrl, wasmBinary, wasmModule (got wasmUrl and wasmBinary)'],
    [{ wasmUrl: 42 }, 'wasmUrl', 'wasmUrl is a string or a URL'],
    [{ wasmBinary: 'AGFzbQ==' }, 'wasmBinary', 'wasmBinary is an ArrayBuffer or a typed array (such as a Uint8Array or a Buffer)'],
    [{ wasmModule: bytes }, 'wasmModule', 'wasmModule is a WebAssembly.Module'],
  ];
  for (const [options, path, message] of cases) {
    assert.deepEqual(await refusal(options), { code: 'invalid_input', path, message }, JSON.stringify(Object.keys(options)));
  }
});
