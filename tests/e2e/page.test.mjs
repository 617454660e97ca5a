// End-to-end: the parent's privacy page in headless Chromium (Debian's
// /usr/bin/chromium through playwright-core), served by scripts/serve.mjs
// in-process. Needs the built package in dist/ (`npm run build`).
//
// covers R-RET-1 R-RET-4 R-DEL-1 R-DEL-3 R-DEL-5

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, readdir } from 'node:fs/promises';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
// The tree to serve (web/, dist/, node_modules/): this checkout unless told otherwise.
const SERVE_ROOT = process.env.FAMILY_PRIVACY_E2E_ROOT ?? PROJECT_ROOT;
const SCREENSHOT = path.join(PROJECT_ROOT, 'build', 'e2e', 'overview.png');
const XSS_TRANSCRIPT = '<img src=x onerror="window.__pwned=1"></script><script>window.__pwned=2</script>';

let server;
let browser;

before(async () => {
  await access(path.join(SERVE_ROOT, 'dist', 'index.mjs')).catch(() => {
    throw new Error(`no built package at ${path.join(SERVE_ROOT, 'dist')}: run \`npm run build\` first`);
  });
  server = await startServer({ port: 0, root: SERVE_ROOT });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A fresh browser context (empty IndexedDB) and page, recording every
 * console error, page error, CSP violation and failed request.
 */
async function openPage(t, { query = '', contextOptions = {} } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    ...contextOptions,
  });
  t.after(() => context.close());
  const problems = [];
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const url = new URL(server.url);
  url.search = query;
  const load = async () => {
    await page.waitForSelector('html[data-app-state]', { timeout: 30_000 });
    const state = await page.getAttribute('html', 'data-app-state');
    assert.equal(state, 'ready', `page failed to start: ${await page.locator('#alerts').textContent()}`);
  };
  await page.goto(url.href);
  await load();
  const reload = async () => {
    await page.reload();
    await load();
  };
  const cspViolations = () => page.evaluate(() => window.__cspViolations);
  return { context, page, problems, reload, cspViolations };
}

/** The household state JSON exactly as the page stored it in IndexedDB, read with the raw API. */
function storedState(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('family-privacy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores = Array.from(db.objectStoreNames);
          const tx = db.transaction('state', 'readonly');
          const keys = tx.objectStore('state').getAllKeys();
          const value = tx.objectStore('state').get('household');
          tx.oncomplete = () => {
            db.close();
            resolve({ stores, keys: keys.result, value: value.result });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * Imports the state stored in IndexedDB into a fresh engine (the package
 * itself, not the page's instance) and reports what it holds.
 */
function storedEngineSummary(page, recordingIds = []) {
  return page.evaluate(async (ids) => {
    const { createPrivacyEngine } = await import('/pkg/index.mjs');
    const json = await new Promise((resolve, reject) => {
      const open = indexedDB.open('family-privacy');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const request = open.result.transaction('state').objectStore('state').get('household');
        request.onsuccess = () => {
          open.result.close();
          resolve(request.result);
        };
        request.onerror = () => reject(request.error);
      };
    });
    const engine = await createPrivacyEngine({ state: json });
    try {
      const overview = engine.overview();
      const effective = {};
      for (const profile of overview.profiles) effective[profile.id] = engine.effectiveRetention({ profileId: profile.id });
      return {
        effective,
        recordingIds: engine.listRecordings({ limit: 10_000 }).recordings.map((r) => r.id),
        tombstoned: engine.tombstones().map((t) => t.recordingId),
        mayUseForTraining: ids.map((id) => engine.mayUse({ recordingId: id, purpose: 'training' }).allowed),
      };
    } finally {
      engine.close();
    }
  }, recordingIds);
}

function profileSection(page, profileId) {
  return page.locator(`section.profile[data-profile-id="${profileId}"]`);
}

async function rowIds(section) {
  return section.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.dataset.recordingId));
}

async function tableTotal(section) {
  return Number(await section.locator('table').getAttribute('data-total'));
}

function rawGet(port, requestPath) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: requestPath }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      })
      .on('error', reject);
  });
}

