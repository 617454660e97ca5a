// Two open tabs: a first run in both makes one household, not two; a change
// in one shows in the other (BroadcastChannel); a tab that missed the news
// catches up inside its own transaction before its command, so nothing is
// lost or applied twice; after a reload both show the same.
//
// covers R-DEL-1 R-DEL-5 R-RET-1

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newContext, openTab, twoTabsOn, goTo, profileView, rowIds, tableTotal, confirmAndReadReceipt, readDatabase, storedHousehold, stateOf } from './helpers.mjs';

const env = useBrowser();



test('two tabs opened at once on a first run: one household, stored once', async (t) => {
  const context = await newContext(env, t);
  const problems = [];
  const [a, b] = await Promise.all([openTab(env, context, { problems }), openTab(env, context, { problems })]);
  const sources = [await a.locator('#app').getAttribute('data-source'), await b.locator('#app').getAttribute('data-source')];
  assert.ok(sources.includes('created'), sources.join());
  await goTo(a, 'profile:maya');
  await goTo(b, 'profile:maya');
  // If both made a demo, their times would differ; the loser imported the winner's.
  assert.equal(await stateOf(a), await stateOf(b));
  assert.deepEqual(await rowIds(profileView(a, 'maya')), await rowIds(profileView(b, 'maya')));
  const db = await readDatabase(a);
  assert.equal(db.head, 1);
  assert.deepEqual(db.journal, []);
  const stored = await storedHousehold(a);
  assert.equal(stored.matchesPage, true);
  assert.equal(new Set(stored.recordingIds).size, stored.recordingIds.length);
  assert.equal(stored.recordingIds.length, 340, 'the demo once, not twice');
  assert.equal(db.audio.length, stored.audioRefs.length);
  assert.deepEqual(problems, []);
});

test('a change in one tab shows in the other; a stale tab catches up before its own command', async (t) => {
  const { a, b, problems } = await twoTabsOn(env, t, 'maya');
  const mayaA = profileView(a, 'maya');
  const mayaB = profileView(b, 'maya');

  // A changes Maya's retention: B shows it, without a reload.
  await mayaA.getByLabel('Retention setting').selectOption('3_months');
  await mayaA.getByRole('button', { name: 'Save setting' }).click();
  await confirmAndReadReceipt(a, { confirm: /^Save and delete/ });
  await mayaB.locator('.effective-value', { hasText: 'kept for 3 months' }).waitFor();
  assert.equal(await mayaB.getByLabel('Retention setting').inputValue(), '3_months');
  assert.match(await b.locator('#status').textContent(), /Updated with changes made in another tab/);

  // B deletes one of Maya's: A shows it gone.
  const total = await tableTotal(mayaA);
  const [target] = await rowIds(mayaB);
  await mayaB.locator(`li.recording[data-recording-id="${target}"]`).getByRole('button', { name: /^Delete recording/ }).click();
  await confirmAndReadReceipt(b);
  await a.waitForFunction((id) => !document.querySelector(`li.recording[data-recording-id="${id}"]`), target);
  assert.equal(await tableTotal(mayaA), total - 1);

  // B stops listening; A turns deletion by voice on for Sam; B, stale, deletes one of Leo's.
  await b.evaluate(() => window.familyPrivacyTest.pauseSync(true));
  await goTo(a, 'profile:sam');
  await profileView(a, 'sam').getByLabel('Let Sam delete recordings by voice').check();
  await a.locator('#status', { hasText: 'Deleting by voice is on for Sam.' }).waitFor();
  await goTo(b, 'household');
  assert.equal(await b.locator('#profiles-table tr[data-profile-id="sam"] td').last().textContent(), 'off', 'B has not heard');
  const staleRevision = await b.evaluate(() => window.familyPrivacyTest.revision);
  await goTo(b, 'profile:leo');
  const leoB = profileView(b, 'leo');
  const [leoTarget] = await rowIds(leoB);
  await leoB.locator(`li.recording[data-recording-id="${leoTarget}"]`).getByRole('button', { name: /^Delete recording/ }).click();
  await confirmAndReadReceipt(b);
  assert.equal(await b.evaluate(() => window.familyPrivacyTest.revision), staleRevision + 2, "B applied A's change, then its own");
  await goTo(b, 'household');
  assert.equal(await b.locator('#profiles-table tr[data-profile-id="sam"] td').last().textContent(), 'on', "A's change is not lost");

  // Storage holds each command once, in order; both tabs agree with it.
  const stored = await storedHousehold(a, [target, leoTarget]);
  assert.deepEqual(stored.journal.map((e) => [e.revision, e.method]), [
    [2, 'setRetention'], // deleting what the shorter setting made due, at once (R-RET-5)
    [3, 'deleteRecordings'],
    [4, 'setVoiceDeletion'],
    [5, 'deleteRecordings'],
  ]);
  assert.equal(stored.profiles.sam.voiceDeletion, true);
  assert.equal(stored.profiles.maya.retention, '3_months');
  assert.deepEqual(stored.mayUseForPlayback, [false, false]);
  await a.waitForFunction(() => window.familyPrivacyTest.revision === 5);
  assert.equal(await stateOf(a), await stateOf(b));
  assert.equal((await storedHousehold(b)).matchesPage, true);

  // A recording of Maya's arrives already older than her 3 months (a device that was offline).
  // After a reload, both show the same: it is swept by whichever tab opens first, once.
  await a.evaluate(() =>
    window.familyPrivacyTest.addRecording({ id: 'late-arrival', profileId: 'maya', deviceId: 'kitchen-speaker', capturedAt: Date.now() - 120 * 24 * 3600 * 1000, transcript: 'late', audio: null }),
  );
  await Promise.all([a.reload(), b.reload()]);
  await a.waitForSelector('html[data-app-state="ready"]');
  await b.waitForSelector('html[data-app-state="ready"]');
  await a.waitForFunction(() => window.familyPrivacyTest.revision === 7);
  await b.waitForFunction(() => window.familyPrivacyTest.revision === 7);
  assert.equal(await stateOf(a), await stateOf(b));
  const final = await storedHousehold(a);
  assert.deepEqual(final.journal.map((e) => e.method).slice(4), ['addRecording', 'sweep'], 'one sweep, not two');
  assert.equal(final.matchesPage, true);
  assert.deepEqual(problems, []);
});
