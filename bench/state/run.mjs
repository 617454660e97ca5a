// The state's way in and out, intake, and one small change in a large
// household (issue 10, targets 2-4), through the package and natively on the
// same commands (bench/state/native.cpp runs the script this writes):
//   2. importState + exportStateJson of a 10,000- and a 100,000-recording
//      household's text through the package, beside Node's JSON.parse +
//      JSON.stringify of the same text in this process (aim: within 2x);
//      native import in MB/s (aim: at least 200 MB/s);
//   3. addRecordings in batches of 10,000 through the package (aim: at most
//      3 us per recording), beside the plain-JS baseline (bench/retention/baseline.mjs);
//   4. at 300,000 recordings, one deleteRecordings by id, one "just_said"
//      deletion and one setRetention (aim: at most 1 ms natively, 3 ms through
//      the package), each the median of 5 (each a different one: other ids,
//      fresh just-said recordings, another profile).
// One household grows to 300,000 recordings in batches of 10,000; its text is
// taken at 10,000 and 100,000. Agreement, checked before any figure is
// printed: the package's and the native build's exports are byte-identical at
// both sizes, an imported text exports back byte for byte, the answers of
// every timed command (receipts included) are the same on both sides, and both
// end with the same audit head.
//
// Usage: node bench/state/run.mjs [--recordings 300000] [--repeats 5]
// BENCH_DIST and BENCH_STATE_NATIVE override where the package and the native program are.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaselineRetention } from '../retention/baseline.mjs';
import {
  Targets, agree, fixed, fnv1a, hex, importPackage, int, machine, main, median, nativeProgram, profiled, table, timed,
} from '../lib/common.mjs';

const options = { recordings: 300_000, repeats: 5 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const name = argv[i].replace(/^--/, '');
  const value = Number(argv[i + 1]);
  if (!(name in options) || !Number.isInteger(value) || value < 1) throw new Error(`unknown option ${argv[i]} ${argv[i + 1] ?? ''}`);
  options[name] = value;
}
const BATCH = 10_000;
const SIZES = [10_000, 100_000].filter((n) => n <= options.recordings);

// ---------------------------------------------------------------- the household

const NOW = Date.UTC(2026, 10, 1, 12);
const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const PROFILES = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
const DEVICES = ['d1', 'd2', 'd3'];

const SET_UP = [
  { command: 'createHousehold', actor: 'operator', now: NOW, id: 'h1', name: 'A large household',
    retentionPolicy: { categories: ['audio', 'transcript', 'derived'].map((category) => ({
      category, childMaxMonths: 18, adultMaxMonths: null, purpose: `answering requests (${category})`, businessNeed: 'improving answers' })),
    justSaidWindowMinutes: 10 } },
  { command: 'addGuardian', actor: 'operator', now: NOW, guardian: { id: 'g1', name: 'Ana', verified: true } },
  ...DEVICES.map((id) => ({ command: 'addDevice', actor: 'g1', now: NOW, device: { id, name: `Device ${id}` } })),
  ...PROFILES.map((id) => ({ command: 'addProfile', actor: 'g1', now: NOW,
    profile: { id, name: `Adult ${id}`, kind: 'adult', retention: 'until_deleted' } })),
];

// Ids as an intake makes them; spread over 80 days up to 15 minutes ago (so
// nothing is "just said"), with one in 10,000 captured 100 days ago (what a
// setRetention of 3 months then deletes: a few per profile).
function recording(i) {
  const id = `rec-${String(i).padStart(8, '0')}`;
  const capturedAt = i % 10_000 === 9_999 ? NOW - 100 * DAY - i * 1000
    : NOW - 15 * MINUTE - ((i * 7919) % (80 * 1440)) * MINUTE - (i % 60) * 1000;
  return {
    id, profileId: PROFILES[i % PROFILES.length], deviceId: DEVICES[Math.floor(i / PROFILES.length) % DEVICES.length], capturedAt,
    audio: { ref: `s3://family-audio/h1/${id}.opus`, durationMs: 800 + (i % 9000) },
    transcript: `what is the weather like today ${i % 1000}`,
    derived: [{ id: `${id}-intent`, kind: 'intent' }, { id: `${id}-ann`, kind: 'annotation' }, { id: `${id}-train`, kind: 'training_copy' }],
  };
}

const batch = (from) => ({ command: 'addRecordings', actor: 'system', now: NOW,
  recordings: Array.from({ length: Math.min(BATCH, options.recordings - from) }, (_, k) => recording(from + k)) });

