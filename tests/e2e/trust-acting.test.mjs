// Issue 12, points 11, 12 and 14, and the keyboard-only walk: the voice box
// says what it is and acts in the typing parent's name; the ads panel
// leads with what a parent needs to know; who is acting is remembered and
// logged; unsaved changes warn; old messages go; the first Delete is close;
// delete, retention, consent and disclosure work with the keyboard alone.
//
// covers R-DEL-2 R-ADS-1 R-ADS-2 R-CON-3 R-CON-4 R-CON-6 R-RET-5

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, goTo, profileView, readDatabase, confirmAndReadReceipt, publishRecipient, overviewOf } from './helpers.mjs';

const env = useBrowser();

function keyboard(page) {
  const focused = () =>
    page.evaluate(() => {
      const node = document.activeElement;
      return { tag: node?.tagName, id: node?.id ?? '', text: node?.textContent?.trim().slice(0, 80) ?? '', outline: node ? getComputedStyle(node).outlineStyle : null };
    });
  const tabTo = async (predicate, limit = 150) => {
    for (let i = 1; i <= limit; i += 1) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (predicate(now)) return { ...now, presses: i };
    }
    throw new Error('not reached with Tab');
  };
  return { focused, tabTo };
}

test('why 11: the voice box says what it is, deletes for real, and its receipt names the parent who typed it', async (t) => {
  const { page, problems } = await openPage(env, t);
  assert.equal(await page.locator('#nav a[data-nav="voice"]').textContent(), 'Delete by voice');
  await goTo(page, 'profile:maya');
  await profileView(page, 'maya').getByLabel('Let Maya delete recordings by voice').check();
  await page.locator('#status', { hasText: 'Deleting by voice is on for Maya.' }).waitFor();
  await page.getByLabel('Who is acting').selectOption('guardian-jordan');
  await page.evaluate(() => window.familyPrivacyTest.addRecording({ id: 'said-now', profileId: 'maya', deviceId: 'kitchen-speaker', capturedAt: Date.now() - 30_000, transcript: 'sing a song', audio: null }));
  await goTo(page, 'voice');
  assert.equal(await page.locator('#view-heading').textContent(), 'Delete by voice');
  assert.equal(await page.locator('section.view.voice .lede').textContent(), 'Say it to a device, or type it here: this deletes for real.');
  assert.match(await page.locator('#voice-state').textContent(), /Typed here, it is your request, as Jordan Rivera, and the receipt names you\./);
  await page.getByLabel('To which device').selectOption('kitchen-speaker');
  await page.getByLabel('What was said').fill('Alexa, delete what I just said');
  await page.getByRole('button', { name: 'Send the request…' }).click();
  const receipt = await confirmAndReadReceipt(page);
  assert.match(receipt, /Requested by\s*Jordan Rivera/);
  assert.match(receipt, /For\s*Maya/);
  assert.match(receipt, /What was asked\s*what was just said on Kitchen speaker \(by voice\)/);
  const last = (await readDatabase(page)).journal.at(-1);
  assert.deepEqual([last.method, last.input.actor], ['voiceRequest', 'guardian-jordan']);
  assert.deepEqual(problems, []);
});

test('why 12: the ads panel leads with what a parent needs to know; the signal tools are plain, tucked away, and keep their ids and input across renders', async (t) => {
  const { page, problems } = await openPage(env, t);
  await goTo(page, 'profile:maya');
  const panel = page.locator('#ads--maya');
  const lead = panel.locator('.ads-lead');
  assert.equal(await lead.textContent(), "Nothing of Maya's is ever sold, and Maya never gets ads based on what Maya says or does: at most, ads that fit the page.");
  const order = await panel.evaluate((node) => [...node.querySelectorAll('.ads-lead, .ads-decision, details.ads-try')].map((n) => n.className || n.tagName));
  assert.deepEqual(order.slice(0, 2), ['ads-lead', 'ads-decision'], 'the reassurance first, then this profile’s decision');
  const tools = panel.locator('details.ads-try');
  assert.equal(await tools.evaluate((d) => d.open), false, 'the signal tools are closed until wanted');
  const text = await panel.textContent();
  for (const jargon of ['TCF consent string', 'starts with C', 'GPP string', 'this is version']) assert.ok(!text.includes(jargon), jargon);

  await tools.locator('> summary').click();
  const signal = page.locator('#ads--maya--signal');
  await signal.fill('not a real code');
  await page.locator('#ads--maya--gpc').check();
  // Another change on the page re-renders it: the panel's ids and inputs stay.
  await profileView(page, 'maya').getByLabel('Let Maya delete recordings by voice').check();
  await page.locator('#status', { hasText: 'Deleting by voice is on for Maya.' }).waitFor();
  assert.equal(await page.locator('#ads--maya--signal').inputValue(), 'not a real code');
  assert.equal(await page.locator('#ads--maya--gpc').isChecked(), true);
  assert.equal(await page.locator('#ads--maya details.ads-try').evaluate((d) => d.open), true);
  assert.match(await panel.locator('.ads-decision').first().textContent(), /No ads at all|Only ads that fit the page/);
  assert.deepEqual(problems, []);
});

