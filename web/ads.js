// The "Ads and data" panel (R-ADS-1..6): first what a parent needs to know
// (nothing is ever sold; a child never gets ads based on what they do), then
// what ads this profile can be shown and why, in plain words. For the
// technically minded, a closed section tries a website's privacy signal
// (the codes sites send to ad partners, and Global Privacy Control) and
// compares this profile's decision with the other kind's: an adult's
// changes with the signals, a child's never does.
//
// One panel per profile, kept across renders (its ids and what was typed
// into it stay the same); every decision comes from the engine, through the
// adapter.

import * as engineApi from './engine-adapter.js';
import { domId, el, isolate } from './dom.js';

const CONTEXTS = [
  ['general', 'A general-audience website or app'],
  ['mixed_audience', 'A family website or app (children and adults)'],
  ['child_directed', 'A website or app made for children'],
  ['kids_experience', 'A kids’ experience (for example, the kids’ mode of a speaker)'],
];

const LEVELS = {
  none: 'No ads at all',
  contextual: 'Only ads that fit the page, never ads based on the person',
  personalised: 'Ads may be personalised (based on interests)',
};

// Every reason the engine gives, in words a parent understands (R-ADS-6).
const REASONS = {
  'R-ADS-2': 'Personal data is never sold, for anyone in the family.',
  'R-ADS-1': 'Children never get ads based on what they do.',
  'R-ADS-3': 'Ad partners are told that a child may be watching (the COPPA flag).',
  'R-ADS-4': 'For an adult, the privacy choices sent with the page decide.',
  'R-ADS-5': 'The viewer’s age is not known and children may be here, so they are treated as a child.',
  child_profile: 'This is a child’s profile.',
  unknown_age: 'Nobody is signed in, and children may be here.',
  usnat_known_child: 'The US privacy signal says the viewer is a child under 13.',
  kids_experience: 'This is a kids’ experience: no ads based on the person here, for anyone.',
  child_directed: 'This service is made for children, so everyone here is treated as a child.',
  gpc: 'Global Privacy Control is on: the browser asks not to sell or share data.',
  usnat_opted_out: 'The US privacy signal says they opted out of targeted ads, or of sale or sharing.',
  usnat_no_opt_out_notice: 'The US privacy signal says they were not told how to opt out of targeted ads.',
  usnat_not_opted_out: 'The US privacy signal says they were told how to opt out and did not.',
  usp_opted_out: 'The US Privacy signal says they opted out of the sale of their data.',
  usp_not_opted_out: 'The US Privacy signal says they did not opt out of the sale of their data.',
  tcf_purpose_consent_missing: 'The European consent signal does not include consent to store information, build an ad profile and use it.',
  tcf_vendor_unknown: 'No ad partner was named, so its consent cannot be checked.',
  tcf_vendor_consent_missing: 'They did not consent to this ad partner.',
  tcf_publisher_restriction: 'The website does not allow this ad partner to personalise ads.',
  tcf_consent: 'They consented to personalised ads from this ad partner (European consent signal).',
  gpp_section_not_understood: 'Part of the signal could not be read here, and it might say no.',
  no_signal: 'No privacy choice allows ads based on the person.',
  invalid_signal: 'The pasted signal could not be read (it looks damaged or incomplete), so no ads are allowed at all.',
  contradictory_signal: 'The privacy signals contradict each other, so no ads are allowed at all.',
  invalid_input: 'Something needed for the decision is missing, so no ads are allowed at all.',
  not_found: 'This profile could not be found, so no ads are allowed at all.',
  internal: 'Something went wrong, so no ads are allowed at all.',
};

/** The panel for `profile`, made once per profile and page, refreshed on each render. */
export function adsPanelFor(page, profile) {
  page.adsPanels ??= new Map();
  let panel = page.adsPanels.get(profile.id);
  if (!panel || panel.kind !== profile.kind) {
    panel = makePanel(page, profile);
    page.adsPanels.set(profile.id, panel);
  }
  panel.profile = profile;
  return panel;
}

