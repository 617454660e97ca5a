// The child-profile lifecycle through the page: rename, remove (the engine's
// count first, then the receipt; recordings and audio clips gone from
// IndexedDB in the same transaction); the profile sweep run when the page
// opens: an inactive profile's notice with its removal date and "Keep this
// profile", a child who turned 13 flagged for review ("Keep as a child
// profile" / "Make it a teen profile": the engine now has teens, and a
// 13-year-old is one, not an adult); and the children's privacy notice,
// rendered from the engine's structured data as text.
//
// covers R-PRO-1 R-PRO-2 R-PRO-3 R-RET-7 R-CON-3 R-CON-4 R-DEL-3 R-DEL-5 R-AGE-1

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  openPage,
  goTo,
  profileView,
  storedHousehold,
  readDatabase,
  axeAudit,
  screenshot,
  recordingsOf,
  confirmAndOpenReceipt, engineRead, overviewOf, laterCopy
} from './helpers.mjs';

const env = useBrowser();
const DAY = 24 * 3600 * 1000;

const overview = (page) => overviewOf(page);
const profileOf = async (page, id) => (await overview(page)).profiles.find((p) => p.id === id);

/**
 * The demo household with notices (set up 19 months ago: Theo unused since;
 * Maya turned 13), through the demo tools. Resolves to what the status line
 * said then (a new view starts with it cleared).
 */
async function loadNoticesDemo(page) {
  await goTo(page, 'data');
  await page.getByRole('button', { name: 'Load the demo household with notices to review…' }).click();
  await page.locator('dialog#confirm-dialog').getByRole('button', { name: 'Load it' }).click();
  await page.locator('#status', { hasText: 'Maya turned 13' }).waitFor();
  const status = await page.locator('#status').textContent();
  await goTo(page, 'household');
  await page.locator('#notices').waitFor();
  return status;
}

test('rename a child, then remove the profile: the count first, the receipt after, recordings and audio gone from IndexedDB', async (t) => {
  const { page, problems, reload } = await openPage(env, t);
  const dialog = page.locator('dialog#confirm-dialog');
  await goTo(page, 'profile:leo');
  const leo = profileView(page, 'leo');
  await leo.getByLabel('Name', { exact: true }).fill('Leonardo');
  await leo.getByRole('button', { name: 'Save name' }).click();
  await page.locator('#status', { hasText: 'Leo is now called Leonardo.' }).waitFor();
  assert.equal(await page.locator('#view-heading').textContent(), 'Leonardo');
  assert.equal(await page.locator('#nav a[data-nav="profile:leo"]').textContent(), 'Leonardo');

  const recordings = await recordingsOf(page, 'leo');
  const ids = recordings.map((r) => r.id);
  const before = await storedHousehold(page);
  assert.ok(before.storedAudio.some((clip) => ids.includes(clip.recordingId)), 'some have audio clips');
  await leo.getByRole('button', { name: 'Remove Leonardo…' }).click();
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), "Remove Leonardo's profile?");
  const counts = await dialog.locator('.preview-counts li').allTextContents();
  assert.equal(counts[0], `${recordings.length} recordings`, "the engine's count");
  assert.equal(counts[1], `${recordings.filter((r) => r.audio).length} audio clips`);
  await screenshot(page, 'dialog-remove-profile', { fullPage: false });
  const { text: receipt, notice } = await confirmAndOpenReceipt(page, { confirm: 'Remove Leonardo permanently' });
  assert.match(receipt, /For\s*Leonardo/, 'the receipt still names the removed profile');
  assert.match(receipt, /What was asked\s*everything, with the profile/);
  assert.ok(receipt.includes(`${recordings.length} recordings`));
  assert.equal(await notice.evaluate((node) => node.closest('section.view.household') !== null), true, 'the receipt stays on the household view');

  // Back on the household, which no longer has Leonardo.
  assert.equal(await page.locator('#view-heading').textContent(), 'The Rivera household');
  assert.equal(new URL(page.url()).hash, '#/household');
  assert.equal(await page.locator('#nav a[data-nav="profile:leo"]').count(), 0);
  assert.equal(await page.locator('#profiles-table tr[data-profile-id="leo"]').count(), 0);
  assert.match(await page.locator('#status').textContent(), new RegExp(`Leonardo's profile was removed with ${recordings.length} recordings\\. Receipt remove-`));

  const stored = await storedHousehold(page, ids);
  assert.equal(stored.matchesPage, true);
  assert.equal(stored.profiles.leo, undefined);
  assert.deepEqual(stored.recordingIds.filter((id) => ids.includes(id)), []);
  assert.deepEqual(stored.tombstoned.filter((id) => ids.includes(id)).sort(), ids.slice().sort());
  assert.ok(stored.mayUseForTraining.every((allowed) => allowed === false));
  assert.deepEqual(stored.storedAudio.filter((clip) => ids.includes(clip.recordingId)), [], 'audio clips deleted in the same transaction');
  assert.deepEqual(stored.storedAudio.map((clip) => clip.ref).sort(), stored.audioRefs.slice().sort());
  assert.deepEqual(stored.journal.map((e) => e.method), ['renameProfile', 'removeProfile']);

  await reload();
  assert.equal(await page.locator('#nav a[data-nav="profile:leo"]').count(), 0);
  assert.deepEqual(problems, []);
});

