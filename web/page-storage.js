// The page's household between the engine and IndexedDB (store.js): one
// change per transaction, a whole household replaced, other tabs' changes
// caught up with, the journal folded into a snapshot, and R-INT-4: when the
// engine stops, the page reloads itself from what it saved (a fresh engine,
// the snapshot and the journal) and says so. Every function takes the page
// (page.js) and runs its storage work one at a time (`page.serial`).

import * as engineApi from './engine-adapter.js';
import { COMPACT_AFTER } from './store.js';
import { PageProblem } from './errors.js';

/** Said when another tab replaced the household under this one (the command was not run). */
const REPLACED_ELSEWHERE = 'The household was replaced or reloaded in another tab, so nothing was changed here. This page now shows it as it is stored: check, then try again.';

/**
 * One change in one IndexedDB transaction. `input` may be a function of
 * `now`, called inside the transaction after catching up. What it deletes
 * (and what another tab's commands, replayed first, deleted) stops playing
 * and leaves every selection.
 */
export function runCommand(page, method, input, options) {
  return page.serial(async () => {
    try {
      const done = await page.store.command(page.engine, page.revision, method, input, options);
      page.revision = done.revision;
      page.snapshotRevision = done.snapshotRevision;
      page.afterCatchUp(done.caughtUp);
      page.forgetRecordings(done.effects.deletedRecordingIds);
      if (done.stored) afterStored(page);
      return done.result;
    } catch (error) {
      throw await afterFailure(page, error);
    }
  });
}

/**
 * After a failed write: where the engine stands. Another tab replaced the
 * household (a fresh engine, and the parent is told); the engine took the
 * change but storage did not (back to what is stored). Answers what to throw.
 */
async function afterFailure(page, error) {
  if (typeof error.revision === 'number') page.revision = error.revision;
  if (error.needsFreshEngine) {
    await resync(page);
    return new PageProblem(REPLACED_ELSEWHERE);
  }
  if (error.engineChanged && !engineApi.engineStopped(error)) await resync(page);
  return error;
}

/** Replaces the household (first run, demo, import) in one transaction. */
export function replaceHousehold(page, options) {
  return page.serial(async () => {
    let done;
    try {
      done = await page.store.replace(page.engine, page.revision, options);
    } catch (error) {
      throw await afterFailure(page, error);
    }
    if (done.engine !== page.engine) {
      const previous = page.engine;
      page.engine = done.engine;
      engineApi.closeEngine(previous);
    }
    page.revision = done.revision;
    page.snapshotRevision = done.snapshotRevision;
    if (done.replaced) {
      page.settleActing();
      page.resetViewState();
      afterStored(page);
    }
    return done;
  });
}

/** A fresh engine with what is stored, in place of the page's (not queued: callers are already in `serial`). */
async function resync(page) {
  const fresh = await engineApi.openEngine();
  let loaded;
  try {
    loaded = await page.store.load(fresh, 0);
  } catch (error) {
    engineApi.closeEngine(fresh);
    throw error;
  }
  const previous = page.engine;
  page.engine = fresh;
  if (!previous.closed) engineApi.closeEngine(previous);
  page.revision = loaded.revision;
  page.snapshotRevision = loaded.snapshotRevision;
  if (!loaded.empty) page.settleActing();
  page.afterCatchUp(null);
  if (loaded.migrated) storeMigrated(page);
  return loaded;
}

/** Reads what is stored into the page's engine (on opening). */
export function loadStored(page) {
  return page.serial(async () => {
    const loaded = await page.store.load(page.engine, 0);
    page.revision = loaded.revision;
    page.snapshotRevision = loaded.snapshotRevision;
    if (!loaded.empty) page.settleActing();
    if (loaded.migrated) storeMigrated(page);
    else if (page.revision - page.snapshotRevision >= COMPACT_AFTER) scheduleCompaction(page, 0);
    return loaded;
  });
}

/** A household of an older schema, migrated on reading: stored as it is now, at once, as a new revision every tab reloads. */
function storeMigrated(page) {
  page
    .serial(async () => {
      const at = await page.store.compact(page.engine, page.revision, { migrated: true });
      if (at === undefined) return;
      page.revision = at;
      page.snapshotRevision = at;
      page.channel?.postMessage({ type: 'changed', revision: at });
    })
    .catch((error) => console.warn('storing the migrated household failed', error));
}

function afterStored(page) {
  page.channel?.postMessage({ type: 'changed', revision: page.revision });
  if (page.revision - page.snapshotRevision >= COMPACT_AFTER) scheduleCompaction(page);
}

/** Folds the journal into a new snapshot, `delay` ms from now (later commands push it back). */
export function scheduleCompaction(page, delay = 1500) {
  clearTimeout(page.compactTimer);
  page.compactTimer = setTimeout(() => {
    page
      .serial(async () => {
        if (page.engine.closed) return;
        const at = await page.store.compact(page.engine, page.revision);
        if (at !== undefined) page.snapshotRevision = at;
      })
      .catch((error) => console.warn('compaction failed', error));
  }, delay);
}

/** Brings this tab up to what another tab stored; a household replaced there: a fresh engine. */
export function catchUp(page) {
  return page.serial(async () => {
    const before = page.revision;
    let loaded;
    try {
      loaded = await page.store.load(page.engine, page.revision);
      if (!loaded.changed) return false;
      page.revision = loaded.revision;
      page.snapshotRevision = loaded.snapshotRevision;
      page.afterCatchUp(loaded.deletedRecordingIds);
    } catch (error) {
      if (!error.needsFreshEngine) throw error;
      loaded = await resync(page);
    }
    if (page.snapshotRevision > before) {
      page.settleActing();
      page.resetViewState();
    }
    page.render();
    page.announce('Updated with changes made in another tab.');
    return true;
  });
}

/**
 * R-INT-4: the engine stopped. The page starts a fresh engine from what this
 * browser saved (the snapshot and the journal: nothing saved is lost), shows
 * the household again, and tells the parent. A change that was being made
 * when it stopped was not saved, and says so where it was asked.
 */
export function recover(page) {
  page.recovering ??= page
    .serial(async () => {
      const loaded = await resync(page);
      page.histories.forEach((history) => { history.cache = null; });
      page.render();
      page.showAlert(
        new PageProblem(
          `The privacy engine stopped, so the page restarted it from what this browser had saved (${loaded.revision} saved ${loaded.revision === 1 ? 'change' : 'changes'}): nothing saved was lost. Anything you were doing at that moment was not done: please check and try again.`,
        ),
      );
      page.announce('The privacy engine was restarted from what this browser saved. Nothing saved was lost.');
    })
    .catch((error) => page.showAlert(error))
    .finally(() => {
      page.recovering = null;
    });
  return page.recovering;
}