/** The timed small changes at the full size, each at its own `now` (audit time never runs backwards). */
function changes() {
  let clock = NOW;
  const tick = () => (clock += 1000);
  const steps = [];  // { label, command } ; label '-' untimed
  for (let k = 0; k < options.repeats; k += 1) {
    const i = 1000 + 7 * k;
    const { id, profileId } = recording(i);
    steps.push({ label: 'deleteById', expect: 1, command: { command: 'deleteRecordings', actor: profileId, now: tick(),
      requestId: `del-${k}`, profileId, kind: 'ids', ids: [id] } });
  }
  for (let k = 0; k < options.repeats; k += 1) {
    const now = tick();
    steps.push({ label: '-', command: { command: 'addRecordings', actor: 'system', now, recordings: [30, 20, 10].map((ago, n) => ({
      ...recording(options.recordings + 3 * k + n), profileId: 'a1', deviceId: 'd1', capturedAt: now - ago * 1000 })) } });
    // R-DEL-2: "what I just said" is the speaker's most recent recording on that device.
    steps.push({ label: 'justSaid', expect: 1, command: { command: 'deleteRecordings', actor: 'a1', now: tick(),
      requestId: `said-${k}`, profileId: 'a1', kind: 'just_said', deviceId: 'd1' } });
  }
  for (let k = 0; k < options.repeats; k += 1) {
    const profileId = PROFILES[k % PROFILES.length];
    steps.push({ label: 'setRetention', command: { command: 'setRetention', actor: profileId, now: tick(), profileId,
      setting: k < PROFILES.length ? '3_months' : 'until_deleted', requestId: `ret-${k}` } });
  }
  return steps;
}

// ---------------------------------------------------------------- native

