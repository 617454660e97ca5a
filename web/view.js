// Rendering shared by every view: plain functions from engine answers to DOM
// nodes. No engine calls and no state here; the page passes data and
// handlers in. Untrusted text (names, transcripts, ids, file contents) only
// ever becomes a text node (isolated in <bdi>) or an attribute value.

import { el, domId, userText } from './dom.js';
import { markInvalid, renderProblem } from './errors.js';
import { countLines, deletionKindText, formatDateTime, formatNumber, isoString, reasonText, countsSentence, retentionShort } from './format.js';

export const ids = {
  viewHeading: () => 'view-heading',
  actingAs: () => 'acting-as',
  profile: (profileId) => domId('profile', profileId),
  section: (name, profileId) => domId(name, profileId),
  retentionSelect: (profileId) => domId('retention', profileId),
  retentionHint: (profileId) => domId('retention-hint', profileId),
  retentionSave: (profileId) => domId('retention-save', profileId),
  effective: (profileId) => domId('effective', profileId),
  voiceDeletion: (profileId) => domId('voice-deletion', profileId),
  filterFrom: (profileId) => domId('filter-from', profileId),
  filterTo: (profileId) => domId('filter-to', profileId),
  filterDevice: (profileId) => domId('filter-device', profileId),
  filterSearch: (profileId) => domId('filter-search', profileId),
  filterApply: (profileId) => domId('filter-apply', profileId),
  filterClear: (profileId) => domId('filter-clear', profileId),
  selectPage: (profileId) => domId('select-page', profileId),
  deleteSelected: (profileId) => domId('delete-selected', profileId),
  deleteShown: (profileId) => domId('delete-shown', profileId),
  clearSelection: (profileId) => domId('clear-selection', profileId),
  recordings: (profileId) => domId('recordings', profileId),
  rangeFrom: (profileId) => domId('range-from', profileId),
  rangeTo: (profileId) => domId('range-to', profileId),
  rangeSubmit: (profileId) => domId('range-submit', profileId),
  deviceSelect: (profileId) => domId('delete-device', profileId),
  deviceSubmit: (profileId) => domId('delete-device-submit', profileId),
  deleteAll: (profileId) => domId('delete-all', profileId),
  exportProfile: (profileId) => domId('export-profile', profileId),
  summary: (profileId) => domId('summary-link', profileId),
  ads: (profileId) => domId('ads', profileId),
  recording: (recordingId) => domId('recording', recordingId),
  select: (recordingId) => domId('select', recordingId),
  play: (recordingId) => domId('play', recordingId),
  deleteRecording: (recordingId) => domId('delete', recordingId),
  pager: (...parts) => domId('pager', ...parts),
  notice: (place) => domId('notice', place),
  problem: (place) => domId('problem', place),
};

export function time(ms, text) {
  return el('time', { datetime: isoString(ms) }, text);
}

/** The section links, with the current one marked (aria-current). Names are isolated and kept to one line. */
export function renderNav(overview, route, hrefs) {
  const links = [
    ['household', hrefs.household(), 'Household'],
    ...(overview
      ? overview.profiles.map((profile) => [
          `profile:${profile.id}`,
          hrefs.profile(profile.id),
          [userText(profile.name, { truncate: true, className: 'name' }), profile.kind === 'child' && !profile.enabled ? [' ', el('span', { class: 'badge warn nav-badge' }, 'not enabled')] : null],
        ])
      : []),
    ['add-child', hrefs.addChild(), 'Add a child or teen'],
    ['voice', hrefs.voice(), 'Delete by voice'],
    ['activity', hrefs.activity(), 'Activity log'],
    ['data', hrefs.data(), 'Export and import'],
    ['disclosure', hrefs.disclosure(), 'Privacy notice'],
  ];
  const current = route.view === 'profile' || route.view === 'summary' ? `profile:${route.profileId}` : route.view;
  return el(
    'ul',
    { class: 'nav-list' },
    links.map(([key, href, label]) => el('li', {}, el('a', { href, 'aria-current': key === current ? 'page' : null, dataset: { nav: key } }, label))),
  );
}

