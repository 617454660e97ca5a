import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivacyEngine } from 'family-privacy';
import { household, recording, addRecording, consent, policy, NOW, SETUP, DAY, PARENT, assertReimports } from './fixtures.mjs';

const at = (iso) => Date.parse(iso);
const SYSTEM = { actor: 'system' };
const profile = (engine, id) => engine.overview(PARENT).profiles.find((p) => p.id === id);


test('parents create, rename and remove child profiles; removal deletes all their data with a receipt', async () => { // covers R-PRO-1, R-DEL-3
  const engine = await household({ recordings: [recording('r1', 'c2', 'd1', NOW - DAY), recording('r2', 'c2', 'd2', NOW - DAY)] });
  const created = engine.addProfile({ actor: 'g1', now: NOW, profile: { id: 'c3', name: 'Ada', kind: 'child', birthDate: '2020-05-05' } });
  assert.equal(created.createdAt, NOW);
  assert.equal(engine.renameProfile({ actor: 'g1', now: NOW, profileId: 'c3', name: 'Ada L.' }).name, 'Ada L.');
  assert.throws(() => engine.addProfile({ actor: 'g2', now: NOW, profile: { id: 'c4', name: 'X', kind: 'child' } }), { code: 'forbidden' });
  const removed = engine.removeProfile({ actor: 'g1', now: NOW, profileId: 'c2', requestId: 'rm-c2' });
  assert.equal(removed.receipt.kind, 'profile');
  assert.deepEqual(removed.receipt.recordingIds, ['r1', 'r2']);
  assert.deepEqual(removed.receipt.counts, { recordings: 2, audio: 2, transcript: 2, intent: 2, annotation: 2, training_copy: 2 });
  assert.ok(!engine.overview(PARENT).profiles.some((p) => p.id === 'c2'));
  assert.equal(engine.mayUse({ ...SYSTEM, recordingId: 'r1', purpose: 'training' }).allowed, false);
  assert.throws(() => engine.removeProfile({ actor: 'g1', now: NOW, profileId: 'c3', requestId: 'rm-c2' }), { code: 'conflict' }, 'request ids are not reused');
  assert.deepEqual(engine.exportState(PARENT).removedProfiles, [{ profileId: 'c2', removedAt: NOW, requestId: 'rm-c2' }]);
  const copy = engine.exportStateJson(PARENT);
  assert.equal(engine.importState({ ...PARENT, now: NOW, state: copy }).outcome, 'unchanged');
  await assertReimports(engine, 'a removed profile leaves a state that still imports');
  engine.close();
});

test('a removed profile\'s id is never used again: nobody inherits its tombstones and receipts', async () => { // covers R-INT-2, R-PRO-1
  const engine = await household({ recordings: [recording('r1', 'c2', 'd1', NOW - DAY)] });
  engine.removeProfile({ actor: 'g1', now: NOW, profileId: 'c2', requestId: 'rm-c2' });
  for (const kind of ['child', 'teen', 'adult']) {
    assert.throws(() => engine.addProfile({ actor: 'g1', now: NOW, profile: { id: 'c2', name: 'Again', kind } }),
      (e) => e.code === 'conflict' && e.details[0].path === 'profile.id', kind);
  }
  engine.close();
});

test('a birth date is in the past and fits the kind at now (child under the consent age, teen to 17, adult 18+)', async () => { // covers R-AGE-1, R-AGE-3
  const engine = await household();
  const add = (id, kind, birthDate) => () => engine.addProfile({ actor: 'g1', now: NOW, profile: { id, name: id, kind, birthDate } });
  assert.throws(add('x1', 'child', '2027-01-01'), (e) => e.code === 'invalid_input' && e.details[0].path === 'profile.birthDate' && /future/.test(e.message));
  assert.throws(add('x2', 'child', '2010-01-01'), (e) => e.details[0].path === 'profile.birthDate' && /16/.test(e.message));
  assert.throws(add('x3', 'teen', '2016-01-01'), { code: 'invalid_input' });
  assert.throws(add('x4', 'teen', '2000-01-01'), { code: 'invalid_input' });
  assert.throws(add('x5', 'adult', '2010-01-01'), { code: 'invalid_input' });
  assert.equal(add('ok1', 'child', '2013-11-30')().kind, 'child', 'one day before 13');
  assert.equal(add('ok2', 'teen', '2013-11-29')().kind, 'teen', '13 today');
  assert.equal(add('ok3', 'adult', '2008-11-29')().kind, 'adult', '18 today');
  engine.close();
});

