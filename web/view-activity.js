// The activity log: the engine's audit log in sentences, newest first,
// filtered by child and by kind, paged, and "verify", which checks the hash
// chain and says plainly whether it is intact.

import * as engineApi from './engine-adapter.js';
import { check } from './command.js';
import { el } from './dom.js';
import { formatDateTime, formatNumber, plural } from './format.js';
import { KINDS } from './activity-text.js';
import { problemAt, renderPager, time, viewHeading } from './view.js';

const FIRST_INVALID = {
  edited: 'was changed after it was written',
  chain: 'does not follow from the entry before it (an entry was removed or inserted)',
  sequence: 'is out of order (entries were removed or reordered)',
  head: 'does not match the expected last entry (the log was cut short)',
};

function verificationText(result) {
  if (result.intact) return `The activity log is intact: all ${plural(result.entries, 'entry', 'entries')} are unchanged and each follows from the one before.`;
  const where = result.firstInvalid;
  const which = where ? `Entry ${where.seq ?? `#${where.index + 1}`} ${FIRST_INVALID[where.reason] ?? `is invalid (${where.reason})`}.` : '';
  return `The activity log has been tampered with. ${which} Entries from there on cannot be trusted.`;
}

function filterForm(ctx) {
  const { filter } = ctx.activity;
  const who = el(
    'select',
    { id: 'activity-profile', name: 'profile' },
    el('option', { value: '', selected: filter.profileId === '' }, 'Everyone'),
    [...ctx.subjects].map(([id, name]) => el('option', { value: id, selected: filter.profileId === id }, name)),
  );
  const kind = el(
    'select',
    { id: 'activity-kind', name: 'kind' },
    el('option', { value: '', selected: filter.kind === '' }, 'Everything'),
    Object.entries(KINDS).map(([value, label]) => el('option', { value, selected: filter.kind === value }, label)),
  );
  return el(
    'form',
    {
      class: 'card activity-filter',
      'aria-label': 'Filter the activity log',
      onSubmit: (event) => {
        event.preventDefault();
        ctx.handlers.onActivityFilter({ profileId: who.value, kind: kind.value });
      },
    },
    el('div', { class: 'field' }, el('label', { for: 'activity-profile' }, 'About'), who),
    el('div', { class: 'field' }, el('label', { for: 'activity-kind' }, 'Kind'), kind),
    el('button', { type: 'submit', id: 'activity-filter-apply' }, 'Show'),
  );
}

export function renderActivityView(ctx) {
  const { items, total, filtered, offset, pageSize, handlers } = ctx;
  const { verification } = ctx.activity;
  const first = filtered === 0 ? 0 : offset + 1;
  const caption =
    filtered === 0
      ? 'No activity matches'
      : `Newest first: ${formatNumber(first)}–${formatNumber(offset + items.length)} of ${plural(filtered, 'entry', 'entries')}${filtered < total ? ` (of ${formatNumber(total)} in all)` : ''}`;
  return el(
    'section',
    { class: 'view activity', 'aria-labelledby': 'view-heading', dataset: { view: 'activity' } },
    viewHeading('Activity log', 'Every setting, deletion and change, with who did it and when, in the names they had then. Each entry commits to the one before, so a changed or removed entry shows.'),
    el(
      'div',
      { class: 'card verify' },
      el('button', { type: 'button', id: 'verify-log', onClick: () => handlers.onVerify() }, 'Verify the activity log'),
      el(
        'p',
        {
          id: 'verify-result',
          class: verification ? (verification.intact ? 'verify-result intact' : 'verify-result broken') : 'verify-result',
          'aria-live': 'polite',
          dataset: { intact: verification ? String(verification.intact) : '' },
        },
        verification ? verificationText(verification) : '',
      ),
      verification ? el('p', { class: 'hint' }, 'Last entry’s fingerprint: ', el('code', { class: 'head-hash' }, verification.headHash)) : null,
      problemAt(ctx, 'activity'),
    ),
    filterForm(ctx),
    el('p', { id: 'audit-caption', class: 'history-summary' }, caption),
    el(
      'ol',
      { id: 'audit-list', class: 'audit-list', 'aria-labelledby': 'audit-caption', dataset: { total: String(total), shown: String(filtered) } },
      items.map(({ entry, text, kind }) =>
        el(
          'li',
          { class: 'audit-entry', dataset: { seq: String(entry.seq), action: entry.action, kind } },
          el('span', { class: 'audit-seq' }, `#${entry.seq}`),
          ' ',
          time(entry.at, formatDateTime(entry.at)),
          el('p', { class: 'audit-sentence' }, text),
        ),
      ),
    ),
    filtered > pageSize ? renderPager({ name: ['activity'], label: 'Activity log pages', offset, pageSize, total: filtered, onPage: handlers.onActivityPage }) : null,
  );
}

export function activityHandlers(page) {
  return {
    onVerify: () => {
      const verification = check(page, 'activity', () => engineApi.verifyAuditLog(page.engine, { actor: page.readerId() }));
      if (!verification) return;
      page.activity.verification = verification;
      page.render();
      document.getElementById('verify-log')?.focus();
    },
    onActivityPage: (offset) => {
      page.activity.offset = Math.max(0, offset);
      page.render();
      document.querySelector('#audit-list li')?.scrollIntoView({ block: 'start' });
    },
    onActivityFilter: (filter) => {
      page.activity.filter = filter;
      page.activity.offset = 0;
      page.render();
      page.announce(`${plural(document.querySelectorAll('#audit-list li').length, 'entry', 'entries')} shown on this page.`);
    },
  };
}
