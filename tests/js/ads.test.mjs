// Ad eligibility through the package (R-ADS-1..6): the same decisions the
// native suite checks, from JavaScript, with real TC and GPP strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivacyEngine, PrivacyError } from 'family-privacy';
import { household, NOW } from './fixtures.mjs';

// decideAds at NOW; for a known person the service asks (R-INT-5), for nobody known no actor is named.
const decide = (engine, input) => engine.decideAds({ now: NOW, ...('age' in input ? {} : { actor: 'system' }), ...input });

// Made by the IAB's reference encoders: a GPP string with a TCF v2.3 EU
// section (purposes 1, 3, 4 and vendors 32 and 755 consented; 755, 32, 8
// disclosed), a US Privacy section (1YNN) and a usnat section (every notice
// given, no opt-out; a notice of 0 beside a choice is a contradiction, R-SIG-2).
const TCF_CONSENT = 'CQuZP8AQuZP8AEsACAENCWFgALAAAAAAAAYgF5wAgAQALzAAAAAA.IF5wAwAEAAgAXmAA.YAAAAAAAAAAA';
const GPP_ALL = `DBACPeA~${TCF_CONSENT}~1YNN~CVVqAAAAAACA.QA`;
const USNAT_OK = 'DBABLA~CVVqAAAAAACA.QA';
const USNAT_GPC = 'DBABLA~CVVqAAAAAACA.YA';
const USNAT_OPTED_OUT = 'DBABLA~CVVpAAAAAACA.QA'; // targeted advertising: opted out
const TCF_NO_CONSENT = 'CQuZP8AQuZP8AEsACAENCWFgAAAAAAAAAAYgAAAAAAAA.IF5wAQF5gAAA.YAAAAAAAAAAA'; // v2.3, 755 disclosed
const CONTEXTS = ['kids_experience', 'child_directed', 'mixed_audience', 'general'];

const allowing = { tcString: TCF_CONSENT, gppString: USNAT_OK, vendorId: 755 };

test('R-ADS-1: a child profile never gets personalised ads, whatever the signals and the context', async () => {
  const engine = await household();
  for (const context of CONTEXTS) {
    for (const gpc of [false, true]) {
      const d = decide(engine, { profileId: 'c1', context, ...allowing, gpc });
      assert.equal(d.level, 'contextual', context);
      assert.equal(d.ageTreatment, 'child');
      assert.ok(d.reasons.includes('R-ADS-1') && d.reasons.includes('child_profile'));
    }
  }
  // A kids experience: not even an adult.
  const adult = decide(engine, { profileId: 'a1', context: 'kids_experience', ...allowing });
  assert.equal(adult.level, 'contextual');
  assert.ok(adult.reasons.includes('R-ADS-1') && adult.reasons.includes('kids_experience'));
  engine.close();
});

test('R-ADS-2: personal data is never sold, for any profile, context or signal', async () => {
  const engine = await household();
  for (const who of [{ profileId: 'c1' }, { profileId: 'a1' }, { age: 'unknown' }, {}]) {
    for (const context of [...CONTEXTS, 'nowhere']) {
      const d = decide(engine, { ...who, context, ...allowing });
      assert.equal(d.saleAllowed, false);
      assert.equal(d.reasons[0], 'R-ADS-2');
    }
  }
  engine.close();
});

test('R-ADS-3: regs.coppa is 1 for a child or a child-directed context, and the GPP string is passed on', async () => {
  const engine = await household();
  assert.equal(decide(engine, { profileId: 'c1', context: 'general' }).regs.coppa, 1);
  assert.equal(decide(engine, { profileId: 'a1', context: 'child_directed', ...allowing }).regs.coppa, 1);
  assert.equal(decide(engine, { profileId: 'a1', context: 'child_directed', ...allowing }).level, 'contextual');
  assert.equal(decide(engine, { profileId: 'a1', context: 'mixed_audience' }).regs.coppa, 0);
  const d = decide(engine, { profileId: 'a1', context: 'general', gppString: GPP_ALL, vendorId: 755 });
  assert.deepEqual(d.regs, { coppa: 0, gpp: GPP_ALL, gpp_sid: [2, 6, 7] });
  engine.close();
});

