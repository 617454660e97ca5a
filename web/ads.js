// The "Ads and data" panel (R-ADS-1..6, R-AGE-1..4, R-SIG-3): first what a
// parent needs to know (nothing is ever sold; a child never gets ads based
// on what they do), then, in a parent's words, what ads this person gets
// and why: the engine's decision for the profile where the household lives,
// its reasons, the age band it used and where that came from, and "Opt-out
// preference signal honored" where Global Privacy Control applied. For
// operators, a closed box tries a website's raw privacy signal (TCF or GPP,
// its sections, an ad partner, the GPC header) and shows the decision as
// passed on, compared with another kind of person.
//
// One panel per profile, kept across renders (its ids and what was typed
// into it stay the same); every decision comes from the engine.

import * as engineApi from './engine-adapter.js';
import { domId, el, isolate, replaceChildren } from './dom.js';
import { formatDate } from './format.js';
import { AGE_BANDS, AGE_SOURCES, KIND_WORDS, REASONS, levelText } from './ads-words.js';

const CONTEXTS = [
  ['general', 'A general-audience website or app'],
  ['mixed_audience', 'A family website or app (children and adults)'],
  ['child_directed', 'A website or app made for children'],
  ['kids_experience', 'A kids’ experience (for example, the kids’ mode of a speaker)'],
];

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

/** The engine's decision; a closed engine fails closed here too. */
function decide(page, input) {
  try {
    return engineApi.decideAds(page.engine, { ...input, now: page.now() });
  } catch (error) {
    return { level: 'none', saleAllowed: false, reasons: ['R-ADS-2', 'internal'], regs: { coppa: 1 }, ageBand: null, ageSource: 'none', gpcHonoured: false, errors: [{ message: String(error?.message ?? error) }] };
  }
}

/** Who a decision is for: a profile (read by whoever acts on it), or someone of unknown age (no actor). */
function whoFor(page, profile) {
  return profile ? { actor: page.actorFor(profile) ?? 'system', profileId: profile.id } : { age: 'unknown' };
}

/** What the person gets and why, in a parent's words (R-ADS-6: from the decision's reasons). */
function parentWords(name, profile, decision, ids) {
  const why = [...new Set(decision.reasons)].filter((r) => REASONS[r]);
  const band = AGE_BANDS[decision.ageBand] ?? 'not known';
  return [
    el('h4', {}, `${name} (${KIND_WORDS[profile.kind] ?? profile.kind})`),
    el('p', {}, el('strong', { class: `ads-level ads-level-${decision.level}` }, levelText(decision.level, name))),
    decision.gpcHonoured
      ? el(
          'p',
          { class: 'gpc-honoured', id: ids('gpc-honoured') },
          el('strong', {}, 'Opt-out preference signal honored'),
          profile.gpcAt !== null
            ? ` — Global Privacy Control was recorded for ${name} on ${formatDate(profile.gpcAt)}: nothing of ${name}’s is sold or shared for ads, and it stays so.`
            : ` — the browser’s Global Privacy Control: nothing of ${name}’s is sold or shared for ads.`,
        )
      : null,
    el('p', { class: 'ads-age' }, `Age used: ${band}, ${AGE_SOURCES[decision.ageSource] ?? decision.ageSource}.`),
    el('p', { class: 'ads-why-heading' }, 'Why:'),
    el('ul', { class: 'ads-reasons' }, why.map((r) => el('li', { 'data-reason': r }, REASONS[r]))),
  ];
}

/** A decision as it is passed on, for ad partners and support (R-SIG-4). */
function operatorWords(title, decision) {
  const regs = decision.regs ?? {};
  return [
    el('h4', {}, title),
    el('p', {}, el('strong', { class: `ads-level ads-level-${decision.level}` }, levelText(decision.level))),
    el('ul', { class: 'ads-reasons' }, [...new Set(decision.reasons)].filter((r) => REASONS[r]).map((r) => el('li', { 'data-reason': r }, REASONS[r]))),
    el(
      'details',
      { class: 'problem-details' },
      el('summary', {}, 'Details for ad partners and support'),
      el(
        'p',
        {},
        `Sent to ad partners: COPPA flag ${regs.coppa === 1 ? 'on' : 'off'}`,
        regs.gdpr !== undefined ? `; GDPR applies: ${regs.gdpr === 1 ? 'yes' : 'no'}` : '',
        regs.gpp ? `; privacy code passed on (sections ${regs.gpp_sid.join(', ')})` : '',
        regs.ext?.gpc ? '; Global Privacy Control header passed on' : '',
        decision.ageTreatment ? `; age treatment: ${decision.ageTreatment}` : '',
        '. Selling personal data: never.',
      ),
      el('p', {}, 'Reason codes: ', el('code', { class: 'reason-codes' }, decision.reasons.join(' '))),
      decision.coppaStrip?.length ? el('p', {}, 'Removed from the ad request: ', decision.coppaStrip.map((s) => `${s.field} (${s.action.replaceAll('_', ' ')})`).join(', ')) : null,
      decision.errors?.length ? el('p', {}, decision.errors.map((e) => e.message).join('; ')) : null,
    ),
  ];
}

