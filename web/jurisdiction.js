// Where the household lives (R-AGE-3) and what follows from it, in a
// parent's words: the age of digital consent (under it, a child profile and
// a parent's verified consent; from it to 17, a teen profile; from 18, an
// adult's own) and what a teen gets in ads (R-AGE-4). The figures come from
// the engine's policy table (`jurisdictionPolicy`: defaults with their
// sources, and the operator's changes); the page only picks the row.

import * as engineApi from './engine-adapter.js';

/** Where a household without a jurisdiction is taken to be: the engine's default (COPPA, consent age 13). */
export const DEFAULT_PLACE = 'US';

/** The age from which a profile is an adult's (R-AGE-1: the band 18 and over). */
export const ADULT_AGE = 18;

/** The short list a parent chooses from; any other ISO 3166 code can be typed. */
export const PLACES = Object.freeze([
  ['US', 'United States'],
  ['US-CA', 'California, United States'],
  ['US-NY', 'New York, United States'],
  ['US-TX', 'Texas, United States'],
  ['GB', 'United Kingdom'],
  ['IE', 'Ireland'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['ES', 'Spain'],
  ['IT', 'Italy'],
  ['NL', 'Netherlands'],
  ['SE', 'Sweden'],
  ['CA', 'Canada'],
  ['AU', 'Australia'],
]);

export function placeName(code) {
  const known = PLACES.find(([value]) => value === code);
  return known ? `${known[1]} (${code})` : code;
}

/**
 * The row in force for `code`, as the engine picks it (policy_for in
 * core/src/ads/jurisdiction.cpp): anywhere ("*"), then the country, then the
 * subdivision's own row; each with the operator's change of that row.
 */
export function policyFor(table, code) {
  const row = (key) => table.defaults.find((r) => r.code === key);
  const apply = (policy, key) => {
    let out = policy;
    for (const o of table.overrides.filter((x) => x.code === key)) {
      out = {
        ...out,
        code: o.code,
        source: 'the service operator’s own setting',
        ...(o.regime !== null ? { regime: o.regime } : {}),
        ...(o.consentAge !== null ? { consentAge: o.consentAge } : {}),
        ...(o.teenAds13to15 !== null ? { teenAds13to15: o.teenAds13to15 } : {}),
        ...(o.teenAds16to17 !== null ? { teenAds16to17: o.teenAds16to17 } : {}),
      };
    }
    return out;
  };
  let policy = apply(row('*'), '*');
  const country = code.slice(0, 2);
  policy = apply(row(country) ?? policy, country);
  if (code.length > 2) policy = apply(row(code) ?? policy, code);
  return policy;
}

/** The household's place and its policy: `{ code, chosen, policy }` (`chosen`: false when the default applies). */
export function householdPlace(page, overview) {
  const chosen = overview.household.jurisdiction ?? null;
  const code = chosen ?? DEFAULT_PLACE;
  const table = engineApi.jurisdictionPolicy(page.engine, { actor: page.readerId() });
  return { code, chosen: chosen !== null, policy: policyFor(table, code) };
}

const TEEN_ADS = {
  never: 'no ads based on their interests, whatever they agree to',
  off_by_default: 'no ads based on their interests: that is off by default here',
  gpp_opt_in: 'ads based on their interests only if they opt in, as the law here requires',
  as_adult: 'the same privacy choices as an adult (the service operator’s setting)',
};

/** What a teen of a band gets in ads here, in words. */
export function teenAdsText(rule) {
  return TEEN_ADS[rule] ?? String(rule);
}

/** The ages each kind of profile is for, in a sentence. */
export function agesSentence(policy) {
  const age = policy.consentAge;
  return `Here the age of digital consent is ${age}: a child under ${age} has a child profile, and nothing of theirs is collected without a parent’s verified consent; from ${age} to 17 a teen has a teen profile, which a parent still manages; from ${ADULT_AGE} a person manages their own.`;
}

/** A teen's ads in this place, both bands in a sentence. */
export function teenAdsSentence(policy) {
  const young = teenAdsText(policy.teenAds13to15);
  const old = teenAdsText(policy.teenAds16to17);
  return policy.teenAds13to15 === policy.teenAds16to17 ? `A teen gets ${young}.` : `A teen of 13 to 15 gets ${young}; of 16 or 17, ${old}.`;
}
