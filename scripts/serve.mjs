#!/usr/bin/env node
// family-privacy: a tiny static server for the parent's privacy page.
//
//   node scripts/serve.mjs [PORT]        (or PORT=8080 node scripts/serve.mjs)
//
// Serves, on 127.0.0.1 only:
//   /           -> web/                      the page
//   /pkg/       -> dist/                     the built npm package
//   /vendor/idb/-> node_modules/idb/build/   the IndexedDB wrapper the page uses
//   /vendor/fflate/ -> node_modules/fflate/esm/  the zip writer for a profile's download
//
// No dependencies (node:http). Every HTML response carries a strict
// Content-Security-Policy: no 'unsafe-inline', no 'unsafe-eval'; the page's
// only inline script (the import map) is allowed by its sha256 hash, computed
// here at start from the file's content.

import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_PORT = 8080;
const HOST = '127.0.0.1';
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MIME_TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.wasm', 'application/wasm'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.ico', 'image/x-icon'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.d.ts', 'text/plain; charset=utf-8'],
]);

/** Inline scripts of an HTML document, exactly as the browser hashes them. */
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi;

export function inlineScriptHashes(html) {
  const hashes = [];
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const digest = createHash('sha256').update(match[1], 'utf8').digest('base64');
    hashes.push(`'sha256-${digest}'`);
  }
  return hashes;
}

export function contentSecurityPolicy(scriptHashes) {
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes].join(' '),
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self' blob: data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Defence in depth for "never innerHTML": string-to-DOM sinks are refused.
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

/** Every .html file under dir, keyed by absolute path, with its CSP. */
function policiesForHtml(dir) {
  const policies = new Map();
  const walk = (current) => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.html')) {
        policies.set(full, contentSecurityPolicy(inlineScriptHashes(readFileSync(full, 'utf8'))));
      }
    }
  };
  walk(dir);
  return policies;
}

function mimeType(file) {
  if (file.endsWith('.d.ts')) return MIME_TYPES.get('.d.ts');
  return MIME_TYPES.get(path.extname(file).toLowerCase()) ?? 'application/octet-stream';
}

/**
 * Maps a request path to a file inside one of the mounts, or null.
 * Rejects anything with a `..` segment, a backslash or a NUL, and checks
 * the resolved path stays inside the mount.
 */
function resolveRequestPath(mounts, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  for (const { prefix, dir } of mounts) {
    if (decoded === prefix.slice(0, -1) && prefix !== '/') return { redirect: prefix };
    if (!decoded.startsWith(prefix)) continue;
    const rest = decoded.slice(prefix.length);
    const file = path.resolve(dir, '.' + path.posix.sep + rest);
    if (file !== dir && !file.startsWith(dir + path.sep)) return null;
    return { file, directoryRequest: rest === '' || rest.endsWith('/') };
  }
  return null;
}

/**
 * Starts the server. `port` 0 picks a free port. `root` is the project root
 * (the folder holding web/, dist/ and node_modules/).
 * Resolves to `{ url, port, close }`; `close()` resolves once it has stopped.
 */
export async function startServer({ port = DEFAULT_PORT, root = PROJECT_ROOT } = {}) {
  const base = path.resolve(root);
  const webDir = path.join(base, 'web');
  // Longest prefix first.
  const mounts = [
    { prefix: '/vendor/idb/', dir: path.join(base, 'node_modules', 'idb', 'build') },
    { prefix: '/vendor/fflate/', dir: path.join(base, 'node_modules', 'fflate', 'esm') },
    { prefix: '/pkg/', dir: path.join(base, 'dist') },
    { prefix: '/', dir: webDir },
  ];
  const policies = policiesForHtml(webDir);

  const commonHeaders = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };

  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, { ...commonHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end(body);
  };

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
        return;
      }
      const rawPath = (req.url ?? '/').split('?')[0].split('#')[0];
      if (!rawPath.startsWith('/')) {
        send(res, 400, 'Bad Request\n');
        return;
      }
      const target = resolveRequestPath(mounts, rawPath);
      if (!target) {
        send(res, 404, 'Not Found\n');
        return;
      }
      if (target.redirect) {
        send(res, 301, 'Moved\n', { Location: target.redirect });
        return;
      }
      let file = target.file;
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = path.join(file, 'index.html');
        info = await stat(file).catch(() => null);
      } else if (target.directoryRequest) {
        info = null;
      }
      if (!info?.isFile()) {
        send(res, 404, 'Not Found\n');
        return;
      }
      const body = await readFile(file);
      const headers = { ...commonHeaders, 'Content-Type': mimeType(file), 'Content-Length': body.length };
      if (file.endsWith('.html')) {
        headers['Content-Security-Policy'] =
          policies.get(file) ?? contentSecurityPolicy(inlineScriptHashes(body.toString('utf8')));
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      if (!res.headersSent) send(res, 500, 'Internal Server Error\n');
      else res.destroy();
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  return {
    url: `http://${HOST}:${actualPort}/`,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

function portFromEnvironment(argv, env) {
  const raw = argv[2] ?? env.PORT;
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`invalid port: ${raw}`);
  }
  return port;
}

const runDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (runDirectly) {
  try {
    const server = await startServer({ port: portFromEnvironment(process.argv, process.env) });
    console.log(`family-privacy page: ${server.url}`);
    const stop = () => server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(`family-privacy serve: ${error.message}`);
    process.exit(1);
  }
}