test('inactive 18 months: the notice on opening, with its removal date, and "Keep this profile"; the 13th birthday: keep as a child', async (t) => {
  const { page, problems, reload } = await openPage(env, t);
  const status = await loadNoticesDemo(page);
  assert.match(status, /Theo has not been used for 18 months and will be deleted unless you keep it\. Maya turned 13: please review the profile\./);

  // The sweep ran as the system and was stored.
  const db = await readDatabase(page);
  assert.deepEqual(db.journal.map((e) => [e.method, e.input.actor]), [['sweepProfiles', 'system']]);

  // Theo: notified, with the removal date 90 days after the notice.
  const theo = await profileOf(page, 'theo');
  assert.equal(typeof theo.inactiveNotifiedAt, 'number');
  assert.equal(theo.removalDueAt, theo.inactiveNotifiedAt + 90 * DAY);
  const inactive = page.locator('#notices li[data-notice="inactive"][data-profile-id="theo"]');
  assert.match(await inactive.textContent(), /^Theo has not been used since .+\.\s*Unless you keep it, Theo's profile and all its data \(0 recordings\) will be deleted on .+\./);
  assert.equal(await inactive.locator('.removal-date time').getAttribute('datetime'), new Date(theo.removalDueAt).toISOString());
  // Maya: flagged at 13, still a child.
  const maya = await profileOf(page, 'maya');
  assert.deepEqual([maya.kind, typeof maya.ageReviewFlaggedAt], ['child', 'number']);
  const review = page.locator('#notices li[data-notice="age-review"][data-profile-id="maya"]');
  assert.match(await review.textContent(), /Maya has turned 13\./);
  await screenshot(page, 'household-notices');

  // The same notice on Theo's own view; keep it from there.
  await goTo(page, 'profile:theo');
  const theoView = profileView(page, 'theo');
  await theoView.locator('#notices li[data-notice="inactive"]').waitFor();
  await theoView.getByRole('button', { name: 'Keep this profile' }).click();
  await page.locator('#status', { hasText: "Theo's profile is kept: it is no longer due for deletion." }).waitFor();
  assert.equal(await page.locator('#notices').count(), 0);
  const kept = await profileOf(page, 'theo');
  assert.deepEqual([kept.inactiveNotifiedAt, kept.removalDueAt, typeof kept.keptAt], [null, null, 'number']);

  // Maya stays a child profile.
  await goTo(page, 'household');
  await review.getByRole('button', { name: 'Keep as a child profile' }).click();
  await page.locator('#status', { hasText: 'Maya stays a child profile' }).waitFor();
  const child = await profileOf(page, 'maya');
  assert.deepEqual([child.kind, child.ageReviewFlaggedAt, child.consent.state], ['child', null, 'verified']);
  assert.equal(await page.locator('#notices').count(), 0);

  const stored = await storedHousehold(page);
  assert.equal(stored.matchesPage, true);
  assert.deepEqual(stored.journal.map((e) => e.method), ['sweepProfiles', 'keepProfile', 'resolveAgeReview']);

  // Opening again: Theo is not notified again (kept just now).
  await reload();
  assert.equal(await page.locator('#notices li[data-notice="inactive"]').count(), 0);
  assert.deepEqual(problems, []);
});

test('the 13th birthday: "Make it a teen profile" asks first, then the parent still manages it, without consent', async (t) => {
  const { page, problems } = await openPage(env, t);
  await loadNoticesDemo(page);
  const dialog = page.locator('dialog#confirm-dialog');
  const review = page.locator('#notices li[data-notice="age-review"][data-profile-id="maya"]');
  assert.match(await review.textContent(), /13 is the age of digital consent where you live/);
  await review.getByRole('button', { name: 'Make it a teen profile…' }).click();
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), "Make Maya's profile a teen profile?");
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal((await profileOf(page, 'maya')).kind, 'child', 'never converted without the parent’s decision');

  await review.getByRole('button', { name: 'Make it a teen profile…' }).click();
  await dialog.getByRole('button', { name: 'Make it a teen profile' }).click();
  await page.locator('#status', { hasText: 'Maya now has a teen profile, which you manage.' }).waitFor();
  const teen = await profileOf(page, 'maya');
  assert.deepEqual([teen.kind, teen.consent, teen.ageReviewFlaggedAt, teen.enabled], ['teen', null, null, true]);
  assert.equal(await page.locator('#profiles-table tr[data-profile-id="maya"] td.consent-cell').textContent(), 'not needed (teen)');
  assert.match(await page.locator('#profiles-table tr[data-profile-id="maya"] td').first().textContent(), /^Teen, 13 years old$/);
  // Theo's notice is still there.
  assert.equal(await page.locator('#notices li[data-notice="inactive"][data-profile-id="theo"]').count(), 1);
  // Maya's view: no consent panel; what applies to a teen; the parent still changes the settings.
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  assert.equal(await maya.locator('section.consent').count(), 0);
  const applies = maya.locator('section.teen-applies');
  assert.equal(await applies.locator('h3').textContent(), 'What applies to Maya, a teen');
  assert.match(await applies.textContent(), /No parental consent is needed for Maya’s recordings at this age\. Here the age of digital consent is 13/);
  assert.match(await applies.textContent(), /kept at most 18 months/);
  assert.match(await applies.textContent(), /Ads: no ads based on their interests, whatever they agree to \(Maya is 13\)/);
  await maya.getByRole('button', { name: 'Save setting' }).click();
  await page.locator('#status', { hasText: 'Maya: keep for 18 months' }).waitFor();
  const stored = await storedHousehold(page);
  assert.equal(stored.matchesPage, true);
  const db = await readDatabase(page);
  assert.deepEqual(db.journal.map((e) => [e.method, e.input.actor]), [['sweepProfiles', 'system'], ['resolveAgeReview', 'guardian-alex'], ['setRetention', 'guardian-alex']]);
  await screenshot(page, 'profile-teen');
  assert.deepEqual(problems, []);
});

