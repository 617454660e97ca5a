// Parental consent (R-CON-1..6) and a child's or teen's profile (R-PRO-1..3,
// R-AGE-1): adding a child (name and birth date checked first, then consent)
// or a teen (no parental consent to collect at that age, still managed by a
// parent), requesting, verifying and cancelling consent, disclosure to third
// parties (confirmed like a deletion, naming who receives what), revoking
// (keep or delete), enabling, renaming, removing, keeping an inactive
// profile, and the age review (at the age of digital consent: a teen profile).

import { perform } from './command.js';
import { confirmDeletion, newRequestId } from './confirm-deletion.js';
import { el, isolate, userText } from './dom.js';
import { PageProblem } from './errors.js';
import { consentMethodLabel, formatDate, plural } from './format.js';
import { checkBirthDate, checkName } from './validate.js';
import { ids } from './view.js';
import { DEMO_VERIFIER, consentIds } from './view-consent.js';
import { addChildIds } from './view-add-child.js';

/**
 * A name, checked: refused with a PageProblem, or a duplicate the parent has
 * not yet confirmed (then the problem says so and the same name again goes ahead).
 */
function checkedName(page, raw, { place, field, exceptId = null }) {
  const { name, duplicateOf } = checkName(raw, { field, profiles: page.overview().profiles, exceptId });
  const key = `${place}:${name.toLocaleLowerCase()}`;
  if (duplicateOf && !page.confirmedNames.has(key)) {
    page.confirmedNames.add(key);
    throw new PageProblem(`There is already a profile called ${isolate(duplicateOf.name)} in this household. Two profiles with one name are easy to mix up; to use this name anyway, save it again.`, { field });
  }
  return name;
}

/** Runs the checks for a form; a problem goes next to its field. */
function checked(page, place, checks) {
  page.clearProblem(place);
  try {
    return checks();
  } catch (error) {
    page.setProblem(place, error);
    page.render();
    page.focusProblem(place);
    return undefined;
  }
}

/**
 * Adding a child: the profile (not enabled), then the consent request with
 * the chosen method. Adding a teen: the profile alone (enabled at once, R-AGE-1).
 */
async function addChildWithConsent(page, { kind = 'child', name, birthDate, method }) {
  const place = 'add-child';
  const { consentAge } = page.placePolicy();
  const values = checked(page, place, () => ({
    name: checkedName(page, name, { place, field: addChildIds.name }),
    birthDate: checkBirthDate(birthDate, { field: addChildIds.birthDate, now: Date.now(), kind, consentAge }),
    method: kind === 'teen' || method ? method : (() => { throw new PageProblem('Choose one of the approved ways to give consent first.', { field: consentIds.method('new', 'signed_form') }); })(),
  }));
  if (!values) return;
  const profileId = newRequestId(kind);
  const profile = { id: profileId, name: values.name, kind, ...(values.birthDate ? { birthDate: values.birthDate } : {}) };
  const added = await perform(page, {
    place,
    method: 'addProfile',
    input: (now) => ({ actor: page.actingGuardianId, now, profile }),
    message: kind === 'teen' ? (answer) => `${isolate(answer.name)} was added as a teen: you manage the profile, and recordings can be made now.` : undefined,
    focus: kind === 'teen' ? () => `${addChildIds.done}-heading` : undefined,
    after: () => {
      page.addChild = { profileId };
      for (const key of [addChildIds.name, addChildIds.birthDate, 'method:new', 'kind:new']) page.drafts.delete(key);
    },
  });
  if (!added || kind === 'teen') return;
  await perform(page, {
    place,
    method: 'requestConsent',
    input: (now) => ({ actor: page.actingGuardianId, now, profileId, method: values.method }),
    message: () => `${isolate(added.name)} was added, not enabled yet. Consent requested by ${consentMethodLabel(values.method).toLowerCase()}: the demo verifier checks it next.`,
    focus: () => consentIds.verifierHeading(profileId),
  });
}

function requestConsent(page, profile, method) {
  const place = `consent:${profile.id}`;
  if (!method) {
    page.setProblem(place, new PageProblem('Choose one of the approved ways to give consent first.', { field: consentIds.method(profile.id, 'signed_form') }));
    page.render();
    page.focusProblem(place);
    return undefined;
  }
  return perform(page, {
    place,
    method: 'requestConsent',
    input: (now) => ({ actor: page.actorFor(profile), now, profileId: profile.id, method }),
    after: () => page.drafts.delete(`method:${profile.id}`),
    message: () => `Consent for ${isolate(profile.name)} requested by ${consentMethodLabel(method).toLowerCase()}: the demo verifier checks it next.`,
    focus: () => consentIds.verifierHeading(profile.id),
  });
}