test('server: MIME types, a strict CSP with the import map hash, no traversal, 404s', async () => {
  const base = server.url.slice(0, -1);
  const html = await fetch(`${base}/`);
  assert.equal(html.status, 200);
  assert.match(html.headers.get('content-type'), /^text\/html/);
  const csp = html.headers.get('content-security-policy');
  assert.ok(csp, 'HTML carries a Content-Security-Policy');
  const directives = new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
  for (const values of directives.values()) {
    assert.ok(!values.includes("'unsafe-inline'") && !values.includes("'unsafe-eval'"), csp);
  }
  const indexHtml = await readFile(path.join(SERVE_ROOT, 'web', 'index.html'), 'utf8');
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(indexHtml)[1];
  const hash = `'sha256-${createHash('sha256').update(importMap).digest('base64')}'`;
  assert.deepEqual(directives.get('script-src'), ["'self'", "'wasm-unsafe-eval'", hash]);
  assert.deepEqual(directives.get('default-src'), ["'self'"]);
  assert.deepEqual(directives.get('style-src'), ["'self'"]);
  assert.deepEqual(directives.get('img-src'), ["'self'", 'data:']);
  assert.deepEqual(directives.get('media-src'), ["'self'", 'blob:', 'data:']);
  assert.deepEqual(directives.get('object-src'), ["'none'"]);
  assert.deepEqual(directives.get('base-uri'), ["'none'"]);
  assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);

  const contentType = async (p) => {
    const response = await fetch(base + p);
    assert.equal(response.status, 200, p);
    await response.arrayBuffer();
    return response.headers.get('content-type');
  };
  assert.match(await contentType('/app.js'), /^text\/javascript/);
  assert.match(await contentType('/style.css'), /^text\/css/);
  assert.match(await contentType('/pkg/index.mjs'), /^text\/javascript/);
  assert.match(await contentType('/vendor/idb/index.js'), /^text\/javascript/);
  const wasmFiles = (await readdir(path.join(SERVE_ROOT, 'dist'))).filter((name) => name.endsWith('.wasm'));
  assert.ok(wasmFiles.length > 0, 'dist/ holds the .wasm');
  assert.equal(await contentType(`/pkg/${wasmFiles[0]}`), 'application/wasm');
  assert.equal((await fetch(`${base}/app.js`)).headers.get('content-security-policy'), null, 'CSP only on HTML');

  for (const attempt of [
    '/../package.json',
    '/%2e%2e/package.json',
    '/pkg/%2e%2e/package.json',
    '/pkg/..%2fpackage.json',
    '/vendor/idb/..%2f..%2f..%2fpackage.json',
    '/%2e%2e%5cpackage.json',
    '/pkg/../scripts/serve.mjs',
    '/%00',
  ]) {
    const status = await rawGet(server.port, attempt);
    assert.ok(status === 404 || status === 400, `${attempt} -> ${status}`);
  }
  assert.equal((await fetch(`${base}/no-such-file.js`)).status, 404);
  assert.equal((await fetch(`${base}/vendor/idb/no-such-file.js`)).status, 404);
  assert.equal((await fetch(`${base}/`, { method: 'POST' })).status, 405);
});

