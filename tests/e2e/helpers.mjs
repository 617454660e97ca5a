// Shared by the end-to-end test files: the page served by scripts/serve.mjs
// in-process, Debian's Chromium through playwright-core (headless), a fresh
// browser context per test (its own, empty IndexedDB), and readers of what
// the page stored in IndexedDB that use the raw IndexedDB API and the
// package itself, never the page's own code.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { access, mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { startServer } from '../../scripts/serve.mjs';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
// The tree to serve (web/, dist/, node_modules/): this checkout unless told otherwise.
export const SERVE_ROOT = process.env.FAMILY_PRIVACY_E2E_ROOT ?? PROJECT_ROOT;
export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'build', 'e2e');
export const XSS_TRANSCRIPT = '<img src=x onerror="window.__pwned=1"></script><script>window.__pwned=2</script>';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/** Starts the server and the browser for this test file; returns a getter object. */
export function useBrowser() {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    await access(path.join(SERVE_ROOT, 'dist', 'index.mjs')).catch(() => {
      throw new Error(`no built package at ${path.join(SERVE_ROOT, 'dist')}: run \`npm run build\` first`);
    });
    env.server = await startServer({ port: 0, root: SERVE_ROOT });
    env.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A fresh browser context (empty IndexedDB), recording console errors, page errors, CSP violations and failed requests. */
export async function newContext(env, t, contextOptions = {}) {
  const context = await env.browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    acceptDownloads: true,
    ...contextOptions,
  });
  t.after(() => context.close());
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return context;
}

/** Opens the page in `context` and waits until it is ready. */
export async function openTab(env, context, { query = '?test', hash = '', problems = [] } = {}) {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A blob: URL revoked while the media element still held it is not a problem of the page.
    if (!request.url().startsWith('blob:')) problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const url = new URL(env.server.url);
  url.search = query;
  url.hash = hash;
  await page.goto(url.href);
  await waitReady(page);
  return page;
}

export async function waitReady(page) {
  await page.waitForSelector('html[data-app-state]', { timeout: 30_000 });
  const state = await page.getAttribute('html', 'data-app-state');
  assert.equal(state, 'ready', `page failed to start: ${await page.locator('#alerts').textContent()}`);
}

/** One page in a fresh context: { context, page, problems, reload, cspViolations }. */
export async function openPage(env, t, { query = '?test', hash = '', contextOptions = {} } = {}) {
  const context = await newContext(env, t, contextOptions);
  const problems = [];
  const page = await openTab(env, context, { query, hash, problems });
  const reload = async () => {
    await page.reload();
    await waitReady(page);
  };
  const cspViolations = () => page.evaluate(() => window.__cspViolations);
  return { context, page, problems, reload, cspViolations };
}

/** Two tabs of one browser (one IndexedDB), both on a profile's view: { a, b, problems }. */
export async function twoTabsOn(env, t, profileId) {
  const context = await newContext(env, t);
  const problems = [];
  const a = await openTab(env, context, { problems });
  const b = await openTab(env, context, { problems });
  await goTo(a, `profile:${profileId}`);
  await goTo(b, `profile:${profileId}`);
  return { a, b, problems };
}

/** Goes to a view through the navigation links, as a user would. */
export async function goTo(page, nav) {
  await page.locator(`#nav a[data-nav="${nav}"]`).click();
  await page.locator(`#nav a[data-nav="${nav}"][aria-current="page"]`).waitFor();
  await page.locator('#view-heading').waitFor();
}

export const profileView = (page, profileId) => page.locator(`section.view.profile[data-profile-id="${profileId}"]`);

/** The recordings listed on the history's current page, in order. */
export async function rowIds(scope) {
  return scope.locator('.recordings li.recording').evaluateAll((rows) => rows.map((row) => row.dataset.recordingId));
}

/** One recording's card in the voice history. */
export const recordingCard = (scope, id) => scope.locator(`li.recording[data-recording-id="${id}"]`);

export async function tableTotal(scope) {
  return Number(await scope.locator('.history [data-total]').getAttribute('data-total'));
}

