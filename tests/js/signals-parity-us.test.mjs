// Parity with @iabgpp/cmpapi on every US GPP section (issue 11, R-SIG-2):
// usnat (7, versions 1 and 2) and the twenty state sections (8-27), each
// encoded by the reference library from values fast-check draws (seeded),
// decoded by our package and by the reference, every field compared. Then
// strings holding several sections at once, and the inputs where the
// reference is lenient and we are strict. A difference fails with the
// string, the section and the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as gpp from '@iabgpp/cmpapi';
import { createPrivacyEngine, PrivacyError } from 'family-privacy';
import { NOW } from './fixtures.mjs';

const { GppModel } = gpp;
export const PER_SECTION = 240;
const SEED = 0x5eed2026;

// id -> API prefix, and each section's core field list as the library exports it.
const SECTIONS = {
  7: 'usnat', 8: 'usca', 9: 'usva', 10: 'usco', 11: 'usut', 12: 'usct', 13: 'usfl', 14: 'usmt', 15: 'usor',
  16: 'ustx', 17: 'usde', 18: 'usia', 19: 'usne', 20: 'usnh', 21: 'usnj', 22: 'ustn', 23: 'usmn', 24: 'usmd',
  25: 'usin', 26: 'usky', 27: 'usri',
};
const coreFields = (name) => gpp[`${name.toUpperCase()}_CORE_SEGMENT_FIELD_NAMES`]
  ?? gpp[`Us${name[2].toUpperCase()}${name[3]}_CORE_SEGMENT_FIELD_NAMES`];
const hasGpc = (name) => Boolean(gpp[`${name.toUpperCase()}_GPC_SEGMENT_FIELD_NAMES`]
  ?? gpp[`Us${name[2].toUpperCase()}${name[3]}_GPC_SEGMENT_FIELD_NAMES`]);
const hasSensitive = (name) => Boolean(gpp[`Us${name[2].toUpperCase()}${name[3]}_SENSITIVE_DATA_CONSENT_SEGMENT_FIELD_NAMES`]);
const camel = (field) => field[0].toLowerCase() + field.slice(1);
// The library's bookkeeping fields, not fields of the string.
const BOOKKEEPING = new Set(['GpcSegmentType', 'GpcSegmentIncluded', 'Gpc', 'SensitiveDataConsentSegmentIncluded']);

// Each field's shape, from the library's own defaults: a list of n two-bit
// values, a two-bit value, MspaCoveredTransaction (1 or 2), or the version.
function shapes(name) {
  const model = new GppModel();
  model.setFieldValue(name, coreFields(name)[0], name === 'usnat' ? 2 : 1);  // the version: any field makes the section
  const defaults = model.getSection(name);
  return coreFields(name).map((field) => ({ field, shape: Array.isArray(defaults[field]) ? defaults[field].length : 0 }));
}

// Arbitrary values for one section: every core field, the GPC sub-section
// (where it has one) or the sensitive-data sub-section (usin, usky, usri).
function sectionValues(name) {
  const fields = {};
  for (const { field, shape } of shapes(name)) {
    if (field === 'Version' || field === 'MspaVersion') fields[field] = name === 'usnat' ? fc.integer({ min: 1, max: 2 }) : fc.constant(1);
    else if (field === 'MspaCoveredTransaction') fields[field] = fc.integer({ min: 1, max: 2 });
    else if (shape) fields[field] = fc.array(fc.integer({ min: 0, max: 2 }), { minLength: shape, maxLength: shape });
    else fields[field] = fc.integer({ min: 0, max: 2 });
  }
  if (hasGpc(name)) fields.gpc = fc.option(fc.boolean(), { nil: undefined });
  if (hasSensitive(name)) fields.sensitive = fc.option(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 8, maxLength: 8 }), { nil: undefined });
  return fc.record(fields);
}

