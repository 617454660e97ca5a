// The packed tarball as a user gets it: `npm pack` this checkout (its dist/
// must be built), then `npm install` the tarball, offline, into an empty
// project. Shared by the tests that use the package from outside.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function run(command, args, cwd) {
  const out = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${out.stdout}\n${out.stderr}`);
  return out.stdout;
}

/**
 * Returns { dir, app, files, cleanup }: `app` is an empty ESM project with
 * the tarball installed, `files` the tarball's file list.
 */
export function installPacked(label) {
  const dir = mkdtempSync(join(tmpdir(), `family-privacy-${label}-`));
  try {
    const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], ROOT));
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(dir, info.filename)], app);
    return {
      dir,
      app,
      files: info.files.map((file) => file.path).sort(),
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
