// Parity with the IAB's own libraries (issues 5 and 11): thousands of TC and
// GPP strings made by the reference encoders (@iabtechlabtcf/core and
// @iabgpp/cmpapi) from seeded random choices, decoded by our package and by
// the reference decoders, every field compared. A difference fails with the
// string and the field. The TC strings are TCF v2.3 ones (policy 5, from
// tests/data/tcf/vendor-list-v3-policy5.json) and v2.2 ones (policy 4, the
// IAB's fixture) from before and after 2026-03-01, with the optional segments
// in any order after the core (R-SIG-1). Every US GPP section has its own
// file (signals-parity-us.test.mjs). Then the inputs where the reference is
// lenient and we are strict (README "Where the decoders are stricter than
// the IAB libraries"), one test each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { TCModel, TCString, GVL, PurposeRestriction } from '@iabtechlabtcf/core';
import { GppModel, RangeEntry } from '@iabgpp/cmpapi';
import { createPrivacyEngine, PrivacyError } from 'family-privacy';
import { rng } from './seeded-random.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
// CI has shared/ beside the clone.
const vendorList = JSON.parse(readFileSync(resolve(root, '../shared/data/tcf/vendor-list-v2.2.json'), 'utf8'));
const currentList = JSON.parse(readFileSync(resolve(root, 'tests/data/tcf/vendor-list-v3-policy5.json'), 'utf8'));
const V23_SINCE = Date.UTC(2026, 2, 1);

export const TC_COUNT = 1200;
export const GPP_COUNT = 1200;
const SEED = 0x5eed2025;


const range = (lo, hi) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
const sorted = (ids) => [...ids].sort((a, b) => a - b);
const vectorIds = (vector) => { const out = []; vector.forEach((on, id) => { if (on) out.push(id); }); return out; };
const boolIds = (bools) => bools.flatMap((on, i) => (on ? [i + 1] : []));
const expand = (ranges) => ranges.flatMap(([first, last]) => range(first, last));

// A vendor subset in one of several shapes, so both encodings and long ranges occur.
function vendorSubset(r, ids) {
  switch (r.int(0, 4)) {
    case 0: return [];
    case 1: return r.subset(ids, r.pick([0.02, 0.1, 0.5, 0.9]));
    case 2: { // long runs: the encoder picks range encoding
      const start = r.int(0, ids.length - 1);
      return ids.slice(start, start + r.int(1, 400));
    }
    case 3: return ids.slice(0, r.int(1, 60));
    default: return r.subset(ids.slice(0, r.int(1, ids.length)), 0.7);
  }
}

function compare(label, text, ours, theirs, failures) {
  const a = JSON.stringify(ours);
  const b = JSON.stringify(theirs);
  if (a !== b) failures.push(`${text}\n  field ${label}: ours ${a.slice(0, 200)} reference ${b.slice(0, 200)}`);
}

function check(failures, count) {
  assert.equal(failures.length, 0, `${failures.length} of ${count} strings differ:\n${failures.slice(0, 5).join('\n')}`);
}

// Publisher restrictions as {"purpose-type": [vendor ids]}.
function restrictionMap(entries) {
  const map = {};
  for (const { purposeId, restrictionType, ids } of entries) {
    const key = `${purposeId}-${restrictionType}`;
    map[key] = sorted(new Set([...(map[key] ?? []), ...ids]));
  }
  return Object.fromEntries(Object.entries(map).filter(([, ids]) => ids.length).sort());
}

let engine;
test.before(async () => { engine = await createPrivacyEngine(); });
test.after(() => engine.close());

