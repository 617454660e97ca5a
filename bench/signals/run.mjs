// Ad signals benchmark (issue 10, target 1), in one run:
//   - decideAds with a TC string through the package vs @iabtechlabtcf/core's
//     TCString.decode on the same strings (aim: at least 50x);
//   - decideAds with a usnat GPP string vs @iabgpp/cmpapi's GppModel +
//     getSection (aim: at least 50x);
//   - the full decoders, decodeTcString and decodeGpp, vs the same references
//     (aim: at least 5x);
//   - natively, decode_tc_string alone (aim: a 600-character string in at most 2 us),
// on realistic TCF v2.3 strings of about 676 characters (bit-field vendor
// consents, legitimate interests and disclosed vendors over the IAB's GVL
// fixture at policy 5, tests/data/tcf; publisher restrictions) made by the
// reference encoder from a fixed seed, and consistent usnat strings. The
// decisions are an adult profile's in a household (jurisdiction DE for the TC
// strings, US-CA for usnat), so the signal decides.
// Before timing, every string is checked: our full decode equals the
// reference's field for field; decideAds's direct path equals its JSON path;
// the package's JSON answers are byte for byte the native build's.
//
// Usage: node bench/signals/run.mjs [--strings N] [--seconds S]
// BENCH_DIST and BENCH_SIGNALS_NATIVE override where the package and the native program are.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TCString } from '@iabtechlabtcf/core';
import { GppModel } from '@iabgpp/cmpapi';
import { tcStrings, usnatStrings } from './strings.mjs';
import {
  Targets, agree, fixed, fnv1a, hex, importPackage, int, machine, main, nativeProgram, perSecond, profiled, table,
} from '../lib/common.mjs';

const options = { strings: 200, seconds: 0.5 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const name = argv[i].replace(/^--/, '');
  const value = Number(argv[i + 1]);
  if (!(name in options) || !(value > 0)) throw new Error(`unknown option ${argv[i]} ${argv[i + 1] ?? ''}`);
  options[name] = value;
}

const T0 = Date.UTC(2026, 10, 1);  // the household's set-up and every decision's now

// ---------------------------------------------------------------- inputs

const SET_UP = [
  { command: 'createHousehold', actor: 'operator', now: T0, id: 'h1', name: 'Home',
    retentionPolicy: { categories: ['audio', 'transcript', 'derived'].map((category) => ({
      category, childMaxMonths: 18, adultMaxMonths: null, purpose: 'answering requests', businessNeed: 'answering requests' })) } },
  { command: 'addGuardian', actor: 'operator', now: T0, guardian: { id: 'g1', name: 'Ana', verified: true } },
  { command: 'addProfile', actor: 'g1', now: T0, profile: { id: 'a1', name: 'Sam', kind: 'adult' } },
];
const decideTc = (tcString) => ({ actor: 'a1', profileId: 'a1', context: 'general', jurisdiction: 'DE', tcString, vendorId: 755, now: T0 });
const decideGpp = (gppString) => ({ actor: 'a1', profileId: 'a1', context: 'general', jurisdiction: 'US-CA', gppString, now: T0 });

// ---------------------------------------------------------------- agreement

const vectorIds = (vector) => { const out = []; vector.forEach((on, id) => { if (on) out.push(id); }); return out; };
const ids = (set) => Array.from(set ?? []);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
/** JSON with the keys sorted: the direct path may build the answer's keys in another order. */
const canonical = (value) => JSON.stringify(value, (key, v) => (v && typeof v === 'object' && !Array.isArray(v)
  ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

function checkTc(s, ours, ref) {
  const fields = {};
  for (const key of ['version', 'cmpId', 'cmpVersion', 'consentScreen', 'consentLanguage', 'vendorListVersion',
    'policyVersion', 'isServiceSpecific', 'useNonStandardTexts', 'purposeOneTreatment', 'publisherCountryCode']) {
    fields[key] = [ours[key], ref[key]];
  }
  fields.created = [ours.created, ref.created.getTime()];
  fields.lastUpdated = [ours.lastUpdated, ref.lastUpdated.getTime()];
  for (const key of ['specialFeatureOptins', 'purposeConsents', 'purposeLegitimateInterests']) fields[key] = [ids(ours[key]), vectorIds(ref[key])];
  for (const key of ['vendorConsents', 'vendorLegitimateInterests', 'vendorsDisclosed']) {
    fields[key] = [ids(ours[key]?.ids), vectorIds(ref[key])];
    fields[`${key}.maxVendorId`] = [ours[key]?.maxVendorId, ref[key].maxId];
  }
  const restricted = (list) => list.flatMap((pr) => pr.ids.map((id) => `${pr.purposeId}-${pr.restrictionType}-${id}`)).sort();
  fields.publisherRestrictions = [
    restricted(ours.publisherRestrictions.map((pr) => ({ ...pr,
      ids: Array.from(pr.vendors).flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, k) => first + k)) }))),
    // PurposeRestriction keeps purposeId behind a getter: a spread would lose it.
    restricted(ref.publisherRestrictions.getRestrictions().map((pr) => ({ purposeId: pr.purposeId,
      restrictionType: pr.restrictionType, ids: ref.publisherRestrictions.getVendors(pr) }))),
  ];
  for (const [field, [a, b]] of Object.entries(fields)) {
    agree(same(a, b), `decodeTcString and TCString.decode differ on ${field} of ${s}: ours ${JSON.stringify(a)?.slice(0, 200)}, `
      + `reference ${JSON.stringify(b)?.slice(0, 200)}`);
  }
}

