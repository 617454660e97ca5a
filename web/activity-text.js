// The activity log in sentences: "Alex Rivera changed Maya's retention from
// 18 months to 3 months". Names are the ones each person, profile and device
// had at the time of the entry (the log is read from its start, following
// additions and renames), not today's. Each action has one kind, for the
// filter.

import * as engineApi from './engine-adapter.js';
import { isolate } from './dom.js';
import { consentMethodLabel, countsSentence, deletionKindText, retentionShort } from './format.js';

export const ACTIVITY_PAGE_SIZE = 50;

export const KINDS = Object.freeze({
  settings: 'Settings',
  deletions: 'Deletions',
  consent: 'Consent and disclosure',
  profiles: 'Profiles and people',
  checks: 'Scheduled checks',
  household: 'Household and privacy notice',
});

const ACTION_KIND = {
  household_created: 'household',
  retention_policy_set: 'household',
  privacy_notice_set: 'household',
  state_imported: 'household',
  guardian_added: 'profiles',
  device_added: 'profiles',
  profile_added: 'profiles',
  profile_renamed: 'profiles',
  profile_removed: 'profiles',
  profile_enabled: 'profiles',
  profile_kept: 'profiles',
  age_review_resolved: 'profiles',
  profile_inactive_notified: 'checks',
  profile_reactivated: 'checks',
  age_review_flagged: 'checks',
  consent_requested: 'consent',
  consent_verified: 'consent',
  consent_cancelled: 'consent',
  consent_revoked: 'consent',
  disclosure_consent_set: 'consent',
  retention_set: 'settings',
  voice_deletion_set: 'settings',
  recordings_deleted: 'deletions',
  sweep: 'deletions',
};

export function kindOf(action) {
  return ACTION_KIND[action] ?? 'household';
}

/** Who acted, in words. */
function actorName(actor, name) {
  if (actor === 'system') return 'The scheduled check';
  if (actor === 'operator') return 'The service operator';
  if (typeof actor === 'string' && actor.startsWith('support:')) return `Support agent ${actor.slice('support:'.length)}`;
  return name(actor);
}

/** One entry as a sentence; `name(id)` gives names as they were just before it. */
export function sentence(entry, name) {
  const d = entry.details ?? {};
  const who = actorName(entry.actor, name);
  const of = (id) => `${name(id)}'s`;
  const profile = name(d.profileId);
  switch (entry.action) {
    case 'household_created':
      return `${who} set up the household.`;
    case 'retention_policy_set':
      return `${who} changed the written retention policy.`;
    case 'privacy_notice_set': {
      const need = Array.isArray(d.needConsent) ? d.needConsent.map(name).join(', ') : '';
      return `${who} published version ${d.privacyNotice?.version ?? '?'} of the privacy notice${d.material ? `: a material change${need ? `, so fresh consent is needed for ${need}` : ''}` : ''}.`;
    }
    case 'state_imported':
      return `${who} imported the household from a file.`;
    case 'guardian_added':
      return `${who} added ${name(d.id)} as a parent${d.verified ? ' (verified)' : ''}.`;
    case 'device_added':
      return `${who} added the device ${name(d.id)}.`;
    case 'profile_added':
      return `${who} added ${name(d.id)}, ${d.kind === 'child' ? 'a child' : 'an adult'}.`;
    case 'profile_renamed':
      return `${who} renamed ${isolate(d.from)} to ${isolate(d.to)}.`;
    case 'profile_removed':
      return entry.actor === 'system'
        ? `The scheduled check removed ${of(d.profileId)} unused profile after the notice window, with all its data (receipt ${d.requestId}).`
        : `${who} removed ${of(d.profileId)} profile with all its data (receipt ${d.requestId}).`;
    case 'profile_enabled':
      return `${who} ${d.enabled ? 'turned on' : 'paused'} ${of(d.profileId)} profile.`;
    case 'profile_kept':
      return `${who} kept ${of(d.profileId)} profile, which had gone unused.`;
    case 'profile_inactive_notified':
      return `The scheduled check found ${of(d.profileId)} profile unused for a long time; the notice to keep it is shown on this page.`;
    case 'profile_reactivated':
      return `The scheduled check found ${of(d.profileId)} profile in use again.`;
    case 'age_review_flagged':
      return `The scheduled check found that ${profile} turned 13; a review is asked for on this page.`;
    case 'age_review_resolved':
      return d.convertToAdult ? `${who} converted ${profile} to an adult profile.` : `${who} kept ${profile} as a child profile after the 13th birthday.`;
    case 'consent_requested':
      return `${who} asked for consent for ${profile} by ${consentMethodLabel(d.method).toLowerCase()}.`;
    case 'consent_verified':
      return `${who} recorded verified consent for ${profile} (${consentMethodLabel(d.method).toLowerCase()}, reference ${isolate(d.reference)}, checked by ${isolate(d.verifiedBy)}).`;
    case 'consent_cancelled':
      return `${who} cancelled the consent request for ${profile}.`;
    case 'consent_revoked':
      return `${who} revoked consent for ${profile}${d.deleteData ? ' and had the recordings deleted' : ', keeping the recordings'}.`;
    case 'disclosure_consent_set':
      return d.enabled ? `${who} allowed disclosure of ${of(d.profileId)} data to the third parties named in the notice.` : `${who} withdrew consent to disclosure of ${of(d.profileId)} data.`;
    case 'retention_set':
      return `${who} changed ${of(d.profileId)} retention from ${retentionShort(d.from)} to ${retentionShort(d.to)}.`;
    case 'voice_deletion_set':
      return `${who} turned deleting by voice ${d.enabled ? 'on' : 'off'} for ${profile}.`;
    case 'recordings_deleted': {
      const what = d.status === 'deleted' && d.counts ? countsSentence(d.counts) : 'nothing (nothing matched)';
      return `${who} deleted ${what} of ${of(d.profileId)}, by ${deletionKindText(d.kind)} (receipt ${d.requestId}).`;
    }
    case 'sweep':
      return `The scheduled deletion deleted ${d.counts ? countsSentence(d.counts) : 'recordings'} whose retention had run out (receipt ${d.requestId}).`;
    default:
      return `${who}: ${String(entry.action).replaceAll('_', ' ')}.`;
  }
}