test(`${TC_COUNT} TC strings from @iabtechlabtcf/core decode field for field as the reference decodes them`, () => {
  const r = rng(SEED);
  const gvls = ['EN', 'DE', 'FR', 'ES', 'PL'].flatMap((language) => [vendorList, currentList]
    .map((list) => new GVL(structuredClone(list), { language })));
  const gvlIds = sorted(Object.keys(vendorList.vendors).map(Number));
  const failures = [];
  const stats = { bitField: 0, range: 0, restrictions: 0, disclosed: 0, publisherTC: 0, v23: 0, policy5: 0, dvFirst: 0, chars: 0 };
  for (let n = 0; n < TC_COUNT; n += 1) {
    const gvl = r.pick(gvls);
    const model = new TCModel(gvl);
    model.cmpId = r.int(2, 4095);
    model.cmpVersion = r.int(0, 4095);
    model.consentScreen = r.int(0, 63);
    model.publisherCountryCode = String.fromCharCode(65 + r.int(0, 25), 65 + r.int(0, 25));
    model.isServiceSpecific = true;  // a string with 0 is refused (R-SIG-1): see "lenient 11"
    model.useNonStandardTexts = r.bool();
    model.purposeOneTreatment = r.bool(0.2);
    model.created = new Date(Date.UTC(2024, 0, 1) + r.int(0, 3 * 365 * 86400) * 1000 + r.int(0, 9) * 100);
    model.lastUpdated = new Date(model.created.getTime() + r.int(0, 86400) * 1000);
    model.purposeConsents.set(r.subset(range(1, 24), r.pick([0.2, 0.6, 0.95])));
    model.purposeLegitimateInterests.set(r.subset(range(1, 24), 0.5));
    model.specialFeatureOptins.set(r.subset(range(1, 12), 0.4));
    model.vendorConsents.set(vendorSubset(r, gvlIds));
    model.vendorLegitimateInterests.set(vendorSubset(r, gvlIds));
    // Publisher restrictions: never one vendor under two types for one purpose.
    const typeOf = new Map();
    for (let k = r.int(0, 4); k > 0; k -= 1) {
      const purposeId = r.int(1, 11);
      const type = r.int(0, 2);
      for (const vendorId of vendorSubset(r, gvlIds).slice(0, 300)) {
        if ((typeOf.get(`${purposeId}/${vendorId}`) ?? type) !== type) continue;
        typeOf.set(`${purposeId}/${vendorId}`, type);
        model.publisherRestrictions.add(vendorId, new PurposeRestriction(purposeId, type));
      }
    }
    model.publisherConsents.set(r.subset(range(1, 24), 0.5));
    model.publisherLegitimateInterests.set(r.subset(range(1, 24), 0.3));
    const custom = r.int(0, 20);
    if (custom) {
      model.numCustomPurposes = custom;
      model.publisherCustomConsents.set(r.subset(range(1, custom), 0.5));
      model.publisherCustomLegitimateInterests.set(r.subset(range(1, custom), 0.5));
    }
    model.vendorsDisclosed.set(vendorSubset(r, gvlIds));
    // Disclosed Vendors is mandatory from 2026-03-01 (v2.3); the segments after the core in either order.
    const v23 = model.lastUpdated.getTime() >= V23_SINCE;
    const extra = r.subset(['vendorsDisclosed', 'publisherTC'], 0.5);
    if (v23 && !extra.includes('vendorsDisclosed')) extra.push('vendorsDisclosed');
    if (r.bool()) extra.reverse();
    const segments = ['core', ...extra];
    stats.v23 += v23 ? 1 : 0;
    stats.policy5 += gvl.tcfPolicyVersion === 5 ? 1 : 0;
    stats.dvFirst += extra[0] === 'vendorsDisclosed' && extra.length === 2 ? 1 : 0;
    const text = TCString.encode(model, { segments });
    stats.chars += text.length;

    const ref = TCString.decode(text);
    let ours;
    try {
      ours = engine.decodeTcString({ tcString: text });
    } catch (error) {
      failures.push(`${text}\n  ours threw ${error.code}: ${error.message}`);
      continue;
    }
    const cmp = (label, a, b) => compare(label, text, a, b, failures);
    for (const key of ['version', 'cmpId', 'cmpVersion', 'consentScreen', 'consentLanguage', 'vendorListVersion',
      'policyVersion', 'isServiceSpecific', 'useNonStandardTexts', 'purposeOneTreatment', 'publisherCountryCode']) {
      cmp(key, ours[key], ref[key]);
    }
    cmp('created', ours.created, ref.created.getTime());
    cmp('lastUpdated', ours.lastUpdated, ref.lastUpdated.getTime());
    for (const key of ['specialFeatureOptins', 'purposeConsents', 'purposeLegitimateInterests']) cmp(key, ours[key], vectorIds(ref[key]));
    for (const key of ['vendorConsents', 'vendorLegitimateInterests']) {
      cmp(`${key}.ids`, ours[key].ids, vectorIds(ref[key]));
      cmp(`${key}.maxVendorId`, ours[key].maxVendorId, ref[key].maxId);
      stats[ours[key].isRangeEncoding ? 'range' : 'bitField'] += 1;
    }
    const refRestrictions = ref.publisherRestrictions.getRestrictions().map((pr) => ({
      purposeId: pr.purposeId, restrictionType: pr.restrictionType, ids: ref.publisherRestrictions.getVendors(pr) }));
    const ourRestrictions = ours.publisherRestrictions.map((pr) => ({ ...pr, ids: expand(pr.vendors) }));
    cmp('publisherRestrictions', restrictionMap(ourRestrictions), restrictionMap(refRestrictions));
    stats.restrictions += ours.publisherRestrictions.length;
    // Optional segments: present in ours exactly when encoded; the reference leaves them empty otherwise.
    cmp('vendorsDisclosed present', ours.vendorsDisclosed !== null, segments.includes('vendorsDisclosed'));
    cmp('vendorsDisclosed.ids', ours.vendorsDisclosed?.ids ?? [], vectorIds(ref.vendorsDisclosed));
    if (ours.vendorsDisclosed) stats.disclosed += 1;
    cmp('publisherTC present', ours.publisherTC !== null, segments.includes('publisherTC'));
    if (ours.publisherTC) {
      stats.publisherTC += 1;
      for (const key of ['publisherConsents', 'publisherLegitimateInterests', 'publisherCustomConsents', 'publisherCustomLegitimateInterests']) {
        cmp(`publisherTC.${key}`, ours.publisherTC[key], vectorIds(ref[key]));
      }
      cmp('publisherTC.numCustomPurposes', ours.publisherTC.numCustomPurposes, ref.numCustomPurposes);
    }
  }
  check(failures, TC_COUNT);
  // The generated strings must cover what the issue asks for.
  assert.ok(stats.bitField > 100 && stats.range > 100, JSON.stringify(stats));
  assert.ok(stats.restrictions > 500 && stats.disclosed > 300 && stats.publisherTC > 300, JSON.stringify(stats));
  assert.ok(stats.v23 > 300 && stats.policy5 > 300 && stats.dvFirst > 100, JSON.stringify(stats));
  console.log(`# parity: ${TC_COUNT} TC strings, mean ${Math.round(stats.chars / TC_COUNT)} characters, ${JSON.stringify(stats)}`);
});