function encode(sections) {
  const model = new GppModel();
  for (const [name, values] of sections) {
    for (const [field, value] of Object.entries(values)) {
      if (field === 'gpc' || field === 'sensitive') continue;
      model.setFieldValue(name, field, value);
    }
    if (hasGpc(name)) {
      model.setFieldValue(name, 'GpcSegmentIncluded', values.gpc !== undefined);
      if (values.gpc !== undefined) model.setFieldValue(name, 'Gpc', values.gpc);
    }
    if (hasSensitive(name)) {
      model.setFieldValue(name, 'SensitiveDataConsentSegmentIncluded', values.sensitive !== undefined);
      if (values.sensitive !== undefined) model.setFieldValue(name, 'SensitiveDataProcessing', values.sensitive);
    }
  }
  return model.encode();
}

// Every field the reference decodes, against ours; the key sets must match too.
function differences(text, ours) {
  const ref = new GppModel(text);
  const found = [];
  const note = (where, a, b) => found.push(`${where}: ours ${JSON.stringify(a)} reference ${JSON.stringify(b)}`);
  if (JSON.stringify(ours.sectionIds) !== JSON.stringify(ref.getSectionIds())) note('sectionIds', ours.sectionIds, ref.getSectionIds());
  for (const section of ours.sections) {
    const name = SECTIONS[section.id];
    const want = ref.getSection(name);
    const got = section.fields;
    if (section.name !== name) note(`section ${section.id} name`, section.name, name);
    const expected = {};
    for (const [field, value] of Object.entries(want)) if (!BOOKKEEPING.has(field) && !(hasSensitive(name) && field === 'SensitiveDataProcessing')) expected[camel(field)] = value;
    // The "included" flags are not in getSection's object: ask for them.
    if (hasGpc(name)) expected.gpc = ref.getFieldValue(name, 'GpcSegmentIncluded') ? want.Gpc : null;
    if (hasSensitive(name)) {
      expected.sensitiveDataProcessing = ref.getFieldValue(name, 'SensitiveDataConsentSegmentIncluded') ? want.SensitiveDataProcessing : null;
    }
    const keys = new Set([...Object.keys(expected), ...Object.keys(got)]);
    for (const key of keys) {
      if (JSON.stringify(got[key]) !== JSON.stringify(expected[key])) note(`${name}.${key}`, got[key], expected[key]);
    }
  }
  return found;
}

let engine;
test.before(async () => { engine = await createPrivacyEngine(); });
test.after(() => engine.close());

const counts = {};
function check(text) {
  let ours;
  try {
    ours = engine.decodeGpp({ gppString: text });
  } catch (error) {
    return [`ours threw ${error.code}: ${error.message}`];
  }
  for (const section of ours.sections) counts[section.id] = (counts[section.id] ?? 0) + 1;
  return differences(text, ours);
}

for (const [id, name] of Object.entries(SECTIONS)) {
  test(`${name} (${id}): ${PER_SECTION} strings from @iabgpp/cmpapi decode field for field as the reference decodes them`, () => {
    fc.assert(fc.property(sectionValues(name), (values) => {
      const text = encode([[name, values]]);
      const diff = check(text);
      if (diff.length) throw new Error(`${text}\n  ${diff.join('\n  ')}`);
    }), { seed: SEED + Number(id), numRuns: PER_SECTION, endOnFailure: true });
  });
}

test('strings with several US sections, in the reference order, decode section by section', () => {
  const names = Object.values(SECTIONS);
  const arbitrary = fc.uniqueArray(fc.constantFrom(...names), { minLength: 2, maxLength: 5 })
    .chain((chosen) => fc.tuple(...chosen.map((name) => sectionValues(name).map((values) => [name, values]))));
  fc.assert(fc.property(arbitrary, (sections) => {
    const text = encode(sections);
    const diff = check(text);
    if (diff.length) throw new Error(`${text}\n  ${diff.join('\n  ')}`);
  }), { seed: SEED, numRuns: 300 });
});

test('every US section was decoded at least 200 times', () => {
  for (const id of Object.keys(SECTIONS)) assert.ok((counts[id] ?? 0) >= 200, `${SECTIONS[id]}: ${counts[id]}`);
  console.log(`# parity (US sections, strings decoded per section id): ${JSON.stringify(counts)}`);
});

// ---- Where the reference is lenient and we are strict ----

function refusedByUs(text, pattern) {
  assert.throws(() => engine.decodeGpp({ gppString: text }), (error) => {
    assert.ok(error instanceof PrivacyError);
    assert.equal(error.code, 'invalid_signal', error.message);
    assert.match(error.message, pattern);
    return true;
  });
}

