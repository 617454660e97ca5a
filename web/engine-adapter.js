// The one place the page talks to the privacy engine (the family-privacy
// package). Every read and every change goes through a function here, so the
// page can move to the engine's next API by changing this file alone:
//
// - Reads take `actor` already (the next engine requires it; today's refuses
//   unknown fields, so it is dropped here: `today(input)`).
// - Changes go through `runCommand(engine, method, input)`, answering
//   `{ result, effects, steps }` with effects `{ changed, deletedRecordingIds }`,
//   the envelope the next engine gives (today worked out here from each
//   answer, in the ENGINE table), and `steps`: the engine commands run, which
//   the journal keeps and any engine replays exactly (`replayStep`).
// - Three changes are composed here until the engine does them itself:
//   `setRetention` deletes at once what a shorter setting makes due (R-RET-5),
//   `voiceRequest` typed by a parent is that parent's request, and
//   `importHousehold` keeps deleted what this household already deleted.
//   Each is one function, so each switch is a one-line change.

import { createPrivacyEngine } from 'family-privacy';

/** The largest page the engine lists at once (listRecordings, auditLog). */
const MAX_PAGE = 10_000;

/** Today's engine takes no `actor` on reads; the next one will require it. */
function today({ actor, ...rest } = {}) {
  return rest;
}

/** A fresh engine, empty or holding `state` (a household's JSON). */
export function openEngine({ state } = {}) {
  return createPrivacyEngine(state === undefined ? {} : { state });
}

export function closeEngine(engine) {
  engine.close();
}

// --- reads -------------------------------------------------------------------

export function overview(engine, input) {
  today(input);
  return engine.overview();
}

export function listRecordings(engine, input) {
  return engine.listRecordings(today(input));
}

/** Every recording matching a filter, newest first, in pages of the engine's maximum. */
export function listAllRecordings(engine, input) {
  const query = today(input);
  const recordings = [];
  for (let offset = 0; ; offset += MAX_PAGE) {
    const page = engine.listRecordings({ ...query, offset, limit: MAX_PAGE });
    recordings.push(...page.recordings);
    if (offset + MAX_PAGE >= page.total) return recordings;
  }
}

export function auditLog(engine, input) {
  return engine.auditLog(today(input));
}

/** The whole activity log, oldest first. */
export function fullAuditLog(engine, input) {
  const entries = [];
  for (let offset = 0; ; offset += MAX_PAGE) {
    const page = engine.auditLog({ ...today(input), offset, limit: MAX_PAGE });
    entries.push(...page.entries);
    if (offset + MAX_PAGE >= page.total) return entries;
  }
}

export function verifyAuditLog(engine, input) {
  return engine.verifyAuditLog(today(input));
}

export function exportStateJson(engine, input) {
  today(input);
  return engine.exportStateJson();
}

/** One profile's data (R-CON-4). Today's engine takes no `now` here. */
export function exportProfileData(engine, { actor, profileId }) {
  return engine.exportProfileData({ actor, profileId });
}

export function privacyDisclosure(engine, input) {
  today(input);
  return engine.privacyDisclosure().disclosure;
}

export function previewSweep(engine, input) {
  return engine.previewSweep(today(input));
}

export function previewRetention(engine, input) {
  return engine.previewRetention(today(input));
}

/** What a deletion would take. Today's engine still wants a `requestId` it does not use. */
export function previewDeletion(engine, input) {
  return engine.previewDeletion({ requestId: 'preview', ...input });
}

export function parseVoiceRequest(engine, { utterance }) {
  return engine.parseVoiceRequest({ utterance });
}

/** Whether a recording may still be used for `purpose` (false once deleted, R-DEL-4). */
export function mayUse(engine, input) {
  return engine.mayUse(today(input));
}

/** The recordings among `ids` that the household still holds. */
export function existingRecordingIds(engine, ids) {
  return ids.filter((recordingId) => {
    try {
      return engine.mayUse({ recordingId, purpose: 'review' }).reason !== 'deleted';
    } catch {
      return false; // not_found
    }
  });
}

export function decideAds(engine, input) {
  return engine.decideAds(input);
}

/** Loads a stored snapshot into `engine` (replacing what it holds). */
export function loadSnapshot(engine, json) {
  engine.importState(json);
}

// --- changes -----------------------------------------------------------------

const deletedBy = (receipt) => receipt?.recordingIds ?? [];
const changed = (deletedRecordingIds = []) => ({ changed: true, deletedRecordingIds });

