// Settings that act: retention (R-RET-5: the preview says what goes, saving
// a shorter setting deletes it at once after the parent confirms, with a
// receipt), deletion by voice, where the household lives (R-AGE-3), who is
// acting, and the scheduled jobs the operator's backend runs in a real
// deployment (R-RET-6 sweep, R-PRO-2/3 profile checks), which this demo runs
// on opening and every minute, with the browser's Global Privacy Control
// recorded for each profile once (R-SIG-3).

import * as engineApi from './engine-adapter.js';
import { check, perform } from './command.js';
import { confirmDeletion } from './confirm-deletion.js';
import { isolate } from './dom.js';
import { countsSentence, effectiveRetentionText, plural, retentionLabel } from './format.js';
import { ids } from './view.js';
import { householdPlace, placeName } from './jurisdiction.js';

/** How often the demo runs the scheduled jobs while the page is open. */
export const JOBS_EVERY_MS = 60_000;

function previewRetention(page, profile, setting) {
  const place = `retention:${profile.id}`;
  page.notices.delete(place);
  if (setting === profile.retention) {
    page.retention.delete(profile.id);
    page.clearProblem(place);
    page.render();
    return;
  }
  const preview = check(page, place, () => engineApi.previewRetention(page.engine, { actor: page.actorFor(profile), profileId: profile.id, setting, now: page.now() }));
  if (!preview) return;
  const due = preview.dueNow.recordings;
  const capped = preview.effective.cappedByPolicy
    ? ` For a child this means at most ${preview.effective.policyMaxMonths} months: the household’s written policy sets that maximum.`
    : '';
  const now = due === 0 ? 'Saving deletes nothing now.' : `Saving deletes ${countsSentence(preview.dueNow)} at once, after you confirm.`;
  page.retention.set(profile.id, {
    pending: setting,
    due,
    preview,
    hint: `Not saved yet. With “${retentionLabel(setting)}”: ${effectiveRetentionText(preview.effective)}.${capped} ${now}`,
  });
  page.render();
}

/**
 * Saving: what the new setting makes due now is listed and, on
 * confirmation, deleted by the engine at once with a receipt (R-RET-5);
 * nothing due, it is simply saved.
 */
async function saveRetention(page, profile, setting) {
  const place = `retention:${profile.id}`;
  const actor = page.actorFor(profile);
  const preview = check(page, place, () => engineApi.previewRetention(page.engine, { actor, profileId: profile.id, setting, now: page.now() }));
  if (!preview) return undefined;
  const done = (effective) => `${isolate(profile.name)}: ${retentionLabel(setting).toLowerCase()}. In effect: ${effectiveRetentionText(effective)}.`;
  const after = () => page.retention.delete(profile.id);
  const input = (now, requestId) => ({ actor, now, profileId: profile.id, setting, ...(requestId ? { requestId } : {}) });
  if (preview.dueNow.recordings === 0) {
    return perform(page, { place, method: 'setRetention', input: (now) => input(now), after, message: done, focus: () => ids.retentionSave(profile.id) });
  }
  const n = preview.dueNow.recordings;
  return confirmDeletion(page, {
    place,
    profile,
    preview: () => ({ recordingIds: preview.recordingIds, counts: preview.dueNow, reason: null }),
    title: `Change ${isolate(profile.name)}'s retention to “${retentionLabel(setting)}”?`,
    description: `Saving “${retentionLabel(setting)}” deletes now the ${plural(n, 'recording')} it makes due: they are older than the new setting keeps.`,
    confirmLabel: `Save and delete ${plural(n, 'recording')}`,
    method: 'setRetention',
    idPrefix: 'retention',
    input,
    receiptOf: (answer) => answer.receipt,
    asked: `the recordings older than “${retentionLabel(setting)}” keeps, when it was saved`,
    message: (receipt, answer) => `${done(answer)} Deleted ${countsSentence(receipt.counts)}.`,
    after,
  });
}

