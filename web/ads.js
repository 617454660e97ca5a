// The "Ads and data" panel (issue 5, R-ADS-1..6): what ads a profile can be
// shown and why, in plain words, with a place to paste a consent signal (an
// IAB TCF TC string or a GPP string) and a Global Privacy Control switch. It
// shows this profile's decision beside the other kind's (an adult's for a
// child, a child's for an adult): an adult's changes with the signals, a
// child's never does.
//
// Self-contained: it needs only the package's engine (`decideAds`, and
// `overview` to find someone to compare with). DOM APIs and textContent only.
//
//   import { renderAdsPanel } from './ads.js';
//   renderAdsPanel(container, engine, { id: 'c1', name: 'Maya', kind: 'child' });

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

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'value' || key === 'checked') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

let panels = 0;

/**
 * Renders the panel into `container` (replacing what is there) and returns
 * `{ refresh }` to recompute after the household changes.
 * @param {HTMLElement} container
 * @param {import('family-privacy').PrivacyEngine} engine
 * @param {{ id: string, name: string, kind: 'child' | 'adult' }} profile
 */
export function renderAdsPanel(container, engine, profile) {
  const uid = `ads-${(panels += 1)}`;
  const isChild = profile.kind === 'child';
  const contextSelect = el('select', { id: `${uid}-context`, onchange: refresh },
    CONTEXTS.map(([value, label]) => el('option', { value }, label)));
  contextSelect.value = isChild ? 'mixed_audience' : 'general';
  const signal = el('textarea', {
    id: `${uid}-signal`, rows: 3, spellcheck: 'false', autocomplete: 'off', 'aria-describedby': `${uid}-signal-hint`,
    placeholder: 'CP… (a TC string) or DB… (a GPP string)', oninput: refresh,
  });
  const vendor = el('input', { id: `${uid}-vendor`, type: 'number', min: 1, max: 65535, inputmode: 'numeric', oninput: refresh });
  const gpc = el('input', { id: `${uid}-gpc`, type: 'checkbox', onchange: refresh });
  const ownResult = el('div', { class: 'ads-decision' });
  const otherResult = el('div', { class: 'ads-decision' });

  container.replaceChildren(el('section', { class: 'ads-panel', 'aria-labelledby': `${uid}-title` },
    el('h3', { id: `${uid}-title` }, 'Ads and data'),
    el('p', { class: 'hint' }, `Which ads ${profile.name} can be shown, and why. Personal data is never sold.`),
    el('div', { class: 'field' }, el('label', { for: contextSelect.id }, 'Where the ad would show'), contextSelect),
    el('div', { class: 'field' },
      el('label', { for: signal.id }, 'Privacy signal sent with the page (optional)'),
      signal,
      el('p', { class: 'hint', id: `${uid}-signal-hint` },
        'Websites send the visitor’s privacy choices to ad partners as a code: paste a TCF consent string (starts with C) or a GPP string (starts with D) to see what it changes.')),
    el('div', { class: 'field' }, el('label', { for: vendor.id }, 'Ad partner’s TCF vendor number (optional)'), vendor),
    el('div', { class: 'inline-controls' }, gpc, el('label', { for: gpc.id }, 'Global Privacy Control is on (the browser asks sites not to sell or share data)')),
    el('div', { 'aria-live': 'polite' }, ownResult, otherResult)));

  // Someone to compare with: an adult of the household for a child, a child for an adult.
  function comparison() {
    let profiles = [];
    try {
      profiles = engine.overview().profiles ?? [];
    } catch {
      profiles = [];
    }
    const other = profiles.find((p) => p.kind === (isChild ? 'adult' : 'child') && p.id !== profile.id);
    if (other) return { who: { profileId: other.id }, title: `${other.name} (${other.kind === 'child' ? 'a child' : 'an adult'}) in the same place` };
    return isChild
      ? { who: { age: 'unknown' }, title: 'Someone of unknown age on a general-audience page', general: true }
      : null;
  }

  function show(target, title, decision) {
    const level = LEVELS[decision.level] ?? decision.level;
    const regs = [`COPPA flag ${decision.regs.coppa === 1 ? 'on' : 'off'}`];
    if (decision.regs.gpp) regs.push(`GPP string passed on (sections ${decision.regs.gpp_sid.join(', ')})`);
    target.replaceChildren(...[
      el('h4', {}, title),
      el('p', {}, el('strong', { class: `ads-level ads-level-${decision.level}` }, level)),
      el('ul', { class: 'ads-reasons' }, decision.reasons.filter((r) => REASONS[r]).map((r) => el('li', { 'data-reason': r }, REASONS[r]))),
      decision.errors?.length ? el('p', { class: 'hint' }, `Details: ${decision.errors.map((e) => e.message).join('; ')}`) : null,
      el('p', { class: 'hint' }, `Sent to ad partners: ${regs.join('; ')}. Selling personal data: never.`),
    ].filter(Boolean));
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
      return engine.decideAds(input);
    } catch (error) {
      // The engine fails closed on its own; this covers a closed engine.
      return { level: 'none', saleAllowed: false, reasons: ['R-ADS-2', 'internal'], regs: { coppa: 1 }, errors: [{ message: String(error?.message ?? error) }] };
    }
  }

  function refresh() {
    const context = contextSelect.value;
    show(ownResult, `${profile.name} (${isChild ? 'a child' : 'an adult'})`, decide(request({ profileId: profile.id }, context)));
    const other = comparison();
    if (other) show(otherResult, other.title, decide(request(other.who, other.general ? 'general' : context)));
    else otherResult.replaceChildren();
  }

  refresh();
  return { refresh };
}
