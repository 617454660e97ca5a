// The household overview: notices that need a parent (inactive profiles, a
// child who turned 13), parents, profiles (each with its retention choice,
// what is in effect under the written policy, when its next recordings fall
// due, and its parental consent), devices, the scheduled deletion (sweep),
// and the written policy.

import { domId, el, isolate, userText } from './dom.js';
import { KIND_LABEL, consentStateText, effectiveRetentionText, formatDate, formatDateTime, months, plural, retentionLabel, ageText } from './format.js';
import { noticeAt, problemAt, time, viewHeading } from './view.js';
import { recipientsText } from './view-consent.js';
import { renderNotices } from './view-notices.js';
import { renderPlaceCard } from './view-place.js';


function nextDueCell(profile, now) {
  if (profile.recordingCount === 0) return el('td', {}, el('span', { class: 'muted' }, 'nothing kept'));
  if (profile.nextDueAt === null || profile.nextDueAt === undefined) return el('td', {}, 'kept until deleted');
  if (profile.nextDueAt <= now) return el('td', {}, el('span', { class: 'badge warn' }, 'due now'), ' (at the next sweep)');
  return el('td', {}, time(profile.nextDueAt, formatDate(profile.nextDueAt)));
}

/** R-CON-1: a child without verified consent is not enabled; the cell says what to do. */
function consentCell(profile, ctx) {
  if (profile.kind !== 'child' || !profile.consent) return el('td', { class: 'consent-cell' }, el('span', { class: 'muted' }, `not needed (${profile.kind})`));
  const state = profile.consent.state;
  if (profile.enabled) return el('td', { class: 'consent-cell', dataset: { state } }, el('span', { class: 'badge ok' }, 'verified'), ' enabled');
  return el(
    'td',
    { class: 'consent-cell', dataset: { state } },
    el('span', { class: 'badge warn' }, 'not enabled'),
    ' ',
    consentStateText(state).toLowerCase(),
    ' — ',
    el('a', { href: ctx.hrefs.profile(profile.id), 'aria-label': `Give consent for ${isolate(profile.name)}` }, state === 'verified' ? 'turn on' : 'give consent'),
  );
}

function profilesTable(overview, ctx) {
  return el(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'profiles-caption' },
    el(
      'table',
      { id: 'profiles-table' },
      el('caption', { id: 'profiles-caption' }, 'Each profile: what is chosen, what is in effect, and what falls due next'),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ['Profile', 'Who', 'Retention chosen', 'In effect', 'Recordings kept', 'Next due for deletion', 'Parental consent', 'By voice'].map((h) =>
            el('th', { scope: 'col' }, h),
          ),
        ),
      ),
      el(
        'tbody',
        {},
        overview.profiles.map((profile) =>
          el(
            'tr',
            { dataset: { profileId: profile.id } },
            el('th', { scope: 'row' }, el('a', { href: ctx.hrefs.profile(profile.id) }, userText(profile.name, { truncate: true, className: 'name' }))),
            el('td', {}, [KIND_LABEL[profile.kind] ?? profile.kind, ageText(profile.birthDate, ctx.now)].filter(Boolean).join(', ')),
            el('td', {}, retentionLabel(profile.retention)),
            el('td', { class: 'effective-cell' }, effectiveRetentionText(profile.effectiveRetention)),
            el('td', { class: 'count-cell' }, plural(profile.recordingCount, 'recording')),
            nextDueCell(profile, ctx.now),
            consentCell(profile, ctx),
            el('td', {}, profile.voiceDeletion ? 'on' : 'off'),
          ),
        ),
      ),
    ),
  );
}

/**
 * The scheduled jobs (R-RET-6 sweep, R-PRO-2/3 profile checks): who runs them
 * in a real deployment, when this page last ran them, and what is due now.
 */
function jobsCard(ctx) {
  const { sweepPlan, jobs } = ctx;
  const due = sweepPlan.dueCount;
  const ran = (at) => (at ? time(at, formatDateTime(at)) : 'not yet');
  return el(
    'section',
    { class: 'card sweep', 'aria-labelledby': 'sweep-heading' },
    el('h3', { id: 'sweep-heading' }, 'Scheduled deletion and checks'),
    el(
      'p',
      { id: 'jobs-explained' },
      'In a real deployment the service operator’s servers run these on a schedule, whether or not this page is open: the retention sweep (the package’s ',
      el('code', {}, 'sweep'),
      ') deletes every recording whose retention has run out, with its audio, transcript and everything derived from it; the profile checks (',
      el('code', {}, 'sweepProfiles'),
      ') find profiles unused for a long time, children who reached the age of digital consent and teens who turned 18. This demo has no servers, so the page runs both when it opens and every minute while it is open.',
    ),
    el(
      'dl',
      { class: 'fields jobs' },
      el('dt', {}, 'Retention sweep last ran'),
      el('dd', { id: 'sweep-last' }, ran(jobs.sweepAt)),
      el('dt', {}, 'Profile checks last ran'),
      el('dd', { id: 'profiles-last' }, ran(jobs.profilesAt)),
    ),
    el(
      'p',
      { id: 'sweep-due', class: 'sweep-due', dataset: { due: String(due) } },
      due === 0 ? 'Nothing is due now.' : `${plural(due, 'recording')} ${due === 1 ? 'is' : 'are'} due now.`,
      sweepPlan.nextDueAt !== null && sweepPlan.nextDueAt !== undefined ? [' The next falls due ', time(sweepPlan.nextDueAt, formatDateTime(sweepPlan.nextDueAt)), '.'] : null,
    ),
    el('button', { type: 'button', id: 'sweep-now', class: 'danger', onClick: () => ctx.handlers.onSweep() }, 'Run the sweep now…'),
    problemAt(ctx, 'sweep'),
    noticeAt(ctx, 'sweep'),
  );
}

