// Persistence of the household in IndexedDB, through `idb`.
//
// Database `family-privacy`, version 2, three object stores:
//   state    out-of-line keys:
//              'household'        the engine's exportStateJson() text (the snapshot)
//              'snapshotRevision' the revision the snapshot is at
//              'head'             the revision of the newest command
//   journal  { revision, method, input }, keyed by revision: every engine
//            command since the snapshot that changed something, with its
//            inputs (epoch ms `now` included), so replaying them on the
//            snapshot gives the same state byte for byte (the engine is
//            deterministic: same state + command + now).
//   audio    { ref, recordingId, blob }, keyed by the recording's audio.ref,
//            indexed by recordingId.
//
// One readwrite transaction per page command: it reads `head`, first replays
// whatever another tab committed since this tab's revision, then runs the
// command, appends what it ran to the journal, moves `head`, and puts or deletes the
// audio clips, all or nothing. IndexedDB runs readwrite transactions over the
// same stores one at a time, across tabs, so no command is lost or applied
// twice. Every so often the journal is folded into a fresh snapshot.
//
// A database left by the first version of the page (version 1: `state` with
// only 'household') is upgraded in place: its snapshot becomes revision 1.
// A snapshot of an older schema (2) is migrated by the engine when it is
// read (`migrated` in what `load` answers: the page then folds it at once).

import { openDB } from 'idb';
import { exportStateJson, isCommand, loadSnapshot, nextNow, replayStep, runCommand } from './engine-adapter.js';

export const DATABASE_NAME = 'family-privacy';
export const DATABASE_VERSION = 2;
export const STORES = Object.freeze({ state: 'state', journal: 'journal', audio: 'audio' });
export const KEYS = Object.freeze({ household: 'household', snapshotRevision: 'snapshotRevision', head: 'head' });

/** How many journal entries before the page folds them into a new snapshot. */
export const COMPACT_AFTER = 20;

/**
 * Opens (creating or upgrading) the database. `onBlocking` runs when another
 * tab needs a newer version: this connection is closed first.
 */
export async function openHouseholdStore({ onBlocking } = {}) {
  const db = await openDB(DATABASE_NAME, DATABASE_VERSION, {
    async upgrade(database, oldVersion, _newVersion, tx) {
      if (!database.objectStoreNames.contains(STORES.state)) database.createObjectStore(STORES.state);
      if (!database.objectStoreNames.contains(STORES.journal)) database.createObjectStore(STORES.journal, { keyPath: 'revision' });
      if (!database.objectStoreNames.contains(STORES.audio)) {
        database.createObjectStore(STORES.audio, { keyPath: 'ref' }).createIndex('recordingId', 'recordingId');
      }
      if (oldVersion === 1) {
        const state = tx.objectStore(STORES.state);
        if ((await state.get(KEYS.household)) !== undefined) {
          await state.put(1, KEYS.snapshotRevision);
          await state.put(1, KEYS.head);
        }
      }
    },
    blocking() {
      db.close();
      onBlocking?.();
    },
  });
  return new HouseholdStore(db);
}

/** Runs one journal entry (an engine command) on an engine, through the page's one adapter. */
export function applyEntry(engine, entry) {
  return replayStep(engine, entry);
}

export class HouseholdStore {
  constructor(db) {
    this.db = db;
  }

  close() {
    this.db.close();
  }