test('the page loads cleanly (no console errors, no CSP violations) and shows the demo household', async (t) => {
  const { page, problems, cspViolations, reload } = await openPage(t);

  // The household, its parents and devices.
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Family privacy settings' }).waitFor());
  assert.equal(await page.locator('#household-heading').textContent(), 'The Rivera household');
  const household = await page.locator('section.household').textContent();
  for (const text of ['Alex Rivera', 'Jordan Rivera', 'Kitchen speaker', "Maya's tablet", 'Living room display']) {
    assert.ok(household.includes(text), text);
  }

  // Each profile, with its setting, effective value and a page of recordings.
  const names = await page.locator('section.profile h2').allTextContents();
  assert.deepEqual(names, ['Maya', 'Leo', 'Sam']);
  const overview = await page.evaluate(async () => {
    const settings = {};
    for (const section of document.querySelectorAll('section.profile')) {
      settings[section.dataset.profileId] = {
        setting: section.querySelector('select[name="setting"]').value,
        effective: section.querySelector('.effective-value').textContent,
        rows: section.querySelectorAll('tbody tr').length,
        total: Number(section.querySelector('table').dataset.total),
        caption: section.querySelector('caption').textContent,
      };
    }
    return settings;
  });
  assert.equal(overview.maya.setting, '18_months');
  assert.match(overview.maya.effective, /kept for 18 months/);
  assert.equal(overview.leo.setting, 'until_deleted');
  assert.match(overview.leo.effective, /18 months.*written retention policy/, 'a child capped by the policy (R-RET-4)');
  assert.equal(overview.sam.setting, 'until_deleted');
  assert.equal(overview.sam.effective, 'kept until deleted');
  const totalRecordings = overview.maya.total + overview.leo.total + overview.sam.total;
  assert.ok(totalRecordings >= 200 && totalRecordings <= 600, `a few hundred recordings, got ${totalRecordings}`);
  for (const id of ['maya', 'leo', 'sam']) {
    assert.equal(overview[id].rows, Math.min(50, overview[id].total), `${id}: paged by 50`);
    assert.match(overview[id].caption, new RegExp(`1–${overview[id].rows} of ${overview[id].total}`));
  }

  // Rows: captured date, device, transcript, due date; newest first.
  const maya = profileSection(page, 'maya');
  const firstRow = maya.locator('tbody tr').first();
  const cells = await firstRow.locator('td').allTextContents();
  assert.ok(cells[0].length > 0 && cells[1].length > 0 && cells[2].length > 0 && cells[5].length > 0, cells.join(' | '));
  assert.ok(["Kitchen speaker", "Maya's tablet", 'Living room display'].includes(cells[1]), cells[1]);
  const captured = await maya.locator('tbody tr td:first-child time').evaluateAll((times) => times.map((time) => Date.parse(time.dateTime)));
  assert.deepEqual(captured, captured.slice().sort((a, b) => b - a), 'newest first');
  assert.ok(captured[0] <= Date.now() && captured.at(-1) >= Date.now() - 731 * 24 * 3600 * 1000, 'within the last two years');

  const firstIds = await rowIds(maya);
  const firstTimes = await maya.locator('tbody tr td:first-child time').evaluateAll((times) => times.map((time) => time.dateTime));

  // The overview, as a parent first sees it.
  await mkdir(path.dirname(SCREENSHOT), { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: SCREENSHOT, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1600 } });

  // Paging to older recordings.
  await maya.getByRole('button', { name: 'Older' }).click();
  await maya.locator('caption', { hasText: '51–' }).waitFor();
  const olderCaptured = await maya.locator('tbody tr td:first-child time').evaluateAll((times) => times.map((time) => Date.parse(time.dateTime)));
  assert.ok(olderCaptured[0] <= captured.at(-1), 'the next page is older');
  assert.equal(await maya.getByRole('button', { name: 'Newer' }).isEnabled(), true);

  // Saved in IndexedDB: database family-privacy, one store `state`, key `household`.
  const stored = await storedState(page);
  assert.deepEqual(stored.stores, ['state']);
  assert.deepEqual(stored.keys, ['household']);
  assert.equal(typeof stored.value, 'string');
  assert.equal(JSON.parse(stored.value).schemaVersion, 1);


  // A reload imports the saved state rather than making a new household.
  await reload();
  assert.equal(await page.locator('#app').getAttribute('data-source'), 'stored');
  assert.deepEqual(await rowIds(profileSection(page, 'maya')), firstIds);
  assert.deepEqual(
    await profileSection(page, 'maya').locator('tbody tr td:first-child time').evaluateAll((times) => times.map((time) => time.dateTime)),
    firstTimes,
  );
  assert.equal((await storedState(page)).value, stored.value, 'loading alone does not rewrite the state');

  assert.deepEqual(await cspViolations(), []);
  assert.deepEqual(problems, []);
});

