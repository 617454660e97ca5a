// Problems in a parent's words, shown next to what caused them. The engine's
// code and details stay, for support, in a closed "Details" line below.
//
// A Problem is { text, field?, error? }: `text` the parent reads, `field` the
// id of the input at fault (marked aria-invalid and described by it), `error`
// what the engine (or the browser) said, if anything did.

import { el, isolate } from './dom.js';

/** A problem the page finds itself, before asking the engine (validation). */
export class PageProblem extends Error {
  constructor(text, { field } = {}) {
    super(text);
    this.name = 'PageProblem';
    this.field = field;
  }
}

const BY_CODE = {
  invalid_input: 'That was not accepted: something in it is not valid.',
  not_found: 'That is no longer here. It may have been deleted or removed in another tab.',
  forbidden: 'That is not allowed for this profile.',
  consent_required: 'That needs a parent’s verified consent first.',
  conflict: 'That clashes with something already there.',
  not_understood: 'That was not understood as a request to delete. Try “delete what I just said” or “delete everything I said today”.',
  unsupported_version: 'This file was made by a newer version of the service, so it cannot be read here.',
  out_of_order: 'This browser’s clock is behind the last change made, so nothing was changed. Check the date and time, then try again.',
  audit_invalid: 'This file’s activity log does not vouch for what it holds: it may have been changed, so it cannot be used.',
  too_large: 'That is too large for the privacy engine, so nothing was changed.',
  closed: 'The privacy engine stopped, so this was not done. The page restarts it from what this browser saved: nothing saved is lost. Try again.',
  internal: 'The privacy engine stopped, so this was not done. The page restarts it from what this browser saved: nothing saved is lost. Try again.',
  wasm_load_failed: 'The privacy engine could not be loaded. Reload the page to try again.',
};

/** Engine messages worth a more precise sentence (matched on the engine's own words). */
const BY_MESSAGE = [
  [/deletion by voice is off/, (ctx) => `Deleting by voice is off for ${isolate(ctx.name ?? 'this profile')}. Turn it on in the settings first.`],
  [/backs internal use only/, () => 'The way consent was given covers internal use only, so it cannot allow disclosure to third parties. Give consent another way (for example a signed form) first.'],
  [/needs verified consent to collection first/, () => 'Disclosure can only be allowed once your consent for the child is verified.'],
  [/names no third party/, () => 'The privacy notice names no third party and purpose, so there is nobody to disclose to: it cannot be turned on.'],
  [/neither an earlier nor a later state/, () => 'This file is of this household, but its history differs from the one here: it is neither an earlier nor a later copy of it, so it cannot be imported.'],
  [/the United Kingdom is GB/, () => 'For the United Kingdom, use its ISO code GB.'],
  [/ISO 3166/, () => 'That is not a place code we know: use a country’s two letters (DE, GB, US), or a country and a region, such as US-CA for California.'],
  [/`to` must be after `from`/, () => 'The last day is before the first day.'],
  [/not valid JSON/, () => 'This file is not a household file: it is not even readable as JSON.'],
];

/** Words for any error: a PageProblem's own, the engine's by message or code, the browser's storage. */
export function problemText(error, ctx = {}) {
  if (!error) return '';
  if (error.name === 'PageProblem') return error.message;
  if (error.name === 'PrivacyError') {
    const messages = (error.details ?? []).map((d) => d.message).concat(error.message);
    for (const [pattern, words] of BY_MESSAGE) if (messages.some((m) => pattern.test(m))) return words(ctx);
    return ctx.words?.[error.code] ?? BY_CODE[error.code] ?? 'The privacy engine refused that.';
  }
  if (error.name === 'QuotaExceededError' || error.name === 'InvalidStateError' || error.name === 'AbortError' || error.name === 'UnknownError') {
    return 'This browser could not save the change, so nothing was changed. Its storage may be full or blocked.';
  }
  return 'Something went wrong, and nothing was changed.';
}

/** A problem to keep for a place: the words, the field at fault, the error for the details line. */
export function toProblem(error, ctx = {}) {
  return { text: problemText(error, ctx), field: error?.field ?? ctx.field ?? null, error: error?.name === 'PageProblem' ? null : error };
}

/** The closed line that keeps what the engine (or the browser) said, for support. */
export function errorDetails(error) {
  if (!error) return null;
  const isPrivacyError = error.name === 'PrivacyError';
  const details = isPrivacyError && Array.isArray(error.details) ? error.details : [];
  return el(
    'details',
    { class: 'problem-details' },
    el('summary', {}, 'Details for support'),
    el('p', { class: 'error-message' }, String(error.message ?? error)),
    el('p', {}, 'Code: ', el('code', { class: 'error-code' }, isPrivacyError ? error.code : error.name ?? 'unexpected')),
    details.length
      ? el(
          'ul',
          { class: 'error-details' },
          details.map((d) => el('li', {}, el('code', {}, d.code), d.path ? [' at ', el('code', {}, d.path)] : null, ': ', d.message)),
        )
      : null,
  );
}

/** A problem as a block, with an id so that the field at fault can point at it. */
export function renderProblem(problem, { id, title } = {}) {
  if (!problem) return null;
  return el(
    'div',
    { class: 'problem', id, role: 'alert', tabindex: '-1', dataset: { code: problem.error?.code ?? (problem.error ? 'unexpected' : 'check') } },
    title ? el('p', { class: 'problem-title' }, title) : null,
    el('p', { class: 'problem-text' }, problem.text),
    errorDetails(problem.error),
  );
}

/** Marks `input` as at fault and points it at the problem's block. */
export function markInvalid(input, problemId) {
  input.setAttribute('aria-invalid', 'true');
  const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  input.setAttribute('aria-describedby', [...described, problemId].join(' '));
  return input;
}
