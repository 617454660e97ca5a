// Issue 12, "what breaks a parent's trust", points 5, 6, 9 and 10, each as a
// test that fails on the page before it and passes now: a deletion keeps the
// parent's place (one receipt, in place); problems show where they happen,
// in a parent's words; confirmations show what goes; the parent can delete
// what the filter shows, search what was said, see days, jump to a page.
//
// covers R-DEL-1 R-DEL-5 R-DEL-6 R-CON-1 R-DEL-2

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  openPage,
  goTo,
  profileView,
  rowIds,
  tableTotal,
  recordingCard,
  recordingsOf,
  confirmAndOpenReceipt,
  countsText,
  expectedCounts,
  storedHousehold,
  berlinDay,
} from './helpers.mjs';

const env = useBrowser();
const medium = (day) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

test('why 5: a deletion keeps the parent’s place: the next row has the focus at the same height, one receipt in place; paging lands on the first row', async (t) => {
  const { page, problems } = await openPage(env, t);
  const dialog = page.locator('dialog#confirm-dialog');
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  const ids = await rowIds(maya);
  const target = ids[9];
  const next = ids[10];
  const card = recordingCard(maya, target);
  await card.evaluate((node) => node.scrollIntoView({ block: 'center' }));
  const before = await page.evaluate((id) => ({ y: scrollY, top: document.querySelector(`li.recording[data-recording-id="${id}"]`).getBoundingClientRect().top }), target);
  assert.ok(before.y > 300, 'scrolled well down the page');
  await card.getByRole('button', { name: /^Delete recording/ }).click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Delete permanently' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const notice = maya.locator('.done-notice');
  await notice.waitFor();
  await page.waitForFunction((id) => !document.querySelector(`li.recording[data-recording-id="${id}"]`), target);
  const after = await page.evaluate(() => ({ y: scrollY, focused: document.activeElement?.id }));
  assert.equal(after.focused, `delete--${next.replace(/[^A-Za-z0-9]/g, (ch) => `_${ch.codePointAt(0).toString(16)}_`)}`, 'the next row’s Delete has the focus');
  assert.ok(Math.abs(after.y - before.y) < 120, `no jump to the top: from ${before.y} to ${after.y}`);
  const noticeTop = await notice.evaluate((node) => node.getBoundingClientRect().top);
  assert.ok(Math.abs(noticeTop - before.top) < 100, 'the notice stands where the row was');
  assert.equal(await notice.evaluate((node) => node.closest('li.notice-row')?.nextElementSibling?.dataset.recordingId), next, 'in front of the next row');
  assert.match(await notice.locator('.done-text').textContent(), /^Deleted 1 recording/);
  assert.equal(await page.locator('.receipt').count(), 1, 'one receipt, not a dialog and a card');
  assert.equal(await notice.locator('details.receipt-details').evaluate((d) => d.open), false, 'the full receipt one click away');
  await notice.getByText('Show the full receipt').click();
  assert.match(await notice.locator('.receipt').textContent(), /Receipt number\s*page-/);
  await notice.getByRole('button', { name: 'Dismiss this message' }).click();
  assert.equal(await page.locator('.done-notice').count(), 0);

  // "Older" at the bottom of the list: the next page's first row, at the top of the screen, has the focus.
  await maya.getByRole('button', { name: 'Older' }).click();
  await maya.locator('.history-summary', { hasText: '26–50 of' }).waitFor();
  const first = await page.evaluate(() => {
    const node = document.activeElement;
    return { id: node?.dataset.recordingId, top: node?.getBoundingClientRect().top, height: innerHeight };
  });
  assert.equal(first.id, (await rowIds(maya))[0], 'focus on the first row of the new page');
  assert.ok(first.top >= -1 && first.top < first.height / 2, `the first row is at the top of the screen (${first.top})`);
  assert.deepEqual(problems, []);
});

