// Adding a child (R-PRO-1) walks through verifiable parental consent
// (R-CON-1, R-CON-2): who the child is and the approved method chosen, then
// the demo verifier (standing in for a real provider, and saying so), then
// done. Until consent is verified the child exists but is not enabled.
// Adding a teen (R-AGE-1: from the household's age of digital consent to
// 17) needs no parental consent to collect: the profile is enabled at once,
// and a parent manages it.

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
  kind: (kind) => `add-kind-${kind}`,
};

/** The draft that keeps which kind of profile is being added. */
const KIND_DRAFT = 'kind:new';

const STEPS = { child: ['Who the child is', 'How you give consent', 'Verification'], teen: ['Who the teen is', 'Added'] };

function stepList(current, kind) {
  return el(
    'ol',
    { class: 'steps', id: addChildIds.steps, 'aria-label': 'Steps' },
    STEPS[kind].map((label, index) =>
      el(
        'li',
        { 'aria-current': index === current ? 'step' : null, class: index < current ? 'done' : null },
        el('span', { class: 'visually-hidden' }, index < current ? 'Done: ' : index === current ? 'Current: ' : 'To do: '),
        label,
      ),
    ),
  );
}

/** Child or teen: the ages each is for here (R-AGE-3), from the household's place. */
function kindFieldset(ctx, kind) {
  const age = ctx.place.policy.consentAge;
  const option = (value, label, hint) =>
    el(
      'li',
      { class: 'method' },
      el('input', {
        type: 'radio',
        name: 'add-kind',
        id: addChildIds.kind(value),
        value,
        checked: kind === value,
        'aria-describedby': `${addChildIds.kind(value)}-text`,
        onChange: () => {
          ctx.handlers.onDraft(KIND_DRAFT, value);
          ctx.handlers.onRerender();
        },
      }),
      el('div', {}, el('label', { for: addChildIds.kind(value) }, label), el('p', { class: 'method-text', id: `${addChildIds.kind(value)}-text` }, hint)),
    );
  return el(
    'fieldset',
    { class: 'methods add-kind' },
    el('legend', {}, 'Who is the profile for?'),
    el(
      'ul',
      { class: 'kind-list' },
      option('child', `A child under ${age}`, `Nothing is recorded until you give verified consent (the age of digital consent where you live is ${age}).`),
      option('teen', `A teen, ${age} to 17`, 'No parental consent is needed for recordings at this age; you still manage the profile, and teens get no ads based on their interests unless the law where you live allows it.'),
    ),
  );
}

function detailsForm(ctx, kind) {
  const draft = (id) => (ctx.drafts.has(id) ? ctx.drafts.get(id) : '');
  const keep = (node) => {
    node.addEventListener('input', () => ctx.handlers.onDraft(node.id, node.value));
    return node;
  };
  const isChild = kind === 'child';
  const name = keep(el('input', { id: addChildIds.name, name: 'name', type: 'text', autocomplete: 'off', maxlength: '200', dir: 'auto', value: draft(addChildIds.name) }));
  const birthDate = keep(
    el('input', { id: addChildIds.birthDate, name: 'birthDate', type: 'date', value: draft(addChildIds.birthDate), 'aria-describedby': `${addChildIds.birthDate}-hint` }),
  );
  const methods = isChild ? methodFieldset('new', ctx, { legend: 'Choose an approved method' }) : null;
  const form = el(
    'form',
    {
      class: 'card add-child-form',
      'aria-labelledby': 'add-child-form-heading',
      dataset: { kind },
      onSubmit: (event) => {
        event.preventDefault();
        ctx.handlers.onAddChild({ kind, name: name.value, birthDate: birthDate.value, method: isChild ? chosenMethod(form, 'new') : undefined });
      },
    },
    kindFieldset(ctx, kind),
    el('h3', { id: 'add-child-form-heading' }, isChild ? 'Who the child is' : 'Who the teen is'),
    el(
      'div',
      { class: 'inline-controls add-child-fields' },
      el('div', { class: 'field' }, el('label', { for: addChildIds.name }, isChild ? 'Child’s name' : 'Teen’s name'), name),
      el(
        'div',
        { class: 'field' },
        el('label', { for: addChildIds.birthDate }, 'Birth date (optional)'),
        birthDate,
        el(
          'span',
          { class: 'hint', id: `${addChildIds.birthDate}-hint` },
          isChild ? `Used only to ask you to review the profile when the child turns ${ctx.place.policy.consentAge}.` : 'Used only to ask you to review the profile when the teen turns 18.',
        ),
      ),
    ),
    isChild ? [el('h3', {}, 'How you give consent'), methods] : null,
    el(
      'p',
      { class: 'hint' },
      isChild
        ? 'The child is added straight away but stays not enabled (nothing is recorded) until the consent is verified.'
        : 'The teen is added straight away and can be recorded at once; recordings are kept at most as long as a child’s.',
    ),
    problemAt(ctx, 'add-child', [name, birthDate, ...(methods ? methods.querySelectorAll('input[type="radio"]') : [])]),
    el('button', { type: 'submit', id: addChildIds.submit }, isChild ? 'Add the child and continue to verification' : 'Add the teen'),
  );
  return form;
}

/** A teen, added: what it means, and where to go next. */
function teenAdded(profile, ctx) {
  return el(
    'div',
    { class: 'card add-child-done', id: addChildIds.done },
    el('h3', { tabindex: '-1', id: `${addChildIds.done}-heading` }, `${isolate(profile.name)} is added as a teen`),
    el('p', {}, `You manage ${isolate(profile.name)}'s profile: what is recorded, for how long, and deleting it. ${isolate(profile.name)}'s recordings are kept at most the children’s limit, and no ads are based on ${isolate(profile.name)}'s interests unless the law where you live allows it.`),
    el(
      'div',
      { class: 'inline-controls' },
      el('a', { href: ctx.hrefs.profile(profile.id), id: `${addChildIds.done}-open` }, `Open ${isolate(profile.name)}'s settings`),
      el('button', { type: 'button', class: 'secondary', id: addChildIds.again, onClick: () => ctx.handlers.onAddAnotherChild() }, 'Add another child or teen'),
    ),
  );
}

/** The add-a-child walk-through. `ctx.profile`: the child being added, once added. */
export function renderAddChildView(ctx) {
  const { profile } = ctx;
  const kind = profile?.kind ?? (ctx.drafts.get(KIND_DRAFT) === 'teen' ? 'teen' : 'child');
  let step = 0;
  let body;
  if (!profile) {
    body = detailsForm(ctx, kind);
  } else if (profile.kind === 'teen') {
    step = 1;
    body = teenAdded(profile, ctx);
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
        el('button', { type: 'button', class: 'secondary', id: addChildIds.again, onClick: () => ctx.handlers.onAddAnotherChild() }, 'Add another child or teen'),
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
    viewHeading(
      'Add a child or teen',
      `A child under ${ctx.place.policy.consentAge}, the age of digital consent where you live, needs a parent’s verified consent before anything of the child’s is recorded (COPPA Rule, 16 CFR 312.5). A teen, ${ctx.place.policy.consentAge} to 17, needs none; you still manage the profile.`,
    ),
    stepList(step, kind),
    body,
  );
}
