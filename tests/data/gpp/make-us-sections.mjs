// Writes us-sections.json: for every US GPP section (usnat versions 1 and 2,
// and ids 8-27), strings that @iabgpp/cmpapi encodes from fixed values, with
// the fields as the library decodes them, named as our JSON names them
// (lower camel case; gpc and usin/usky/usri's sensitiveDataProcessing null
// when their sub-section is absent). The native suite replays them
// (tests/native/gpp_us_test.cpp). Values cycle 0, 1, 2 so that every field
// differs from its neighbours.
//   node tests/data/gpp/make-us-sections.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as gpp from '@iabgpp/cmpapi';

const SECTIONS = {
  7: 'usnat', 8: 'usca', 9: 'usva', 10: 'usco', 11: 'usut', 12: 'usct', 13: 'usfl', 14: 'usmt', 15: 'usor',
  16: 'ustx', 17: 'usde', 18: 'usia', 19: 'usne', 20: 'usnh', 21: 'usnj', 22: 'ustn', 23: 'usmn', 24: 'usmd',
  25: 'usin', 26: 'usky', 27: 'usri',
};
const prefix = (name) => [name.toUpperCase(), `Us${name[2].toUpperCase()}${name[3]}`];
const exported = (name, suffix) => prefix(name).map((p) => gpp[`${p}_${suffix}`]).find(Boolean);
const camel = (field) => field[0].toLowerCase() + field.slice(1);

function make(name, version, start, sub) {
  const model = new gpp.GppModel();
  const fields = exported(name, 'CORE_SEGMENT_FIELD_NAMES');
  model.setFieldValue(name, fields[0], version);
  const defaults = model.getSection(name);
  let n = start;
  const next = () => (n++) % 3;
  for (const field of fields.slice(1)) {
    if (field === 'MspaCoveredTransaction') model.setFieldValue(name, field, 1 + (n++ % 2));
    else if (Array.isArray(defaults[field])) model.setFieldValue(name, field, defaults[field].map(next));
    else model.setFieldValue(name, field, next());
  }
  const gpc = Boolean(exported(name, 'GPC_SEGMENT_FIELD_NAMES'));
  const sensitive = Boolean(exported(name, 'SENSITIVE_DATA_CONSENT_SEGMENT_FIELD_NAMES'));
  if (gpc) {
    model.setFieldValue(name, 'GpcSegmentIncluded', sub);
    if (sub) model.setFieldValue(name, 'Gpc', start % 2 === 0);
  }
  if (sensitive) {
    model.setFieldValue(name, 'SensitiveDataConsentSegmentIncluded', sub);
    if (sub) model.setFieldValue(name, 'SensitiveDataProcessing', [2, 1, 0, 2, 1, 0, 2, 1]);
  }
  const text = model.encode();
  const ref = new gpp.GppModel(text);
  const want = ref.getSection(name);
  const expected = {};
  for (const field of fields) expected[camel(field)] = want[field];
  if (gpc) expected.gpc = ref.getFieldValue(name, 'GpcSegmentIncluded') ? want.Gpc : null;
  if (sensitive) expected.sensitiveDataProcessing = ref.getFieldValue(name, 'SensitiveDataConsentSegmentIncluded') ? want.SensitiveDataProcessing : null;
  return { id: Number(Object.keys(SECTIONS).find((id) => SECTIONS[id] === name)), name, text, fields: expected };
}

const out = [];
for (const name of Object.values(SECTIONS)) {
  for (const version of name === 'usnat' ? [1, 2] : [1]) {
    for (const [start, sub] of [[0, true], [1, false], [2, true]]) out.push(make(name, version, start, sub));
  }
}
writeFileSync(fileURLToPath(new URL('us-sections.json', import.meta.url)), `${JSON.stringify(out, null, 1)}\n`);
console.log(`${out.length} strings`);
