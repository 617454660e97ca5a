// The parent's privacy page: loads the engine (the family-privacy package,
// imported like any user would), restores the household saved in IndexedDB
// (or creates the demo household on a first run), and shows one view at a
// time: the household, each profile (with its parental consent), adding a
// child (through verifiable parental consent), voice requests, the activity
// log, export/import, and the children's privacy notice. Views are chosen by
// the address (#/household, #/profile/<id>, #/add-child, #/voice,
// #/activity, #/data, #/disclosure).
//
// On opening, the page runs the two scheduled jobs as the system would: the
// retention sweep (R-RET-6) and the profile sweep (R-PRO-2 inactive
// profiles, R-PRO-3 a child who turned 13).
//
// Every change is one engine command run through `store.command()` (one
// IndexedDB transaction that first replays whatever another tab stored, see
// store.js); other open tabs hear of it on a BroadcastChannel and catch up.
// All timestamps come from Date.now() here; the engine has no clock.

import { createPrivacyEngine } from 'family-privacy';
import { COMPACT_AFTER, openHouseholdStore } from './store.js';
import { LARGE_DEMO, SMALL_DEMO, createDemoHousehold, demoAudioClips } from './demo.js';
import { AudioPlayer, makeClip } from './audio.js';
import { ConfirmDialog } from './dialog.js';
import { addChildIds, renderAddChildView } from './view-add-child.js';
import { DEMO_VERIFIER, consentIds } from './view-consent.js';
import { renderDisclosureView } from './view-disclosure.js';
import { el, replaceChildren } from './dom.js';
import {
  consentMethodLabel,
  countLines,
  effectiveRetentionText,
  fileNamePart,
  formatDate,
  formatDateTime,
  localDateString,
  localMidnight,
  plural,
  retentionLabel,
  utcOffsetMinutes,
} from './format.js';
import { ids, renderActingAs, renderError, renderLastReceipt, renderNav } from './view.js';
import { renderHouseholdView } from './view-household.js';
import { renderProfileView } from './view-profile.js';
import { renderVoiceView } from './view-voice.js';
import { renderActivityView } from './view-activity.js';
import { dataIds, renderDataView } from './view-data.js';
import { renderAdsPanel } from './panels.js';

const PAGE_SIZE = 25;
const ACTIVITY_PAGE_SIZE = 50;
const CHANNEL_NAME = 'family-privacy';
export const INTERACTIVE_MARK = 'family-privacy:interactive';

export const hrefs = Object.freeze({
  household: () => '#/household',
  profile: (profileId) => `#/profile/${encodeURIComponent(profileId)}`,
  voice: () => '#/voice',
  activity: () => '#/activity',
  data: () => '#/data',
  addChild: () => '#/add-child',
  disclosure: () => '#/disclosure',
});

/** The view an address names, or null for anything else (such as the skip link's #main). */
export function parseRoute(hash) {
  if (!hash || hash === '#' || hash === '#/') return { view: 'household' };
  if (!hash.startsWith('#/')) return null;
  const [view, ...rest] = hash.slice(2).split('/');
  if (view === 'profile' && rest.length === 1 && rest[0]) {
    try {
      return { view: 'profile', profileId: decodeURIComponent(rest[0]) };
    } catch {
      return { view: 'household' };
    }
  }
  if (['household', 'voice', 'activity', 'data', 'add-child', 'disclosure'].includes(view) && rest.length === 0) return { view };
  return { view: 'household' };
}