function runNative(script, files) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-state-'));
  try {
    const lines = [];
    for (const step of script) {
      if (step.op === 'load') {
        const path = join(dir, `${step.label}.json`);
        writeFileSync(path, files[step.file]);
        lines.push(`load\t-\t${path}`);
      } else {
        lines.push(`${step.op}\t${step.label}\t${step.command ? JSON.stringify(step.command) : '-'}`);
      }
    }
    writeFileSync(join(dir, 'script.txt'), `${lines.join('\n')}\n`);
    const program = nativeProgram('bench_state_native', process.env.BENCH_STATE_NATIVE);
    const run = spawnSync(program, [join(dir, 'script.txt')], { encoding: 'utf8', maxBuffer: 256 << 20 });
    if (run.status !== 0) throw new Error(`native benchmark failed (${run.status ?? run.signal}): ${run.stderr}`);
    return JSON.parse(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const resultText = (answer) => {
  const parsed = typeof answer === 'string' ? JSON.parse(answer) : answer;
  agree(parsed.type === 'success', `a native command failed: ${JSON.stringify(parsed).slice(0, 500)}`);
  return JSON.stringify(parsed.result);
};

// ---------------------------------------------------------------- main

main(async () => {
  const targets = new Targets('state');
  const { createPrivacyEngine } = await importPackage();
  console.log(`state in and out, intake, small changes: one household grown to ${int(options.recordings)} recordings `
    + `(${PROFILES.length} adult profiles, ${DEVICES.length} devices; audio, a transcript and 3 derived items each) `
    + `in batches of ${int(BATCH)}\n${machine()}\n`);

  // ---- the package: intake, the texts at 10,000 and 100,000, the small changes
  const engine = await createPrivacyEngine();
  for (const { command, ...input } of SET_UP) engine.execute(command, input);
  const intakeMs = [];
  const texts = {};
  await profiled('state-intake', () => {
    for (let from = 0; from < options.recordings; from += BATCH) {
      const { command, ...input } = batch(from);
      const { ms, value } = timed(() => engine.addRecordings(input));
      agree(value.added === input.recordings.length, `addRecordings added ${value.added} of ${input.recordings.length}`);
      intakeMs.push(ms);
      const size = from + input.recordings.length;
      if (SIZES.includes(size)) texts[size] = engine.exportStateJson({ actor: 'g1' });
    }
  });
  const steps = changes();
  const packageChanges = {};
  await profiled('state-changes-at-full-size', () => {
    for (const { label, expect, command: { command: method, ...input } } of steps) {
      const { ms, value } = timed(() => engine[method](input));
      if (label === '-') continue;
      (packageChanges[label] ??= { ms: [], results: [] }).ms.push(ms);
      packageChanges[label].results.push(JSON.stringify(value));
      const deleted = value.recordingIds ?? value.receipt?.recordingIds;
      if (expect !== undefined) agree(deleted?.length === expect, `${label} deleted ${deleted?.length} recordings, not ${expect}`);
    }
  });
  const packageHead = JSON.stringify(engine.overview({ actor: 'g1' }).auditHead);
  engine.close();

  // ---- the package: import and export again of each text, beside JSON.parse + JSON.stringify
  const roundTrips = {};
  for (const size of SIZES) {
    const text = texts[size];
    const repeats = size >= 100_000 ? 3 : 5;
    const runs = { import: [], export: [], parse: [], stringify: [] };
    for (let r = 0; r < repeats; r += 1) {
      const target = await createPrivacyEngine();
      const [imported, exported] = await profiled(`state-import-export-${size}${r ? `-${r}` : ''}`, () => {
        const imported = timed(() => target.importState({ actor: 'g1', now: NOW + DAY, state: text }));
        return [imported, timed(() => target.exportStateJson({ actor: 'g1' }))];
      });
      agree(imported.value.outcome === 'loaded', `importState of ${size} answered ${JSON.stringify(imported.value).slice(0, 300)}`);
      agree(exported.value === text, `the ${int(size)}-recording state does not export back byte for byte after importState`);
      target.close();
      runs.import.push(imported.ms);
      runs.export.push(exported.ms);
      const parsed = timed(() => JSON.parse(text));
      const stringified = timed(() => JSON.stringify(parsed.value));
      agree(stringified.value.length > 0, 'JSON.stringify gave nothing');
      runs.parse.push(parsed.ms);
      runs.stringify.push(stringified.ms);
    }
    roundTrips[size] = { text, repeats, ...Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)])) };
  }

  // ---- the plain-JS baseline's intake of the same batches
  const baseline = new BaselineRetention();
  for (const { command, ...input } of SET_UP) baseline[command](input);
  let baselineIntakeMs = 0;
  for (let from = 0; from < Math.min(options.recordings, 100_000); from += BATCH) {
    const { command, ...input } = batch(from);
    baselineIntakeMs += timed(() => baseline.addRecordings(input)).ms;
  }
  const baselineUs = (baselineIntakeMs * 1000) / Math.min(options.recordings, 100_000);

  // ---- native: the same script
  const script = [
    ...SET_UP.map((command) => ({ op: 'run', label: '-', command })),
  ];
  for (let from = 0; from < options.recordings; from += BATCH) {
    script.push({ op: 'run', label: 'intake', command: batch(from) });
    const size = Math.min(from + BATCH, options.recordings);
    if (SIZES.includes(size)) script.push({ op: 'export', label: `export${size}`, command: { command: 'exportState', actor: 'g1' } });
  }
  for (const { label, command } of steps) script.push({ op: 'run', label, command });
  script.push({ op: 'run', label: 'overview', command: { command: 'overview', actor: 'g1' } });
  for (const size of SIZES) {
    script.push({ op: 'load', label: `text${size}`, file: size });
    for (let r = 0; r < 3; r += 1) {
      script.push({ op: 'import', label: `import${size}`, command: { command: 'importState', actor: 'g1', now: NOW + DAY } });
    }
    script.push({ op: 'export', label: `reexport${size}`, command: { command: 'exportState', actor: 'g1' } });
  }
  console.log('native ...');
  const native = runNative(script, texts);

  // ---- agreement
  for (const size of SIZES) {
    const hash = hex(fnv1a(texts[size]));
    agree(native[`export${size}`].hashes[0] === hash, `the ${int(size)}-recording state differs between the package and the native build `
      + `(native ${native[`export${size}`].bytes[0]} bytes fnv1a ${native[`export${size}`].hashes[0]}, package ${Buffer.byteLength(texts[size])} bytes fnv1a ${hash})`);
    agree(native[`reexport${size}`].hashes[0] === hash, `natively, the ${int(size)}-recording state does not export back byte for byte after importState`);
  }
  for (const [label, { results }] of Object.entries(packageChanges)) {
    results.forEach((result, k) => agree(result === resultText(native[label].answers[k]),
      `${label} #${k + 1} answers differently natively and through the package:\n  native  ${resultText(native[label].answers[k]).slice(0, 400)}\n  package ${result.slice(0, 400)}`));
  }
  agree(packageHead === JSON.stringify(native.overview.answers[0].result.auditHead),
    `the household ends with a different audit head natively and through the package`);
  console.log('agreement: the package and the native build export byte-identical states at every size, each state imports and '
    + 'exports back byte for byte, every timed change answers the same (receipts included) and both end at the same audit head\n');

  // ---- figures
  const rows = [];
  for (const size of SIZES) {
    const t = roundTrips[size];
    const mb = Buffer.byteLength(t.text) / 1e6;
    const nativeImport = median(native[`import${size}`].ms);
    rows.push([`${int(size)} (${fixed(mb)} MB)`, 'package importState + exportStateJson', fixed(t.import), fixed(t.export), fixed(t.import + t.export),
      `${fixed((t.import + t.export) / (t.parse + t.stringify), 2)}x`]);
    rows.push(['', 'Node JSON.parse + JSON.stringify (baseline)', fixed(t.parse), fixed(t.stringify), fixed(t.parse + t.stringify), '1.00x']);
    rows.push(['', 'native import + export', fixed(nativeImport), fixed(native[`export${size}`].ms[0]),
      fixed(nativeImport + native[`export${size}`].ms[0]), `${fixed((nativeImport + native[`export${size}`].ms[0]) / (t.parse + t.stringify), 2)}x`]);
  }
  console.log(table(['recordings (state)', 'what (medians)', 'in ms', 'out ms', 'total ms', 'x JSON'], rows));
  const intakeUs = (ms) => (ms.reduce((a, b) => a + b, 0) * 1000) / (ms.length * BATCH);
  const first10 = intakeMs.slice(0, 10);
  const nativeIntakeUs = intakeUs(native.intake.ms);
  console.log(`\nintake in batches of ${int(BATCH)} (us per recording): package ${fixed(intakeUs(first10), 2)} to 100,000, `
    + `${fixed(intakeUs(intakeMs), 2)} to ${int(options.recordings)} (last batch ${fixed((intakeMs.at(-1) * 1000) / BATCH, 2)}); `
    + `native ${fixed(nativeIntakeUs, 2)}; plain-JS baseline ${fixed(baselineUs, 2)} (to 100,000)`);
  const changeRows = ['deleteById', 'justSaid', 'setRetention'].map((label) => {
    const p = packageChanges[label].ms;
    const n = native[label].ms;
    return [label, fixed(median(n), 3), fixed(n[0], 3), fixed(Math.max(...n), 3), fixed(median(p), 3), fixed(p[0], 3), fixed(Math.max(...p), 3)];
  });
  console.log(`\nat ${int(options.recordings)} recordings, ms (${options.repeats} each)\n${table(
    ['change', 'native median', 'native first', 'native max', 'package median', 'package first', 'package max'], changeRows)}\n`);

  for (const [size, id] of [[10_000, '2a'], [100_000, '2b']]) {
    const t = roundTrips[size];
    if (!t) continue;
    const ratio = (t.import + t.export) / (t.parse + t.stringify);
    targets.add(id, `importState + exportStateJson, ${int(size)} recordings, package vs JSON.parse + JSON.stringify`,
      `${fixed(ratio, 2)}x (${fixed(t.import + t.export)} ms vs ${fixed(t.parse + t.stringify)} ms)`, '<= 2x', ratio <= 2);
  }
  const biggest = SIZES.at(-1);
  const mbPerSecond = Buffer.byteLength(texts[biggest]) / 1e3 / median(native[`import${biggest}`].ms);
  const parseMbPerSecond = Buffer.byteLength(texts[biggest]) / 1e3 / roundTrips[biggest].parse;
  targets.add('2c', `native importState, ${int(biggest)} recordings`, `${fixed(mbPerSecond, 0)} MB/s`, '>= 200 MB/s', mbPerSecond >= 200,
    `Node JSON.parse ${fixed(parseMbPerSecond, 0)} MB/s`);
  targets.add('3', `addRecordings, batches of ${int(BATCH)}, package`, `${fixed(intakeUs(intakeMs), 2)} us/recording`, '<= 3 us',
    intakeUs(intakeMs) <= 3, `to ${int(options.recordings)}; native ${fixed(nativeIntakeUs, 2)}, plain JS ${fixed(baselineUs, 2)}`);
  const at = `at ${int(options.recordings)}`;
  for (const [label, what, idNative, idPackage] of [['deleteById', 'deleteRecordings by id', '4a', '4b'],
    ['justSaid', 'deleteRecordings just_said', '4c', '4d'], ['setRetention', 'setRetention', '4e', '4f']]) {
    const n = median(native[label].ms);
    const p = median(packageChanges[label].ms);
    targets.add(idNative, `${what} ${at}, native`, `${fixed(n, 3)} ms`, '<= 1 ms', n <= 1);
    targets.add(idPackage, `${what} ${at}, package`, `${fixed(p, 3)} ms`, '<= 3 ms', p <= 3);
  }
  targets.save();
});
