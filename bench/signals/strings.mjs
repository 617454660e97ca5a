// The benchmark's signal strings, made by the IAB's reference encoders from
// fixed seeds (bench/signals, bench/coldstart): TCF v2.3 strings of about 676
// characters (bit-field vendor consents, legitimate interests and disclosed
// vendors over the GVL fixture at policy 5, tests/data/tcf; publisher
// restrictions), and consistent usnat GPP strings.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TCModel, TCString, GVL, PurposeRestriction } from '@iabtechlabtcf/core';
import { GppModel } from '@iabgpp/cmpapi';
import { rng } from '../../tests/js/seeded-random.mjs';
import { root } from '../lib/common.mjs';

const vendorList = JSON.parse(readFileSync(resolve(root, 'tests/data/tcf/vendor-list-v3-policy5.json'), 'utf8'));
const gvl = new GVL(vendorList);
const gvlIds = Object.keys(vendorList.vendors).map(Number).sort((a, b) => a - b);

export function tcStrings(count) {
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

export function usnatStrings(count) {
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
