// Verifiable parental consent on the page (R-CON-1..5) and the child-profile
// lifecycle (R-PRO-1..3): the choice of an approved method, the demo
// verifier that stands in for a real verification provider, a child's
// consent panel (state, evidence, disclosure to third parties, revoke,
// re-consent), renaming and removing a profile, and the notices a parent
// must act on (inactive profiles, a child who turned 13).
//
// Plain functions from engine answers to DOM nodes, like view.js: the page
// controller (app.js) passes data and handlers in. Untrusted text (names,
// references) only ever becomes text.

import { el, domId, isolate, userText } from './dom.js';
import {
  CONSENT_METHODS,
  internalOnlyNote,
  consentMethodLabel,
  consentStateText,
  formatDate,
  formatDateTime,
  lastActiveAt,
  plural,
} from './format.js';
import { noticeAt, problemAt, time } from './view.js';

/** The demo verifier's name, recorded as `verifiedBy` in the consent evidence. */
export const DEMO_VERIFIER = 'Demo verifier';
export const DEMO_VERIFIER_NOTICE = 'Demo verifier — in a real service a verification provider checks this.';

export const consentIds = {
  section: (profileId) => domId('consent', profileId),
  heading: (profileId) => domId('consent-heading', profileId),
  state: (profileId) => domId('consent-state', profileId),
  cta: (profileId) => domId('consent-cta', profileId),
  methods: (scope) => domId('methods', scope),
  method: (scope, method) => domId('method', scope, method),
  request: (scope) => domId('consent-request', scope),
  verifier: (profileId) => domId('verifier', profileId),
  verifierHeading: (profileId) => domId('verifier-heading', profileId),
  verify: (profileId) => domId('consent-verify', profileId),
  cancel: (profileId) => domId('consent-cancel', profileId),
  disclosure: (profileId) => domId('disclosure', profileId),
  revoke: (profileId) => domId('consent-revoke', profileId),
  enable: (profileId) => domId('consent-enable', profileId),
  exportData: (profileId) => domId('consent-export', profileId),
  manage: (profileId) => domId('manage', profileId),
  rename: (profileId) => domId('rename', profileId),
  renameSave: (profileId) => domId('rename-save', profileId),
  remove: (profileId) => domId('remove', profileId),
  keep: (profileId) => domId('keep', profileId),
  keepChild: (profileId) => domId('age-keep-child', profileId),
  makeTeen: (profileId) => domId('age-teen', profileId),
  keepTeen: (profileId) => domId('age-keep-teen', profileId),
  makeAdult: (profileId) => domId('age-adult', profileId),
  notices: () => 'notices',
};

/** The method a parent has ticked (kept across re-renders in ctx.drafts). */
function methodDraftKey(scope) {
  return `method:${scope}`;
}

/**
 * The nine approved methods (R-CON-2) as a group of radio buttons, each
 * explained in plain words; email-plus carries its internal-only note.
 * `scope` makes the ids (a profile id, or 'new' for a child being added).
 */
export function methodFieldset(scope, ctx, { legend = 'How will you give consent?' } = {}) {
  const chosen = ctx.drafts.get(methodDraftKey(scope)) ?? '';
  const groupName = consentIds.methods(scope);
  const internalOnly = CONSENT_METHODS.filter(({ method }) => !ctx.backsDisclosure(method)).map(({ label }) => label);
  return el(
    'fieldset',
    { class: 'methods', id: groupName, 'aria-describedby': `${groupName}-what ${groupName}-hint` },
    el('legend', {}, legend),
    consentCovers(ctx, `${groupName}-what`),
    el(
      'p',
      { class: 'hint methods-hint', id: `${groupName}-hint` },
      'Each is an approved way to check that you are the parent (COPPA Rule, 16 CFR 312.5(b)). Choose the one that suits you.',
      internalOnly.length
        ? ` ${internalOnly.join(' and ')} cover internal use only: consent given ${internalOnly.length === 1 ? 'that way' : 'either way'} can never back disclosure to third parties.`
        : null,
    ),
    el(
      'ul',
      { class: 'method-list' },
      CONSENT_METHODS.map(({ method, label, text }) => {
        const internalOnly = !ctx.backsDisclosure(method);
        const id = consentIds.method(scope, method);
        return el(
          'li',
          { class: internalOnly ? 'method internal-only' : 'method' },
          el('input', {
            type: 'radio',
            name: groupName,
            id,
            value: method,
            checked: chosen === method,
            'aria-describedby': `${id}-text`,
            onChange: (event) => {
              if (event.target.checked) ctx.handlers.onDraft(methodDraftKey(scope), method);
            },
          }),
          el(
            'div',
            {},
            el('label', { for: id }, label),
            el('p', { class: 'method-text', id: `${id}-text` }, text, internalOnly ? [' ', el('strong', {}, internalOnlyNote(method))] : null),
          ),
        );
      }),
    ),
  );
}

