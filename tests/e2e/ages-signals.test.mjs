// Issue 11 on the page: teen profiles (added, shown and managed by a parent,
// with what applies to them), where the household lives in its settings and
// the age of digital consent that follows, the ads panel in a parent's words
// first (what the person gets and why) with the raw signal box kept for
// operators, Global Privacy Control recorded once per profile and shown as
// "Opt-out preference signal honored", and a consent flow that names the
// notice's recipients and purposes and says which methods cannot back
// disclosure.
//
// covers R-AGE-1 R-AGE-3 R-AGE-4 R-SIG-3 R-ADS-6 R-CON-2 R-CON-3 R-PRO-1

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newContext, openTab, openPage, goTo, profileView, readDatabase, storedHousehold, overviewOf, publishRecipient, confirmAndReadReceipt, screenshot } from './helpers.mjs';

const env = useBrowser();
const YEAR = 365.25 * 24 * 3600 * 1000;
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

test('teen profiles: added without parental consent (the birth date checked), shown as a teen, managed by the parent, with what applies to them', async (t) => {
  const { page, problems } = await openPage(env, t);
  await goTo(page, 'add-child');
  await page.getByLabel('A teen, 13 to 17').check();
  assert.equal(await page.locator('form.add-child-form fieldset.methods[id^="methods"]').count(), 0, 'no consent method for a teen');
  await page.getByLabel('Teen’s name').fill('Zoe');
  // A 10-year-old is not a teen here.
  await page.getByLabel('Birth date (optional)').fill(day(Date.now() - 10.5 * YEAR));
  await page.getByRole('button', { name: 'Add the teen' }).click();
  const problem = page.locator('form.add-child-form .problem');
  await problem.filter({ hasText: 'the teen is 10 years old. A teen profile is for ages 13 to 17; someone under 13 has a child profile' }).waitFor();
  await page.getByLabel('Birth date (optional)').fill(day(Date.now() - 15.5 * YEAR));
  await page.getByRole('button', { name: 'Add the teen' }).click();
  await page.locator('#add-child-done h3', { hasText: 'Zoe is added as a teen' }).waitFor();
  assert.match(await page.locator('#status').textContent(), /Zoe was added as a teen: you manage the profile, and recordings can be made now\./);
  const zoe = (await overviewOf(page)).profiles.find((p) => p.name === 'Zoe');
  assert.deepEqual([zoe.kind, zoe.enabled, zoe.consent], ['teen', true, null]);

  // On the household: a teen, no consent needed.
  await goTo(page, 'household');
  const row = page.locator(`#profiles-table tr[data-profile-id="${zoe.id}"]`);
  assert.equal(await row.locator('td').first().textContent(), 'Teen, 15 years old');
  assert.equal(await row.locator('td.consent-cell').textContent(), 'not needed (teen)');

  // Zoe's page: what applies, no consent panel, ads for a teen of 15.
  await page.locator('#nav a', { hasText: 'Zoe' }).click();
  const view = profileView(page, zoe.id);
  await view.waitFor();
  assert.match(await view.locator('.facts').textContent(), /^Teen · 15 years old · 0 recordings kept$/);
  assert.equal(await view.locator('section.consent').count(), 0);
  const applies = view.locator('section.teen-applies');
  assert.match(await applies.textContent(), /No parental consent is needed for Zoe’s recordings at this age/);
  assert.match(await applies.textContent(), /You manage Zoe’s profile from this page/);
  assert.match(await applies.textContent(), /Ads: no ads based on their interests, whatever they agree to \(Zoe is 15\)\. Nothing of Zoe’s is ever sold\./);
  assert.match(await applies.textContent(), /Where you live: United States \(US\) \(not chosen yet/);
  const own = view.locator('section.ads-panel .ads-decision').first();
  assert.match(await own.textContent(), /Only ads that fit the page Zoe is on, never ads based on Zoe\./);
  assert.match(await own.textContent(), /Age used: 13 to 15, from the birth date on the profile\./);
  assert.match(await own.textContent(), /Where they live, a teen never gets ads based on their interests/);
  assert.doesNotMatch(await view.locator('section.ads-panel').textContent(), /\bnull\b|undefined/, 'only words');
  await screenshot(page, 'profile-teen-added');

  // Managed by the parent: deleting by voice turned on, something recorded at once, then deleted.
  await view.getByLabel('Let Zoe delete recordings by voice').check();
  await page.locator('#status', { hasText: 'Deleting by voice is on for Zoe.' }).waitFor();
  await goTo(page, 'data');
  await page.getByLabel('Said by').selectOption(zoe.id);
  await page.getByLabel('What was said').fill('what is the capital of Peru');
  await page.getByRole('button', { name: 'Record it' }).click();
  await page.locator('#status', { hasText: 'Recorded Zoe saying “what is the capital of Peru”' }).waitFor();
  await page.locator('#nav a', { hasText: 'Zoe' }).click();
  await view.locator('li.recording').getByRole('button', { name: /^Delete recording/ }).click();
  const receipt = await confirmAndReadReceipt(page);
  assert.match(receipt, /Requested byAlex RiveraForZoe/);
  const db = await readDatabase(page);
  assert.deepEqual(
    db.journal.map((e) => [e.method, e.input.actor]),
    [['addProfile', 'guardian-alex'], ['setVoiceDeletion', 'guardian-alex'], ['addRecording', 'device:kitchen-speaker'], ['deleteRecordings', 'guardian-alex']],
  );
  assert.equal((await storedHousehold(page)).matchesPage, true);
  assert.deepEqual(problems, []);
});

test('where the household lives: chosen from a short list or typed, the age of digital consent it implies, refused in plain words when it is no place', async (t) => {
  const { page, problems } = await openPage(env, t);
  const card = page.locator('section.place');
  assert.match(await card.textContent(), /Not chosen: the United States’ rules apply\. Here the age of digital consent is 13: a child under 13 has a child profile/);
  assert.equal(await card.getAttribute('data-consent-age'), '13');

  await card.getByLabel('Country or region').selectOption('DE');
  await card.getByRole('button', { name: 'Save the place' }).click();
  await page.locator('#status', { hasText: 'The household’s place is now Germany (DE): the age of digital consent there is 16.' }).waitFor();
  assert.equal(await card.getAttribute('data-jurisdiction'), 'DE');
  assert.match(await card.textContent(), /Here the age of digital consent is 16: a child under 16 has a child profile.*from 16 to 17 a teen has a teen profile/);
  assert.match(await card.textContent(), /A teen gets no ads based on their interests, whatever they agree to\./);
  assert.match(await card.locator('.place-source').textContent(), /GDPR Art\. 8 default; DSA Art\. 28/);
  await screenshot(page, 'household-place');

  // Adding a profile follows: a child is under 16 here.
  await goTo(page, 'add-child');
  assert.equal(await page.getByLabel('A child under 16').count(), 1);
  assert.equal(await page.getByLabel('A teen, 16 to 17').count(), 1);
  await page.getByLabel('Child’s name').fill('Ines');
  await page.getByLabel('Birth date (optional)').fill(day(Date.now() - 14.5 * YEAR));
  await page.getByLabel('Signed consent form', { exact: true }).check();
  await page.getByRole('button', { name: 'Add the child and continue to verification' }).click();
  await page.locator('section.verifier').waitFor();
  assert.equal((await overviewOf(page)).profiles.find((p) => p.name === 'Ines').kind, 'child', 'a 14-year-old in Germany is a child');

  // Typed codes: refused in plain words next to the field, then one that is a place.
  await goTo(page, 'household');
  await card.getByLabel('Country or region').selectOption('other');
  const code = card.getByLabel('Its code, if somewhere else');
  for (const [typed, words] of [
    ['XX', 'That is not a place code we know'],
    ['UK', 'For the United Kingdom, use its ISO code GB.'],
  ]) {
    await code.fill(typed);
    await card.getByRole('button', { name: 'Save the place' }).click();
    await card.locator('.problem', { hasText: words }).waitFor();
    assert.equal(await card.locator('.problem .error-code').textContent(), 'invalid_input');
    assert.equal(await code.getAttribute('aria-invalid'), 'true');
  }
  await code.fill('us-ca');
  await card.getByRole('button', { name: 'Save the place' }).click();
  await page.locator('#status', { hasText: 'California, United States (US-CA): the age of digital consent there is 13.' }).waitFor();
  assert.match(await card.textContent(), /A teen of 13 to 15 gets ads based on their interests only if they opt in, as the law here requires; of 16 or 17, no ads based on their interests/);

  await goTo(page, 'activity');
  const sentences = await page.locator('#audit-list .audit-sentence').allTextContents();
  assert.equal(sentences[0], 'Alex Rivera changed where the household lives from Germany (DE) to California, United States (US-CA).');
  assert.ok(sentences.includes('Alex Rivera changed where the household lives from not chosen (the United States’ rules) to Germany (DE).'));
  assert.deepEqual(problems, []);
});

test('the ads panel in a parent’s words: what each person gets and why, "Opt-out preference signal honored" with Global Privacy Control (recorded once per profile), the raw box for operators', async (t) => {
  const context = await newContext(env, t);
  // This browser sends Global Privacy Control (navigator.globalPrivacyControl, R-SIG-3).
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }));
  const problems = [];
  const page = await openTab(env, context, { problems });
  await page.locator('#status', { hasText: 'Global Privacy Control' }).waitFor();
  let db = await readDatabase(page);
  assert.deepEqual(
    db.journal.map((e) => [e.method, e.input.profileId, e.input.actor]),
    [['recordGpc', 'maya', 'guardian-alex'], ['recordGpc', 'leo', 'guardian-alex'], ['recordGpc', 'sam', 'sam']],
  );
  assert.ok((await overviewOf(page)).profiles.every((p) => typeof p.gpcAt === 'number'));

  await goTo(page, 'profile:maya');
  const panel = page.locator('#ads--maya');
  const own = panel.locator('#ads--maya--own');
  assert.equal(await panel.locator('.ads-lead').textContent(), "Nothing of Maya's is ever sold, and Maya never gets ads based on what Maya says or does: at most, ads that fit the page.");
  assert.equal(await own.locator('h4').textContent(), 'Maya (a child)');
  assert.equal(await own.locator('.ads-level').textContent(), 'Only ads that fit the page Maya is on, never ads based on Maya.');
  assert.match(await own.locator('.gpc-honoured').textContent(), /^Opt-out preference signal honored — Global Privacy Control was recorded for Maya on .+: nothing of Maya’s is sold or shared for ads, and it stays so\.$/);
  assert.match(await own.locator('.ads-age').textContent(), /^Age used: under 13, from the kind of profile\.$/);
  const why = await own.locator('.ads-reasons li').allTextContents();
  assert.ok(why.includes('Children never get ads based on what they do.'), why.join(' | '));
  assert.ok(why.includes('Personal data is never sold, for anyone in the family.'));
  // The raw signal box is for operators: closed, after the parent's words, with the codes passed on.
  const tools = panel.locator('details.ads-try');
  assert.equal(await tools.evaluate((d) => d.open), false);
  await tools.locator('> summary').click();
  assert.match(await tools.locator('> summary').textContent(), /For the service operator/);
  assert.match(await tools.locator('#ads--maya--tried .reason-codes').textContent(), /child_profile/);

  await goTo(page, 'profile:sam');
  const sam = page.locator('#ads--sam--own');
  assert.equal(await sam.locator('h4').textContent(), 'Sam (an adult)');
  assert.match(await sam.locator('.gpc-honoured').textContent(), /^Opt-out preference signal honored/);
  assert.match(await sam.textContent(), /Global Privacy Control is on: the browser asks not to sell or share data, and that is honoured\./);
  await screenshot(page, 'ads-gpc-honoured');

  // Recorded once per profile: opening again records nothing more.
  await page.reload();
  await page.waitForSelector('html[data-app-state="ready"]');
  db = await readDatabase(page);
  assert.equal(db.journal.filter((e) => e.method === 'recordGpc').length, 3);
  await goTo(page, 'activity');
  const sentences = await page.locator('#audit-list .audit-sentence').allTextContents();
  assert.ok(sentences.includes('Global Privacy Control from Alex Rivera’s browser was recorded for Maya and is honoured from then on.'), sentences.slice(0, 4).join(' | '));

  // Allowing disclosure afterwards says that it goes against the signal in force.
  await publishRecipient(page, ['Maya']);
  await goTo(page, 'profile:maya');
  await profileView(page, 'maya').getByRole('button', { name: 'Allow disclosure to the recipients named…' }).click();
  const dialog = page.locator('dialog#confirm-dialog');
  await dialog.waitFor();
  assert.match(await dialog.locator('.gpc-conflict').textContent(), /^Global Privacy Control was recorded for Maya on .+: it asks that nothing of Maya’s is sold or shared\. Allowing disclosure goes against that signal\.$/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(problems, []);
});