/** R-AGE-3: where the household lives, an ISO 3166 code ('' goes back to the default). */
function setJurisdiction(page, code, { typed = false } = {}) {
  const jurisdiction = code.trim().toUpperCase();
  return perform(page, {
    place: 'jurisdiction',
    context: { field: typed ? 'jurisdiction-code' : 'jurisdiction-select' },
    method: 'setJurisdiction',
    input: (now) => ({ actor: page.readerId(), now, ...(jurisdiction ? { jurisdiction } : {}) }),
    after: () => ['jurisdiction-code', 'jurisdiction-select'].forEach((id) => page.drafts.delete(id)),
    message: () => {
      const { policy } = householdPlace(page, page.overview());
      return `The household’s place is now ${jurisdiction ? placeName(jurisdiction) : 'not set (the United States’ rules apply)'}: the age of digital consent there is ${policy.consentAge}.`;
    },
    focus: () => 'jurisdiction-save',
  });
}

function setVoiceDeletion(page, profile, enabled) {
  return perform(page, {
    place: `voice-deletion:${profile.id}`,
    method: 'setVoiceDeletion',
    input: (now) => ({ actor: page.actorFor(profile), now, profileId: profile.id, enabled }),
    message: (updated) => `Deleting by voice is ${updated.voiceDeletion ? 'on' : 'off'} for ${isolate(profile.name)}.`,
  });
}

// --- the scheduled jobs ------------------------------------------------------

/** The retention sweep (R-RET-6) as the system, when something is due. */
async function sweepIfDue(page) {
  const now = page.now();
  page.jobs.sweepAt = Date.now();
  const plan = engineApi.previewSweep(page.engine, { actor: 'system', now, limit: 1 });
  if (plan.dueCount === 0) return null;
  try {
    const result = await page.runCommand('sweep', (at) => ({ now: at, actor: 'system' }));
    const n = result.receipt.recordingIds.length;
    if (n > 0) page.announceMore(`The scheduled deletion removed ${plural(n, 'recording')} whose retention had run out.`);
    return result;
  } catch (error) {
    page.showAlert(error);
    return null;
  }
}

/**
 * The profile checks (R-PRO-2, R-PRO-3) as the system: inactive child
 * profiles are flagged (and removed after the notice window unless kept), a
 * child who reached the age of digital consent, or a teen who turned 18, is
 * flagged for review. Stored only when something changed.
 */
async function sweepProfiles(page) {
  const before = page.overview();
  const nameOf = page.nameOf(before);
  const months = before.retentionPolicy.inactiveAfterMonths ?? 18;
  page.jobs.profilesAt = Date.now();
  try {
    const result = await page.runCommand('sweepProfiles', (at) => ({ now: at, actor: 'system' }));
    const names = (list) => list.map((id) => isolate(nameOf(id))).join(', ');
    const messages = [];
    const notified = result.notified.map((n) => n.profileId);
    if (notified.length) messages.push(`${names(notified)} ${notified.length === 1 ? 'has' : 'have'} not been used for ${months} months and will be deleted unless you keep ${notified.length === 1 ? 'it' : 'them'}.`);
    for (const { profileId, receipt } of result.removed) {
      page.removedNames.set(profileId, nameOf(profileId));
      page.histories.delete(profileId);
      messages.push(`${isolate(nameOf(profileId))}'s inactive profile was removed after the notice window, with ${plural(receipt.recordingIds.length, 'recording')} (receipt ${receipt.requestId}).`);
    }
    if (result.reactivated.length) messages.push(`${names(result.reactivated)} ${result.reactivated.length === 1 ? 'is' : 'are'} in use again: no longer due for deletion.`);
    // A child at the age of digital consent, a teen at 18 (R-PRO-3).
    const { consentAge } = page.placePolicy();
    for (const [kind, age] of [['child', consentAge], ['teen', 18]]) {
      const flagged = result.ageReview.filter((id) => before.profiles.find((p) => p.id === id)?.kind === kind);
      if (flagged.length) messages.push(`${names(flagged)} turned ${age}: please review ${flagged.length === 1 ? 'the profile' : 'their profiles'}.`);
    }
    if (messages.length) page.announceMore(messages.join(' '));
    return result;
  } catch (error) {
    page.showAlert(error);
    return null;
  }
}