/**
 * Each engine command the page uses to change the household, with the
 * effects of its answer: `(engine, input) => { result, effects }`. (The next
 * engine answers with its effects itself.) The journal in IndexedDB holds
 * these commands and their inputs, replayed exactly so by any engine.
 */
const ENGINE = {
  createHousehold: (engine, input) => ({ result: engine.createHousehold(input), effects: changed() }),
  addGuardian: (engine, input) => ({ result: engine.addGuardian(input), effects: changed() }),
  addDevice: (engine, input) => ({ result: engine.addDevice(input), effects: changed() }),
  addRecordings: (engine, input) => ({ result: engine.addRecordings(input), effects: changed() }),
  addRecording: (engine, input) => ({ result: engine.addRecording(input), effects: changed() }),
  setRetention: (engine, input) => ({ result: engine.setRetention(input), effects: changed() }),
  setVoiceDeletion: (engine, input) => ({ result: engine.setVoiceDeletion(input), effects: changed() }),
  deleteRecordings: (engine, input) => {
    const receipt = engine.deleteRecordings(input);
    return { result: receipt, effects: changed(deletedBy(receipt)) };
  },
  voiceRequest: (engine, input) => {
    const receipt = engine.voiceRequest(input);
    return { result: receipt, effects: changed(deletedBy(receipt)) };
  },
  // A sweep that finds nothing due is answered but not stored by the engine.
  sweep: (engine, input) => {
    const result = engine.sweep(input);
    return { result, effects: { changed: result.receipt.status !== 'nothing_to_delete', deletedRecordingIds: deletedBy(result.receipt) } };
  },
  sweepProfiles: (engine, input) => {
    const result = engine.sweepProfiles(input);
    const any = ['notified', 'reactivated', 'removed', 'ageReview'].some((key) => result[key].length > 0);
    return { result, effects: { changed: any, deletedRecordingIds: result.removed.flatMap((removal) => deletedBy(removal.receipt)) } };
  },
  addProfile: (engine, input) => ({ result: engine.addProfile(input), effects: changed() }),
  renameProfile: (engine, input) => ({ result: engine.renameProfile(input), effects: changed() }),
  removeProfile: (engine, input) => {
    const result = engine.removeProfile(input);
    return { result, effects: changed(deletedBy(result.receipt)) };
  },
  enableProfile: (engine, input) => ({ result: engine.enableProfile(input), effects: changed() }),
  keepProfile: (engine, input) => ({ result: engine.keepProfile(input), effects: changed() }),
  resolveAgeReview: (engine, input) => ({ result: engine.resolveAgeReview(input), effects: changed() }),
  requestConsent: (engine, input) => ({ result: engine.requestConsent(input), effects: changed() }),
  recordConsent: (engine, input) => ({ result: engine.recordConsent(input), effects: changed() }),
  cancelConsent: (engine, input) => ({ result: engine.cancelConsent(input), effects: changed() }),
  revokeConsent: (engine, input) => {
    const result = engine.revokeConsent(input);
    return { result, effects: changed(deletedBy(result.receipt)) };
  },
  setDisclosureConsent: (engine, input) => ({ result: engine.setDisclosureConsent(input), effects: changed() }),
  setPrivacyNotice: (engine, input) => ({ result: engine.setPrivacyNotice(input), effects: changed() }),
};

/** Runs one engine command for a page command, noting it as a step (what the journal keeps). */
function step(engine, steps, method, input) {
  const done = ENGINE[method](engine, input);
  if (done.effects.changed) steps.push({ method, input });
  return done;
}

/**
 * R-RET-5: a shorter setting applies as soon as the parent confirms it. The
 * next engine's setRetention deletes what becomes due and answers
 * `{ ...effectiveRetention, receipt }`; until then: set it, then delete what
 * is due for that profile now, with a receipt (two steps).
 */
function setRetentionNow(engine, input, steps) {
  const { requestId, ...setting } = input;
  const effective = step(engine, steps, 'setRetention', setting).result;
  const due = engine
    .previewSweep({ now: input.now })
    .due.filter((recording) => recording.profileId === input.profileId)
    .map((recording) => recording.id);
  const receipt = due.length
    ? step(engine, steps, 'deleteRecordings', {
        actor: input.actor,
        now: input.now,
        profileId: input.profileId,
        kind: 'ids',
        ids: due,
        requestId: requestId ?? `retention-${input.now}`,
      }).result
    : null;
  return { result: { ...effective, receipt }, effects: changed(deletedBy(receipt)) };
}

