// Retention sweep benchmark (issue 10, target 5; DESIGN.md "bench/"): one run measures
//   - native: the C++ engine through Engine::execute_json (build/bench_retention_native),
//   - wasm:   the npm package, imported by its name as Node resolves it, through its public API,
//   - JS:     a plain idiomatic JavaScript implementation of the same rules (baseline.mjs),
// on the same household: 1,000,000 recordings in 10,000 profiles, `previewSweep`
// at T0, in two passes on one set-up each: the rules pass (every recording
// weighed, the first --limit due ones listed; aim: wasm at most 1.5x native)
// and with every due recording listed (aim: the package at least level with
// the plain-JS baseline). It prints ns per recording and the ratios side by
// side. Each implementation is measured in a process of its own (the native
// program, then this script as a worker for wasm and for the baseline), one
// after the other. It checks that all three agree on what is due in both
// passes (count, the due ids, artifact counts, next due time), and that native
// and wasm answer byte for byte the same, and fails loudly if not.
//
// Usage: node --max-old-space-size=8192 bench/retention/run.mjs
//   [--recordings N] [--profiles N] [--repeats N] [--full-repeats N] [--chunk N] [--limit N]
// (the defaults are the benchmark's; smaller numbers are for a quick smoke run).
// BENCH_DIST and BENCH_NATIVE override where the package and the native program are.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { BaselineRetention } from './baseline.mjs';
import { Targets, importPackage, machine, median, profiled, root } from '../lib/common.mjs';

// ---------------------------------------------------------------- options

function parseOptions(argv) {
  // limit: how many due recordings the rules pass lists; the counts, dueCount
  // and nextDueAt always cover every recording. The second pass lists all.
  const options = { recordings: 1_000_000, profiles: 10_000, repeats: 5, 'full-repeats': 3, chunk: 10_000, limit: 100, worker: null };
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
  return options;
}

const options = parseOptions(process.argv.slice(2));
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
    const { added } = engine.addRecordings({ actor: 'system', recordings, now: T0 });
    if (added !== recordings.length) throw new Error(`addRecordings added ${added} of ${recordings.length}`);
  }
}

// ---------------------------------------------------------------- timing

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

/** One untimed warm-up call, then `repeats` timed ones; returns the times (ms) and the last plan. */
function timeSweeps(previewSweep, repeats) {
  let plan = previewSweep();
  const runs = [];
  for (let r = 0; r < repeats; r += 1) {
    plan = null;
    collectGarbage();
    const started = performance.now();
    plan = previewSweep();
    runs.push(performance.now() - started);
  }
  return { runs, plan };
}

/** What the three must agree on, taken from a SweepPlan listing at most `limit` (0: all). */
function summarise(plan, limit) {
  // A full list is compared as a set; a limited one must list the same first ones.
  const listed = Array.from(plan.due, (recording) => recording.id);
  const ids = limit ? listed : listed.sort();
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

const sizeOptions = () => ['--recordings', options.recordings, '--profiles', options.profiles, '--repeats', options.repeats,
  '--full-repeats', options['full-repeats'], '--chunk', options.chunk, '--limit', options.limit].map(String);
/** The two passes: the rules pass (the first `limit` listed) and every due recording listed. */
const PASSES = { rules: () => options.limit, full: () => 0 };
const passRepeats = (pass) => (pass === 'rules' ? options.repeats : options['full-repeats']);
const sweepInput = (limit) => (limit ? { actor: 'system', now: T0, limit } : { actor: 'system', now: T0 });

function runNative() {
  const program = relative(root, nativePath);
  if (!existsSync(nativePath)) throw new Error(`${program} is missing: build it first (cmake --build build)`);
  const figures = resultLine(program, spawnSync(nativePath, sizeOptions(),
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] }));
  const pass = (f) => ({
    runs: f.runsMs,
    summary: { dueCount: f.dueCount, nextDueAt: f.nextDueAt, counts: f.counts, dueIdsDigest: f.dueIdsDigest, firstDueIds: f.firstDueIds },
    answerBytes: f.answerBytes,
    answerHash: f.answerHash,
  });
  return { name: 'native (C++, execute_json)', loadMs: figures.loadMs, passes: { rules: pass(figures.rules), full: pass(figures.full) } };
}

/** Runs the wasm or the baseline measurement in a fresh node process, so that neither heap weighs on the other. */
function runWorker(kind) {
  const program = `run.mjs --worker ${kind}`;
  return resultLine(program, spawnSync(process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--worker', kind, ...sizeOptions()],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'], env: process.env }));
}

async function measureWasm() {
  const { createPrivacyEngine } = await importPackage();
  const engine = await createPrivacyEngine();
  try {
    const loadStarted = performance.now();
    setUp(engine);
    const loadMs = performance.now() - loadStarted;
    const passes = {};
    for (const [pass, limitOf] of Object.entries(PASSES)) {
      const limit = limitOf();
      const { runs, plan } = await profiled(`retention-${pass}-pass`,
        () => timeSweeps(() => engine.previewSweep(sweepInput(limit)), passRepeats(pass)));
      const summary = summarise(plan, limit);
      // The same command as the native program's, as JSON text: the answers must match byte for byte.
      const answer = engine.executeJson(JSON.stringify({ command: 'previewSweep', ...sweepInput(limit) }));
      passes[pass] = { runs, summary, answerBytes: Buffer.byteLength(answer, 'utf8'), answerHash: fnv1a(answer) };
    }
    return { name: 'wasm (package API)', loadMs, passes };
  } finally {
    engine.close();
  }
}

