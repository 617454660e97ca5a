// The activity log in sentences: "Alex Rivera changed Maya's retention from
// 18 months to 3 months". Names are the ones each person, profile and device
// had at the time of the entry (the log is read from its start, following
// additions and renames), not today's. A support agent's entry names the
// parent whose request it carried (onBehalfOf, R-INT-5). Each action has one
// kind, for the filter.

import * as engineApi from './engine-adapter.js';
import { isolate } from './dom.js';
import { ageOn, consentMethodLabel, countsSentence, deletionKindText, plural, retentionShort } from './format.js';
import { KIND_WORDS } from './ads-words.js';
import { placeName } from './jurisdiction.js';

export const ACTIVITY_PAGE_SIZE = 50;

export const KINDS = Object.freeze({
  settings: 'Settings',
  deletions: 'Deletions',
  consent: 'Consent and disclosure',
  profiles: 'Profiles and people',
  checks: 'Scheduled checks',
  recordings: 'Recordings made',
  household: 'Household, place and privacy notice',
});

const ACTION_KIND = {
  household_created: 'household',
  retention_policy_set: 'household',
  privacy_notice_set: 'household',
  state_imported: 'household',
  state_restored: 'household',
  state_migrated: 'household',
  jurisdiction_set: 'household',
  jurisdiction_policy_set: 'household',
  recordings_added: 'recordings',
  gpc_recorded: 'consent',
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

/** What the service did, by what it did: intake from the devices, this page reading a household in. */
const SYSTEM_AS = { recordings_added: 'The household’s devices', state_migrated: 'The privacy page', state_imported: 'The privacy page' };

/** Who acted, in words: a support agent with the parent whose request it carried. */
function actorName(entry, name) {
  const { actor, onBehalfOf } = entry;
  if (actor === 'system') return SYSTEM_AS[entry.action] ?? 'The scheduled check';
  if (actor === 'operator') return 'The service operator';
  if (typeof actor === 'string' && actor.startsWith('support:')) {
    return `Support agent ${isolate(actor.slice('support:'.length))}${onBehalfOf ? `, at ${name(onBehalfOf)}’s request,` : ''}`;
  }
  if (typeof actor === 'string' && actor.startsWith('device:')) return name(actor.slice('device:'.length));
  return name(actor);
}

const fromFormat = (version) => (version ? ` (from format version ${version})` : '');

/**
 * One entry as a sentence; `name(id)` gives names as they were just before
 * it, `ageAt(id, at)` a profile's age then (from the birth date it was added
 * with), or null.
 */
export function sentence(entry, name, ageAt = () => null) {
  const d = entry.details ?? {};
  const who = actorName(entry, name);
  const of = (id) => `${name(id)}'s`;
  const profile = name(d.profileId);
  const place = (code) => (code ? placeName(code) : 'not chosen (the United States’ rules)');
  const keptDeleted = d.keptDeleted ? `; ${plural(d.keptDeleted, 'recording')} deleted here stayed deleted` : '';
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
      return `${who} imported the household from a file${fromFormat(d.migratedFrom)}${keptDeleted}.`;
    case 'state_restored':
      return `${who} restored an earlier copy of the household (as it was at entry #${d.restoredSeq ?? '?'})${keptDeleted}; every entry since is kept.`;
    case 'state_migrated':
      return `${who} brought the household over from an older version of the service${fromFormat(d.migratedFrom)}.`;
    case 'jurisdiction_set':
      return `${who} changed where the household lives from ${place(d.from)} to ${place(d.to)}.`;
    case 'jurisdiction_policy_set':
      return `${who} changed the table of consent ages and teen ad rules (${plural(Array.isArray(d.overrides) ? d.overrides.length : 0, 'change')} to the defaults).`;
    case 'recordings_added':
      return d.profileId ? `${who} recorded something ${profile} said.` : `${who} added ${plural(d.added ?? 0, 'recording')}.`;
    case 'gpc_recorded':
      return `Global Privacy Control from ${entry.actor === 'system' ? 'the browser' : `${who}’s browser`} was recorded for ${profile} and is honoured from then on${d.disclosureWithdrawn ? `; it withdrew the consent to disclosure of ${of(d.profileId)} data` : ''}.`;
    case 'guardian_added':
      return `${who} added ${name(d.id)} as a parent${d.verified ? ' (verified)' : ''}.`;
    case 'device_added':
      return `${who} added the device ${name(d.id)}.`;
    case 'profile_added':
      return `${who} added ${name(d.id)}, ${KIND_WORDS[d.kind] ?? d.kind}.`;
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
      return `The scheduled check found that ${profile} ${ageAt(d.profileId, entry.at) === null ? 'reached the age for a review' : `turned ${ageAt(d.profileId, entry.at)}`}; a review is asked for on this page.`;
    case 'age_review_resolved':
      return d.kind === d.from ? `${who} kept ${profile} as ${KIND_WORDS[d.kind] ?? d.kind} after the age review.` : `${who} made ${profile} ${KIND_WORDS[d.kind] ?? d.kind} profile after the age review.`;
    case 'consent_requested':
      return d.reason === 'significant_change'
        ? `${who} passed on the ${isolate(d.store ?? 'app store')}’s notice of a significant change for ${profile}: consent by ${consentMethodLabel(d.method).toLowerCase()} is needed again.`
        : `${who} asked for consent for ${profile} by ${consentMethodLabel(d.method).toLowerCase()}.`;
    case 'consent_verified':
      return `${who} recorded verified consent for ${profile} (${consentMethodLabel(d.method).toLowerCase()}, reference ${isolate(d.reference)}, checked by ${isolate(d.verifiedBy)}).`;
    case 'consent_cancelled':
      return `${who} cancelled the consent request for ${profile}.`;
    case 'consent_revoked':
      return `${who} revoked consent for ${profile}${d.store ? ` (the ${isolate(d.store)} app store’s notice)` : ''}${d.deleteData ? ' and had the recordings deleted' : ', keeping the recordings'}.`;
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
  const born = new Map();
  const name = (id) => isolate(names.get(id) ?? current(id));
  const ageAt = (id, at) => (born.has(id) ? ageOn(born.get(id), at) : null);
  return entries.map((entry) => {
    const d = entry.details ?? {};
    if (['guardian_added', 'device_added', 'profile_added'].includes(entry.action) && typeof d.name === 'string') names.set(d.id, d.name);
    if (entry.action === 'profile_added' && typeof d.birthDate === 'string') born.set(d.id, d.birthDate);
    const text = sentence(entry, name, ageAt);
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
