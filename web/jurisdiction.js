// Where the household lives (R-AGE-3) and what follows from it, in a
// parent's words: the age of digital consent (under it, a child profile and
// a parent's verified consent; from it to 17, a teen profile; from 18, an
// adult's own) and what a teen gets in ads (R-AGE-4). The figures come from
// the engine's policy table (`jurisdictionPolicy`: defaults with their
// sources, and the operator's changes), which also answers the row in force.

import * as engineApi from './engine-adapter.js';


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

/** The household's place and its policy: `{ code, chosen, policy }` (`chosen`: false when the default applies). */
export function householdPlace(page, overview) {
  const chosen = overview.household.jurisdiction ?? null;
  // The engine answers the row in force where the household lives (its default: US).
  const table = engineApi.jurisdictionPolicy(page.engine, { actor: page.readerId() });
  return { code: table.code, chosen: chosen !== null, policy: table.inForce };
}

const TEEN_ADS = {
  never: 'no ads based on their interests, whatever they agree to',
  off_by_default: 'no ads based on their interests: that is off by default here',
  gpp_opt_in: 'ads based on their interests only if they opt in, as the law here requires',
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
