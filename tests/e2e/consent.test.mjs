// Verifiable parental consent through the page: adding a child walks through
// an approved method and the demo verifier (which says that it is one); a
// child without verified consent is not enabled and nothing is recorded into
// it; disclosure to third parties is separate, off by default and refused for
// email-plus; revocation keeps or deletes the data (the engine's count first,
// then a receipt; recordings and audio clips gone from IndexedDB); fresh
// consent after revocation and after a material change of the notice.
//
// covers R-CON-1 R-CON-2 R-CON-3 R-CON-4 R-CON-5 R-CON-6 R-PRO-1 R-DEL-3 R-DEL-5

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  openPage,
  goTo,
  profileView,
  dialogCounts,
  confirmAndReadReceipt,
  storedHousehold,
  readDatabase,
  axeAudit,
  screenshot,
  countsText,
  receiptCountsText,
  expectedCounts,
  recordingsOf,
  downloadedFiles,
  publishRecipient,
  confirmAndOpenReceipt, overviewOf
} from './helpers.mjs';

const env = useBrowser();
const DEMO_NOTICE = 'Demo verifier — in a real service a verification provider checks this.';

const overview = (page) => overviewOf(page);
const profileNamed = async (page, name) => (await overview(page)).profiles.find((p) => p.name === name);
const focusedId = (page) => page.evaluate(() => document.activeElement?.id);

/** "Something said to a device, now", through the demo tools; resolves to the status text or the refusal's code. */
async function sayAs(page, name, words) {
  await goTo(page, 'data');
  await page.getByLabel('Said by').selectOption({ label: name });
  await page.getByLabel('What was said').fill(words);
  await page.getByRole('button', { name: 'Record it' }).click();
  const refused = page.locator('form.simulate-form .problem .error-code');
  const recorded = page.locator('#status', { hasText: `Recorded ${name} saying` });
  await Promise.race([refused.waitFor({ state: 'attached' }), recorded.waitFor()]);
  if (await refused.count()) return { refused: await refused.textContent() };
  return { recorded: await recorded.textContent() };
}

/** Adds a child through the walk-through, up to the demo verifier; returns the profile. */
async function addChild(page, { name, birthDate, method }) {
  await goTo(page, 'add-child');
  await page.getByLabel('Child’s name').fill(name);
  if (birthDate) await page.getByLabel('Birth date (optional)').fill(birthDate);
  await page.getByLabel(method, { exact: true }).check();
  await page.getByRole('button', { name: 'Add the child and continue to verification' }).click();
  await page.locator('section.verifier').waitFor();
  return profileNamed(page, name);
}

