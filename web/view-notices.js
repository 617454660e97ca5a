// What needs a parent (R-PRO-2 an inactive profile, R-PRO-3 a child who
// reached the age of digital consent, a teen who turned 18), on the
// household view and on the profile's own, and the
// profile itself: rename (checked first: trimmed, not empty, a duplicate
// warned) and remove (R-PRO-1).

import { el, isolate, userText } from './dom.js';
import { formatDate, lastActiveAt, plural } from './format.js';
import { noticeAt, problemAt, time } from './view.js';
import { consentIds } from './view-consent.js';

/** Rename and remove (R-PRO-1). */
export function renderManageSection(profile, ctx) {
  const renameId = consentIds.rename(profile.id);
  const headingId = `${consentIds.manage(profile.id)}-heading`;
  const input = el('input', { id: renameId, name: 'name', type: 'text', autocomplete: 'off', maxlength: '200', dir: 'auto', value: profile.name });
  if (ctx.drafts.has(renameId)) input.value = ctx.drafts.get(renameId);
  input.addEventListener('input', () => ctx.handlers.onDraft(renameId, input.value));
  return el(
    'section',
    { class: 'card manage', id: consentIds.manage(profile.id), 'aria-labelledby': headingId },
    el('h3', { id: headingId, tabindex: '-1' }, 'Profile'),
    el(
      'form',
      {
        class: 'inline-form rename-form',
        'aria-label': `Rename ${isolate(profile.name)}`,
        onSubmit: (event) => {
          event.preventDefault();
          ctx.handlers.onRename(profile, input.value);
        },
      },
      el('label', { for: renameId }, 'Name'),
      el('div', { class: 'inline-controls' }, input, el('button', { type: 'submit', id: consentIds.renameSave(profile.id) }, 'Save name')),
      problemAt(ctx, `rename:${profile.id}`, [input]),
      noticeAt(ctx, `rename:${profile.id}`),
    ),
    el(
      'div',
      { class: 'remove-profile' },
      el(
        'p',
        {},
        `Removing ${isolate(profile.name)}'s profile deletes every recording with its audio, transcript and derived items, then the profile itself. You see the count first and get a receipt.`,
      ),
      el('button', { type: 'button', class: 'danger', id: consentIds.remove(profile.id), onClick: () => ctx.handlers.onRemoveProfile(profile) }, `Remove ${isolate(profile.name)}…`),
      problemAt(ctx, `remove:${profile.id}`),
    ),
  );
}

/** R-PRO-2: notified as inactive, deleted on `removalDueAt` unless kept. */
function inactiveNotice(profile, ctx) {
  const since = lastActiveAt(profile);
  return el(
    'li',
    { class: 'notice-item inactive', dataset: { profileId: profile.id, notice: 'inactive' } },
    el('p', {}, el('strong', {}, `${isolate(profile.name)} has not been used since `, time(since, formatDate(since)), '.')),
    el(
      'p',
      {},
      `Unless you keep it, ${isolate(profile.name)}'s profile and all its data (${plural(profile.recordingCount, 'recording')}) will be deleted on `,
      el('strong', { class: 'removal-date' }, time(profile.removalDueAt, formatDate(profile.removalDueAt))),
      '.',
    ),
    el('button', { type: 'button', id: consentIds.keep(profile.id), onClick: () => ctx.handlers.onKeepProfile(profile) }, 'Keep this profile'),
  );
}

/**
 * R-PRO-3: a child who reached the household's age of digital consent, never
 * converted without the parent's decision: a teen profile (which the parent
 * still manages), or a child profile still.
 */
function childAgeReviewNotice(profile, ctx) {
  const age = ctx.place.policy.consentAge;
  return el(
    'li',
    { class: 'notice-item age-review', dataset: { profileId: profile.id, notice: 'age-review' } },
    el('p', {}, el('strong', {}, `${isolate(profile.name)} has turned ${age}.`), ' Flagged for your review on ', time(profile.ageReviewFlaggedAt, formatDate(profile.ageReviewFlaggedAt)), '.'),
    el(
      'p',
      {},
      `${age} is the age of digital consent where you live. ${isolate(profile.name)} stays a child profile, with your consent and controls, until you decide. As a teen profile, ${isolate(profile.name)} needs no parental consent for recordings, and you still manage the settings.`,
    ),
    el(
      'div',
      { class: 'inline-controls' },
      el('button', { type: 'button', id: consentIds.keepChild(profile.id), onClick: () => ctx.handlers.onResolveAgeReview(profile, 'child') }, 'Keep as a child profile'),
      el('button', { type: 'button', class: 'secondary', id: consentIds.makeTeen(profile.id), onClick: () => ctx.handlers.onResolveAgeReview(profile, 'teen') }, 'Make it a teen profile…'),
    ),
  );
}

/**
 * R-PRO-3: a teen who turned 18, never converted without the parent's
 * decision: an adult profile (which the adult then manages), or a teen
 * profile still.
 */
function teenAgeReviewNotice(profile, ctx) {
  return el(
    'li',
    { class: 'notice-item age-review', dataset: { profileId: profile.id, notice: 'age-review' } },
    el('p', {}, el('strong', {}, `${isolate(profile.name)} has turned 18.`), ' Flagged for review on ', time(profile.ageReviewFlaggedAt, formatDate(profile.ageReviewFlaggedAt)), '.'),
    el(
      'p',
      {},
      `An adult manages their own profile and recordings. ${isolate(profile.name)} stays a teen profile that you manage, with a teen’s protections, until you decide.`,
    ),
    el(
      'div',
      { class: 'inline-controls' },
      el('button', { type: 'button', id: consentIds.keepTeen(profile.id), onClick: () => ctx.handlers.onResolveAgeReview(profile, 'teen') }, 'Keep as a teen profile'),
      el('button', { type: 'button', class: 'secondary', id: consentIds.makeAdult(profile.id), onClick: () => ctx.handlers.onResolveAgeReview(profile, 'adult') }, 'Make it an adult profile…'),
    ),
  );
}

/** The notices that need a parent: on the household view (all) or one profile's view. */
export function renderNotices(profiles, ctx, { headingLevel = 'h3', title = 'Needs your attention' } = {}) {
  const items = [];
  for (const profile of profiles) {
    if (profile.kind === 'child' && profile.inactiveNotifiedAt !== null && profile.removalDueAt !== null) items.push(inactiveNotice(profile, ctx));
    if (profile.kind === 'child' && profile.ageReviewFlaggedAt !== null) items.push(childAgeReviewNotice(profile, ctx));
    if (profile.kind === 'teen' && profile.ageReviewFlaggedAt !== null) items.push(teenAgeReviewNotice(profile, ctx));
  }
  if (items.length === 0) return null;
  return el(
    'section',
    { class: 'card notices', id: consentIds.notices(), 'aria-labelledby': 'notices-heading' },
    el(headingLevel, { id: 'notices-heading', tabindex: '-1' }, title),
    el('ul', { class: 'notice-list' }, items),
    problemAt(ctx, 'notices'),
    el(
      'p',
      { class: 'hint' },
      'In this demo, this page is the only notice. In a real deployment the service would also tell you by email or in the app, and these checks run on the operator’s servers whether or not the page is open.',
    ),
  );
}
