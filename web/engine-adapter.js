// The one place the page talks to the privacy engine (the family-privacy
// package). Every read and every change goes through a function here:
//
// - Every read names its `actor` (R-INT-5): the caller says who reads.
// - A change is one engine command, `runCommand(engine, method, input)`,
//   answering the engine's own `{ result, effects }` (effects: `changed`,
//   `deletedRecordingIds`). The journal keeps `{ method, input }` of each
//   command that changed something, and any engine replays it exactly
//   (`replayStep`): same state + command + now = same result.
// - Time: a changing command's `now` never goes back (R-INT-3 refuses it with
//   `out_of_order`), so the page asks `nextNow(engine)`: the clock, or the
//   last audit entry's time when the clock is behind it.
// - R-INT-4: when the engine's module stops (PrivacyError 'internal', "the
//   engine stopped"), the listener given to `onEngineStopped` hears of it
//   once per engine; the page then reloads from what it saved.

import { COMMANDS, createPrivacyEngine } from 'family-privacy';

/** The largest page the engine lists at once (listRecordings, auditLog). */
const MAX_PAGE = 10_000;

/** Who reads what only the service may read (the audit log's last time, what still exists). */
const SERVICE = 'system';

/** The engine commands that change a household, from the package's own list (importState goes through `importHousehold`). */
const CHANGES = new Set(COMMANDS.filter((command) => command.changes && !command.takesState).map((command) => command.name));

// --- the engine stopping (R-INT-4) -------------------------------------------

/** Whether `error` says the engine's module stopped (every engine on it is closed). */
export function engineStopped(error) {
  return error?.name === 'PrivacyError' && error.code === 'internal' && /the engine stopped/.test(String(error.message));
}

let stoppedListener = null;
const reported = new WeakSet();

/** `listener(engine, error)`: called once per engine whose module stopped. */
export function onEngineStopped(listener) {
  stoppedListener = listener;
}

/** Runs one call into `engine`; a stop is reported, then rethrown. */
function call(engine, fn) {
  try {
    return fn();
  } catch (error) {
    if (engineStopped(error) && !reported.has(engine)) {
      reported.add(engine);
      stoppedListener?.(engine, error);
    }
    throw error;
  }
}

/** A fresh engine, empty or holding `state` (a household's JSON), loaded by the service at `now`. */
export function openEngine({ state, now = Date.now() } = {}) {
  return createPrivacyEngine(state === undefined ? {} : { state: state, actor: SERVICE, now });
}

export function closeEngine(engine) {
  engine.close();
}

// --- time ----------------------------------------------------------------------

/** When the household's last audit entry was written (-Infinity for an empty log). */
export function lastAuditAt(engine) {
  return call(engine, () => {
    const { total } = engine.auditLog({ actor: SERVICE, limit: 1 });
    return total === 0 ? -Infinity : engine.auditLog({ actor: SERVICE, offset: total - 1, limit: 1 }).entries[0].at;
  });
}

/** The `now` for a change: the clock, never before the last audit entry (R-INT-3). */
export function nextNow(engine, clock = Date.now()) {
  return Math.max(clock, lastAuditAt(engine));
}

// --- reads -------------------------------------------------------------------

/** A read of the engine by name: `(engine, input) => answer`, a stop reported. */
const read = (name) => (engine, input) => call(engine, () => engine[name](input));

export const overview = read('overview');
export const listRecordings = read('listRecordings');
export const auditLog = read('auditLog');
export const verifyAuditLog = read('verifyAuditLog');
export const exportStateJson = read('exportStateJson');
export const exportProfileData = read('exportProfileData');
export const previewSweep = read('previewSweep');
export const previewRetention = read('previewRetention');
export const previewDeletion = read('previewDeletion');
export const parseVoiceRequest = read('parseVoiceRequest');
export const jurisdictionPolicy = read('jurisdictionPolicy');
/** Which ads a person may see, and why (never fails: it fails closed). */
export const decideAds = read('decideAds');
export const privacyDisclosure = (engine, input) => read('privacyDisclosure')(engine, input).disclosure;

/** Every item of a paged read (`read(offset, limit)` answers `{ total, [key]: [...] }`), in pages of the engine's maximum. */
function allPages(read, key) {
  const items = [];
  for (let offset = 0; ; offset += MAX_PAGE) {
    const page = read(offset, MAX_PAGE);
    items.push(...page[key]);
    if (offset + MAX_PAGE >= page.total) return items;
  }
}