function recordConsent(page, profile, { method, reference }) {
  return perform(page, {
    place: `consent:${profile.id}`,
    method: 'recordConsent',
    input: (now) => ({ actor: page.actorFor(profile), now, profileId: profile.id, method, reference, verifiedBy: DEMO_VERIFIER }),
    after: () => page.verifierReferences.delete(`${profile.id}:${method}`),
    message: () => `Consent for ${isolate(profile.name)} verified (${consentMethodLabel(method).toLowerCase()}, reference ${reference}). ${isolate(profile.name)} is enabled: recordings can now be made.`,
    focus: () => [`${addChildIds.done}-heading`, consentIds.heading(profile.id), ids.viewHeading()],
  });
}

function cancelConsent(page, profile) {
  return perform(page, {
    place: `consent:${profile.id}`,
    method: 'cancelConsent',
    input: (now) => ({ actor: page.actorFor(profile), now, profileId: profile.id }),
    message: () => `The consent request for ${isolate(profile.name)} was cancelled. ${isolate(profile.name)} stays not enabled: nothing is recorded.`,
    focus: () => [consentIds.heading(profile.id), ids.viewHeading()],
  });
}

function enableProfile(page, profile, enabled) {
  return perform(page, {
    place: `consent:${profile.id}`,
    method: 'enableProfile',
    input: (now) => ({ actor: page.actorFor(profile), now, profileId: profile.id, enabled }),
    message: (answer) => `${isolate(profile.name)} is ${answer.enabled ? 'enabled' : 'paused'}.`,
  });
}

/**
 * R-CON-3: turning disclosure on is confirmed like a deletion, naming each
 * recipient and purpose from the privacy notice; with none named it cannot
 * be turned on. Withdrawing is one step, from the profile or the household.
 */
async function setDisclosure(page, profile, enabled) {
  const onHousehold = page.route.view === 'household';
  const place = onHousehold ? 'disclosure-overview' : `disclosure:${profile.id}`;
  const { thirdParties } = page.overview().privacyNotice;
  if (enabled) {
    if (thirdParties.length === 0) {
      page.setProblem(place, new PageProblem('The privacy notice names no third party, so there is nobody to disclose to: it cannot be turned on.'));
      page.render();
      return undefined;
    }
    const confirmed = await page.dialog.confirm({
      title: `Allow ${isolate(profile.name)}'s data to be disclosed to third parties?`,
      description: ['These companies, named in the privacy notice, would receive what ', userText(profile.name), ' says, for these purposes:'],
      body: [
        el('ul', { class: 'recipients' }, thirdParties.map((party) => el('li', {}, el('strong', {}, userText(party.name)), ` (${party.category}): `, userText(party.purpose)))),
        el('p', {}, 'It is a separate consent, never needed to use the service. You can withdraw it at any time, in one step, here or on the household page.'),
        // R-SIG-3: say so when this person's opt-out preference signal is in force.
        profile.gpcAt !== null
          ? el('p', { class: 'warning-text gpc-conflict' }, `Global Privacy Control was recorded for ${isolate(profile.name)} on ${formatDate(profile.gpcAt)}: it asks that nothing of ${isolate(profile.name)}’s is sold or shared. Allowing disclosure goes against that signal.`)
          : null,
      ],
      confirmLabel: `Allow disclosure to ${plural(thirdParties.length, 'recipient')}`,
    });
    if (!confirmed) return undefined;
  }
  return perform(page, {
    place,
    method: 'setDisclosureConsent',
    input: (now) => ({ actor: page.actorFor(profile), now, profileId: profile.id, enabled }),
    context: { name: profile.name },
    message: (answer) =>
      answer.consent.disclosure
        ? `Disclosure to third parties is on for ${isolate(profile.name)}.`
        : `Disclosure to third parties is off for ${isolate(profile.name)}: nothing is disclosed.`,
    focus: () => [enabled ? `${consentIds.disclosure(profile.id)}-withdraw` : `${consentIds.disclosure(profile.id)}-allow`, 'disclosure-overview-heading'],
  });
}