const USNAT_SINGLE = ['SharingNotice', 'SaleOptOutNotice', 'SharingOptOutNotice', 'TargetedAdvertisingOptOutNotice',
  'SensitiveDataProcessingOptOutNotice', 'SensitiveDataLimitUseNotice', 'SaleOptOut', 'SharingOptOut',
  'TargetedAdvertisingOptOut', 'PersonalDataConsents', 'MspaOptOutOptionMode', 'MspaServiceProviderMode'];
const camel = (name) => name[0].toLowerCase() + name.slice(1);

test(`${GPP_COUNT} GPP strings from @iabgpp/cmpapi (usnat v1 and v2 with GPC, tcfeuv2, uspv1) decode as the reference decodes them`, () => {
  const r = rng(SEED + 1);
  const failures = [];
  const stats = { usnat1: 0, usnat2: 0, gpcSubsection: 0, tcfeuv2: 0, uspv1: 0 };
  for (let n = 0; n < GPP_COUNT; n += 1) {
    const model = new GppModel();
    const sections = r.subset(['usnat', 'tcfeuv2', 'uspv1'], 0.5);
    if (!sections.length || r.bool(0.6)) sections.push('usnat');
    if (sections.includes('usnat')) {
      const version = r.int(1, 2);
      model.setFieldValue('usnat', 'Version', version);
      for (const field of USNAT_SINGLE) model.setFieldValue('usnat', field, r.int(0, 2));
      model.setFieldValue('usnat', 'MspaCoveredTransaction', r.int(1, 2));
      model.setFieldValue('usnat', 'SensitiveDataProcessing', range(1, 16).map(() => r.int(0, 2)));
      model.setFieldValue('usnat', 'KnownChildSensitiveDataConsents', range(1, 3).map(() => r.int(0, 2)));
      const gpc = r.bool(0.6);
      model.setFieldValue('usnat', 'GpcSegmentIncluded', gpc);
      if (gpc) model.setFieldValue('usnat', 'Gpc', r.bool());
    }
    if (sections.includes('uspv1')) {
      for (const field of ['Notice', 'OptOutSale', 'LspaCovered']) model.setFieldValue('uspv1', field, r.pick(['Y', 'N', '-']));
    }
    if (sections.includes('tcfeuv2')) {
      const set = (field, value) => model.setFieldValue('tcfeuv2', field, value);
      set('CmpId', r.int(2, 4095));
      set('CmpVersion', r.int(0, 4095));
      set('ConsentScreen', r.int(0, 63));
      set('ConsentLanguage', r.pick(['EN', 'DE', 'FR', 'NL']));
      set('VendorListVersion', r.int(1, 4095));
      set('PolicyVersion', r.int(4, 5));  // below 4 is refused (R-SIG-1)
      set('UseNonStandardStacks', r.bool());
      set('SpecialFeatureOptins', range(1, 12).map(() => r.bool(0.3)));
      set('PurposeConsents', range(1, 24).map(() => r.bool(0.6)));
      set('PurposeLegitimateInterests', range(1, 24).map(() => r.bool(0.4)));
      set('PurposeOneTreatment', r.bool(0.2));
      set('PublisherCountryCode', r.pick(['DE', 'FR', 'GB', 'IT', 'AA']));
      const ids = range(1, 1200);
      set('VendorConsents', vendorSubset(r, ids));
      set('VendorLegitimateInterests', vendorSubset(r, ids));
      const restrictions = [];
      const used = new Map();
      for (let k = r.int(0, 3); k > 0; k -= 1) {
        const key = r.int(1, 11);
        const type = r.int(0, 2);
        const free = vendorSubset(r, ids).slice(0, 200).filter((v) => (used.get(`${key}/${v}`) ?? type) === type);
        free.forEach((v) => used.set(`${key}/${v}`, type));
        if (free.length) restrictions.push(new RangeEntry(key, type, free));
      }
      set('PublisherRestrictions', restrictions);
      set('PublisherConsents', range(1, 24).map(() => r.bool(0.5)));
      set('PublisherLegitimateInterests', range(1, 24).map(() => r.bool(0.3)));
      const custom = r.int(0, 12);
      set('NumCustomPurposes', custom);
      set('PublisherCustomConsents', range(1, custom).map(() => r.bool()));
      set('PublisherCustomLegitimateInterests', range(1, custom).map(() => r.bool()));
      set('VendorsDisclosed', vendorSubset(r, ids));
      set('Created', new Date(Date.UTC(2021, 0, 1) + r.int(0, 5 * 365 + 330) * 86400000));
    }
    const text = model.encode();
    const ref = new GppModel(text);
    let ours;
    try {
      ours = engine.decodeGpp({ gppString: text });
    } catch (error) {
      failures.push(`${text}\n  ours threw ${error.code}: ${error.message}`);
      continue;
    }
    const cmp = (label, a, b) => compare(label, text, a, b, failures);
    cmp('sectionIds', ours.sectionIds, ref.getSectionIds());
    cmp('version', ours.version, ref.getHeader().Version);
    const section = (name) => ours.sections.find((s) => s.name === name)?.fields;
    if (ref.hasSection('usnat')) {
      const want = ref.getSection('usnat');
      const got = section('usnat');
      stats[`usnat${want.Version}`] += 1;
      cmp('usnat.Version', got.version, want.Version);
      for (const field of [...USNAT_SINGLE, 'MspaCoveredTransaction', 'SensitiveDataProcessing', 'KnownChildSensitiveDataConsents']) {
        cmp(`usnat.${field}`, got[camel(field)], want[field]);
      }
      const included = ref.getFieldValue('usnat', 'GpcSegmentIncluded');
      cmp('usnat.GpcSegmentIncluded', got.gpc !== null, included);
      if (included) { stats.gpcSubsection += 1; cmp('usnat.Gpc', got.gpc, want.Gpc); }
    }
    if (ref.hasSection('uspv1')) {
      stats.uspv1 += 1;
      const want = ref.getSection('uspv1');
      for (const field of ['Version', 'Notice', 'OptOutSale', 'LspaCovered']) cmp(`uspv1.${field}`, section('uspv1')[camel(field)], want[field]);
    }
    if (ref.hasSection('tcfeuv2')) {
      stats.tcfeuv2 += 1;
      const want = ref.getSection('tcfeuv2');
      const got = section('tcfeuv2');
      const same = { Version: 'version', CmpId: 'cmpId', CmpVersion: 'cmpVersion', ConsentScreen: 'consentScreen',
        ConsentLanguage: 'consentLanguage', VendorListVersion: 'vendorListVersion', PolicyVersion: 'policyVersion',
        IsServiceSpecific: 'isServiceSpecific', UseNonStandardStacks: 'useNonStandardTexts',
        PurposeOneTreatment: 'purposeOneTreatment', PublisherCountryCode: 'publisherCountryCode' };
      for (const [theirs, mine] of Object.entries(same)) cmp(`tcfeuv2.${theirs}`, got[mine], want[theirs]);
      cmp('tcfeuv2.Created', got.created, want.Created.getTime());
      cmp('tcfeuv2.LastUpdated', got.lastUpdated, want.LastUpdated.getTime());
      for (const [theirs, mine] of [['SpecialFeatureOptins', 'specialFeatureOptins'], ['PurposeConsents', 'purposeConsents'],
        ['PurposeLegitimateInterests', 'purposeLegitimateInterests']]) cmp(`tcfeuv2.${theirs}`, got[mine], boolIds(want[theirs]));
      cmp('tcfeuv2.VendorConsents', got.vendorConsents.ids, want.VendorConsents);
      cmp('tcfeuv2.VendorLegitimateInterests', got.vendorLegitimateInterests.ids, want.VendorLegitimateInterests);
      cmp('tcfeuv2.PublisherRestrictions',
        restrictionMap(got.publisherRestrictions.map((pr) => ({ ...pr, ids: expand(pr.vendors) }))),
        restrictionMap(want.PublisherRestrictions.map((e) => ({ purposeId: e.key, restrictionType: e.type, ids: e.ids }))));
      const pub = got.publisherTC ?? { publisherConsents: [], publisherLegitimateInterests: [], numCustomPurposes: 0, publisherCustomConsents: [], publisherCustomLegitimateInterests: [] };
      cmp('tcfeuv2.PublisherConsents', pub.publisherConsents, boolIds(want.PublisherConsents));
      cmp('tcfeuv2.PublisherLegitimateInterests', pub.publisherLegitimateInterests, boolIds(want.PublisherLegitimateInterests));
      cmp('tcfeuv2.NumCustomPurposes', pub.numCustomPurposes, want.NumCustomPurposes);
      cmp('tcfeuv2.PublisherCustomConsents', pub.publisherCustomConsents, boolIds(want.PublisherCustomConsents));
      cmp('tcfeuv2.PublisherCustomLegitimateInterests', pub.publisherCustomLegitimateInterests, boolIds(want.PublisherCustomLegitimateInterests));
      cmp('tcfeuv2.VendorsDisclosed', got.vendorsDisclosed?.ids ?? [], want.VendorsDisclosed);
    }
  }
  check(failures, GPP_COUNT);
  assert.ok(stats.usnat1 > 200 && stats.usnat2 > 200 && stats.gpcSubsection > 200 && stats.tcfeuv2 > 200 && stats.uspv1 > 200, JSON.stringify(stats));
  console.log(`# parity: ${GPP_COUNT} GPP strings, ${JSON.stringify(stats)}`);
});

