// Adding a child (R-PRO-1) walks through verifiable parental consent
// (R-CON-1, R-CON-2): who the child is and the approved method chosen, then
// the demo verifier (standing in for a real provider, and saying so), then
// done. Until consent is verified the child exists but is not enabled.

import { el, isolate, userText } from './dom.js';
import { consentMethodLabel } from './format.js';
import { problemAt, viewHeading } from './view.js';
import { chosenMethod, consentIds, methodFieldset, notEnabledText, renderVerifier } from './view-consent.js';

export const addChildIds = {
  name: 'add-child-name',
  birthDate: 'add-child-birth-date',
  submit: 'add-child-submit',
  again: 'add-child-again',
  done: 'add-child-done',
  steps: 'add-child-steps',
};

const STEPS = ['Who the child is', 'How you give consent', 'Verification'];

function stepList(current) {
  return el(
    'ol',
    { class: 'steps', id: addChildIds.steps, 'aria-label': 'Steps' },
    STEPS.map((label, index) =>
      el(
        'li',
        { 'aria-current': index === current ? 'step' : null, class: index < current ? 'done' : null },
        el('span', { class: 'visually-hidden' }, index < current ? 'Done: ' : index === current ? 'Current: ' : 'To do: '),
        label,
      ),
    ),
  );
}

function detailsForm(ctx) {
  const draft = (id) => (ctx.drafts.has(id) ? ctx.drafts.get(id) : '');
  const keep = (node) => {
    node.addEventListener('input', () => ctx.handlers.onDraft(node.id, node.value));
    return node;
  };
  const name = keep(el('input', { id: addChildIds.name, name: 'name', type: 'text', autocomplete: 'off', maxlength: '200', dir: 'auto', value: draft(addChildIds.name) }));
  const birthDate = keep(
    el('input', { id: addChildIds.birthDate, name: 'birthDate', type: 'date', value: draft(addChildIds.birthDate), 'aria-describedby': `${addChildIds.birthDate}-hint` }),
  );
  const methods = methodFieldset('new', ctx, { legend: 'Choose an approved method' });
  const form = el(
    'form',
    {
      class: 'card add-child-form',
      'aria-labelledby': 'add-child-form-heading',
      onSubmit: (event) => {
        event.preventDefault();
        ctx.handlers.onAddChild({ name: name.value, birthDate: birthDate.value, method: chosenMethod(form, 'new') });
      },
    },
    el('h3', { id: 'add-child-form-heading' }, 'Who the child is'),
    el(
      'div',
      { class: 'inline-controls add-child-fields' },
      el('div', { class: 'field' }, el('label', { for: addChildIds.name }, 'Child’s name'), name),
      el(
        'div',
        { class: 'field' },
        el('label', { for: addChildIds.birthDate }, 'Birth date (optional)'),
        birthDate,
        el('span', { class: 'hint', id: `${addChildIds.birthDate}-hint` }, 'Used only to ask you to review the profile when the child turns 13.'),
      ),
    ),
    el('h3', {}, 'How you give consent'),
    methods,
    el('p', { class: 'hint' }, 'The child is added straight away but stays not enabled (nothing is recorded) until the consent is verified.'),
    problemAt(ctx, 'add-child', [name, birthDate, ...methods.querySelectorAll('input[type="radio"]')]),
    el('button', { type: 'submit', id: addChildIds.submit }, 'Add the child and continue to verification'),
  );
  return form;
}

/** The add-a-child walk-through. `ctx.profile`: the child being added, once added. */
export function renderAddChildView(ctx) {
  const { profile } = ctx;
  let step = 0;
  let body;
  if (!profile) {
    body = detailsForm(ctx);
  } else if (profile.consent?.state === 'pending') {
    step = 2;
    body = el(
      'div',
      { class: 'card' },
      el('p', {}, `${isolate(profile.name)} was added. `, el('span', { class: 'badge warn' }, 'not enabled'), ' ', notEnabledText(profile)),
      renderVerifier(profile, ctx, { headingLevel: 'h3' }),
    );
  } else if (profile.consent?.state === 'verified') {
    step = 3;
    body = el(
      'div',
      { class: 'card add-child-done', id: addChildIds.done },
      el('h3', { tabindex: '-1', id: `${addChildIds.done}-heading` }, `${isolate(profile.name)} is enabled`),
      el(
        'p',
        {},
        `Consent was verified by ${consentMethodLabel(profile.consent.evidence.method).toLowerCase()} (reference `,
        el('code', {}, profile.consent.evidence.reference),
        `). ${isolate(profile.name)}'s recordings are kept for at most the household's limit for children; disclosure to third parties is off.`,
      ),
      el(
        'div',
        { class: 'inline-controls' },
        el('a', { href: ctx.hrefs.profile(profile.id), id: `${addChildIds.done}-open` }, `Open ${isolate(profile.name)}'s settings`),
        el('button', { type: 'button', class: 'secondary', id: addChildIds.again, onClick: () => ctx.handlers.onAddAnotherChild() }, 'Add another child'),
      ),
    );
  } else {
    // The request was cancelled (or the child has no consent yet): choose again.
    step = 1;
    const form = el(
      'form',
      {
        class: 'card',
        'aria-label': `Consent for ${isolate(profile.name)}`,
        onSubmit: (event) => {
          event.preventDefault();
          ctx.handlers.onRequestConsent(profile, chosenMethod(form, profile.id));
        },
      },
      el('p', { class: 'notice-text' }, el('span', { class: 'badge warn' }, 'not enabled'), ' ', notEnabledText(profile)),
      methodFieldset(profile.id, ctx, { legend: `How will you give consent for ${isolate(profile.name)}?` }),
      el('div', { class: 'inline-controls' }, el('button', { type: 'submit', id: consentIds.request(profile.id) }, 'Request consent with this method'), el('a', { href: ctx.hrefs.profile(profile.id) }, `Leave it for now (${isolate(profile.name)}'s settings)`)),
    );
    body = form;
  }
  return el(
    'section',
    { class: 'view add-child', 'aria-labelledby': 'view-heading', dataset: { view: 'add-child', step: String(step + 1) } },
    viewHeading('Add a child', 'A child profile needs a parent’s verified consent before anything of the child’s is recorded (COPPA Rule, 16 CFR 312.5).'),
    stepList(step),
    body,
  );
}