/**
 * R-CON-3: what consent covers, from the privacy notice: what is collected,
 * and who the notice names as recipients, for which purposes (they receive
 * nothing without the separate consent to disclosure).
 */
export function consentCovers(ctx, id) {
  const recipients = ctx.thirdParties;
  return el(
    'div',
    { class: 'consent-covers', id },
    el('p', {}, `You consent to what the privacy notice (version ${ctx.noticeVersion}) says is collected: ${ctx.collects.map(isolate).join(', ')}.`),
    recipients.length === 0
      ? el('p', { class: 'consent-recipients', dataset: { recipients: '0' } }, 'The notice names no third party: nothing is disclosed to anyone.')
      : el(
          'div',
          { class: 'consent-recipients', dataset: { recipients: String(recipients.length) } },
          el('p', {}, 'The notice names these recipients, who receive nothing unless you also give the separate consent to disclosure:'),
          el('ul', { class: 'recipients' }, recipients.map((party) => el('li', {}, el('strong', {}, userText(party.name)), ` (${isolate(party.category)}): `, userText(party.purpose)))),
        ),
  );
}

/** The chosen method in a form (the ticked radio), or ''. */
export function chosenMethod(form, scope) {
  const checked = form.querySelector(`input[name="${consentIds.methods(scope)}"]:checked`);
  return checked ? checked.value : '';
}

/** none/revoked: choose a method and ask for consent (requestConsent). */
function requestForm(profile, ctx, { submitLabel, legend }) {
  const form = el(
    'form',
    {
      class: 'consent-request-form',
      'aria-label': `Consent for ${isolate(profile.name)}`,
      onSubmit: (event) => {
        event.preventDefault();
        ctx.handlers.onRequestConsent(profile, chosenMethod(form, profile.id));
      },
    },
    methodFieldset(profile.id, ctx, { legend }),
    el('button', { type: 'submit', id: consentIds.request(profile.id) }, submitLabel),
  );
  return form;
}

/**
 * pending: the demo verifier stands in for the real provider, and says so.
 * "Verified" records the consent (recordConsent) with the verifier's
 * reference; "Cancel" withdraws the request (cancelConsent).
 */
export function renderVerifier(profile, ctx, { headingLevel = 'h4' } = {}) {
  const method = profile.consent.requestedMethod;
  const info = CONSENT_METHODS.find((m) => m.method === method);
  const reference = ctx.verifierReference(profile);
  const headingId = consentIds.verifierHeading(profile.id);
  return el(
    'section',
    { class: 'verifier', id: consentIds.verifier(profile.id), 'aria-labelledby': headingId, dataset: { method: method ?? '' } },
    el(headingLevel, { id: headingId, tabindex: '-1' }, `Verify that you are ${isolate(profile.name)}'s parent`),
    el('p', { class: 'demo-banner', id: `${consentIds.verifier(profile.id)}-demo` }, el('strong', {}, DEMO_VERIFIER_NOTICE)),
    profile.consent.reason === 'material_change'
      ? el(
          'p',
          { class: 'notice-text material-change' },
          `The privacy notice changed in what it collects or discloses (now version ${ctx.noticeVersion}). ${isolate(profile.name)} is paused until you give fresh consent.`,
        )
      : null,
    el(
      'dl',
      { class: 'fields' },
      el('dt', {}, 'Method'),
      el('dd', { class: 'verifier-method' }, info ? info.label : consentMethodLabel(method)),
      el('dt', {}, 'What the verifier checks'),
      el('dd', {}, info ? info.text : ''),
      el('dt', {}, 'Reference it gives'),
      el('dd', {}, el('code', { class: 'verifier-reference' }, reference)),
    ),
    method && !ctx.backsDisclosure(method) ? el('p', { class: 'hint' }, internalOnlyNote(method)) : null,
    el(
      'div',
      { class: 'inline-controls' },
      el(
        'button',
        {
          type: 'button',
          id: consentIds.verify(profile.id),
          'aria-describedby': `${consentIds.verifier(profile.id)}-demo`,
          onClick: () => ctx.handlers.onRecordConsent(profile, { method, reference }),
        },
        'Mark as verified (demo)',
      ),
      el(
        'button',
        { type: 'button', class: 'secondary', id: consentIds.cancel(profile.id), onClick: () => ctx.handlers.onCancelConsent(profile) },
        'Cancel the request',
      ),
    ),
  );
}

