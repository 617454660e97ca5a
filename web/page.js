// The page's state: one household in the engine (through the adapter), kept
// in IndexedDB and in step with other tabs (page-storage.js, store.js, a
// BroadcastChannel), rendered one view at a time (routes.js). The actions
// (actions-*.js) change it through `runCommand`; command.js and
// confirm-deletion.js are the two ways they do.
//
// Every `now` comes from here (`page.now()`: the clock, never before the
// audit log's last entry); the engine has no clock.

import * as engineApi from './engine-adapter.js';
import * as storage from './page-storage.js';
import { AudioPlayer } from './audio.js';
import { ConfirmDialog } from './dialog.js';
import { cleanText, el, replaceChildren } from './dom.js';
import { renderProblem, toProblem } from './errors.js';
import { ids, renderActingAs, renderNav } from './view.js';
import { formatDateTime } from './format.js';
import { hrefs, parseRoute, renderView } from './routes.js';
import { householdPlace } from './jurisdiction.js';

const CHANNEL_NAME = 'family-privacy';
/** Where this browser remembers who is acting (R-CON-6: changes are logged in that parent's name). */
export const ACTING_KEY = 'family-privacy:acting-guardian';

export class PrivacyPage {
  constructor({ engine, store, root, nav, acting, alerts, status, params }) {
    Object.assign(this, { engine, store, root, navRoot: nav, actingRoot: acting, alerts, status, params });
    this.revision = 0;
    this.snapshotRevision = 0;
    this.source = undefined; // 'stored' | 'created' | 'imported'
    this.route = parseRoute(location.hash) ?? { view: 'household' };
    this.actingGuardianId = readActing();
    this.histories = new Map(); // profileId -> { offset, filter, selected, cache }
    this.retention = new Map(); // profileId -> { pending, hint, due }
    this.drafts = new Map(); // input id -> unsaved value
    this.problems = new Map(); // place -> { text, field, error }
    this.notices = new Map(); // place -> { message, receipt?, asked?, beforeId? }
    this.voice = { profileId: undefined, deviceId: undefined, utterance: '', understood: '' };
    this.activity = { offset: 0, verification: null, filter: { profileId: '', kind: '' } };
    this.importResult = null;
    this.jobs = { sweepAt: null, profilesAt: null };
    this.addChild = { profileId: null };
    this.confirmedNames = new Set(); // "place:name" a parent chose to keep despite a duplicate
    this.verifierReferences = new Map();
    this.removedNames = new Map(); // profileId -> name, for receipts of removed profiles
    this.syncPaused = false;
    this.compactTimer = undefined;
    this.recovering = null; // R-INT-4: the reload from storage under way, if any
    this.queue = Promise.resolve();
    this.player = new AudioPlayer();
    this.dialog = new ConfirmDialog(document.body);
    this.handlers = {};
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
    this.channel?.addEventListener('message', (event) => this.onBroadcast(event.data));
    window.addEventListener('hashchange', () => this.onHashChange());
    // Unsaved changes warn before the page goes (R-RET-5: a retention choice is only a preview until saved).
    window.addEventListener('beforeunload', (event) => {
      if (!this.hasUnsavedChanges()) return;
      event.preventDefault();
      event.returnValue = '';
    });
  }

  /** The actions' handlers, merged (each module gives its own). */
  addHandlers(handlers) {
    Object.assign(this.handlers, handlers);
  }

  hasUnsavedChanges() {
    // A pending retention choice, a name being typed (a filter not yet applied is no change).
    const typing = [...this.drafts].some(([id, value]) => /^(rename--|add-child-)/.test(id) && value !== '');
    return this.retention.size > 0 || typing;
  }

  // --- storage (page-storage.js) ---------------------------------------------

