// What every benchmark of `npm run bench` shares (issue 10): where the package
// and the native programs are, the package imported by its name as Node
// resolves it, the machine's load, timing helpers, and the figures each bench
// hands to the final table (bench/summary.mjs).
//
// BENCH_DIST: the package's dist/ to measure (default dist/).
// BENCH_RESULTS: where each bench writes its targets (default build/bench-results/).
// BENCH_PROFILE: a folder; when set, the package's timed work is also run
//   under V8's CPU profiler (the one node --cpu-prof uses) and each profile is
//   written there and summarised (bench/lib/profile.mjs). Figures taken with
//   the profiler on are slower: use them for where the time goes, not for the table.
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Session } from 'node:inspector';
import { summariseProfile } from './profile.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = resolve(root, process.env.BENCH_DIST ?? 'dist');
export const resultsDir = resolve(root, process.env.BENCH_RESULTS ?? 'build/bench-results');
export const PACKAGE_NAME = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name;

/** A program of the native build, or a clear error naming how to build it. */
export function nativeProgram(name, override) {
  const path = resolve(root, override ?? join('build', name));
  if (!existsSync(path)) throw new Error(`${relative(root, path)} is missing: build it (bash scripts/build.sh)`);
  return path;
}

// ---------------------------------------------------------------- the package by its name

/**
 * A folder where `import 'family-privacy'` finds the package as a user's
 * node_modules would: its package.json (with its `exports` conditions) and
 * its dist/ (a link to BENCH_DIST). Returns the folder; bench files placed in
 * it import the package by name.
 */
export function packageHome() {
  const home = join(root, 'build', 'bench-package');
  const pkg = join(home, 'node_modules', PACKAGE_NAME);
  if (!existsSync(join(distDir, 'index.mjs'))) {
    throw new Error(`${relative(root, distDir)}/index.mjs is missing: run npm run build first`);
  }
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  const current = existsSync(join(pkg, 'package.json')) && readFileSync(join(pkg, 'package.json'), 'utf8') === manifest
    && existsSync(join(pkg, 'dist')) && realpathSync(join(pkg, 'dist')) === realpathSync(distDir);
  if (!current) {  // made once per run (worker processes find it made)
    rmSync(pkg, { recursive: true, force: true });
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), manifest);
    symlinkSync(distDir, join(pkg, 'dist'), 'dir');
    writeFileSync(join(home, 'package.json'), '{"type":"module","private":true}\n');
    writeFileSync(join(home, 'entry.mjs'), `export * from '${PACKAGE_NAME}';\n`);
  }
  return home;
}

let imported;
/** The package's exports, imported by its name (so Node's own conditions choose the build). */
export function importPackage() {
  imported ??= import(pathToFileURL(join(packageHome(), 'entry.mjs')).href);
  return imported;
}

// ---------------------------------------------------------------- the machine

export function machine() {
  const [one, five, fifteen] = loadavg();
  return `node ${process.version}, ${process.arch}, ${availableParallelism()} CPUs, `
    + `load average ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)} (1, 5, 15 min)`;
}

export const loadNow = () => Number(loadavg()[0].toFixed(2));

// ---------------------------------------------------------------- timing

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds `fn` takes, and its value. */
export function timed(fn) {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

/**
 * Operations per second of `one` over `inputs`, round after round for at
 * least `seconds`; the best of `rounds` such measures (the machine is shared).
 */
export function perSecond(inputs, one, { seconds = 0.5, rounds = 3 } = {}) {
  let best = 0;
  let sink = 0;
  for (let round = 0; round < rounds; round += 1) {
    let ops = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      for (let i = 0; i < inputs.length; i += 1) sink += one(inputs[i]) ? 1 : 0;
      ops += inputs.length;
      elapsed = (performance.now() - start) / 1000;
    } while (elapsed < seconds);
    best = Math.max(best, ops / elapsed);
  }
  if (sink < 0) console.log(sink);
  return best;
}

/** FNV-1a, 32 bits, over the text's UTF-8 bytes (the native programs compute the same). */
export function fnv1a(text, hash = 0x811c9dc5) {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += 1) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash >>> 0;
}
export const hex = (hash) => (hash >>> 0).toString(16).padStart(8, '0');

/**
 * Runs `fn` (sync or async); with BENCH_PROFILE set, under the CPU profiler,
 * writing <BENCH_PROFILE>/<name>.cpuprofile and printing its heaviest functions.
 */
export async function profiled(name, fn) {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return fn();
  const session = new Session();
  session.connect();
  const post = (method, params = {}) => new Promise((done, fail) => session.post(method, params,
    (error, result) => (error ? fail(error) : done(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    const path = resolve(root, dir, `${name}.cpuprofile`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(profile));
    console.error(`\n[profile ${name}: ${relative(root, path)}]\n${summariseProfile(profile, 12)}\n`);
  }
}

// ---------------------------------------------------------------- printing

export function table(header, rows) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column])
    : String(cell).padStart(widths[column]))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export const int = (n) => Math.round(n).toLocaleString('en');
export const fixed = (n, digits = 1) => n.toFixed(digits);

/** Fails the bench loudly: the builds or the baseline do not give the same answers. */
export class Disagreement extends Error {}
export function agree(condition, message) {
  if (!condition) throw new Disagreement(`DISAGREEMENT: ${message}`);
}

// ---------------------------------------------------------------- the final table's rows

/**
 * One target's figure for bench/summary.mjs: `id` (issue 10's number and a
 * letter), what it is, the measured value and the aim as words, and met.
 */
export class Targets {
  constructor(bench) {
    this.bench = bench;
    this.rows = [];
    this.load = [loadNow()];
  }

  add(id, what, measured, aim, met, detail = '') {
    this.rows.push({ id, what, measured, aim, met: Boolean(met), detail });
    const verdict = met ? 'MET' : 'MISSED';
    console.log(`  target ${id}: ${what}: ${measured} (aim ${aim}) ${verdict}${detail ? `; ${detail}` : ''}`);
  }

  save() {
    this.load.push(loadNow());
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, `${this.bench}.json`), `${JSON.stringify({ bench: this.bench, load: this.load, rows: this.rows }, null, 1)}\n`);
  }
}

/** Runs a bench's main: a disagreement or any error is printed and exits 1. */
export function main(fn) {
  fn().catch((error) => {
    console.error(`\n${error instanceof Disagreement ? '' : 'bench failed: '}${error.stack ?? error}`);
    process.exit(1);
  });
}
