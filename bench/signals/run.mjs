// Ad signals benchmark (issue 5; DESIGN.md "bench/"): in one run,
//   - TC string decode plus ad decision per second: ours through the package
//     (wasm, `decideAds`), ours native (C++ API and Engine::execute_json),
//     against @iabtechlabtcf/core's TCString.decode alone;
//   - usnat GPP decode per second: ours (package `decodeGpp`, and `decideAds`
//     with the decision) and native, against @iabgpp/cmpapi's GppModel;
// on realistic TCF v2.3 strings of about 600 characters (bit-field vendor
// consents, legitimate interests and disclosed vendors over the IAB's GVL
// fixture at policy 5, tests/data/tcf; publisher restrictions) made by the
// reference encoder from a fixed seed, and consistent usnat strings (a
// contradictory one fails closed, R-SIG-2). The native decode time is printed
// beside its aim (issue 10, target 1: at most 2 us).
// Every string is first decoded by both sides and the results compared, so
// the figures are for the same work.
//
// Usage: node bench/signals/run.mjs [--strings N] [--seconds S]
// BENCH_DIST and BENCH_SIGNALS_NATIVE override where the package and the native program are.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { TCModel, TCString, GVL, PurposeRestriction } from '@iabtechlabtcf/core';
import { GppModel } from '@iabgpp/cmpapi';
import { rng } from '../../tests/js/seeded-random.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const options = { strings: 200, seconds: 1 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const name = argv[i].replace(/^--/, '');
  const value = Number(argv[i + 1]);
  if (!(name in options) || !(value > 0)) throw new Error(`unknown option ${argv[i]} ${argv[i + 1] ?? ''}`);
  options[name] = value;
}
const distDir = resolve(root, process.env.BENCH_DIST ?? 'dist');
const nativePath = resolve(root, process.env.BENCH_SIGNALS_NATIVE ?? 'build/bench_signals_native');
const { createPrivacyEngine } = await import(pathToFileURL(join(distDir, 'index.mjs')).href);

// ---------------------------------------------------------------- inputs


// A TCF policy-5 vendor list (tests/data/tcf), so the strings are current v2.3 ones.
const vendorList = JSON.parse(readFileSync(resolve(root, 'tests/data/tcf/vendor-list-v3-policy5.json'), 'utf8'));
const gvl = new GVL(vendorList);
const gvlIds = Object.keys(vendorList.vendors).map(Number).sort((a, b) => a - b);

function tcStrings(count) {
  const r = rng(20261129);
  const out = [];
  for (let n = 0; n < count; n += 1) {
    const m = new TCModel(gvl);
    m.cmpId = r.int(2, 4000);
    m.cmpVersion = r.int(1, 100);
    m.publisherCountryCode = 'DE';
    m.created = new Date(Date.UTC(2026, 0, 1) + r.int(0, 300) * 86400000);
    m.lastUpdated = m.created;
    m.purposeConsents.set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].filter(() => r.bool(0.85)));
    m.purposeLegitimateInterests.set([2, 7, 8, 9, 10, 11].filter(() => r.bool(0.7)));
    m.specialFeatureOptins.set([1, 2].filter(() => r.bool(0.5)));
    m.vendorConsents.set(gvlIds.filter(() => r.bool(0.6)));
    m.vendorLegitimateInterests.set(gvlIds.filter(() => r.bool(0.4)));
    m.vendorsDisclosed.set(gvlIds.filter(() => r.bool(0.9)));
    for (const vendorId of gvlIds.slice(0, r.int(0, 40))) m.publisherRestrictions.add(vendorId, new PurposeRestriction(2, 1));
    out.push(TCString.encode(m, { segments: ['core', 'vendorsDisclosed'] }));
  }
  return out;
}

function usnatStrings(count) {
  const r = rng(7);
  const out = [];
  for (let n = 0; n < count; n += 1) {
    const m = new GppModel();
    m.setFieldValue('usnat', 'Version', r.int(1, 2));
    // Consistent strings (R-SIG-2 fails a contradictory one closed): every
    // notice given, each opt-out chosen or not.
    for (const field of ['SharingNotice', 'SaleOptOutNotice', 'SharingOptOutNotice', 'TargetedAdvertisingOptOutNotice',
      'SensitiveDataProcessingOptOutNotice', 'SensitiveDataLimitUseNotice']) m.setFieldValue('usnat', field, 1);
    for (const field of ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut']) m.setFieldValue('usnat', field, r.int(1, 2));
    m.setFieldValue('usnat', 'PersonalDataConsents', r.int(0, 1));
    m.setFieldValue('usnat', 'SensitiveDataProcessing', Array.from({ length: 16 }, () => r.int(0, 2)));
    m.setFieldValue('usnat', 'MspaCoveredTransaction', r.int(1, 2));
    m.setFieldValue('usnat', 'MspaOptOutOptionMode', 1);
    m.setFieldValue('usnat', 'MspaServiceProviderMode', 2);
    m.setFieldValue('usnat', 'GpcSegmentIncluded', r.bool());
    m.setFieldValue('usnat', 'Gpc', r.bool(0.2));
    out.push(m.encode());
  }
  return out;
}

// ---------------------------------------------------------------- measuring

function perSecond(inputs, one) {
  let ops = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < inputs.length; i += 1) sink += one(inputs[i]) ? 1 : 0;
    ops += inputs.length;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < options.seconds);
  if (sink < 0) console.log(sink);
  return ops / elapsed;
}

