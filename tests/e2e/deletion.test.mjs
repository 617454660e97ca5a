// Deletion of every kind through the page: one, several selected, by date
// range, by device, everything, and by voice request. Each is counted by the
// engine before it happens, confirmed, then receipted; the recordings, their
// audio clips and every artifact are gone from the page and from IndexedDB,
// and may never be used again. A failed write changes nothing.
//
// covers R-DEL-1 R-DEL-2 R-DEL-3 R-DEL-4 R-DEL-5 R-DEL-6

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  openPage,
  openTab,
  waitReady,
  goTo,
  profileView,
  rowIds,
  tableTotal,
  dialogCounts,
  confirmAndReadReceipt,
  storedHousehold,
  readDatabase,
  screenshot,
  berlinDay,
  countsText,
  receiptCountsText,
  expectedCounts,
  recordingsOf,
} from './helpers.mjs';

const env = useBrowser();

/** After a deletion: gone from storage, tombstoned, never usable, audio clips deleted. */
async function assertGoneFromStorage(page, gone) {
  const stored = await storedHousehold(page, gone);
  assert.equal(stored.matchesPage, true, 'storage holds exactly what the page shows');
  assert.deepEqual(stored.recordingIds.filter((id) => gone.includes(id)), []);
  assert.deepEqual(stored.tombstoned.filter((id) => gone.includes(id)).sort(), gone.slice().sort());
  assert.ok(stored.mayUseForTraining.every((allowed) => allowed === false), 'never for training (R-DEL-4)');
  assert.ok(stored.mayUseForPlayback.every((allowed) => allowed === false), 'never played again');
  assert.deepEqual(stored.storedAudio.filter((clip) => gone.includes(clip.recordingId)), [], 'audio clips deleted');
  assert.deepEqual(stored.storedAudio.map((clip) => clip.ref).sort(), stored.audioRefs.slice().sort(), 'no orphaned clip');
  return stored;
}