test('why 14: who acts is remembered and logged; an unsaved retention warns before leaving; old messages go with the view; the first Delete is a few Tabs in', async (t) => {
  const { page, problems, reload } = await openPage(env, t);
  await page.getByLabel('Who is acting').selectOption('guardian-jordan');
  await reload();
  assert.equal(await page.getByLabel('Who is acting').inputValue(), 'guardian-jordan', 'remembered in this browser');
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  await maya.getByLabel('Let Maya delete recordings by voice').check();
  await page.locator('#status', { hasText: 'Deleting by voice is on for Maya.' }).waitFor();
  assert.equal((await readDatabase(page)).journal.at(-1).input.actor, 'guardian-jordan');

  // A new view starts without the last one's messages.
  await goTo(page, 'activity');
  assert.equal(await page.locator('#status').textContent(), '');
  assert.equal(await page.locator('#audit-list .audit-sentence').first().textContent(), 'Jordan Rivera turned deleting by voice on for Maya.');

  // The first Delete, from the view's heading.
  await goTo(page, 'profile:maya');
  const { tabTo } = keyboard(page);
  const first = await tabTo((f) => f.id.startsWith('delete--'));
  assert.ok(first.presses <= 12, `the first Delete is ${first.presses} Tabs in`);

  // An unsaved retention choice warns before the page goes.
  await maya.getByLabel('Retention setting').selectOption('3_months');
  await maya.locator('.retention-hint', { hasText: 'Not saved yet' }).waitFor();
  const warned = new Promise((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      dialog.dismiss();
    }),
  );
  await page.close({ runBeforeUnload: true });
  assert.equal(await warned, 'beforeunload');
  assert.equal(page.isClosed(), false, 'the parent can stay');
  assert.equal(await maya.getByLabel('Retention setting').inputValue(), '3_months');
  assert.deepEqual(problems, []);
});

test('keyboard only: delete, retention, consent and disclosure, each confirmed, with a visible focus ring', async (t) => {
  const { page, problems } = await openPage(env, t);
  await publishRecipient(page, ['Maya']); // set-up: a notice that names a recipient
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  const { focused, tabTo } = keyboard(page);
  const press = (key) => page.keyboard.press(key);

  // Delete one recording: Enter, Tab to "Delete permanently", Enter; the next row's Delete has the focus.
  const del = await tabTo((f) => f.id.startsWith('delete--'));
  assert.equal(del.outline, 'solid');
  await press('Enter');
  await page.locator('dialog#confirm-dialog').waitFor();
  assert.equal((await focused()).text, 'Cancel');
  await press('Tab');
  assert.equal((await focused()).text, 'Delete permanently');
  await press('Enter');
  await maya.locator('.done-notice').waitFor();
  const after = await focused();
  assert.ok(after.id.startsWith('delete--') && after.id !== del.id, `the next row: ${after.id}`);

  // Retention: arrow to "Keep for 3 months", Tab to Save, Enter, confirm.
  await tabTo((f) => f.id === 'retention--maya');
  await press('ArrowUp');
  assert.equal(await maya.getByLabel('Retention setting').inputValue(), '3_months');
  await press('Tab');
  assert.equal((await focused()).text, 'Save setting');
  await press('Enter');
  await page.locator('dialog#confirm-dialog').waitFor();
  await press('Tab');
  assert.match((await focused()).text, /^Save and delete/);
  await press('Enter');
  await maya.locator('.effective-value', { hasText: 'kept for 3 months' }).waitFor();

  // Consent: revoke keeping the recordings, then give it again through the demo verifier.
  await tabTo((f) => f.id === 'consent-revoke--maya');
  await press('Enter');
  await page.locator('dialog#confirm-dialog').waitFor();
  await press('Tab');
  assert.equal((await focused()).text, 'Keep the recordings');
  await press('Enter');
  await maya.locator('section.consent[data-state="revoked"]').waitFor();
  const radio = await tabTo((f) => f.tag === 'INPUT' && f.id.startsWith('method--maya'));
  assert.equal(radio.outline, 'solid');
  await press('Space');
  await tabTo((f) => f.text === 'Request consent again with this method');
  await press('Enter');
  await maya.locator('section.verifier').waitFor();
  await tabTo((f) => f.text === 'Mark as verified (demo)');
  await press('Enter');
  await maya.locator('section.consent[data-state="verified"]').waitFor();

  // Disclosure: confirmed naming the recipient, then withdrawn in one step.
  await tabTo((f) => f.id === 'disclosure--maya-allow');
  await press('Enter');
  await page.locator('dialog#confirm-dialog ul.recipients').waitFor();
  await press('Tab');
  assert.equal((await focused()).text, 'Allow disclosure to 1 recipient');
  await press('Enter');
  await page.locator('#status', { hasText: 'Disclosure to third parties is on for Maya.' }).waitFor();
  assert.equal((await focused()).id, 'disclosure--maya-withdraw', 'focus on the way back');
  await press('Enter');
  await page.locator('#status', { hasText: 'Disclosure to third parties is off for Maya' }).waitFor();
  const consent = (await overviewOf(page)).profiles.find((p) => p.id === 'maya').consent;
  assert.deepEqual([consent.state, consent.disclosure], ['verified', false]);
  assert.deepEqual(problems, []);
});
