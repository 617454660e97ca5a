// family-privacy: where the engine's WebAssembly comes from, decided here
// and nowhere else (index.mjs only asks for a core).
//
// By default it is compiled from the copy embedded in the package
// (wasm-embedded.mjs: the .wasm gzipped, as base64), never fetched from a file
// beside this module: esbuild and rollup copy no assets, and workers, Deno and
// edge runtimes have no page to resolve such a file against, so a file to find
// is what breaks; embedded bytes need no configuration in any bundler. On the
// wire it costs nothing: base64 of gzip, gzipped again by the server, is the
// size of the gzipped .wasm. The options replace it: `wasmUrl` (fetched, or in
// Node read from disk), `wasmBinary` (bytes) or `wasmModule` (a compiled
// WebAssembly.Module, for runtimes that forbid compiling at run time).
import createPrivacyCore from './family-privacy-core.mjs';
import embeddedWasm from './wasm-embedded.mjs';
import wasmFile from './wasm-file.mjs';

const WASM_FILE = 'family-privacy-core.wasm';
const SOURCES = ['wasmUrl', 'wasmBinary', 'wasmModule'];
const OPTIONS = [...SOURCES, 'state'];
const EXPORTED_AS = `'family-privacy/${WASM_FILE}'`;
const FIXES = `pass { wasmUrl } where ${WASM_FILE} is served (the package exports it as ${EXPORTED_AS}), `
  + '{ wasmBinary } with its bytes, or { wasmModule } with a compiled WebAssembly.Module';
const REFUSED = 'This runtime refused to compile WebAssembly: on a page, let the Content-Security-Policy allow it '
  + `(script-src 'wasm-unsafe-eval'); where compiling at run time is forbidden (Cloudflare Workers, workerd), `
  + `pass { wasmModule }, e.g. import wasmModule from ${EXPORTED_AS}`;

const isNode = typeof process === 'object' && !!process.versions?.node;
// Imported by a name in a variable, so that no bundler tries to pack them for a browser.
const NODE_FS = 'node:fs/promises';
const NODE_ZLIB = 'node:zlib';

let defaultCore;  // the core compiled from the embedded copy, shared by every engine that uses it

/** After a module aborted, its memory cannot be trusted: the next engine gets a fresh one. */
export function forgetDefaultCore() {
  defaultCore = undefined;
}

/**
 * The instantiated glue for these options. `fail(code, message, path)` makes
 * the error to throw (the entry's PrivacyError), so this file has no error
 * class of its own. Every load error says what it tried and what fixes it.
 */
export async function loadCore(options, fail) {
  const problem = checkOptions(options);
  if (problem) throw fail('invalid_input', problem.message, problem.path);
  const path = SOURCES.find((name) => options[name] !== undefined);
  if (!path) {
    defaultCore ??= instantiate(() => defaultBytes().then(bytesSource), 'the copy embedded in the package');
    const result = await defaultCore;
    if (!result.core) defaultCore = undefined;  // a later call tries again
    return unwrap(result, '', fail);
  }
  const value = options[path];
  if (path === 'wasmModule') return unwrap(await instantiate(() => moduleSource(value), 'the wasmModule given'), path, fail);
  if (path === 'wasmBinary') return unwrap(await instantiate(() => bytesSource(value), 'the wasmBinary given'), path, fail);
  const url = resolveUrl(value);
  if (!url) {
    throw fail('invalid_input', `wasmUrl '${value}' is relative and there is no page address to resolve it against: `
      + 'pass an absolute URL', path);
  }
  return unwrap(await instantiate(() => fetchSource(url), url.href), path, fail);
}

function unwrap(result, path, fail) {
  if (result.core) return result.core;
  throw fail('wasm_load_failed', `could not load the engine's WebAssembly from ${result.from}: ${result.cause}`, path);
}

function checkOptions(options) {
  const unknown = Object.keys(options).find((key) => !OPTIONS.includes(key));
  if (unknown !== undefined) {
    return { path: unknown, message: `unknown option '${unknown}' (the options are ${OPTIONS.join(', ')})` };
  }
  const given = SOURCES.filter((name) => options[name] !== undefined);
  if (given.length > 1) {
    return { path: given[1], message: `give at most one of ${SOURCES.join(', ')} (got ${given.join(' and ')})` };
  }
  const { wasmUrl, wasmBinary, wasmModule } = options;
  if (wasmUrl !== undefined && typeof wasmUrl !== 'string' && !(wasmUrl instanceof URL)) {
    return { path: 'wasmUrl', message: 'wasmUrl is a string or a URL' };
  }
  if (wasmBinary !== undefined && !(wasmBinary instanceof ArrayBuffer) && !ArrayBuffer.isView(wasmBinary)) {
    return { path: 'wasmBinary', message: 'wasmBinary is an ArrayBuffer or a typed array (such as a Uint8Array or a Buffer)' };
  }
  if (wasmModule !== undefined && !(wasmModule instanceof WebAssembly.Module)) {
    return { path: 'wasmModule', message: 'wasmModule is a WebAssembly.Module' };
  }
  return undefined;
}