/**
 * R-SIG-3: this browser sends Global Privacy Control, so it binds every
 * profile of the household from now on; recorded once per profile (a child's
 * disclosure to third parties gives way to it, and the engine logs that).
 */
async function recordBrowserGpc(page) {
  if (globalThis.navigator?.globalPrivacyControl !== true) return;
  for (const profile of page.overview().profiles.filter((p) => p.gpcAt === null)) {
    try {
      const updated = await page.runCommand('recordGpc', (now) => ({ actor: page.actorFor(profile) ?? 'system', now, profileId: profile.id }));
      page.announceMore(`This browser asks sites not to sell or share data (Global Privacy Control): recorded for ${isolate(updated.name)}, and honoured from now on.`);
    } catch (error) {
      page.showAlert(error);
    }
  }
}

/** The jobs, then a render when the page is ready (on opening, after an import or a new demo, and on the timer). */
export async function runScheduledJobs(page, { render = true, onlyIfChanged = false } = {}) {
  const before = page.revision;
  page.settleActing();
  await sweepIfDue(page);
  await sweepProfiles(page);
  await recordBrowserGpc(page);
  if (!render) return;
  // On the timer, with nothing changed, only the "last ran" times move (a render would close what the parent opened).
  if (onlyIfChanged && page.revision === before && page.updateJobTimes()) return;
  page.render();
}

export function startJobTimer(page) {
  clearInterval(page.jobTimer);
  page.jobTimer = setInterval(() => {
    if (!page.dialog.open) runScheduledJobs(page, { onlyIfChanged: true }).catch((error) => page.showAlert(error));
  }, JOBS_EVERY_MS);
}

/** "Run the sweep now": the engine's count first, then a receipt in the card. */
function sweepNow(page) {
  const now = page.now();
  return confirmDeletion(page, {
    place: 'sweep',
    profile: null,
    preview: () => {
      const plan = engineApi.previewSweep(page.engine, { actor: 'system', now });
      return { recordingIds: plan.due.map((r) => r.id), counts: plan.counts, reason: plan.dueCount ? null : 'no_match' };
    },
    title: 'Run the scheduled deletion now?',
    description: 'Every recording whose retention has run out, in every profile, with its audio, transcript and derived items.',
    method: 'sweep',
    input: (at) => ({ now: at, actor: 'system' }),
    receiptOf: (answer) => answer.receipt,
    after: () => {
      page.jobs.sweepAt = Date.now();
    },
  });
}

export function settingsHandlers(page) {
  return {
    onDraft: (id, value) => page.drafts.set(id, value),
    onRerender: () => page.render(),
    onPreviewRetention: (profile, setting) => previewRetention(page, profile, setting),
    onSaveRetention: (profile, setting) => saveRetention(page, profile, setting),
    onSetVoiceDeletion: (profile, enabled) => setVoiceDeletion(page, profile, enabled),
    onSweep: () => sweepNow(page),
    onSetJurisdiction: (code, options) => setJurisdiction(page, code, options),
    onActing: (guardianId) => {
      page.setActing(guardianId);
      page.announce(`Changes to children's settings are now made, and logged, as ${isolate(page.nameOf()(guardianId))}.`);
    },
    onDismissNotice: (place) => page.dismissNotice(place),
    onJump: (targetId) => {
      const heading = document.getElementById(targetId);
      heading?.scrollIntoView({ block: 'start' });
      heading?.focus({ preventScroll: true });
    },
  };
}