/** Which verified parent acts for children's settings (R-CON-6), remembered in this browser. */
export function renderActingAs(guardians, actingGuardianId, onChange) {
  const verified = guardians.filter((guardian) => guardian.verified);
  if (verified.length === 0) return el('p', { class: 'notice' }, "No verified parent in this household: children's settings cannot be changed.");
  return el(
    'div',
    { class: 'acting-as' },
    el('label', { for: ids.actingAs() }, 'Who is acting'),
    el(
      'select',
      { id: ids.actingAs(), 'aria-describedby': 'acting-as-hint', onChange: (event) => onChange(event.target.value) },
      verified.map((guardian) => el('option', { value: guardian.id, selected: guardian.id === actingGuardianId }, guardian.name)),
    ),
    el('span', { id: 'acting-as-hint', class: 'hint' }, "Children's settings are changed, and logged, in this parent's name; this browser remembers the choice. Adults change their own."),
  );
}

/**
 * A pager: newest, newer, "page x of y" with a jump to any page, older,
 * oldest. `name` (parts) makes the ids; `onPage(offset)` is called with the new offset.
 */
export function renderPager({ name, label, offset, pageSize, total, onPage }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageIndex = Math.floor(offset / pageSize);
  const lastOffset = (pages - 1) * pageSize;
  const arrow = (text) => el('span', { 'aria-hidden': 'true' }, text);
  const button = (which, content, target, disabled) =>
    el('button', { type: 'button', class: 'secondary', id: ids.pager(...name, which), disabled, onClick: () => onPage(target) }, content);
  const jumpId = ids.pager(...name, 'jump');
  const jump = el('input', { id: jumpId, type: 'number', min: '1', max: String(pages), inputmode: 'numeric', value: String(pageIndex + 1), class: 'page-jump' });
  return el(
    'nav',
    { class: 'pager', 'aria-label': label },
    button('first', [arrow('« '), 'Newest'], 0, pageIndex === 0),
    button('prev', [arrow('‹ '), 'Newer'], Math.max(0, offset - pageSize), pageIndex === 0),
    el('span', { class: 'page-of', id: ids.pager(...name, 'status') }, `Page ${formatNumber(pageIndex + 1)} of ${formatNumber(pages)}`),
    button('next', ['Older', arrow(' ›')], offset + pageSize, pageIndex >= pages - 1),
    button('last', ['Oldest', arrow(' »')], lastOffset, pageIndex >= pages - 1),
    pages > 2
      ? el(
          'form',
          {
            class: 'page-jump-form',
            onSubmit: (event) => {
              event.preventDefault();
              const target = Math.min(pages, Math.max(1, Math.round(Number(jump.value) || 1)));
              onPage((target - 1) * pageSize);
            },
          },
          el('label', { for: jumpId }, 'Go to page'),
          jump,
          el('button', { type: 'submit', class: 'secondary', id: ids.pager(...name, 'go') }, 'Go'),
        )
      : null,
  );
}

function describeScope(receipt, nameOf) {
  const scope = receipt.scope ?? {};
  const at = (value) => (typeof value === 'number' ? formatDateTime(value) : String(value ?? '?'));
  switch (receipt.kind) {
    case 'ids': {
      const n = Array.isArray(scope.ids) ? scope.ids.length : receipt.recordingIds.length;
      return `${formatNumber(n)} ${n === 1 ? 'recording' : 'recordings'} chosen one by one`;
    }
    case 'range':
      return `recordings captured from ${at(scope.from)} up to (not including) ${at(scope.to)}`;
    case 'device':
      return ['recordings made on ', userText(nameOf(scope.deviceId))];
    case 'all':
      return 'every recording';
    case 'just_said':
      return ['what was just said on ', userText(nameOf(scope.deviceId)), ' (by voice)'];
    case 'today':
      return ['everything said today on ', userText(nameOf(scope.deviceId)), ' (by voice)'];
    case 'sweep':
      return `recordings whose retention ran out by ${at(scope.now)}`;
    case 'retention':
      return `the recordings older than “${retentionShort(scope.setting)}” keeps, when it was saved`;
    case 'profile':
      return 'everything, with the profile';
    default:
      return deletionKindText(receipt.kind);
  }
}

