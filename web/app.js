// The parent's privacy page: loads the engine (the family-privacy package,
// imported like any user would, through engine-adapter.js), restores the
// household saved in IndexedDB (or creates the demo household on a first
// run), runs the scheduled jobs as the operator's backend would (on opening
// and every minute while open), and shows one view at a time (routes.js).
//
// page.js holds the state and storage; actions-*.js what each control does;
// view-*.js how each view looks.

import * as engineApi from './engine-adapter.js';
import { openHouseholdStore } from './store.js';
import { loadStored, recover } from './page-storage.js';
import { LARGE_DEMO, SMALL_DEMO } from './demo.js';
import { el, replaceChildren } from './dom.js';
import { renderProblem, toProblem } from './errors.js';
import { PrivacyPage } from './page.js';
import { historyHandlers } from './actions-history.js';
import { runScheduledJobs, settingsHandlers, startJobTimer } from './actions-settings.js';
import { consentHandlers } from './actions-consent.js';
import { createDemo, dataHandlers } from './actions-data.js';
import { activityHandlers } from './view-activity.js';

export const INTERACTIVE_MARK = 'family-privacy:interactive';

/** Restores the saved household, or creates the demo one on a first run; runs what is due; renders. */
async function start(page) {
  performance.mark('family-privacy:engine-ready');
  const loaded = await loadStored(page);
  performance.mark('family-privacy:state-loaded');
  if (loaded.empty) {
    const large = page.params.get('demo') === 'large';
    const created = await createDemo(page, large ? LARGE_DEMO : SMALL_DEMO, { onlyIfEmpty: true });
    page.source = created ? 'created' : 'stored';
    if (created) page.announce(`A demo household${large ? ' with 10,000 recordings' : ''} was created and saved in this browser.`);
  } else {
    page.source = 'stored';
  }
  await runScheduledJobs(page, { render: false });
  performance.mark('family-privacy:swept');
  page.render();
  page.root.setAttribute('aria-busy', 'false');
  document.documentElement.dataset.appState = 'ready';
  performance.mark(INTERACTIVE_MARK);
  page.player.onChange = () => page.render();
  startJobTimer(page);
}

/** A hook for the end-to-end tests, present only with `?test` in the URL. */
function exposeTestHook(page) {
  /** @type {any} */ (window).familyPrivacyTest = Object.freeze({
    get engine() {
      return page.engine;
    },
    get revision() {
      return page.revision;
    },
    /** While paused, this tab ignores other tabs' broadcasts (so it goes stale on purpose). */
    pauseSync(paused) {
      page.syncPaused = Boolean(paused);
    },
    /** Adds one recording through the engine and storage (now = Date.now()), and re-renders. */
    async addRecording(recording) {
      const added = await page.runCommand('addRecording', (now) => ({ recording, now, actor: 'system' }));
      page.render();
      return added;
    },
    /** Runs the scheduled jobs now, as the timer does. */
    runScheduledJobs: () => runScheduledJobs(page),
    render: () => page.render(),
  });
}

async function main() {
  const root = document.getElementById('app');
  const nav = document.getElementById('nav');
  const acting = document.getElementById('acting');
  const alerts = document.getElementById('alerts');
  const status = document.getElementById('status');
  const params = new URLSearchParams(location.search);
  try {
    const [engine, store] = await Promise.all([
      engineApi.openEngine(),
      openHouseholdStore({
        onBlocking: () => {
          status.textContent = 'This page was updated in another tab. Reload it to go on.';
        },
      }),
    ]);
    const page = new PrivacyPage({ engine, store, root, nav, acting, alerts, status, params });
    // R-INT-4: when the engine's module stops, the page reloads from what it saved.
    engineApi.onEngineStopped(() => {
      if (page.engine.closed) recover(page);
    });
    for (const handlers of [settingsHandlers, historyHandlers, consentHandlers, dataHandlers, activityHandlers]) page.addHandlers(handlers(page));
    if (params.has('test')) exposeTestHook(page);
    await start(page);
  } catch (error) {
    root.setAttribute('aria-busy', 'false');
    replaceChildren(root, el('p', { class: 'card notice' }, 'The household could not be loaded. Nothing stored in this browser was changed.'));
    replaceChildren(alerts, renderProblem(toProblem(error), { id: 'alert-problem' }));
    document.documentElement.dataset.appState = 'failed';
    if (!(error && error.name === 'PrivacyError')) console.warn(error);
  }
}

main();