test('lenient 9: a state section with a value of 3, or a sub-section where its specification has none, is read by the reference; ours refuses it', () => {
  const va = encode([['usva', { Version: 1, MspaCoveredTransaction: 1 }]]);
  const [header, core] = va.split('~');
  // SharingNotice = 3: the second character's first two bits.
  const threes = `${header}~${core[0]}${'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[48]}${core.slice(2)}`;
  assert.equal(new GppModel(threes).getSection('usva').SharingNotice, 3);
  refusedByUs(threes, /\(sharingNotice\): value 3 is not defined/);
  // usva has no GPC sub-section: the reference ignores what follows the '.'.
  const dotted = `${va}.YA`;
  assert.doesNotThrow(() => new GppModel(dotted).getSection('usva'));
  refusedByUs(dotted, /usva has no sub-sections/);
});

test('lenient 10: the October 2025 header layout of usmd, usin, usky, usri is misread by the reference; ours names it', () => {
  // SectionID(6) = 24, Version(6) = 1, SubSections [0]: the specification's header, then the core.
  const bits = '011000' + '000001' + '000000000001' + '0' + '11' + '000000';
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const headerPart = bits.match(/.{6}/g).map((six) => abc[parseInt(six, 2)]).join('');
  const md = encode([['usmd', { MspaVersion: 1, MspaCoveredTransaction: 1 }]]);
  const [gppHeader, core] = md.split('~');
  const specLayout = `${gppHeader}~${headerPart}.${core}`;
  assert.equal(new GppModel(specLayout).getSection('usmd').MspaVersion, 24);
  refusedByUs(specLayout, /section-header layout/);
});

// ---- The US decision over what the reference encodes (R-SIG-2) ----

test('R-SIG-2: every US section the reference encodes decides as Prebid\'s default, failing closed on contradictions', () => {
  const NOTICES = ['SharingNotice', 'ProcessingNotice', 'SaleOptOutNotice', 'SharingOptOutNotice', 'TargetedAdvertisingOptOutNotice',
    'SensitiveDataProcessingOptOutNotice', 'SensitiveDataOptOutNotice', 'SensitiveDataLimitUseNotice'];
  const OPT_OUTS = ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut'];
  for (const name of Object.values(SECTIONS)) {
    const fields = coreFields(name);
    // A consenting user's section: every notice given (1), no opt-out (2), not an MSPA covered transaction.
    const consenting = { [fields[0]]: name === 'usnat' ? 2 : 1, MspaCoveredTransaction: 2 };
    for (const f of NOTICES) if (fields.includes(f)) consenting[f] = 1;
    for (const f of OPT_OUTS) if (fields.includes(f)) consenting[f] = 2;
    if (fields.includes('MspaMode')) consenting.MspaMode = 1;
    const decide = (over) => engine.decideAds({ now: NOW, age: 'unknown', context: 'general', gppString: encode([[name, { ...consenting, ...over }]]) });
    const yes = decide({});
    assert.equal(yes.level, 'personalised', `${name}: ${yes.reasons}`);
    assert.ok(yes.reasons.includes('us_not_opted_out'), name);
    const adsOptOut = fields.includes('TargetedAdvertisingOptOut') ? 'TargetedAdvertisingOptOut' : 'SharingOptOut';
    const adsNotice = `${adsOptOut}Notice`;
    assert.ok(decide({ [adsOptOut]: 1 }).reasons.includes('us_opted_out'), name);
    assert.ok(decide({ [adsNotice]: 0, [adsOptOut]: 0 }).reasons.includes('us_no_targeted_advertising'), name);
    const contradiction = decide({ [adsNotice]: 0 });  // "not applicable" beside "did not opt out"
    assert.equal(contradiction.level, 'none', name);
    assert.ok(contradiction.reasons.includes('contradictory_signal'), name);
    const provider = fields.includes('MspaMode') ? { MspaMode: 2 } : { MspaServiceProviderMode: 1, MspaOptOutOptionMode: 2 };
    assert.ok(decide(provider).reasons.includes('us_service_provider_mode'), name);
    if (hasGpc(name)) assert.ok(decide({ gpc: true }).reasons.includes('gpc'), name);
  }
});