// ---- Where the reference is lenient and we are strict (README) ----

// Writes fields MSB first and encodes base64url, for crafting malformed strings.
class Bits {
  bits = '';
  int(value, width) { this.bits += value.toString(2).padStart(width, '0'); return this; }
  raw(text) { this.bits += text; return this; }
  text(pad = 24) {
    let b = this.bits;
    while (b.length % pad) b += '0';
    while (b.length % 6) b += '0';
    const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    return b.match(/.{6}/g).map((six) => abc[parseInt(six, 2)]).join('');
  }
}

// A TC core segment up to (not including) the vendor consent section: v2.2,
// policy 4, service-specific, created in 2020 (before Disclosed Vendors was
// mandatory).
function coreHead(version = 2) {
  return new Bits().int(version, 6).int(16000000000, 36).int(16000000000, 36).int(7, 12).int(1, 12).int(1, 6)
    .int(4, 6).int(13, 6).int(100, 12).int(4, 6).int(1, 1).int(0, 1).int(0, 12)
    .raw('1011'.padEnd(24, '0')).int(0, 24).int(0, 1).int(3, 6).int(4, 6);
}
const emptyVendors = (b) => b.int(0, 16).int(0, 1);

function refusedByUs(text, decode = 'decodeTcString', code = 'invalid_signal', pattern = null) {
  const input = decode === 'decodeTcString' ? { tcString: text } : { gppString: text };
  assert.throws(() => engine[decode](input), (error) => {
    assert.ok(error instanceof PrivacyError);
    assert.equal(error.code, code, error.message);
    assert.match(error.message, code === 'contradictory_signal' ? /./ : /at character \d+/);
    if (pattern) assert.match(error.message, pattern);
    return true;
  });
}