test(
  'keeping a child profile after the age review is not asked again the next time the page opens',
  async (t) => {
    const { page, reload } = await openPage(env, t);
    await loadNoticesDemo(page);
    await page.locator('#notices li[data-notice="age-review"]').getByRole('button', { name: 'Keep as a child profile' }).click();
    await page.locator('#status', { hasText: 'Maya stays a child profile' }).waitFor();
    await reload();
    assert.equal((await profileOf(page, 'maya')).ageReviewFlaggedAt, null);
  },
);

test('the privacy notice page: the engine’s structured disclosure, as text (never its HTML string), hostile text included', async (t) => {
  const { page, problems, cspViolations } = await openPage(env, t);
  await goTo(page, 'disclosure');
  assert.equal(await page.locator('#view-heading').textContent(), 'Children’s privacy notice');
  assert.equal(await page.title(), 'Children’s privacy notice — Family privacy settings');
  const { disclosure } = await engineRead(page, 'privacyDisclosure');
  const view = page.locator('section.view.disclosure');
  assert.equal(await view.getAttribute('data-notice-version'), String(disclosure.noticeVersion));
  assert.deepEqual(await view.locator('ul.collects li').allTextContents(), disclosure.collects);
  const rows = await view.locator('table.retention-table tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent)));
  assert.deepEqual(
    rows.map((cells) => cells.slice(1)),
    disclosure.retention.map((r) => [r.purpose, r.businessNeed, `${r.childMaxMonths} months`, r.deletionTimeframe]),
  );
  assert.ok((await view.locator('.inactive-profiles').textContent()).startsWith(disclosure.inactiveProfiles.text));
  assert.equal(await view.locator('.no-third-parties').textContent(), 'No third party receives a child’s personal information.');
  assert.equal(await view.locator('.disclosure-consent-text').textContent(), disclosure.disclosureConsent);
  const methods = await view.locator('ul.consent-methods li').evaluateAll((lis) => lis.map((li) => [li.dataset.method, li.dataset.backsDisclosure, li.textContent]));
  assert.deepEqual(methods.map(([m, b]) => [m, b === 'true']), disclosure.consentMethods.map((m) => [m.method, m.backsDisclosure]));
  assert.match(methods.find(([m]) => m === 'email_plus')[2], /internal use only/);
  assert.deepEqual(await view.locator('dl.rights dd').allTextContents(), disclosure.parentsRights.map((r) => r.how));
  assert.equal(await page.locator('article.privacy-disclosure').count(), 0, "the engine's HTML string is not inserted");
  await screenshot(page, 'privacy-notice');

  // Hostile text in the notice (an operator's, in a later copy of the household imported from a file) stays text.
  const later = await laterCopy(page, [
    [
      'setPrivacyNotice',
      {
        actor: 'operator',
        privacyNotice: {
          version: 2,
          collects: ['voice recordings', '<img src=x onerror="window.__pwned=1">'],
          thirdParties: [{ name: '<script>window.__pwned=2</script>', category: 'advertising', purpose: '<b>contextual</b> ads' }],
        },
      },
    ],
  ]);
  await goTo(page, 'data');
  await page.getByLabel('Household file (JSON, as exported above)').setInputFiles({ name: 'notice.json', mimeType: 'application/json', buffer: Buffer.from(later) });
  await page.getByRole('button', { name: 'Review the import…' }).click();
  await page.locator('dialog#confirm-dialog').getByRole('button', { name: 'Replace the household' }).click();
  await page.locator('#status', { hasText: 'imported' }).waitFor();
  await goTo(page, 'disclosure');
  assert.deepEqual(await view.locator('ul.collects li').allTextContents(), ['voice recordings', '<img src=x onerror="window.__pwned=1">']);
  assert.equal(await view.locator('ul.third-parties li').textContent(), '<script>window.__pwned=2</script> (advertising): <b>contextual</b> ads');
  assert.equal(await page.locator('#app img, #app script, #app b').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(await cspViolations(), []);
  assert.deepEqual(problems, []);
});

test('accessibility: axe-core finds no serious or critical violation on the notices, the profile card and the privacy notice', async (t) => {
  const { page, problems } = await openPage(env, t, { contextOptions: { bypassCSP: true } });
  const audit = axeAudit(page, t);
  const check = audit.check;
  await loadNoticesDemo(page);
  await check('household with notices');
  await goTo(page, 'profile:theo');
  await check('profile with a notice and the profile card');
  await profileView(page, 'theo').getByRole('button', { name: 'Remove Theo…' }).click();
  await page.locator('dialog#confirm-dialog').waitFor();
  await check('remove dialog');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await goTo(page, 'disclosure');
  await check('privacy notice');
  await goTo(page, 'data');
  await check('export and import with the lifecycle demo tools');
  assert.deepEqual(audit.serious(), []);

  // The keyboard alone: Tab reaches "Keep this profile" on the household view, Enter keeps it.
  await goTo(page, 'household');
  let id;
  for (let i = 0; i < 40 && id !== 'keep--theo'; i += 1) {
    await page.keyboard.press('Tab');
    id = await page.evaluate(() => document.activeElement?.id);
  }
  assert.equal(id, 'keep--theo');
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'solid');
  await page.keyboard.press('Enter');
  await page.locator('#status', { hasText: "Theo's profile is kept" }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'notices-heading', 'focus stays in the notices');
  assert.deepEqual(problems, []);
});

test('the "Ads and data" panel is in each profile view (web/ads.js): a child is never shown personalised ads', async (t) => {
  const { page, problems, cspViolations } = await openPage(env, t);
  await goTo(page, 'profile:maya');
  const maya = page.locator('#ads--maya');
  await maya.getByRole('heading', { name: 'Ads and data', level: 3 }).waitFor();
  assert.equal(await page.locator('#app h3', { hasText: 'Ads and data' }).count(), 1, 'one heading, the panel’s own');
  assert.match(await maya.textContent(), /Sent to ad partners: COPPA flag on/);
  await goTo(page, 'profile:sam');
  assert.match(await page.locator('#ads--sam').textContent(), /Sam \(an adult\)/);
  assert.deepEqual(await cspViolations(), []);
  assert.deepEqual(problems, []);
});
