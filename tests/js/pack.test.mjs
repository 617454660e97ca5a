// The packed tarball is what users get: pack it, install it into an empty
// folder, import it by name, run an operation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('npm pack, install into an empty folder, import and use', () => {
  const dir = mkdtempSync(join(tmpdir(), 'family-privacy-pack-'));
  try {
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const [info] = JSON.parse(pack.stdout);
    const files = info.files.map((f) => f.path).sort();
    assert.deepEqual(files, ['README.md', 'dist/family-privacy-core.mjs', 'dist/family-privacy-core.wasm',
      'dist/index.d.ts', 'dist/index.mjs', 'package.json']);
    const app = join(dir, 'app');
    spawnSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--offline', join(dir, info.filename)], { cwd: app, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    writeFileSync(join(app, 'main.mjs'), `
      import { createPrivacyEngine, PrivacyError } from 'family-privacy';
      const engine = await createPrivacyEngine();
      const answer = engine.parseVoiceRequest({ utterance: 'Alexa, delete everything I said today' });
      let code;
      try { engine.overview(); } catch (e) { code = e instanceof PrivacyError && e.code; }
      console.log(JSON.stringify({ answer, code }));
      engine.close();
    `);
    const run = spawnSync(process.execPath, ['main.mjs'], { cwd: app, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { answer: { kind: 'today' }, code: 'not_found' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