test('lenient 1: a garbage TC string makes the reference throw a TypeError; ours names the problem and where', () => {
  for (const text of ['garbage', 'CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA.zzz']) {
    assert.throws(() => TCString.decode(text), TypeError);
    refusedByUs(text);
  }
});

test('lenient 2: a wrong-length usnat core is padded or truncated by the reference; ours refuses it', () => {
  // Version 1 written in version 2's length (12 characters): the reference truncates
  // KnownChildSensitiveDataConsents to 2 and reads the rest from the wrong bits.
  const v2 = new GppModel();
  v2.setFieldValue('usnat', 'Version', 2);
  v2.setFieldValue('usnat', 'KnownChildSensitiveDataConsents', [1, 2, 1]);
  v2.setFieldValue('usnat', 'MspaCoveredTransaction', 1);
  const core = v2.encode().split('~')[1];
  const truncated = `DBABLA~B${core.slice(1)}`; // the first character is the version: B = 1, C = 2
  assert.deepEqual(new GppModel(truncated).getSection('usnat').KnownChildSensitiveDataConsents.length, 2);
  refusedByUs(truncated, 'decodeGpp');
  // Version 2 written in version 1's length (11 characters): the reference pads with zeros.
  const v1 = new GppModel();
  v1.setFieldValue('usnat', 'Version', 1);
  v1.setFieldValue('usnat', 'MspaCoveredTransaction', 1);
  const short = v1.encode().split('~')[1];
  const asV2 = `DBABLA~C${short.slice(1)}`;
  assert.deepEqual(new GppModel(asV2).getSection('usnat').KnownChildSensitiveDataConsents, [0, 0, 0]);
  refusedByUs(asV2, 'decodeGpp');
});