/** R-CON-4: revoke; recording stops at once; the parent chooses keep, or delete now (the count first). */
async function revokeConsent(page, profile) {
  const place = `consent:${profile.id}`;
  const actor = page.actorFor(profile);
  const choice = await page.dialog.choose({
    title: `Revoke consent for ${isolate(profile.name)}?`,
    description: `Recording into ${isolate(profile.name)}'s profile stops at once, and nothing of ${isolate(profile.name)}'s is disclosed to anyone. You can give consent again later.`,
    body: [
      el('p', {}, `${isolate(profile.name)} has ${plural(profile.recordingCount, 'recording')} kept. What should happen to ${profile.recordingCount === 1 ? 'it' : 'them'}?`),
      el(
        'ul',
        { class: 'choice-list' },
        el('li', {}, el('strong', {}, 'Keep the recordings: '), 'they stay for you to review, download or delete later, and go when their retention runs out.'),
        el('li', {}, el('strong', {}, 'Delete them now: '), 'you see exactly what would go first, then get a receipt.'),
      ),
    ],
    choices: [
      { value: 'keep', label: 'Keep the recordings', className: '', id: 'revoke-keep' },
      { value: 'delete', label: 'Delete them now…', className: 'danger', id: 'revoke-delete' },
    ],
  });
  if (!choice) return undefined;
  if (choice === 'keep') {
    return perform(page, {
      place,
      method: 'revokeConsent',
      input: (now) => ({ actor, now, profileId: profile.id, deleteData: false }),
      message: () => `Consent for ${isolate(profile.name)} was revoked: recording stopped. The ${plural(profile.recordingCount, 'recording')} ${profile.recordingCount === 1 ? 'was' : 'were'} kept.`,
      focus: () => consentIds.heading(profile.id),
    });
  }
  return confirmDeletion(page, {
    place,
    profile,
    scope: { kind: 'all' },
    title: `Revoke consent and delete all of ${isolate(profile.name)}'s recordings?`,
    description: `Consent is revoked, and everything ${isolate(profile.name)} has recorded, on every device, is deleted now.`,
    confirmLabel: 'Revoke and delete permanently',
    whenNothing: { text: `Nothing of ${isolate(profile.name)}'s is kept, so there is nothing to delete.`, confirmLabel: 'Revoke consent' },
    method: 'revokeConsent',
    idPrefix: 'revoke',
    input: (now, requestId) => ({ actor, now, profileId: profile.id, deleteData: true, requestId }),
    receiptOf: (answer) => answer.receipt,
    message: (receipt) =>
      `Consent for ${isolate(profile.name)} was revoked: recording stopped, and ${plural(receipt.recordingIds.length, 'recording')} ${receipt.recordingIds.length === 1 ? 'was' : 'were'} deleted. Receipt ${receipt.requestId}.`,
  });
}

async function renameProfile(page, profile, raw) {
  const place = `rename:${profile.id}`;
  const field = consentIds.rename(profile.id);
  const name = checked(page, place, () => checkedName(page, raw, { place, field, exceptId: profile.id }));
  if (name === undefined) return undefined;
  return perform(page, {
    place,
    method: 'renameProfile',
    input: (now) => ({ actor: page.actorFor(profile), now, profileId: profile.id, name }),
    after: () => page.drafts.delete(field),
    message: (answer) => `${isolate(profile.name)} is now called ${isolate(answer.name)}.`,
    focus: () => field,
  });
}

/** R-PRO-1: removal deletes all the profile's data (the engine's count first), then a receipt on the household view. */
function removeProfile(page, profile) {
  const actor = page.actorFor(profile);
  return confirmDeletion(page, {
    place: `remove:${profile.id}`,
    profile,
    scope: { kind: 'all' },
    title: `Remove ${isolate(profile.name)}'s profile?`,
    description: `${isolate(profile.name)}'s profile, its settings${profile.kind === 'child' ? ' and consent record' : ''} and everything it recorded are deleted. This cannot be undone.`,
    confirmLabel: `Remove ${isolate(profile.name)} permanently`,
    whenNothing: { text: `Nothing recorded is kept for ${isolate(profile.name)}: only the profile goes.`, confirmLabel: `Remove ${isolate(profile.name)} permanently` },
    method: 'removeProfile',
    idPrefix: 'remove',
    input: (now, requestId) => ({ actor, now, profileId: profile.id, requestId }),
    receiptOf: (answer) => answer.receipt,
    after: () => {
      page.removedNames.set(profile.id, profile.name);
      page.histories.delete(profile.id);
      page.retention.delete(profile.id);
      if (page.route.profileId === profile.id) {
        page.route = { view: 'household' };
        history.replaceState(null, '', '#/household');
      }
    },
    noticePlace: 'household',
    message: (receipt) => `${isolate(profile.name)}'s profile was removed with ${plural(receipt.recordingIds.length, 'recording')}. Receipt ${receipt.requestId}.`,
  });
}