/** Every recording matching a filter (device, dates, words), newest first. */
export function listAllRecordings(engine, query) {
  return allPages((offset, limit) => listRecordings(engine, { ...query, offset, limit }), 'recordings');
}

/** The whole activity log, oldest first. */
export function fullAuditLog(engine, input) {
  return allPages((offset, limit) => auditLog(engine, { ...input, offset, limit }), 'entries');
}

/** The recordings among `ids` that the household still holds (deleted ones never come back, R-DEL-4). */
export function existingRecordingIds(engine, ids) {
  return ids.filter((recordingId) => {
    try {
      return call(engine, () => engine.mayUse({ actor: SERVICE, recordingId, purpose: 'review' })).reason !== 'deleted';
    } catch (error) {
      if (engineStopped(error)) throw error;
      return false; // not_found
    }
  });
}

// --- changes -----------------------------------------------------------------

export function isCommand(method) {
  return CHANGES.has(method);
}

/**
 * Runs one engine command: the engine's `{ result, effects }`, and `step`,
 * what the journal keeps (`{ method, input }`, null when nothing changed).
 */
export function runCommand(engine, method, input) {
  if (!isCommand(method)) throw new Error(`not a command that changes the household: ${String(method)}`);
  const { result, effects } = call(engine, () => engine.execute(method, input));
  return { result, effects, step: effects.changed ? { method, input } : null };
}

/**
 * A journal entry written by the page on the engine before this one (its
 * inputs then): a voiceRequest was the speaker's own, and an age review
 * converted to an adult (now: a teen, the profile for 13 to 17).
 */
function currentInput(method, input) {
  if (method === 'voiceRequest' && input.actor === undefined) return { ...input, actor: input.profileId };
  if (method === 'resolveAgeReview' && 'convertToAdult' in input) {
    const { convertToAdult, ...rest } = input;
    return { ...rest, kind: convertToAdult ? 'teen' : 'child' };
  }
  return input;
}

/** Replays one journaled engine command exactly as it ran: `{ result, effects }`. */
export function replayStep(engine, { method, input }) {
  if (!isCommand(method)) throw new Error(`unknown command in the stored journal: ${String(method)}`);
  return call(engine, () => engine.execute(method, currentInput(method, input)));
}

// --- a household's whole state -------------------------------------------------

/**
 * Loads a stored snapshot into `engine`: into an empty one (`loaded`, a
 * schema 1 or 2 state migrated), or one holding an earlier state of it
 * (`updated`). Anything else (another household, another history, an
 * earlier state) is not this engine's to take: a StaleEngine error, and the
 * caller starts again from a fresh engine. Answers the import's answer.
 */
export function loadSnapshot(engine, state, { now }) {
  let answer;
  try {
    answer = call(engine, () => engine.importState({ actor: SERVICE, now, state: state }));
  } catch (error) {
    if (error?.name === 'PrivacyError' && error.code === 'conflict') throw new StaleEngine();
    throw error;
  }
  if (answer.outcome === 'restored') throw new StaleEngine();
  return answer;
}

/** This engine cannot follow what is stored (another tab replaced the household): open a fresh one. */
export class StaleEngine extends Error {
  constructor() {
    super('the stored household is not a later state of the one in this engine');
    this.name = 'StaleEngine';
    this.needsFreshEngine = true;
  }
}

/**
 * What importing `state` (a household file's text) into `engine` would do
 * (R-INT-2): `{ sameHousehold, answer }`, `answer` the engine's previewImport
 * (outcome, recordings, keptDeleted, keptRemovedProfiles) for the same
 * household; for another one, nothing of this household is kept.
 */
export function previewImport(engine, { actor, now, state, incoming }) {
  const current = overview(engine, { actor });
  if (incoming.household.id !== current.household.id) return { sameHousehold: false, current, answer: null };
  return { sameHousehold: true, current, answer: call(engine, () => engine.previewImport({ actor, now, state: state })) };
}

/**
 * Imports `state` into `engine` when it is the same household (restored or
 * updated, every deletion here kept: R-INT-2), or answers `candidate` (an
 * engine holding the file) when it is another one. `{ engine, answer }`.
 */
export function importHousehold(engine, { actor, now, state, candidate, sameHousehold }) {
  if (!sameHousehold) return { engine: candidate, answer: null };
  return { engine, answer: call(engine, () => engine.importState({ actor, now, state: state })) };
}