/** The profile an entry is about, if any. */
export function subjectOf(entry) {
  const d = entry.details ?? {};
  return d.profileId ?? (entry.action === 'profile_added' ? d.id : null);
}

/**
 * Every entry with its sentence and kind, oldest first, the names at each
 * entry's time. `current` names whatever the log never named (ids only).
 */
export function narrate(entries, current) {
  const names = new Map();
  const name = (id) => isolate(names.get(id) ?? current(id));
  return entries.map((entry) => {
    const d = entry.details ?? {};
    if (['guardian_added', 'device_added', 'profile_added'].includes(entry.action) && typeof d.name === 'string') names.set(d.id, d.name);
    const text = sentence(entry, name);
    if (entry.action === 'profile_renamed' && typeof d.to === 'string') names.set(d.profileId, d.to);
    return { entry, text, kind: kindOf(entry.action), subject: subjectOf(entry) };
  });
}

/** The activity view's page: the filtered entries, newest first, `offset` from the newest. */
export function activityPage(page, overview) {
  const entries = engineApi.fullAuditLog(page.engine, { actor: page.readerId() });
  const narrated = narrate(entries, page.nameOf(overview));
  const { filter } = page.activity;
  const shown = narrated.filter((item) => (!filter.profileId || item.subject === filter.profileId) && (!filter.kind || item.kind === filter.kind)).reverse();
  const last = Math.max(0, Math.floor((shown.length - 1) / ACTIVITY_PAGE_SIZE) * ACTIVITY_PAGE_SIZE);
  const offset = Math.max(0, Math.min(page.activity.offset, last));
  page.activity.offset = offset;
  const subjects = new Map();
  for (const item of narrated) if (item.subject && !subjects.has(item.subject)) subjects.set(item.subject, item.entry.details?.name ?? page.nameOf(overview)(item.subject));
  for (const profile of overview.profiles) subjects.set(profile.id, profile.name);
  return { total: entries.length, filtered: shown.length, items: shown.slice(offset, offset + ACTIVITY_PAGE_SIZE), offset, pageSize: ACTIVITY_PAGE_SIZE, subjects };
}
