// Rendering shared by every view: plain functions from engine answers to DOM
// nodes. No engine calls and no state here; the page controller (app.js)
// passes data and handlers in. Untrusted text (names, transcripts, ids,
// file contents) only ever becomes a text node or an attribute value.

import { el, domId } from './dom.js';
import { countLines, deletionKindText, formatDateTime, formatNumber, isoString, reasonText } from './format.js';

export const ids = {
  viewHeading: () => 'view-heading',
  actingAs: () => 'acting-as',
  receiptHeading: () => 'last-receipt-heading',
  profile: (profileId) => domId('profile', profileId),
  retentionSelect: (profileId) => domId('retention', profileId),
  retentionHint: (profileId) => domId('retention-hint', profileId),
  retentionSave: (profileId) => domId('retention-save', profileId),
  effective: (profileId) => domId('effective', profileId),
  voiceDeletion: (profileId) => domId('voice-deletion', profileId),
  filterFrom: (profileId) => domId('filter-from', profileId),
  filterTo: (profileId) => domId('filter-to', profileId),
  filterDevice: (profileId) => domId('filter-device', profileId),
  filterApply: (profileId) => domId('filter-apply', profileId),
  filterClear: (profileId) => domId('filter-clear', profileId),
  selectPage: (profileId) => domId('select-page', profileId),
  deleteSelected: (profileId) => domId('delete-selected', profileId),
  clearSelection: (profileId) => domId('clear-selection', profileId),
  recordings: (profileId) => domId('recordings', profileId),
  rangeFrom: (profileId) => domId('range-from', profileId),
  rangeTo: (profileId) => domId('range-to', profileId),
  rangeSubmit: (profileId) => domId('range-submit', profileId),
  deviceSelect: (profileId) => domId('delete-device', profileId),
  deviceSubmit: (profileId) => domId('delete-device-submit', profileId),
  deleteAll: (profileId) => domId('delete-all', profileId),
  exportProfile: (profileId) => domId('export-profile', profileId),
  ads: (profileId) => domId('ads', profileId),
  select: (recordingId) => domId('select', recordingId),
  play: (recordingId) => domId('play', recordingId),
  deleteRecording: (recordingId) => domId('delete', recordingId),
  pager: (...parts) => domId('pager', ...parts),
};

export function time(ms, text) {
  return el('time', { datetime: isoString(ms) }, text);
}

/** The section links, with the current one marked (aria-current). */
export function renderNav(overview, route, hrefs) {
  const links = [
    ['household', hrefs.household(), 'Household'],
    ...(overview
      ? overview.profiles.map((profile) => [
          `profile:${profile.id}`,
          hrefs.profile(profile.id),
          profile.kind === 'child' && !profile.enabled ? [profile.name, ' ', el('span', { class: 'badge warn nav-badge' }, 'not enabled')] : profile.name,
        ])
      : []),
    ['add-child', hrefs.addChild(), 'Add a child'],
    ['voice', hrefs.voice(), 'Voice requests'],
    ['activity', hrefs.activity(), 'Activity log'],
    ['data', hrefs.data(), 'Export and import'],
    ['disclosure', hrefs.disclosure(), 'Privacy notice'],
  ];
  const current = route.view === 'profile' ? `profile:${route.profileId}` : route.view;
  return el(
    'ul',
    { class: 'nav-list' },
    links.map(([key, href, label]) =>
      el('li', {}, el('a', { href, 'aria-current': key === current ? 'page' : null, dataset: { nav: key } }, label)),
    ),
  );
}

/** Which verified parent the page acts as for children's settings (R-CON-6). */
export function renderActingAs(guardians, actingGuardianId, onChange) {
  const verified = guardians.filter((guardian) => guardian.verified);
  if (verified.length === 0) {
    return el('p', { class: 'notice' }, "No verified parent in this household: children's settings cannot be changed.");
  }
  return el(
    'div',
    { class: 'acting-as' },
    el('label', { for: ids.actingAs() }, 'Acting as parent'),
    el(
      'select',
      { id: ids.actingAs(), 'aria-describedby': 'acting-as-hint', onChange: (event) => onChange(event.target.value) },
      verified.map((guardian) => el('option', { value: guardian.id, selected: guardian.id === actingGuardianId }, guardian.name)),
    ),
    el('span', { id: 'acting-as-hint', class: 'hint' }, "Children's settings are changed in this parent's name; adults change their own."),
  );
}

/**
 * A pager: newest, newer, "page x of y", older, oldest. `name` (an array of
 * parts) makes the ids; `onPage(offset)` is called with the new offset.
 */
export function renderPager({ name, label, offset, pageSize, total, onPage }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageIndex = Math.floor(offset / pageSize);
  const lastOffset = (pages - 1) * pageSize;
  const arrow = (text) => el('span', { 'aria-hidden': 'true' }, text);
  const button = (which, content, target, disabled) =>
    el('button', { type: 'button', class: 'secondary', id: ids.pager(...name, which), disabled, onClick: () => onPage(target) }, content);
  return el(
    'nav',
    { class: 'pager', 'aria-label': label },
    button('first', [arrow('« '), 'Newest'], 0, pageIndex === 0),
    button('prev', [arrow('‹ '), 'Newer'], Math.max(0, offset - pageSize), pageIndex === 0),
    el('span', { class: 'page-of', id: ids.pager(...name, 'status') }, `Page ${formatNumber(pageIndex + 1)} of ${formatNumber(pages)}`),
    button('next', ['Older', arrow(' ›')], offset + pageSize, pageIndex >= pages - 1),
    button('last', ['Oldest', arrow(' »')], lastOffset, pageIndex >= pages - 1),
  );
}

