// One profile, ordered by what parents use most: its voice history first
// (view-history.js), deleting (view-delete.js), how long recordings are kept
// (the engine's preview of what a change deletes at once), deleting by
// voice, the child's parental consent (view-consent.js), its data, the
// profile itself, and the ads panel. Shortcuts at the top jump to each.

import { el, isolate, userText } from './dom.js';
import { RETENTION_SETTINGS, ageText, effectiveRetentionText, months, plural, retentionLabel } from './format.js';
import { ids, noticeAt, problemAt, viewHeading } from './view.js';
import { historySection } from './view-history.js';
import { deletionSection, exportSection } from './view-delete.js';
import { consentIds, renderConsentPanel, renderNotEnabled } from './view-consent.js';
import { renderManageSection, renderNotices } from './view-notices.js';

function retentionSection(profile, ctx) {
  const { handlers } = ctx;
  const selectId = ids.retentionSelect(profile.id);
  const hintId = ids.retentionHint(profile.id);
  const effectiveId = ids.effective(profile.id);
  const isChild = profile.kind === 'child';
  const policyMax = profile.effectiveRetention.policyMaxMonths;
  const pending = ctx.retention?.pending ?? profile.retention;
  const optionLabel = (setting) =>
    isChild && setting === 'until_deleted' && policyMax !== null ? `${retentionLabel(setting)} (at most ${months(policyMax)} for a child)` : retentionLabel(setting);
  const select = el(
    'select',
    { id: selectId, name: 'setting', 'aria-describedby': `${effectiveId} ${hintId}`, onChange: (event) => handlers.onPreviewRetention(profile, event.target.value) },
    RETENTION_SETTINGS.map((setting) => el('option', { value: setting, selected: setting === pending }, optionLabel(setting))),
  );
  const explain =
    isChild && policyMax !== null
      ? el('p', { class: 'hint policy-explained' }, `A child’s recordings are never kept indefinitely: the household’s written retention policy keeps them at most ${months(policyMax)}, whatever is chosen here.`)
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

const CONSENT_TEXT = {
  none: 'parental consent not given yet',
  pending: 'parental consent requested, not yet verified',
  verified: 'parental consent verified',
  revoked: 'parental consent revoked',
};

/** The view of one profile. */
export function renderProfileView(profile, ctx) {
  const facts = [
    profile.kind === 'child' ? 'Child' : 'Adult',
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
    exportSection(profile, ctx),
    renderManageSection(profile, ctx),
    adsSection(ctx),
  );
}