test('adding a child walks through consent: an approved method, the demo verifier, then recording is allowed', async (t) => {
  const { page, problems, cspViolations, reload } = await openPage(env, t);
  await goTo(page, 'add-child');
  assert.equal(await page.locator('#view-heading').textContent(), 'Add a child or teen');
  assert.equal(await page.locator('#add-child-steps li[aria-current="step"]').textContent(), 'Current: Who the child is');

  // The nine approved methods, each in plain words; email-plus says it covers internal use only.
  const methods = await page.locator('.method-list li').evaluateAll((items) =>
    items.map((item) => ({ value: item.querySelector('input').value, label: item.querySelector('label').textContent, text: item.querySelector('.method-text').textContent })),
  );
  assert.deepEqual(
    methods.map((m) => m.value),
    ['signed_form', 'payment_card', 'toll_free_call', 'video_call', 'government_id', 'knowledge_based', 'face_match', 'text_plus', 'email_plus'],
  );
  for (const m of methods) assert.ok(m.text.length > 30, `${m.value} is explained`);
  assert.match(methods[8].text, /covers internal use only/);
  assert.deepEqual(methods.filter((m) => /internal use only/.test(m.text)).map((m) => m.value), ['text_plus', 'email_plus'], 'text-plus, like email-plus, never backs disclosure (R-CON-2)');
  await screenshot(page, 'add-child');

  // Step 1 -> 2: the child exists, not enabled, consent pending with the method chosen.
  const ada = await addChild(page, { name: 'Ada', birthDate: '2019-05-05', method: 'Video call' });
  assert.equal(await focusedId(page), `verifier-heading--${ada.id.replace(/-/g, '_2d_')}`, 'focus moves to the verifier');
  assert.deepEqual([ada.kind, ada.birthDate, ada.enabled, ada.consent.state, ada.consent.requestedMethod], ['child', '2019-05-05', false, 'pending', 'video_call']);
  const verifier = page.locator('section.verifier');
  assert.equal(await verifier.locator('.demo-banner').textContent(), DEMO_NOTICE, 'the demo verifier says that it is one');
  assert.equal(await verifier.locator('.verifier-method').textContent(), 'Video call');
  assert.equal(await page.locator('#add-child-steps li[aria-current="step"]').textContent(), 'Current: Verification');
  assert.match(await page.locator(`#nav a[data-nav="profile:${ada.id}"]`).textContent(), /^Ada not enabled$/);
  const reference = await verifier.locator('.verifier-reference').textContent();
  assert.match(reference, /^DEMO-[0-9A-F]{8}$/);
  await screenshot(page, 'add-child-verifier');

  // Step 3: verified by the demo verifier, with its reference; the child is enabled.
  await verifier.getByRole('button', { name: 'Mark as verified (demo)' }).click();
  await page.locator('#add-child-done').waitFor();
  assert.equal(await focusedId(page), 'add-child-done-heading');
  assert.equal(await page.locator('#add-child-done h3').textContent(), 'Ada is enabled');
  const verified = await profileNamed(page, 'Ada');
  assert.equal(verified.enabled, true);
  assert.equal(verified.consent.state, 'verified');
  assert.deepEqual({ ...verified.consent.evidence, verifiedAt: typeof verified.consent.evidence.verifiedAt }, {
    method: 'video_call',
    reference,
    verifiedBy: 'Demo verifier',
    verifiedAt: 'number',
  });
  assert.equal(verified.consent.noticeVersion, 1);
  assert.equal(verified.consent.disclosure, false, 'disclosure is off by default (R-CON-3)');
  assert.equal(await page.locator(`#nav a[data-nav="profile:${ada.id}"]`).textContent(), 'Ada');

  // Ada's consent panel: state, method, evidence, notice version, and the data export.
  await page.getByRole('link', { name: "Open Ada's settings" }).click();
  const panel = profileView(page, ada.id).locator('section.consent');
  await panel.waitFor();
  const fields = await panel.locator('.consent-fields').evaluate((dl) =>
    Object.fromEntries(Array.from(dl.querySelectorAll('dt'), (dt) => [dt.textContent, dt.nextElementSibling.textContent])),
  );
  assert.equal(fields.State, 'Verified');
  assert.equal(fields.Method, 'Video call');
  assert.equal(fields.Reference, reference);
  assert.equal(fields['Verified by'], 'Demo verifier');
  assert.match(fields['Verified at'], /\d{4}/);
  assert.equal(fields['Privacy notice'], 'version 1 (the current one)');
  const exported = await downloadedFiles(page, () => panel.getByRole('button', { name: "Export a copy of Ada's data" }).click());
  assert.match(exported.name, /^the-rivera-household-ada-data-\d{4}-\d{2}-\d{2}\.zip$/);
  assert.match(exported.files['summary.txt'], /What The Rivera household keeps about Ada/);
  const file = JSON.parse(exported.files['data.json']);
  assert.equal(file.profile.id, ada.id);
  assert.equal(file.profile.consent.evidence.reference, reference);

  // Recording into Ada is now allowed (R-CON-1).
  assert.match((await sayAs(page, 'Ada', 'what is a rainbow')).recorded, /Recorded Ada saying “what is a rainbow”/);
  assert.equal((await recordingsOf(page, ada.id)).length, 1);

  // A second child: the request is cancelled, so the child stays not enabled and nothing is recorded.
  const ben = await addChild(page, { name: 'Ben', method: 'Email, plus a check' });
  assert.match(await page.locator('section.verifier').textContent(), /covers internal use only/);
  await page.getByRole('button', { name: 'Cancel the request' }).click();
  await page.locator('form[aria-label="Consent for Ben"]').waitFor();
  const cancelled = await profileNamed(page, 'Ben');
  assert.deepEqual([cancelled.consent.state, cancelled.enabled, cancelled.consent.requestedMethod], ['none', false, null]);
  assert.match(await page.locator('#status').textContent(), /cancelled\. Ben stays not enabled/);
  assert.deepEqual(await sayAs(page, 'Ben', 'hello'), { refused: 'consent_required' });
  assert.equal((await recordingsOf(page, ben.id)).length, 0);

  // The household shows who is not enabled, with a call to action.
  await goTo(page, 'household');
  const benCell = page.locator(`#profiles-table tr[data-profile-id="${ben.id}"] td.consent-cell`);
  assert.match(await benCell.textContent(), /not enabled not given — give consent/);
  await benCell.getByRole('link', { name: 'Give consent for Ben' }).click();
  const benView = profileView(page, ben.id);
  await benView.waitFor();
  assert.match(await benView.locator('.cta').textContent(), /Ben is not enabled: nothing is recorded until a parent gives verified consent/);
  await benView.locator('.cta').getByRole('button', { name: 'Give consent' }).click();
  assert.equal(await focusedId(page), `consent-heading--${ben.id.replace(/-/g, '_2d_')}`);
  await screenshot(page, 'child-not-enabled');

  // Stored: every step journaled; storage and page agree, after a reload too.
  const stored = await storedHousehold(page);
  assert.equal(stored.matchesPage, true);
  assert.deepEqual(stored.journal.map((e) => e.method), [
    'addProfile', 'requestConsent', 'recordConsent', 'addRecording', 'addProfile', 'requestConsent', 'cancelConsent',
  ]);
  await reload();
  assert.equal((await profileNamed(page, 'Ada')).consent.evidence.reference, reference);
  assert.deepEqual(await cspViolations(), []);
  assert.deepEqual(problems, []);
});