function describeScope(receipt, nameOf) {
  const scope = receipt.scope ?? {};
  const at = (value) => (typeof value === 'number' ? formatDateTime(value) : String(value ?? '?'));
  switch (receipt.kind) {
    case 'ids': {
      const n = Array.isArray(scope.ids) ? scope.ids.length : receipt.recordingIds.length;
      return `${n} ${n === 1 ? 'recording' : 'recordings'} chosen one by one`;
    }
    case 'range':
      return `recordings captured from ${at(scope.from)} up to (not including) ${at(scope.to)}`;
    case 'device':
      return `recordings made on ${nameOf(scope.deviceId)}`;
    case 'all':
      return 'every recording';
    case 'just_said':
      return `what was just said on ${nameOf(scope.deviceId)} (by voice)`;
    case 'today':
      return `everything said today on ${nameOf(scope.deviceId)} (by voice)`;
    case 'sweep':
      return `recordings whose retention ran out by ${at(scope.now)}`;
    default:
      return deletionKindText(receipt.kind);
  }
}

const STATUS_TEXT = {
  deleted: 'Deleted',
  nothing_to_delete: 'Nothing to delete',
  already_done: 'Already done',
};

/**
 * A deletion receipt (R-DEL-5): what was asked, by whom, when, and the counts.
 * @param {import('family-privacy').DeletionReceipt} receipt
 */
export function renderReceipt(receipt, { nameOf = (id) => id, headingId, headingLevel = 'h3' } = {}) {
  const rows = [
    ['Status', `${STATUS_TEXT[receipt.status] ?? receipt.status}${receipt.reason ? ` (${reasonText(receipt.reason)})` : ''}`],
    ['Receipt number', receipt.requestId],
    ['Requested by', nameOf(receipt.actor)],
    ['For', receipt.profileId === null ? 'the whole household' : nameOf(receipt.profileId)],
    ['Requested at', time(receipt.requestedAt, formatDateTime(receipt.requestedAt))],
    ['What was asked', describeScope(receipt, nameOf)],
  ];
  return el(
    'section',
    { class: 'receipt', 'aria-labelledby': headingId, dataset: { status: receipt.status } },
    el(headingLevel, { id: headingId, tabindex: '-1' }, 'Deletion receipt'),
    el('dl', { class: 'receipt-fields' }, rows.map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
    el('p', {}, 'Deleted, with every copy and derived item:'),
    el('ul', { class: 'counts' }, countLines(receipt.counts).map((line) => el('li', {}, line))),
  );
}

/** The last deletion receipt of this visit, kept on the page after the dialog closes. */
export function renderLastReceipt(receipt, nameOf, onDismiss) {
  if (!receipt) return null;
  return el(
    'div',
    { class: 'card last-receipt', id: 'last-receipt' },
    renderReceipt(receipt, { nameOf, headingId: ids.receiptHeading(), headingLevel: 'h2' }),
    el('button', { type: 'button', class: 'secondary small', id: 'last-receipt-dismiss', onClick: onDismiss }, 'Hide receipt'),
  );
}

/** An engine error (PrivacyError: code + details) or anything else, as a block of text. */
export function renderErrorBlock(error, { title } = {}) {
  const isPrivacyError = error && error.name === 'PrivacyError';
  const details = isPrivacyError && Array.isArray(error.details) ? error.details : [];
  return el(
    'div',
    { class: 'error', dataset: { code: isPrivacyError ? error.code : 'unexpected' } },
    el('p', { class: 'error-title' }, title ?? (isPrivacyError ? 'The privacy engine refused that.' : 'Something went wrong.')),
    el('p', { class: 'error-message' }, String(error?.message ?? error)),
    isPrivacyError ? el('p', {}, 'Code: ', el('code', { class: 'error-code' }, error.code)) : null,
    details.length
      ? el(
          'ul',
          { class: 'error-details' },
          details.map((detail) =>
            el('li', {}, el('code', {}, detail.code), detail.path ? [' at ', el('code', {}, detail.path)] : null, ': ', detail.message),
          ),
        )
      : null,
  );
}

/** An error for the alert region, with a Dismiss button. */
export function renderError(error, onDismiss) {
  const block = renderErrorBlock(error);
  block.append(el('button', { type: 'button', class: 'secondary small', onClick: onDismiss }, 'Dismiss'));
  return block;
}

/** A view's heading (focused when the view is opened) and an optional lede. */
export function viewHeading(text, lede) {
  return [el('h2', { id: ids.viewHeading(), tabindex: '-1' }, text), lede ? el('p', { class: 'lede' }, lede) : null];
}