test('R-ADS-4: an adult gets personalised ads only where TCF, usnat, US Privacy and GPC allow', async () => {
  const engine = await household();
  const adult = (input) => decide(engine, { profileId: 'a1', context: 'general', ...input });
  assert.equal(adult({ tcString: TCF_CONSENT, vendorId: 755 }).level, 'personalised');
  assert.deepEqual(adult({ tcString: TCF_CONSENT, vendorId: 755 }).reasons, ['R-ADS-2', 'R-ADS-4', 'R-SIG-1', 'tcf_consent']);
  assert.ok(adult({ tcString: TCF_CONSENT, vendorId: 8 }).reasons.includes('tcf_vendor_consent_missing'));
  assert.ok(adult({ tcString: TCF_CONSENT, vendorId: 1 }).reasons.includes('tcf_vendor_not_disclosed'));
  assert.ok(adult({ tcString: TCF_CONSENT }).reasons.includes('tcf_vendor_unknown'));
  assert.ok(adult({ tcString: TCF_NO_CONSENT, vendorId: 755 }).reasons.includes('tcf_purpose_consent_missing'));
  assert.equal(adult({ gppString: USNAT_OK }).level, 'personalised');
  // GPC, from the browser or inside the usnat section, and usnat opt-outs turn it off.
  assert.deepEqual(adult({ gppString: USNAT_OK, gpc: true }).reasons, ['R-ADS-2', 'R-SIG-3', 'R-ADS-4', 'R-SIG-2', 'gpc']);
  assert.ok(adult({ gppString: USNAT_GPC }).reasons.includes('gpc'));
  assert.deepEqual(adult({ gppString: USNAT_OPTED_OUT }).reasons, ['R-ADS-2', 'R-ADS-4', 'R-SIG-2', 'us_opted_out']);
  assert.equal(adult({ gppString: GPP_ALL, vendorId: 755 }).level, 'personalised');
  assert.equal(adult({ gppString: GPP_ALL, vendorId: 755, gpc: true }).level, 'contextual');
  // Nothing allows it: contextual.
  assert.deepEqual(adult({}).reasons, ['R-ADS-2', 'R-ADS-4', 'no_signal']);
  engine.close();
});

test('R-ADS-5: unknown age is treated as a child where children are expected; works without a household', async () => {
  const engine = await createPrivacyEngine(); // no household at all
  for (const context of ['child_directed', 'mixed_audience', 'kids_experience']) {
    const d = decide(engine, { age: 'unknown', context, ...allowing });
    assert.equal(d.level, 'contextual');
    assert.equal(d.ageTreatment, 'child');
    assert.equal(d.regs.coppa, 1);
    assert.ok(d.reasons.includes('R-ADS-5') && d.reasons.includes('unknown_age'));
  }
  assert.equal(decide(engine, { age: 'unknown', context: 'general', ...allowing }).level, 'personalised');
  engine.close();
});

test('R-ADS-6 and failing closed: every decision says why; anything wrong gives no ads, treated as a child', async () => {
  const engine = await household();
  const bad = [
    [{ context: 'general' }, 'invalid_input', ''],  // neither profileId nor age
    [{ profileId: 'a1', age: 'unknown', context: 'general' }, 'invalid_input', ''],  // both
    [{ profileId: 'nobody', context: 'general' }, 'not_found', 'profileId'],
    [{ profileId: 'a1', context: 'everywhere' }, 'invalid_input', 'context'],
    [{ profileId: 'a1', context: 'general', tcString: 'garbage' }, 'invalid_signal', 'tcString'],
    [{ profileId: 'a1', context: 'general', gppString: 'DBABLA~BVQqAAAAAgAA.QA' }, 'invalid_signal', 'gppString'],
    [{ profileId: 'a1', context: 'general', tcString: TCF_NO_CONSENT, gppString: GPP_ALL }, 'contradictory_signal', 'gppString'],
    [{ profileId: 'a1', context: 'general', gppString: 'DBABLA~BUQpGAACEWA.YA' }, 'contradictory_signal', 'gppString'],
    [{ profileId: 'a1', context: 'general', vendorId: 70000 }, 'invalid_input', 'vendorId'],
  ];
  for (const [input, code, path] of bad) {
    const d = decide(engine, input);
    assert.equal(d.level, 'none', JSON.stringify(input));
    assert.equal(d.ageTreatment, 'child');
    assert.equal(d.regs.coppa, 1);
    assert.equal(d.regs.gpp, undefined);
    assert.ok(d.reasons.includes(code), `${code} in ${d.reasons}`);
    assert.ok(d.errors.some((e) => e.code === code && e.path === path), JSON.stringify(d.errors));
  }
  // A child's decision fails closed too (never less protective).
  assert.equal(decide(engine, { profileId: 'c1', context: 'general', tcString: 'garbage' }).level, 'none');
  engine.close();
});

