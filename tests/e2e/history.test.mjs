// A profile's voice history: date, time, device and transcript; filters by
// date range and device; paging; playback of the stored audio clip through a
// blob: URL; the retention choice with the child maximum explained.
//
// covers R-RET-1 R-RET-4 R-RET-5 R-DEL-1

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, goTo, profileView, rowIds, tableTotal, screenshot, storedHousehold, berlinDay, confirmAndReadReceipt, recordingsOf } from './helpers.mjs';

const env = useBrowser();

async function rows(view) {
  return view.locator('.recordings li.recording').evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.dataset.recordingId,
      at: Date.parse(tr.querySelector('.captured time').dateTime),
      device: tr.querySelector('.device').textContent,
      transcript: tr.querySelector('.transcript').textContent,
      hasAudio: tr.querySelector('button.play') !== null,
    })),
  );
}

test('voice history: newest first with date, device and transcript; paging; filters by date range and by device', async (t) => {
  const { page, problems } = await openPage(env, t);
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  const total = await tableTotal(maya);
  assert.match(await maya.locator('.history-summary').textContent(), new RegExp(`1–25 of ${total} recordings, newest first`));
  const first = await rows(maya);
  assert.equal(first.length, 25);
  assert.deepEqual(first.map((r) => r.at), first.map((r) => r.at).sort((a, b) => b - a), 'newest first');
  for (const row of first) {
    assert.ok(["Kitchen speaker", "Maya's tablet", 'Living room display'].includes(row.device), row.device);
    assert.ok(row.transcript.length > 0);
  }
  // Grouped by day: the day in the group's heading, the time in the card.
  assert.match(await maya.locator('.day-group .day-heading').first().textContent(), /^((Today|Yesterday), )?[A-Z][a-z]{2} \d{1,2}, \d{4}$/, 'the day');
  assert.match(await maya.locator('li.recording .captured').first().textContent(), /^\d{1,2}:\d{2} [AP]M$/, 'the time');
  await screenshot(page, 'profile-maya');

  // Paging: older, then the oldest page, then back to the newest.
  await maya.getByRole('button', { name: 'Older' }).click();
  await maya.locator('.history-summary', { hasText: '26–50 of' }).waitFor();
  const second = await rows(maya);
  assert.ok(second[0].at <= first.at(-1).at, 'the next page is older');
  await maya.getByRole('button', { name: 'Oldest' }).click();
  const lastStart = Math.floor((total - 1) / 25) * 25 + 1;
  await maya.locator('.history-summary', { hasText: `${lastStart}–${total} of` }).waitFor();
  assert.match(await maya.locator('.pager .page-of').textContent(), new RegExp(`Page ${Math.ceil(total / 25)} of ${Math.ceil(total / 25)}`));
  assert.equal(await maya.getByRole('button', { name: 'Older' }).isDisabled(), true);
  await maya.getByRole('button', { name: 'Newest' }).click();
  await maya.locator('.history-summary', { hasText: '1–25 of' }).waitFor();

  // Filter by a date range (local days, the last one included) taken from the page's rows.
  const all = await recordingsOf(page, 'maya');
  const fromDay = berlinDay(all[40].capturedAt);
  const toDay = berlinDay(all[20].capturedAt);
  const expected = all.filter((r) => berlinDay(r.capturedAt) >= fromDay && berlinDay(r.capturedAt) <= toDay);
  await maya.locator('.filter-details summary').click(); // closed until wanted
  await maya.getByLabel('Recorded from').fill(fromDay);
  await maya.getByLabel('Recorded until (included)').fill(toDay);
  await maya.getByRole('button', { name: 'Show', exact: true }).click();
  const words = (day) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  await maya.locator('.history-summary', { hasText: `from ${words(fromDay)}, until ${words(toDay)}` }).waitFor();
  assert.equal(await tableTotal(maya), expected.length);
  assert.deepEqual(await rowIds(maya), expected.slice(0, 25).map((r) => r.id));
  assert.match(await page.locator('#status').textContent(), new RegExp(`Maya: ${expected.length} recordings shown`));

  // And by device, on top of the dates.
  await maya.getByLabel('Recorded on').selectOption('kitchen-speaker');
  await maya.getByRole('button', { name: 'Show', exact: true }).click();
  await maya.locator('.history-summary', { hasText: 'on Kitchen speaker' }).waitFor();
  const kitchen = expected.filter((r) => r.deviceId === 'kitchen-speaker');
  assert.equal(await tableTotal(maya), kitchen.length);
  assert.ok((await rows(maya)).every((r) => r.device === 'Kitchen speaker'));

  // Device only.
  await maya.getByLabel('Recorded from').fill('');
  await maya.getByLabel('Recorded until (included)').fill('');
  await maya.getByRole('button', { name: 'Show', exact: true }).click();
  await maya.locator('.history-summary', { hasText: /of \d+ recordings \(on Kitchen speaker\)/ }).waitFor();
  assert.equal(await tableTotal(maya), all.filter((r) => r.deviceId === 'kitchen-speaker').length);

  // "Show all" clears the filter.
  await maya.getByRole('button', { name: 'Show all' }).click();
  await maya.locator('.history-summary', { hasText: `1–25 of ${total} recordings, newest first` }).waitFor();
  assert.equal(await maya.getByLabel('Recorded on').inputValue(), '');

  // A reversed range is refused next to the "until" field, in plain words, and the list stays.
  await maya.getByLabel('Recorded from').fill(toDay);
  await maya.getByLabel('Recorded until (included)').fill(fromDay);
  await maya.getByRole('button', { name: 'Show', exact: true }).click();
  await maya.locator('.filter-form .problem .problem-text', { hasText: 'is before the first day' }).waitFor();
  assert.equal(await maya.getByLabel('Recorded until (included)').getAttribute('aria-invalid'), 'true');
  assert.equal(await tableTotal(maya), total);
  assert.deepEqual(problems, []);
});

