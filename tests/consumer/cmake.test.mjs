// The native library as a C++ backend gets it: `cmake --install` into an
// empty prefix, then examples/backend configured with
// find_package(family_privacy CONFIG REQUIRED) against that prefix alone,
// built (on the compiler's default standard: the target brings C++20) and
// run. And pulled in by add_subdirectory, the project builds only the library
// and needs no doctest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './packed.mjs';

const EXAMPLE = join(ROOT, 'examples', 'backend');

function run(command, args = [], options = {}) {
  const out = spawnSync(command, args, { encoding: 'utf8', ...options });
  assert.equal(out.status, 0, `${command} ${args.join(' ')}\n${out.stdout}\n${out.stderr}`);
  return out.stdout;
}

test('cmake --install, then find_package(family_privacy) builds and runs examples/backend', (t) => {
  assert.ok(existsSync(join(ROOT, 'build', 'CMakeCache.txt')), 'build/ is configured by npm test (scripts/build.sh)');
  const dir = mkdtempSync(join(tmpdir(), 'family-privacy-cmake-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const prefix = join(dir, 'prefix');
  run('cmake', ['--install', join(ROOT, 'build'), '--prefix', prefix]);
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.match(readFileSync(join(prefix, 'lib', 'cmake', 'family_privacy', 'family_privacyConfigVersion.cmake'), 'utf8'),
    new RegExp(`PACKAGE_VERSION "${version.replaceAll('.', '\\.')}"`), "the package's version is package.json's");

  const build = join(dir, 'build');
  // CMAKE_FIND_USE_PACKAGE_REGISTRY off: only the prefix given may satisfy find_package.
  run('cmake', ['-S', EXAMPLE, '-B', build, `-DCMAKE_PREFIX_PATH=${prefix}`, '-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF']);
  assert.match(readFileSync(join(build, 'CMakeCache.txt'), 'utf8'), new RegExp(`family_privacy_DIR:PATH=${prefix}/lib/cmake/family_privacy`));
  run('cmake', ['--build', build, '-j2']);
  const receipt = JSON.parse(run(join(build, 'privacy_backend')));
  assert.equal(receipt.status, 'deleted');
  assert.deepEqual(receipt.recordingIds, ['r1']);
  assert.deepEqual(receipt.counts, { recordings: 1, audio: 1, transcript: 1, intent: 1, annotation: 0, training_copy: 0 });
});

test('add_subdirectory builds only family_privacy::core: no tests, CLI or benchmarks, no doctest needed', (t) => {
  const build = mkdtempSync(join(tmpdir(), 'family-privacy-subdir-'));
  t.after(() => rmSync(build, { recursive: true, force: true }));
  // Any find_package(doctest) would now fail the configure.
  run('cmake', ['-S', EXAMPLE, '-B', build, `-DFAMILY_PRIVACY_SOURCE_DIR=${ROOT}`, '-DCMAKE_DISABLE_FIND_PACKAGE_doctest=ON']);
  const targets = run('cmake', ['--build', build, '--target', 'help']);
  assert.match(targets, /\.\.\. privacy_backend\b/);
  assert.match(targets, /\.\.\. family_privacy_core\b/);
  for (const name of ['privacy_tests', 'privacy_cli', 'bench_retention_native', 'bench_signals_native', 'install']) {
    assert.doesNotMatch(targets, new RegExp(`\\.\\.\\. ${name}\\b`), `${name} is not part of a consumer's build`);
  }
});
