// Issue 12, points 8, 13 and 15: names and birth dates are checked before
// the engine is asked; the activity log reads as sentences, with names as
// they were; a name cannot lie (direction overrides dropped, user text
// isolated) and a long one does not widen the page.
//
// covers R-PRO-1 R-CON-1 R-RET-5

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, goTo, profileView, readDatabase, confirmAndReadReceipt, laterCopy, stateOf, overviewOf } from './helpers.mjs';

const env = useBrowser();
const YEAR = 365.25 * 24 * 3600 * 1000;
const day = (ms) => new Date(ms).toISOString().slice(0, 10);
const journal = async (page) => (await readDatabase(page)).journal.map((e) => e.method);

async function addChildForm(page, { name, birthDate = '' }) {
  await goTo(page, 'add-child');
  await page.getByLabel('Child’s name').fill(name);
  await page.getByLabel('Birth date (optional)').fill(birthDate);
  await page.getByLabel('Signed consent form', { exact: true }).check();
  await page.getByRole('button', { name: 'Add the child and continue to verification' }).click();
}

test('why 8: names and birth dates are checked first: no blank rename, no future or too-old birth date, a duplicate name warned', async (t) => {
  const { page, problems } = await openPage(env, t);

  // A rename to spaces: refused next to the field; Leo stays in the navigation.
  await goTo(page, 'profile:leo');
  const leo = profileView(page, 'leo');
  await leo.getByLabel('Name', { exact: true }).fill('   ');
  await leo.getByRole('button', { name: 'Save name' }).click();
  const renameProblem = leo.locator('.rename-form .problem');
  await renameProblem.waitFor();
  assert.equal(await renameProblem.locator('.problem-text').textContent(), 'Type a name: it cannot be empty or only spaces.');
  assert.equal(await leo.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#nav a[data-nav="profile:leo"]').textContent(), 'Leo');
  // A name with a hidden direction override: refused too.
  await leo.getByLabel('Name', { exact: true }).fill('\u202Eoel');
  await leo.getByRole('button', { name: 'Save name' }).click();
  await renameProblem.filter({ hasText: 'invisible characters that change the direction of text' }).waitFor();

  // A birth date in the future (a "-4 years old" child).
  await addChildForm(page, { name: 'Nora', birthDate: '2030-01-01' });
  const formProblem = page.locator('form.add-child-form .problem');
  await formProblem.waitFor();
  assert.match(await formProblem.locator('.problem-text').textContent(), /^A birth date cannot be in the future/);
  assert.equal(await page.getByLabel('Birth date (optional)').getAttribute('aria-invalid'), 'true');
  // A 17-year-old "child".
  await page.getByLabel('Birth date (optional)').fill(day(Date.now() - 17.5 * YEAR));
  await page.getByRole('button', { name: 'Add the child and continue to verification' }).click();
  await formProblem.filter({ hasText: 'the child is 17 years old. A child profile is for children under 13' }).waitFor();
  // A second "Maya": warned; the same name again goes ahead.
  await page.getByLabel('Birth date (optional)').fill('');
  await page.getByLabel('Child’s name').fill('  maya ');
  await page.getByRole('button', { name: 'Add the child and continue to verification' }).click();
  await formProblem.filter({ hasText: 'There is already a profile called Maya in this household' }).waitFor();
  assert.deepEqual(await journal(page), [], 'nothing reached the engine');
  await page.getByRole('button', { name: 'Add the child and continue to verification' }).click();
  await page.locator('section.verifier').waitFor();
  const added = (await overviewOf(page)).profiles.filter((p) => p.name === 'maya');
  assert.equal(added.length, 1, 'sent trimmed');
  assert.deepEqual(await journal(page), ['addProfile', 'requestConsent']);
  assert.deepEqual(problems, []);
});

test('why 13: the activity log in sentences, with names as they were, filtered by child and by kind, still verified', async (t) => {
  const { page, problems } = await openPage(env, t);
  await goTo(page, 'profile:leo');
  const leo = profileView(page, 'leo');
  await leo.getByLabel('Name', { exact: true }).fill('Leonardo');
  await leo.getByRole('button', { name: 'Save name' }).click();
  await page.locator('#status', { hasText: 'Leo is now called Leonardo.' }).waitFor();
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  await maya.getByLabel('Retention setting').selectOption('3_months');
  await maya.getByRole('button', { name: 'Save setting' }).click();
  await confirmAndReadReceipt(page, { confirm: /^Save and delete/ });
  await page.getByLabel('Who is acting').selectOption('guardian-jordan');
  await maya.getByLabel('Let Maya delete recordings by voice').check();
  await page.locator('#status', { hasText: 'Deleting by voice is on for Maya.' }).waitFor();

  await goTo(page, 'activity');
  const sentences = () => page.locator('#audit-list .audit-sentence').allTextContents();
  const all = await sentences();
  assert.equal(all[0], 'Jordan Rivera turned deleting by voice on for Maya.');
  assert.match(all[1], /^Alex Rivera deleted \d+ recordings, with .* of Maya's, by a shorter retention setting \(receipt retention-/);
  assert.equal(all[2], "Alex Rivera changed Maya's retention from 18 months to 3 months.");
  assert.equal(all[3], 'Alex Rivera renamed Leo to Leonardo.');
  assert.ok(all.includes('Alex Rivera added Leo, a child.'), 'the name it had then, not Leonardo');
  assert.ok(all.every((text) => !/convertToAdult|profileId|: (true|false)/.test(text)), 'no dump of fields');

  // About Leonardo only.
  await page.getByLabel('About').selectOption('leo');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  const aboutLeo = await sentences();
  assert.ok(aboutLeo.length >= 3 && aboutLeo.every((text) => /\bLeo(nardo)?\b/.test(text)), aboutLeo.join(' | '));
  // Deletions only.
  await page.getByLabel('About').selectOption('');
  await page.getByLabel('Kind').selectOption('deletions');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  const kinds = await page.locator('#audit-list li').evaluateAll((items) => items.map((li) => li.dataset.kind));
  assert.ok(kinds.length === 1 && kinds.every((kind) => kind === 'deletions'), kinds.join());
  assert.match(await page.locator('#audit-caption').textContent(), /^Newest first: 1–1 of 1 entry \(of \d+ in all\)$/);
  await page.getByRole('button', { name: 'Verify the activity log' }).click();
  await page.locator('#verify-result', { hasText: 'intact' }).waitFor();
  assert.deepEqual(problems, []);
});

test('why 15: names cannot lie: a direction override is dropped everywhere, user text is isolated, a 200-letter name does not widen the page', async (t) => {
  const { page, problems } = await openPage(env, t, { contextOptions: { viewport: { width: 390, height: 844 } } });
  // Names the page would refuse, given by another client of the engine, in a later copy of the household.
  const long = 'Bartholomew'.repeat(18).slice(0, 200);
  const later = await laterCopy(page, [
    ['renameProfile', { actor: 'guardian-alex', profileId: 'maya', name: '\u202Eevil\u202C Maya' }],
    ['renameProfile', { actor: 'guardian-alex', profileId: 'leo', name: long }],
  ]);
  await goTo(page, 'data');
  await page.getByLabel('Household file (JSON, as exported above)').setInputFiles({ name: 'names.json', mimeType: 'application/json', buffer: Buffer.from(later) });
  await page.getByRole('button', { name: 'Review the import…' }).click();
  await page.locator('dialog#confirm-dialog').getByRole('button', { name: 'Replace the household' }).click();
  await page.locator('#status', { hasText: 'imported' }).waitFor();

  // "‮evil‬ Maya" reads "evil Maya" in the navigation, the heading and a dialog, never "live Maya".
  await goTo(page, 'household');
  const mayaLink = page.locator('#nav a[data-nav="profile:maya"]');
  assert.equal(await mayaLink.textContent(), 'evil Maya');
  assert.equal(await mayaLink.locator('bdi').count(), 1, 'isolated');
  await goTo(page, 'profile:maya');
  assert.equal(await page.locator('#view-heading').textContent(), 'evil Maya');
  await profileView(page, 'maya').getByRole('button', { name: 'Remove evil Maya…' }).click();
  const dialog = page.locator('dialog#confirm-dialog');
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), "Remove evil Maya's profile?");
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const everywhere = await page.evaluate(() => document.body.innerText + document.title);
  assert.ok(!/[\u202A-\u202E\u2066\u2067]/.test(everywhere), 'no override left anywhere on the page');

  // A long unbroken name: one line with an ellipsis in the navigation (the full name in its title), wrapped in the heading.
  for (const view of ['household', 'profile:leo']) {
    await goTo(page, view);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, `${view}: no sideways scroll`);
  }
  const name = page.locator('#nav a[data-nav="profile:leo"] .name');
  assert.equal(await name.getAttribute('title'), long);
  assert.ok(await name.evaluate((node) => node.scrollWidth > node.clientWidth && getComputedStyle(node).textOverflow === 'ellipsis'), 'truncated');
  assert.ok((await page.locator('#view-heading').boundingBox()).width <= 390, 'the heading wraps');

  // A right-to-left name is isolated in plain text too (status lines, labels).
  await goTo(page, 'profile:sam');
  await profileView(page, 'sam').getByLabel('Name', { exact: true }).fill('سامي');
  await profileView(page, 'sam').getByRole('button', { name: 'Save name' }).click();
  await page.locator('#status', { hasText: 'is now called' }).waitFor();
  assert.equal(await page.locator('#status').textContent(), 'Sam is now called \u2068سامي\u2069.');
  assert.deepEqual(problems, []);
});
