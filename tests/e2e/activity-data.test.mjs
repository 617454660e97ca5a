// The activity log (newest first, paged, verified) and export/import: the
// household or one child's data downloaded as JSON, imported back, a bad
// file refused with the engine's errors and nothing changed, a tampered one
// refused on import (R-INT-3).
//
// covers R-DEL-5 R-CON-4 R-RET-1

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, goTo, profileView, tableTotal, confirmAndReadReceipt, readDatabase, storedHousehold, screenshot, downloadedFiles, recordingsOf, engineRead, stateOf, downloadOf, importText } from './helpers.mjs';

const env = useBrowser();


test('activity log: newest first, paged, and "verify" says the chain is intact', async (t) => {
  const { page, problems } = await openPage(env, t);
  const base = (await engineRead(page, 'auditLog', { offset: 0, limit: 1 })).total;
  await goTo(page, 'profile:sam');
  const sam = profileView(page, 'sam');
  // 44 audited changes (deleting by voice on, off, ...) and one retention change.
  const toggle = sam.getByLabel('Let Sam delete recordings by voice');
  for (let i = 0; i < 44; i += 1) {
    const status = `Deleting by voice is ${i % 2 === 0 ? 'on' : 'off'} for Sam.`;
    await toggle.click();
    await page.locator('#status', { hasText: status }).waitFor();
  }
  await sam.getByLabel('Retention setting').selectOption('3_months');
  await sam.getByRole('button', { name: 'Save setting' }).click();
  await confirmAndReadReceipt(page, { confirm: /^Save and delete/ });
  await sam.locator('.effective-value', { hasText: 'kept for 3 months' }).waitFor();
  const total = base + 46; // the setting, and the deletion it made

  await goTo(page, 'activity');
  const list = page.locator('#audit-list');
  assert.equal(await list.getAttribute('data-total'), String(total));
  assert.equal(await page.locator('#audit-caption').textContent(), `Newest first: 1–50 of ${total} entries`);
  const entries = (locator) => locator.locator('li.audit-entry').evaluateAll((items) => items.map((li) => ({ seq: Number(li.dataset.seq), text: li.querySelector('.audit-sentence').textContent })));
  const first = await entries(list);
  assert.equal(first.length, 50);
  assert.deepEqual(first.map((e) => e.seq), Array.from({ length: 50 }, (_, i) => total - i), 'newest first');
  assert.match(first[0].text, /^Sam deleted \d+ recordings, with .* of Sam's, by a shorter retention setting \(receipt retention-/);
  assert.equal(first[1].text, "Sam changed Sam's retention from until deleted to 3 months.");
  assert.equal(first[2].text, 'Sam turned deleting by voice off for Sam.');
  assert.equal(first[3].text, 'Sam turned deleting by voice on for Sam.');
  await page.getByRole('button', { name: 'Older' }).click();
  await page.locator('#audit-caption', { hasText: `51–${total} of ${total}` }).waitFor();
  const older = await entries(list);
  assert.equal(older.length, total - 50);
  assert.deepEqual(older.at(-1), { seq: 1, text: 'The service operator set up the household.' });
  assert.deepEqual(older.slice(-3, -1).map((e) => e.text), ['The service operator added Jordan Rivera as a parent (verified).', 'The service operator added Alex Rivera as a parent (verified).']);
  await page.getByRole('button', { name: 'Newest' }).click();
  await page.locator('#audit-caption', { hasText: `1–50 of ${total}` }).waitFor();

  await page.getByRole('button', { name: 'Verify the activity log' }).click();
  const result = page.locator('#verify-result');
  await result.filter({ hasText: 'intact' }).waitFor();
  assert.equal(await result.getAttribute('data-intact'), 'true');
  assert.equal(
    await result.textContent(),
    `The activity log is intact: all ${total} entries are unchanged and each follows from the one before.`,
  );
  await screenshot(page, 'activity');

  // More than 20 commands: the journal was folded into a new snapshot, and nothing was lost.
  const deadline = Date.now() + 10_000;
  while ((await readDatabase(page)).snapshotRevision === 1 && Date.now() < deadline) await page.waitForTimeout(100);
  const stored = await storedHousehold(page);
  assert.equal(stored.matchesPage, true);
  assert.equal(stored.auditTotal, total);
  assert.equal(stored.snapshotRevision, stored.head, 'the journal was folded into a new snapshot');
  assert.deepEqual(stored.journal, []);
  assert.deepEqual(problems, []);
});

// covers R-CON-4 R-DEL-4 (what to build 12 of issue 12: an export a parent can read; restore without resurrection)
test('export: a child’s data as a zip a parent can open (summary, data, audio clips); the household as JSON, imported back keeping what was deleted since; a tampered file is refused', async (t) => {
  const { page, problems } = await openPage(env, t);

  // The household file is the engine's state, byte for byte.
  await goTo(page, 'data');
  const household = await downloadOf(page, () => page.getByRole('button', { name: 'Download the household' }).click());
  assert.match(household.name, /^the-rivera-household-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(household.text, await stateOf(page));
  assert.ok(Number.isInteger(JSON.parse(household.text).schemaVersion), 'a versioned state');
  assert.match(await page.locator('#status').textContent(), /The household was downloaded as the-rivera-household-/);

  // Maya's data from her own view: a summary to read, the data, and every audio clip kept here.
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  const mayaTotal = await tableTotal(maya);
  const mayaRecordings = await recordingsOf(page, 'maya');
  const mayaFile = await downloadedFiles(page, () => maya.getByRole('button', { name: "Download Maya's data" }).click());
  assert.match(mayaFile.name, /^the-rivera-household-maya-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const mayaData = JSON.parse(mayaFile.files['data.json']);
  assert.equal(mayaData.profile.id, 'maya');
  assert.equal(mayaData.recordings.length, mayaTotal);
  const summary = mayaFile.files['summary.txt'];
  assert.match(summary, /^What The Rivera household keeps about Maya, on /);
  assert.match(summary, /In effect: kept for 18 months\./);
  assert.match(summary, new RegExp(`Kept now: ${mayaTotal} recordings`));
  assert.match(summary, /Goes in [A-Z][a-z]+ \d{4}: \d+ recording/);
  const clips = Object.keys(mayaFile.files).filter((name) => name.startsWith('audio/'));
  assert.equal(clips.length, mayaRecordings.filter((r) => r.audio).length, 'every clip kept in this browser');
  assert.ok(clips.every((name) => String.fromCharCode(...mayaFile.files[name].slice(0, 4)) === 'RIFF'), 'WAV files');
  await goTo(page, 'data');
  await page.getByLabel('One person’s data').selectOption('leo');
  const leoFile = await downloadedFiles(page, () => page.getByRole('button', { name: 'Download their data' }).click());
  assert.equal(JSON.parse(leoFile.files['data.json']).profile.id, 'leo');
  await screenshot(page, 'data');

  // The printable page says the same, grouped by when each piece goes.
  await goTo(page, 'profile:maya');
  await maya.getByRole('link', { name: 'What we keep, and when it goes (printable)' }).click();
  await page.locator('section.view.summary').waitFor();
  assert.equal(await page.locator('#view-heading').textContent(), 'What we keep about Maya right now, and when each piece goes');
  assert.equal(await page.locator('.summary-list li').count(), mayaTotal);
  assert.match(await page.locator('.summary-group h3').first().textContent(), /^Goes in [A-Z][a-z]+ \d{4}: \d+ recording/);
  await page.getByRole('button', { name: 'Print' }).waitFor();

  // After the export, a deletion; then importing the file keeps it deleted (restore without resurrection).
  await goTo(page, 'profile:maya');
  const withAudio = (await engineRead(page, 'listRecordings', { profileId: 'maya', limit: 25 })).recordings.find((r) => r.audio);
  await maya.locator(`li.recording[data-recording-id="${withAudio.id}"]`).getByRole('button', { name: /^Delete recording/ }).click();
  await confirmAndReadReceipt(page);
  assert.equal(await tableTotal(maya), mayaTotal - 1);

  await importText(page, household.name, household.text);
  const dialog = page.locator('dialog#confirm-dialog');
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), 'Replace the household in this browser?');
  const said = await dialog.textContent();
  assert.match(said, /holds The Rivera household/);
  assert.match(said, /3 profiles: Maya, Leo, Sam/);
  assert.equal(
    await dialog.locator('#import-stays-deleted').textContent(),
    'It is an earlier copy of this household: it is restored, and the activity log keeps every entry since, with the restore. 1 recording in the file was deleted here since: it stays deleted. An import never brings a deletion back.',
  );
  assert.match(await dialog.locator('#import-log-check').textContent(), /Its activity log verifies/);
  await screenshot(page, 'dialog-import', { fullPage: false });
  await dialog.getByRole('button', { name: 'Replace the household' }).click();
  await page.locator('#status', { hasText: `imported from ${household.name}` }).waitFor();
  assert.match(await page.locator('#import-result').textContent(), /Imported The Rivera household: \d+ recordings, 1 recording kept deleted\./);
  const db = await readDatabase(page);
  assert.deepEqual(db.journal, [], 'an import is a new snapshot');
  assert.equal(db.snapshotRevision, db.head);
  const stored = await storedHousehold(page, [withAudio.id]);
  assert.equal(stored.matchesPage, true);
  assert.ok(!stored.recordingIds.includes(withAudio.id), 'still deleted');
  assert.deepEqual(stored.mayUseForPlayback, [false]);
  assert.deepEqual(stored.storedAudio.filter((clip) => clip.recordingId === withAudio.id), [], 'and its clip is not back');
  await goTo(page, 'profile:maya');
  assert.equal(await tableTotal(maya), mayaTotal - 1);
  assert.equal(await maya.locator(`li.recording[data-recording-id="${withAudio.id}"]`).count(), 0);

  // A tampered file is refused (R-INT-3: the log vouches for the state, checked on import) and nothing changes.
  const before = await stateOf(page);
  const tampered = JSON.parse(household.text);
  tampered.auditLog[3].details.name = 'Someone else';
  await importText(page, 'tampered.json', JSON.stringify(tampered));
  const refused = page.locator('#import-result');
  await refused.locator('.error-code', { hasText: 'audit_invalid' }).waitFor({ state: 'attached' });
  assert.match(await refused.locator('.problem-text').textContent(), /activity log does not vouch for what it holds/);
  assert.match(await refused.locator('.error-details').textContent(), /auditLog\[3\]/);
  assert.equal(await page.locator('dialog#confirm-dialog').isVisible(), false, 'nothing to confirm');
  assert.equal(await stateOf(page), before);
  await goTo(page, 'activity');
  await page.getByRole('button', { name: 'Verify the activity log' }).click();
  await page.locator('#verify-result[data-intact="true"]').waitFor();
  assert.deepEqual(problems, []);
});

test('a bad file is refused with the engine’s errors, and nothing changes', async (t) => {
  const { page, problems } = await openPage(env, t);
  const before = await readDatabase(page);
  const shown = await stateOf(page);
  const good = JSON.parse(before.household);
  const cases = [
    ['not-json.json', 'this is not JSON {', 'invalid_input', /not valid JSON/],
    ['empty-object.json', '{"schemaVersion":1}', 'invalid_input', /state\.household/],
    ['newer.json', JSON.stringify({ ...good, schemaVersion: 99 }), 'unsupported_version', /.+/],
    ['bad-recording.json', JSON.stringify({ ...good, recordings: [{ ...good.recordings[0], capturedAt: 'yesterday' }] }), 'invalid_input', /recordings/],
  ];
  for (const [name, text, code, detail] of cases) {
    await importText(page, name, text);
    const result = page.locator('#import-result');
    // Two cases in a row can share a code: wait for this file's own details,
    // not the previous file's answer still on screen.
    await result.locator('.error-details', { hasText: detail }).waitFor({ state: 'attached' });
    await result.locator('.error-code', { hasText: code }).waitFor({ state: 'attached' });
    assert.match(await result.locator('.problem-title').textContent(), /This file was not imported\. Nothing was changed\./);
    assert.ok((await result.locator('.problem-text').textContent()).length > 10, 'in plain words');
    assert.match(await result.locator('.error-details').textContent(), detail, name);
    assert.equal(await page.locator('dialog#confirm-dialog').isVisible(), false, `${name}: nothing to confirm`);
  }
  await screenshot(page, 'data-import-refused');
  const after = await readDatabase(page);
  assert.deepEqual(
    { head: after.head, household: after.household, journal: after.journal, audio: after.audio },
    { head: before.head, household: before.household, journal: before.journal, audio: before.audio },
  );
  assert.equal(await stateOf(page), shown);

  // No file chosen.
  await page.getByLabel('Household file (JSON, as exported above)').setInputFiles([]);
  await page.getByRole('button', { name: 'Review the import…' }).click();
  await page.locator('#import-result', { hasText: 'Choose a household file first.' }).waitFor();

  // Cancelling a good import changes nothing either.
  await importText(page, 'same.json', before.household);
  const dialog = page.locator('dialog#confirm-dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal((await readDatabase(page)).head, before.head);
  assert.deepEqual(problems, []);
});