function makePanel(page, initial) {
  const id = (part) => domId('ads', initial.id, part);
  const panel = { kind: initial.kind, profile: initial };
  const contextSelect = el('select', { id: id('context'), onChange: () => panel.refresh() }, CONTEXTS.map(([value, label]) => el('option', { value }, label)));
  contextSelect.value = initial.kind === 'adult' ? 'general' : 'mixed_audience';
  const signal = el('textarea', { id: id('signal'), rows: 3, spellcheck: 'false', autocomplete: 'off', 'aria-describedby': id('signal-hint'), onInput: () => panel.refresh() });
  const sections = el('input', { id: id('sections'), type: 'text', inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': id('sections-hint'), onInput: () => panel.refresh() });
  const vendor = el('input', { id: id('vendor'), type: 'number', min: 1, max: 65535, inputmode: 'numeric', onInput: () => panel.refresh() });
  const gpc = el('input', { id: id('gpc'), type: 'checkbox', onChange: () => panel.refresh() });
  const lead = el('p', { class: 'ads-lead', id: id('lead') });
  const ownResult = el('div', { class: 'ads-decision', id: id('own') });
  const triedResult = el('div', { class: 'ads-decision', id: id('tried') });
  const otherResult = el('div', { class: 'ads-decision', id: id('other') });
  const field = (input, label, hint) =>
    el('div', { class: 'field' }, el('label', { for: input.id }, label), input, hint ? el('p', { class: 'hint', id: `${input.id}-hint` }, hint) : null);
  panel.node = el(
    'section',
    { class: 'card ads-host ads-panel', id: domId('ads', initial.id), 'aria-labelledby': domId('ads-title', initial.id) },
    el('h3', { id: domId('ads-title', initial.id), tabindex: '-1' }, 'Ads and data'),
    lead,
    el('div', { 'aria-live': 'polite' }, ownResult),
    el(
      'details',
      { class: 'ads-try', id: id('try') },
      el('summary', {}, 'For the service operator: try a website’s raw privacy signal'),
      field(contextSelect, 'Where the ad would show'),
      field(signal, 'The privacy code a website sends with its ads (optional)', 'A TCF or GPP code, as the site’s consent tool makes it. Paste one to see what it changes: for a child, nothing does.'),
      field(sections, 'Which GPP sections apply (optional)', 'Their numbers, separated by commas (for example 7 for the US national section, 8 for California).'),
      field(vendor, 'Ad company’s number in that code (optional)'),
      el('div', { class: 'inline-controls' }, gpc, el('label', { for: gpc.id }, 'The browser asks sites not to sell or share data (Global Privacy Control header)')),
      el('div', { 'aria-live': 'polite' }, triedResult, otherResult),
    ),
  );

  // Someone to compare with: an adult of the household for a child or a teen, a child for an adult.
  function comparison() {
    const profiles = page.overview().profiles;
    const wanted = panel.profile.kind === 'adult' ? 'child' : 'adult';
    const other = profiles.find((p) => p.kind === wanted && p.id !== panel.profile.id);
    if (other) return { who: other, title: `${isolate(other.name)} (${KIND_WORDS[other.kind]}) in the same place` };
    return panel.profile.kind === 'adult' ? null : { who: null, title: 'Someone of unknown age on a general-audience page', general: true };
  }

  function tried(who, context) {
    const input = { ...whoFor(page, who), context, gpc: gpc.checked };
    const text = signal.value.trim();
    if (text) input[text.startsWith('D') ? 'gppString' : 'tcString'] = text;
    const ids = sections.value.split(/[\s,]+/).filter(Boolean).map(Number);
    if (ids.length && ids.every((n) => Number.isInteger(n) && n > 0 && n < 65536)) input.gppSid = ids;
    const number = Number(vendor.value);
    if (vendor.value !== '' && Number.isInteger(number)) input.vendorId = number;
    return input;
  }

  panel.refresh = () => {
    const { profile } = panel;
    const name = isolate(profile.name);
    lead.textContent =
      profile.kind === 'child'
        ? `Nothing of ${name}'s is ever sold, and ${name} never gets ads based on what ${name} says or does: at most, ads that fit the page.`
        : profile.kind === 'teen'
          ? `Nothing of ${name}'s is ever sold, and as a teen ${name} gets no ads based on ${name}'s interests unless the law where you live allows them and ${name} opts in.`
          : `Nothing of ${name}'s is ever sold. Ads based on ${name}'s interests only where ${name}'s own privacy choices allow them.`;
    // What the person gets where the household lives, with what the engine knows of them (R-SIG-3: a recorded GPC).
    replaceChildren(ownResult, parentWords(name, profile, decide(page, { ...whoFor(page, profile), context: 'general' }), id));
    replaceChildren(triedResult, operatorWords(`${name} with this signal`, decide(page, tried(profile, contextSelect.value))));
    const other = comparison();
    if (other) replaceChildren(otherResult, operatorWords(other.title, decide(page, tried(other.who, other.general ? 'general' : contextSelect.value))));
    else otherResult.replaceChildren();
  };
  return panel;
}
