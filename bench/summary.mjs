// The final table of `npm run bench` (issue 10): every target, its measured
// value, its aim, and MET or MISSED, from what each bench wrote into
// build/bench-results/ (bench/lib/common.mjs Targets). A target whose bench
// did not run or failed is NOT MEASURED. Also writes the table as markdown
// (build/bench-results/summary.md) for the README's performance section.
//
//   node bench/summary.mjs [--failed name,name]   (the benches that failed, from scripts/bench.sh)
// Exits 1 when a bench failed (a disagreement included), 0 otherwise: a
// MISSED target is a figure, not a failure.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, resultsDir, table } from './lib/common.mjs';

// Every target of issue 10, in its order, and the bench that measures it.
const TARGETS = [
  ['1a', 'signals', 'decideAds with a TC string, package vs TCString.decode'],
  ['1b', 'signals', 'decideAds with a usnat GPP string, package vs GppModel + getSection'],
  ['1c', 'signals', 'decodeTcString full answer vs TCString.decode'],
  ['1d', 'signals', 'decodeGpp full answer vs GppModel + getSection'],
  ['1e', 'signals', 'native decode_tc_string (~600 characters)'],
  ['2a', 'state', 'importState + exportStateJson, 10,000 recordings, vs JSON.parse + JSON.stringify'],
  ['2b', 'state', 'importState + exportStateJson, 100,000 recordings, vs JSON.parse + JSON.stringify'],
  ['2c', 'state', 'native importState'],
  ['3', 'state', 'addRecordings in batches of 10,000, package'],
  ['4a', 'state', 'deleteRecordings by id at 300,000, native'],
  ['4b', 'state', 'deleteRecordings by id at 300,000, package'],
  ['4c', 'state', '"just_said" deletion at 300,000, native'],
  ['4d', 'state', '"just_said" deletion at 300,000, package'],
  ['4e', 'state', 'setRetention at 300,000, native'],
  ['4f', 'state', 'setRetention at 300,000, package'],
  ['5a', 'retention', 'sweep rules pass, wasm / native'],
  ['5b', 'retention', 'sweep with every due recording listed, package vs plain-JS baseline'],
  ['6', 'size', 'browser bundle (wasm, glue, entry), gzip -9'],
  ['7a', 'coldstart', 'cold start in Node over an empty node (median of whole processes)'],
  ['7b', 'page', 'page interactive on reload with 10,000 recordings'],
];

const args = process.argv.slice(2);
const failed = new Set((args[args.indexOf('--failed') + 1] ?? '').split(',').filter(Boolean));
if (!args.includes('--failed')) failed.clear();

const results = {};
for (const bench of new Set(TARGETS.map(([, b]) => b))) {
  const file = join(resultsDir, `${bench}.json`);
  if (existsSync(file) && !failed.has(bench)) results[bench] = JSON.parse(readFileSync(file, 'utf8'));
}

const rows = TARGETS.map(([id, bench, what]) => {
  const row = results[bench]?.rows.find((r) => r.id === id);
  if (!row) return [id, what, failed.has(bench) ? `NOT MEASURED (bench/${bench} failed)` : 'NOT MEASURED', '', 'NOT MEASURED'];
  return [id, what, row.measured, row.aim, row.met ? 'MET' : 'MISSED'];
});
const met = rows.filter((r) => r[4] === 'MET').length;
const missed = rows.filter((r) => r[4] === 'MISSED').length;
const loads = Object.values(results).map((r) => `${r.bench} ${r.load.join('..')}`).join(', ');

console.log('\n================================================================ issue 10: every target');
console.log(machine());
console.log(`load average (1 min) during each bench: ${loads}\n`);
console.log(table(['target', 'what', 'measured', 'aim', 'verdict'], rows));
console.log(`\n${met} MET, ${missed} MISSED, ${rows.length - met - missed} NOT MEASURED of ${rows.length}`);

const cell = (text) => String(text).replace(/\|/g, '\\|');
const markdown = ['| target | what | measured | aim | verdict |', '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'summary.md'), `${markdown}\n\n${machine()}; load average (1 min) during each bench: ${loads}\n`);
console.log(`(markdown: ${join(resultsDir, 'summary.md')})`);
if (failed.size > 0) {
  console.error(`\nFAILED: ${[...failed].join(', ')} (see above)`);
  process.exit(1);
}