export async function dialogCounts(page) {
  return page.locator('dialog#confirm-dialog .preview-counts').textContent();
}

/** The receipt numbers of the receipts kept in notices on the page now. */
function receiptNumbers(page) {
  return page.locator('.done-notice .receipt').evaluateAll((nodes) => nodes.map((node) => node.querySelectorAll('dd')[1]?.textContent));
}

/**
 * Confirms the open deletion dialog (its button `confirm`), waits for the
 * notice it leaves in place (one receipt, no second dialog), opens the full
 * receipt one click away, and returns `{ text, notice }`: the receipt's text
 * and the notice's locator.
 */
export async function confirmAndOpenReceipt(page, { confirm = 'Delete permanently' } = {}) {
  const dialog = page.locator('dialog#confirm-dialog');
  const seen = await receiptNumbers(page);
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  const handle = await page.waitForFunction((known) => {
    const fresh = [...document.querySelectorAll('.done-notice .receipt')].find((node) => !known.includes(node.querySelectorAll('dd')[1]?.textContent));
    return fresh ? fresh.closest('.done-notice').id : null;
  }, seen);
  const notice = page.locator(`[id="${await handle.jsonValue()}"]`);
  assert.equal(await dialog.isVisible(), false, 'no receipt dialog: the receipt is in place');
  await notice.getByText('Show the full receipt').click();
  return { text: await notice.locator('.receipt').textContent(), notice };
}

/** Confirms the open deletion dialog and returns the text of the receipt it leaves in place. */
export async function confirmAndReadReceipt(page, options) {
  return (await confirmAndOpenReceipt(page, options)).text;
}

export async function screenshot(page, name, options = {}) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, ...options });
}

/**
 * Everything the page stored, read with the raw IndexedDB API: the state
 * store's keys and values, the journal, and the audio clips (without bytes).
 */
