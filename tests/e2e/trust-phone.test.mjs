// Issue 12, point 4, and what "done" asks at both sizes: on a phone (390x844)
// no view scrolls sideways, dialogs fit, the header is compact, the voice
// history is a list of cards and comes first on a child's page, with
// shortcuts; axe-core finds nothing at 1280x800 nor at 390x844; and every
// view is photographed at both sizes into build/e2e/<size>/.
//
// covers R-DEL-1

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { useBrowser, openPage, goTo, profileView, axeViolations, SCREENSHOT_DIR } from './helpers.mjs';

const env = useBrowser();
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/** Every view, reached as a parent would (the navigation, or the link on a child's page). */
const VIEWS = [
  ['household', (page) => goTo(page, 'household')],
  ['profile-maya', (page) => goTo(page, 'profile:maya')],
  ['profile-sam', (page) => goTo(page, 'profile:sam')],
  [
    'summary-maya',
    async (page) => {
      await goTo(page, 'profile:maya');
      await profileView(page, 'maya').getByRole('link', { name: 'What we keep, and when it goes (printable)' }).click();
      await page.locator('section.view.summary').waitFor();
    },
  ],
  ['add-child', (page) => goTo(page, 'add-child')],
  ['voice', (page) => goTo(page, 'voice')],
  ['activity', (page) => goTo(page, 'activity')],
  ['data', (page) => goTo(page, 'data')],
  ['disclosure', (page) => goTo(page, 'disclosure')],
  [
    'add-teen',
    async (page) => {
      await goTo(page, 'add-child');
      await page.getByLabel('A teen, 13 to 17').check();
      await page.getByLabel('Teen’s name').fill('Zoe');
      await page.getByRole('button', { name: 'Add the teen' }).click();
      await page.locator('#add-child-done').waitFor();
    },
  ],
  [
    'profile-teen',
    async (page) => {
      await page.getByRole('link', { name: "Open Zoe's settings" }).click();
      await page.locator('section.view.profile section.teen-applies').waitFor();
    },
  ],
];

/** Dialogs a parent meets, opened from the view they belong to. */
const DIALOGS = [
  ['dialog-delete-all', 'profile:maya', (page) => profileView(page, 'maya').getByRole('button', { name: "Review deleting all of Maya's recordings…" }).click()],
  [
    'dialog-retention',
    'profile:maya',
    async (page) => {
      const maya = profileView(page, 'maya');
      await maya.getByLabel('Retention setting').selectOption('3_months');
      await maya.getByRole('button', { name: 'Save setting' }).click();
    },
  ],
  ['dialog-revoke', 'profile:maya', (page) => profileView(page, 'maya').getByRole('button', { name: 'Revoke consent…' }).click()],
];

async function noSidewaysScroll(page, name, width) {
  const sizes = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
  assert.ok(sizes.page <= width && sizes.body <= width, `${name} scrolls sideways at ${width} px: ${JSON.stringify(sizes)}`);
}

for (const size of SIZES) {
  const label = `${size.width}x${size.height}`;
  test(`every view and dialog at ${label}: photographed, axe-core finds nothing, nothing scrolls sideways${size.width < 600 ? ' (why 4)' : ''}`, async (t) => {
    // bypassCSP only so that axe itself can be injected; the page is the same.
    const { page, problems } = await openPage(env, t, { contextOptions: { viewport: size, bypassCSP: true } });
    const dir = path.join(SCREENSHOT_DIR, label);
    await mkdir(dir, { recursive: true });
    const found = [];
    const look = async (name) => {
      await noSidewaysScroll(page, name, size.width);
      for (const v of await axeViolations(page)) found.push(`${name}: ${v.summary}`);
      await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
    };
    for (const [name, open] of VIEWS) {
      await open(page);
      await look(name);
    }
    for (const [name, view, open] of DIALOGS) {
      await goTo(page, view);
      await open(page);
      const dialog = page.locator('dialog#confirm-dialog');
      await dialog.waitFor();
      const box = await dialog.boundingBox();
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height, `${name} fits the screen: ${JSON.stringify(box)}`);
      assert.ok(await dialog.evaluate((node) => node.scrollWidth <= node.clientWidth), `${name} is not cut off at the side`);
      for (const v of await axeViolations(page)) found.push(`${name}: ${v.summary}`);
      await page.screenshot({ path: path.join(dir, `${name}.png`) });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    assert.deepEqual(found, [], 'axe-core finds nothing, whatever the impact');
    assert.deepEqual(problems, []);
  });
}

test('why 4: on a phone the voice history is a list of cards, first on a child’s page, with shortcuts; the header is compact', async (t) => {
  const { page, problems } = await openPage(env, t, { contextOptions: { viewport: { width: 390, height: 844 } } });
  const header = await page.locator('header.page-header').boundingBox();
  assert.ok(header.height <= 200, `the header takes ${header.height} of 844 px`);

  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  // History first, then deleting; shortcuts to every part.
  const order = await maya.evaluate((view) => [...view.querySelectorAll(':scope > section.card, :scope > .profile-controls > section.card')].map((s) => s.querySelector('h3')?.textContent));
  assert.deepEqual(order.slice(0, 2), ['Voice history', "Delete Maya's recordings"]);
  const shortcuts = maya.getByRole('navigation', { name: 'On this page' });
  assert.deepEqual(await shortcuts.getByRole('button').allTextContents(), ['Voice history', 'Delete', 'How long kept', 'Consent', 'Data', 'Ads']);
  await shortcuts.getByRole('button', { name: 'How long kept' }).click();
  const heading = await page.evaluate(() => ({ id: document.activeElement?.id, top: document.activeElement?.getBoundingClientRect().top }));
  assert.equal(heading.id, 'retention--maya-heading');
  assert.ok(heading.top >= -1 && heading.top < 100, `the section comes to the top (${heading.top})`);

  // Each recording is a card: time, device, what was said, Play and Delete, all on screen.
  const cards = await maya.locator('li.recording').evaluateAll((items) =>
    items.map((card) => {
      const right = (selector) => card.querySelector(selector)?.getBoundingClientRect().right ?? 0;
      return {
        width: card.getBoundingClientRect().width,
        height: card.getBoundingClientRect().height,
        rights: ['.captured', '.device', '.transcript', '.rec-delete button', 'button.play'].map(right),
        transcript: card.querySelector('.transcript').getBoundingClientRect().width,
      };
    }),
  );
  assert.equal(cards.length, 25);
  for (const card of cards) {
    assert.ok(card.width <= 390 && card.rights.every((r) => r <= 390), JSON.stringify(card));
    assert.ok(card.transcript > 200, `what was said has most of the card's width (${card.transcript} px)`);
  }
  await noSidewaysScroll(page, 'profile', 390);
  const screens = (await page.evaluate(() => document.documentElement.scrollHeight)) / 844;
  t.diagnostic(`Maya's page at 390x844: ${screens.toFixed(1)} screens`);
  assert.ok(screens < 8.5, `a child's page is ${screens.toFixed(1)} screens long (it was 9.1)`);
  assert.deepEqual(problems, []);
});