test('lenient 3: a usnat field of 3, or MspaCoveredTransaction 0, decodes in the reference; ours refuses it', () => {
  const usnat = (fields) => `DBABLA~${new Bits().int(2, 6).raw(fields).text(8)}`;
  const threes = usnat('11'.padEnd(64, '0'));        // SharingNotice = 3
  assert.equal(new GppModel(threes).getSection('usnat').SharingNotice, 3);
  refusedByUs(threes, 'decodeGpp');
  const uncovered = usnat('0'.repeat(64));            // MspaCoveredTransaction = 0
  assert.equal(new GppModel(uncovered).getSection('usnat').MspaCoveredTransaction, 0);
  refusedByUs(uncovered, 'decodeGpp');
});

test('lenient 4: a GPC sub-section of another type and a usnat version 3 are read by the reference; ours refuses them', () => {
  const core = new GppModel();
  core.setFieldValue('usnat', 'MspaCoveredTransaction', 1);
  const good = core.encode().split('~')[1];
  const wrongType = `DBABLA~${good}.${new Bits().int(2, 2).int(1, 1).text(6)}`;
  assert.doesNotThrow(() => new GppModel(wrongType).getSection('usnat'));
  refusedByUs(wrongType, 'decodeGpp');
  const v3 = `DBABLA~D${good.slice(1)}`;
  assert.equal(new GppModel(v3).getSection('usnat').Version, 3);
  refusedByUs(v3, 'decodeGpp');
});

