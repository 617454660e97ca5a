// "What we keep about Maya right now, and when each piece goes": a page a
// parent can read and print (the print style sheet drops the navigation):
// the settings in effect, consent and disclosure, then every recording kept,
// grouped by the month it goes, with what it holds.

import { el, isolate, userText } from './dom.js';
import { countsSentence, effectiveRetentionText, formatDate, formatDateTime, plural, retentionLabel, consentStateText } from './format.js';
import { byWhenItGoes, countsOf, groupTitle } from './export.js';
import { time, viewHeading } from './view.js';
import { recipientsText } from './view-consent.js';

function facts(profile, ctx) {
  const rows = [
    ['Retention chosen', retentionLabel(profile.retention)],
    ['In effect', effectiveRetentionText(profile.effectiveRetention)],
    ['Kept now', profile.recordingCount === 0 ? 'nothing' : countsSentence(countsOf(ctx.recordings))],
  ];
  if (profile.kind === 'child' && profile.consent) {
    rows.push(['Parental consent', consentStateText(profile.consent.state)]);
    rows.push(['Disclosure to third parties', profile.consent.disclosure ? `on: ${recipientsText(ctx.overview.privacyNotice.thirdParties)}` : 'off: nothing is disclosed']);
  }
  rows.push(['Deleting by voice', profile.voiceDeletion ? 'on' : 'off']);
  return el('dl', { class: 'fields summary-facts' }, rows.map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}

function groupSection(group, ctx, index) {
  const headingId = `summary-group-${index}`;
  return el(
    'section',
    { class: 'summary-group', 'aria-labelledby': headingId, dataset: { due: group.key } },
    el('h3', { id: headingId }, `${groupTitle(group, ctx.now)}: ${countsSentence(countsOf(group.recordings))}`),
    el(
      'ol',
      { class: 'summary-list' },
      group.recordings.map((r) =>
        el(
          'li',
          { dataset: { recordingId: r.id } },
          time(r.capturedAt, formatDateTime(r.capturedAt)),
          ' · ',
          userText(ctx.nameOf(r.deviceId)),
          ' · ',
          r.transcript === null ? el('span', { class: 'muted' }, 'no transcript') : ['“', userText(r.transcript), '”'],
          r.audio ? ' · audio' : null,
          r.derived.length ? ` · ${r.derived.map((d) => d.kind.replace('_', ' ')).join(', ')}` : null,
          ' · ',
          r.dueAt === null ? 'kept until deleted' : ['goes ', time(r.dueAt, formatDate(r.dueAt))],
        ),
      ),
    ),
  );
}

export function renderSummaryView(profile, ctx) {
  const groups = byWhenItGoes(ctx.recordings);
  return el(
    'section',
    { class: 'view summary', 'aria-labelledby': 'view-heading', dataset: { view: 'summary', profileId: profile.id } },
    viewHeading(['What we keep about ', userText(profile.name, { className: 'name' }), ' right now, and when each piece goes'], `As of ${formatDateTime(ctx.now)}, in ${isolate(ctx.overview.household.name)}.`),
    el(
      'div',
      { class: 'inline-controls no-print' },
      el('button', { type: 'button', id: 'summary-print', onClick: () => window.print() }, 'Print'),
      el('a', { href: ctx.hrefs.profile(profile.id), id: 'summary-back' }, `Back to ${isolate(profile.name)}'s settings`),
    ),
    el('section', { class: 'card', 'aria-labelledby': 'summary-facts-heading' }, el('h3', { id: 'summary-facts-heading' }, 'Settings and consent'), facts(profile, ctx)),
    groups.length === 0
      ? el('p', { class: 'card empty' }, `Nothing of ${isolate(profile.name)}'s is kept.`)
      : el('div', { class: 'card summary-groups' }, el('p', {}, `${plural(ctx.recordings.length, 'recording')}, soonest to go first. Each goes with its audio, transcript and everything derived from it.`), groups.map((group, i) => groupSection(group, ctx, i))),
  );
}