/** "Not enabled" with what to do about it (R-CON-1). */
export function notEnabledText(profile) {
  const state = profile.consent?.state;
  if (state === 'pending') return `${isolate(profile.name)} is not enabled: consent was requested and is waiting for verification. Nothing is recorded until then.`;
  if (state === 'revoked') return `${isolate(profile.name)} is not enabled: consent was revoked, so nothing is recorded. Give consent again to turn ${isolate(profile.name)} back on.`;
  if (state === 'verified') return `${isolate(profile.name)} is paused: nothing is recorded until you turn it back on.`;
  return `${isolate(profile.name)} is not enabled: nothing is recorded until a parent gives verified consent.`;
}

/** The call to action at the top of a child's view when it is not enabled. */
export function renderNotEnabled(profile, ctx) {
  if (profile.kind !== 'child' || profile.enabled) return null;
  const verified = profile.consent?.state === 'verified';
  return el(
    'div',
    { class: 'cta card', id: consentIds.cta(profile.id), role: 'note' },
    el('p', {}, el('span', { class: 'badge warn' }, 'not enabled'), ' ', notEnabledText(profile)),
    verified
      ? el('button', { type: 'button', id: consentIds.enable(profile.id), onClick: () => ctx.handlers.onEnableProfile(profile, true) }, `Turn ${isolate(profile.name)} back on`)
      : el('button', { type: 'button', id: `${consentIds.cta(profile.id)}-go`, onClick: () => ctx.handlers.onJumpToConsent(profile) }, 'Give consent'),
  );
}

