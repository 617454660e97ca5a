// The README's TypeScript example, taken from README.md itself (so the two
// cannot drift): type-checked with tsc --strict against the packed tarball's
// types, compiled, run in Node, and its output compared with the output the
// README shows under it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installPacked, ROOT } from './packed.mjs';

/** The fenced block between <!-- name:start --> and <!-- name:end --> in the README. */
export function readmeBlock(readme, name, language) {
  const start = readme.indexOf(`<!-- ${name}:start -->`);
  const end = readme.indexOf(`<!-- ${name}:end -->`);
  assert.ok(start >= 0 && end > start, `README.md has the ${name} markers`);
  const fence = readme.slice(start, end).match(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``));
  assert.ok(fence, `a \`\`\`${language} block inside ${name}`);
  return fence[1];
}

test('the README example type-checks with tsc --strict, runs, and prints what the README says', (t) => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const example = readmeBlock(readme, 'readme-example', 'ts');
  const printed = readmeBlock(readme, 'readme-example-output', 'text');
  const installed = installPacked('readme');
  t.after(installed.cleanup);
  writeFileSync(join(installed.app, 'example.ts'), example);
  writeFileSync(join(installed.app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM'], types: [], skipLibCheck: false, outDir: 'out',
    },
    files: ['example.ts'],
  }));
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: installed.app, encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  const run = spawnSync(process.execPath, ['out/example.js'], { cwd: installed.app, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, printed);
});