// covers R-CON-3 R-CON-5 (why 2 of issue 12)
test('why 2: disclosure to third parties is confirmed like a deletion, naming recipients and purposes; none named: it cannot be turned on; shown on the household, withdrawn in one step; refused for email-plus', async (t) => {
  const { page, problems } = await openPage(env, t);
  const dialog = page.locator('dialog#confirm-dialog');
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  const section = maya.locator('.disclosure-consent');
  assert.equal(await section.getAttribute('data-disclosure'), 'false', 'off by default');
  assert.match(await section.textContent(), /separate consent.*off unless you turn it on.*can use the service just the same without it/s);
  // The demo's notice names nobody: there is nothing to consent to.
  assert.equal(await section.locator('.no-recipients').textContent(), 'The privacy notice names no third party, so there is nobody this could go to: it cannot be turned on.');
  assert.equal(await section.getByRole('button', { name: /^Allow disclosure/ }).count(), 0);

  // The operator names a recipient (a material change: Maya's consent is given afresh).
  await publishRecipient(page, ['Maya']);
  await goTo(page, 'profile:maya');
  await section.getByRole('button', { name: 'Allow disclosure to the recipients named…' }).click();
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), "Allow Maya's data to be disclosed to third parties?");
  assert.equal(await dialog.locator('ul.recipients li').textContent(), 'Acme Speech Lab (model training): improving speech recognition for children’s voices');
  await screenshot(page, 'dialog-disclosure', { fullPage: false });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal((await profileNamed(page, 'Maya')).consent.disclosure, false, 'cancelled: still off');
  await section.getByRole('button', { name: 'Allow disclosure to the recipients named…' }).click();
  await dialog.getByRole('button', { name: 'Allow disclosure to 1 recipient' }).click();
  await page.locator('#status', { hasText: 'Disclosure to third parties is on for Maya.' }).waitFor();
  assert.equal((await profileNamed(page, 'Maya')).consent.disclosure, true);
  assert.match(await section.locator('.disclosure-state').textContent(), /^On: Acme Speech Lab \(improving speech recognition for children’s voices\) may receive it\./);

  // The household overview shows it, and withdraws it in one step.
  await goTo(page, 'household');
  const overview = page.locator('#disclosure-overview');
  assert.equal(await overview.getAttribute('data-on'), '1');
  assert.match(await overview.textContent(), /On for Maya: Acme Speech Lab \(improving speech recognition for children’s voices\) may receive what Maya says/);
  await overview.getByRole('button', { name: 'Withdraw for Maya' }).click();
  await page.locator('#status', { hasText: 'Disclosure to third parties is off for Maya' }).waitFor();
  assert.equal(await dialog.isVisible(), false, 'withdrawing asks nothing');
  assert.equal((await profileNamed(page, 'Maya')).consent.disclosure, false);
  assert.match(await overview.textContent(), /Off for every child/);

  // Consent by email-plus backs internal use only: the engine refuses, next to the button, in plain words.
  const eve = await addChild(page, { name: 'Eve', method: 'Email, plus a check' });
  await page.getByRole('button', { name: 'Mark as verified (demo)' }).click();
  await page.locator('#add-child-done').waitFor();
  await goTo(page, `profile:${eve.id}`);
  const view = profileView(page, eve.id);
  assert.match(await view.locator('.internal-only-note').textContent(), /internal use only/);
  await view.getByRole('button', { name: 'Allow disclosure to the recipients named…' }).click();
  await dialog.getByRole('button', { name: 'Allow disclosure to 1 recipient' }).click();
  const problem = view.locator('.disclosure-consent .problem');
  await problem.waitFor();
  assert.match(await problem.locator('.problem-text').textContent(), /^The way consent was given covers internal use only/);
  assert.equal(await problem.locator('.error-code').textContent(), 'consent_required', "the engine's code kept for support");
  assert.equal(await page.locator('#alerts').textContent(), '');
  assert.equal((await profileNamed(page, 'Eve')).consent.disclosure, false);
  await screenshot(page, 'disclosure-refused-email-plus');

  const stored = await storedHousehold(page);
  assert.equal(stored.matchesPage, true);
  assert.deepEqual(stored.journal.map((e) => e.method), [
    'setPrivacyNotice', 'recordConsent', 'setDisclosureConsent', 'setDisclosureConsent', 'addProfile', 'requestConsent', 'recordConsent',
  ], 'the refused command stored nothing');
  assert.deepEqual(problems, []);
});