/**
 * What someone says to a device, typed by a parent (R-DEL-2). Where deletion
 * by voice is off, or nobody typed it for the speaker, the engine's own
 * voiceRequest decides (and refuses when it is off). Where it is on, the
 * typing parent's deletion of what the engine understood, so the receipt
 * names that parent (the next engine takes `actor` on voiceRequest).
 */
function voiceRequestBy(engine, input, steps) {
  const { actor, ...spoken } = input;
  const profile = engine.overview().profiles.find((p) => p.id === input.profileId);
  if (!actor || !profile?.voiceDeletion) return step(engine, steps, 'voiceRequest', spoken);
  const { kind } = engine.parseVoiceRequest({ utterance: input.utterance });
  return step(engine, steps, 'deleteRecordings', {
    actor,
    now: input.now,
    requestId: input.requestId,
    profileId: input.profileId,
    deviceId: input.deviceId,
    kind,
    ...(kind === 'today' ? { utcOffsetMinutes: input.utcOffsetMinutes } : {}),
  });
}

/** The page's commands: every engine command as it is, and the two composed here until the engine does them. */
const COMMANDS = {
  ...Object.fromEntries(Object.keys(ENGINE).map((method) => [method, (engine, input, steps) => step(engine, steps, method, input)])),
  setRetention: setRetentionNow,
  voiceRequest: voiceRequestBy,
};

export function isCommand(method) {
  return Object.hasOwn(COMMANDS, method);
}

/**
 * Runs one of the page's commands: `{ result, effects: { changed,
 * deletedRecordingIds }, steps }`; `steps` are the engine commands it ran
 * that changed something (`{ method, input }`), in order, for the journal.
 */
export function runCommand(engine, method, input) {
  if (!isCommand(method)) throw new Error(`not a command of the page: ${String(method)}`);
  const steps = [];
  const { result, effects } = COMMANDS[method](engine, input, steps);
  return { result, effects: { changed: steps.length > 0 && effects.changed, deletedRecordingIds: effects.deletedRecordingIds }, steps };
}

/** Replays one journaled engine command exactly as it ran: `{ result, effects }`. */
export function replayStep(engine, { method, input }) {
  if (!Object.hasOwn(ENGINE, method)) throw new Error(`unknown command in the stored journal: ${String(method)}`);
  return ENGINE[method](engine, input);
}

// --- a household from a file ------------------------------------------------

/** What importing `candidate` (an engine holding the file) into `engine` would do. */
export function previewImport(engine, { candidate }) {
  const incoming = candidate.overview();
  const current = engine.overview();
  const sameHousehold = incoming.household.id === current.household.id;
  const staysDeleted = sameHousehold ? existingRecordingIds(candidate, tombstonedIds(engine)) : [];
  return {
    incoming,
    current,
    sameHousehold,
    staysDeleted: staysDeleted.length,
    recordings: incoming.profiles.reduce((sum, p) => sum + p.recordingCount, 0),
    currentRecordings: current.profiles.reduce((sum, p) => sum + p.recordingCount, 0),
    auditEntries: candidate.auditLog({ offset: 0, limit: 1 }).total,
    verification: candidate.verifyAuditLog(),
  };
}

function tombstonedIds(engine) {
  return engine.tombstones().map((tombstone) => tombstone.recordingId);
}

/**
 * Adopts `candidate` in place of `engine`'s household. Restore without
 * resurrection: a recording this household already deleted stays deleted
 * (deleted again in the imported one, with a receipt per profile, by its
 * parent or by the adult themself). The next engine's importState does this
 * itself and answers how many stayed deleted. Returns `{ engine, staysDeleted }`.
 */
export function importHousehold(engine, { actor, now, candidate }) {
  const { sameHousehold } = previewImport(engine, { candidate });
  const again = sameHousehold ? existingRecordingIds(candidate, tombstonedIds(engine)) : [];
  if (again.length) {
    const byProfile = new Map();
    for (const recording of listAllRecordings(candidate, {})) {
      if (!again.includes(recording.id)) continue;
      if (!byProfile.has(recording.profileId)) byProfile.set(recording.profileId, []);
      byProfile.get(recording.profileId).push(recording.id);
    }
    const profiles = candidate.overview().profiles;
    for (const [profileId, ids] of byProfile) {
      const profile = profiles.find((p) => p.id === profileId);
      candidate.deleteRecordings({
        actor: profile.kind === 'adult' ? profile.id : actor,
        now,
        profileId,
        kind: 'ids',
        ids,
        requestId: `import-${now}-${profileId}`,
      });
    }
  }
  return { engine: candidate, staysDeleted: again.length };
}
