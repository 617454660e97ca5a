// Writes vendor-list-v3-policy5.json: the IAB's TCF v2.2 Global Vendor List
// test fixture (shared/data/tcf/vendor-list-v2.2.json: GVL specification 3,
// policy 4, 376 vendors) moved to TCF policy 5, as a TCF v2.3 CMP's vendor
// list has it, so @iabtechlabtcf/core encodes current (v2.3) TC strings from
// it. Nothing else changes: purposes, features, stacks and vendors are the
// fixture's. No current vendor list is packaged (the iabtcf-es testing module
// has only v2 and v2.2 lists), hence this one.
//   node tests/data/tcf/make-vendor-list.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const fixture = JSON.parse(readFileSync(here('../../../../shared/data/tcf/vendor-list-v2.2.json'), 'utf8'));
const current = {
  ...fixture,
  gvlSpecificationVersion: 3,
  vendorListVersion: 150,
  tcfPolicyVersion: 5,
  lastUpdated: '2026-10-29T16:00:00Z',
};
writeFileSync(here('vendor-list-v3-policy5.json'), `${JSON.stringify(current)}\n`);