test('revoke and keep the recordings, give consent again; revoke and delete now: the count first, then the receipt, audio gone', async (t) => {
  const { page, problems, reload } = await openPage(env, t);
  const dialog = page.locator('dialog#confirm-dialog');

  // Maya: revoke, keep the recordings.
  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  const mayaBefore = await recordingsOf(page, 'maya');
  await maya.getByRole('button', { name: 'Revoke consent…' }).click();
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), 'Revoke consent for Maya?');
  assert.match(await dialog.textContent(), new RegExp(`Maya has ${mayaBefore.length} recordings kept`));
  assert.equal(await focusedId(page), 'dialog-cancel', 'Cancel has the focus first');
  await screenshot(page, 'dialog-revoke-choice', { fullPage: false });
  await dialog.getByRole('button', { name: 'Keep the recordings' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await maya.locator('section.consent[data-state="revoked"]').waitFor();
  assert.match(await page.locator('#status').textContent(), new RegExp(`Consent for Maya was revoked: recording stopped\\. The ${mayaBefore.length} recordings were kept\\.`));
  const revoked = await profileNamed(page, 'Maya');
  assert.deepEqual([revoked.consent.state, revoked.enabled, revoked.recordingCount], ['revoked', false, mayaBefore.length]);
  assert.equal(typeof revoked.consent.revokedAt, 'number');
  assert.match(await maya.locator('.cta').textContent(), /consent was revoked/);
  // Collection stopped at once (R-CON-4): the engine refuses a new recording.
  const refused = await page.evaluate(() =>
    window.familyPrivacyTest
      .addRecording({ id: 'after-revoke', profileId: 'maya', deviceId: 'kitchen-speaker', capturedAt: Date.now(), transcript: 'hi', audio: null })
      .then(() => 'recorded', (error) => error.code),
  );
  assert.equal(refused, 'consent_required');

  // Fresh consent after revocation.
  await maya.getByLabel('Free phone call', { exact: true }).check();
  await maya.getByRole('button', { name: 'Request consent again with this method' }).click();
  await maya.locator('section.verifier').waitFor();
  assert.equal(await maya.locator('.demo-banner').textContent(), DEMO_NOTICE);
  await maya.getByRole('button', { name: 'Mark as verified (demo)' }).click();
  await maya.locator('section.consent[data-state="verified"]').waitFor();
  const again = await profileNamed(page, 'Maya');
  assert.deepEqual([again.enabled, again.consent.evidence.method, again.consent.revokedAt], [true, 'toll_free_call', null]);

  // Leo: revoke and delete now. The engine's count comes first, then the receipt.
  await goTo(page, 'profile:leo');
  const leo = profileView(page, 'leo');
  const leoBefore = await recordingsOf(page, 'leo');
  const leoIds = leoBefore.map((r) => r.id);
  const before = await storedHousehold(page);
  assert.ok(before.storedAudio.some((clip) => leoIds.includes(clip.recordingId)), 'some of Leo’s recordings have audio clips');
  await leo.getByRole('button', { name: 'Revoke consent…' }).click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Delete them now…' }).click();
  await dialog.locator('.preview-counts').waitFor();
  assert.equal(await dialog.locator('h2').textContent(), "Revoke consent and delete all of Leo's recordings?");
  assert.equal(await dialogCounts(page), countsText(expectedCounts(leoBefore)), "the engine's count");
  await screenshot(page, 'dialog-revoke-delete-count', { fullPage: false });
  const { text: receipt, notice } = await confirmAndOpenReceipt(page, { confirm: 'Revoke and delete permanently' });
  assert.match(receipt, /Status\s*Deleted/);
  assert.match(receipt, /Requested by\s*Alex Rivera/);
  assert.match(receipt, /For\s*Leo/);
  assert.match(receipt, /What was asked\s*every recording/);
  assert.ok(receipt.includes(receiptCountsText(expectedCounts(leoBefore))));
  assert.match(await page.locator('#status').textContent(), new RegExp(`Consent for Leo was revoked: recording stopped, and ${leoBefore.length} recordings were deleted\\. Receipt revoke-`));
  assert.match(await notice.locator('.done-text').textContent(), /^Consent for Leo was revoked/, 'one receipt, in place in the consent panel');
  assert.equal(await notice.evaluate((node) => node.closest('section.consent') !== null), true);
  const leoAfter = await profileNamed(page, 'Leo');
  assert.deepEqual([leoAfter.consent.state, leoAfter.enabled, leoAfter.recordingCount], ['revoked', false, 0]);

  // IndexedDB: Leo's recordings and their audio clips are gone, tombstoned, never usable.
  const stored = await storedHousehold(page, leoIds);
  assert.equal(stored.matchesPage, true);
  assert.deepEqual(stored.recordingIds.filter((id) => leoIds.includes(id)), []);
  assert.deepEqual(stored.tombstoned.filter((id) => leoIds.includes(id)).sort(), leoIds.slice().sort());
  assert.ok(stored.mayUseForTraining.every((allowed) => allowed === false));
  assert.deepEqual(stored.storedAudio.filter((clip) => leoIds.includes(clip.recordingId)), [], 'audio clips deleted in the same transaction');
  assert.deepEqual(stored.storedAudio.map((clip) => clip.ref).sort(), stored.audioRefs.slice().sort(), 'no orphaned clip');
  assert.equal(stored.profiles.maya.recordingCount, mayaBefore.length, "Maya's kept recordings are still there");
  assert.deepEqual(stored.journal.map((e) => e.method), ['revokeConsent', 'requestConsent', 'recordConsent', 'revokeConsent']);
  const db = await readDatabase(page);
  assert.equal(db.journal.at(-1).input.deleteData, true);
  assert.match(db.journal.at(-1).input.requestId, /^revoke-/);

  await reload();
  assert.equal((await profileNamed(page, 'Leo')).consent.state, 'revoked');
  assert.deepEqual(problems, []);
});

