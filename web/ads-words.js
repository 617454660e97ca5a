// The ad decision's words (R-ADS-6): every reason the engine gives
// (AdReason in the package's types), the age bands (R-AGE-1) and where an
// age came from (R-AGE-2), in words a parent understands.

export const KIND_WORDS = Object.freeze({ child: 'a child', teen: 'a teen', adult: 'an adult' });

export const AGE_BANDS = Object.freeze({ under_13: 'under 13', '13_15': '13 to 15', '16_17': '16 or 17', '18_plus': '18 or over' });

export const AGE_SOURCES = Object.freeze({
  none: 'as nothing says how old they are',
  profile: 'from the kind of profile',
  birth_date: 'from the birth date on the profile',
  apple: 'from the age range Apple gives for the account',
  google_play: 'from Google Play’s age signal',
  amazon: 'from Amazon’s age data for the account',
  self_declared: 'as the person said themselves',
  parent_declared: 'as a parent said',
  gpp: 'from the website’s privacy signal',
});

/** The level, for someone named (a parent's words) or in general (for operators). */
export function levelText(level, name) {
  if (!name) return { none: 'No ads at all', contextual: 'Only ads that fit the page, never ads based on the person', personalised: 'Ads may be personalised (based on interests)' }[level] ?? level;
  return (
    {
      none: `No ads at all for ${name} here.`,
      contextual: `Only ads that fit the page ${name} is on, never ads based on ${name}.`,
      personalised: `Ads may be based on ${name}’s interests, because ${name}’s own privacy choices allow it.`,
    }[level] ?? level
  );
}

export const REASONS = Object.freeze({
  'R-ADS-1': 'Children never get ads based on what they do.',
  'R-ADS-2': 'Personal data is never sold, for anyone in the family.',
  'R-ADS-3': 'Ad partners are told that a child may be watching (the COPPA flag).',
  'R-ADS-4': 'For an adult, their own privacy choices decide.',
  'R-ADS-5': 'The viewer’s age is not known and children may be here, so they are treated as a child.',
  'R-ADS-6': 'Each decision says why.',
  'R-AGE-1': 'The age band decides: under 13, 13 to 15, 16 or 17, or 18 and over.',
  'R-AGE-2': 'The lowest age any source gives is the one used.',
  'R-AGE-3': 'The rules of the place where they live apply.',
  'R-AGE-4': 'Teens get no ads based on their interests unless the law where they live allows it.',
  'R-SIG-1': 'The European consent signal was checked strictly.',
  'R-SIG-2': 'The US privacy signals were checked, section by section.',
  'R-SIG-3': 'Global Privacy Control is in force for this person: no sale, no sharing, no ads based on them.',
  'R-SIG-4': 'Ad partners are told only what the rules say they must be told.',
  child_profile: 'This is a child’s profile.',
  teen_profile: 'This is a teen’s profile.',
  child_age_signal: 'An age signal says the person is a child.',
  teen_age_signal: 'An age signal says the person is a teen.',
  gpp_known_child: 'The website’s privacy signal says it knows the viewer is a child.',
  unknown_age: 'Nobody is signed in, and children may be here.',
  kids_experience: 'This is a kids’ experience: no ads based on the person here, for anyone.',
  child_directed: 'This service is made for children, so everyone here is treated as a child.',
  teen_never_personalised: 'Where they live, a teen never gets ads based on their interests, whatever they agree to.',
  teen_off_by_default: 'Where they live, ads based on a teen’s interests are off by default.',
  teen_no_opt_in: 'The teen has not opted in to ads based on their interests, as the law where they live requires.',
  teen_opt_in: 'The teen opted in to ads based on their interests, as the law where they live allows.',
  gpc: 'Global Privacy Control is on: the browser asks not to sell or share data, and that is honoured.',
  us_service_provider_mode: 'The website passes data only to service providers, so no ads are based on the person.',
  us_opted_out: 'The US privacy signal says they opted out of targeted ads, or of sale or sharing.',
  us_notice_not_given: 'The US privacy signal says they were not told how to opt out.',
  us_no_targeted_advertising: 'The website says it does no targeted advertising.',
  us_known_minor_no_consent: 'The US privacy signal says the viewer is a minor without the consent needed.',
  us_personal_data_consent: 'The US privacy signal carries the consent the law needs.',
  us_not_opted_out: 'The US privacy signal says they were told how to opt out and did not.',
  usp_opted_out: 'The older US Privacy signal says they opted out of the sale of their data.',
  usp_not_opted_out: 'The older US Privacy signal says they did not opt out of the sale of their data.',
  tcf_missing: 'No European consent signal was given.',
  tcf_vendor_unknown: 'No ad partner was named, so its consent cannot be checked.',
  tcf_publisher_restriction: 'The website does not allow this ad partner to personalise ads.',
  tcf_vendor_not_disclosed: 'This ad partner was not shown to the person when they chose.',
  tcf_purpose_consent_missing: 'The European consent signal does not include consent to store information, build an ad profile and use it.',
  tcf_vendor_consent_missing: 'They did not consent to this ad partner.',
  tcf_consent: 'They consented to personalised ads from this ad partner (European consent signal).',
  gpp_section_not_understood: 'Part of the signal could not be read here, and it might say no.',
  no_signal: 'No privacy choice allows ads based on the person.',
  invalid_signal: 'The signal could not be read (it looks damaged or incomplete), so no ads are allowed at all.',
  noncompliant_signal: 'The signal breaks the rules of its own standard, so no ads are allowed at all.',
  contradictory_signal: 'The privacy signals contradict each other, so no ads are allowed at all.',
  invalid_input: 'Something needed for the decision is missing, so no ads are allowed at all.',
  not_found: 'This profile could not be found, so no ads are allowed at all.',
  internal: 'Something went wrong, so no ads are allowed at all.',
});
