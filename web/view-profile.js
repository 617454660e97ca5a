// One profile, ordered by what parents use most: its voice history first
// (view-history.js), deleting (view-delete.js), how long recordings are kept
// (the engine's preview of what a change deletes at once), deleting by
// voice, the child's parental consent (view-consent.js) or what applies to a
// teen, its data, the profile itself, and the ads panel. Shortcuts at the
// top jump to each.

import { el, isolate, userText } from './dom.js';
import { KIND_LABEL, RETENTION_SETTINGS, ageOn, ageText, effectiveRetentionText, months, plural, retentionLabel } from './format.js';
import { ids, noticeAt, problemAt, viewHeading } from './view.js';
import { historySection } from './view-history.js';
import { deletionSection, exportSection } from './view-delete.js';
import { consentIds, renderConsentPanel, renderNotEnabled } from './view-consent.js';
import { renderManageSection, renderNotices } from './view-notices.js';
import { agesSentence, placeName, teenAdsText } from './jurisdiction.js';

function retentionSection(profile, ctx) {
  const { handlers } = ctx;
  const selectId = ids.retentionSelect(profile.id);
  const hintId = ids.retentionHint(profile.id);
  const effectiveId = ids.effective(profile.id);
  // A teen's recordings are capped by the children's maximum too.
  const isChild = profile.kind !== 'adult';
  const policyMax = profile.effectiveRetention.policyMaxMonths;
  const pending = ctx.retention?.pending ?? profile.retention;
  const optionLabel = (setting) =>
    isChild && setting === 'until_deleted' && policyMax !== null ? `${retentionLabel(setting)} (at most ${months(policyMax)} for a ${profile.kind})` : retentionLabel(setting);
  const select = el(
    'select',
    { id: selectId, name: 'setting', 'aria-describedby': `${effectiveId} ${hintId}`, onChange: (event) => handlers.onPreviewRetention(profile, event.target.value) },
    RETENTION_SETTINGS.map((setting) => el('option', { value: setting, selected: setting === pending }, optionLabel(setting))),
  );
  const explain =
    isChild && policyMax !== null
      ? el('p', { class: 'hint policy-explained' }, `A ${profile.kind}’s recordings are never kept indefinitely: the household’s written retention policy keeps them at most ${months(policyMax)}, whatever is chosen here.`)
      : null;
  return el(
    'section',
    { class: 'card', id: ids.section('retention-card', profile.id), 'aria-labelledby': `${selectId}-heading` },
    el('h3', { id: `${selectId}-heading`, tabindex: '-1' }, 'How long recordings are kept'),
    el(
      'form',
      {
        class: 'retention-form',
        'aria-label': `Retention for ${isolate(profile.name)}`,
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
      explain,
      el('p', { id: hintId, class: ['hint retention-hint', ctx.retention ? 'pending' : null], 'aria-live': 'polite' }, ctx.retention?.hint ?? ''),
      problemAt(ctx, `retention:${profile.id}`, [select]),
    ),
    noticeAt(ctx, `retention:${profile.id}`),
  );
}

function voiceDeletionSection(profile, ctx) {
  const id = ids.voiceDeletion(profile.id);
  const input = el('input', {
    type: 'checkbox',
    id,
    checked: profile.voiceDeletion,
    'aria-describedby': `${id}-hint`,
    onChange: (event) => ctx.handlers.onSetVoiceDeletion(profile, event.target.checked),
  });
  return el(
    'section',
    { class: 'card', 'aria-labelledby': `${id}-heading` },
    el('h3', { id: `${id}-heading` }, 'Deleting by voice'),
    el('div', { class: 'checkbox-row' }, input, el('label', { for: id }, `Let ${isolate(profile.name)} delete recordings by voice`)),
    el(
      'p',
      { id: `${id}-hint`, class: 'hint' },
      'Saying “delete what I just said” or “delete everything I said today” to a device then deletes those recordings. ',
      profile.voiceDeletion ? 'It is on.' : 'It is off.',
    ),
    problemAt(ctx, `voice-deletion:${profile.id}`, [input]),
  );
}

/** The in-page shortcuts: each jumps to its section's heading (the address keeps the view). */
function shortcuts(profile, ctx) {
  const targets = [
    ['Voice history', `${ids.recordings(profile.id)}-heading`],
    ['Delete', `${ids.rangeFrom(profile.id)}-heading`],
    ['How long kept', `${ids.retentionSelect(profile.id)}-heading`],
    profile.kind === 'child' && profile.consent ? ['Consent', consentIds.heading(profile.id)] : null,
    profile.kind === 'teen' ? ['What applies', teenIds.heading(profile.id)] : null,
    ['Data', `${ids.exportProfile(profile.id)}-heading`],
    ['Ads', ids.section('ads-title', profile.id)],
  ].filter(Boolean);
  return el(
    'nav',
    { class: 'shortcuts', 'aria-label': 'On this page' },
    el('ul', {}, targets.map(([label, target]) => el('li', {}, el('button', { type: 'button', class: 'link', dataset: { target }, onClick: () => ctx.handlers.onJump(target) }, label)))),
  );
}

/** The household's "Ads and data" panel for this profile (ads.js keeps it, with its ids and inputs, across renders). */
function adsSection(ctx) {
  ctx.ads.refresh();
  return ctx.ads.node;
}

export const teenIds = { section: (profileId) => ids.section('teen', profileId), heading: (profileId) => ids.section('teen-heading', profileId) };

/**
 * What applies to a teen (R-AGE-1, R-AGE-3, R-AGE-4, R-PRO-3), in a parent's
 * words: no parental consent at this age, the parent still manages, the
 * children's maximum for recordings, the teen ad rule of this place and age,
 * and the review at 18.
 */
function teenSection(profile, ctx) {
  const { policy, code, chosen } = ctx.place;
  const age = ageOn(profile.birthDate, ctx.now);
  const band = age === null ? null : age < 16 ? 'teenAds13to15' : 'teenAds16to17';
  const name = isolate(profile.name);
  const ads =
    band === null
      ? `13 to 15: ${teenAdsText(policy.teenAds13to15)}; 16 or 17: ${teenAdsText(policy.teenAds16to17)}`
      : teenAdsText(policy[band]);
  const items = [
    `No parental consent is needed for ${name}’s recordings at this age. ${agesSentence(policy)}`,
    `You manage ${name}’s profile from this page: what is kept, for how long, and deleting it. ${name} may manage it too.`,
    `${name}’s recordings are kept at most ${months(policyMax(profile))}, the household’s limit for children.`,
    `Ads: ${ads}${band === null ? '' : ` (${name} is ${age})`}. Nothing of ${name}’s is ever sold.`,
    profile.birthDate ? `At 18 you are asked to review the profile: an adult manages their own.` : 'The profile has no birth date, so the service cannot ask you to review it at 18.',
  ];
  return el(
    'section',
    { class: 'card teen-applies', id: teenIds.section(profile.id), 'aria-labelledby': teenIds.heading(profile.id), dataset: { consentAge: String(policy.consentAge) } },
    el('h3', { id: teenIds.heading(profile.id), tabindex: '-1' }, `What applies to ${name}, a teen`),
    el('ul', { class: 'plain-list teen-rules' }, items.map((text) => el('li', {}, text))),
    el('p', { class: 'hint' }, `Where you live: ${placeName(code)}${chosen ? '' : ' (not chosen yet: the United States’ rules apply; change it on the household page)'}.`),
  );
}

function policyMax(profile) {
  return profile.effectiveRetention.policyMaxMonths ?? profile.effectiveRetention.months;
}

const CONSENT_TEXT = {
  none: 'parental consent not given yet',
  pending: 'parental consent requested, not yet verified',
  verified: 'parental consent verified',
  revoked: 'parental consent revoked',
};

/** The view of one profile. */
export function renderProfileView(profile, ctx) {
  const facts = [
    KIND_LABEL[profile.kind] ?? profile.kind,
    ageText(profile.birthDate, ctx.now),
    profile.kind === 'child' && profile.consent ? CONSENT_TEXT[profile.consent.state] : null,
    profile.kind === 'child' ? (profile.enabled ? 'enabled' : 'not enabled') : null,
    profile.kind === 'child' && profile.consent?.disclosure ? 'disclosure to third parties on' : null,
    `${plural(profile.recordingCount, 'recording')} kept`,
  ].filter(Boolean);
  return el(
    'section',
    {
      class: 'view profile',
      id: ids.profile(profile.id),
      'aria-labelledby': 'view-heading',
      dataset: { view: 'profile', profileId: profile.id, enabled: String(profile.enabled) },
    },
    viewHeading(userText(profile.name, { className: 'name' })),
    el('p', { class: 'facts' }, facts.join(' · ')),
    renderNotices([profile], ctx, { title: [userText(profile.name), ' needs your attention'] }),
    renderNotEnabled(profile, ctx),
    shortcuts(profile, ctx),
    historySection(profile, ctx),
    deletionSection(profile, ctx),
    el('div', { class: 'profile-controls' }, retentionSection(profile, ctx), voiceDeletionSection(profile, ctx)),
    renderConsentPanel(profile, ctx),
    profile.kind === 'teen' ? teenSection(profile, ctx) : null,
    exportSection(profile, ctx),
    renderManageSection(profile, ctx),
    adsSection(ctx),
  );
}