test('without Global Privacy Control nothing is recorded and nothing says it was honored', async (t) => {
  const { page, problems } = await openPage(env, t);
  await goTo(page, 'profile:maya');
  assert.equal(await page.locator('#ads--maya .gpc-honoured').count(), 0);
  assert.deepEqual((await readDatabase(page)).journal.filter((e) => e.method === 'recordGpc'), []);
  assert.deepEqual(problems, []);
});

test('the consent flow names what is collected, the recipients and purposes of the notice, and says which methods cannot back disclosure', async (t) => {
  const { page, problems } = await openPage(env, t);
  await goTo(page, 'add-child');
  const covers = page.locator('form.add-child-form .consent-covers');
  assert.match(await covers.textContent(), /You consent to what the privacy notice \(version 1\) says is collected: voice recordings/);
  assert.equal(await covers.locator('.consent-recipients').textContent(), 'The notice names no third party: nothing is disclosed to anyone.');
  assert.match(
    await page.locator('form.add-child-form .methods-hint').textContent(),
    /Text message, plus a check and Email, plus a check cover internal use only: consent given either way can never back disclosure to third parties\./,
  );
  for (const method of ['Text message, plus a check', 'Email, plus a check']) {
    assert.match(await page.locator('li.method.internal-only', { hasText: method }).textContent(), /covers internal use only/);
  }

  await publishRecipient(page);
  await goTo(page, 'add-child');
  const recipients = covers.locator('.consent-recipients');
  assert.equal(await recipients.getAttribute('data-recipients'), '1');
  assert.match(await covers.textContent(), /version 2/);
  assert.equal(await recipients.locator('li').textContent(), 'Acme Speech Lab (model training): improving speech recognition for children’s voices');
  assert.match(await recipients.textContent(), /who receive nothing unless you also give the separate consent to disclosure/);
  // The same in a child's own consent request (Leo, paused by the material change, asks again after cancelling).
  await goTo(page, 'profile:leo');
  const leo = profileView(page, 'leo');
  await leo.getByRole('button', { name: 'Cancel the request' }).click();
  await leo.locator('section.consent[data-state="none"]').waitFor();
  assert.match(await leo.locator('.consent-covers').textContent(), /Acme Speech Lab \(model training\): improving speech recognition for children’s voices/);
  assert.deepEqual(problems, []);
});