  /**
   * Brings `engine` (at `revision`) up to what is stored, inside `tx` (any
   * transaction over state and journal). Reads first, then applies
   * synchronously, so a readwrite `tx` stays active. Resolves to
   * `{ revision, snapshotRevision, changed, empty, deletedRecordingIds,
   * migrated }`; `deletedRecordingIds` is null when a new snapshot replaced
   * the household (what went is then not known one by one). A snapshot this
   * engine cannot follow (another tab replaced the household) throws the
   * adapter's StaleEngine: start again from a fresh engine.
   */
  async catchUp(tx, engine, revision) {
    const state = tx.objectStore(STORES.state);
    const head = (await state.get(KEYS.head)) ?? 0;
    const snapshotRevision = (await state.get(KEYS.snapshotRevision)) ?? 0;
    if (head === revision) return { revision, snapshotRevision, changed: false, empty: head === 0, deletedRecordingIds: [], migrated: false };
    if (head < revision) throw new Error('the stored household is older than the one on this page');
    const fromSnapshot = snapshotRevision > revision;
    const household = fromSnapshot ? await state.get(KEYS.household) : undefined;
    const after = fromSnapshot ? snapshotRevision : revision;
    const entries = after < head ? await tx.objectStore(STORES.journal).getAll(IDBKeyRange.bound(after, head, true, false)) : [];
    let migrated = false;
    if (fromSnapshot) {
      if (household === undefined) throw new Error('the stored household has no snapshot');
      // A fresh engine writes nothing for a current snapshot; an old one is
      // migrated at the time of the first command after it, so the journal
      // still runs forwards (R-INT-3). Into an engine at an earlier revision:
      // no earlier than its own last entry.
      const now = revision === 0 ? (entries[0]?.input?.now ?? Date.now()) : nextNow(engine);
      migrated = loadSnapshot(engine, household, { now }).migratedFrom !== null;
    }
    let at = after;
    const deleted = [];
    for (const entry of entries) {
      if (entry.revision !== at + 1) throw new Error(`the stored journal misses revision ${at + 1}`);
      deleted.push(...applyEntry(engine, entry).effects.deletedRecordingIds);
      at = entry.revision;
    }
    if (at !== head) throw new Error(`the stored journal stops at revision ${at}, not ${head}`);
    return { revision: head, snapshotRevision, changed: true, empty: false, deletedRecordingIds: fromSnapshot ? null : deleted, migrated };
  }

  /** Reads what is stored into `engine` (a fresh one, or one at `revision`). */
  async load(engine, revision = 0) {
    const tx = this.db.transaction([STORES.state, STORES.journal], 'readonly');
    const done = tx.done;
    const result = await this.catchUp(tx, engine, revision);
    await done;
    return result;
  }

  /**
   * One command in one transaction: catch up, run `method(input)` on the
   * engine (`input` may be a function of `now`, called after catching up
   * with a `now` never before the last audit entry), append it to the journal,
   * put `audio` clips, delete the audio of every recording the command
   * deleted (its effects say which). If anything fails the transaction is
   * aborted and nothing is stored; the error's `engineChanged` tells the
   * caller whether the engine itself already ran the command (so it can
   * resynchronise). Resolves to `{ result, effects, revision,
   * snapshotRevision, stored, caughtUp }` (`caughtUp`: what another tab's
   * commands, replayed first, deleted).
   */
  async command(engine, revision, method, input, { audio = [] } = {}) {
    if (!isCommand(method)) throw new Error(`not a command that changes the household: ${method}`);
    const tx = this.db.transaction([STORES.state, STORES.journal, STORES.audio], 'readwrite');
    const done = tx.done;
    done.catch(() => undefined);
    let caughtUp = { revision };
    let applied = false;
    try {
      caughtUp = await this.catchUp(tx, engine, revision);
      if (caughtUp.empty) throw new Error('there is no household to change');
      const commandInput = typeof input === 'function' ? input(nextNow(engine)) : input;
      const { result, effects, step } = runCommand(engine, method, commandInput);
      const before = { caughtUp: caughtUp.deletedRecordingIds };
      if (!effects.changed) {
        abortQuietly(tx);
        return { result, effects, revision: caughtUp.revision, snapshotRevision: caughtUp.snapshotRevision, stored: false, ...before };
      }
      applied = true;
      const next = caughtUp.revision + 1;
      tx.objectStore(STORES.journal).put({ revision: next, method: step.method, input: step.input });
      tx.objectStore(STORES.state).put(next, KEYS.head);
      const audioStore = tx.objectStore(STORES.audio);
      for (const clip of audio) audioStore.put(clip);
      await deleteAudioOf(tx, effects.deletedRecordingIds);
      await done;
      return { result, effects, revision: next, snapshotRevision: caughtUp.snapshotRevision, stored: true, ...before };
    } catch (error) {
      abortQuietly(tx);
      throw Object.assign(wrap(error), { revision: caughtUp.revision, engineChanged: applied });
    }
  }