test('delete one (while it plays), several selected across pages, a date range, a device, and everything', async (t) => {
  const { page, problems, reload } = await openPage(env, t);
  const dialog = page.locator('dialog#confirm-dialog');
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');

  // One recording, with audio, while it is playing.
  const mayaAll = await recordingsOf(page, 'maya');
  const firstPage = mayaAll.slice(0, 25);
  const one = firstPage.find((r) => r.audio) ?? mayaAll.find((r) => r.audio);
  if (!firstPage.includes(one)) throw new Error('expected a recording with audio on the first page');
  await maya.locator(`li.recording[data-recording-id="${one.id}"]`).getByRole('button', { name: /^Play/ }).click();
  await page.waitForFunction((id) => document.getElementById('player-audio')?.dataset.recordingId === id, one.id);
  await maya.locator(`li.recording[data-recording-id="${one.id}"]`).getByRole('button', { name: /^Delete recording/ }).click();
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), "Delete one of Maya's recordings?");
  assert.equal(await dialogCounts(page), countsText(expectedCounts([one])), "the engine's count comes first");
  await screenshot(page, 'dialog-delete-one', { fullPage: false });
  let receipt = await confirmAndReadReceipt(page);
  assert.match(receipt, /Status\s*Deleted/);
  assert.match(receipt, /Requested by\s*Alex Rivera/);
  assert.match(receipt, /For\s*Maya/);
  assert.match(receipt, /What was asked\s*1 recording chosen one by one/);
  assert.ok(receipt.includes(receiptCountsText(expectedCounts([one]))));
  assert.equal(await maya.locator(`li.recording[data-recording-id="${one.id}"]`).count(), 0);
  const player = await page.evaluate(() => ({ shown: document.getElementById('player-audio') !== null, playing: [...document.querySelectorAll('audio')].some((a) => !a.paused) }));
  assert.deepEqual(player, { shown: false, playing: false }, 'the deleted recording stops playing');
  await assertGoneFromStorage(page, [one.id]);

  // Several selected, across two pages.
  const pageOne = await rowIds(maya);
  const chosen = [pageOne[1], pageOne[3]];
  for (const id of chosen) await maya.locator(`li.recording[data-recording-id="${id}"] input.select-recording`).check();
  await maya.getByRole('button', { name: 'Older' }).click();
  await maya.locator('.history-summary', { hasText: '26–50 of' }).waitFor();
  const pageTwo = await rowIds(maya);
  chosen.push(pageTwo[0]);
  await maya.locator(`li.recording[data-recording-id="${pageTwo[0]}"] input.select-recording`).check();
  assert.equal(await maya.locator('.selection-count').textContent(), '3 recordings selected');
  await maya.getByRole('button', { name: 'Delete selected (3)…' }).click();
  await dialog.waitFor();
  const chosenRecordings = (await recordingsOf(page, 'maya')).filter((r) => chosen.includes(r.id));
  assert.equal(await dialogCounts(page), countsText(expectedCounts(chosenRecordings)));
  receipt = await confirmAndReadReceipt(page);
  assert.match(receipt, /3 recordings chosen one by one/);
  assert.equal(await maya.locator('.selection-count').textContent(), '0 recordings selected', 'the selection is emptied');
  assert.equal(await maya.getByRole('button', { name: /^Delete selected/ }).isDisabled(), true);
  await assertGoneFromStorage(page, [one.id, ...chosen]);

  // "Select every recording on this page", then cancel: nothing happens.
  await maya.getByLabel('Select every recording on this page').check();
  assert.equal(await maya.locator('.selection-count').textContent(), '25 recordings selected');
  await maya.getByRole('button', { name: 'Delete selected (25)…' }).click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await tableTotal(maya), mayaAll.length - 4);
  await maya.getByRole('button', { name: 'Clear selection' }).click();
  assert.equal(await maya.locator('.selection-count').textContent(), '0 recordings selected');

  // A reversed range: refused next to the last day, in plain words, before any dialog.
  await maya.getByLabel('First day').fill('2024-03-10');
  await maya.getByLabel('Last day (included)').fill('2024-03-08');
  await maya.getByRole('button', { name: 'Review deleting these days…' }).click();
  const problem = maya.locator('.range-form .problem');
  await problem.waitFor();
  assert.equal(await problem.locator('.problem-text').textContent(), 'The last day (Mar 8, 2024) is before the first day (Mar 10, 2024).');
  assert.equal(await maya.getByLabel('Last day (included)').getAttribute('aria-invalid'), 'true');
  assert.equal(await dialog.isVisible(), false, 'nothing to confirm');
  assert.equal(await page.locator('#alerts').textContent(), '', 'nothing at the top of the page');

  // A date range: the local days spanning the 10th to the 20th newest.
  const now = await recordingsOf(page, 'maya');
  const fromDay = berlinDay(now[19].capturedAt);
  const toDay = berlinDay(now[9].capturedAt);
  const inRange = now.filter((r) => berlinDay(r.capturedAt) >= fromDay && berlinDay(r.capturedAt) <= toDay);
  await maya.getByLabel('First day').fill(fromDay);
  await maya.getByLabel('Last day (included)').fill(toDay);
  await maya.getByRole('button', { name: 'Review deleting these days…' }).click();
  await dialog.waitFor();
  const words = (day) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  assert.equal(await dialog.locator('h2').textContent(), `Delete Maya's recordings from ${words(fromDay)} to ${words(toDay)}?`);
  assert.equal(await dialog.locator('.preview-items li').count(), Math.min(50, inRange.length), 'the confirmation lists what goes');
  assert.equal(await dialogCounts(page), countsText(expectedCounts(inRange)));
  receipt = await confirmAndReadReceipt(page);
  assert.match(receipt, /recordings captured from .* up to \(not including\)/);
  assert.equal(await tableTotal(maya), now.length - inRange.length);
  await assertGoneFromStorage(page, inRange.map((r) => r.id));

  // By device: only Maya's, only that device (R-DEL-6).
  const leoBefore = await recordingsOf(page, 'leo');
  const beforeDevice = await recordingsOf(page, 'maya');
  const onTablet = beforeDevice.filter((r) => r.deviceId === 'maya-tablet');
  await maya.getByLabel('Device', { exact: true }).selectOption('maya-tablet');
  await maya.getByRole('button', { name: /^Review deleting this device/ }).click();
  await dialog.waitFor();
  assert.equal(await dialogCounts(page), countsText(expectedCounts(onTablet)));
  receipt = await confirmAndReadReceipt(page);
  assert.match(receipt, /What was asked\s*recordings made on Maya's tablet/);
  const afterDevice = await recordingsOf(page, 'maya');
  assert.equal(afterDevice.length, beforeDevice.length - onTablet.length);
  assert.ok(afterDevice.every((r) => r.deviceId !== 'maya-tablet'));
  assert.deepEqual((await recordingsOf(page, 'leo')).map((r) => r.id), leoBefore.map((r) => r.id), "Leo's are untouched");

  // Everything, for Leo (acting as the other parent).
  await page.getByLabel('Who is acting').selectOption('guardian-jordan');
  await goTo(page, 'profile:leo');
  const leo = profileView(page, 'leo');
  await leo.getByRole('button', { name: "Review deleting all of Leo's recordings…" }).click();
  await dialog.waitFor();
  assert.equal(await dialogCounts(page), countsText(expectedCounts(leoBefore)));
  receipt = await confirmAndReadReceipt(page);
  assert.match(receipt, /Requested by\s*Jordan Rivera/);
  assert.match(receipt, /What was asked\s*every recording/);
  assert.match(await leo.locator('#recordings--leo').textContent(), /No recordings are kept for Leo/);
  const stored = await assertGoneFromStorage(page, leoBefore.map((r) => r.id));
  assert.equal(stored.profiles.leo.recordingCount, 0);
  assert.deepEqual(stored.journal.map((e) => e.method), Array(5).fill('deleteRecordings'));

  // Deleting again: the engine finds nothing and says so; nothing is stored.
  await leo.getByRole('button', { name: "Review deleting all of Leo's recordings…" }).click();
  await dialog.waitFor();
  assert.match(await dialog.locator('.nothing').textContent(), /Nothing to delete: no recording matches/);
  assert.equal(await dialog.getByRole('button', { name: 'Delete permanently' }).count(), 0);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // After a reload, from storage.
  await reload();
  await goTo(page, 'profile:maya');
  assert.equal(await tableTotal(maya), afterDevice.length);
  const shown = new Set(await rowIds(maya));
  for (const id of [one.id, ...chosen, ...inRange.map((r) => r.id)]) assert.ok(!shown.has(id), `${id} is gone`);
  assert.deepEqual(problems, []);
});