  /** Runs `task` after every storage operation queued before it (one at a time per tab). */
  serial(task) {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  runCommand(method, input, options) {
    return storage.runCommand(this, method, input, options);
  }

  replaceHousehold(options) {
    return storage.replaceHousehold(this, options);
  }

  onBroadcast(message) {
    if (this.syncPaused || !message || message.type !== 'changed') return;
    if (!(message.revision > this.revision)) return;
    storage.catchUp(this).catch((error) => this.showAlert(error));
  }

  /** The `now` for what the page asks of the engine: the clock, never before the last audit entry (R-INT-3). */
  now() {
    return engineApi.nextNow(this.engine);
  }

  /** What other tabs deleted leaves this one too; `null`: not known one by one, so check. */
  afterCatchUp(deletedRecordingIds) {
    if (deletedRecordingIds === null) {
      const held = [...new Set([...this.histories.values()].flatMap((h) => [...h.selected]).concat(this.player.recordingId ?? []))];
      const kept = new Set(engineApi.existingRecordingIds(this.engine, held));
      this.forgetRecordings(held.filter((id) => !kept.has(id)));
    } else {
      this.forgetRecordings(deletedRecordingIds);
    }
  }

  /** Deleted recordings stop playing and leave every selection; listed pages are recounted. */
  forgetRecordings(recordingIds) {
    for (const history of this.histories.values()) history.cache = null;
    if (recordingIds.length === 0) return;
    this.player.forget(recordingIds);
    for (const history of this.histories.values()) for (const id of recordingIds) history.selected.delete(id);
  }

  resetViewState() {
    this.histories.clear();
    this.retention.clear();
    this.drafts.clear();
    this.problems.clear();
    this.notices.clear();
    this.activity = { offset: 0, verification: null, filter: { profileId: '', kind: '' } };
    this.addChild = { profileId: null };
    this.verifierReferences.clear();
    this.adsPanels?.clear();
    this.player.stop();
  }

  // --- people ---------------------------------------------------------------

  overview() {
    return engineApi.overview(this.engine, { actor: this.readerId() });
  }

  /** Who reads the household (every read names its actor, R-INT-5): the acting parent, or the system before there is one. */
  readerId() {
    return this.actingGuardianId ?? 'system';
  }

  /**
   * Who acts on a profile (R-CON-6): the adult themself; for a child or a
   * teen the acting verified parent (a parent manages a teen's profile too,
   * and this page is the parent's).
   */
  actorFor(profile) {
    return profile.kind === 'adult' ? profile.id : this.actingGuardianId;
  }

  /**
   * The acting parent is one of the household's verified parents (the first,
   * unless this browser chose one). After the household was replaced, the
   * one acting before may be nobody here, so which parents there are is read
   * as the service.
   */
  settleActing(overview = engineApi.overview(this.engine, { actor: 'system' })) {
    const verified = overview.guardians.filter((guardian) => guardian.verified);
    if (!verified.some((guardian) => guardian.id === this.actingGuardianId)) this.actingGuardianId = verified[0]?.id;
  }

  setActing(guardianId) {
    this.actingGuardianId = guardianId;
    try {
      localStorage.setItem(ACTING_KEY, guardianId);
    } catch {
      // Storage refused: the choice holds for this visit only.
    }
  }

  nameOf(overview = this.overview()) {
    const names = new Map([['system', 'Scheduled deletion'], ['operator', 'The service operator'], ...this.removedNames]);
    for (const guardian of overview.guardians) names.set(guardian.id, guardian.name);
    for (const profile of overview.profiles) names.set(profile.id, profile.name);
    for (const device of overview.devices) names.set(device.id, device.name);
    return (id) => names.get(id) ?? String(id);
  }

  /** A profile's voice history state: page offset, filter, selection (ids, across pages), listing cache. */
  historyFor(profileId) {
    let history = this.histories.get(profileId);
    if (!history) {
      history = { offset: 0, filter: { from: '', to: '', deviceId: '', search: '' }, selected: new Set(), cache: null };
      this.histories.set(profileId, history);
    }
    return history;
  }

  /** The demo verifier's reference for a pending request (stable while it is pending). */
  verifierReference(profile) {
    const key = `${profile.id}:${profile.consent?.requestedMethod}`;
    if (!this.verifierReferences.has(key)) {
      const random = (globalThis.crypto?.randomUUID?.() ?? Math.random().toString(16).slice(2)).replace(/-/g, '').slice(0, 8).toUpperCase();
      this.verifierReferences.set(key, `DEMO-${random}`);
    }
    return this.verifierReferences.get(key);
  }

  profileById(profileId) {
    return this.overview().profiles.find((profile) => profile.id === profileId);
  }

  /** The policy row of the household's place (R-AGE-3): its age of digital consent and teen ad rules. */
  placePolicy() {
    return householdPlace(this, this.overview()).policy;
  }

  // --- problems and notices, by place ---------------------------------------

  setProblem(place, error, ctx) {
    this.problems.set(place, toProblem(error, ctx));
    if (!(error?.name === 'PrivacyError' || error?.name === 'PageProblem')) console.warn(error);
  }

  clearProblem(place) {
    this.problems.delete(place);
  }

  /** Focuses what is at fault: the field, else the problem's own text. */
  focusProblem(place) {
    const problem = this.problems.get(place);
    this.focusById(problem?.field, ids.problem(place));
  }

  setNotice(place, notice) {
    this.notices.set(place, notice);
  }

  dismissNotice(place, focusId) {
    this.notices.delete(place);
    this.render();
    this.focusById(focusId, ids.viewHeading());
  }

  focusById(...candidates) {
    for (const id of candidates.flat()) {
      const node = id && document.getElementById(id);
      if (node) {
        node.focus();
        return node;
      }
    }
    return null;
  }

  // --- routing and rendering ----------------------------------------------

  onHashChange() {
    const route = parseRoute(location.hash);
    if (!route) return; // an in-page link such as the skip link
    this.route = route;
    if (route.view === 'add-child') this.addChild = { profileId: null };
    // A new view starts clean: old messages belong to the view they were about.
    this.notices.clear();
    this.problems.clear();
    this.importResult = null;
    this.announce('');
    this.clearAlert();
    this.render();
    document.getElementById(ids.viewHeading())?.focus();
  }

  /** Renders the current view; while the engine is stopped (R-INT-4) the reload from storage renders instead. */
  render() {
    if (this.engine.closed) {
      storage.recover(this);
      return;
    }
    try {
      this.renderNow();
    } catch (error) {
      if (!engineApi.engineStopped(error)) throw error;
    }
  }

  renderNow() {
    const focusedId = document.activeElement?.id;
    const overview = this.overview();
    this.settleActing(overview);
    if ((this.route.view === 'profile' || this.route.view === 'summary') && !overview.profiles.some((p) => p.id === this.route.profileId)) {
      this.route = { view: 'household' };
    }
    const view = renderView(this, overview);
    replaceChildren(this.navRoot, renderNav(overview, this.route, hrefs));
    replaceChildren(this.actingRoot, renderActingAs(overview.guardians, this.actingGuardianId, (id) => this.handlers.onActing(id)));
    replaceChildren(this.root, view.node);
    document.title = `${cleanText(view.title)} — Family privacy settings`;
    this.root.dataset.source = this.source ?? '';
    this.root.dataset.revision = String(this.revision);
    if (focusedId && focusedId !== document.activeElement?.id) document.getElementById(focusedId)?.focus({ preventScroll: true });
  }

  /** The household view's "last ran" times, in place; false when they are not on screen. */
  updateJobTimes() {
    const shown = [
      ['sweep-last', this.jobs.sweepAt],
      ['profiles-last', this.jobs.profilesAt],
    ].map(([id, at]) => {
      const node = document.getElementById(id);
      if (node && at) replaceChildren(node, el('time', { datetime: new Date(at).toISOString() }, formatDateTime(at)));
      return node !== null;
    });
    return shown.every(Boolean) || this.route.view !== 'household';
  }

  // --- messages -------------------------------------------------------------

  /** A problem with no place of its own (storage on opening, another tab): the alert region. */
  showAlert(error) {
    const problem = toProblem(error);
    replaceChildren(this.alerts, renderAlert(problem, () => this.clearAlert()));
    if (!(error?.name === 'PrivacyError' || error?.name === 'PageProblem')) console.warn(error);
  }

  clearAlert() {
    this.alerts.replaceChildren();
  }

  announce(text) {
    this.status.textContent = text;
  }

  /** Adds to what the status line says (several things happened at once, such as on opening). */
  announceMore(text) {
    this.status.textContent = [this.status.textContent, text].filter(Boolean).join(' ');
  }
}

function renderAlert(problem, onDismiss) {
  const block = renderProblem(problem, { id: 'alert-problem' });
  block.append(el('button', { type: 'button', class: 'secondary small', onClick: onDismiss }, 'Dismiss'));
  return block;
}

function readActing() {
  try {
    return localStorage.getItem(ACTING_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}
