// Where the household lives (R-AGE-3), in its settings: an ISO 3166 code
// chosen from a short list or typed, and what it implies, in a parent's
// words, from the engine's policy table: the age of digital consent (who
// has a child, a teen or an adult profile) and what a teen gets in ads
// (R-AGE-4), with the table's source for the row that applies.

import { el } from './dom.js';
import { PLACES, agesSentence, placeName, teenAdsSentence } from './jurisdiction.js';
import { draft, noticeAt, problemAt } from './view.js';

export const placeIds = {
  select: 'jurisdiction-select',
  code: 'jurisdiction-code',
  save: 'jurisdiction-save',
  explained: 'jurisdiction-explained',
};

const OTHER = 'other';

export function renderPlaceCard(ctx) {
  const { code, chosen, policy } = ctx.place;
  const listed = PLACES.some(([value]) => value === code);
  const select = draft(
    ctx,
    'select',
    { id: placeIds.select, name: 'jurisdiction', 'aria-describedby': placeIds.explained },
    el('option', { value: '', selected: !chosen }, 'Not chosen (the United States’ rules apply)'),
    PLACES.map(([value, label]) => el('option', { value, selected: chosen && value === code }, `${label} (${value})`)),
    el('option', { value: OTHER, selected: chosen && !listed }, 'Somewhere else: type its code'),
  );
  const typed = draft(ctx, 'input', {
    id: placeIds.code,
    name: 'code',
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: '6',
    class: 'code-input',
    value: chosen && !listed ? code : '',
    'aria-describedby': `${placeIds.code}-hint`,
  });
  const form = el(
    'form',
    {
      class: 'inline-form place-form',
      'aria-label': 'Where the household lives',
      onSubmit: (event) => {
        event.preventDefault();
        const other = select.value === OTHER;
        ctx.handlers.onSetJurisdiction(other ? typed.value : select.value, { typed: other });
      },
    },
    el('div', { class: 'field' }, el('label', { for: placeIds.select }, 'Country or region'), select),
    el(
      'div',
      { class: 'field' },
      el('label', { for: placeIds.code }, 'Its code, if somewhere else'),
      typed,
      el('span', { class: 'hint', id: `${placeIds.code}-hint` }, 'The ISO 3166 code: two letters for a country (PT, JP), or a country and a region (US-WA).'),
    ),
    el('button', { type: 'submit', id: placeIds.save }, 'Save the place'),
    problemAt(ctx, 'jurisdiction', [typed, select]),
  );
  return el(
    'section',
    { class: 'card place', id: 'place', 'aria-labelledby': 'place-heading', dataset: { jurisdiction: chosen ? code : '', consentAge: String(policy.consentAge) } },
    el('h3', { id: 'place-heading', tabindex: '-1' }, 'Where you live'),
    el(
      'div',
      { id: placeIds.explained, class: 'place-explained' },
      el('p', {}, el('strong', {}, chosen ? `${placeName(code)}.` : 'Not chosen: the United States’ rules apply.'), ' ', agesSentence(policy)),
      el('p', {}, teenAdsSentence(policy), ' A child never gets ads based on what they do, wherever you live.'),
    ),
    el('p', { class: 'hint place-source' }, `Where these rules come from: ${policy.source}.`),
    form,
    noticeAt(ctx, 'jurisdiction'),
  );
}