const fmt = (n) => Math.round(n).toLocaleString('en').padStart(11);
const ratio = (a, b) => `${(a / b).toFixed(1)}x`.padStart(7);

// ---------------------------------------------------------------- main

const tc = tcStrings(options.strings);
const gpp = usnatStrings(options.strings);
const meanLength = Math.round(tc.reduce((n, s) => n + s.length, 0) / tc.length);
console.log(`ad signals: ${tc.length} TC strings (mean ${meanLength} characters), ${gpp.length} usnat GPP strings; `
  + `at least ${options.seconds} s per measure, node ${process.version}\n`);

const engine = await createPrivacyEngine();
// Same work on both sides: every string decodes alike first.
for (const s of tc) {
  const ours = engine.decodeTcString({ tcString: s });
  const theirs = TCString.decode(s);
  let count = 0;
  theirs.vendorConsents.forEach((on) => { if (on) count += 1; });
  if (ours.vendorConsents.ids.length !== count || ours.cmpId !== theirs.cmpId) {
    throw new Error(`decoders disagree on ${s}`);
  }
}
for (const s of gpp) {
  if (engine.decodeGpp({ gppString: s }).sections[0].fields.saleOptOut !== new GppModel(s).getSection('usnat').SaleOptOut) {
    throw new Error(`decoders disagree on ${s}`);
  }
}

const results = {};
results.refTc = perSecond(tc, (s) => TCString.decode(s).cmpId);
results.wasmTcDecide = perSecond(tc, (s) => engine.decideAds({ age: 'unknown', context: 'general', tcString: s, vendorId: 755 }).level);
results.wasmTcDecode = perSecond(tc, (s) => engine.decodeTcString({ tcString: s }).cmpId);
results.refGpp = perSecond(gpp, (s) => new GppModel(s).getSection('usnat').Version);
results.wasmGppDecode = perSecond(gpp, (s) => engine.decodeGpp({ gppString: s }).version);
results.wasmGppDecide = perSecond(gpp, (s) => engine.decideAds({ age: 'unknown', context: 'general', gppString: s }).level);
engine.close();

let native = null;
if (existsSync(nativePath)) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-signals-'));
  try {
    writeFileSync(join(dir, 'tc.txt'), tc.join('\n'));
    writeFileSync(join(dir, 'gpp.txt'), gpp.join('\n'));
    const run = spawnSync(nativePath, [join(dir, 'tc.txt'), join(dir, 'gpp.txt'), String(options.seconds)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`native benchmark failed: ${run.stderr}`);
    native = JSON.parse(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  console.log(`(no ${nativePath}: build it with scripts/build.sh for the native column)\n`);
}

const rows = [
  ['TC string', '@iabtechlabtcf/core TCString.decode (decode only)', results.refTc, results.refTc],
  ['', 'ours, package (wasm): decideAds = decode + decision', results.wasmTcDecide, results.refTc],
  ['', 'ours, package (wasm): decodeTcString, full JSON', results.wasmTcDecode, results.refTc],
  ...(native ? [
    ['', 'ours, native: decide_ads = decode + decision', native.tcDecide, results.refTc],
    ['', 'ours, native: Engine::execute_json decideAds', native.tcEngine, results.refTc],
    ['', 'ours, native: decode_tc_string only', native.tcDecode, results.refTc],
  ] : []),
  ['usnat (GPP)', '@iabgpp/cmpapi GppModel + getSection (decode only)', results.refGpp, results.refGpp],
  ['', 'ours, package (wasm): decodeGpp, full JSON', results.wasmGppDecode, results.refGpp],
  ['', 'ours, package (wasm): decideAds = decode + decision', results.wasmGppDecide, results.refGpp],
  ...(native ? [
    ['', 'ours, native: decide_ads = decode + decision', native.gppDecide, results.refGpp],
    ['', 'ours, native: decode_gpp only', native.gppDecode, results.refGpp],
  ] : []),
];
console.log(`${'signal'.padEnd(12)} ${'what'.padEnd(52)} ${'per second'.padStart(11)} ${'vs ref'.padStart(7)}`);
console.log(`${'-'.repeat(12)} ${'-'.repeat(52)} ${'-'.repeat(11)} ${'-'.repeat(7)}`);
for (const [signal, what, value, base] of rows) console.log(`${signal.padEnd(12)} ${what.padEnd(52)} ${fmt(value)} ${ratio(value, base)}`);
const aimTc = results.wasmTcDecide / results.refTc;
const aimGpp = results.wasmGppDecide / results.refGpp;
console.log(`\naim (issue 5): through the package with the decision, at least 20x each: TC ${aimTc.toFixed(1)}x, usnat ${aimGpp.toFixed(1)}x`);
if (native) {
  const us = native.tcDecodeUs;
  console.log(`aim (issue 10, target 1, native): a 600-character TC string decodes in at most 2 us: `
    + `${us.toFixed(2)} us per string of ${native.tcMeanChars} characters on average ${us <= 2 ? 'MET' : 'MISSED'}`);
}
