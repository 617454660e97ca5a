// Safety: transcripts and names are untrusted text, shown as text and never
// run; the CSP (with Trusted Types) holds. Accessibility: axe-core on every
// view and dialog; the keyboard alone reaches and works every kind of
// control, with a visible focus ring and sensible headings.
//
// covers R-DEL-1 R-RET-1

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  openPage,
  goTo,
  profileView,
  readDatabase,
  storedHousehold,
  axeAudit,
  screenshot,
  XSS_TRANSCRIPT,
  confirmAndOpenReceipt, engineRead
} from './helpers.mjs';

const env = useBrowser();

async function assertNothingRan(page) {
  assert.equal(await page.locator('#app img, #app script, dialog img, dialog script, header img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
}

test('a hostile transcript and hostile names show as text and run nothing, stored and reloaded', async (t) => {
  const { page, problems, reload, cspViolations } = await openPage(env, t);

  // Through the page's own form: something "said" to a device.
  await goTo(page, 'data');
  await page.getByLabel('Said by').selectOption('maya');
  await page.getByLabel('What was said').fill(XSS_TRANSCRIPT);
  await page.getByRole('button', { name: 'Record it' }).click();
  await page.locator('#status', { hasText: 'Recorded Maya saying' }).waitFor();
  assert.ok((await page.locator('#status').textContent()).includes(XSS_TRANSCRIPT));
  const [recording] = (await engineRead(page, 'listRecordings', { profileId: 'maya', limit: 1 })).recordings;
  assert.equal(recording.transcript, XSS_TRANSCRIPT);

  const check = async () => {
    await goTo(page, 'profile:maya');
    const row = profileView(page, 'maya').locator(`li.recording[data-recording-id="${recording.id}"]`);
    assert.equal(await row.locator('.transcript').textContent(), XSS_TRANSCRIPT);
    assert.deepEqual(await row.locator('.transcript').evaluate((cell) => [...cell.querySelectorAll('*')].map((n) => n.tagName)), ['BDI'], 'no element inside but the isolation');
    await assertNothingRan(page);
  };
  await check();

  // In the player's caption and the confirmation dialog too.
  // The clip is short and may end before the caption is read: record every caption shown.
  await page.evaluate(() => {
    window.__captions = [];
    new MutationObserver(() => {
      const caption = document.getElementById('player-caption');
      if (caption) window.__captions.push(caption.textContent);
    }).observe(document.body, { childList: true, characterData: true, subtree: true });
  });
  await profileView(page, 'maya').locator(`li.recording[data-recording-id="${recording.id}"]`).getByRole('button', { name: /^Play/ }).click();
  await page.waitForFunction(() => window.__captions.some((text) => text.startsWith('Playing')));
  const captions = await page.evaluate(() => window.__captions);
  assert.ok(captions.some((text) => text.startsWith('Playing') && text.includes(XSS_TRANSCRIPT)), captions.join(' | '));
  await profileView(page, 'maya').locator(`li.recording[data-recording-id="${recording.id}"]`).getByRole('button', { name: /^Delete/ }).click();
  const dialog = page.locator('dialog#confirm-dialog');
  await dialog.waitFor();
  assert.ok((await dialog.locator('.preview-items').textContent()).includes(XSS_TRANSCRIPT), 'what goes, listed as text');
  await assertNothingRan(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // Stored as text, and after a reload from storage, still text.
  const db = await readDatabase(page);
  assert.ok(db.journal.some((entry) => entry.method === 'addRecording' && entry.input.recording.transcript === XSS_TRANSCRIPT));
  await reload();
  await check();

  // Hostile names arrive in an imported household file (another household, made through the package: an
  // edited file is refused, R-INT-3).
  const hostile = await page.evaluate(async () => {
    const { createPrivacyEngine } = await import('/pkg/index.mjs');
    const engine = await createPrivacyEngine();
    const now = Date.now();
    engine.createHousehold({
      actor: 'operator',
      now,
      id: 'hostile',
      name: '</script><script>window.__pwned=3</script>',
      retentionPolicy: {
        categories: ['audio', 'transcript', 'derived'].map((category) => ({ category, childMaxMonths: 18, adultMaxMonths: null, purpose: 'p', businessNeed: 'b' })),
      },
    });
    engine.addGuardian({ actor: 'operator', now, guardian: { id: 'g', name: 'Robin', verified: true } });
    engine.addDevice({ actor: 'g', now, device: { id: 'kitchen', name: '<b onmouseover="window.__pwned=5">Kitchen</b>' } });
    engine.addProfile({ actor: 'g', now, profile: { id: 'leo', name: '<img src=x onerror="window.__pwned=4">', kind: 'child' } });
    const text = engine.exportStateJson({ actor: 'system' });
    engine.close();
    return text;
  });
  await goTo(page, 'data');
  await page.getByLabel('Household file (JSON, as exported above)').setInputFiles({ name: '<i>evil</i>.json', mimeType: 'application/json', buffer: Buffer.from(hostile) });
  await page.getByRole('button', { name: 'Review the import…' }).click();
  await dialog.waitFor();
  assert.ok((await dialog.textContent()).includes('</script><script>window.__pwned=3</script>'));
  await assertNothingRan(page);
  await dialog.getByRole('button', { name: 'Replace the household' }).click();
  await page.locator('#status', { hasText: 'imported' }).waitFor();
  await goTo(page, 'household');
  assert.equal(await page.locator('#view-heading').textContent(), '</script><script>window.__pwned=3</script>');
  assert.ok((await page.locator('#nav').textContent()).includes('<img src=x onerror="window.__pwned=4">'));
  assert.equal(await page.locator('#devices li').first().textContent(), '<b onmouseover="window.__pwned=5">Kitchen</b>');
  await goTo(page, 'profile:leo');
  assert.equal(await page.locator('#view-heading').textContent(), '<img src=x onerror="window.__pwned=4">');
  await assertNothingRan(page);
  await screenshot(page, 'hostile-names');

  // Trusted Types are enforced: a string cannot even be put into innerHTML here.
  const sink = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return 'allowed';
    } catch (error) {
      return error.name;
    }
  });
  assert.equal(sink, 'TypeError');
  // Script text from a string is refused as well, and a script built from a text node does not run.
  const scriptSink = await page.evaluate(() => {
    const script = document.createElement('script');
    try {
      script.textContent = 'window.__pwned = 6';
      return 'allowed';
    } catch (error) {
      return error.name;
    }
  });
  assert.equal(scriptSink, 'TypeError');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.append(document.createTextNode('window.__pwned = 7'));
    document.body.append(script);
  });
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual((await cspViolations()).filter((v) => !v.startsWith('require-trusted-types-for')), []);
  assert.deepEqual(problems.filter((p) => !/Trusted ?Type|TrustedHTML|TrustedScript/i.test(p)), []);

  // Without ?test there is no hook.
  await page.goto(env.server.url);
  await page.waitForSelector('html[data-app-state="ready"]');
  assert.equal(await page.evaluate(() => typeof window.familyPrivacyTest), 'undefined');
});

