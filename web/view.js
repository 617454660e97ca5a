// Rendering: plain functions from engine answers to DOM nodes. No state and
// no engine calls here; the page controller (app.js) passes data and
// handlers in. Untrusted text (names, transcripts, ids) only ever becomes a
// text node or an attribute value.

import { el, domId } from './dom.js';
import {
  RETENTION_SETTINGS,
  countLines,
  durationText,
  effectiveRetentionText,
  formatDate,
  formatDateTime,
  isoString,
  months,
  reasonText,
  retentionLabel,
} from './format.js';

export const ids = {
  profile: (profileId) => domId('profile', profileId),
  heading: (profileId) => domId('profile-heading', profileId),
  retentionSelect: (profileId) => domId('retention', profileId),
  retentionHint: (profileId) => domId('retention-hint', profileId),
  retentionSave: (profileId) => domId('retention-save', profileId),
  rangeSubmit: (profileId) => domId('range-submit', profileId),
  effective: (profileId) => domId('effective', profileId),
  rangeFrom: (profileId) => domId('range-from', profileId),
  rangeTo: (profileId) => domId('range-to', profileId),
  recordings: (profileId) => domId('recordings', profileId),
  pagePrev: (profileId) => domId('page-prev', profileId),
  pageNext: (profileId) => domId('page-next', profileId),
  deleteRecording: (recordingId) => domId('delete', recordingId),
  actingAs: () => 'acting-as',
  receiptHeading: () => 'last-receipt-heading',
};

function time(ms, text) {
  return el('time', { datetime: isoString(ms) }, text);
}

function timeOrDash(ms, text) {
  return ms === null || ms === undefined ? '—' : time(ms, text);
}