const USNAT = ['Version', 'SharingNotice', 'SaleOptOutNotice', 'SharingOptOutNotice', 'TargetedAdvertisingOptOutNotice',
  'SensitiveDataProcessingOptOutNotice', 'SensitiveDataLimitUseNotice', 'SaleOptOut', 'SharingOptOut',
  'TargetedAdvertisingOptOut', 'PersonalDataConsents', 'MspaCoveredTransaction', 'MspaOptOutOptionMode',
  'MspaServiceProviderMode', 'SensitiveDataProcessing', 'KnownChildSensitiveDataConsents'];
const camel = (name) => name[0].toLowerCase() + name.slice(1);

function checkGpp(s, ours, ref) {
  agree(same(ids(ours.sectionIds), ref.getSectionIds()), `decodeGpp and GppModel differ on the section ids of ${s}`);
  const got = ours.sections.find((section) => section.name === 'usnat')?.fields;
  const want = ref.getSection('usnat');
  agree(got, `decodeGpp found no usnat section in ${s}`);
  for (const field of USNAT) {
    const a = Array.isArray(want[field]) ? ids(got[camel(field)]) : got[camel(field)];
    agree(same(a, want[field]), `decodeGpp and GppModel differ on usnat ${field} of ${s}: ours ${JSON.stringify(a)}, reference ${JSON.stringify(want[field])}`);
  }
  const included = ref.getFieldValue('usnat', 'GpcSegmentIncluded');
  agree((got.gpc !== null && got.gpc !== undefined) === included && (!included || got.gpc === want.Gpc),
    `decodeGpp and GppModel differ on usnat Gpc of ${s}`);
}