const STATUS_TEXT = { deleted: 'Deleted', nothing_to_delete: 'Nothing to delete', already_done: 'Already done' };

/**
 * A deletion receipt (R-DEL-5): what was asked, by whom, when, and the counts.
 * `asked`: the page's own words for what was asked, when it knows better
 * than the receipt's kind (a retention change deletes by ids).
 */
export function renderReceipt(receipt, { nameOf = (id) => id, headingId, headingLevel = 'h3', asked } = {}) {
  const rows = [
    ['Status', `${STATUS_TEXT[receipt.status] ?? receipt.status}${receipt.reason ? ` (${reasonText(receipt.reason)})` : ''}`],
    ['Receipt number', receipt.requestId],
    ['Requested by', receipt.onBehalfOf ? [userText(nameOf(receipt.actor)), ', at the request of ', userText(nameOf(receipt.onBehalfOf))] : userText(nameOf(receipt.actor))],
    ['For', receipt.profileId === null ? 'the whole household' : userText(nameOf(receipt.profileId))],
    ['Requested at', time(receipt.requestedAt, formatDateTime(receipt.requestedAt))],
    ['What was asked', asked ?? describeScope(receipt, nameOf)],
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

/**
 * What just happened, where it happened: one line in a parent's words, the
 * full receipt one click away (a closed <details>), and a Dismiss button.
 * `notice`: { message, receipt?, asked? }.
 */
export function renderNotice(place, notice, { nameOf, onDismiss, headingLevel = 'h4' }) {
  if (!notice) return null;
  const id = ids.notice(place);
  return el(
    'div',
    { class: 'done-notice', id, dataset: { status: notice.receipt?.status ?? 'done' } },
    el('p', { class: 'done-text', id: `${id}-text`, tabindex: '-1' }, notice.message),
    notice.receipt
      ? el(
          'details',
          { class: 'receipt-details', open: notice.open === true, onToggle: (event) => { notice.open = event.target.open; } },
          el('summary', {}, 'Show the full receipt'),
          renderReceipt(notice.receipt, { nameOf, headingId: `${id}-receipt`, headingLevel, asked: notice.asked }),
        )
      : null,
    el('button', { type: 'button', class: 'secondary small', id: `${id}-dismiss`, 'aria-label': 'Dismiss this message', onClick: onDismiss }, 'Dismiss'),
  );
}

/** A receipt's counts in a sentence, for the notice's line. */
export function receiptSentence(receipt) {
  if (receipt.status !== 'deleted') return `Nothing was deleted (${reasonText(receipt.reason) || 'nothing matched'}).`;
  return `Deleted ${countsSentence(receipt.counts)}.`;
}

/** A view's heading (focused when the view is opened) and an optional lede. */
export function viewHeading(text, lede) {
  return [el('h2', { id: ids.viewHeading(), tabindex: '-1' }, text), lede ? el('p', { class: 'lede' }, lede) : null];
}

/**
 * The problem kept for `place`, as a block to put next to its cause; the
 * input among `fields` that it names is marked invalid and points at it.
 */
export function problemAt(ctx, place, fields = [], options = {}) {
  const problem = ctx.problem(place);
  if (!problem) return null;
  const id = ids.problem(place);
  for (const input of fields) if (input && problem.field && input.id === problem.field) markInvalid(input, id);
  return renderProblem(problem, { id, ...options });
}

/** The notice kept for `place` (what was just done there), or null. */
export function noticeAt(ctx, place, options = {}) {
  return renderNotice(place, ctx.notices.get(place), { nameOf: ctx.nameOf, onDismiss: () => ctx.handlers.onDismissNotice(place), ...options });
}

/** An input or select whose unsaved value survives re-renders (kept in ctx.drafts by its id). */
export function draft(ctx, tag, props, ...children) {
  const node = el(tag, props, ...children);
  if (ctx.drafts.has(props.id)) node.value = ctx.drafts.get(props.id);
  const keep = () => ctx.handlers.onDraft(props.id, node.value);
  node.addEventListener('input', keep);
  node.addEventListener('change', keep);
  return node;
}