/** The household: name, guardians, devices and the written retention policy (R-RET-7). */
export function renderHouseholdSummary(overview) {
  const { household, guardians, devices, retentionPolicy } = overview;
  return el(
    'section',
    { class: 'card household', 'aria-labelledby': 'household-heading' },
    el('h2', { id: 'household-heading' }, household.name),
    el(
      'div',
      { class: 'household-grid' },
      el(
        'div',
        {},
        el('h3', {}, 'Parents'),
        el(
          'ul',
          { class: 'plain-list' },
          guardians.map((guardian) =>
            el('li', {}, guardian.name, ' ', el('span', { class: guardian.verified ? 'badge ok' : 'badge' }, guardian.verified ? 'verified' : 'not verified')),
          ),
        ),
      ),
      el('div', {}, el('h3', {}, 'Devices'), el('ul', { class: 'plain-list' }, devices.map((device) => el('li', {}, device.name)))),
    ),
    el(
      'details',
      { class: 'policy' },
      el('summary', {}, 'Written retention policy'),
      el(
        'table',
        {},
        el('caption', {}, 'The longest each kind of data is kept'),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ['Data', 'Children, at most', 'Adults, at most', 'Purpose', 'Business need'].map((h) => el('th', { scope: 'col' }, h)),
          ),
        ),
        el(
          'tbody',
          {},
          retentionPolicy.categories.map((category) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row' }, category.category),
              el('td', {}, months(category.childMaxMonths)),
              el('td', {}, category.adultMaxMonths === null ? 'no maximum' : months(category.adultMaxMonths)),
              el('td', {}, category.purpose),
              el('td', {}, category.businessNeed),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Which verified parent the page acts as for children's settings (R-CON-6). */
export function renderActingAs(guardians, actingGuardianId, onChange) {
  const verified = guardians.filter((guardian) => guardian.verified);
  if (verified.length === 0) {
    return el('p', { class: 'card notice' }, "No verified parent in this household: children's settings cannot be changed.");
  }
  return el(
    'div',
    { class: 'card acting-as' },
    el('label', { for: ids.actingAs() }, 'Acting as parent'),
    el(
      'select',
      { id: ids.actingAs(), onChange: (event) => onChange(event.target.value) },
      verified.map((guardian) => el('option', { value: guardian.id, selected: guardian.id === actingGuardianId }, guardian.name)),
    ),
    el('p', { class: 'hint' }, "Changes to a child's settings are made in this parent's name. Adults change their own."),
  );
}

function describeScope(receipt) {
  const scope = receipt.scope ?? {};
  switch (receipt.kind) {
    case 'ids': {
      const n = Array.isArray(scope.ids) ? scope.ids.length : receipt.recordingIds.length;
      return `${n} ${n === 1 ? 'recording' : 'recordings'} chosen by id`;
    }
    case 'range': {
      const from = typeof scope.from === 'number' ? formatDateTime(scope.from) : String(scope.from ?? '?');
      const to = typeof scope.to === 'number' ? formatDateTime(scope.to) : String(scope.to ?? '?');
      return `captured from ${from} up to (not including) ${to}`;
    }
    default:
      return receipt.kind;
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
 * @param {{ nameOf?: (id: string) => string, headingId?: string, headingLevel?: string }} [options]
 */
export function renderReceipt(receipt, { nameOf, headingId, headingLevel = 'h3' } = {}) {
  const name = (id) => (nameOf ? nameOf(id) : id);
  const rows = [
    ['Status', `${STATUS_TEXT[receipt.status] ?? receipt.status}${receipt.reason ? ` (${reasonText(receipt.reason)})` : ''}`],
    ['Receipt number', receipt.requestId],
    ['Requested by', name(receipt.actor)],
    ['For', receipt.profileId === null ? 'the household' : name(receipt.profileId)],
    ['Requested at', time(receipt.requestedAt, formatDateTime(receipt.requestedAt))],
    ['What was asked', describeScope(receipt)],
  ];
  return el(
    'section',
    { class: 'receipt', 'aria-labelledby': headingId },
    el(headingLevel, { id: headingId, tabindex: '-1' }, 'Deletion receipt'),
    el('dl', { class: 'receipt-fields' }, rows.map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
    el('p', {}, 'Deleted, with every copy and derived item:'),
    el('ul', { class: 'counts' }, countLines(receipt.counts).map((line) => el('li', {}, line))),
  );
}

function retentionForm(profile, ctx) {
  const { handlers } = ctx;
  const selectId = ids.retentionSelect(profile.id);
  const hintId = ids.retentionHint(profile.id);
  const effectiveId = ids.effective(profile.id);
  const isChild = profile.kind === 'child';
  const policyMax = profile.effectiveRetention.policyMaxMonths;
  const optionLabel = (setting) =>
    isChild && setting === 'until_deleted' && policyMax !== null
      ? `${retentionLabel(setting)} (at most ${months(policyMax)} for a child)`
      : retentionLabel(setting);
  const select = el(
    'select',
    {
      id: selectId,
      name: 'setting',
      'aria-describedby': `${effectiveId} ${hintId}`,
      onChange: (event) => handlers.onPreviewRetention(profile, event.target.value),
    },
    RETENTION_SETTINGS.map((setting) => el('option', { value: setting, selected: setting === profile.retention }, optionLabel(setting))),
  );
  return el(
    'form',
    {
      class: 'retention-form',
      'aria-label': `Retention for ${profile.name}`,
      onSubmit: (event) => {
        event.preventDefault();
        handlers.onSaveRetention(profile, select.value);
      },
    },
    el('label', { for: selectId }, 'Retention setting'),
    el('div', { class: 'inline-controls' }, select, el('button', { type: 'submit', id: ids.retentionSave(profile.id) }, 'Save setting')),
    el(
      'p',
      { id: effectiveId, class: 'effective', dataset: { months: String(profile.effectiveRetention.months) } },
      'In effect: ',
      el('strong', { class: 'effective-value' }, effectiveRetentionText(profile.effectiveRetention)),
      '.',
    ),
    el('p', { id: hintId, class: 'hint', 'aria-live': 'polite' }, ctx.retentionHints.get(profile.id) ?? ''),
  );
}

function rangeForm(profile, ctx) {
  const fromId = ids.rangeFrom(profile.id);
  const toId = ids.rangeTo(profile.id);
  const from = el('input', { id: fromId, name: 'from', type: 'date', required: true });
  const to = el('input', { id: toId, name: 'to', type: 'date', required: true });
  return el(
    'form',
    {
      class: 'range-form',
      onSubmit: (event) => {
        event.preventDefault();
        ctx.handlers.onDeleteRange(profile, from.value, to.value);
      },
    },
    el(
      'fieldset',
      {},
      el('legend', {}, `Delete ${profile.name}'s recordings by date`),
      el('div', { class: 'field' }, el('label', { for: fromId }, 'From (first day)'), from),
      el('div', { class: 'field' }, el('label', { for: toId }, 'To (last day, included)'), to),
      el('button', { type: 'submit', class: 'danger', id: ids.rangeSubmit(profile.id) }, 'Review deletion…'),
    ),
  );
}

function dueCell(recording, now) {
  if (recording.dueAt === null) return el('td', {}, 'kept until deleted');
  const cell = el('td', {}, time(recording.dueAt, formatDate(recording.dueAt)));
  if (recording.dueAt <= now) {
    cell.append(' ', el('span', { class: 'badge warn' }, 'due now'));
  }
  return cell;
}

function recordingRow(recording, ctx) {
  const deviceName = ctx.deviceNames.get(recording.deviceId) ?? recording.deviceId;
  const captured = formatDateTime(recording.capturedAt);
  const derived = recording.derived.map((item) => item.kind.replace('_', ' '));
  return el(
    'tr',
    { dataset: { recordingId: recording.id } },
    el('td', { class: 'nowrap' }, time(recording.capturedAt, captured)),
    el('td', {}, deviceName),
    el('td', { class: 'transcript' }, recording.transcript === null ? el('span', { class: 'muted' }, 'no transcript') : recording.transcript),
    el('td', { class: 'nowrap' }, recording.audio ? durationText(recording.audio.durationMs) : el('span', { class: 'muted' }, 'none')),
    el('td', {}, derived.length ? derived.join(', ') : el('span', { class: 'muted' }, 'none')),
    dueCell(recording, ctx.now),
    el(
      'td',
      {},
      el(
        'button',
        {
          type: 'button',
          class: 'danger small',
          id: ids.deleteRecording(recording.id),
          'aria-label': `Delete recording from ${captured} on ${deviceName}`,
          onClick: () => ctx.handlers.onDeleteOne(ctx.profile, recording),
        },
        'Delete',
      ),
    ),
  );
}

function recordingsTable(profile, ctx) {
  const page = ctx.pages.get(profile.id) ?? { offset: 0, total: 0, recordings: [] };
  const { total, recordings, offset, pageSize } = page;
  const tableId = ids.recordings(profile.id);
  if (total === 0) {
    return el('p', { id: tableId, class: 'empty' }, `No recordings are kept for ${profile.name}.`);
  }
  const first = offset + 1;
  const last = offset + recordings.length;
  const rowCtx = { ...ctx, profile };
  const prevDisabled = offset === 0;
  const nextDisabled = last >= total;
  return el(
    'div',
    { class: 'recordings' },
    el(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': `${tableId}-caption` },
      el(
        'table',
        { id: tableId, dataset: { total: String(total) } },
        el('caption', { id: `${tableId}-caption` }, `${profile.name}'s recordings, newest first: ${first}–${last} of ${total}`),
        el(
          'thead',
          {},
          el('tr', {}, ['Captured', 'Device', 'Transcript', 'Audio', 'Derived', 'Due for deletion', 'Actions'].map((h) => el('th', { scope: 'col' }, h))),
        ),
        el('tbody', {}, recordings.map((recording) => recordingRow(recording, rowCtx))),
      ),
    ),
    el(
      'nav',
      { class: 'pager', 'aria-label': `${profile.name}'s recording pages` },
      el(
        'button',
        { type: 'button', id: ids.pagePrev(profile.id), disabled: prevDisabled, onClick: () => ctx.handlers.onPage(profile, offset - pageSize) },
        'Newer',
      ),
      el('span', {}, `Page ${Math.floor(offset / pageSize) + 1} of ${Math.max(1, Math.ceil(total / pageSize))}`),
      el(
        'button',
        { type: 'button', id: ids.pageNext(profile.id), disabled: nextDisabled, onClick: () => ctx.handlers.onPage(profile, offset + pageSize) },
        'Older',
      ),
    ),
  );
}

function ageText(birthDate, now) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate ?? '');
  if (!match) return null;
  const [, y, m, d] = match.map(Number);
  const today = new Date(now);
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age -= 1;
  return `${age} years old`;
}

function nextDueText(nextDueAt, now) {
  if (nextDueAt === null || nextDueAt === undefined) return null;
  if (nextDueAt <= now) return 'some are due for deletion at the next sweep';
  return `next due for deletion ${formatDate(nextDueAt)}`;
}

/** One profile: its retention setting and effective value, deletion by range, and its recordings. */
export function renderProfile(profile, ctx) {
  const headingId = ids.heading(profile.id);
  const facts = [
    profile.kind === 'child' ? 'Child' : 'Adult',
    ageText(profile.birthDate, ctx.now),
    `${profile.recordingCount} ${profile.recordingCount === 1 ? 'recording' : 'recordings'} kept`,
    nextDueText(profile.nextDueAt, ctx.now),
  ].filter(Boolean);
  return el(
    'section',
    { class: 'card profile', id: ids.profile(profile.id), 'aria-labelledby': headingId, dataset: { profileId: profile.id } },
    el('h2', { id: headingId, tabindex: '-1' }, profile.name),
    el('p', { class: 'facts' }, facts.join(' · ')),
    el(
      'div',
      { class: 'profile-controls' },
      el('div', {}, el('h3', {}, 'How long recordings are kept'), retentionForm(profile, ctx)),
      el('div', {}, el('h3', {}, 'Delete recordings'), rangeForm(profile, ctx)),
    ),
    el('h3', {}, 'Recordings'),
    recordingsTable(profile, ctx),
  );
}

/** The last deletion receipt of this visit, kept on the page after the dialog closes. */
export function renderLastReceipt(receipt, nameOf) {
  if (!receipt) return null;
  return el(
    'div',
    { class: 'card last-receipt', id: 'last-receipt' },
    renderReceipt(receipt, { nameOf, headingId: ids.receiptHeading(), headingLevel: 'h2' }),
  );
}

/** An error from the engine (PrivacyError: code + details) or anything else, as nodes for the alert region. */
export function renderError(error, onDismiss) {
  const isPrivacyError = error && error.name === 'PrivacyError';
  const details = isPrivacyError && Array.isArray(error.details) ? error.details : [];
  return el(
    'div',
    { class: 'error', dataset: { code: isPrivacyError ? error.code : 'unexpected' } },
    el('p', { class: 'error-title' }, isPrivacyError ? "The privacy engine refused that." : 'Something went wrong.'),
    el('p', {}, String(error?.message ?? error)),
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
    el('button', { type: 'button', class: 'small', onClick: onDismiss }, 'Dismiss'),
  );
}