function evidenceRows(profile, ctx) {
  const { consent } = profile;
  const rows = [['State', el('span', { id: consentIds.state(profile.id), dataset: { state: consent.state } }, consentStateText(consent.state))]];
  if (consent.evidence) {
    const { evidence } = consent;
    rows.push(
      ['Method', consentMethodLabel(evidence.method)],
      ['Reference', el('code', { class: 'evidence-reference' }, evidence.reference)],
      ['Verified by', evidence.verifiedBy],
      ['Verified at', time(evidence.verifiedAt, formatDateTime(evidence.verifiedAt))],
    );
  } else if (consent.requestedMethod) {
    rows.push(['Method requested', consentMethodLabel(consent.requestedMethod)]);
  }
  rows.push([
    'Privacy notice',
    consent.noticeVersion === null
      ? `not consented to yet (current version ${ctx.noticeVersion})`
      : consent.noticeVersion === ctx.noticeVersion
        ? `version ${consent.noticeVersion} (the current one)`
        : `version ${consent.noticeVersion} (the current one is version ${ctx.noticeVersion})`,
  ]);
  if (consent.revokedAt !== null) rows.push(['Revoked at', time(consent.revokedAt, formatDateTime(consent.revokedAt))]);
  rows.push(['Recording', profile.enabled ? 'on: recordings can be made and kept' : 'off: nothing is recorded']);
  // The record in full, one click away; its state is in the summary line.
  return el(
    'details',
    { class: 'consent-record', open: consent.state !== 'verified' },
    el('summary', {}, `Consent record: ${consentStateText(consent.state).toLowerCase()}${consent.evidence ? `, by ${consentMethodLabel(consent.evidence.method).toLowerCase()}` : ''}`),
    el('dl', { class: 'fields consent-fields' }, rows.map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
  );
}

/**
 * R-CON-3: disclosure to third parties, its own consent, off by default,
 * never a condition of the service. Turning it on is confirmed like a
 * deletion, naming the recipients and purposes from the privacy notice; with
 * none named there is nobody to disclose to, so it cannot be turned on.
 * Withdrawing it is one step.
 */
function disclosureSection(profile, ctx) {
  const id = consentIds.disclosure(profile.id);
  const { consent } = profile;
  const verified = consent.state === 'verified';
  const internalOnly = consent.evidence ? !ctx.backsDisclosure(consent.evidence.method) : false;
  const recipients = ctx.thirdParties;
  let action;
  if (consent.disclosure) {
    action = el('button', { type: 'button', class: 'secondary', id: `${id}-withdraw`, onClick: () => ctx.handlers.onSetDisclosure(profile, false) }, 'Withdraw consent to disclosure');
  } else if (recipients.length === 0) {
    action = el('p', { class: 'hint no-recipients', id: `${id}-none` }, 'The privacy notice names no third party, so there is nobody this could go to: it cannot be turned on.');
  } else if (verified) {
    action = el('button', { type: 'button', class: 'danger', id: `${id}-allow`, onClick: () => ctx.handlers.onSetDisclosure(profile, true) }, 'Allow disclosure to the recipients named…');
  } else {
    action = el('p', { class: 'hint' }, 'It can be turned on only with verified consent.');
  }
  return el(
    'section',
    { class: 'disclosure-consent', id, 'aria-labelledby': `${id}-heading`, dataset: { disclosure: String(consent.disclosure) } },
    el('h4', { id: `${id}-heading` }, 'Disclosure to third parties'),
    el(
      'p',
      { id: `${id}-hint`, class: 'hint' },
      'A separate consent: letting the companies named in the privacy notice receive what ',
      userText(profile.name),
      ' says. It is off unless you turn it on, and ',
      userText(profile.name),
      ' can use the service just the same without it.',
    ),
    internalOnly ? el('p', { class: 'hint internal-only-note' }, internalOnlyNote(consent.evidence.method)) : null,
    el(
      'p',
      { id: `${id}-state`, class: 'disclosure-state' },
      consent.disclosure
        ? ['On: ', el('strong', {}, recipientsText(recipients)), ' may receive it.']
        : 'Off: nothing is disclosed to third parties.',
    ),
    action,
    problemAt(ctx, `disclosure:${profile.id}`),
    noticeAt(ctx, `disclosure:${profile.id}`),
  );
}

/** "Acme Speech (model training)", the notice's recipients in a line. */
export function recipientsText(recipients) {
  if (recipients.length === 0) return 'nobody (the notice names no third party)';
  return recipients.map((party) => `${isolate(party.name)} (${isolate(party.purpose)})`).join(', ');
}

/** The consent panel of one child (R-CON-1..5), with the data export (R-CON-4). */
export function renderConsentPanel(profile, ctx) {
  if (profile.kind !== 'child' || !profile.consent) return null;
  const { consent } = profile;
  const headingId = consentIds.heading(profile.id);
  let flow = null;
  if (consent.state === 'pending') flow = renderVerifier(profile, ctx);
  else if (consent.state === 'none') {
    flow = requestForm(profile, ctx, { submitLabel: 'Request consent with this method', legend: `How will you give consent for ${isolate(profile.name)}?` });
  } else if (consent.state === 'revoked') {
    flow = [
      el('h4', {}, 'Give consent again'),
      requestForm(profile, ctx, { submitLabel: 'Request consent again with this method', legend: 'How will you give consent this time?' }),
    ];
  }
  return el(
    'section',
    { class: 'card consent', id: consentIds.section(profile.id), 'aria-labelledby': headingId, dataset: { state: consent.state } },
    el('h3', { id: headingId, tabindex: '-1' }, 'Parental consent'),
    el(
      'p',
      { class: 'hint' },
      `Nothing of ${isolate(profile.name)}'s is collected, used or disclosed without verified consent from a parent. You can review, download and delete ${isolate(profile.name)}'s data, and revoke consent, at any time.`,
    ),
    evidenceRows(profile, ctx),
    flow,
    consent.state === 'verified' || consent.state === 'revoked' ? disclosureSection(profile, ctx) : null,
    el(
      'div',
      { class: 'inline-controls consent-actions' },
      consent.state === 'verified'
        ? el('button', { type: 'button', class: 'danger', id: consentIds.revoke(profile.id), onClick: () => ctx.handlers.onRevokeConsent(profile) }, 'Revoke consent…')
        : null,
      el(
        'button',
        { type: 'button', class: 'secondary', id: consentIds.exportData(profile.id), onClick: () => ctx.handlers.onExportProfile(profile) },
        `Export a copy of ${isolate(profile.name)}'s data`,
      ),
    ),
    problemAt(ctx, `consent:${profile.id}`, [...(flow ? [flow].flat() : [])].flatMap((node) => (node?.querySelectorAll ? [...node.querySelectorAll('input[type="radio"]')] : []))),
    noticeAt(ctx, `consent:${profile.id}`),
  );
}