/** R-CON-3: who has disclosure to third parties on, to whom, withdrawable in one step. */
function disclosureCard(overview, ctx) {
  const children = overview.profiles.filter((p) => p.kind === 'child' && p.consent);
  const on = children.filter((p) => p.consent.disclosure);
  return el(
    'section',
    { class: 'card disclosure-overview', id: 'disclosure-overview', 'aria-labelledby': 'disclosure-overview-heading', dataset: { on: String(on.length) } },
    el('h3', { id: 'disclosure-overview-heading' }, 'Disclosure to third parties'),
    on.length === 0
      ? el('p', { id: 'disclosure-overview-state' }, 'Off for every child: nothing of a child’s is disclosed to anyone.')
      : el(
          'ul',
          { class: 'plain-list', id: 'disclosure-overview-state' },
          on.map((profile) =>
            el(
              'li',
              { dataset: { profileId: profile.id } },
              el('strong', {}, 'On for ', userText(profile.name)),
              `: ${recipientsText(ctx.thirdParties)} may receive what ${isolate(profile.name)} says. `,
              el(
                'button',
                { type: 'button', class: 'secondary small', id: domId('withdraw-disclosure', profile.id), onClick: () => ctx.handlers.onSetDisclosure(profile, false) },
                `Withdraw for ${isolate(profile.name)}`,
              ),
            ),
          ),
        ),
    problemAt(ctx, 'disclosure-overview'),
    noticeAt(ctx, 'disclosure-overview'),
  );
}

function policyDetails(policy) {
  return el(
    'details',
    { class: 'policy card' },
    el('summary', {}, 'The written retention policy'),
    el(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'The written retention policy' },
      el(
      'table',
      {},
      el('caption', {}, 'The longest each kind of data is kept'),
      el(
        'thead',
        {},
        el('tr', {}, ['Data', 'Children, at most', 'Adults, at most', 'Purpose', 'Business need'].map((h) => el('th', { scope: 'col' }, h))),
      ),
      el(
        'tbody',
        {},
        policy.categories.map((category) =>
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
    el('p', { class: 'hint' }, `“Delete what I just said” reaches back ${plural(policy.justSaidWindowMinutes, 'minute')}.`),
  );
}

/** The whole household at a glance. */
export function renderHouseholdView(overview, ctx) {
  const { household, guardians, devices } = overview;
  return el(
    'section',
    { class: 'view household', 'aria-labelledby': 'view-heading', dataset: { view: 'household' } },
    viewHeading(userText(household.name), 'Who is in the household, what each profile keeps, and for how long.'),
    noticeAt(ctx, 'household'),
    renderNotices(overview.profiles, ctx),
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'people-heading' },
      el('h3', { id: 'people-heading' }, 'Profiles'),
      profilesTable(overview, ctx),
      el('p', { class: 'add-child-link' }, el('a', { href: ctx.hrefs.addChild(), id: 'add-child-link' }, 'Add a child or teen'), ' — a child with a parent’s verified consent.'),
      el(
        'div',
        { class: 'household-grid' },
        el(
          'div',
          {},
          el('h3', {}, 'Parents'),
          el(
            'ul',
            { class: 'plain-list', id: 'guardians' },
            guardians.map((guardian) =>
              el('li', {}, userText(guardian.name), ' ', el('span', { class: guardian.verified ? 'badge ok' : 'badge' }, guardian.verified ? 'verified' : 'not verified')),
            ),
          ),
        ),
        el('div', {}, el('h3', {}, 'Devices'), el('ul', { class: 'plain-list', id: 'devices' }, devices.map((device) => el('li', {}, userText(device.name))))),
      ),
    ),
    disclosureCard(overview, ctx),
    renderPlaceCard(ctx),
    jobsCard(ctx),
    policyDetails(overview.retentionPolicy),
  );
}
