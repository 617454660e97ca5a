// The static server (scripts/serve.mjs): MIME types, the strict
// Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval', Trusted
// Types required, the import map allowed by its hash), no path traversal.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { SERVE_ROOT } from './helpers.mjs';

let server;
before(async () => {
  server = await startServer({ port: 0, root: SERVE_ROOT });
});
after(() => server?.close());

function rawGet(port, requestPath) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: requestPath }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      })
      .on('error', reject);
  });
}

test('server: MIME types, a strict CSP with the import map hash, no traversal, 404s', async () => {
  const base = server.url.slice(0, -1);
  const html = await fetch(`${base}/`);
  assert.equal(html.status, 200);
  assert.match(html.headers.get('content-type'), /^text\/html/);
  const csp = html.headers.get('content-security-policy');
  assert.ok(csp, 'HTML carries a Content-Security-Policy');
  const directives = new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
  for (const values of directives.values()) {
    assert.ok(!values.includes("'unsafe-inline'") && !values.includes("'unsafe-eval'"), csp);
  }
  const indexHtml = await readFile(path.join(SERVE_ROOT, 'web', 'index.html'), 'utf8');
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(indexHtml)[1];
  const hash = `'sha256-${createHash('sha256').update(importMap).digest('base64')}'`;
  assert.deepEqual(directives.get('script-src'), ["'self'", "'wasm-unsafe-eval'", hash]);
  assert.deepEqual(directives.get('default-src'), ["'self'"]);
  assert.deepEqual(directives.get('style-src'), ["'self'"]);
  assert.deepEqual(directives.get('img-src'), ["'self'", 'data:']);
  assert.deepEqual(directives.get('media-src'), ["'self'", 'blob:', 'data:']);
  assert.deepEqual(directives.get('object-src'), ["'none'"]);
  assert.deepEqual(directives.get('base-uri'), ["'none'"]);
  assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
  assert.deepEqual(directives.get('require-trusted-types-for'), ["'script'"]);
  assert.deepEqual(directives.get('trusted-types'), ["'none'"]);

  const contentType = async (p) => {
    const response = await fetch(base + p);
    assert.equal(response.status, 200, p);
    await response.arrayBuffer();
    return response.headers.get('content-type');
  };
  for (const file of ['/app.js', '/store.js', '/view-profile.js', '/audio.js']) assert.match(await contentType(file), /^text\/javascript/);
  assert.match(await contentType('/style.css'), /^text\/css/);
  assert.match(await contentType('/pkg/index.mjs'), /^text\/javascript/);
  assert.match(await contentType('/vendor/idb/index.js'), /^text\/javascript/);
  assert.match(await contentType('/vendor/fflate/browser.js'), /^text\/javascript/);
  const wasmFiles = (await readdir(path.join(SERVE_ROOT, 'dist'))).filter((name) => name.endsWith('.wasm'));
  assert.ok(wasmFiles.length > 0, 'dist/ holds the .wasm');
  assert.equal(await contentType(`/pkg/${wasmFiles[0]}`), 'application/wasm');
  assert.equal((await fetch(`${base}/app.js`)).headers.get('content-security-policy'), null, 'CSP only on HTML');

  for (const attempt of [
    '/../package.json',
    '/%2e%2e/package.json',
    '/pkg/%2e%2e/package.json',
    '/pkg/..%2fpackage.json',
    '/vendor/idb/..%2f..%2f..%2fpackage.json',
    '/vendor/fflate/..%2f..%2f..%2fpackage.json',
    '/%2e%2e%5cpackage.json',
    '/pkg/../scripts/serve.mjs',
    '/%00',
  ]) {
    const status = await rawGet(server.port, attempt);
    assert.ok(status === 404 || status === 400, `${attempt} -> ${status}`);
  }
  assert.equal((await fetch(`${base}/no-such-file.js`)).status, 404);
  assert.equal((await fetch(`${base}/vendor/idb/no-such-file.js`)).status, 404);
  assert.equal((await fetch(`${base}/`, { method: 'POST' })).status, 405);
});

test('web/ never parses strings as HTML or evaluates code', async () => {
  const dir = path.join(SERVE_ROOT, 'web');
  const files = (await readdir(dir)).filter((name) => name.endsWith('.js'));
  assert.ok(files.length >= 8, files.join(', '));
  const sinks = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|eval\s*\(|new\s+Function\b|setTimeout\s*\(\s*['"`]|srcdoc)\b/;
  for (const name of files) {
    const source = await readFile(path.join(dir, name), 'utf8');
    const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    assert.doesNotMatch(code, sinks, `${name} uses an HTML or code sink`);
  }
});