function measureBaseline() {
  const baseline = new BaselineRetention();
  const loadStarted = performance.now();
  setUp(baseline);
  const loadMs = performance.now() - loadStarted;
  const passes = {};
  for (const [pass, limitOf] of Object.entries(PASSES)) {
    const limit = limitOf();
    const { runs, plan } = timeSweeps(() => baseline.previewSweep(sweepInput(limit)), passRepeats(pass));
    passes[pass] = { runs, summary: summarise(plan, limit) };
  }
  return { name: 'JS baseline (plain JS)', loadMs, passes };
}

// ---------------------------------------------------------------- agreement

function disagreements(pass, reference, other) {
  const problems = [];
  const a = reference.passes[pass].summary;
  const b = other.passes[pass].summary;
  reference = { name: `${reference.name}, ${pass} pass` };
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

// ---------------------------------------------------------------- main

async function main() {
  const { recordings, profiles, repeats } = options;
  const targets = new Targets('retention');
  console.log(`retention sweep: ${recordings.toLocaleString('en')} recordings in ${profiles.toLocaleString('en')} profiles, `
    + `previewSweep at ${new Date(T0).toISOString()}: the rules pass (first ${options.limit} due listed), median of ${repeats} runs, `
    + `then every due recording listed, median of ${options['full-repeats']}; each after one warm-up`);
  // Timings are only as quiet as the machine: say how busy it was.
  console.log(`${machine()} at the start\n`);

  // Each in a process of its own, one after the other.
  const results = [];
  console.log('native ...');
  results.push(runNative());
  console.log('wasm ...');
  results.push(runWorker('wasm'));
  console.log('JS baseline ...');
  results.push(runWorker('baseline'));
  const [native, wasm, baseline] = results;

  const problems = [];
  for (const pass of Object.keys(PASSES)) {
    problems.push(...disagreements(pass, native, wasm), ...disagreements(pass, native, baseline), ...disagreements(pass, wasm, baseline));
    const [n, w] = [native.passes[pass], wasm.passes[pass]];
    if (n.answerHash !== w.answerHash || n.answerBytes !== w.answerBytes) {
      problems.push(`previewSweep (${pass} pass) answer differs between native and wasm (DESIGN.md "Deterministic"): `
        + `native ${n.answerBytes} bytes, fnv1a ${n.answerHash}; wasm ${w.answerBytes} bytes, fnv1a ${w.answerHash}`);
    }
  }
  if (problems.length > 0) {
    console.error(`\nDISAGREEMENT: the implementations do not give the same sweep:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('\nagreement: native, wasm and the JS baseline give the same due recordings, counts and nextDueAt in both passes; '
    + 'native and wasm answers are byte-identical');

  console.log(`set-up (not measured): ${results.map((r) => `${r.name} ${fixed(r.loadMs / 1000, 1)} s`).join(', ')}`);
  const due = native.passes.full.summary.dueCount;
  console.log(`due: ${due.toLocaleString('en')} recordings; nextDueAt `
    + `${native.passes.full.summary.nextDueAt === null ? 'null' : new Date(native.passes.full.summary.nextDueAt).toISOString()}; `
    + `full answer ${(native.passes.full.answerBytes / 1e6).toFixed(1)} MB of JSON`);
  const medians = {};
  for (const pass of Object.keys(PASSES)) {
    for (const result of results) {
      const runs = result.passes[pass].runs;
      result.passes[pass].best = Math.min(...runs);
      result.passes[pass].median = median(runs);
    }
    const [n, w, b] = results.map((r) => r.passes[pass].median);
    medians[pass] = { native: n, wasm: w, baseline: b };
    console.log(`\n${pass === 'rules' ? `rules pass (first ${options.limit} due listed)` : 'every due recording listed'}`);
    console.log(table(
      ['implementation', 'best ms', 'median ms', 'ns/recording (median)', 'x native', 'x JS baseline'],
      results.map((result) => [
        result.name,
        fixed(result.passes[pass].best, 1),
        fixed(result.passes[pass].median, 1),
        fixed((result.passes[pass].median * 1e6) / recordings, 1),
        fixed(result.passes[pass].median / n, 2),
        fixed(result.passes[pass].median / b, 2),
      ]),
    ));
  }
  console.log('(ratios are of the medians; below 1 is faster)\n');

  const rules = medians.rules.wasm / medians.rules.native;
  targets.add('5a', 'sweep rules pass, wasm / native', `${fixed(rules, 2)}x (${fixed(medians.rules.wasm, 0)} ms vs ${fixed(medians.rules.native, 0)} ms)`,
    '<= 1.5x', rules <= 1.5);
  const level = medians.full.baseline / medians.full.wasm;
  targets.add('5b', 'sweep, every due listed, package vs plain-JS baseline',
    `${fixed(level, 2)}x the baseline's speed (${fixed(medians.full.wasm, 0)} ms vs ${fixed(medians.full.baseline, 0)} ms)`,
    '>= 1x (level)', level >= 1, `native ${fixed(medians.full.native, 0)} ms`);
  targets.save();
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