test('changing retention shows the effective value and persists across a reload', async (t) => {
  const { page, problems, reload } = await openPage(t);
  const maya = profileSection(page, 'maya');
  const sam = profileSection(page, 'sam');

  // Choosing previews what would become due, without saving (R-RET-5).
  await maya.getByLabel('Retention setting').selectOption('3_months');
  await maya.locator('.retention-form .hint', { hasText: 'Not saved yet' }).waitFor();
  assert.match(await maya.locator('.effective-value').textContent(), /18 months/, 'not applied until saved');

  await maya.getByRole('button', { name: 'Save setting' }).click();
  await maya.locator('.effective-value', { hasText: 'kept for 3 months' }).waitFor();
  assert.match(await page.locator('#status').textContent(), /Maya: keep for 3 months/);

  // An adult chooses for themself.
  await sam.getByLabel('Retention setting').selectOption('dont_save');
  await sam.getByRole('button', { name: 'Save setting' }).click();
  await sam.locator('.effective-value', { hasText: 'not saved' }).waitFor();
  assert.equal(await page.locator('#alerts').textContent(), '');

  await reload();
  assert.equal(await maya.getByLabel('Retention setting').inputValue(), '3_months');
  assert.equal(await maya.locator('.effective-value').textContent(), 'kept for 3 months');
  assert.equal(await sam.getByLabel('Retention setting').inputValue(), 'dont_save');
  assert.match(await sam.locator('.effective-value').textContent(), /^not saved/);
  // Due dates follow the new setting: every row of Maya's is due 3 months after capture.
  const dueGaps = await maya.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const [captured, , , , , due] = row.querySelectorAll('td');
      const c = new Date(captured.querySelector('time').dateTime);
      const d = new Date(due.querySelector('time').dateTime);
      return (d.getUTCFullYear() - c.getUTCFullYear()) * 12 + d.getUTCMonth() - c.getUTCMonth();
    }),
  );
  assert.ok(dueGaps.length > 0 && dueGaps.every((gap) => gap === 3), dueGaps.join(','));

  // The stored state, imported into a fresh engine, says the same.
  const { effective } = await storedEngineSummary(page);
  assert.equal(effective.maya.setting, '3_months');
  assert.equal(effective.maya.months, 3);
  assert.equal(effective.sam.setting, 'dont_save');
  assert.equal(effective.sam.months, 0);
  assert.deepEqual(problems, []);
});