test('accessibility: axe-core finds no serious or critical violation on any view or dialog', async (t) => {
  // bypassCSP only so that axe itself can be injected; the page is the same.
  const { page, problems } = await openPage(env, t, { contextOptions: { bypassCSP: true } });
  const audit = axeAudit(page, t);
  const check = audit.check;
  await check('household');
  await page.locator('details.policy summary').click();
  await check('household with the policy open');
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  await maya.locator('input.select-recording').first().check();
  await maya.getByLabel('Retention setting').selectOption('3_months');
  await maya.locator('.retention-hint', { hasText: 'Not saved yet' }).waitFor();
  await check('profile');
  await maya.getByRole('button', { name: /^Delete selected/ }).click();
  await page.locator('dialog#confirm-dialog').waitFor();
  await check('confirmation dialog');
  await confirmAndOpenReceipt(page);
  await check('profile with the receipt in place, opened');
  await goTo(page, 'voice');
  await check('voice requests');
  await goTo(page, 'activity');
  await page.getByRole('button', { name: 'Verify the activity log' }).click();
  await page.locator('#verify-result', { hasText: 'intact' }).waitFor();
  await check('activity log');
  await goTo(page, 'data');
  await page.getByRole('button', { name: 'Review the import…' }).click();
  await page.locator('#import-result', { hasText: 'Choose a household file first.' }).waitFor();
  await check('export and import');
  assert.deepEqual(audit.serious(), []);

  // Sensible headings: one h1, each view one h2, sections below it.
  const headings = await page.locator('h1, h2, h3').evaluateAll((nodes) => nodes.filter((n) => n.offsetParent !== null).map((n) => n.tagName));
  assert.equal(headings.filter((h) => h === 'H1').length, 1);
  assert.equal(headings[1], 'H2');
  assert.deepEqual(problems, []);
});

