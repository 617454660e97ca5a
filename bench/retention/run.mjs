// Retention sweep benchmark (DESIGN.md "bench/"): one run measures
//   - native: the C++ engine through Engine::execute_json (build/bench_retention_native),
//   - wasm:   the npm package (dist/index.mjs) through its public API,
//   - JS:     a plain idiomatic JavaScript implementation of the same rules (baseline.mjs),
// on the same household: 1,000,000 recordings in 10,000 profiles, `previewSweep`
// at T0. It prints ns per recording and the ratios side by side, then the
// package's size, raw and gzipped. Each implementation is measured in a
// process of its own (the native program, then this script as a worker for
// wasm and for the baseline), one after the other. It checks that all three
// agree on what is due (count, the due ids, artifact counts, next due time),
// and that native and wasm answer byte for byte the same, and fails loudly if not.
//
// Usage: node --max-old-space-size=8192 bench/retention/run.mjs
//   [--recordings N] [--profiles N] [--repeats N] [--chunk N] [--limit N]
// (the defaults are the benchmark's; smaller numbers are for a quick smoke run).
// BENCH_DIST and BENCH_NATIVE override where the package and the native program are.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync, constants as zlibConstants } from 'node:zlib';

import { BaselineRetention } from './baseline.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// ---------------------------------------------------------------- options

