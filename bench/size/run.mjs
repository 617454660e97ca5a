// What a browser downloads (issue 10, target 6: at most 120 KB gzipped):
// `import { createPrivacyEngine } from 'family-privacy'` bundled for the
// browser by esbuild (platform browser, minified, the conditions a browser
// bundler uses: browser, import, module, default), then gzip -9. The wasm is
// embedded in the package as a module, so the bundle is everything the page
// needs to make decisions: wasm, glue and entry. Also printed: the files of
// dist/ on their own, gzipped, for where the bytes are.
//
// Agreement: the bundle is loaded in this process (as a browser would run it,
// bar the DOM) and must answer a decision exactly as the package does in Node.
//
// Usage: node bench/size/run.mjs      (BENCH_DIST: the package's dist/)
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import { build } from 'esbuild';
import { Targets, agree, distDir, importPackage, machine, main, packageHome, PACKAGE_NAME, table } from '../lib/common.mjs';

const AIM = 120_000;  // bytes (the KB: 1000 bytes)
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/** gzip -9 as the command does it (falls back to zlib level 9 where there is no gzip). */
function gzip9(bytes) {
  const run = spawnSync('gzip', ['-9', '-n', '-c'], { input: bytes, maxBuffer: 64 << 20 });
  if (run.status === 0) return run.stdout.length;
  return gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
}

main(async () => {
  const targets = new Targets('size');
  console.log(`size: the browser bundle of \`import { createPrivacyEngine } from '${PACKAGE_NAME}'\`\n${machine()}\n`);
  const home = packageHome();
  const entry = join(home, 'browser-entry.mjs');
  writeFileSync(entry, `export { createPrivacyEngine } from '${PACKAGE_NAME}';\n`);
  const outfile = join(home, 'browser-bundle.mjs');
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: home,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    target: 'es2022',
    conditions: ['browser', 'import', 'module', 'default'],
    outfile,
    metafile: true,
    logLevel: 'warning',
  });
  const bundle = readFileSync(outfile);
  const gzipped = gzip9(bundle);

  const inputs = Object.entries(result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].inputs)
    .map(([file, { bytesInOutput }]) => [file.replace(/^.*node_modules\//, ''), bytesInOutput])
    .sort((a, b) => b[1] - a[1]);
  console.log(`bundle: ${bundle.length} bytes minified, ${gzipped} bytes (${kb(gzipped)}) after gzip -9`);
  console.log(table(['module in the bundle', 'bytes minified'], inputs.map(([file, bytes]) => [file, String(bytes)])));

  const files = readdirSync(distDir).filter((f) => /\.(mjs|wasm)$/.test(f)).map((f) => {
    const bytes = readFileSync(join(distDir, f));
    return [f, String(statSync(join(distDir, f)).size), String(gzip9(bytes))];
  });
  console.log(`\ndist/ files on their own\n${table(['file', 'raw bytes', 'gzip -9 bytes'], files)}`);

  // The bundle answers as the package does.
  const input = { age: 'unknown', context: 'general', jurisdiction: 'DE', now: Date.UTC(2026, 10, 1) };
  const bundled = await import(pathToFileURL(outfile).href);
  const { createPrivacyEngine } = await importPackage();
  const [a, b] = [await bundled.createPrivacyEngine(), await createPrivacyEngine()];
  const answers = [JSON.stringify(a.decideAds(input)), JSON.stringify(b.decideAds(input))];
  a.close();
  b.close();
  agree(answers[0] === answers[1], `the browser bundle and the package answer differently:\n  ${answers[0]}\n  ${answers[1]}`);
  console.log('\nagreement: the browser bundle makes the same decision as the package in Node\n');

  targets.add('6', 'size: browser bundle (wasm, glue, entry), gzip -9', kb(gzipped), `<= ${kb(AIM)}`, gzipped <= AIM,
    `${bundle.length} bytes minified`);
  targets.save();
});