test('keyboard only: skip link, navigation, a setting, a toggle, a deletion dialog (Escape), with a visible focus ring', async (t) => {
  const { page, problems } = await openPage(env, t);
  const focused = () => page.evaluate(() => {
    const node = document.activeElement;
    return { tag: node?.tagName, id: node?.id, text: node?.textContent?.trim().slice(0, 60), outline: node ? getComputedStyle(node).outlineStyle : null };
  });
  const tabTo = async (predicate, limit = 120) => {
    for (let i = 0; i < limit; i += 1) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (predicate(now)) return now;
    }
    throw new Error('not reached with Tab');
  };

  // The first Tab reaches the skip link, which moves focus to the main content.
  await page.keyboard.press('Tab');
  assert.equal((await focused()).text, 'Skip to the settings');
  await page.keyboard.press('Enter');
  assert.equal((await focused()).id, 'main');
  assert.equal(await page.locator('#view-heading').textContent(), 'The Rivera household', 'the view did not change');

  // The navigation, by keyboard: Maya's view opens with focus on its heading.
  await page.locator('body').focus();
  const link = await tabTo((f) => f.tag === 'A' && f.text === 'Maya');
  assert.equal(link.outline, 'solid', 'visible focus on links');
  await page.keyboard.press('Enter');
  await page.locator('#view-heading', { hasText: 'Maya' }).waitFor();
  assert.equal((await focused()).id, 'view-heading');

  // Retention: select, arrow, Tab to Save, Enter.
  const select = await tabTo((f) => f.id === 'retention--maya');
  assert.equal(select.outline, 'solid');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator('#retention--maya').inputValue(), '3_months');
  await page.keyboard.press('Tab');
  const save = await focused();
  assert.deepEqual([save.text, save.outline], ['Save setting', 'solid']);
  await page.keyboard.press('Enter');
  // A shorter setting deletes what it makes due: the confirmation first, Cancel focused, Tab to confirm.
  await page.locator('dialog#confirm-dialog').waitFor();
  assert.equal((await focused()).text, 'Cancel');
  await page.keyboard.press('Tab');
  assert.match((await focused()).text, /^Save and delete \d+ recordings$/);
  await page.keyboard.press('Enter');
  await page.locator('#effective--maya .effective-value', { hasText: 'kept for 3 months' }).waitFor();
  assert.match((await focused()).text, /^Maya: keep for 3 months/, 'focus on what was done, in place');

  // Deleting by voice: a checkbox, Space.
  const toggle = await tabTo((f) => f.id === 'voice-deletion--maya');
  assert.equal(toggle.outline, 'solid');
  await page.keyboard.press('Space');
  await page.locator('#status', { hasText: 'Deleting by voice is on for Maya.' }).waitFor();
  assert.equal((await focused()).id, 'voice-deletion--maya');

  // A recording's Delete button: Enter opens the dialog with focus on Cancel; Escape closes it and focus returns.
  const deleteButton = await tabTo((f) => f.tag === 'BUTTON' && f.id.startsWith('delete--'));
  assert.equal(deleteButton.outline, 'solid');
  await page.keyboard.press('Enter');
  await page.locator('dialog#confirm-dialog').waitFor();
  assert.equal((await focused()).text, 'Cancel');
  await page.keyboard.press('Tab');
  assert.equal((await focused()).text, 'Delete permanently', 'Tab goes round inside the dialog');
  await page.keyboard.press('Tab');
  assert.equal((await focused()).text, 'Cancel');
  await page.keyboard.press('Escape');
  await page.locator('dialog#confirm-dialog').waitFor({ state: 'hidden' });
  assert.equal((await focused()).id, deleteButton.id);

  // Play, by keyboard.
  await tabTo((f) => f.tag === 'BUTTON' && f.id.startsWith('play--'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('player-audio')?.src.startsWith('blob:'));
  assert.deepEqual(problems, []);
});