function makePanel(page, initial) {
  const id = (part) => domId('ads', initial.id, part);
  const isChild = initial.kind === 'child';
  const panel = { kind: initial.kind, profile: initial };
  const contextSelect = el('select', { id: id('context'), onChange: () => panel.refresh() }, CONTEXTS.map(([value, label]) => el('option', { value }, label)));
  contextSelect.value = isChild ? 'mixed_audience' : 'general';
  const signal = el('textarea', {
    id: id('signal'),
    rows: 3,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': id('signal-hint'),
    onInput: () => panel.refresh(),
  });
  const vendor = el('input', { id: id('vendor'), type: 'number', min: 1, max: 65535, inputmode: 'numeric', onInput: () => panel.refresh() });
  const gpc = el('input', { id: id('gpc'), type: 'checkbox', onChange: () => panel.refresh() });
  const lead = el('p', { class: 'ads-lead', id: id('lead') });
  const ownResult = el('div', { class: 'ads-decision', id: id('own') });
  const otherResult = el('div', { class: 'ads-decision', id: id('other') });
  const heading = el('h3', { id: domId('ads-title', initial.id), tabindex: '-1' }, 'Ads and data');
  panel.node = el(
    'section',
    { class: 'card ads-host ads-panel', id: domId('ads', initial.id), 'aria-labelledby': domId('ads-title', initial.id) },
    heading,
    lead,
    el('div', { 'aria-live': 'polite' }, ownResult),
    el(
      'details',
      { class: 'ads-try', id: id('try') },
      el('summary', {}, 'Try a website’s privacy signal (for the technically minded)'),
      el('div', { class: 'field' }, el('label', { for: contextSelect.id }, 'Where the ad would show'), contextSelect),
      el(
        'div',
        { class: 'field' },
        el('label', { for: signal.id }, 'The privacy code a website sends with its ads (optional)'),
        signal,
        el('p', { class: 'hint', id: id('signal-hint') }, 'Websites pass a visitor’s privacy choices to ad companies as a code. Paste one to see what it changes: for a child, nothing does.'),
      ),
      el('div', { class: 'field' }, el('label', { for: vendor.id }, 'Ad company’s number in that code (optional)'), vendor),
      el('div', { class: 'inline-controls' }, gpc, el('label', { for: gpc.id }, 'The browser asks sites not to sell or share data (Global Privacy Control)')),
      el('div', { 'aria-live': 'polite' }, otherResult),
    ),
  );

  // Someone to compare with: an adult of the household for a child, a child for an adult.
  function comparison() {
    const profiles = page.overview().profiles;
    const other = profiles.find((p) => p.kind === (isChild ? 'adult' : 'child') && p.id !== panel.profile.id);
    if (other) return { who: { profileId: other.id }, title: `${isolate(other.name)} (${other.kind === 'child' ? 'a child' : 'an adult'}) in the same place` };
    return isChild ? { who: { age: 'unknown' }, title: 'Someone of unknown age on a general-audience page', general: true } : null;
  }

  function show(target, title, decision) {
    const level = LEVELS[decision.level] ?? decision.level;
    target.replaceChildren(
      el('h4', {}, title),
      el('p', {}, el('strong', { class: `ads-level ads-level-${decision.level}` }, level)),
      el('ul', { class: 'ads-reasons' }, decision.reasons.filter((r) => REASONS[r]).map((r) => el('li', { 'data-reason': r }, REASONS[r]))),
      el(
        'details',
        { class: 'problem-details' },
        el('summary', {}, 'Details for ad partners and support'),
        el('p', {}, `Sent to ad partners: COPPA flag ${decision.regs.coppa === 1 ? 'on' : 'off'}${decision.regs.gpp ? `; privacy code passed on (sections ${decision.regs.gpp_sid.join(', ')})` : ''}. Selling personal data: never.`),
        decision.errors?.length ? el('p', {}, decision.errors.map((e) => e.message).join('; ')) : null,
      ),
    );
  }

  function request(who, context) {
    const text = signal.value.trim();
    const input = { ...who, context, gpc: gpc.checked };
    if (text) input[text.startsWith('D') ? 'gppString' : 'tcString'] = text;
    const number = Number(vendor.value);
    if (vendor.value !== '' && Number.isInteger(number)) input.vendorId = number;
    return input;
  }

  function decide(input) {
    try {
      return engineApi.decideAds(page.engine, input);
    } catch (error) {
      // The engine fails closed on its own; this covers a closed engine.
      return { level: 'none', saleAllowed: false, reasons: ['R-ADS-2', 'internal'], regs: { coppa: 1 }, errors: [{ message: String(error?.message ?? error) }] };
    }
  }

  panel.refresh = () => {
    const { profile } = panel;
    const name = isolate(profile.name);
    lead.textContent = isChild
      ? `Nothing of ${name}'s is ever sold, and ${name} never gets ads based on what ${name} says or does: at most, ads that fit the page.`
      : `Nothing of ${name}'s is ever sold. Ads based on ${name}'s interests only where ${name}'s own privacy choices allow them.`;
    show(ownResult, `${name} (${isChild ? 'a child' : 'an adult'})`, decide(request({ profileId: profile.id }, contextSelect.value)));
    const other = comparison();
    if (other) show(otherResult, other.title, decide(request(other.who, other.general ? 'general' : contextSelect.value)));
    else otherResult.replaceChildren();
  };
  return panel;
}