  /**
   * Replaces the whole household in one transaction: `prepare()` runs inside
   * it (after catching up) and returns the engine to keep; its state becomes
   * the new snapshot, the journal is emptied, the audio store keeps only
   * clips whose recording the new state still has (`keepAudio(entry)`), and
   * `audio` clips are added. With `onlyIfEmpty`, a household stored in the
   * meantime (another tab's first run) wins: nothing is written and the
   * engine is brought up to it instead.
   */
  async replace(engine, revision, { prepare, keepAudio = () => false, audio = [], onlyIfEmpty = false }) {
    const tx = this.db.transaction([STORES.state, STORES.journal, STORES.audio], 'readwrite');
    const done = tx.done;
    done.catch(() => undefined);
    let caughtUp = { revision };
    let replacedEngine = null;
    try {
      caughtUp = await this.catchUp(tx, engine, revision);
      if (onlyIfEmpty && !caughtUp.empty) {
        abortQuietly(tx);
        return { replaced: false, engine, revision: caughtUp.revision, snapshotRevision: caughtUp.snapshotRevision };
      }
      replacedEngine = prepare(engine);
      const json = exportStateJson(replacedEngine, { actor: 'system' });
      const next = caughtUp.revision + 1;
      const state = tx.objectStore(STORES.state);
      state.put(json, KEYS.household);
      state.put(next, KEYS.snapshotRevision);
      state.put(next, KEYS.head);
      tx.objectStore(STORES.journal).clear();
      const audioStore = tx.objectStore(STORES.audio);
      let cursor = await audioStore.openCursor();
      while (cursor) {
        if (!keepAudio(replacedEngine, cursor.value)) cursor.delete();
        cursor = await cursor.continue();
      }
      for (const clip of audio) audioStore.put(clip);
      await done;
      return { replaced: true, engine: replacedEngine, revision: next, snapshotRevision: next };
    } catch (error) {
      abortQuietly(tx);
      throw Object.assign(wrap(error), { revision: caughtUp.revision, engineChanged: replacedEngine !== null });
    }
  }

  /**
   * Folds the journal into a new snapshot when the engine is at the stored
   * head (otherwise another tab moved on; it will compact). Resolves to the
   * snapshot revision, or undefined when nothing was done. `migrated`: the
   * engine migrated the stored snapshot (an older schema) as it read it; its
   * state is stored as a new revision, so that every tab reloads this one
   * (each tab's own migration is stamped with its own time).
   */
  async compact(engine, revision, { migrated = false } = {}) {
    const tx = this.db.transaction([STORES.state, STORES.journal], 'readwrite');
    const done = tx.done;
    done.catch(() => undefined);
    const state = tx.objectStore(STORES.state);
    const head = (await state.get(KEYS.head)) ?? 0;
    const snapshotRevision = (await state.get(KEYS.snapshotRevision)) ?? 0;
    if (head !== revision || (!migrated && snapshotRevision >= head)) {
      abortQuietly(tx);
      return undefined;
    }
    const at = migrated ? head + 1 : head;
    state.put(exportStateJson(engine, { actor: 'system' }), KEYS.household);
    state.put(at, KEYS.snapshotRevision);
    state.put(at, KEYS.head);
    tx.objectStore(STORES.journal).delete(IDBKeyRange.upperBound(head));
    await done;
    return at;
  }

  /** The stored audio clip (a Blob) for an audio ref, or undefined. */
  async audioBlob(ref) {
    const entry = await this.db.get(STORES.audio, ref);
    return entry?.blob;
  }
}

/** Deletes, inside `tx`, every audio clip of the given recordings. */
async function deleteAudioOf(tx, recordingIds) {
  if (recordingIds.length === 0) return;
  const store = tx.objectStore(STORES.audio);
  const index = store.index('recordingId');
  const keyLists = await Promise.all(recordingIds.map((id) => index.getAllKeys(id)));
  await Promise.all(keyLists.flat().map((key) => store.delete(key)));
}

function abortQuietly(tx) {
  try {
    tx.abort();
  } catch {
    // already finished or aborted
  }
}

function wrap(error) {
  return error instanceof Error ? error : new Error(String(error));
}