test('inactive 18 months: notified; after 90 days deleted unless kept or active again', async () => { // covers R-PRO-2
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', at('2026-01-10T08:00:00Z')), recording('r2', 'c2', 'd1', at('2026-01-10T08:00:00Z'))] });
  engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting: 'until_deleted' });
  engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c2', setting: 'until_deleted' });
  const early = engine.sweepProfiles({ ...SYSTEM, now: at('2027-07-10T07:59:59.999Z') });
  assert.deepEqual(early.notified, []);
  const notice = engine.sweepProfiles({ ...SYSTEM, now: at('2027-07-10T08:00:00Z') });
  const dueAt = at('2027-07-10T08:00:00Z') + 90 * DAY;
  assert.deepEqual(notice.notified, [{ profileId: 'c1', removalDueAt: dueAt }, { profileId: 'c2', removalDueAt: dueAt }]);
  assert.equal(profile(engine, 'c1').removalDueAt, dueAt);
  assert.deepEqual(engine.sweepProfiles({ ...SYSTEM, now: at('2027-07-11T00:00:00Z') }).notified, [], 'notified once');
  engine.keepProfile({ actor: 'g1', now: at('2027-07-20T00:00:00Z'), profileId: 'c1' });
  // c2 becomes active again: a recording after the notice withdraws it.
  addRecording(engine, recording('r3', 'c2', 'd1', at('2027-07-21T00:00:00Z')), at('2027-07-21T00:00:00Z'));
  const later = engine.sweepProfiles({ ...SYSTEM, now: dueAt });
  assert.deepEqual(later.removed, []);
  assert.deepEqual(later.reactivated, ['c2']);
  engine.close();

  const idle = await household({ recordings: [recording('r1', 'c1', 'd1', at('2026-01-10T08:00:00Z'))] });
  idle.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting: 'until_deleted' });
  idle.sweepProfiles({ ...SYSTEM, now: at('2027-07-10T08:00:00Z') });
  assert.deepEqual(idle.sweepProfiles({ ...SYSTEM, now: dueAt - 1 }).removed, []);
  assert.throws(() => idle.sweepProfiles({ actor: 'g1', now: dueAt }), { code: 'forbidden' });
  assert.throws(() => idle.sweepProfiles({ now: dueAt }), (e) => e.code === 'invalid_input' && e.details[0].path === 'actor');
  const gone = idle.sweepProfiles({ ...SYSTEM, now: dueAt });
  assert.equal(gone.removed[0].profileId, 'c1');
  assert.equal(gone.removed[0].receipt.actor, 'system');
  assert.equal(gone.removed[0].receipt.kind, 'profile');
  assert.ok(!idle.overview(PARENT).profiles.some((p) => p.id === 'c1'));
  idle.close();
});

test('a receipt id the engine makes never collides with one a parent chose before', async () => { // covers R-DEL-5, R-INT-1
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', at('2026-01-10T08:00:00Z')), recording('r2', 'c2', 'd1', NOW - DAY)] });
  engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting: 'until_deleted' });
  engine.sweepProfiles({ ...SYSTEM, now: at('2027-07-10T08:00:00Z') });
  const dueAt = at('2027-07-10T08:00:00Z') + 90 * DAY;
  // The parent happens to use the id a sweep would make, and the one a shorter setting would make.
  engine.deleteRecordings({ actor: 'g1', now: dueAt, requestId: `inactive-c1-${dueAt}`, profileId: 'c2', kind: 'all' });
  engine.deleteRecordings({ actor: 'g1', now: dueAt, requestId: `retention-c2-${dueAt}`, profileId: 'c2', kind: 'all' });
  const gone = engine.sweepProfiles({ ...SYSTEM, now: dueAt });
  assert.equal(gone.removed[0].receipt.requestId, `inactive-c1-${dueAt}-2`);
  const ids = engine.exportState(PARENT).receipts.map((r) => r.requestId);
  assert.equal(new Set(ids).size, ids.length, 'every receipt id once');
  await assertReimports(engine, 'the export imports');
  engine.close();
});

