// The activity log: the engine's audit log, newest first, paged, with a
// "verify" action that checks the hash chain and says plainly whether it is
// intact.

import { el } from './dom.js';
import { actionText, countLines, formatDateTime, formatNumber, plural } from './format.js';
import { renderPager, time, viewHeading } from './view.js';

const FIRST_INVALID = {
  edited: 'was changed after it was written',
  chain: 'does not follow from the entry before it (an entry was removed or inserted)',
  sequence: 'is out of order (entries were removed or reordered)',
  head: 'does not match the expected last entry (the log was cut short)',
};

function verificationText(result) {
  if (result.intact) {
    return `The activity log is intact: all ${plural(result.entries, 'entry', 'entries')} are unchanged and each follows from the one before.`;
  }
  const where = result.firstInvalid;
  const which = where ? `Entry ${where.seq ?? `#${where.index + 1}`} ${FIRST_INVALID[where.reason] ?? `is invalid (${where.reason})`}.` : '';
  return `The activity log has been tampered with. ${which} Entries from there on cannot be trusted.`;
}

function summarise(value, nameOf) {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map((item) => summarise(item, nameOf)).join(', ');
  if ('recordings' in value && 'audio' in value && 'transcript' in value) return countLines(value).slice(0, 3).join(', ');
  return Object.entries(value)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${k === 'profileId' || k === 'deviceId' ? nameOf(v) : summarise(v, nameOf)}`)
    .join('; ');
}

function detailsText(entry, nameOf) {
  const d = entry.details ?? {};
  switch (entry.action) {
    case 'retention_set':
      return `${nameOf(d.profileId)}: ${summarise(d.setting ?? d, nameOf)}`;
    case 'voice_deletion_set':
      return `${nameOf(d.profileId)}: ${d.enabled ? 'on' : 'off'}`;
    case 'recordings_deleted':
    case 'sweep':
      return [d.profileId ? nameOf(d.profileId) : 'whole household', d.kind, d.status, d.counts ? countLines(d.counts)[0] : null, d.requestId ? `receipt ${d.requestId}` : null]
        .filter(Boolean)
        .join(' · ');
    case 'guardian_added':
    case 'device_added':
      return d.name ?? summarise(d, nameOf);
    case 'profile_added':
      return `${d.name ?? d.id} (${d.kind ?? 'profile'})`;
    case 'household_created':
      return d.householdId ?? '';
    default:
      return summarise(d, nameOf);
  }
}

export function renderActivityView(ctx) {
  const { log, offset, pageSize, verification, nameOf, handlers } = ctx;
  const newestFirst = log.entries.slice().reverse();
  return el(
    'section',
    { class: 'view activity', 'aria-labelledby': 'view-heading', dataset: { view: 'activity' } },
    viewHeading('Activity log', 'Every setting, deletion and change, with who did it and when. Each entry commits to the one before, so a changed or removed entry shows.'),
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
    ),
    el(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'audit-caption' },
      el(
        'table',
        { id: 'audit-table', dataset: { total: String(log.total) } },
        el(
          'caption',
          { id: 'audit-caption' },
          log.total === 0
            ? 'No activity yet'
            : `Newest first: ${formatNumber(log.total - offset - log.entries.length + 1)}–${formatNumber(log.total - offset)} of ${plural(log.total, 'entry', 'entries')} (numbered oldest first)`,
        ),
        el('thead', {}, el('tr', {}, ['#', 'When', 'Who', 'What', 'Details'].map((h) => el('th', { scope: 'col' }, h)))),
        el(
          'tbody',
          {},
          newestFirst.map((entry) =>
            el(
              'tr',
              { dataset: { seq: String(entry.seq), action: entry.action } },
              el('td', {}, String(entry.seq)),
              el('td', { class: 'nowrap' }, time(entry.at, formatDateTime(entry.at))),
              el('td', {}, nameOf(entry.actor)),
              el('td', {}, actionText(entry.action)),
              el('td', { class: 'details' }, detailsText(entry, nameOf)),
            ),
          ),
        ),
      ),
    ),
    log.total > pageSize
      ? renderPager({ name: ['activity'], label: 'Activity log pages', offset, pageSize, total: log.total, onPage: handlers.onActivityPage })
      : null,
  );
}
