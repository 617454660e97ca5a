// A big household's round trip through the package (issue 8 item 7; not part
// of the default `npm run bench`: `bash scripts/bench.sh bigstate`): intake of
// N recordings, exportStateJson -> importState into a new engine ->
// exportStateJson, which must give the same bytes. Prints the time of each
// step, the text's size and the memory (the wasm module's, the process's).
//
//   node bench/bigstate/run.mjs [--recordings 1000000] [--derived 3] [--keep-source] [--own-module]
//   node bench/bigstate/run.mjs --bisect [--from 250000] [--derived 3] [--keep-source]
//                                          the largest N (to 25,000) that round-trips
//
// By default the source engine is closed before the import (its export is kept
// as text), and the new engine shares the module: one household at a time in
// the module's 2 GB. --keep-source keeps both households in one module;
// --own-module gives the new engine a module of its own (wasmBinary).
// A run that stops the module (PrivacyError 'internal', R-INT-4) or hits a
// limit reports it and exits 3, so that --bisect can search on.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { distDir, importPackage } from '../lib/common.mjs';

// The package by its name (BENCH_DIST: another dist/); its loader for the module's memory.
const { createPrivacyEngine } = await importPackage();
const { loadCore } = await import(pathToFileURL(join(distDir, 'load.mjs')).href);

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(args[i + 1]);
};
const N = option('recordings', 1_000_000);
const DERIVED = option('derived', 3);
const BATCH = 100_000;  // the engine's most recordings per batch
const NOW = Date.UTC(2026, 10, 29, 12);
const T0 = Date.UTC(2025, 0, 1);
const MB = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
// Wall time and this process's CPU time (the machine may be shared: CPU time says what the work costs).
function timed(fn) {
  const [wall, cpu] = [performance.now(), process.cpuUsage()];
  const value = fn();
  const used = process.cpuUsage(cpu);
  return [value, `${seconds(performance.now() - wall)} (cpu ${seconds((used.user + used.system) / 1000)})`];
}

function policy() {
  return { categories: ['audio', 'transcript', 'derived'].map((category) => ({
    category, childMaxMonths: 18, adultMaxMonths: null, purpose: `answering requests (${category})`, businessNeed: 'improving answers' })) };
}

// Ids as a real intake makes them; a transcript of a few words; `DERIVED` derived items.
function recording(i) {
  const id = `rec-${String(i).padStart(8, '0')}`;
  const profileId = ['c1', 'c2', 'c3', 'a1', 'a2', 't1'][i % 6];
  const derived = [{ id: `${id}-intent`, kind: 'intent' }, { id: `${id}-ann`, kind: 'annotation' }, { id: `${id}-train`, kind: 'training_copy' }];
  return {
    id, profileId, deviceId: `d${1 + (i % 3)}`, capturedAt: NOW - 1000 - (i % 86_400_000),
    audio: { ref: `s3://family-audio/h1/${id}.opus`, durationMs: 800 + (i % 9000) },
    transcript: `what is the weather like today ${i % 1000}`,
    derived: derived.slice(0, DERIVED),
  };
}

async function moduleMemory(engineOptions = {}) {
  const core = await loadCore(engineOptions, (code, message) => new Error(message));
  return core.HEAPU8?.buffer.byteLength ?? NaN;
}

async function household() {
  const engine = await createPrivacyEngine();
  engine.createHousehold({ actor: 'operator', now: T0, id: 'h1', name: 'A big household', retentionPolicy: policy() });
  engine.addGuardian({ actor: 'operator', now: T0, guardian: { id: 'g1', name: 'Ana', verified: true } });
  for (const id of ['d1', 'd2', 'd3']) engine.addDevice({ actor: 'g1', now: T0, device: { id, name: id } });
  for (const [id, kind] of [['c1', 'child'], ['c2', 'child'], ['c3', 'child'], ['t1', 'teen'], ['a1', 'adult'], ['a2', 'adult']]) {
    engine.addProfile({ actor: 'g1', now: T0, profile: { id, name: id, kind, retention: 'until_deleted' } });
    if (kind === 'child') {
      engine.requestConsent({ actor: 'g1', now: T0, profileId: id, method: 'signed_form' });
      engine.recordConsent({ actor: 'g1', now: T0, profileId: id, method: 'signed_form', reference: `form-${id}`, verifiedBy: 'verifier' });
    }
  }
  return engine;
}

let stage = 'set-up';  // what was running when a run failed

async function roundTrip() {
  const figures = { recordings: N, derived: DERIVED, mode: flag('keep-source') ? 'both households in one module' : flag('own-module') ? 'the new engine on a module of its own' : 'one household at a time in one module' };
  const step = (name, fn) => {
    stage = name;
    const [value, time] = timed(fn);
    figures[name] = time;
    return value;
  };
  const source = await household();
  step(`intake (batches of ${BATCH.toLocaleString('en')})`, () => {
    for (let from = 0; from < N; from += BATCH) {
      const recordings = Array.from({ length: Math.min(BATCH, N - from) }, (_, k) => recording(from + k));
      source.addRecordings({ actor: 'system', now: NOW, recordings });
    }
  });
  figures['module memory after intake'] = MB(await moduleMemory());
  const text = step('exportStateJson', () => source.exportStateJson({ actor: 'system' }));
  figures['state text'] = `${text.length.toLocaleString('en')} characters, ${MB(Buffer.byteLength(text))}`;
  if (!flag('keep-source')) source.close();
  const ownModule = flag('own-module') ? { wasmBinary: readFileSync(join(distDir, 'family-privacy-core.wasm')) } : {};
  const target = await createPrivacyEngine(ownModule);
  const answer = step('importState', () => target.importState({ actor: 'system', now: NOW, state: text }));
  figures.imported = `${answer.outcome}, ${answer.recordings.toLocaleString('en')} recordings, ${answer.auditEntries} audit entries`;
  const again = step('exportStateJson again', () => target.exportStateJson({ actor: 'system' }));
  figures['same bytes'] = again === text;
  figures['module memory at the end'] = MB(await moduleMemory(ownModule));
  figures['process rss'] = MB(process.memoryUsage().rss);
  target.close();
  if (!source.closed) source.close();
  return figures;
}

function attempt(n) {
  const modes = ['keep-source', 'own-module'].filter(flag).map((name) => `--${name}`);
  const run = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--recordings', String(n), '--derived', String(DERIVED), ...modes],
    { encoding: 'utf8', maxBuffer: 1 << 24 });
  process.stdout.write(run.stdout);
  return run.status === 0;
}

if (flag('bisect')) {
  // The largest N that round-trips, to 25,000 recordings.
  let [good, bad] = [0, 0];
  for (let n = option('from', 250_000); ; n *= 2) {
    if (!attempt(n)) { bad = n; break; }
    good = n;
    if (n >= 4_000_000) break;
  }
  while (bad && bad - good > 25_000) {
    const mid = Math.round((good + bad) / 2 / 25_000) * 25_000;
    if (attempt(mid)) good = mid; else bad = mid;
  }
  console.log(`largest household that round-trips: ${good.toLocaleString('en')} recordings${bad ? ` (${bad.toLocaleString('en')} does not)` : ''}`);
} else {
  try {
    const figures = await roundTrip();
    console.log(JSON.stringify(figures, null, 1));
    if (figures['same bytes'] !== true) process.exit(1);
  } catch (error) {
    console.log(JSON.stringify({ recordings: N, derived: DERIVED, failed: `in ${stage}: ${error.code ?? error.name}: ${error.message}`,
      'process rss': MB(process.memoryUsage().rss) }, null, 1));
    process.exit(3);
  }
}