test('a child reaching the consent age is flagged for the parent, never silently converted; a teen at 18 too', async () => { // covers R-PRO-3
  const engine = await household();
  engine.addProfile({ actor: 'g1', now: NOW, profile: { id: 'c3', name: 'Leap', kind: 'child', birthDate: '2016-02-29' } });
  engine.addProfile({ actor: 'g1', now: NOW, profile: { id: 't1', name: 'Tess', kind: 'teen', birthDate: '2011-03-01' } });
  consent(engine, 'c3');
  assert.deepEqual(engine.sweepProfiles({ ...SYSTEM, now: at('2029-02-27T23:59:59.999Z') }).ageReview, []);
  assert.deepEqual(engine.sweepProfiles({ ...SYSTEM, now: at('2029-02-28T00:00:00Z') }).ageReview, ['c3']);
  const flagged = profile(engine, 'c3');
  assert.equal(flagged.kind, 'child', 'still a child until the parent decides');
  assert.equal(flagged.ageReviewFlaggedAt, at('2029-02-28T00:00:00Z'));
  assert.deepEqual(engine.sweepProfiles({ ...SYSTEM, now: at('2029-03-01T00:00:00Z') }).ageReview, ['t1'], 'flagged once; the teen at 18');
  assert.throws(() => engine.resolveAgeReview({ actor: 'c3', now: at('2029-03-01T00:00:00Z'), profileId: 'c3', kind: 'teen' }), { code: 'forbidden' });
  assert.throws(() => engine.resolveAgeReview({ actor: 'g1', now: at('2029-03-01T00:00:00Z'), profileId: 'c3', kind: 'adult' }),
    (e) => e.code === 'invalid_input', 'the kind must fit the age');
  const teen = engine.resolveAgeReview({ actor: 'g1', now: at('2029-03-01T00:00:00Z'), profileId: 'c3', kind: 'teen' });
  assert.equal(teen.kind, 'teen');
  assert.equal(teen.consent, null);
  assert.equal(teen.ageReviewedAt, at('2029-03-01T00:00:00Z'));
  await assertReimports(engine, 'after a review');
  engine.close();
});

test('data collected while a child keeps the child maximum after the profile becomes an adult\'s', async () => { // covers R-PRO-3, R-RET-4
  // Where the consent age is 18, a child becomes an adult at once.
  const engine = await createPrivacyEngine();
  engine.createHousehold({ actor: 'operator', now: SETUP, id: 'h1', name: 'H', retentionPolicy: policy(18), jurisdiction: 'DE' });
  engine.setJurisdictionPolicy({ actor: 'operator', now: SETUP, overrides: [{ code: 'DE', consentAge: 18 }] });
  engine.addGuardian({ actor: 'operator', now: SETUP, guardian: { id: 'g1', name: 'Ana', verified: true } });
  engine.addDevice({ actor: 'g1', now: SETUP, device: { id: 'd1', name: 'Speaker' } });
  engine.addProfile({ actor: 'g1', now: SETUP, profile: { id: 'c1', name: 'Mia', kind: 'child', birthDate: '2009-01-10' } });
  consent(engine, 'c1', 'signed_form', SETUP);
  const asChild = addRecording(engine, recording('r1', 'c1', 'd1', at('2026-12-01T00:00:00Z')), at('2027-01-01T00:00:00Z'));
  assert.equal(asChild.collectedAsChild, true);
  assert.deepEqual(engine.sweepProfiles({ ...SYSTEM, now: at('2027-01-10T00:00:00Z') }).ageReview, ['c1']);
  engine.resolveAgeReview({ actor: 'g1', now: at('2027-01-11T00:00:00Z'), profileId: 'c1', kind: 'adult' });
  const own = engine.setRetention({ actor: 'c1', now: at('2027-01-12T00:00:00Z'), profileId: 'c1', setting: 'until_deleted' });
  assert.equal(own.months, null, 'the adult keeps their own until deleted');
  const asAdult = addRecording(engine, recording('r2', 'c1', 'd1', at('2027-01-13T00:00:00Z')), at('2027-01-13T00:00:00Z'));
  assert.deepEqual([asAdult.collectedAsChild, asAdult.dueAt], [false, null]);
  const listed = engine.listRecordings({ actor: 'c1', profileId: 'c1' }).recordings.find((r) => r.id === 'r1');
  assert.equal(listed.dueAt, at('2028-06-01T00:00:00Z'), 'captured as a child: at most the 18-month child maximum');
  engine.close();
});

test('the children\'s privacy disclosure comes from the written policy, as data and as safe HTML', async () => { // covers R-RET-7, R-CON-4
  const engine = await household();
  engine.setPrivacyNotice({ actor: 'operator', now: NOW, privacyNotice: {
    version: 2, collects: ['voice recordings', '<script>alert(1)</script>'],
    thirdParties: [{ name: 'Ads & Co "<b>"', category: 'advertising', purpose: 'contextual ads' }] } });
  const { disclosure, html } = engine.privacyDisclosure(PARENT);
  assert.deepEqual(disclosure.retention.map((r) => [r.category, r.childMaxMonths]), [['audio', 18], ['transcript', 18], ['derived', 18]]);
  assert.match(disclosure.retention[0].deletionTimeframe, /18 months/);
  assert.deepEqual(disclosure.parentsRights.map((r) => r.right), ['review', 'delete', 'revoke']);
  for (const method of ['email_plus', 'text_plus']) {
    assert.equal(disclosure.consentMethods.find((m) => m.method === method).backsDisclosure, false, method);
  }
  assert.equal(disclosure.thirdParties[0].category, 'advertising');
  assert.ok(!html.includes('<script>'), 'untrusted text is escaped');
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('Ads &amp; Co &quot;&lt;b&gt;&quot;'));
  assert.match(html, /^<article class="privacy-disclosure">/);
  engine.close();
});
