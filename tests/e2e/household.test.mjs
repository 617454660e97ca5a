// The household overview and the demo household on a first run; a reload
// keeps everything; the scheduled deletion (sweep) on load and on demand.
//
// covers R-RET-1 R-RET-2 R-RET-4 R-RET-5 R-RET-6 R-RET-7 R-DEL-3 R-DEL-5

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  newContext,
  openTab,
  openPage,
  goTo,
  profileView,
  readDatabase,
  storedHousehold,
  screenshot,
  confirmAndReadReceipt,
  confirmAndOpenReceipt,
  recordingsOf,
  tableTotal,
} from './helpers.mjs';

const env = useBrowser();
const DAY = 24 * 3600 * 1000;

test('first run: the demo household, shown and stored (two parents, two children, one adult, three devices, audio clips)', async (t) => {
  const { page, problems, cspViolations, reload } = await openPage(env, t);
  assert.equal(await page.locator('#app').getAttribute('data-source'), 'created');
  assert.match(await page.locator('#status').textContent(), /demo household was created/);
  await page.getByRole('heading', { level: 1, name: 'Family privacy settings' }).waitFor();
  assert.equal(await page.locator('#view-heading').textContent(), 'The Rivera household');
  assert.equal(await page.title(), 'The Rivera household — Family privacy settings');

  // Parents and devices.
  assert.deepEqual(await page.locator('#guardians li').allTextContents(), ['Alex Rivera verified', 'Jordan Rivera verified']);
  assert.deepEqual(await page.locator('#devices li').allTextContents(), ['Kitchen speaker', "Maya's tablet", 'Living room display']);

  // Profiles: setting, what is in effect (with the child maximum), counts, next due.
  const rows = await page.locator('#profiles-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ id: tr.dataset.profileId, cells: Array.from(tr.children, (cell) => cell.textContent) })),
  );
  assert.deepEqual(rows.map((row) => row.id), ['maya', 'leo', 'sam']);
  const [maya, leo, sam] = rows.map((row) => row.cells);
  assert.match(maya[1], /^Child, \d+ years old$/);
  assert.match(leo[1], /^Child, \d+ years old$/);
  assert.notEqual(maya[1], leo[1], 'two children of different ages');
  assert.equal(sam[1], 'Adult');
  assert.deepEqual([maya[2], leo[2], sam[2]], ['Keep for 18 months', 'Keep until deleted', 'Keep until deleted']);
  assert.equal(maya[3], 'kept for 18 months');
  assert.match(leo[3], /kept for 18 months — shortened by the household's written retention policy \(at most 18 months for a child\)/);
  assert.equal(sam[3], 'kept until deleted');
  const counts = [maya[4], leo[4], sam[4]].map((text) => Number(text.replace(/\D/g, '')));
  const total = counts.reduce((a, b) => a + b, 0);
  assert.ok(total >= 200 && total <= 600, `a few hundred recordings, got ${total}`);
  assert.match(maya[5], /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/, 'a child profile shows when its next recordings fall due');
  assert.equal(sam[5], 'kept until deleted');

  // The written policy (R-RET-7).
  await page.locator('details.policy summary').click();
  const policy = await page.locator('details.policy table').textContent();
  for (const text of ['audio', 'transcript', 'derived', '18 months', 'no maximum']) assert.ok(policy.includes(text), text);
  await screenshot(page, 'household');

  // Stored: one snapshot, nothing journaled yet, and the audio clips as WAV blobs.
  const db = await readDatabase(page);
  assert.equal(db.version, 2);
  assert.deepEqual(db.stores.sort(), ['audio', 'journal', 'state']);
  assert.equal(db.head, 1);
  assert.equal(db.snapshotRevision, 1);
  assert.deepEqual(db.journal, []);
  assert.ok(Number.isInteger(JSON.parse(db.household).schemaVersion), 'the engine’s versioned state');
  const stored = await storedHousehold(page);
  assert.equal(stored.matchesPage, true, 'storage holds exactly what the page shows');
  assert.equal(stored.recordingIds.length, total);
  assert.ok(stored.audioRefs.length >= 20 && stored.audioRefs.length < total / 2, `some recordings have audio: ${stored.audioRefs.length}`);
  assert.deepEqual(db.audio.map((clip) => clip.ref).sort(), stored.audioRefs.slice().sort(), 'a clip for every recording with audio');
  for (const clip of db.audio) {
    assert.equal(clip.type, 'audio/wav');
    assert.ok(clip.size > 44 + 8000, `${clip.ref}: ${clip.size} bytes`);
  }

  // Two years of history: the adult's reach back about two years, newest within the day.
  await goTo(page, 'profile:sam');
  await profileView(page, 'sam').getByRole('button', { name: 'Oldest' }).click();
  const oldest = await profileView(page, 'sam').locator('li.recording .captured time').evaluateAll((times) => times.map((time) => Date.parse(time.dateTime)));
  assert.ok(Math.min(...oldest) < Date.now() - 600 * DAY && Math.min(...oldest) >= Date.now() - 731 * DAY, 'two years of recordings');

  // A reload imports what was stored: the same household, nothing rewritten.
  await reload();
  assert.equal(await page.locator('#app').getAttribute('data-source'), 'stored');
  const again = await readDatabase(page);
  assert.equal(again.household, db.household, 'loading alone does not rewrite the state');
  assert.equal(again.head, 1);
  assert.equal(await page.locator('#view-heading').textContent(), 'Sam', 'the view is in the address, so a reload keeps it');
  assert.deepEqual(await cspViolations(), []);
  assert.deepEqual(problems, []);
});

// covers R-RET-5 (why 1 of issue 12)
test('why 1: retention 3 months deletes the overdue recordings on confirmation: listed first, gone at once with a receipt in place, audio included', async (t) => {
  const { page, problems, reload } = await openPage(env, t);
  assert.equal(await page.locator('#sweep-due').getAttribute('data-due'), '0', 'nothing is due in a new demo');

  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  await maya.getByLabel('Retention setting').selectOption('3_months');
  const hint = maya.locator('.retention-hint');
  await hint.filter({ hasText: 'Not saved yet' }).waitFor();
  const due = Number(/Saving deletes ([\d,]+) recordings/.exec(await hint.textContent())[1].replace(/,/g, ''));
  assert.ok(due > 10, `shortening to 3 months makes recordings due: ${await hint.textContent()}`);
  const before = await storedHousehold(page);
  const mayaBefore = await recordingsOf(page, 'maya');

  // Cancel first: nothing saved, nothing deleted.
  const dialog = page.locator('dialog#confirm-dialog');
  await maya.getByRole('button', { name: 'Save setting' }).click();
  await dialog.waitFor();
  assert.match(await dialog.locator('.preview-counts').textContent(), new RegExp(`^${due} recordings`));
  const listed = await dialog.locator('.preview-items li').count();
  assert.equal(listed, Math.min(50, due), 'the confirmation lists what goes');
  assert.match(await dialog.locator('.preview-more').textContent(), new RegExp(`and ${due - listed} more`));
  await screenshot(page, 'dialog-retention', { fullPage: false });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal((await storedHousehold(page)).profiles.maya.retention, '18_months');
  assert.equal(await tableTotal(maya), mayaBefore.length);

  // Confirm: the overdue ones go now, with a receipt in place (not at the next sweep).
  await maya.getByRole('button', { name: 'Save setting' }).click();
  await dialog.waitFor();
  const { text: receipt, notice } = await confirmAndOpenReceipt(page, { confirm: `Save and delete ${due} recordings` });
  assert.match(receipt, /Requested by\s*Alex Rivera/);
  assert.match(receipt, /For\s*Maya/);
  assert.match(receipt, new RegExp(`${due} recordings`));
  assert.match(receipt, /What was asked\s*the recordings older than “Keep for 3 months” keeps/);
  assert.match(await notice.locator('.done-text').textContent(), /^Maya: keep for 3 months\. In effect: kept for 3 months\. Deleted \d+ recordings/);
  await maya.locator('.effective-value', { hasText: 'kept for 3 months' }).waitFor();
  assert.equal(await tableTotal(maya), mayaBefore.length - due, 'gone at once');
  assert.equal(await maya.locator('.badge', { hasText: 'due now' }).count(), 0, 'nothing left badged "due now"');
  await goTo(page, 'household');
  assert.equal(await page.locator('#sweep-due').getAttribute('data-due'), '0');

  // Stored: exactly the oldest ones went, with their audio clips, in the same transaction.
  const after = await storedHousehold(page);
  assert.equal(after.matchesPage, true);
  assert.deepEqual(after.journal.map((entry) => entry.method), ['setRetention']);
  const gone = before.recordingIds.filter((id) => !after.recordingIds.includes(id));
  assert.deepEqual(gone.sort(), mayaBefore.slice(-due).map((r) => r.id).sort(), 'the oldest of Maya’s');
  assert.deepEqual(after.tombstoned.filter((id) => gone.includes(id)).sort(), gone.slice().sort());
  const goneAudio = before.storedAudio.filter((clip) => gone.includes(clip.recordingId));
  assert.ok(goneAudio.length > 0, 'some of them had audio');
  assert.deepEqual(after.storedAudio.filter((clip) => gone.includes(clip.recordingId)), [], 'their clips went in the same transaction');
  assert.deepEqual(after.storedAudio.map((clip) => clip.ref).sort(), after.audioRefs.slice().sort());

  // Each of Maya's remaining recordings goes 3 months after capture.
  await goTo(page, 'profile:maya');
  const gaps = await maya.locator('li.recording').evaluateAll((cards) =>
    cards.map((card) => {
      const captured = new Date(card.querySelector('.captured time').dateTime);
      const dueAt = new Date(card.querySelector('.rec-facts time').dateTime);
      return (dueAt.getUTCFullYear() - captured.getUTCFullYear()) * 12 + dueAt.getUTCMonth() - captured.getUTCMonth();
    }),
  );
  assert.ok(gaps.length > 0 && gaps.every((gap) => gap === 3), gaps.join(','));

  await reload();
  assert.equal(await maya.getByLabel('Retention setting').inputValue(), '3_months');
  assert.deepEqual(problems, []);
});

// covers R-RET-2 R-RET-6
test('why 1: "don\'t save" deletes what is kept at once; what is recorded afterwards is due at once, goes with "Run the sweep now", and by itself when the page opens', async (t) => {
  const { page, problems, reload } = await openPage(env, t);
  await goTo(page, 'profile:sam');
  const sam = profileView(page, 'sam');
  const samTotal = await tableTotal(sam);
  await sam.getByLabel('Retention setting').selectOption('dont_save');
  await sam.locator('.retention-hint', { hasText: `Saving deletes ${samTotal} recordings` }).waitFor();
  await sam.getByRole('button', { name: 'Save setting' }).click();
  await confirmAndReadReceipt(page, { confirm: `Save and delete ${samTotal} recordings` });
  await sam.locator('.effective-value', { hasText: 'not saved' }).waitFor();
  assert.match(await sam.locator('#recordings--sam').textContent(), /No recordings are kept for Sam/, 'not left for the next sweep');

  // Something Sam says now is due as soon as it is processed.
  const say = async (words) => {
    await goTo(page, 'data');
    await page.getByLabel('Said by').selectOption('sam');
    await page.getByLabel('What was said').fill(words);
    await page.getByRole('button', { name: 'Record it' }).click();
    await page.locator('#status', { hasText: `Recorded Sam saying “${words}”` }).waitFor();
  };
  await say('what is the weather today');
  await goTo(page, 'household');
  assert.equal(await page.locator('#sweep-due').getAttribute('data-due'), '1');
  assert.match(await page.locator('#jobs-explained').textContent(), /In a real deployment the service operator’s servers run these on a schedule.*sweep.*sweepProfiles.*when it opens and every minute while it is open/);
  assert.match(await page.locator('#sweep-last').textContent(), /\d{4}/, 'when the sweep last ran');
  assert.match(await page.locator('#profiles-last').textContent(), /\d{4}/, 'when the profile checks last ran');
  await page.getByRole('button', { name: 'Run the sweep now…' }).click();
  await page.locator('dialog#confirm-dialog').waitFor();
  await screenshot(page, 'dialog-sweep', { fullPage: false });
  const receipt = await confirmAndReadReceipt(page);
  assert.match(receipt, /Requested by\s*Scheduled deletion/);
  assert.match(receipt, /For\s*the whole household/);
  await page.locator('#sweep-due', { hasText: 'Nothing is due now.' }).waitFor();

  // And on opening, by itself.
  await say('set an alarm for six thirty');
  await reload();
  assert.match(await page.locator('#status').textContent(), /scheduled deletion removed 1 recording whose retention had run out/);
  const stored = await storedHousehold(page);
  assert.equal(stored.profiles.sam.recordingCount, 0);
  assert.deepEqual(stored.journal.map((entry) => entry.method), ['setRetention', 'addRecording', 'sweep', 'addRecording', 'sweep']);
  assert.equal(stored.matchesPage, true);
  assert.deepEqual(problems, []);
});

test('a household saved by the first version of the page (database version 1) is upgraded in place', async (t) => {
  const context = await newContext(env, t);
  const setup = await context.newPage();
  // Same origin, no page code: write a version-1 database holding an adult-only household.
  await setup.goto(new URL('pkg/index.d.ts', env.server.url).href);
  const saved = await setup.evaluate(async () => {
    const { createPrivacyEngine } = await import('/pkg/index.mjs');
    const engine = await createPrivacyEngine();
    const now = Date.now();
    engine.createHousehold({
      actor: 'operator', now, id: 'old', name: 'An older household',
      retentionPolicy: {
        categories: ['audio', 'transcript', 'derived'].map((category) => ({ category, childMaxMonths: 18, adultMaxMonths: null, purpose: 'p', businessNeed: 'b' })),
        justSaidWindowMinutes: 10,
      },
    });
    engine.addGuardian({ actor: 'operator', now, guardian: { id: 'g', name: 'Robin', verified: true } });
    engine.addDevice({ actor: 'g', now, device: { id: 'd', name: 'Hall speaker' } });
    engine.addProfile({ actor: 'g', now, profile: { id: 'kim', name: 'Kim', kind: 'adult' } });
    engine.addRecording({ actor: 'system', now, recording: { id: 'r1', profileId: 'kim', deviceId: 'd', capturedAt: now - 60_000, transcript: 'hello', audio: null } });
    const json = engine.exportStateJson({ actor: 'system' });
    engine.close();
    await new Promise((resolve, reject) => {
      const open = indexedDB.open('family-privacy', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('state');
      open.onsuccess = () => {
        const tx = open.result.transaction('state', 'readwrite');
        tx.objectStore('state').put(json, 'household');
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    });
    return json;
  });
  await setup.close();
  const problems = [];
  const page = await openTab(env, context, { problems });
  assert.equal(await page.locator('#app').getAttribute('data-source'), 'stored');
  assert.equal(await page.locator('#view-heading').textContent(), 'An older household');
  const db = await readDatabase(page);
  assert.equal(db.version, 2);
  assert.deepEqual([db.head, db.snapshotRevision, db.household], [1, 1, saved]);
  await goTo(page, 'profile:kim');
  assert.equal(await profileView(page, 'kim').locator('li.recording .transcript').textContent(), 'hello');
  assert.deepEqual(problems, []);
});