test('keyboard only: change a setting, with a visible focus ring', async (t) => {
  const { page, problems } = await openPage(t);
  const maya = profileSection(page, 'maya');
  const select = maya.getByLabel('Retention setting');
  // Reach Maya's setting with the keyboard: Tab through the page until it has focus.
  let reached = false;
  for (let i = 0; i < 40 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await select.evaluate((node) => node === document.activeElement);
  }
  assert.ok(reached, "Maya's retention setting is reachable with Tab");
  assert.equal(await select.evaluate((node) => getComputedStyle(node).outlineStyle), 'solid', 'visible focus');
  // 18_months -> 3_months with the arrow keys.
  await page.keyboard.press('ArrowUp');
  assert.equal(await select.inputValue(), '3_months');
  await page.keyboard.press('Tab');
  const save = maya.getByRole('button', { name: 'Save setting' });
  assert.ok(await save.evaluate((node) => node === document.activeElement), 'Tab moves to Save');
  assert.equal(await save.evaluate((node) => getComputedStyle(node).outlineStyle), 'solid');
  await page.keyboard.press('Enter');
  await maya.locator('.effective-value', { hasText: 'kept for 3 months' }).waitFor();
  assert.equal(await maya.getByLabel('Retention setting').inputValue(), '3_months');
  // Focus stays on the Save button after the page re-renders.
  assert.equal(await page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`), 'BUTTON Save setting');
  assert.deepEqual(problems, []);
});

test('deleting one recording and a date range shows receipts; they are gone after a reload and from IndexedDB', async (t) => {
  const { page, problems, reload } = await openPage(t);
  const maya = profileSection(page, 'maya');
  const leo = profileSection(page, 'leo');
  const dialog = page.locator('dialog#deletion-dialog');

  // One recording, by id.
  const mayaTotal = await tableTotal(maya);
  const [target] = await rowIds(maya);
  await maya.locator(`tr[data-recording-id="${target}"]`).getByRole('button', { name: /^Delete recording/ }).click();
  await dialog.waitFor();
  assert.match(await dialog.locator('.preview-counts').textContent(), /^1 recording/, "the engine's preview comes first");
  await dialog.getByRole('button', { name: 'Delete permanently' }).click();
  await dialog.getByRole('heading', { name: 'Deletion receipt' }).waitFor();
  const receiptOne = await dialog.locator('.receipt').textContent();
  assert.match(receiptOne, /Status\s*Deleted/);
  assert.match(receiptOne, /Requested by\s*Alex Rivera/);
  assert.match(receiptOne, /1 recording/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await maya.locator(`tr[data-recording-id="${target}"]`).count(), 0);
  assert.equal(await tableTotal(maya), mayaTotal - 1);
  await page.locator('#last-receipt').getByRole('heading', { name: 'Deletion receipt' }).waitFor();

  // A date range: the local days spanning Leo's 5th to 10th newest recordings.
  const leoTotal = await tableTotal(leo);
  const range = await leo.locator('tbody tr').evaluateAll((rows) => {
    const times = rows.map((row) => ({ id: row.dataset.recordingId, at: Date.parse(row.querySelector('time').dateTime) }));
    const day = (ms) => {
      const d = new Date(ms);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const from = day(times[9].at);
    const to = day(times[4].at);
    const [fy, fm, fd] = from.split('-').map(Number);
    const [ty, tm, td] = to.split('-').map(Number);
    const start = new Date(fy, fm - 1, fd).getTime();
    const end = new Date(ty, tm - 1, td + 1).getTime();
    return { from, to, ids: times.filter((t) => t.at >= start && t.at < end).map((t) => t.id) };
  });
  assert.ok(range.ids.length >= 6, JSON.stringify(range));
  await leo.getByLabel('From (first day)').fill(range.from);
  await leo.getByLabel('To (last day, included)').fill(range.to);
  await leo.getByRole('button', { name: 'Review deletion…' }).click();
  await dialog.waitFor();
  const n = range.ids.length;
  assert.match(await dialog.locator('.preview-counts').textContent(), new RegExp(`^${n} recordings`));
  await dialog.getByRole('button', { name: 'Delete permanently' }).click();
  await dialog.getByRole('heading', { name: 'Deletion receipt' }).waitFor();
  const receiptRange = await dialog.locator('.receipt').textContent();
  assert.match(receiptRange, new RegExp(`${n} recordings`));
  assert.match(receiptRange, /captured from .* up to \(not including\)/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await tableTotal(leo), leoTotal - n);
  assert.match(await page.locator('#last-receipt').textContent(), new RegExp(`${n} recordings`));

  // After a reload, from storage.
  await reload();
  assert.equal(await tableTotal(maya), mayaTotal - 1);
  assert.equal(await tableTotal(leo), leoTotal - n);
  const shownAfter = new Set([...(await rowIds(maya)), ...(await rowIds(leo))]);
  for (const id of [target, ...range.ids]) assert.ok(!shownAfter.has(id), `${id} is gone`);

  // And in IndexedDB: the stored state, imported into a fresh engine.
  const gone = [target, ...range.ids];
  const summary = await storedEngineSummary(page, gone);
  assert.deepEqual(summary.recordingIds.filter((id) => gone.includes(id)), []);
  assert.equal(summary.recordingIds.length, (await tableTotal(maya)) + (await tableTotal(leo)) + (await tableTotal(profileSection(page, 'sam'))));
  assert.deepEqual(summary.tombstoned.filter((id) => gone.includes(id)).sort(), gone.slice().sort());
  assert.deepEqual(summary.mayUseForTraining, gone.map(() => false), 'deleted recordings may not be used for training (R-DEL-4)');
  const raw = (await storedState(page)).value;
  for (const id of gone) {
    const recordingShape = new RegExp(`"id":"${id}","profileId"`);
    assert.doesNotMatch(raw, recordingShape, `${id} not stored as a recording any more`);
  }
  assert.deepEqual(problems, []);
});

test('engine errors show in the alert region with their code', async (t) => {
  const { page, problems } = await openPage(t);
  const leo = profileSection(page, 'leo');
  // "To" a day before "From": the engine refuses the empty half-open range.
  await leo.getByLabel('From (first day)').fill('2024-03-10');
  await leo.getByLabel('To (last day, included)').fill('2024-03-08');
  await leo.getByRole('button', { name: 'Review deletion…' }).click();
  const alert = page.getByRole('alert');
  await alert.locator('.error').waitFor();
  assert.equal(await alert.locator('.error-code').textContent(), 'invalid_input');
  assert.ok((await alert.locator('.error-details li').count()) >= 1, 'the details are listed');
  assert.equal(await page.locator('dialog#deletion-dialog').isVisible(), false, 'nothing to confirm');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.locator('#alerts').textContent(), '');
  assert.deepEqual(problems, []);
});

test('an untrusted transcript renders as literal text and runs nothing', async (t) => {
  const { page, problems, reload, cspViolations } = await openPage(t, { query: '?test' });
  const added = await page.evaluate(
    (transcript) =>
      window.familyPrivacyTest.addRecording({
        id: 'rec-untrusted',
        profileId: 'maya',
        deviceId: 'maya-tablet',
        capturedAt: Date.now() - 1000,
        audio: { ref: 'audio/rec-untrusted.opus', durationMs: 1500 },
        transcript,
        derived: [{ id: 'rec-untrusted-intent', kind: 'intent' }],
      }),
    XSS_TRANSCRIPT,
  );
  assert.equal(added.transcript, XSS_TRANSCRIPT);
  const check = async () => {
    const row = profileSection(page, 'maya').locator('tr[data-recording-id="rec-untrusted"]');
    assert.equal(await row.locator('td.transcript').textContent(), XSS_TRANSCRIPT);
    assert.equal(await row.locator('td.transcript').evaluate((cell) => cell.children.length), 0, 'no elements inside');
    assert.equal(await page.locator('#app img, #app script').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  };
  await check();
  // In the confirmation dialog too.
  await profileSection(page, 'maya').locator('tr[data-recording-id="rec-untrusted"]').getByRole('button', { name: /^Delete/ }).click();
  const dialog = page.locator('dialog#deletion-dialog');
  await dialog.waitFor();
  assert.ok((await dialog.locator('.dialog-scope').textContent()).includes(XSS_TRANSCRIPT));
  assert.equal(await dialog.locator('img, script').count(), 0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  // And after a reload from storage.
  await reload();
  await check();
  // Without ?test there is no hook.
  await page.goto(server.url);
  await page.waitForSelector('html[data-app-state="ready"]');
  assert.equal(await page.evaluate(() => typeof window.familyPrivacyTest), 'undefined');
  assert.deepEqual(await cspViolations(), []);
  assert.deepEqual(problems, []);
});

test('accessibility: axe-core finds no violations', async (t) => {
  // bypassCSP only so that axe itself can be injected; the page is the same.
  const { page } = await openPage(t, { contextOptions: { bypassCSP: true } });
  const axeSource = await readFile(path.join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.help} e.g. ${v.nodes[0]?.target}`);
  assert.deepEqual(summary, []);
});