test('playback: a recording with audio plays its stored clip through a blob: URL; one without audio has no player', async (t) => {
  const { page, problems, cspViolations } = await openPage(env, t);
  await goTo(page, 'profile:leo');
  const leo = profileView(page, 'leo');
  let withAudio = (await rows(leo)).find((r) => r.hasAudio);
  for (let i = 0; !withAudio && i < 6; i += 1) {
    await leo.getByRole('button', { name: 'Older' }).click();
    await page.waitForFunction((n) => document.querySelector('.history .recordings')?.dataset.offset === String(n), (i + 1) * 25);
    withAudio = (await rows(leo)).find((r) => r.hasAudio);
  }
  assert.ok(withAudio, 'Leo has a recording with audio');
  const withoutAudio = (await rows(leo)).find((r) => !r.hasAudio);
  if (withoutAudio) {
    assert.equal(await leo.locator(`li.recording[data-recording-id="${withoutAudio.id}"] .rec-audio`).textContent(), 'no audio');
  }
  const recording = (await recordingsOf(page, 'leo')).find((r) => r.id === withAudio.id);
  await leo.locator(`li.recording[data-recording-id="${withAudio.id}"]`).getByRole('button', { name: /^Play recording from/ }).click();
  const audio = page.locator('#player-audio');
  await page.waitForFunction(() => {
    const node = document.getElementById('player-audio');
    return node && node.src.startsWith('blob:') && node.readyState >= 1;
  });
  const state = await audio.evaluate((node) => ({ src: node.src, duration: node.duration, recordingId: node.dataset.recordingId }));
  assert.match(state.src, /^blob:http:\/\/127\.0\.0\.1:\d+\//);
  assert.equal(state.recordingId, withAudio.id);
  assert.ok(Math.abs(state.duration * 1000 - recording.audio.durationMs) < 20, `clip ${state.duration}s for ${recording.audio.durationMs}ms`);
  await page.waitForFunction(() => {
    const node = document.getElementById('player-audio');
    return node.currentTime > 0 || node.ended;
  });
  assert.match(await page.locator('#player-caption').textContent(), /^(Playing|Ready to play).*Leo/);
  await screenshot(page, 'profile-leo-playing');
  assert.deepEqual(await cspViolations(), []);
  assert.deepEqual(problems, []);
});

test('retention: each choice previewed (with the child maximum explained), saved (a shorter one deletes what it makes due at once, after confirming), kept after a reload', async (t) => {
  const { page, problems, reload } = await openPage(env, t);
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  const select = maya.getByLabel('Retention setting');
  assert.deepEqual(
    await select.locator('option').allTextContents(),
    ["Don't save recordings", 'Keep for 3 months', 'Keep for 18 months', 'Keep until deleted (at most 18 months for a child)'],
  );
  assert.match(await maya.locator('.policy-explained').textContent(), /never kept indefinitely.*at most 18 months/);

  // "Until deleted" for a child: capped by the written policy (R-RET-4), nothing more due.
  await select.selectOption('until_deleted');
  const hint = maya.locator('.retention-hint');
  await hint.filter({ hasText: 'Not saved yet' }).waitFor();
  assert.match(await hint.textContent(), /at most 18 months: the household’s written policy sets that maximum/);
  assert.match(await hint.textContent(), /Saving deletes nothing now/);
  assert.match(await maya.locator('.effective-value').textContent(), /^kept for 18 months$/, 'not applied until saved');
  await maya.getByRole('button', { name: 'Save setting' }).click();
  await maya.locator('.effective-value', { hasText: 'shortened by the household' }).waitFor();

  // "Don't save" counts everything as due.
  const total = await tableTotal(maya);
  await select.selectOption('dont_save');
  await hint.filter({ hasText: `Saving deletes ${total} recordings` }).waitFor();
  // Choosing the saved value again clears the preview.
  await select.selectOption('until_deleted');
  await hint.filter({ hasText: /^$/ }).waitFor();

  // An adult chooses for themself; "until deleted" is not capped.
  await goTo(page, 'profile:sam');
  const sam = profileView(page, 'sam');
  const samTotal = await tableTotal(sam);
  await sam.getByLabel('Retention setting').selectOption('18_months');
  await sam.locator('.retention-hint', { hasText: 'Not saved yet' }).waitFor();
  const samDue = Number(/Saving deletes (\d+) recordings/.exec(await sam.locator('.retention-hint').textContent())[1]);
  assert.ok(samDue > 0, 'Sam has recordings older than 18 months');
  await sam.getByRole('button', { name: 'Save setting' }).click();
  const dialog = page.locator('dialog#confirm-dialog');
  await dialog.waitFor();
  assert.match(await dialog.locator('.preview-counts').textContent(), new RegExp(`^${samDue} recordings`));
  const receipt = await confirmAndReadReceipt(page, { confirm: `Save and delete ${samDue} recordings` });
  assert.match(receipt, /Requested by\s*Sam/);
  assert.match(receipt, new RegExp(`${samDue} recordings`));
  await sam.locator('.effective-value', { hasText: 'kept for 18 months' }).waitFor();
  assert.equal(await tableTotal(sam), samTotal - samDue, 'gone at once, not at the next sweep');

  // After a reload, nothing more is due.
  await reload();
  assert.doesNotMatch(await page.locator('#status').textContent(), /scheduled deletion removed/);
  assert.equal(await tableTotal(sam), samTotal - samDue);
  assert.equal(await sam.getByLabel('Retention setting').inputValue(), '18_months');
  await goTo(page, 'profile:maya');
  assert.equal(await maya.getByLabel('Retention setting').inputValue(), 'until_deleted');
  const stored = await storedHousehold(page);
  assert.equal(stored.profiles.maya.retention, 'until_deleted');
  assert.deepEqual(
    { months: stored.profiles.maya.effective.months, capped: stored.profiles.maya.effective.cappedByPolicy },
    { months: 18, capped: true },
  );
  assert.equal(stored.profiles.sam.retention, '18_months');
  assert.deepEqual(stored.journal.map((e) => e.method), ['setRetention', 'setRetention']);
  assert.equal(stored.matchesPage, true);
  assert.deepEqual(problems, []);
});