export function readDatabase(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('family-privacy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores = Array.from(db.objectStoreNames);
          const tx = db.transaction(['state', 'journal', 'audio'], 'readonly');
          const state = tx.objectStore('state');
          const head = state.get('head');
          const snapshotRevision = state.get('snapshotRevision');
          const household = state.get('household');
          const journal = tx.objectStore('journal').getAll();
          const audio = tx.objectStore('audio').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({
              version: db.version,
              stores,
              head: head.result,
              snapshotRevision: snapshotRevision.result,
              household: household.result,
              journal: journal.result,
              audio: audio.result.map((clip) => ({ ref: clip.ref, recordingId: clip.recordingId, size: clip.blob.size, type: clip.blob.type })),
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * The household as stored: the snapshot imported into a fresh engine (the
 * package, not the page's instance) with the journal replayed on it, and a
 * summary of what it holds. With the page's ?test hook, `matchesPage` says
 * whether it is byte for byte the page's own state.
 */
export function storedHousehold(page, recordingIds = []) {
  return page.evaluate(async (ids) => {
    const { createPrivacyEngine } = await import('/pkg/index.mjs');
    const read = () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('family-privacy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['state', 'journal', 'audio'], 'readonly');
          const household = tx.objectStore('state').get('household');
          const head = tx.objectStore('state').get('head');
          const snapshotRevision = tx.objectStore('state').get('snapshotRevision');
          const journal = tx.objectStore('journal').getAll();
          const audio = tx.objectStore('audio').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({
              household: household.result,
              head: head.result,
              snapshotRevision: snapshotRevision.result,
              journal: journal.result,
              audio: audio.result,
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    const stored = await read();
    const engine = await createPrivacyEngine({ state: stored.household, actor: 'system', now: Date.now() });
    try {
      const entries = stored.journal.filter((entry) => entry.revision > stored.snapshotRevision).sort((a, b) => a.revision - b.revision);
      for (const entry of entries) engine.execute(entry.method, entry.input);
      const system = { actor: 'system' };
      const overview = engine.overview(system);
      const parent = overview.guardians.find((g) => g.verified)?.id;
      const profiles = {};
      for (const profile of overview.profiles) {
        profiles[profile.id] = {
          retention: profile.retention,
          effective: profile.effectiveRetention,
          voiceDeletion: profile.voiceDeletion,
          recordingCount: profile.recordingCount,
        };
      }
      const recordings = [];
      for (const profile of overview.profiles) {
        const actor = profile.kind === 'adult' ? profile.id : parent;
        for (let offset = 0; ; offset += 10_000) {
          const page = engine.listRecordings({ actor, profileId: profile.id, offset, limit: 10_000 });
          recordings.push(...page.recordings.map((r) => ({ id: r.id, capturedAt: r.capturedAt, audioRef: r.audio?.ref ?? null })));
          if (offset + 10_000 >= page.total) break;
        }
      }
      // Newest first, ties by id, as the engine lists them.
      recordings.sort((a, b) => b.capturedAt - a.capturedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const hook = window.familyPrivacyTest;
      return {
        head: stored.head,
        snapshotRevision: stored.snapshotRevision,
        journal: stored.journal.map((entry) => ({ revision: entry.revision, method: entry.method })),
        householdName: overview.household.name,
        profiles,
        recordingIds: recordings.map((r) => r.id),
        audioRefs: recordings.filter((r) => r.audioRef).map((r) => r.audioRef),
        storedAudio: stored.audio.map((clip) => ({ ref: clip.ref, recordingId: clip.recordingId, size: clip.blob.size })),
        tombstoned: engine.tombstones(system).tombstones.map((t) => t.recordingId),
        mayUseForTraining: ids.map((id) => engine.mayUse({ ...system, recordingId: id, purpose: 'training' }).allowed),
        mayUseForPlayback: ids.map((id) => engine.mayUse({ ...system, recordingId: id, purpose: 'playback' }).allowed),
        auditTotal: engine.auditLog({ ...system, offset: 0, limit: 1 }).total,
        matchesPage: hook ? hook.engine.exportStateJson(system) === engine.exportStateJson(system) : null,
        revisionOfPage: hook ? hook.revision : null,
      };
    } finally {
      engine.close();
    }
  }, recordingIds);
}

/** Runs axe-core on the page (injected; the page's CSP is bypassed for that only). */
export async function axeViolations(page) {
  const source = await readFile(path.join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(source);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    summary: `${v.id} (${v.impact}): ${v.nodes.length} × ${v.help} e.g. ${v.nodes[0]?.target}`,
  }));
}

/**
 * An axe-core audit over several views: `check(name)` runs axe on what is on
 * screen now (every violation goes to the test's diagnostics), `serious()`
 * lists the views with serious or critical violations (an empty list passes).
 */
export function axeAudit(page, t) {
  const report = [];
  return {
    async check(name) {
      const violations = await axeViolations(page);
      for (const v of violations) t.diagnostic(`axe ${name}: ${v.summary}`);
      report.push([name, violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.summary)]);
    },
    serious: () => report.filter(([, serious]) => serious.length > 0),
  };
}

/** Local calendar day "YYYY-MM-DD" of an instant, in the page's time zone (Europe/Berlin). */
export function berlinDay(ms) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

// ---- the engine's view, through the page's ?test hook -----------------------

/**
 * The engine's own answers through the page's ?test hook, each read by who
 * may read it (R-INT-5): the service for the household, a verified parent
 * for a child's or a teen's recordings, an adult for their own.
 */
export function engineRead(page, method, input = {}) {
  return page.evaluate(
    ([name, given]) => {
      const { engine } = window.familyPrivacyTest;
      let actor = 'system';
      if (given.profileId !== undefined && name !== 'mayUse') {
        const overview = engine.overview({ actor: 'system' });
        const profile = overview.profiles.find((p) => p.id === given.profileId);
        actor = profile?.kind === 'adult' ? profile.id : overview.guardians.find((g) => g.verified)?.id;
      }
      return engine[name]({ actor, ...given });
    },
    [method, input],
  );
}

/** The household as the service reads it (overview), and its state's text. */
export const overviewOf = (page) => engineRead(page, 'overview');
export const stateOf = (page) => engineRead(page, 'exportStateJson');

/** The engine's own list of a profile's recordings. */
export async function recordingsOf(page, profileId) {
  return (await engineRead(page, 'listRecordings', { profileId, limit: 10_000 })).recordings;
}

/** What deleting these recordings must count, artifact by artifact. */
export function expectedCounts(recordings) {
  const counts = { recordings: recordings.length, audio: 0, transcript: 0, intent: 0, annotation: 0, training_copy: 0 };
  for (const r of recordings) {
    if (r.audio) counts.audio += 1;
    if (r.transcript !== null) counts.transcript += 1;
    for (const item of r.derived) counts[item.kind] += 1;
  }
  return counts;
}

function countLines(counts) {
  const noun = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  return [
    noun(counts.recordings, 'recording', 'recordings'),
    noun(counts.audio, 'audio clip', 'audio clips'),
    noun(counts.transcript, 'transcript', 'transcripts'),
    noun(counts.intent, 'intent', 'intents'),
    noun(counts.annotation, 'annotation', 'annotations'),
    noun(counts.training_copy, 'training copy', 'training copies'),
  ];
}

/** The counts as a confirmation words them: only what goes (no "0 annotations"). */
export function countsText(counts) {
  return countLines(counts).filter((line) => !line.startsWith('0 ')).join('');
}

/** The counts as a receipt lists them: every kind, zeros included. */
export function receiptCountsText(counts) {
  return countLines(counts).join('');
}

/**
 * A later copy of the page's household, as a file's text: its state with
 * `commands` (`[method, input]`, `now` added) run on it by the package. An
 * edited state no longer imports (R-INT-3), so a file with other content is
 * made the way the service would make it.
 */
export async function laterCopy(page, commands) {
  return page.evaluate(
    async ([current, list]) => {
      const { createPrivacyEngine } = await import('/pkg/index.mjs');
      const engine = await createPrivacyEngine({ state: current, actor: 'system', now: Date.now() });
      try {
        for (const [method, input] of list) engine.execute(method, { now: Date.now(), ...input });
        return engine.exportStateJson({ actor: 'system' });
      } finally {
        engine.close();
      }
    },
    [await stateOf(page), commands],
  );
}

/** A download as text: `{ name, text }`. */
export async function downloadOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const text = await readFile(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), text };
}

/** Chooses a household file on the import form and asks to review it (the dialog opens, or a refusal shows). */
export async function importText(page, name, text) {
  await goTo(page, 'data');
  await page.getByLabel('Household file (JSON, as exported above)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Review the import…' }).click();
}

/** A download's files: a zip's entries (text for .txt/.json, bytes for the rest), or the one file's text. */
export async function downloadedFiles(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = await readFile(await download.path());
  const name = download.suggestedFilename();
  if (!name.endsWith('.zip')) return { name, files: { [name]: bytes.toString('utf8') } };
  const files = {};
  for (const [entry, data] of Object.entries(unzipSync(new Uint8Array(bytes)))) files[entry] = /\.(txt|json)$/.test(entry) ? strFromU8(data) : data;
  return { name, files };
}

/**
 * As the service operator, through the demo tools: a new privacy notice that
 * names a third party. A material change (R-CON-5): each child with consent
 * is paused until a parent gives it again, which this does for `names` through the demo verifier.
 */
export async function publishRecipient(page, names = []) {
  await goTo(page, 'data');
  await page.getByRole('button', { name: 'Publish a notice that names a third party…' }).click();
  await page.locator('dialog#confirm-dialog').getByRole('button', { name: /^Publish version/ }).click();
  await page.locator('#status', { hasText: /Privacy notice version \d+ published/ }).waitFor();
  for (const name of names) {
    const id = (await overviewOf(page)).profiles.find((p) => p.name === name).id;
    await goTo(page, `profile:${id}`);
    await profileView(page, id).getByRole('button', { name: 'Mark as verified (demo)' }).click();
    await profileView(page, id).locator('section.consent[data-state="verified"]').waitFor();
  }
}