test('lenient 5: data or non-zero bits after the last field are ignored by the reference; ours refuses them', () => {
  const base = emptyVendors(emptyVendors(coreHead())).int(0, 12);
  const clean = base.text();
  assert.doesNotThrow(() => engine.decodeTcString({ tcString: clean }));
  const extra = `${clean}AAAA`;
  assert.doesNotThrow(() => TCString.decode(extra));
  refusedByUs(extra);
  const dirty = emptyVendors(emptyVendors(coreHead())).int(0, 12).raw('1').text();
  assert.doesNotThrow(() => TCString.decode(dirty));
  refusedByUs(dirty);
});

test('lenient 6: vendor ranges that end before they start or pass MaxVendorId, and restrictions on vendor 0, are accepted by the reference; ours refuses them', () => {
  // Range encoding, MaxVendorId 10, one range 8..5.
  const backwards = emptyVendors(coreHead().int(10, 16).int(1, 1).int(1, 12).int(1, 1).int(8, 16).int(5, 16)).int(0, 12).text();
  assert.deepEqual(vectorIds(TCString.decode(backwards).vendorConsents), []);
  refusedByUs(backwards);
  // MaxVendorId 10, vendor 50.
  const beyond = emptyVendors(coreHead().int(10, 16).int(1, 1).int(1, 12).int(0, 1).int(50, 16)).int(0, 12).text();
  assert.deepEqual(vectorIds(TCString.decode(beyond).vendorConsents), [50]);
  refusedByUs(beyond);
  // A publisher restriction (purpose 2, require consent) on vendor 0.
  const zero = emptyVendors(emptyVendors(coreHead())).int(1, 12).int(2, 6).int(1, 2).int(1, 12).int(0, 1).int(0, 16).text();
  assert.deepEqual(TCString.decode(zero).publisherRestrictions.getVendors(), [0]);
  refusedByUs(zero);
});