test('why 6: problems show where they happen, in a parent’s words, the engine’s code kept in a details line', async (t) => {
  const { page, problems } = await openPage(env, t);
  const alerts = page.locator('#alerts');

  // A "from" after a "to" in the filter: next to the "until" field, before the engine is asked.
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  await maya.locator('.filter-details summary').click();
  await maya.getByLabel('Recorded from').fill('2024-03-10');
  await maya.getByLabel('Recorded until (included)').fill('2024-03-08');
  await maya.getByRole('button', { name: 'Show', exact: true }).click();
  const filterProblem = maya.locator('.filter-form .problem');
  await filterProblem.waitFor();
  assert.equal(await filterProblem.locator('.problem-text').textContent(), 'The last day (Mar 8, 2024) is before the first day (Mar 10, 2024).');
  const until = maya.getByLabel('Recorded until (included)');
  assert.equal(await until.getAttribute('aria-invalid'), 'true');
  assert.ok((await until.getAttribute('aria-describedby')).includes(await filterProblem.getAttribute('id')), 'the field points at its problem');
  assert.equal(await page.evaluate(() => document.activeElement?.id), await until.getAttribute('id'), 'focus on the field at fault');
  assert.equal(await alerts.textContent(), '', 'nothing at the top of the page');
  assert.doesNotMatch(await filterProblem.textContent(), /\[from, to\)|invalid_input/, 'no engine words in sight');

  // Recording into a child without consent: refused next to the form that tried, code in the details.
  await goTo(page, 'add-child');
  await page.getByLabel('Child’s name').fill('Ben');
  await page.getByLabel('Signed consent form', { exact: true }).check();
  await page.getByRole('button', { name: 'Add the child and continue to verification' }).click();
  await page.locator('section.verifier').waitFor();
  await goTo(page, 'data');
  await page.getByLabel('Said by').selectOption({ label: 'Ben' });
  await page.getByLabel('What was said').fill('hello');
  await page.getByRole('button', { name: 'Record it' }).click();
  const refused = page.locator('form.simulate-form .problem');
  await refused.waitFor();
  assert.equal(await refused.locator('.problem-text').textContent(), 'That needs a parent’s verified consent first.');
  assert.equal(await refused.locator('details.problem-details').evaluate((d) => d.open), false, 'the details are one click away');
  assert.equal(await refused.locator('.error-code').textContent(), 'consent_required');
  assert.equal(await alerts.textContent(), '');

  // Deleting by voice while it is off: refused next to the voice box.
  await goTo(page, 'voice');
  await page.getByLabel('What was said').fill('delete what I just said');
  await page.getByRole('button', { name: 'Send the request…' }).click();
  const forbidden = page.locator('form.voice-form .problem');
  await forbidden.waitFor();
  assert.equal(await forbidden.locator('.problem-text').textContent(), 'Deleting by voice is off for Maya. Turn it on in the settings first.');
  assert.equal(await forbidden.locator('.error-code').textContent(), 'forbidden');
  assert.equal(await alerts.textContent(), '');
  assert.deepEqual(problems, []);
});

test('why 9: confirmations show what goes: the recordings a range, a device or a voice request takes, no zero counts, one date format', async (t) => {
  const { page, problems } = await openPage(env, t);
  const dialog = page.locator('dialog#confirm-dialog');
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  const all = await recordingsOf(page, 'maya');

  // A range of days: each recording it takes is listed (time, device, what was said).
  const fromDay = berlinDay(all[14].capturedAt);
  const toDay = berlinDay(all[4].capturedAt);
  const inRange = all.filter((r) => berlinDay(r.capturedAt) >= fromDay && berlinDay(r.capturedAt) <= toDay);
  await maya.getByLabel('First day').fill(fromDay);
  await maya.getByLabel('Last day (included)').fill(toDay);
  await maya.getByRole('button', { name: 'Review deleting these days…' }).click();
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), `Delete Maya's recordings from ${medium(fromDay)} to ${medium(toDay)}?`);
  assert.doesNotMatch(await dialog.textContent(), /\d{4}-\d{2}-\d{2}/, 'no ISO dates');
  const items = await dialog.locator('.preview-items li').allTextContents();
  assert.equal(items.length, inRange.length);
  for (const [i, recording] of inRange.entries()) {
    assert.ok(items[i].includes(recording.transcript ?? 'no transcript'), items[i]);
    assert.match(items[i], /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M · /, 'the page’s one date format');
  }
  assert.equal(await dialog.locator('.preview-counts').textContent(), countsText(expectedCounts(inRange)));
  assert.doesNotMatch(await dialog.locator('.preview-counts').textContent(), /^0 |\b0 (annotations|training copies|audio clips)/m, 'no zero counts');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A device: its recordings, listed (the first 50, the rest counted).
  const onTablet = all.filter((r) => r.deviceId === 'maya-tablet');
  await maya.getByLabel('Device', { exact: true }).selectOption('maya-tablet');
  await maya.getByRole('button', { name: /^Review deleting this device/ }).click();
  await dialog.waitFor();
  assert.equal(await dialog.locator('.preview-items li').count(), Math.min(50, onTablet.length));
  if (onTablet.length > 50) assert.match(await dialog.locator('.preview-more').textContent(), new RegExp(`and ${onTablet.length - 50} more`));
  assert.ok((await dialog.locator('.preview-items li').allTextContents()).every((text) => text.includes("Maya's tablet")));
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A voice request: the recording it takes.
  await maya.getByLabel('Let Maya delete recordings by voice').check();
  await page.locator('#status', { hasText: 'Deleting by voice is on for Maya.' }).waitFor();
  await page.evaluate(() => window.familyPrivacyTest.addRecording({ id: 'just-now', profileId: 'maya', deviceId: 'kitchen-speaker', capturedAt: Date.now() - 60_000, transcript: 'what is a comet', audio: null }));
  await goTo(page, 'voice');
  await page.getByLabel('To which device').selectOption('kitchen-speaker');
  await page.getByLabel('What was said').fill('delete what I just said');
  await page.getByRole('button', { name: 'Send the request…' }).click();
  await dialog.waitFor();
  assert.match(await dialog.locator('.preview-items').textContent(), /Kitchen speaker · “what is a comet”/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(problems, []);
});

