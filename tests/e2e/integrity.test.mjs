// Issue 8 on the page: a deletion is never undone by restoring an old
// backup (R-INT-2); every state the page reaches reloads, also after the
// journal is folded into a snapshot (R-INT-1); a page database of an older
// schema is migrated on opening; and when the engine stops, the page
// reloads from what it saved by itself, losing nothing saved (R-INT-4).
//
// covers R-INT-1 R-INT-2 R-INT-3 R-INT-4

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  PROJECT_ROOT,
  useBrowser,
  newContext,
  openTab,
  openPage,
  goTo,
  profileView,
  tableTotal,
  confirmAndReadReceipt,
  readDatabase,
  storedHousehold,
  downloadOf,
  importText,
  overviewOf,
  publishRecipient,
  screenshot,
} from './helpers.mjs';

const env = useBrowser();

test('restore an old backup after a deletion: the row does not come back, the confirmation says how many stay deleted, the deletion stays in the log', async (t) => {
  const { page, problems, reload } = await openPage(env, t);
  await goTo(page, 'data');
  const backup = await downloadOf(page, () => page.getByRole('button', { name: 'Download the household' }).click());

  // After the download: one of Maya's recordings deleted, with a receipt.
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  const total = await tableTotal(maya);
  const [first] = await maya.locator('.recordings li.recording').evaluateAll((rows) => rows.map((row) => row.dataset.recordingId));
  await maya.locator(`li.recording[data-recording-id="${first}"]`).getByRole('button', { name: /^Delete recording/ }).click();
  const receipt = await confirmAndReadReceipt(page);
  const receiptNumber = /Receipt number(page-[0-9a-f-]+)/.exec(receipt)[1];

  // The old backup: an earlier copy, and the confirmation says what stays deleted.
  await importText(page, backup.name, backup.text);
  const dialog = page.locator('dialog#confirm-dialog');
  await dialog.waitFor();
  const staysDeleted = dialog.locator('#import-stays-deleted');
  assert.equal(await staysDeleted.getAttribute('data-stays-deleted'), '1');
  assert.match(await staysDeleted.textContent(), /earlier copy of this household: it is restored.* 1 recording in the file was deleted here since: it stays deleted\. An import never brings a deletion back\./);
  await screenshot(page, 'dialog-restore-backup', { fullPage: false });
  await dialog.getByRole('button', { name: 'Replace the household' }).click();
  await page.locator('#import-result', { hasText: '1 recording kept deleted' }).waitFor();

  // The row is not back, here or in what is stored, and may not be used.
  await goTo(page, 'profile:maya');
  assert.equal(await tableTotal(maya), total - 1);
  assert.equal(await maya.locator(`li.recording[data-recording-id="${first}"]`).count(), 0);
  const stored = await storedHousehold(page, [first]);
  assert.equal(stored.matchesPage, true);
  assert.ok(!stored.recordingIds.includes(first));
  assert.ok(stored.tombstoned.includes(first));
  assert.deepEqual(stored.mayUseForTraining, [false]);

  // The deletion's entry is still in the activity log, and the restore is logged after it.
  await goTo(page, 'activity');
  const sentences = await page.locator('#audit-list .audit-sentence').allTextContents();
  assert.match(sentences[0], /^Alex Rivera restored an earlier copy of the household \(as it was at entry #\d+\); 1 recording deleted here stayed deleted; every entry since is kept\.$/);
  const deletion = sentences.findIndex((s) => s.includes(`(receipt ${receiptNumber})`));
  assert.ok(deletion > 0, `the deletion's entry (receipt ${receiptNumber}) is still there: ${sentences.slice(0, 4).join(' | ')}`);
  assert.match(sentences[deletion], /^Alex Rivera deleted 1 recording.* of Maya's, by chosen recordings/);
  await page.getByRole('button', { name: 'Verify the activity log' }).click();
  await page.locator('#verify-result[data-intact="true"]').waitFor();

  // And after a reload.
  await reload();
  await goTo(page, 'profile:maya');
  assert.equal(await tableTotal(maya), total - 1);
  assert.deepEqual(problems, []);
});

test('notice change with disclosure on, then reload: after 20 more changes fold the journal into a snapshot, the page and a new tab load the household', async (t) => {
  const context = await newContext(env, t);
  const problems = [];
  const page = await openTab(env, context, { problems });

  // Maya's disclosure on: the notice names a recipient, consent is given again, then disclosure allowed.
  await publishRecipient(page, ['Maya']);
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  await maya.getByRole('button', { name: 'Allow disclosure to the recipients named…' }).click();
  await page.locator('dialog#confirm-dialog').getByRole('button', { name: /^Allow disclosure to 1 recipient$/ }).click();
  await maya.locator('section.disclosure-consent[data-disclosure="true"]').waitFor();

  // A changed notice from the demo tools: a material change, so Maya is back to pending, disclosure off.
  await goTo(page, 'data');
  await page.getByRole('button', { name: 'Publish a changed privacy notice…' }).click();
  await page.locator('dialog#confirm-dialog').getByRole('button', { name: /^Publish version/ }).click();
  await page.locator('#status', { hasText: /Privacy notice version 3 published\. A material change/ }).waitFor();
  let consent = (await overviewOf(page)).profiles.find((p) => p.id === 'maya').consent;
  assert.deepEqual([consent.state, consent.reason, consent.disclosure], ['pending', 'material_change', false]);

  // 22 more changes: deleting by voice for Sam, on and off.
  await goTo(page, 'profile:sam');
  const toggle = profileView(page, 'sam').getByLabel('Let Sam delete recordings by voice');
  for (let i = 0; i < 22; i += 1) {
    await toggle.click();
    await page.locator('#status', { hasText: `Deleting by voice is ${i % 2 === 0 ? 'on' : 'off'} for Sam.` }).waitFor();
  }
  // Folded into a snapshot (the journal compacts after 20 entries, once the changes pause).
  const deadline = Date.now() + 15_000;
  while ((await readDatabase(page)).snapshotRevision === 1 && Date.now() < deadline) await page.waitForTimeout(200);
  const db = await readDatabase(page);
  assert.ok(db.snapshotRevision > 20 && db.journal.length < 20, `snapshot at ${db.snapshotRevision}, ${db.journal.length} in the journal`);

  // A reload and a new tab load it: the snapshot itself imports (R-INT-1).
  await page.reload();
  await page.waitForSelector('html[data-app-state]');
  assert.equal(await page.getAttribute('html', 'data-app-state'), 'ready', await page.locator('#alerts').textContent());
  const other = await openTab(env, context, { problems });
  await goTo(other, 'profile:maya');
  assert.equal(await profileView(other, 'maya').locator('section.consent').getAttribute('data-state'), 'pending');
  consent = (await overviewOf(other)).profiles.find((p) => p.id === 'maya').consent;
  assert.deepEqual([consent.state, consent.disclosure], ['pending', false]);
  const stored = await storedHousehold(other);
  assert.equal(stored.matchesPage, true);
  assert.deepEqual(problems, []);
});

test('a page database holding a schema 2 household is migrated on opening and stored as schema 3, logged', async (t) => {
  const vector = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'tests', 'vectors', 'migration-v2.json'), 'utf8'));
  assert.equal(vector.state.schemaVersion, 2);
  const old = JSON.stringify(vector.state);
  const context = await newContext(env, t);
  const setup = await context.newPage();
  await setup.goto(new URL('pkg/index.d.ts', env.server.url).href);
  // Same origin, no page code: the database the page wrote before the engine's schema 3.
  await setup.evaluate(
    (json) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('family-privacy', 2);
        open.onupgradeneeded = () => {
          open.result.createObjectStore('state');
          open.result.createObjectStore('journal', { keyPath: 'revision' });
          open.result.createObjectStore('audio', { keyPath: 'ref' }).createIndex('recordingId', 'recordingId');
        };
        open.onsuccess = () => {
          const tx = open.result.transaction('state', 'readwrite');
          const state = tx.objectStore('state');
          state.put(json, 'household');
          state.put(1, 'snapshotRevision');
          state.put(1, 'head');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    old,
  );
  await setup.close();
  const problems = [];
  const page = await openTab(env, context, { problems });
  assert.equal(await page.locator('#view-heading').textContent(), vector.state.household.name);
  // Stored again at once, as schema 3, a revision every tab reloads.
  await page.waitForFunction(() => window.familyPrivacyTest.revision >= 2, null, { timeout: 10_000 });
  const db = await readDatabase(page);
  assert.ok(db.snapshotRevision >= 2, `snapshot at revision ${db.snapshotRevision}`);
  assert.equal(JSON.parse(db.household).schemaVersion, 3);
  const stored = await storedHousehold(page);
  assert.equal(stored.matchesPage, true);
  await goTo(page, 'activity');
  const sentences = await page.locator('#audit-list .audit-sentence').allTextContents();
  assert.ok(
    sentences.includes('The privacy page brought the household over from an older version of the service (from format version 2).'),
    sentences.slice(0, 5).join(' | '),
  );
  assert.deepEqual(problems, []);
});

/**
 * The engine's WebAssembly, made to stop on demand (R-INT-4): every export
 * of each instance the page creates is wrapped, and `window.__stopEngine()`
 * makes the current instance trap (a WebAssembly.RuntimeError, as an abort
 * inside the module would). A fresh instance starts healthy.
 */
function stoppableEngine() {
  window.__instances = 0;
  let current = null;
  window.__stopEngine = () => {
    current.stopped = true;
  };
  const wrap = (instance) => {
    const state = { stopped: false };
    current = state;
    window.__instances += 1;
    const exports = {};
    for (const [name, value] of Object.entries(instance.exports)) {
      exports[name] =
        typeof value === 'function'
          ? (...args) => {
              if (state.stopped) throw new WebAssembly.RuntimeError('unreachable');
              return value(...args);
            }
          : value;
    }
    return { exports };
  };
  const instantiate = WebAssembly.instantiate.bind(WebAssembly);
  WebAssembly.instantiate = async (source, imports) => {
    const result = await instantiate(source, imports);
    return result instanceof WebAssembly.Instance ? wrap(result) : { module: result.module, instance: wrap(result.instance) };
  };
}

test('the engine stops: the page reloads from what it saved by itself, says so plainly, and loses nothing saved', async (t) => {
  const context = await newContext(env, t);
  await context.addInitScript(stoppableEngine);
  const problems = [];
  const page = await openTab(env, context, { problems });
  assert.equal(await page.evaluate(() => window.__instances), 1);

  // Saved before the stop: one of Maya's recordings deleted.
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  const total = await tableTotal(maya);
  const [first] = await maya.locator('.recordings li.recording').evaluateAll((rows) => rows.map((row) => row.dataset.recordingId));
  await maya.locator(`li.recording[data-recording-id="${first}"]`).getByRole('button', { name: /^Delete recording/ }).click();
  await confirmAndReadReceipt(page);
  const before = await readDatabase(page);

  // The module stops; the next change meets it.
  await page.evaluate(() => window.__stopEngine());
  const voice = maya.getByLabel('Let Maya delete recordings by voice');
  await voice.click();
  const alert = page.locator('#alerts');
  await alert.filter({ hasText: 'The privacy engine stopped, so the page restarted it from what this browser had saved' }).waitFor();
  assert.match(await alert.textContent(), /nothing saved was lost/);
  await page.locator('#status', { hasText: 'The privacy engine was restarted from what this browser saved. Nothing saved was lost.' }).waitFor();
  assert.equal(await page.evaluate(() => window.__instances), 2, 'a fresh module');
  // The change it stopped on was not made, and says so where it was asked.
  const problem = maya.locator('.problem', { hasText: 'The privacy engine stopped, so this was not done' });
  await problem.waitFor();
  assert.equal(await problem.locator('.error-code').textContent(), 'internal');
  assert.equal(await voice.isChecked(), false);
  // Nothing saved was lost: the deletion holds, storage is as it was.
  assert.equal(await tableTotal(maya), total - 1);
  assert.equal(await maya.locator(`li.recording[data-recording-id="${first}"]`).count(), 0);
  const after = await readDatabase(page);
  assert.deepEqual([after.head, after.journal.length], [before.head, before.journal.length]);
  await screenshot(page, 'engine-restarted');

  // The page goes on, on the fresh engine.
  await voice.click();
  await page.locator('#status', { hasText: 'Deleting by voice is on for Maya.' }).waitFor();
  const stored = await storedHousehold(page, [first]);
  assert.equal(stored.matchesPage, true);
  assert.equal(stored.profiles.maya.voiceDeletion, true);
  assert.ok(!stored.recordingIds.includes(first));
  assert.deepEqual(problems, []);
});