test('lenient 7: a vendor under two restriction types for one purpose is kept by the reference; ours calls it contradictory', () => {
  const restriction = (b, type) => b.int(2, 6).int(type, 2).int(1, 12).int(0, 1).int(9, 16);
  const both = restriction(restriction(emptyVendors(emptyVendors(coreHead())).int(2, 12), 0), 1).text();
  const ref = TCString.decode(both).publisherRestrictions;
  assert.equal(ref.getRestrictions(9).length, 2);
  refusedByUs(both, 'decodeTcString', 'contradictory_signal');
});

test('lenient 8: a TC string of version 1, a repeated segment, or letters outside A-Z decode in the reference; ours refuses them', () => {
  const v1 = new Bits().int(1, 6).int(15000000000, 36).int(15000000000, 36).int(7, 12).int(1, 12).int(1, 6)
    .int(4, 6).int(13, 6).int(100, 12).int(0, 24).int(0, 16).int(0, 1).text();
  assert.equal(TCString.decode(v1).version, 1);
  refusedByUs(v1);
  const core = emptyVendors(emptyVendors(coreHead())).int(0, 12).text();
  const disclosed = new Bits().int(1, 3).int(0, 16).int(0, 1).text();
  assert.doesNotThrow(() => TCString.decode(`${core}.${disclosed}.${disclosed}`));
  refusedByUs(`${core}.${disclosed}.${disclosed}`);
  const head = coreHead();
  head.bits = head.bits.slice(0, 6 + 36 + 36 + 12 + 12 + 6) + '111111' + head.bits.slice(6 + 36 + 36 + 12 + 12 + 6 + 6);
  const odd = emptyVendors(emptyVendors(head)).int(0, 12).text();
  assert.equal(TCString.decode(odd).consentLanguage.length, 2);
  refusedByUs(odd);
});

test('lenient 11: strings that break TCF v2.3 decode in the reference; ours refuses them as noncompliant, naming the field', () => {
  const withHead = (edit) => {
    const head = coreHead();
    edit(head);
    return emptyVendors(emptyVendors(head)).int(0, 12);
  };
  const at = (bit, width, value) => (b) => { b.bits = b.bits.slice(0, bit) + value.toString(2).padStart(width, '0') + b.bits.slice(bit + width); };
  const cases = [
    [withHead(at(132, 6, 3)).text(), /\(TcfPolicyVersion\): .*policy version 4 or more; this one has 3/, (d) => d.policyVersion === 3],
    [withHead(at(138, 1, 0)).text(), /\(IsServiceSpecific\): must be 1/, (d) => d.isServiceSpecific === false],
    [withHead(at(176 + 2, 1, 1)).text(), /\(PurposesLITransparency\): legitimate interest for purpose 3 must be 0/,
      (d) => d.purposeLegitimateInterests.has(3)],
    // An AllowedVendors segment (type 2), gone since 2021.
    [`${withHead(() => {}).text()}.${new Bits().int(2, 3).int(0, 16).int(0, 1).text()}`, /\(SegmentType\): segment type 2 \(AllowedVendors\)/,
      (d) => d.vendorsAllowed.size === 0],
    // Created 2026-03-02 without Disclosed Vendors.
    [withHead(at(6, 36, Date.UTC(2026, 2, 2) / 100)).text(), /\(DisclosedVendors\): .*must carry the Disclosed Vendors segment/,
      (d) => d.created.getTime() === Date.UTC(2026, 2, 2)],
  ];
  for (const [text, message, decodedByReference] of cases) {
    assert.ok(decodedByReference(TCString.decode(text)), text);
    refusedByUs(text, 'decodeTcString', 'noncompliant_signal', message);
  }
});