// Relative to the page in a browser, to the working directory in Node.
function resolveUrl(value) {
  const base = isNode ? `file://${process.cwd()}/` : globalThis.location?.href;
  try {
    return new URL(String(value), base);
  } catch {
    return undefined;
  }
}

/**
 * Runs the glue with our own instantiateWasm, so that the glue never looks
 * for a file itself (it is linked with -sUSE_ES6_IMPORT_META=0). `source()` resolves to
 * { instantiate(imports) } or { cause }. Resolves to { core } or { from, cause }.
 */
async function instantiate(source, from) {
  let ready;
  try {
    ready = await source();
  } catch (error) {
    ready = { cause: `${message(error)}; ${FIXES}` };
  }
  if (ready.cause) return { from, cause: ready.cause };
  return new Promise((resolve) => {
    const failed = (cause) => resolve({ from, cause });
    const stopped = (error) => failed(`the module stopped while starting (${message(error)})`);
    try {
      createPrivacyCore({
        instantiateWasm(imports, receive) {
          ready.instantiate(imports).then((instance) => {
            try {
              receive(instance);
            } catch (error) {
              stopped(error);
            }
          }, (error) => failed(compileCause(error)));
          return {};
        },
      }).then((core) => resolve({ core }), stopped);
    } catch (error) {
      stopped(error);
    }
  });
}

function compileCause(error) {
  const text = message(error);
  if (/disallowed|refused|unsafe-eval|code generation|content security/i.test(text) || error?.name === 'EvalError') {
    return `${text}. ${REFUSED}`;
  }
  // A module of another version, or of the package's other build (Node's fast
  // one and browsers' small one each link only to their own glue).
  if (error instanceof WebAssembly.LinkError || (error instanceof TypeError && /^WebAssembly\.instantiate\(\): Import #\d+ module=/.test(text))) {
    return `${text}. It is not the ${WASM_FILE} of this version and build of the package: use the one it exports as ${EXPORTED_AS}, `
      + 'resolved with the same conditions as the entry (Node gets the fast build, browsers the small one)';
  }
  return `${text}. It is not this package's ${WASM_FILE}: ${FIXES}`;
}

const message = (error) => String(error?.message ?? error);

const moduleSource = async (module) => ({
  instantiate: (imports) => WebAssembly.instantiate(module, imports),
});

const bytesSource = async (bytes) => ({
  instantiate: (imports) => WebAssembly.instantiate(bytes, imports).then((result) => result.instance),
});

async function fetchSource(url) {
  if (isNode && url.protocol === 'file:') {
    const { readFile } = await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_FS);
    try {
      return bytesSource(await readFile(url));
    } catch (error) {
      return { cause: `${error.code === 'ENOENT' ? 'no such file' : message(error)}; ${FIXES}` };
    }
  }
  if (typeof fetch !== 'function') return { cause: `this runtime has no fetch; ${FIXES}` };
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    return { cause: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}; ${FIXES}` };
  }
  // Compiling while downloading needs the right MIME type; otherwise compile the bytes.
  const streaming = typeof WebAssembly.instantiateStreaming === 'function'
    && (response.headers.get('content-type') ?? '').split(';')[0].trim() === 'application/wasm';
  if (!streaming) return bytesSource(await response.arrayBuffer());
  return {
    instantiate: (imports) => WebAssembly.instantiateStreaming(response, imports).then((result) => result.instance),
  };
}

// The fast build's own .wasm where it can be read (wasm-file.mjs), else the embedded copy.
async function defaultBytes() {
  if (isNode && wasmFile) {
    const { readFile } = await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_FS);
    try {
      return await readFile(wasmFile);
    } catch {
      // bundled: the file is not beside the bundle
    }
  }
  return embeddedBytes();
}

// Node's zlib takes 3 ms here, its DecompressionStream 40 ms; browsers' is native and fast.
async function embeddedBytes() {
  if (isNode) {
    const { gunzipSync } = await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_ZLIB);
    return gunzipSync(globalThis.Buffer ? Buffer.from(embeddedWasm, 'base64') : fromBase64(embeddedWasm));
  }
  if (typeof DecompressionStream !== 'function') {
    throw new Error('this runtime has no DecompressionStream to unpack the embedded copy');
  }
  const gzipped = fromBase64(embeddedWasm);
  const stream = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