/** R-PRO-2: keep an inactive child profile. */
function keepProfile(page, profile) {
  const months = page.overview().retentionPolicy.inactiveAfterMonths ?? 18;
  return perform(page, {
    place: 'notices',
    method: 'keepProfile',
    input: (now) => ({ actor: page.actorFor(profile), now, profileId: profile.id }),
    message: () => `${isolate(profile.name)}'s profile is kept: it is no longer due for deletion. If it goes unused for another ${months} months you will be asked again.`,
    focus: () => ['notices-heading', ids.viewHeading()],
  });
}

const KIND_NAMES = { child: 'a child profile', teen: 'a teen profile', adult: 'an adult profile' };

/**
 * R-PRO-3: the parent decides what the profile is from now on (a child who
 * reached the age of digital consent: a teen profile, or staying a child);
 * it is never converted without this. Recordings made while a child keep
 * the child maximum (R-RET-4).
 */
async function resolveAgeReview(page, profile, kind) {
  if (kind !== profile.kind) {
    const confirmed = await page.dialog.confirm({
      title: `Make ${isolate(profile.name)}'s profile ${KIND_NAMES[kind]}?`,
      description:
        kind === 'teen'
          ? `As a teen profile, ${isolate(profile.name)} no longer needs your consent for recordings to be made, and you still manage the settings. Teens get no ads based on their interests unless the law where you live allows it. What was recorded while ${isolate(profile.name)} was a child is still kept at most the children’s limit.`
          : `As an adult profile, ${isolate(profile.name)} manages their own settings and recordings${profile.kind === 'child' ? '; parental consent no longer applies' : ''}. What was recorded while ${isolate(profile.name)} was ${profile.kind === 'teen' ? 'a teen' : 'a child'} is still kept at most the children’s limit.`,
      confirmLabel: `Make it ${KIND_NAMES[kind]}`,
      danger: false,
    });
    if (!confirmed) return undefined;
  }
  return perform(page, {
    place: 'notices',
    method: 'resolveAgeReview',
    input: (now) => ({ actor: page.actorFor(profile), now, profileId: profile.id, kind }),
    message: () =>
      kind === profile.kind
        ? `${isolate(profile.name)} stays ${KIND_NAMES[kind]}${kind === 'child' ? ', with your consent and controls' : ''}.`
        : `${isolate(profile.name)} now has ${KIND_NAMES[kind]}${kind === 'adult' ? ' and manages their own settings' : ', which you manage'}.`,
    focus: () => ['notices-heading', ids.viewHeading()],
  });
}

export function consentHandlers(page) {
  return {
    onAddChild: (input) => addChildWithConsent(page, input),
    onAddAnotherChild: () => {
      page.addChild = { profileId: null };
      page.render();
      document.getElementById(addChildIds.name)?.focus();
    },
    onRequestConsent: (profile, method) => requestConsent(page, profile, method),
    onRecordConsent: (profile, evidence) => recordConsent(page, profile, evidence),
    onCancelConsent: (profile) => cancelConsent(page, profile),
    onRevokeConsent: (profile) => revokeConsent(page, profile),
    onSetDisclosure: (profile, enabled) => setDisclosure(page, profile, enabled),
    onEnableProfile: (profile, enabled) => enableProfile(page, profile, enabled),
    onJumpToConsent: (profile) => page.handlers.onJump(consentIds.heading(profile.id)),
    onRename: (profile, name) => renameProfile(page, profile, name),
    onRemoveProfile: (profile) => removeProfile(page, profile),
    onKeepProfile: (profile) => keepProfile(page, profile),
    onResolveAgeReview: (profile, kind) => resolveAgeReview(page, profile, kind),
  };
}