test('delete by voice: the toggle, "what I just said" and "everything I said today" (wake word ignored), refusals, in the typing parent’s name', async (t) => {
  const { page, problems, reload } = await openPage(env, t);
  const dialog = page.locator('dialog#confirm-dialog');

  // Something said to the kitchen speaker now, twice, with audio (the demo tools stand in for the device).
  await goTo(page, 'data');
  for (const words of ['what is the weather tomorrow', 'play the dinosaur song']) {
    await page.getByLabel('Said by').selectOption('maya');
    await page.getByLabel('Said to').selectOption('kitchen-speaker');
    await page.getByLabel('What was said').fill(words);
    await page.getByRole('button', { name: 'Record it' }).click();
    await page.locator('#status', { hasText: `Recorded Maya saying “${words}” to Kitchen speaker, with audio.` }).waitFor();
  }
  const recent = (await recordingsOf(page, 'maya')).slice(0, 2);
  assert.deepEqual(recent.map((r) => r.transcript), ['play the dinosaur song', 'what is the weather tomorrow']);
  assert.ok(recent.every((r) => r.audio && r.deviceId === 'kitchen-speaker'));
  let db = await readDatabase(page);
  assert.ok(recent.every((r) => db.audio.some((clip) => clip.recordingId === r.id && clip.ref === r.audio.ref)), 'their clips stored with them');

  // Off by default: the engine refuses (R-DEL-2).
  await goTo(page, 'voice');
  assert.equal(await page.locator('#voice-state').getAttribute('data-enabled'), 'false');
  await page.getByLabel('Who is speaking').selectOption('maya');
  await page.getByLabel('To which device').selectOption('kitchen-speaker');
  await page.getByLabel('What was said').fill('Alexa, delete what I just said');
  await page.getByRole('button', { name: 'Send the request…' }).click();
  const voiceProblem = page.locator('form.voice-form .problem');
  await voiceProblem.locator('.error-code', { hasText: 'forbidden' }).waitFor({ state: 'attached' });
  assert.equal(await voiceProblem.locator('.problem-text').textContent(), 'Deleting by voice is off for Maya. Turn it on in the settings first.');
  assert.match(await voiceProblem.locator('.error-message').textContent(), /deletion by voice is off for this profile/, "the engine's words kept for support");
  assert.equal((await recordingsOf(page, 'maya'))[0].id, recent[0].id, 'nothing deleted');

  // Turn it on in Maya's view.
  await page.locator('#voice-state a').click();
  const maya = profileView(page, 'maya');
  await maya.getByLabel('Let Maya delete recordings by voice').check();
  await page.locator('#status', { hasText: 'Deleting by voice is on for Maya.' }).waitFor();
  assert.equal((await storedHousehold(page)).profiles.maya.voiceDeletion, true);

  // "Alexa, delete what I just said": the most recent one on that device.
  await goTo(page, 'voice');
  assert.equal(await page.locator('#voice-state').getAttribute('data-enabled'), 'true');
  await page.getByLabel('Who is speaking').selectOption('maya');
  await page.getByLabel('To which device').selectOption('kitchen-speaker');
  await page.getByLabel('What was said').fill('Alexa, delete what I just said');
  await page.getByRole('button', { name: 'Send the request…' }).click();
  await dialog.waitFor();
  assert.equal(await page.locator('#voice-understood').textContent(), 'Understood as “delete what I just said”.');
  assert.equal(await dialogCounts(page), countsText(expectedCounts([recent[0]])));
  await screenshot(page, 'voice');
  let receipt = await confirmAndReadReceipt(page);
  assert.match(receipt, /Requested by\s*Alex Rivera/, 'the parent who typed it');
  assert.match(receipt, /What was asked\s*what was just said on Kitchen speaker \(by voice\)/);
  assert.match(receipt, /1 recording/);
  assert.deepEqual((await recordingsOf(page, 'maya')).filter((r) => r.id === recent[0].id), []);
  await assertGoneFromStorage(page, [recent[0].id]);

  // "Delete everything I said today" on another device: nothing there today.
  await page.getByLabel('To which device').selectOption('living-room-display');
  await page.getByLabel('What was said').fill('Computer, delete everything I said today');
  await page.getByRole('button', { name: 'Send the request…' }).click();
  await dialog.waitFor();
  const todayOnDisplay = (await recordingsOf(page, 'maya')).filter(
    (r) => r.deviceId === 'living-room-display' && berlinDay(r.capturedAt) === berlinDay(Date.now()),
  );
  if (todayOnDisplay.length === 0) {
    assert.match(await dialog.locator('.nothing').textContent(), /Nothing to delete/);
    await dialog.getByRole('button', { name: 'Close' }).click();
  } else {
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  }
  await dialog.waitFor({ state: 'hidden' });

  // ... and on the kitchen speaker: the other one said today.
  const todayOnKitchen = (await recordingsOf(page, 'maya')).filter(
    (r) => r.deviceId === 'kitchen-speaker' && berlinDay(r.capturedAt) === berlinDay(Date.now()),
  );
  assert.ok(todayOnKitchen.some((r) => r.id === recent[1].id));
  await page.getByLabel('To which device').selectOption('kitchen-speaker');
  await page.getByRole('button', { name: 'Send the request…' }).click();
  await dialog.waitFor();
  assert.equal(await page.locator('#voice-understood').textContent(), 'Understood as “delete everything I said today”.');
  assert.equal(await dialogCounts(page), countsText(expectedCounts(todayOnKitchen)));
  receipt = await confirmAndReadReceipt(page);
  assert.match(receipt, /everything said today on Kitchen speaker/);
  await assertGoneFromStorage(page, todayOnKitchen.map((r) => r.id));

  // Not a deletion request: the parser says so.
  await page.getByLabel('What was said').fill('play some music');
  await page.getByRole('button', { name: 'Send the request…' }).click();
  await page.locator('form.voice-form .problem .error-code', { hasText: 'not_understood' }).waitFor({ state: 'attached' });
  assert.equal(await page.locator('#voice-understood').textContent(), 'Not understood as a deletion request.');

  await reload();
  db = await readDatabase(page);
  assert.deepEqual(
    db.journal.map((e) => e.method),
    ['addRecording', 'addRecording', 'setVoiceDeletion', 'voiceRequest', 'voiceRequest'],
    'the refused request stored nothing; typed by a parent, each is that parent’s deletion',
  );
  assert.deepEqual(db.audio.filter((clip) => recent.some((r) => r.id === clip.recordingId)), []);
  assert.deepEqual(problems, []);
});

