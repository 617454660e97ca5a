// The parent's privacy page: loads the engine (the family-privacy package,
// imported like any user would), restores the household saved in IndexedDB
// or creates the demo household on a first run, and renders it.
//
// Every change goes through `commit()`: one engine command, then the whole
// state saved in one IndexedDB transaction. If saving fails, the engine goes
// back to the last saved state so page and storage never disagree.
// All timestamps come from Date.now() here; the engine has no clock.

import { createPrivacyEngine } from 'family-privacy';
import { openStateStore } from './store.js';
import { createDemoHousehold } from './demo.js';
import { DeletionDialog } from './dialog.js';
import { el, replaceChildren } from './dom.js';
import { localMidnight, effectiveRetentionText, retentionLabel, countLines } from './format.js';
import { ids, renderActingAs, renderError, renderHouseholdSummary, renderLastReceipt, renderProfile } from './view.js';

const PAGE_SIZE = 50;

function newRequestId(prefix) {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${prefix}-${random}`;
}

export class PrivacyPage {
  constructor({ engine, store, root, alerts, status }) {
    this.engine = engine;
    this.store = store;
    this.root = root;
    this.alerts = alerts;
    this.status = status;
    this.savedJson = undefined;
    this.source = undefined; // 'stored' | 'created'
    this.actingGuardianId = undefined;
    this.offsets = new Map(); // profileId -> offset of the page shown (newest first)
    this.retentionHints = new Map(); // profileId -> preview text
    this.lastReceipt = null;
    this.queue = Promise.resolve();
    this.dialog = new DeletionDialog(document.body);
    this.handlers = {
      onSaveRetention: (profile, setting) => this.saveRetention(profile, setting),
      onPreviewRetention: (profile, setting) => this.previewRetention(profile, setting),
      onDeleteOne: (profile, recording) => this.deleteOne(profile, recording),
      onDeleteRange: (profile, from, to) => this.deleteRange(profile, from, to),
      onPage: (profile, offset) => this.showPage(profile, offset),
    };
  }

  /** Restores the saved household, or creates the demo one on a first run. */
  async start() {
    const saved = await this.store.load();
    if (saved !== undefined) {
      this.engine.importState(saved);
      this.savedJson = saved;
      this.source = 'stored';
    } else {
      await this.commit(() => createDemoHousehold(this.engine, Date.now()));
      this.source = 'created';
      this.announce('A demo household was created and saved in this browser.');
    }
    this.render();
  }

  /** Runs one engine command and saves the state in one transaction; serialised. */
  commit(command) {
    const run = async () => {
      const result = command();
      const json = this.engine.exportStateJson();
      try {
        await this.store.save(json);
      } catch (error) {
        if (this.savedJson !== undefined) this.engine.importState(this.savedJson);
        throw error;
      }
      this.savedJson = json;
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Runs an action; any error (engine or storage) goes to the alert region. */
  async attempt(action) {
    this.clearError();
    try {
      return await action();
    } catch (error) {
      this.showError(error);
      return undefined;
    }
  }

  // --- people -------------------------------------------------------------

  overview() {
    return this.engine.overview();
  }

  /** Who acts on a profile: a verified parent for a child, the adult themself (R-CON-6). */
  actorFor(profile) {
    return profile.kind === 'adult' ? profile.id : this.actingGuardianId;
  }

  nameOf(overview) {
    const names = new Map();
    for (const guardian of overview.guardians) names.set(guardian.id, guardian.name);
    for (const profile of overview.profiles) names.set(profile.id, profile.name);
    return (id) => names.get(id) ?? id;
  }

  // --- commands -----------------------------------------------------------

  async saveRetention(profile, setting) {
    const effective = await this.attempt(() =>
      this.commit(() => this.engine.setRetention({ actor: this.actorFor(profile), now: Date.now(), profileId: profile.id, setting })),
    );
    if (!effective) return;
    this.retentionHints.delete(profile.id);
    this.render();
    this.announce(`${profile.name}: ${retentionLabel(setting).toLowerCase()}. In effect: ${effectiveRetentionText(effective)}.`);
  }

  previewRetention(profile, setting) {
    this.attempt(() => {
      if (setting === profile.retention) {
        this.retentionHints.delete(profile.id);
      } else {
        const preview = this.engine.previewRetention({ profileId: profile.id, setting, now: Date.now() });
        const due = preview.dueNow.recordings;
        this.retentionHints.set(
          profile.id,
          `Not saved yet. With this setting: ${effectiveRetentionText(preview.effective)}; ` +
            (due === 0 ? 'no recording would be due now.' : `${due} ${due === 1 ? 'recording' : 'recordings'} would be due now and deleted at the next sweep.`),
        );
      }
      const hint = document.getElementById(ids.retentionHint(profile.id));
      if (hint) hint.textContent = this.retentionHints.get(profile.id) ?? '';
    });
  }

  deleteOne(profile, recording) {
    return this.requestDeletion(profile, { kind: 'ids', ids: [recording.id] }, {
      title: `Delete one of ${profile.name}'s recordings?`,
      description: `The recording from ${new Date(recording.capturedAt).toLocaleString()}${recording.transcript ? `: “${recording.transcript}”` : ''}.`,
    });
  }

  deleteRange(profile, fromDate, toDate) {
    // The form's days are local calendar days, "to" included; the engine takes [from, to).
    const from = localMidnight(fromDate);
    const to = localMidnight(toDate, 1);
    return this.requestDeletion(profile, { kind: 'range', from, to }, {
      title: `Delete ${profile.name}'s recordings from ${fromDate} to ${toDate}?`,
      description: `Every recording of ${profile.name} captured from ${fromDate} up to and including ${toDate} (your local time).`,
    });
  }

  /** Preview (engine's counts) -> confirm -> delete -> receipt (R-DEL-1, R-DEL-5). */
  async requestDeletion(profile, scope, text) {
    this.clearError();
    const request = { requestId: newRequestId('page'), actor: this.actorFor(profile), profileId: profile.id, now: Date.now(), ...scope };
    let preview;
    try {
      preview = this.engine.previewDeletion(request);
    } catch (error) {
      this.showError(error);
      return;
    }
    const confirmed = await this.dialog.confirm({ ...text, preview });
    if (!confirmed) return;
    const receipt = await this.attempt(() => this.commit(() => this.engine.deleteRecordings({ ...request, now: Date.now() })));
    if (!receipt) return;
    this.lastReceipt = receipt;
    this.render();
    const overview = this.overview();
    this.announce(`${profile.name}: ${countLines(receipt.counts)[0]} deleted. Receipt ${receipt.requestId}.`);
    await this.dialog.showReceipt(receipt, this.nameOf(overview));
    document.getElementById(ids.receiptHeading())?.focus();
  }

  showPage(profile, offset) {
    this.offsets.set(profile.id, Math.max(0, offset));
    this.render();
    document.getElementById(ids.recordings(profile.id))?.scrollIntoView({ block: 'nearest' });
  }

  // --- listing ------------------------------------------------------------

  /** One page of a profile's recordings, newest first. */
  listPage(profileId) {
    let offset = this.offsets.get(profileId) ?? 0;
    let page = this.engine.listRecordings({ profileId, offset, limit: PAGE_SIZE });
    if (offset > 0 && offset >= page.total) {
      // The page emptied (deletions): show the last one that has something.
      offset = Math.max(0, Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE);
      page = this.engine.listRecordings({ profileId, offset, limit: PAGE_SIZE });
    }
    this.offsets.set(profileId, offset);
    return { offset, total: page.total, recordings: page.recordings, pageSize: PAGE_SIZE };
  }

  // --- rendering ----------------------------------------------------------

  render() {
    const focusedId = document.activeElement?.id;
    const overview = this.overview();
    const verified = overview.guardians.filter((guardian) => guardian.verified);
    if (!verified.some((guardian) => guardian.id === this.actingGuardianId)) {
      this.actingGuardianId = verified[0]?.id;
    }
    const pages = new Map(overview.profiles.map((profile) => [profile.id, this.listPage(profile.id)]));
    const ctx = {
      now: Date.now(),
      pages,
      deviceNames: new Map(overview.devices.map((device) => [device.id, device.name])),
      retentionHints: this.retentionHints,
      handlers: this.handlers,
    };
    replaceChildren(
      this.root,
      renderHouseholdSummary(overview),
      renderActingAs(overview.guardians, this.actingGuardianId, (id) => {
        this.actingGuardianId = id;
      }),
      renderLastReceipt(this.lastReceipt, this.nameOf(overview)),
      overview.profiles.map((profile) => renderProfile(profile, ctx)),
    );
    this.root.setAttribute('aria-busy', 'false');
    this.root.dataset.source = this.source ?? '';
    document.documentElement.dataset.appState = 'ready';
    if (focusedId && focusedId !== document.activeElement?.id) document.getElementById(focusedId)?.focus();
  }

  // --- messages -----------------------------------------------------------

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
}

/** A hook for the end-to-end tests, present only with `?test` in the URL. */
function exposeTestHook(page) {
  /** @type {any} */ (window).familyPrivacyTest = Object.freeze({
    engine: page.engine,
    /** Adds one recording through the engine (now = Date.now()), saves, and re-renders. */
    async addRecording(recording) {
      const added = await page.commit(() => page.engine.addRecording({ recording, now: Date.now() }));
      page.render();
      return added;
    },
    render: () => page.render(),
    showPage: (profileId, offset) => page.showPage({ id: profileId }, offset),
  });
}

async function main() {
  const root = document.getElementById('app');
  const alerts = document.getElementById('alerts');
  const status = document.getElementById('status');
  let page;
  try {
    const [engine, store] = await Promise.all([createPrivacyEngine(), openStateStore()]);
    page = new PrivacyPage({ engine, store, root, alerts, status });
    if (new URLSearchParams(location.search).has('test')) exposeTestHook(page);
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