test('the direct decision leaves a signal\'s characters and length to the core: odd ones answer as the JSON path does', async () => { // covers R-ADS-6, R-SIG-1, R-INT-4
  const engine = await household();
  const odd = [
    `${TCF_CONSENT.slice(0, 20)}é${TCF_CONSENT.slice(21)}`,  // not ASCII: the JSON path gives the position
    `${TCF_CONSENT.slice(0, 20)}"\u0001${TCF_CONSENT.slice(22)}`,
    'A'.repeat(100_000),  // at the limit: decoded, and wrong
    'A'.repeat(100_001),  // over it: refused as too long
    '',
  ];
  for (const tcString of odd) {
    for (const field of ['tcString', 'gppString']) {
      const input = { actor: 'system', now: NOW, profileId: 'a1', context: 'general', [field]: tcString, vendorId: 755 };
      const direct = engine.decideAds(input);
      assert.deepEqual(direct, engine.execute('decideAds', input).result, `${field} ${tcString.slice(0, 40)} (${tcString.length})`);
      assert.equal(direct.level, 'none');
      assert.ok(direct.errors.length > 0);
    }
  }
  engine.close();
});

test('decodeTcString and decodeGpp: decoded fields, or PrivacyError invalid_signal with the position', async () => {
  const engine = await createPrivacyEngine();
  const tc = engine.decodeTcString({ tcString: TCF_CONSENT });
  assert.deepEqual(tc.purposeConsents, [1, 3, 4]);
  assert.deepEqual(tc.vendorConsents.ids, [32, 755]);
  const gpp = engine.decodeGpp({ gppString: GPP_ALL });
  assert.deepEqual(gpp.sectionIds, [2, 6, 7]);
  assert.deepEqual(gpp.sections.map((s) => s.name), ['tcfeuv2', 'uspv1', 'usnat']);
  assert.equal(gpp.sections[2].fields.version, 2);
  assert.throws(() => engine.decodeTcString({ tcString: 'CPXxRfAPXxRfAAfKABENB-Cg' }), (e) =>
    e instanceof PrivacyError && e.code === 'invalid_signal' && e.details[0].path === 'tcString' && /at character \d+/.test(e.message));
  assert.throws(() => engine.decodeGpp({ gppString: 'DBABLA~' }), (e) => e.code === 'invalid_signal');
  assert.throws(() => engine.decodeGpp({ gppString: 42 }), (e) => e.code === 'invalid_input');
  engine.close();
});

test('R-SIG-3: GPC recorded for a person stays in force when a later request lacks it', async () => {
  const engine = await household();
  assert.equal(decide(engine, { profileId: 'a1', context: 'general', gppString: USNAT_OK }).level, 'personalised');
  assert.equal(engine.recordGpc({ actor: 'a1', now: NOW, profileId: 'a1' }).gpcAt, NOW);
  const later = decide(engine, { profileId: 'a1', context: 'general', gppString: USNAT_OK });
  assert.equal(later.level, 'contextual');
  assert.equal(later.gpcHonoured, true);
  assert.ok(later.reasons.includes('gpc'), later.reasons.join());
  assert.throws(() => engine.recordGpc({ actor: 'c1', now: NOW, profileId: 'a1' }), { code: 'forbidden' });
  engine.close();
});