test('a material change of the privacy notice needs fresh consent: children paused, re-consent through the verifier', async (t) => {
  const { page, problems } = await openPage(env, t);
  await goTo(page, 'data');
  await page.getByRole('button', { name: 'Publish a changed privacy notice…' }).click();
  const dialog = page.locator('dialog#confirm-dialog');
  await dialog.getByRole('button', { name: 'Publish version 2' }).click();
  await page.locator('#status', { hasText: 'Privacy notice version 2 published. A material change: 2 children need fresh consent (Maya, Leo).' }).waitFor();
  for (const name of ['Maya', 'Leo']) {
    const child = await profileNamed(page, name);
    assert.deepEqual([child.consent.state, child.consent.reason, child.enabled], ['pending', 'material_change', false], name);
  }
  assert.match(await page.locator('#nav a[data-nav="profile:maya"]').textContent(), /not enabled/);

  await goTo(page, 'profile:maya');
  const maya = profileView(page, 'maya');
  assert.match(await maya.locator('.material-change').textContent(), /privacy notice changed .* \(now version 2\)\. Maya is paused until you give fresh consent/);
  assert.match(await maya.locator('.consent-fields').textContent(), /version 1 \(the current one is version 2\)/);
  assert.equal(await maya.locator('.verifier-method').textContent(), 'Signed consent form', 'the method consented with before');
  await screenshot(page, 'material-change');
  await maya.getByRole('button', { name: 'Mark as verified (demo)' }).click();
  await maya.locator('section.consent[data-state="verified"]').waitFor();
  const fresh = await profileNamed(page, 'Maya');
  assert.deepEqual([fresh.consent.noticeVersion, fresh.consent.reason, fresh.enabled], [2, null, true]);
  assert.match(await maya.locator('.consent-fields').textContent(), /version 2 \(the current one\)/);

  // The privacy notice page shows the new version and what it collects.
  await goTo(page, 'disclosure');
  assert.equal(await page.locator('section.view.disclosure').getAttribute('data-notice-version'), '2');
  assert.ok((await page.locator('ul.collects').allTextContents()).join().includes('approximate location (added in version 2)'));

  const stored = await storedHousehold(page);
  assert.equal(stored.matchesPage, true);
  assert.deepEqual(stored.journal.map((e) => e.method), ['setPrivacyNotice', 'recordConsent']);
  assert.deepEqual(problems, []);
});