function parseOptions(argv) {
  // limit: how many due recordings the answer lists (all when absent); the
  // counts, dueCount and nextDueAt always cover every recording.
  const options = { recordings: 1_000_000, profiles: 10_000, repeats: 5, chunk: 10_000, limit: 0, worker: null };
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i].replace(/^--/, '');
    if (name === 'worker' && ['wasm', 'baseline'].includes(argv[i + 1])) {
      options.worker = argv[i + 1];
      i += 1;
      continue;
    }
    if (!(name in options) || i + 1 >= argv.length) throw new Error(`unknown option ${argv[i]}`);
    const value = Number(argv[i + 1]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${argv[i]} needs a positive integer`);
    options[name] = value;
    i += 1;
  }
  options.repeats = Math.max(options.repeats, 3);
  return options;
}

const options = parseOptions(process.argv.slice(2));
const distDir = resolve(root, process.env.BENCH_DIST ?? 'dist');
const nativePath = resolve(root, process.env.BENCH_NATIVE ?? 'build/bench_retention_native');

// ---------------------------------------------------------------- the household (the same for all three)

/** 2026-11-01T00:00Z: the sweep's `now` and every set-up call's. */
const T0 = Date.UTC(2026, 10, 1);
const MINUTES_IN_TWO_YEARS = 730 * 24 * 60;
const SETTINGS = ['dont_save', '3_months', '18_months', 'until_deleted'];
const DEVICES = 3;

function retentionPolicy() {
  const category = (name, purpose) => ({
    category: name,
    childMaxMonths: 18,
    adultMaxMonths: null,
    purpose,
    businessNeed: `Kept only as long as needed to ${purpose.toLowerCase()}.`,
  });
  return {
    categories: [
      category('audio', 'Answer the request and let the family play it back'),
      category('transcript', 'Show the family what was heard'),
      category('derived', 'Improve answers to this household'),
    ],
    justSaidWindowMinutes: 10,
  };
}

function recordingInput(i, profiles) {
  return {
    id: `r${i}`,
    profileId: `p${i % profiles}`,
    deviceId: `d${i % DEVICES}`,
    capturedAt: T0 - ((i * 7919) % MINUTES_IN_TWO_YEARS) * 60_000,
    audio: i % 2 === 0 ? { ref: `a${i}`, durationMs: 1500 } : null,
    transcript: 'turn on the lights',
    derived: [{ id: `i${i}`, kind: 'intent' }],
  };
}

/**
 * Calls `name` through the engine's API; a command that the package does not
 * name as a method yet goes through its `executeJson`, the same command.
 */
function call(engine, name, input) {
  if (typeof engine[name] === 'function') return engine[name](input);
  if (typeof engine.executeJson !== 'function') throw new Error(`the engine has no ${name}`);
  const answer = JSON.parse(engine.executeJson(JSON.stringify({ command: name, ...input })));
  if (answer.type !== 'success') throw new Error(`${name} failed: ${JSON.stringify(answer.errors)}`);
  return answer.result;
}

/** Sets up the benchmark household through `engine`'s API (the package's or the baseline's). */
function setUp(engine) {
  const now = T0;
  engine.createHousehold({ actor: 'operator', now, id: 'bench', name: 'Benchmark household', retentionPolicy: retentionPolicy() });
  engine.addGuardian({ actor: 'operator', now, guardian: { id: 'g1', name: 'Guardian 1', verified: true } });
  for (let d = 0; d < DEVICES; d += 1) {
    engine.addDevice({ actor: 'g1', now, device: { id: `d${d}`, name: `Device ${d}` } });
  }
  for (let p = 0; p < options.profiles; p += 1) {
    const id = `p${p}`;
    const kind = p % 2 === 0 ? 'child' : 'adult';
    engine.addProfile({ actor: 'g1', now, profile: { id, name: `Profile ${p}`, kind } });
    if (kind === 'child') {
      // R-CON-1: no recording into a child profile before verified parental consent.
      call(engine, 'requestConsent', { actor: 'g1', now, profileId: id, method: 'signed_form' });
      call(engine, 'recordConsent', {
        actor: 'g1', now, profileId: id, method: 'signed_form', reference: `form-${id}`, verifiedBy: 'Benchmark operator',
      });
    }
    engine.setRetention({ actor: kind === 'child' ? 'g1' : id, now, profileId: id, setting: SETTINGS[p % 4] });
  }
  for (let start = 0; start < options.recordings; start += options.chunk) {
    const recordings = [];
    for (let i = start; i < Math.min(start + options.chunk, options.recordings); i += 1) {
      recordings.push(recordingInput(i, options.profiles));
    }
    const { added } = engine.addRecordings({ recordings, now: T0 });
    if (added !== recordings.length) throw new Error(`addRecordings added ${added} of ${recordings.length}`);
  }
}

// ---------------------------------------------------------------- timing

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One untimed warm-up call, then `repeats` timed ones; returns the times (ms) and the last plan. */
function timeSweeps(previewSweep) {
  let plan = previewSweep();
  const runs = [];
  for (let r = 0; r < options.repeats; r += 1) {
    plan = null;
    collectGarbage();
    const started = performance.now();
    plan = previewSweep();
    runs.push(performance.now() - started);
  }
  return { runs, plan };
}

/** What the three must agree on, taken from a SweepPlan. */
function summarise(plan) {
  // A full list is compared as a set; a limited one must list the same first ones.
  const listed = plan.due.map((recording) => recording.id);
  const ids = options.limit ? listed : listed.sort();
  return {
    dueCount: plan.dueCount ?? plan.due.length,
    nextDueAt: plan.nextDueAt,
    counts: plan.counts,
    dueIdsDigest: fnv1a(ids.join('\n')),
    firstDueIds: ids.slice(0, 3),
  };
}

/** FNV-1a, 32 bits, over the text's UTF-8 bytes: native.cpp computes the same. */
function fnv1a(text) {
  const bytes = Buffer.from(text, 'utf8');
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i += 1) {
    hash = Math.imul(hash ^ bytes[i], 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Reads the one result line that a measuring process prints on stdout. */
function resultLine(program, child) {
  if (child.error) throw child.error;
  if (child.status !== 0) {
    throw new Error(`${program} exited with ${child.status ?? child.signal}:\n${child.stdout}`);
  }
  const line = child.stdout.trim().split('\n').reverse().find((text) => text.startsWith('{'));
  if (!line) throw new Error(`no JSON line from ${program}:\n${child.stdout}`);
  return JSON.parse(line);
}

const sizeOptions = () => ['--recordings', options.recordings, '--profiles', options.profiles,
  '--repeats', options.repeats, '--chunk', options.chunk, ...(options.limit ? ['--limit', options.limit] : [])].map(String);
const sweepInput = () => (options.limit ? { now: T0, limit: options.limit } : { now: T0 });

function runNative() {
  const program = relative(root, nativePath);
  if (!existsSync(nativePath)) throw new Error(`${program} is missing: build it first (cmake --build build)`);
  const figures = resultLine(program, spawnSync(nativePath, sizeOptions(),
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] }));
  return {
    name: 'native (C++, execute_json)',
    runs: figures.runsMs,
    loadMs: figures.loadMs,
    summary: {
      dueCount: figures.dueCount,
      nextDueAt: figures.nextDueAt,
      counts: figures.counts,
      dueIdsDigest: figures.dueIdsDigest,
      firstDueIds: figures.firstDueIds,
    },
    answerBytes: figures.answerBytes,
    answerHash: figures.answerHash,
  };
}

/** Runs the wasm or the baseline measurement in a fresh node process, so that neither heap weighs on the other. */
function runWorker(kind) {
  const program = `run.mjs --worker ${kind}`;
  return resultLine(program, spawnSync(process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--worker', kind, ...sizeOptions()],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'], env: process.env }));
}

async function measureWasm() {
  const entry = join(distDir, 'index.mjs');
  if (!existsSync(entry)) throw new Error(`${relative(root, entry)} is missing: run npm run build first`);
  const { createPrivacyEngine } = await import(pathToFileURL(entry).href);
  const engine = await createPrivacyEngine();
  try {
    const loadStarted = performance.now();
    setUp(engine);
    const loadMs = performance.now() - loadStarted;
    const { runs, plan } = timeSweeps(() => engine.previewSweep(sweepInput()));
    const summary = summarise(plan);
    // The same command as the native program's, as JSON text: the answers must match byte for byte.
    const answer = engine.executeJson(JSON.stringify({ command: 'previewSweep', ...sweepInput() }));
    return {
      name: 'wasm (package API)',
      runs,
      loadMs,
      summary,
      answerBytes: Buffer.byteLength(answer, 'utf8'),
      answerHash: fnv1a(answer),
    };
  } finally {
    engine.close();
  }
}

function measureBaseline() {
  const baseline = new BaselineRetention();
  const loadStarted = performance.now();
  setUp(baseline);
  const loadMs = performance.now() - loadStarted;
  const { runs, plan } = timeSweeps(() => baseline.previewSweep(sweepInput()));
  return { name: 'JS baseline (plain JS)', runs, loadMs, summary: summarise(plan) };
}

// ---------------------------------------------------------------- agreement

function disagreements(reference, other) {
  const problems = [];
  const a = reference.summary;
  const b = other.summary;
  if (a.dueCount !== b.dueCount) problems.push(`due count: ${reference.name} ${a.dueCount}, ${other.name} ${b.dueCount}`);
  if (a.nextDueAt !== b.nextDueAt) {
    const iso = (millis) => (millis === null || millis === undefined ? String(millis) : `${millis} (${new Date(millis).toISOString()})`);
    problems.push(`nextDueAt: ${reference.name} ${iso(a.nextDueAt)}, ${other.name} ${iso(b.nextDueAt)}`);
  }
  for (const kind of Object.keys({ ...a.counts, ...b.counts })) {
    if (a.counts?.[kind] !== b.counts?.[kind]) {
      problems.push(`counts.${kind}: ${reference.name} ${a.counts?.[kind]}, ${other.name} ${b.counts?.[kind]}`);
    }
  }
  if (a.dueIdsDigest !== b.dueIdsDigest) {
    problems.push(`due ids (sorted, fnv1a): ${reference.name} ${a.dueIdsDigest} from ${a.firstDueIds?.join(', ')}..., `
      + `${other.name} ${b.dueIdsDigest} from ${b.firstDueIds?.join(', ')}...`);
  }
  return problems;
}

// ---------------------------------------------------------------- printing

function table(header, rows) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const fixed = (value, digits) => value.toFixed(digits);
const kilobytes = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

function packageSizes() {
  const files = ['family-privacy-core.wasm', 'family-privacy-core.mjs', 'index.mjs'];
  const rows = [];
  let rawTotal = 0;
  let gzipTotal = 0;
  for (const file of files) {
    const path = join(distDir, file);
    if (!existsSync(path)) {
      rows.push([relative(root, path), 'missing', 'missing']);
      continue;
    }
    const raw = statSync(path).size;
    const gzipped = gzipSync(readFileSync(path), { level: zlibConstants.Z_BEST_COMPRESSION }).length;
    rawTotal += raw;
    gzipTotal += gzipped;
    rows.push([relative(root, path), `${raw} B (${kilobytes(raw)})`, `${gzipped} B (${kilobytes(gzipped)})`]);
  }
  rows.push(['total', `${rawTotal} B (${kilobytes(rawTotal)})`, `${gzipTotal} B (${kilobytes(gzipTotal)})`]);
  return { rows, gzipTotal, missing: rows.some((row) => row[1] === 'missing') };
}

// ---------------------------------------------------------------- main

async function main() {
  const { recordings, profiles, repeats } = options;
  console.log(`retention sweep: ${recordings.toLocaleString('en')} recordings in ${profiles.toLocaleString('en')} profiles, `
    + `previewSweep at ${new Date(T0).toISOString()}, best and median of ${repeats} runs after one warm-up`);
  // Timings are only as quiet as the machine: say how busy it was.
  console.log(`node ${process.version}, ${process.arch}, ${availableParallelism()} CPUs, `
    + `load average ${loadavg()[0].toFixed(1)} at the start\n`);

  // Each in a process of its own, one after the other.
  const results = [];
  console.log('native ...');
  results.push(runNative());
  console.log('wasm ...');
  results.push(runWorker('wasm'));
  console.log('JS baseline ...');
  results.push(runWorker('baseline'));

  const [native, wasm, baseline] = results;
  for (const result of results) {
    result.best = Math.min(...result.runs);
    result.median = median(result.runs);
  }

  console.log(`\nset-up (not measured): ${results.map((r) => `${r.name} ${fixed(r.loadMs / 1000, 1)} s`).join(', ')}`);
  console.log(`due: ${native.summary.dueCount.toLocaleString('en')} recordings; nextDueAt `
    + `${native.summary.nextDueAt === null ? 'null' : new Date(native.summary.nextDueAt).toISOString()}; `
    + `answer ${(native.answerBytes / 1e6).toFixed(1)} MB of JSON\n`);
  console.log(table(
    ['implementation', 'best ms', 'median ms', 'ns/recording (best)', 'ns/recording (median)', 'x native', 'x JS baseline'],
    results.map((result) => [
      result.name,
      fixed(result.best, 1),
      fixed(result.median, 1),
      fixed((result.best * 1e6) / recordings, 1),
      fixed((result.median * 1e6) / recordings, 1),
      fixed(result.median / native.median, 2),
      fixed(result.median / baseline.median, 2),
    ]),
  ));
  console.log('(ratios are of the medians; below 1 is faster)\n');

  const wasmOverNative = wasm.median / native.median;
  const baselineOverWasm = baseline.median / wasm.median;
  console.log(`wasm / native: ${fixed(wasmOverNative, 2)}x (aim: at most 2x) ${wasmOverNative <= 2 ? 'met' : 'MISSED'}`);
  console.log(`JS baseline / wasm: ${fixed(baselineOverWasm, 2)}x (aim: wasm well ahead) ${baselineOverWasm > 1 ? 'ahead' : 'BEHIND'}`);

  const sizes = packageSizes();
  console.log(`\npackage size (gzip level 9)\n${table(['file', 'raw', 'gzipped'], sizes.rows)}`);
  const aimBytes = 120_000;
  console.log(`total gzipped ${kilobytes(sizes.gzipTotal)} (aim: under ${kilobytes(aimBytes)}) `
    + `${sizes.missing ? 'INCOMPLETE' : sizes.gzipTotal < aimBytes ? 'met' : 'MISSED'}`);

  const problems = [
    ...disagreements(native, wasm),
    ...disagreements(native, baseline),
    ...disagreements(wasm, baseline),
  ];
  if (native.answerHash !== wasm.answerHash || native.answerBytes !== wasm.answerBytes) {
    problems.push(`previewSweep answer differs between native and wasm (DESIGN.md "Deterministic"): `
      + `native ${native.answerBytes} bytes, fnv1a ${native.answerHash}; wasm ${wasm.answerBytes} bytes, fnv1a ${wasm.answerHash}`);
  }
  if (problems.length > 0) {
    console.error(`\nDISAGREEMENT: the implementations do not give the same sweep:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('\nagreement: native, wasm and the JS baseline give the same due recordings, counts and nextDueAt; '
    + 'native and wasm answers are byte-identical');
}

async function worker(kind) {
  const result = kind === 'wasm' ? await measureWasm() : measureBaseline();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

(options.worker ? worker(options.worker) : main()).catch((error) => {
  console.error(`\nbench failed: ${error.stack ?? error}`);
  if (error.details) console.error(JSON.stringify(error.details, null, 2));
  process.exit(1);
});