test('a write that fails half way, or a tab closed mid-write, leaves page and storage agreeing', async (t) => {
  const { page, context, problems } = await openPage(env, t);
  const dialog = page.locator('dialog#confirm-dialog');
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  const [target] = await rowIds(maya);
  const total = await tableTotal(maya);
  const before = await readDatabase(page);

  // The journal write fails inside the transaction, after the engine ran the command.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function patched(...args) {
      if (this.name === 'journal') {
        IDBObjectStore.prototype.put = put;
        throw new DOMException('simulated failure', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
  });
  await maya.locator(`li.recording[data-recording-id="${target}"]`).getByRole('button', { name: /^Delete recording/ }).click();
  await dialog.getByRole('button', { name: 'Delete permanently' }).click();
  await maya.locator('.history .problem', { hasText: 'could not save the change' }).waitFor();
  assert.match(await maya.locator('.history .problem .error-message').textContent(), /simulated failure/);
  assert.equal(await dialog.isVisible(), false, 'no receipt for what did not happen');
  await maya.locator(`li.recording[data-recording-id="${target}"]`).waitFor();
  assert.equal(await tableTotal(maya), total, 'the page still shows it');
  const after = await readDatabase(page);
  assert.deepEqual({ head: after.head, journal: after.journal }, { head: before.head, journal: before.journal }, 'nothing stored');
  assert.equal((await storedHousehold(page)).matchesPage, true, "the page's engine went back to what is stored");
  problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('simulated failure')));

  // A tab closed the moment a deletion is confirmed: the next one finds either all of it or none.
  await maya.locator(`li.recording[data-recording-id="${target}"]`).getByRole('button', { name: /^Delete recording/ }).click();
  await dialog.getByRole('button', { name: 'Delete permanently' }).click();
  await page.close({ runBeforeUnload: false });
  const next = await openTab(env, context, { problems: [] });
  await waitReady(next);
  const stored = await storedHousehold(next, [target]);
  assert.equal(stored.matchesPage, true);
  const deleted = !stored.recordingIds.includes(target);
  assert.equal(stored.tombstoned.includes(target), deleted);
  assert.equal(stored.profiles.maya.recordingCount, deleted ? total - 1 : total);
  assert.deepEqual(stored.storedAudio.map((clip) => clip.ref).sort(), stored.audioRefs.slice().sort());
  assert.deepEqual(problems, []);
});
