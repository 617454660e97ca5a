// The packed tarball is what users get: pack it, install it into an empty
// folder, import it by name, run an operation; its exports are exactly the
// entry, the .wasm and package.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installPacked, ROOT } from '../consumer/packed.mjs';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('npm pack, install into an empty folder, import and use', () => {
  const installed = installPacked('pack');
  try {
    assert.deepEqual(installed.files, ['CHANGELOG.md', 'LICENSE', 'README.md',
      'dist/commands.gen.d.ts', 'dist/commands.gen.mjs', 'dist/decision.mjs',
      'dist/family-privacy-core.mjs', 'dist/family-privacy-core.wasm', 'dist/index.d.ts', 'dist/index.mjs', 'dist/input.mjs',
      'dist/load.mjs', 'dist/native.mjs',
      // The fast build Node gets (the "node" condition): the same JavaScript, its own glue and module.
      'dist/node/commands.gen.mjs', 'dist/node/decision.mjs', 'dist/node/family-privacy-core.mjs',
      'dist/node/family-privacy-core.wasm', 'dist/node/index.mjs', 'dist/node/input.mjs', 'dist/node/load.mjs',
      'dist/node/native.mjs', 'dist/node/version.mjs', 'dist/node/wasm-embedded.mjs', 'dist/node/wasm-file.mjs',
      'dist/version.mjs', 'dist/wasm-embedded.mjs', 'dist/wasm-file.mjs',
      // The rule catalogue and the design notes the README and the errors link to.
      'docs/design.md', 'docs/rules.md', 'package.json']);
    writeFileSync(join(installed.app, 'main.mjs'), `
      import { createPrivacyEngine, PrivacyError, version } from 'family-privacy';
      import { readFileSync } from 'node:fs';
      const engine = await createPrivacyEngine();
      const answer = engine.parseVoiceRequest({ utterance: 'Alexa, delete everything I said today' });
      let code;
      try { engine.overview({ actor: 'g1' }); } catch (e) { code = e instanceof PrivacyError && e.code; }
      engine.close();
      const wasm = import.meta.resolve('family-privacy/family-privacy-core.wasm');
      const fromFile = await createPrivacyEngine({ wasmBinary: readFileSync(new URL(wasm)) });
      fromFile.close();
      let hidden;
      try { import.meta.resolve('family-privacy/dist/load.mjs'); } catch (e) { hidden = e.code; }
      const { default: manifest } = await import('family-privacy/package.json', { with: { type: 'json' } });
      const entry = import.meta.resolve('family-privacy').replace(/^.*node_modules/, '');
      console.log(JSON.stringify({ answer, code, version, entry, wasm: wasm.replace(/^.*node_modules/, ''), hidden, name: manifest.name }));
    `);
    const run = spawnSync(process.execPath, ['main.mjs'], { cwd: installed.app, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      answer: { kind: 'today' }, code: 'not_found', version: pkg.version,
      entry: '/family-privacy/dist/node/index.mjs', wasm: '/family-privacy/dist/node/family-privacy-core.wasm', hidden: 'ERR_PACKAGE_PATH_NOT_EXPORTED', name: 'family-privacy',
    });
  } finally {
    installed.cleanup();
  }
});

test('package.json says what a registry shows: repository, keywords, license, ESM-only exports', () => {
  assert.equal(pkg.license, 'MIT');
  assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /^MIT License\n/);
  assert.equal(pkg.repository.type, 'git');
  assert.ok(pkg.keywords.length >= 5);
  assert.equal(pkg.type, 'module');
  assert.deepEqual(pkg.exports, {
    // Browsers and bundlers get the small build; Node the fast one (issue 10).
    '.': { types: './dist/index.d.ts', browser: './dist/index.mjs', node: './dist/node/index.mjs', default: './dist/index.mjs' },
    './family-privacy-core.wasm': {
      browser: './dist/family-privacy-core.wasm', node: './dist/node/family-privacy-core.wasm', default: './dist/family-privacy-core.wasm',
    },
    './package.json': './package.json',
  });
  const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
  assert.match(changelog, new RegExp(`^## ${pkg.version.replaceAll('.', '\\.')} `, 'm'), 'the CHANGELOG has this version');
});
