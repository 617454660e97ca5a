// Issue 12, points 3 and 7: playing is visible in the row (Pause, the
// player right after the Play button), and a recording deleted anywhere,
// in another tab too, stops playing and leaves every selection.
//
// covers R-DEL-1 R-DEL-3 R-DEL-4

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, twoTabsOn, openPage, goTo, profileView, recordingCard, recordingsOf, rowIds, confirmAndReadReceipt } from './helpers.mjs';

const env = useBrowser();

/** The first recording with audio on the first page of a profile's history. */
async function withAudioOnFirstPage(page, profileId) {
  const shown = new Set(await rowIds(profileView(page, profileId)));
  return (await recordingsOf(page, profileId)).find((r) => r.audio && shown.has(r.id));
}

test('why 7: Play shows in its row: Pause, the player right after the button (one Tab away), and pausing works', async (t) => {
  const { page, problems } = await openPage(env, t);
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  const recording = await withAudioOnFirstPage(page, 'maya');
  assert.ok(recording, 'a recording with audio on the first page');
  const card = recordingCard(maya, recording.id);
  await card.getByRole('button', { name: /^Play recording/ }).click();
  await page.waitForFunction(() => {
    const audio = document.getElementById('player-audio');
    return audio && !audio.paused;
  });
  // The row says it is playing, and holds the player.
  const pause = card.getByRole('button', { name: /^Pause recording/ });
  await pause.waitFor();
  assert.equal((await pause.textContent()).trim(), '❚❚ Pause');
  assert.match(await card.getAttribute('class'), /\bis-current\b/);
  assert.equal(await page.locator('#player-audio').evaluate((audio) => audio.closest('li.recording')?.dataset.recordingId), recording.id, 'the player is in the row');
  assert.match(await card.locator('#player-caption').textContent(), /^Playing: Maya, /);
  // From the button to the audio controls: one Tab.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), '❚❚ Pause', 'focus stays on the button');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'player-audio');
  // Pause: the button says Play again.
  await pause.click();
  await card.getByRole('button', { name: /^Play recording/ }).waitFor();
  assert.equal(await page.locator('#player-audio').evaluate((audio) => audio.paused), true);
  assert.deepEqual(problems, []);
});

test('why 3: a recording deleted in another tab stops playing here and leaves the selection', async (t) => {
  const { a, b, problems } = await twoTabsOn(env, t, 'maya');
  const mayaA = profileView(a, 'maya');
  const mayaB = profileView(b, 'maya');
  const playing = await withAudioOnFirstPage(b, 'maya');
  const other = (await rowIds(mayaB)).find((id) => id !== playing.id);

  // In B: it plays, and it and another are ticked.
  await recordingCard(mayaB, playing.id).getByRole('button', { name: /^Play recording/ }).click();
  await b.waitForFunction((id) => document.getElementById('player-audio')?.dataset.recordingId === id, playing.id);
  for (const id of [playing.id, other]) await recordingCard(mayaB, id).locator('input.select-recording').check();
  assert.equal(await mayaB.locator('.selection-count').textContent(), '2 recordings selected');

  // In A: it is deleted.
  await recordingCard(mayaA, playing.id).getByRole('button', { name: /^Delete recording/ }).click();
  await confirmAndReadReceipt(a);

  // B hears of it: the player goes, the selection loses it, "Delete selected" counts one.
  await b.waitForFunction((id) => !document.querySelector(`li.recording[data-recording-id="${id}"]`), playing.id);
  await mayaB.locator('.selection-count', { hasText: '1 recording selected' }).waitFor();
  assert.equal(await mayaB.getByRole('button', { name: /^Delete selected/ }).textContent(), 'Delete selected (1)…');
  const state = await b.evaluate(() => ({ player: document.getElementById('player-audio') !== null, playing: [...document.querySelectorAll('audio')].some((audio) => !audio.paused) }));
  assert.deepEqual(state, { player: false, playing: false }, 'it stopped playing');
  assert.match(await b.locator('#status').textContent(), /Updated with changes made in another tab/);

  // Deleting the selection in B deletes only the one still there.
  await mayaB.getByRole('button', { name: 'Delete selected (1)…' }).click();
  const receipt = await confirmAndReadReceipt(b);
  assert.match(receipt, /1 recording chosen one by one/);
  assert.deepEqual(problems, []);
});