function newRequestId(prefix) {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${prefix}-${random}`;
}

/** Saves text as a file through a temporary blob: link. */
function download(filename, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = el('a', { href: url, download: filename, class: 'visually-hidden', tabindex: '-1' }, filename);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

const VOICE_KIND_TEXT = {
  just_said: 'delete what I just said',
  today: 'delete everything I said today',
};

export class PrivacyPage {
  constructor({ engine, store, root, nav, acting, alerts, status, params }) {
    this.engine = engine;
    this.store = store;
    this.root = root;
    this.navRoot = nav;
    this.actingRoot = acting;
    this.alerts = alerts;
    this.status = status;
    this.params = params;
    this.revision = 0;
    this.snapshotRevision = 0;
    this.source = undefined; // 'stored' | 'created'
    this.route = parseRoute(location.hash) ?? { view: 'household' };
    this.actingGuardianId = undefined;
    this.histories = new Map(); // profileId -> { offset, filter, selected }
    this.retention = new Map(); // profileId -> { pending, hint }
    this.drafts = new Map(); // input id -> unsaved value
    this.voice = { profileId: undefined, deviceId: undefined, utterance: '', understood: '' };
    this.activity = { offset: 0, verification: null };
    this.importResult = null;
    this.lastReceipt = null;
    this.lastSweepAt = null;
    this.addChild = { profileId: null }; // the child being added (#/add-child)
    this.verifierReferences = new Map(); // `${profileId}:${method}` -> the demo verifier's reference
    this.disclosureRefusals = new Map(); // profileId -> the engine's last refusal to turn disclosure on
    this.removedNames = new Map(); // profileId -> name, for receipts of removed profiles
    this.syncPaused = false;
    this.compactTimer = undefined;
    this.queue = Promise.resolve();
    this.player = new AudioPlayer();
    this.dialog = new ConfirmDialog(document.body);
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
    this.channel?.addEventListener('message', (event) => this.onBroadcast(event.data));
    window.addEventListener('hashchange', () => this.onHashChange());
    this.handlers = this.makeHandlers();
  }

  makeHandlers() {
    return {
      onDraft: (id, value) => this.drafts.set(id, value),
      onPreviewRetention: (profile, setting) => this.previewRetention(profile, setting),
      onSaveRetention: (profile, setting) => this.saveRetention(profile, setting),
      onSetVoiceDeletion: (profile, enabled) => this.setVoiceDeletion(profile, enabled),
      onFilter: (profile, filter) => this.applyFilter(profile, filter),
      onClearFilter: (profile) => this.applyFilter(profile, { from: '', to: '', deviceId: '' }),
      onPage: (profile, offset) => this.showPage(profile, offset),
      onToggleSelect: (profile, recordingId, checked) => this.toggleSelect(profile, [recordingId], checked),
      onSelectPage: (profile, recordingIds, checked) => this.toggleSelect(profile, recordingIds, checked),
      onClearSelection: (profile) => this.clearSelection(profile),
      onDeleteSelected: (profile) => this.deleteSelected(profile),
      onDeleteOne: (profile, recording) => this.deleteOne(profile, recording),
      onDeleteRange: (profile, from, to) => this.deleteRange(profile, from, to),
      onDeleteDevice: (profile, deviceId) => this.deleteDevice(profile, deviceId),
      onDeleteAll: (profile) => this.deleteAll(profile),
      onPlay: (profile, recording) => this.play(profile, recording),
      onExportProfile: (profileOrId) => this.exportProfile(typeof profileOrId === 'string' ? profileOrId : profileOrId.id),
      onExportHousehold: () => this.exportHousehold(),
      onImport: (file) => this.importFile(file),
      onSimulate: (input) => this.simulate(input),
      onDemo: (size) => this.replaceWithDemo(size),
      onSweep: () => this.sweepNow(),
      onVerify: () => this.verifyLog(),
      onActivityPage: (offset) => this.showActivityPage(offset),
      onVoiceProfile: (profileId) => {
        this.voice.profileId = profileId;
        this.render();
      },
      onVoiceDraft: (change) => Object.assign(this.voice, change),
      onVoiceRequest: (request) => this.voiceRequest(request),
      // Parental consent and profiles.
      onAddChild: (input) => this.addChildWithConsent(input),
      onAddAnotherChild: () => {
        this.addChild = { profileId: null };
        this.render();
        document.getElementById(addChildIds.name)?.focus();
      },
      onRequestConsent: (profile, method) => this.requestConsent(profile, method),
      onRecordConsent: (profile, evidence) => this.recordConsent(profile, evidence),
      onCancelConsent: (profile) => this.cancelConsent(profile),
      onRevokeConsent: (profile) => this.revokeConsent(profile),
      onSetDisclosure: (profile, enabled) => this.setDisclosure(profile, enabled),
      onEnableProfile: (profile, enabled) => this.enableProfile(profile, enabled),
      onJumpToConsent: (profile) => {
        const heading = document.getElementById(consentIds.heading(profile.id));
        heading?.scrollIntoView({ block: 'start' });
        heading?.focus({ preventScroll: true });
      },
      onRename: (profile, name) => this.renameProfile(profile, name),
      onRemoveProfile: (profile) => this.removeProfile(profile),
      onKeepProfile: (profile) => this.keepProfile(profile),
      onResolveAgeReview: (profile, convertToAdult) => this.resolveAgeReview(profile, convertToAdult),
      onPublishNoticeChange: () => this.publishNoticeChange(),
    };
  }

  // --- storage --------------------------------------------------------------

  /** Runs `task` after every storage operation queued before it (one at a time per tab). */
  serial(task) {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * One engine command in one IndexedDB transaction. `input` may be a
   * function of `now`, called inside the transaction after catching up.
   */
  runCommand(method, input, options) {
    return this.serial(async () => {
      try {
        const done = await this.store.command(this.engine, this.revision, method, input, options);
        this.revision = done.revision;
        this.snapshotRevision = done.snapshotRevision;
        if (done.stored) this.afterStored();
        return done.result;
      } catch (error) {
        if (typeof error.revision === 'number') this.revision = error.revision;
        if (error.engineChanged) await this.resync();
        throw error;
      }
    });
  }

  /** Replaces the household (first run, demo, import) in one transaction. */
  replaceHousehold(options) {
    return this.serial(async () => {
      let done;
      try {
        done = await this.store.replace(this.engine, this.revision, options);
      } catch (error) {
        if (typeof error.revision === 'number') this.revision = error.revision;
        throw error;
      }
      if (done.engine !== this.engine) {
        const previous = this.engine;
        this.engine = done.engine;
        previous.close();
      }
      this.revision = done.revision;
      this.snapshotRevision = done.snapshotRevision;
      if (done.replaced) {
        this.resetViewState();
        this.afterStored();
      }
      return done;
    });
  }

  /** After the engine and storage disagree (a failed write): reload from storage. */
  async resync() {
    const fresh = await createPrivacyEngine();
    const loaded = await this.store.load(fresh, 0);
    const previous = this.engine;
    this.engine = fresh;
    previous.close();
    this.revision = loaded.revision;
    this.snapshotRevision = loaded.snapshotRevision;
  }

  afterStored() {
    this.channel?.postMessage({ type: 'changed', revision: this.revision });
    if (this.revision - this.snapshotRevision >= COMPACT_AFTER) this.scheduleCompaction();
  }

  scheduleCompaction() {
    clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => {
      this.serial(async () => {
        const at = await this.store.compact(this.engine, this.revision);
        if (at !== undefined) this.snapshotRevision = at;
      }).catch((error) => console.warn('compaction failed', error));
    }, 1500);
  }

  onBroadcast(message) {
    if (this.syncPaused || !message || message.type !== 'changed') return;
    if (!(message.revision > this.revision)) return;
    this.catchUp().catch((error) => this.showError(error));
  }

  /** Brings this tab up to what another tab stored. */
  catchUp() {
    return this.serial(async () => {
      const loaded = await this.store.load(this.engine, this.revision);
      if (!loaded.changed) return false;
      const replaced = loaded.snapshotRevision > this.revision;
      this.revision = loaded.revision;
      this.snapshotRevision = loaded.snapshotRevision;
      if (replaced) this.resetViewState();
      this.render();
      this.announce('Updated with changes made in another tab.');
      return true;
    });
  }

  resetViewState() {
    this.histories.clear();
    this.retention.clear();
    this.drafts.clear();
    this.lastReceipt = null;
    this.activity = { offset: 0, verification: null };
    this.addChild = { profileId: null };
    this.verifierReferences.clear();
    this.disclosureRefusals.clear();
    this.player.stop();
  }

  // --- start ----------------------------------------------------------------

  /** Restores the saved household, or creates the demo one on a first run; sweeps what is due. */
  async start() {
    performance.mark('family-privacy:engine-ready');
    const loaded = await this.serial(() => this.store.load(this.engine, 0));
    performance.mark('family-privacy:state-loaded');
    this.revision = loaded.revision;
    this.snapshotRevision = loaded.snapshotRevision;
    if (loaded.empty) {
      const large = this.params.get('demo') === 'large';
      const created = await this.createDemo(large ? LARGE_DEMO : SMALL_DEMO, { onlyIfEmpty: true });
      this.source = created ? 'created' : 'stored';
      if (created) this.announce(`A demo household${large ? ' with 10,000 recordings' : ''} was created and saved in this browser.`);
    } else {
      this.source = 'stored';
    }
    await this.sweepIfDue();
    await this.sweepProfiles();
    performance.mark('family-privacy:swept');
    this.render();
    this.root.setAttribute('aria-busy', 'false');
    document.documentElement.dataset.appState = 'ready';
    performance.mark(INTERACTIVE_MARK);
    if (this.revision - this.snapshotRevision >= COMPACT_AFTER) this.scheduleCompaction();
  }

  /** Builds a demo household in a fresh engine and stores it (with its audio clips). */
  async createDemo(size, { onlyIfEmpty = false, notices = false } = {}) {
    const demo = await createPrivacyEngine();
    let done;
    try {
      const recordings = createDemoHousehold(demo, Date.now(), size, { notices });
      const audio = demoAudioClips(recordings);
      done = await this.replaceHousehold({ prepare: () => demo, audio, onlyIfEmpty, keepAudio: () => false });
    } finally {
      if (!done || done.engine !== demo) demo.close();
    }
    return done.replaced;
  }

  /** The scheduled deletion (R-RET-6) at Date.now(), when something is due. */
  async sweepIfDue() {
    const now = Date.now();
    this.lastSweepAt = now;
    const plan = this.engine.previewSweep({ now, limit: 1 });
    if (plan.dueCount === 0) return null;
    try {
      const result = await this.runCommand('sweep', (at) => ({ now: at, actor: 'system' }));
      const n = result.receipt.recordingIds.length;
      this.player.forget(result.receipt.recordingIds);
      this.forgetSelected(result.receipt.recordingIds);
      if (n > 0) this.announce(`The scheduled deletion removed ${plural(n, 'recording')} whose retention had run out.`);
      return result;
    } catch (error) {
      this.showError(error);
      return null;
    }
  }

  /**
   * The profile sweep (R-PRO-2, R-PRO-3) at Date.now(), as the system: inactive
   * child profiles are notified (and removed after the notice window unless
   * kept), a child who turned 13 is flagged for review. Stored only when it
   * changed something.
   */
  async sweepProfiles() {
    const before = this.engine.overview();
    const nameOf = this.nameOf(before);
    const months = before.retentionPolicy.inactiveAfterMonths ?? 18;
    try {
      const result = await this.runCommand('sweepProfiles', (at) => ({ now: at, actor: 'system' }));
      const names = (list) => list.map(nameOf).join(', ');
      const messages = [];
      const notified = result.notified.map((n) => n.profileId);
      if (notified.length) {
        messages.push(`${names(notified)} ${notified.length === 1 ? 'has' : 'have'} not been used for ${months} months and will be deleted unless you keep ${notified.length === 1 ? 'it' : 'them'}.`);
      }
      for (const { profileId, receipt } of result.removed) {
        this.removedNames.set(profileId, nameOf(profileId));
        this.player.forget(receipt.recordingIds);
        this.forgetSelected(receipt.recordingIds);
        this.histories.delete(profileId);
        messages.push(`${nameOf(profileId)}'s inactive profile was removed after the notice window, with ${plural(receipt.recordingIds.length, 'recording')} (receipt ${receipt.requestId}).`);
      }
      if (result.reactivated.length) messages.push(`${names(result.reactivated)} ${result.reactivated.length === 1 ? 'is' : 'are'} in use again: no longer due for deletion.`);
      if (result.ageReview.length) messages.push(`${names(result.ageReview)} turned 13: please review ${result.ageReview.length === 1 ? 'the profile' : 'their profiles'}.`);
      if (messages.length) this.announceMore(messages.join(' '));
      return result;
    } catch (error) {
      this.showError(error);
      return null;
    }
  }

  // --- people ---------------------------------------------------------------

  /** Who acts on a profile: a verified parent for a child, the adult themself (R-CON-6). */
  actorFor(profile) {
    return profile.kind === 'adult' ? profile.id : this.actingGuardianId;
  }

  nameOf(overview = this.engine.overview()) {
    const names = new Map([['system', 'Scheduled deletion'], ['operator', 'The service operator'], ...this.removedNames]);
    for (const guardian of overview.guardians) names.set(guardian.id, guardian.name);
    for (const profile of overview.profiles) names.set(profile.id, profile.name);
    for (const device of overview.devices) names.set(device.id, device.name);
    return (id) => names.get(id) ?? String(id);
  }

  profileById(profileId) {
    return this.engine.overview().profiles.find((profile) => profile.id === profileId);
  }

  // --- retention and voice deletion -------------------------------------

  previewRetention(profile, setting) {
    this.attempt(() => {
      if (setting === profile.retention) {
        this.retention.delete(profile.id);
      } else {
        const preview = this.engine.previewRetention({ profileId: profile.id, setting, now: Date.now() });
        const due = preview.dueNow.recordings;
        const capped = preview.effective.cappedByPolicy
          ? ` For a child this means at most ${preview.effective.policyMaxMonths} months: the household’s written policy sets that maximum.`
          : '';
        this.retention.set(profile.id, {
          pending: setting,
          due,
          hint:
            `Not saved yet. With “${retentionLabel(setting)}”: ${effectiveRetentionText(preview.effective)}.${capped} ` +
            (due === 0
              ? 'The next sweep would delete nothing.'
              : `The next sweep would delete ${plural(due, 'recording')} (${countLines(preview.dueNow).slice(1, 3).join(', ')}).`),
        });
      }
      const hint = document.getElementById(ids.retentionHint(profile.id));
      if (hint) hint.textContent = this.retention.get(profile.id)?.hint ?? '';
    });
  }

  async saveRetention(profile, setting) {
    const effective = await this.attempt(() =>
      this.runCommand('setRetention', (now) => ({ actor: this.actorFor(profile), now, profileId: profile.id, setting })),
    );
    if (!effective) {
      this.render();
      return;
    }
    const pending = this.retention.get(profile.id);
    this.retention.delete(profile.id);
    this.render();
    const sweepNote = pending?.due ? ` ${plural(pending.due, 'recording')} will be deleted at the next sweep.` : '';
    this.announce(`${profile.name}: ${retentionLabel(setting).toLowerCase()}. In effect: ${effectiveRetentionText(effective)}.${sweepNote}`);
  }

  async setVoiceDeletion(profile, enabled) {
    const updated = await this.attempt(() =>
      this.runCommand('setVoiceDeletion', (now) => ({ actor: this.actorFor(profile), now, profileId: profile.id, enabled })),
    );
    this.render();
    if (updated) this.announce(`Deleting by voice is ${updated.voiceDeletion ? 'on' : 'off'} for ${profile.name}.`);
  }

  // --- voice history ----------------------------------------------------------

  historyFor(profileId) {
    let history = this.histories.get(profileId);
    if (!history) {
      history = { offset: 0, filter: { from: '', to: '', deviceId: '' }, selected: new Set() };
      this.histories.set(profileId, history);
    }
    return history;
  }

  listQuery(profileId, filter) {
    const query = { profileId };
    if (filter.deviceId) query.deviceId = filter.deviceId;
    if (filter.from) query.from = localMidnight(filter.from);
    if (filter.to) query.to = localMidnight(filter.to, 1);
    return query;
  }

  /** One page of a profile's recordings (filtered), newest first. */
  listPage(profileId) {
    const history = this.historyFor(profileId);
    const query = this.listQuery(profileId, history.filter);
    let offset = history.offset;
    let page = this.engine.listRecordings({ ...query, offset, limit: PAGE_SIZE });
    if (offset > 0 && offset >= page.total) {
      // The page emptied (deletions): show the last one that has something.
      offset = Math.max(0, Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE);
      page = this.engine.listRecordings({ ...query, offset, limit: PAGE_SIZE });
    }
    history.offset = offset;
    return { offset, total: page.total, recordings: page.recordings, pageSize: PAGE_SIZE };
  }

  applyFilter(profile, filter) {
    this.clearError();
    const history = this.historyFor(profile.id);
    const ok = this.attempt(() => {
      this.engine.listRecordings({ ...this.listQuery(profile.id, filter), limit: 1 });
      return true;
    });
    if (!ok) return;
    history.filter = { ...filter };
    history.offset = 0;
    for (const id of [ids.filterFrom(profile.id), ids.filterTo(profile.id), ids.filterDevice(profile.id)]) this.drafts.delete(id);
    this.render();
    const page = this.listPage(profile.id);
    this.announce(`${profile.name}: ${plural(page.total, 'recording')} shown.`);
  }

  showPage(profile, offset) {
    this.historyFor(profile.id).offset = Math.max(0, offset);
    this.render();
  }

  toggleSelect(profile, recordingIds, checked) {
    const { selected } = this.historyFor(profile.id);
    for (const id of recordingIds) {
      if (checked) selected.add(id);
      else selected.delete(id);
    }
    this.render();
  }

  clearSelection(profile) {
    this.historyFor(profile.id).selected.clear();
    this.render();
    this.announce('Selection cleared.');
  }

  forgetSelected(recordingIds) {
    for (const history of this.histories.values()) for (const id of recordingIds) history.selected.delete(id);
  }

  async play(profile, recording) {
    const deviceName = this.nameOf()(recording.deviceId);
    const label = `${profile.name}, ${formatDateTime(recording.capturedAt)}, ${deviceName}${recording.transcript ? `: “${recording.transcript}”` : ''}`;
    const blob = await this.attempt(() => this.store.audioBlob(recording.audio.ref));
    if (!blob) {
      this.player.unavailable(`The audio of ${profile.name}'s recording from ${formatDateTime(recording.capturedAt)} is not stored in this browser.`);
      return;
    }
    await this.attempt(() => this.player.play(recording.id, blob, label));
  }

  // --- deletion -------------------------------------------------------------

  deleteOne(profile, recording) {
    return this.requestDeletion(profile, { kind: 'ids', ids: [recording.id] }, {
      title: `Delete one of ${profile.name}'s recordings?`,
      description: `The recording from ${formatDateTime(recording.capturedAt)}${recording.transcript ? `: “${recording.transcript}”` : ''}.`,
    });
  }

  deleteSelected(profile) {
    const selected = [...this.historyFor(profile.id).selected];
    if (selected.length === 0) return undefined;
    return this.requestDeletion(profile, { kind: 'ids', ids: selected }, {
      title: `Delete ${plural(selected.length, 'selected recording')} of ${profile.name}'s?`,
      description: `The ${plural(selected.length, 'recording')} you ticked in ${profile.name}'s voice history.`,
    });
  }

  deleteRange(profile, fromDate, toDate) {
    // The form's days are local calendar days, "to" included; the engine takes [from, to).
    const from = localMidnight(fromDate);
    const to = localMidnight(toDate, 1);
    return this.requestDeletion(profile, { kind: 'range', from, to }, {
      title: `Delete ${profile.name}'s recordings from ${fromDate} to ${toDate}?`,
      description: `Every recording of ${profile.name}'s captured from ${fromDate} up to and including ${toDate} (your local time), on every device.`,
    });
  }

  deleteDevice(profile, deviceId) {
    const deviceName = this.nameOf()(deviceId);
    return this.requestDeletion(profile, { kind: 'device', deviceId }, {
      title: `Delete ${profile.name}'s recordings made on ${deviceName}?`,
      description: `Every recording of ${profile.name}'s made on ${deviceName}, whenever it was made. Other devices keep theirs.`,
    });
  }

  deleteAll(profile) {
    return this.requestDeletion(profile, { kind: 'all' }, {
      title: `Delete all of ${profile.name}'s recordings?`,
      description: `Everything ${profile.name} has recorded, on every device. The profile and its settings stay.`,
    });
  }

  /** The engine's preview -> confirm -> delete -> receipt (R-DEL-1, R-DEL-5). */
  async requestDeletion(profile, scope, text) {
    this.clearError();
    const base = { actor: this.actorFor(profile), profileId: profile.id, ...scope };
    let preview;
    try {
      preview = this.engine.previewDeletion({ ...base, requestId: newRequestId('preview'), now: Date.now() });
    } catch (error) {
      this.showError(error);
      return;
    }
    const confirmed = await this.dialog.confirmDeletion({ ...text, preview });
    if (!confirmed) return;
    const requestId = newRequestId('page');
    const receipt = await this.attempt(() => this.runCommand('deleteRecordings', (now) => ({ ...base, requestId, now })));
    if (!receipt) {
      this.render();
      return;
    }
    await this.showReceipt(receipt);
  }

  async showReceipt(receipt, { message } = {}) {
    this.player.forget(receipt.recordingIds);
    this.forgetSelected(receipt.recordingIds);
    this.lastReceipt = receipt;
    this.render();
    const nameOf = this.nameOf();
    const what = receipt.status === 'deleted' ? `${countLines(receipt.counts)[0]} deleted` : 'nothing deleted';
    this.announce(message ?? `${receipt.profileId ? `${nameOf(receipt.profileId)}: ` : ''}${what}. Receipt ${receipt.requestId}.`);
    await this.dialog.showReceipt(receipt, nameOf);
    document.getElementById(ids.receiptHeading())?.focus();
  }

  async sweepNow() {
    this.clearError();
    const now = Date.now();
    const plan = await this.attempt(() => this.engine.previewSweep({ now, limit: 1 }));
    if (!plan) return;
    const confirmed = await this.dialog.confirmDeletion({
      title: 'Run the scheduled deletion now?',
      description: 'Every recording whose retention has run out, in every profile, with its audio, transcript and derived items.',
      preview: { recordingIds: new Array(plan.dueCount).fill(''), counts: plan.counts, reason: plan.dueCount ? null : 'no_match' },
    });
    this.lastSweepAt = now;
    if (!confirmed) {
      this.render();
      return;
    }
    const result = await this.attempt(() => this.runCommand('sweep', (at) => ({ now: at, actor: 'system' })));
    if (!result) {
      this.render();
      return;
    }
    await this.showReceipt(result.receipt);
  }

  // --- voice requests -------------------------------------------------------

  async voiceRequest({ profileId, deviceId, utterance }) {
    this.clearError();
    Object.assign(this.voice, { profileId, deviceId, utterance });
    const overview = this.engine.overview();
    const profile = overview.profiles.find((p) => p.id === profileId);
    const nameOf = this.nameOf(overview);
    if (!profile) return;
    let parsed;
    try {
      parsed = this.engine.parseVoiceRequest({ utterance });
    } catch (error) {
      this.voice.understood = 'Not understood as a deletion request.';
      this.render();
      this.showError(error);
      return;
    }
    const kindText = VOICE_KIND_TEXT[parsed.kind] ?? parsed.kind;
    this.voice.understood = `Understood as “${kindText}”.`;
    this.render();
    const requestId = newRequestId('voice');
    if (profile.voiceDeletion) {
      let preview;
      try {
        preview = this.engine.previewDeletion({
          actor: this.actorFor(profile),
          requestId: newRequestId('preview'),
          now: Date.now(),
          profileId,
          deviceId,
          kind: parsed.kind,
          ...(parsed.kind === 'today' ? { utcOffsetMinutes: utcOffsetMinutes() } : {}),
        });
      } catch (error) {
        this.showError(error);
        return;
      }
      const confirmed = await this.dialog.confirmDeletion({
        title: `${profile.name} says to ${nameOf(deviceId)}: “${utterance}”`,
        description:
          parsed.kind === 'just_said'
            ? `Understood as “${kindText}”: ${profile.name}'s most recent recording on ${nameOf(deviceId)} from the last ${overview.retentionPolicy.justSaidWindowMinutes} minutes.`
            : `Understood as “${kindText}”: everything ${profile.name} said to ${nameOf(deviceId)} since midnight (${formatDate(Date.now())}).`,
        preview,
      });
      if (!confirmed) return;
    }
    // With deletion by voice off, the engine itself refuses (R-DEL-2); its error is shown.
    const receipt = await this.attempt(() =>
      this.runCommand('voiceRequest', (now) => ({ requestId, profileId, deviceId, utterance, utcOffsetMinutes: utcOffsetMinutes(now), now })),
    );
    if (!receipt) {
      this.render();
      return;
    }
    await this.showReceipt(receipt);
  }

  // --- activity log ---------------------------------------------------------

  /** `offset` counts from the newest entry. */
  activityPage() {
    const total = this.engine.auditLog({ offset: 0, limit: 1 }).total;
    let offset = Math.min(this.activity.offset, Math.max(0, Math.floor((total - 1) / ACTIVITY_PAGE_SIZE) * ACTIVITY_PAGE_SIZE));
    offset = Math.max(0, offset);
    this.activity.offset = offset;
    const end = total - offset; // exclusive, oldest-first index
    const start = Math.max(0, end - ACTIVITY_PAGE_SIZE);
    const log = end > 0 ? this.engine.auditLog({ offset: start, limit: end - start }) : { total, entries: [] };
    return { log, offset };
  }

  showActivityPage(offset) {
    this.activity.offset = Math.max(0, offset);
    this.render();
  }

  verifyLog() {
    this.clearError();
    const verification = this.attempt(() => this.engine.verifyAuditLog());
    if (!verification) return;
    this.activity.verification = verification;
    this.render();
    document.getElementById('verify-log')?.focus();
  }

  // --- export and import ----------------------------------------------------

  exportHousehold() {
    this.attempt(() => {
      const json = this.engine.exportStateJson();
      const { household } = this.engine.overview();
      const filename = `${fileNamePart(household.name)}-${localDateString(Date.now())}.json`;
      download(filename, json);
      this.announce(`The household was downloaded as ${filename}.`);
    });
  }

  exportProfile(profileId) {
    this.attempt(() => {
      const overview = this.engine.overview();
      const profile = overview.profiles.find((p) => p.id === profileId);
      if (!profile) return;
      const data = this.engine.exportProfileData({ actor: this.actorFor(profile), profileId });
      const filename = `${fileNamePart(overview.household.name)}-${fileNamePart(profile.name)}-data-${localDateString(Date.now())}.json`;
      download(filename, `${JSON.stringify(data, null, 2)}\n`);
      this.announce(`${profile.name}'s data was downloaded as ${filename}.`);
    });
  }

  async importFile(file) {
    this.clearError();
    this.importResult = null;
    if (!file) {
      this.importResult = { error: new Error('Choose a household file first.') };
      this.render();
      return;
    }
    let candidate;
    try {
      const text = await file.text();
      candidate = await createPrivacyEngine({ state: text });
    } catch (error) {
      this.importResult = { error };
      this.render();
      this.announce('The file was not imported: the engine refused it. Nothing was changed.');
      return;
    }
    let adopted = false;
    try {
      const incoming = candidate.overview();
      const recordings = incoming.profiles.reduce((sum, p) => sum + p.recordingCount, 0);
      const entries = candidate.auditLog({ offset: 0, limit: 1 }).total;
      const check = candidate.verifyAuditLog();
      const current = this.engine.overview();
      const currentRecordings = current.profiles.reduce((sum, p) => sum + p.recordingCount, 0);
      const confirmed = await this.dialog.confirm({
        title: 'Replace the household in this browser?',
        description: `The file “${file.name}” holds ${incoming.household.name}.`,
        body: [
          el(
            'ul',
            { class: 'import-summary' },
            el('li', {}, plural(incoming.guardians.length, 'parent')),
            el('li', {}, `${plural(incoming.profiles.length, 'profile')}: ${incoming.profiles.map((p) => p.name).join(', ')}`),
            el('li', {}, plural(incoming.devices.length, 'device')),
            el('li', {}, plural(recordings, 'recording')),
            el('li', {}, plural(entries, 'activity log entry', 'activity log entries')),
          ),
          el(
            'p',
            {},
            `It replaces everything in this browser now (${current.household.name}, ${plural(currentRecordings, 'recording')}). Audio clips of recordings not in the file are deleted.`,
          ),
          check.intact
            ? el('p', { class: 'ok-text', id: 'import-log-check' }, 'Its activity log verifies: intact.')
            : el(
                'p',
                { class: 'warning-text', id: 'import-log-check' },
                `Warning: its activity log does not verify (entry ${check.firstInvalid?.seq ?? '?'} ${check.firstInvalid?.reason ?? 'invalid'}). It may have been tampered with.`,
              ),
        ],
        confirmLabel: 'Replace the household',
      });
      if (!confirmed) return;
      const now = Date.now();
      await this.replaceHousehold({
        prepare: () => candidate,
        // A clip stays only while the imported household still holds its recording.
        keepAudio: (engine, clip) => {
          try {
            return engine.mayUse({ recordingId: clip.recordingId, purpose: 'playback', now }).reason !== 'deleted';
          } catch {
            return false; // not_found: no such recording in the file
          }
        },
      });
      adopted = true;
      this.source = 'imported';
      this.importResult = { message: `Imported ${incoming.household.name}: ${plural(recordings, 'recording')}.` };
      this.announce(`The household was imported from ${file.name}.`);
      await this.sweepIfDue();
      await this.sweepProfiles();
      this.render();
    } catch (error) {
      this.showError(error);
      this.render();
    } finally {
      if (!adopted) candidate.close();
    }
  }

  // --- demo tools -------------------------------------------------------------

  async simulate({ profileId, deviceId, transcript, withAudio }) {
    const text = transcript.trim();
    const id = newRequestId('said');
    const durationMs = Math.min(6000, 600 + 70 * text.length);
    const ref = `audio/${id}.wav`;
    let seed = 0;
    for (const ch of id) seed = (seed * 31 + ch.charCodeAt(0)) >>> 0;
    const audio = withAudio ? [{ ref, recordingId: id, blob: makeClip(durationMs, seed) }] : [];
    const added = await this.attempt(() =>
      this.runCommand(
        'addRecording',
        (now) => ({
          now,
          recording: {
            id,
            profileId,
            deviceId,
            capturedAt: now,
            transcript: text === '' ? null : text,
            audio: withAudio ? { ref, durationMs } : null,
            derived: [{ id: `${id}-intent`, kind: 'intent' }],
          },
        }),
        { audio },
      ),
    );
    if (!added) return;
    const nameOf = this.nameOf();
    this.drafts.delete(dataIds.simulateText);
    this.render();
    this.announce(`Recorded ${nameOf(profileId)} saying “${text}” to ${nameOf(deviceId)}${withAudio ? ', with audio' : ''}.`);
  }

  async replaceWithDemo(size) {
    this.clearError();
    const large = size === 'large';
    const notices = size === 'notices';
    const confirmed = await this.dialog.confirm({
      title: large ? 'Load the large demo household?' : notices ? 'Load the demo household with notices to review?' : 'Start again with the demo household?',
      description: notices
        ? 'This replaces everything in this browser with a demo household set up 19 months ago: Theo has not been used since, and Maya turned 13 two days ago. The page then shows the notices a parent gets.'
        : `This replaces everything in this browser with a new demo household${large ? ' of 10,000 recordings' : ''}.`,
      confirmLabel: large ? 'Load 10,000 recordings' : notices ? 'Load it' : 'Start again',
    });
    if (!confirmed) return;
    this.announce('Making the demo household…');
    const done = await this.attempt(() => this.createDemo(large ? LARGE_DEMO : SMALL_DEMO, { notices }));
    if (!done) return;
    this.source = 'created';
    this.announce(`A new demo household${large ? ' with 10,000 recordings' : notices ? ' with notices to review' : ''} was created and saved in this browser.`);
    await this.sweepProfiles();
    this.render();
  }

  /**
   * Demo tool, standing in for the service operator: a new privacy notice that
   * also collects the approximate location. A material change (R-CON-5):
   * every child with consent needs fresh consent and is paused until then.
   */
  async publishNoticeChange() {
    this.clearError();
    const { privacyNotice } = this.engine.overview();
    const version = privacyNotice.version + 1;
    const next = {
      version,
      collects: [...privacyNotice.collects, `approximate location (added in version ${version})`],
      thirdParties: privacyNotice.thirdParties,
    };
    const confirmed = await this.dialog.confirm({
      title: `Publish version ${version} of the privacy notice?`,
      description:
        'Demo tool, as the service operator: the new notice also collects the approximate location. That is a material change, so every child with consent needs fresh consent and is paused until a parent gives it.',
      confirmLabel: `Publish version ${version}`,
      danger: false,
    });
    if (!confirmed) return;
    const answer = await this.attempt(() => this.runCommand('setPrivacyNotice', (now) => ({ actor: 'operator', now, privacyNotice: next })));
    this.render();
    if (!answer) return;
    const nameOf = this.nameOf();
    const who = answer.needConsent.map(nameOf).join(', ');
    this.announce(
      `Privacy notice version ${version} published. ` +
        (answer.material ? `A material change: ${plural(answer.needConsent.length, 'child', 'children')} need fresh consent${who ? ` (${who})` : ''}.` : 'Not a material change.'),
    );
  }

  // --- parental consent (R-CON-1..5) and profiles (R-PRO-1..3) ---------------

  /** The demo verifier's reference for a pending request (stable while it is pending). */
  verifierReference(profile) {
    const key = `${profile.id}:${profile.consent?.requestedMethod}`;
    if (!this.verifierReferences.has(key)) {
      const random = (globalThis.crypto?.randomUUID?.() ?? Math.random().toString(16).slice(2)).replace(/-/g, '').slice(0, 8).toUpperCase();
      this.verifierReferences.set(key, `DEMO-${random}`);
    }
    return this.verifierReferences.get(key);
  }

  focusById(...candidates) {
    for (const id of candidates) {
      const node = id && document.getElementById(id);
      if (node) {
        node.focus();
        return;
      }
    }
  }

  /** Adding a child: the profile (not enabled), then the consent request with the chosen method. */
  async addChildWithConsent({ name, birthDate, method }) {
    this.clearError();
    if (!method) {
      this.showError(new Error('Choose one of the approved ways to give consent first.'));
      return;
    }
    const profileId = newRequestId('child');
    const profile = { id: profileId, name: name.trim(), kind: 'child', ...(birthDate ? { birthDate } : {}) };
    const added = await this.attempt(() => this.runCommand('addProfile', (now) => ({ actor: this.actingGuardianId, now, profile })));
    if (!added) {
      this.render();
      return;
    }
    this.addChild = { profileId };
    for (const key of [addChildIds.name, addChildIds.birthDate, 'method:new']) this.drafts.delete(key);
    const requested = await this.attempt(() =>
      this.runCommand('requestConsent', (now) => ({ actor: this.actingGuardianId, now, profileId, method })),
    );
    this.render();
    if (!requested) return;
    this.announce(`${added.name} was added, not enabled yet. Consent requested by ${consentMethodLabel(method).toLowerCase()}: the demo verifier checks it next.`);
    this.focusById(consentIds.verifierHeading(profileId));
  }

  async requestConsent(profile, method) {
    this.clearError();
    if (!method) {
      this.showError(new Error('Choose one of the approved ways to give consent first.'));
      return;
    }
    const answer = await this.attempt(() =>
      this.runCommand('requestConsent', (now) => ({ actor: this.actorFor(profile), now, profileId: profile.id, method })),
    );
    if (answer) this.drafts.delete(`method:${profile.id}`);
    this.render();
    if (!answer) return;
    this.announce(`Consent for ${profile.name} requested by ${consentMethodLabel(method).toLowerCase()}: the demo verifier checks it next.`);
    this.focusById(consentIds.verifierHeading(profile.id));
  }

  async recordConsent(profile, { method, reference }) {
    this.clearError();
    const answer = await this.attempt(() =>
      this.runCommand('recordConsent', (now) => ({ actor: this.actorFor(profile), now, profileId: profile.id, method, reference, verifiedBy: DEMO_VERIFIER })),
    );
    this.render();
    if (!answer) return;
    this.verifierReferences.delete(`${profile.id}:${method}`);
    this.announce(`Consent for ${profile.name} verified (${consentMethodLabel(method).toLowerCase()}, reference ${reference}). ${profile.name} is enabled: recordings can now be made.`);
    this.focusById(`${addChildIds.done}-heading`, consentIds.heading(profile.id), ids.viewHeading());
  }

  async cancelConsent(profile) {
    this.clearError();
    const answer = await this.attempt(() => this.runCommand('cancelConsent', (now) => ({ actor: this.actorFor(profile), now, profileId: profile.id })));
    this.render();
    if (!answer) return;
    this.announce(`The consent request for ${profile.name} was cancelled. ${profile.name} stays not enabled: nothing is recorded.`);
    this.focusById(consentIds.heading(profile.id), ids.viewHeading());
  }

  async enableProfile(profile, enabled) {
    this.clearError();
    const answer = await this.attempt(() => this.runCommand('enableProfile', (now) => ({ actor: this.actorFor(profile), now, profileId: profile.id, enabled })));
    this.render();
    if (answer) this.announce(`${profile.name} is ${answer.enabled ? 'enabled' : 'paused'}.`);
  }

  /** R-CON-3: the engine refuses it for consent given by email-plus; its refusal is shown. */
  async setDisclosure(profile, enabled) {
    this.clearError();
    this.disclosureRefusals.delete(profile.id);
    let refusal = null;
    const answer = await this.runCommand('setDisclosureConsent', (now) => ({ actor: this.actorFor(profile), now, profileId: profile.id, enabled })).catch(
      (error) => {
        refusal = error;
        return undefined;
      },
    );
    if (refusal) {
      this.disclosureRefusals.set(profile.id, refusal);
      this.showError(refusal);
    }
    this.render();
    if (answer) {
      this.announce(
        answer.consent.disclosure
          ? `Disclosure to third parties is on for ${profile.name}.`
          : `Disclosure to third parties is off for ${profile.name}: nothing is disclosed.`,
      );
    }
  }

  /** R-CON-4: revoke; recording stops at once; the parent chooses keep or delete now. */
  async revokeConsent(profile) {
    this.clearError();
    const actor = this.actorFor(profile);
    const choice = await this.dialog.choose({
      title: `Revoke consent for ${profile.name}?`,
      description: `Recording into ${profile.name}'s profile stops at once, and nothing of ${profile.name}'s is disclosed to anyone. You can give consent again later.`,
      body: [
        el('p', {}, `${profile.name} has ${plural(profile.recordingCount, 'recording')} kept. What should happen to ${profile.recordingCount === 1 ? 'it' : 'them'}?`),
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
    if (!choice) return;
    const deleteData = choice === 'delete';
    let requestId;
    if (deleteData) {
      let preview;
      try {
        preview = this.engine.previewDeletion({ actor, profileId: profile.id, kind: 'all', requestId: newRequestId('preview'), now: Date.now() });
      } catch (error) {
        this.showError(error);
        return;
      }
      const confirmed =
        preview.recordingIds.length === 0
          ? await this.dialog.confirm({
              title: `Revoke consent for ${profile.name}?`,
              description: `Nothing of ${profile.name}'s is kept, so there is nothing to delete.`,
              confirmLabel: 'Revoke consent',
            })
          : await this.dialog.confirmDeletion({
              title: `Revoke consent and delete all of ${profile.name}'s recordings?`,
              description: `Consent is revoked, and everything ${profile.name} has recorded, on every device, is deleted now.`,
              preview,
            });
      if (!confirmed) return;
      requestId = newRequestId('revoke');
    }
    const answer = await this.attempt(() =>
      this.runCommand('revokeConsent', (now) => ({ actor, now, profileId: profile.id, deleteData, ...(requestId ? { requestId } : {}) })),
    );
    if (!answer) {
      this.render();
      return;
    }
    this.disclosureRefusals.delete(profile.id);
    if (answer.receipt) {
      const n = answer.receipt.recordingIds.length;
      await this.showReceipt(answer.receipt, {
        message: `Consent for ${profile.name} was revoked: recording stopped, and ${plural(n, 'recording')} ${n === 1 ? 'was' : 'were'} deleted. Receipt ${answer.receipt.requestId}.`,
      });
    } else {
      this.render();
      this.announce(`Consent for ${profile.name} was revoked: recording stopped. The ${plural(profile.recordingCount, 'recording')} ${profile.recordingCount === 1 ? 'was' : 'were'} kept.`);
      this.focusById(consentIds.heading(profile.id));
    }
  }

  async renameProfile(profile, name) {
    this.clearError();
    const answer = await this.attempt(() =>
      this.runCommand('renameProfile', (now) => ({ actor: this.actorFor(profile), now, profileId: profile.id, name: name.trim() })),
    );
    if (answer) this.drafts.delete(consentIds.rename(profile.id));
    this.render();
    if (answer) this.announce(`${profile.name} is now called ${answer.name}.`);
  }

  /** R-PRO-1: removal deletes all the profile's data (the engine's count first), then a receipt. */
  async removeProfile(profile) {
    this.clearError();
    const actor = this.actorFor(profile);
    let preview;
    try {
      preview = this.engine.previewDeletion({ actor, profileId: profile.id, kind: 'all', requestId: newRequestId('preview'), now: Date.now() });
    } catch (error) {
      this.showError(error);
      return;
    }
    const nothing = preview.recordingIds.length === 0;
    const confirmed = await this.dialog.confirm({
      title: `Remove ${profile.name}'s profile?`,
      description: `${profile.name}'s profile, its settings${profile.kind === 'child' ? ' and consent record' : ''} and everything it recorded are deleted. This cannot be undone.`,
      body: nothing
        ? [el('p', { class: 'nothing' }, `Nothing recorded is kept for ${profile.name}: only the profile goes.`)]
        : [
            el('p', {}, 'This permanently deletes, with no way to bring it back:'),
            el('ul', { class: 'counts preview-counts' }, countLines(preview.counts).map((line) => el('li', {}, line))),
            el('p', { class: 'hint' }, 'Nothing of it can be used afterwards, for any purpose, model training included.'),
          ],
      confirmLabel: `Remove ${profile.name} permanently`,
    });
    if (!confirmed) return;
    const requestId = newRequestId('remove');
    const answer = await this.attempt(() => this.runCommand('removeProfile', (now) => ({ actor, now, profileId: profile.id, requestId })));
    if (!answer) {
      this.render();
      return;
    }
    this.removedNames.set(profile.id, profile.name);
    this.histories.delete(profile.id);
    this.retention.delete(profile.id);
    this.disclosureRefusals.delete(profile.id);
    if (this.route.view === 'profile' && this.route.profileId === profile.id) {
      this.route = { view: 'household' };
      history.replaceState(null, '', hrefs.household());
    }
    const n = answer.receipt.recordingIds.length;
    await this.showReceipt(answer.receipt, {
      message: `${profile.name}'s profile was removed with ${plural(n, 'recording')}. Receipt ${answer.receipt.requestId}.`,
    });
  }

  /** R-PRO-2: keep an inactive child profile. */
  async keepProfile(profile) {
    this.clearError();
    const answer = await this.attempt(() => this.runCommand('keepProfile', (now) => ({ actor: this.actorFor(profile), now, profileId: profile.id })));
    this.render();
    if (!answer) return;
    const months = this.engine.overview().retentionPolicy.inactiveAfterMonths ?? 18;
    this.announce(`${profile.name}'s profile is kept: it is no longer due for deletion. If it goes unused for another ${months} months you will be asked again.`);
    this.focusById('notices-heading', ids.viewHeading());
  }

  /** R-PRO-3: the parent decides; only this converts a child to an adult. */
  async resolveAgeReview(profile, convertToAdult) {
    this.clearError();
    if (convertToAdult) {
      const confirmed = await this.dialog.confirm({
        title: `Convert ${profile.name} to an adult profile?`,
        description: `${profile.name} turned 13. As an adult profile, ${profile.name} manages their own settings and recordings; parental consent no longer applies, and the household's limit for children no longer shortens how long ${profile.name}'s recordings are kept.`,
        confirmLabel: 'Convert to an adult profile',
        danger: false,
      });
      if (!confirmed) return;
    }
    const answer = await this.attempt(() =>
      this.runCommand('resolveAgeReview', (now) => ({ actor: this.actorFor(profile), now, profileId: profile.id, convertToAdult })),
    );
    this.render();
    if (!answer) return;
    this.announce(
      convertToAdult ? `${profile.name} now has an adult profile and manages their own settings.` : `${profile.name} stays a child profile, with your consent and controls.`,
    );
    this.focusById('notices-heading', ids.viewHeading());
  }

  // --- routing and rendering ----------------------------------------------

  onHashChange() {
    const route = parseRoute(location.hash);
    if (!route) return; // an in-page link such as the skip link
    this.route = route;
    if (route.view === 'add-child') this.addChild = { profileId: null };
    this.lastReceipt = null;
    this.importResult = null;
    this.clearError();
    this.render();
    document.getElementById(ids.viewHeading())?.focus();
  }

  render() {
    const focusedId = document.activeElement?.id;
    const overview = this.engine.overview();
    const verified = overview.guardians.filter((guardian) => guardian.verified);
    if (!verified.some((guardian) => guardian.id === this.actingGuardianId)) this.actingGuardianId = verified[0]?.id;
    if (this.route.view === 'profile' && !overview.profiles.some((p) => p.id === this.route.profileId)) {
      this.route = { view: 'household' };
    }
    const nameOf = this.nameOf(overview);
    const now = Date.now();
    const view = this.renderView(overview, nameOf, now);
    replaceChildren(this.navRoot, renderNav(overview, this.route, hrefs));
    replaceChildren(
      this.actingRoot,
      renderActingAs(overview.guardians, this.actingGuardianId, (id) => {
        this.actingGuardianId = id;
      }),
    );
    replaceChildren(this.root, renderLastReceipt(this.lastReceipt, nameOf, () => this.dismissReceipt()), view.node);
    document.title = `${view.title} — Family privacy settings`;
    this.root.dataset.source = this.source ?? '';
    this.root.dataset.revision = String(this.revision);
    if (focusedId && focusedId !== document.activeElement?.id) document.getElementById(focusedId)?.focus({ preventScroll: true });
  }

  dismissReceipt() {
    this.lastReceipt = null;
    this.render();
    document.getElementById(ids.viewHeading())?.focus();
  }

  renderView(overview, nameOf, now) {
    const deviceNames = new Map(overview.devices.map((device) => [device.id, device.name]));
    switch (this.route.view) {
      case 'profile': {
        const profile = overview.profiles.find((p) => p.id === this.route.profileId);
        const ctx = {
          now,
          hrefs,
          handlers: this.handlers,
          deviceNames,
          devices: overview.devices,
          page: this.listPage(profile.id),
          history: this.historyFor(profile.id),
          retention: this.retention.get(profile.id),
          drafts: this.drafts,
          player: this.player.node,
          renderAds: renderAdsPanel ? (container, p) => renderAdsPanel(container, this.engine, p) : null,
          noticeVersion: overview.privacyNotice.version,
          verifierReference: (p) => this.verifierReference(p),
          disclosureRefusal: this.disclosureRefusals.get(profile.id) ?? null,
        };
        return { title: profile.name, node: renderProfileView(profile, ctx) };
      }
      case 'voice': {
        if (!overview.profiles.some((p) => p.id === this.voice.profileId)) this.voice.profileId = overview.profiles[0]?.id;
        if (!overview.devices.some((d) => d.id === this.voice.deviceId)) this.voice.deviceId = overview.devices[0]?.id;
        return { title: 'Voice requests', node: renderVoiceView(overview, { hrefs, handlers: this.handlers, voice: this.voice }) };
      }
      case 'activity': {
        const { log, offset } = this.activityPage();
        const ctx = { log, offset, pageSize: ACTIVITY_PAGE_SIZE, verification: this.activity.verification, nameOf, handlers: this.handlers };
        return { title: 'Activity log', node: renderActivityView(ctx) };
      }
      case 'data':
        return { title: 'Export and import', node: renderDataView(overview, { handlers: this.handlers, importResult: this.importResult }) };
      case 'add-child': {
        const profile = overview.profiles.find((p) => p.id === this.addChild.profileId) ?? null;
        const ctx = {
          hrefs,
          handlers: this.handlers,
          drafts: this.drafts,
          profile,
          noticeVersion: overview.privacyNotice.version,
          verifierReference: (p) => this.verifierReference(p),
        };
        return { title: 'Add a child', node: renderAddChildView(ctx) };
      }
      case 'disclosure': {
        const { disclosure } = this.engine.privacyDisclosure();
        const firstChild = overview.profiles.find((p) => p.kind === 'child');
        return {
          title: 'Children’s privacy notice',
          node: renderDisclosureView(disclosure, { firstChildHref: firstChild ? hrefs.profile(firstChild.id) : null }),
        };
      }
      default: {
        const sweepPlan = this.engine.previewSweep({ now, limit: 1 });
        const ctx = { now, hrefs, handlers: this.handlers, sweepPlan, lastSweepAt: this.lastSweepAt };
        return { title: overview.household.name, node: renderHouseholdView(overview, ctx) };
      }
    }
  }

  // --- messages -------------------------------------------------------------

  /** Runs an action; any error (engine or storage) goes to the alert region. */
  attempt(action) {
    this.clearError();
    try {
      const result = action();
      if (result && typeof result.then === 'function') {
        return result.catch((error) => {
          this.showError(error);
          return undefined;
        });
      }
      return result;
    } catch (error) {
      this.showError(error);
      return undefined;
    }
  }

  showError(error) {
    replaceChildren(this.alerts, renderError(error, () => this.clearError()));
    if (!(error && error.name === 'PrivacyError')) console.warn(error);
  }

  clearError() {
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
      const added = await page.runCommand('addRecording', (now) => ({ recording, now }));
      page.render();
      return added;
    },
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
      createPrivacyEngine(),
      openHouseholdStore({
        onBlocking: () => {
          status.textContent = 'This page was updated in another tab. Reload it to go on.';
        },
      }),
    ]);
    const page = new PrivacyPage({ engine, store, root, nav, acting, alerts, status, params });
    if (params.has('test')) exposeTestHook(page);
    await page.start();
  } catch (error) {
    root.setAttribute('aria-busy', 'false');
    replaceChildren(root, el('p', { class: 'card notice' }, 'The household could not be loaded. Nothing stored in this browser was changed.'));
    replaceChildren(alerts, renderError(error, () => alerts.replaceChildren()));
    document.documentElement.dataset.appState = 'failed';
    if (!(error && error.name === 'PrivacyError')) console.warn(error);
  }
}

main();