/** The native program's answers, hashed per group, and its timings. */
function runNative(tc, gpp, lines) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-signals-'));
  try {
    writeFileSync(join(dir, 'tc.txt'), tc.join('\n'));
    writeFileSync(join(dir, 'gpp.txt'), gpp.join('\n'));
    writeFileSync(join(dir, 'commands.txt'), lines.join('\n'));
    const program = nativeProgram('bench_signals_native', process.env.BENCH_SIGNALS_NATIVE);
    const run = spawnSync(program, [join(dir, 'tc.txt'), join(dir, 'gpp.txt'), join(dir, 'commands.txt'), String(options.seconds)],
      { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`native benchmark failed (${run.status ?? run.signal}): ${run.stderr}`);
    return JSON.parse(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- main

main(async () => {
  const targets = new Targets('signals');
  const { createPrivacyEngine } = await importPackage();
  const tc = tcStrings(options.strings);
  const gpp = usnatStrings(options.strings);
  const meanLength = tc.reduce((n, s) => n + s.length, 0) / tc.length;
  console.log(`ad signals: ${tc.length} TC strings (mean ${fixed(meanLength, 0)} characters), ${gpp.length} usnat GPP strings; `
    + `best of 3 measures of at least ${options.seconds} s each\n${machine()}\n`);

  const engine = await createPrivacyEngine();
  for (const { command, ...input } of SET_UP) engine.execute(command, input);

  // The same answers everywhere, before any timing.
  const groups = {
    decideTc: tc.map((s) => ({ command: 'decideAds', ...decideTc(s) })),
    decideGpp: gpp.map((s) => ({ command: 'decideAds', ...decideGpp(s) })),
    decodeTc: tc.map((tcString) => ({ command: 'decodeTcString', tcString })),
    decodeGpp: gpp.map((gppString) => ({ command: 'decodeGpp', gppString })),
  };
  const lines = [...SET_UP.map((c) => JSON.stringify(c))];
  for (const [name, commands] of Object.entries(groups)) lines.push(`#${name}`, ...commands.map((c) => JSON.stringify(c)));
  const native = runNative(tc, gpp, lines);
  for (const [name, commands] of Object.entries(groups)) {
    const hash = commands.reduce((h, c) => fnv1a(`${engine.executeJson(JSON.stringify(c))}\n`, h), 0x811c9dc5);
    agree(hex(hash) === native.hashes[name], `the package's and the native build's ${name} answers differ `
      + `(fnv1a ${hex(hash)} vs ${native.hashes[name]})`);
  }
  const levels = {};
  for (const [list, input] of [[tc, decideTc], [gpp, decideGpp]]) {
    for (const s of list) {
      const direct = engine.decideAds(input(s));
      const viaJson = engine.execute('decideAds', input(s)).result;
      agree(canonical(direct) === canonical(viaJson), `decideAds answers differently from its JSON path for ${s}:\n`
        + `  ${canonical(direct)}\n  ${canonical(viaJson)}`);
      agree(!direct.errors, `decideAds failed closed on ${s}: ${JSON.stringify(direct.errors)}`);
      const key = `${direct.level} (${direct.reasons.join(' ')})`;
      levels[key] = (levels[key] ?? 0) + 1;
    }
  }
  for (const s of tc) checkTc(s, engine.decodeTcString({ tcString: s }), TCString.decode(s));
  for (const s of gpp) checkGpp(s, engine.decodeGpp({ gppString: s }), new GppModel(s));
  console.log(`agreement: every decode equals the reference's field for field; decideAds's direct path equals its JSON path; `
    + `the package's answers are byte for byte the native build's\ndecisions: ${Object.entries(levels).map(([k, n]) => `${n} x ${k}`).join('; ')}\n`);

  const tcInputs = tc.map(decideTc);
  const gppInputs = gpp.map(decideGpp);
  const tcDecodeInputs = tc.map((tcString) => ({ tcString }));
  const gppDecodeInputs = gpp.map((gppString) => ({ gppString }));
  const measure = (inputs, one) => perSecond(inputs, one, { seconds: options.seconds });
  const r = {};
  r.refTc = measure(tc, (s) => TCString.decode(s).cmpId);
  r.tcDecide = await profiled('signals-decideAds-tc', () => measure(tcInputs, (input) => engine.decideAds(input).level));
  r.tcDecode = await profiled('signals-decodeTcString', () => measure(tcDecodeInputs, (input) => engine.decodeTcString(input).cmpId));
  r.refGpp = measure(gpp, (s) => new GppModel(s).getSection('usnat').Version);
  r.gppDecide = await profiled('signals-decideAds-usnat', () => measure(gppInputs, (input) => engine.decideAds(input).level));
  r.gppDecode = await profiled('signals-decodeGpp', () => measure(gppDecodeInputs, (input) => engine.decodeGpp(input).version));
  engine.close();

  const rows = [
    ['TC string', '@iabtechlabtcf/core TCString.decode (baseline)', r.refTc, r.refTc],
    ['', 'package: decideAds (decode + decision)', r.tcDecide, r.refTc],
    ['', 'package: decodeTcString, the full answer', r.tcDecode, r.refTc],
    ['', 'native: decide_ads, C++ API', native.tcDecide, r.refTc],
    ['', 'native: Engine::execute_json decideAds', native.tcEngine, r.refTc],
    ['', 'native: decode_tc_string', native.tcDecode, r.refTc],
    ['usnat (GPP)', '@iabgpp/cmpapi GppModel + getSection (baseline)', r.refGpp, r.refGpp],
    ['', 'package: decideAds (decode + decision)', r.gppDecide, r.refGpp],
    ['', 'package: decodeGpp, the full answer', r.gppDecode, r.refGpp],
    ['', 'native: decide_ads, C++ API', native.gppDecide, r.refGpp],
    ['', 'native: decode_gpp', native.gppDecode, r.refGpp],
  ];
  console.log(table(['signal', 'what', 'per second', 'x baseline'], rows.map(([signal, what, value, base]) => [
    signal, what, int(value), `${fixed(value / base)}x`])));
  console.log('');
  const times = (a, b) => `${fixed(a / b)}x (${int(a)}/s vs ${int(b)}/s)`;
  targets.add('1a', 'decideAds, TC string, package vs TCString.decode', times(r.tcDecide, r.refTc), '>= 50x', r.tcDecide / r.refTc >= 50);
  targets.add('1b', 'decideAds, usnat GPP, package vs GppModel+getSection', times(r.gppDecide, r.refGpp), '>= 50x', r.gppDecide / r.refGpp >= 50);
  targets.add('1c', 'decodeTcString full answer vs TCString.decode', times(r.tcDecode, r.refTc), '>= 5x', r.tcDecode / r.refTc >= 5);
  targets.add('1d', 'decodeGpp full answer vs GppModel+getSection', times(r.gppDecode, r.refGpp), '>= 5x', r.gppDecode / r.refGpp >= 5);
  targets.add('1e', 'native decode_tc_string', `${fixed(native.tcDecodeUs, 2)} us (${fixed(native.tcMeanChars, 0)}-char strings)`,
    '<= 2 us', native.tcDecodeUs <= 2);
  targets.save();
});