test('why 10: delete what you see: the N a filter shows across every page (device, days, words said), listed first; search; days; a jump to any page', async (t) => {
  const { page, problems } = await openPage(env, t);
  const dialog = page.locator('dialog#confirm-dialog');
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  const all = await recordingsOf(page, 'maya');

  // Grouped by day: each group's cards are from its day.
  const groups = await maya.locator('.day-group').evaluateAll((sections) =>
    sections.map((section) => ({ day: section.dataset.day, times: [...section.querySelectorAll('.captured time')].map((t) => t.dateTime) })),
  );
  assert.ok(groups.length > 1);
  for (const group of groups) for (const at of group.times) assert.equal(berlinDay(Date.parse(at)), group.day);

  // A jump to any page.
  await maya.getByLabel('Go to page').fill('4');
  await maya.getByRole('button', { name: 'Go', exact: true }).click();
  await maya.locator('.history-summary', { hasText: '76–100 of' }).waitFor();
  assert.deepEqual(await rowIds(maya), all.slice(75, 100).map((r) => r.id));

  // Search what was said, on one device: across every page.
  const words = 'play';
  const shown = all.filter((r) => r.deviceId === 'kitchen-speaker' && r.transcript?.toLowerCase().includes(words));
  const others = all.filter((r) => !shown.includes(r));
  assert.ok(shown.length > 0);
  await maya.locator('.filter-details summary').click();
  await maya.getByLabel('Words said').fill(words);
  await maya.getByLabel('Recorded on').selectOption('kitchen-speaker');
  await maya.getByRole('button', { name: 'Show', exact: true }).click();
  await maya.locator('.history-summary', { hasText: 'on Kitchen speaker, saying “play”' }).waitFor();
  assert.equal(await tableTotal(maya), shown.length);
  assert.ok((await maya.locator('li.recording .transcript').allTextContents()).every((text) => text.toLowerCase().includes(words)));

  // "Delete the N shown": listed first, then exactly those go.
  await maya.getByRole('button', { name: `Delete the ${shown.length} shown…` }).click();
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), `Delete the ${shown.length} recording${shown.length === 1 ? '' : 's'} shown?`);
  assert.equal(await dialog.locator('.preview-items li').count(), Math.min(50, shown.length));
  assert.equal(await dialog.locator('.preview-counts').textContent(), countsText(expectedCounts(shown)));
  const { text } = await confirmAndOpenReceipt(page);
  assert.match(text, /What was asked\s*the \d+ recordings? shown \(on Kitchen speaker, saying “play”\)/);
  const stored = await storedHousehold(page, shown.map((r) => r.id));
  assert.ok(stored.mayUseForPlayback.every((allowed) => allowed === false));
  assert.deepEqual((await recordingsOf(page, 'maya')).map((r) => r.id), others.map((r) => r.id), 'nothing else went');
  assert.deepEqual(problems, []);
});