test('accessibility: axe-core finds no serious or critical violation on the consent views and dialogs', async (t) => {
  const { page, problems } = await openPage(env, t, { contextOptions: { bypassCSP: true } });
  const audit = axeAudit(page, t);
  const check = audit.check;
  await publishRecipient(page);
  await goTo(page, 'add-child');
  await check('add a child: who and how');
  const zoe = await addChild(page, { name: 'Zoe', method: 'Email, plus a check' });
  await check('add a child: demo verifier');
  await page.getByRole('button', { name: 'Mark as verified (demo)' }).click();
  await page.locator('#add-child-done').waitFor();
  await check('add a child: done');
  await goTo(page, `profile:${zoe.id}`);
  await profileView(page, zoe.id).getByRole('button', { name: 'Allow disclosure to the recipients named…' }).click();
  await page.locator('dialog#confirm-dialog').waitFor();
  await check('disclosure: who would receive what');
  await page.getByRole('button', { name: 'Allow disclosure to 1 recipient' }).click();
  await profileView(page, zoe.id).locator('.disclosure-consent .problem').waitFor();
  await check('consent panel with the refusal');
  await profileView(page, zoe.id).getByRole('button', { name: 'Revoke consent…' }).click();
  await page.locator('dialog#confirm-dialog').waitFor();
  await check('revoke: keep or delete');
  await page.getByRole('button', { name: 'Keep the recordings' }).click();
  await profileView(page, zoe.id).locator('section.consent[data-state="revoked"]').waitFor();
  await check('consent panel, revoked, with the method choice');
  await goTo(page, 'household');
  await check('household with a child not enabled');
  assert.deepEqual(audit.serious(), []);

  // Headings stay in order on the profile view: h2, then h3 sections, h4 inside them.
  await goTo(page, `profile:${zoe.id}`);
  const levels = await page.locator('#app h2, #app h3, #app h4').evaluateAll((nodes) => nodes.map((n) => Number(n.tagName[1])));
  assert.equal(levels[0], 2);
  for (let i = 1; i < levels.length; i += 1) assert.ok(levels[i] - levels[i - 1] <= 1, `no heading level skipped: ${levels.join(',')}`);
  assert.deepEqual(problems, []);
});
