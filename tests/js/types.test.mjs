// The hand-written .d.ts ships and type-checks: resolved through the
// package's own `exports` (self-reference by name), with tsc --strict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

test('index.d.ts type-checks a typed user and rejects misuse', () => {
  const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
  const project = fileURLToPath(new URL('./types/tsconfig.json', import.meta.url));
  const out = spawnSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stdout + out.stderr);
});
