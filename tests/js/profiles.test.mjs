import { test } from 'node:test';
import assert from 'node:assert/strict';
import { household, recording, consent, NOW, DAY } from './fixtures.mjs';

const at = (iso) => Date.parse(iso);

test('parents create, rename and remove child profiles; removal deletes all their data with a receipt', async () => { // covers R-PRO-1, R-DEL-3
  const engine = await household({ recordings: [recording('r1', 'c2', 'd1', NOW - DAY), recording('r2', 'c2', 'd2', NOW - DAY)] });
  const created = engine.addProfile({ actor: 'g1', now: NOW, profile: { id: 'c3', name: 'Ada', kind: 'child', birthDate: '2020-05-05' } });
  assert.equal(created.createdAt, NOW);
  assert.equal(engine.renameProfile({ actor: 'g1', now: NOW, profileId: 'c3', name: 'Ada L.' }).name, 'Ada L.');
  assert.throws(() => engine.addProfile({ actor: 'g2', now: NOW, profile: { id: 'c4', name: 'X', kind: 'child' } }), { code: 'forbidden' });
  const removed = engine.removeProfile({ actor: 'g1', now: NOW, profileId: 'c2', requestId: 'rm-c2' });
  assert.deepEqual(removed.receipt.recordingIds, ['r1', 'r2']);
  assert.deepEqual(removed.receipt.counts, { recordings: 2, audio: 2, transcript: 2, intent: 2, annotation: 2, training_copy: 2 });
  assert.ok(!engine.overview().profiles.some((p) => p.id === 'c2'));
  assert.equal(engine.mayUse({ recordingId: 'r1', purpose: 'training' }).allowed, false);
  assert.throws(() => engine.removeProfile({ actor: 'g1', now: NOW, profileId: 'c3', requestId: 'rm-c2' }), { code: 'conflict' }, 'request ids are not reused');
  const copy = engine.exportStateJson();
  engine.importState(copy);
  assert.equal(engine.exportStateJson(), copy, 'a removed profile leaves a state that still imports');
  engine.close();
});

test('inactive 18 months: notified; after 90 days deleted unless kept or active again', async () => { // covers R-PRO-2
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', at('2026-01-10T08:00:00Z')), recording('r2', 'c2', 'd1', at('2026-01-10T08:00:00Z'))] });
  engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting: 'until_deleted' });
  engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c2', setting: 'until_deleted' });
  const early = engine.sweepProfiles({ now: at('2027-07-10T07:59:59.999Z') });
  assert.deepEqual(early.notified, []);
  const notice = engine.sweepProfiles({ now: at('2027-07-10T08:00:00Z') });
  const dueAt = at('2027-07-10T08:00:00Z') + 90 * DAY;
  assert.deepEqual(notice.notified, [{ profileId: 'c1', removalDueAt: dueAt }, { profileId: 'c2', removalDueAt: dueAt }]);
  assert.equal(engine.overview().profiles.find((p) => p.id === 'c1').removalDueAt, dueAt);
  assert.deepEqual(engine.sweepProfiles({ now: at('2027-07-11T00:00:00Z') }).notified, [], 'notified once');
  engine.keepProfile({ actor: 'g1', now: at('2027-07-20T00:00:00Z'), profileId: 'c1' });
  // c2 becomes active again: a recording after the notice withdraws it.
  engine.addRecording({ now: at('2027-07-21T00:00:00Z'), recording: recording('r3', 'c2', 'd1', at('2027-07-21T00:00:00Z')) });
  const later = engine.sweepProfiles({ now: dueAt });
  assert.deepEqual(later.removed, []);
  assert.deepEqual(later.reactivated, ['c2']);
  engine.close();

  const idle = await household({ recordings: [recording('r1', 'c1', 'd1', at('2026-01-10T08:00:00Z'))] });
  idle.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting: 'until_deleted' });
  idle.sweepProfiles({ now: at('2027-07-10T08:00:00Z') });
  assert.deepEqual(idle.sweepProfiles({ now: dueAt - 1 }).removed, []);
  const gone = idle.sweepProfiles({ now: dueAt });
  assert.equal(gone.removed[0].profileId, 'c1');
  assert.equal(gone.removed[0].receipt.actor, 'system');
  assert.ok(!idle.overview().profiles.some((p) => p.id === 'c1'));
  assert.throws(() => idle.sweepProfiles({ actor: 'g1', now: dueAt }), { code: 'forbidden' });
  idle.close();
});

test('a child turning 13 is flagged for the parent, never silently converted', async () => { // covers R-PRO-3
  const engine = await household();
  engine.addProfile({ actor: 'g1', now: NOW, profile: { id: 'c3', name: 'Leap', kind: 'child', birthDate: '2016-02-29' } });
  consent(engine, 'c3');
  assert.deepEqual(engine.sweepProfiles({ now: at('2029-02-27T23:59:59.999Z') }).ageReview, []);
  assert.deepEqual(engine.sweepProfiles({ now: at('2029-02-28T00:00:00Z') }).ageReview, ['c3']);
  const flagged = engine.overview().profiles.find((p) => p.id === 'c3');
  assert.equal(flagged.kind, 'child', 'still a child until the parent decides');
  assert.equal(flagged.ageReviewFlaggedAt, at('2029-02-28T00:00:00Z'));
  assert.deepEqual(engine.sweepProfiles({ now: at('2029-03-01T00:00:00Z') }).ageReview, [], 'flagged once');
  const adult = engine.resolveAgeReview({ actor: 'g1', now: at('2029-03-01T00:00:00Z'), profileId: 'c3', convertToAdult: true });
  assert.equal(adult.kind, 'adult');
  assert.equal(adult.consent, null);
  assert.throws(() => engine.resolveAgeReview({ actor: 'c3', now: NOW, profileId: 'c3', convertToAdult: false }), { code: 'forbidden' });
  engine.close();
});

test('the children\'s privacy disclosure comes from the written policy, as data and as safe HTML', async () => { // covers R-RET-7, R-CON-4
  const engine = await household();
  engine.setPrivacyNotice({ actor: 'operator', now: NOW, privacyNotice: {
    version: 2, collects: ['voice recordings', '<script>alert(1)</script>'],
    thirdParties: [{ name: 'Ads & Co "<b>"', category: 'advertising', purpose: 'contextual ads' }] } });
  const { disclosure, html } = engine.privacyDisclosure();
  assert.deepEqual(disclosure.retention.map((r) => [r.category, r.childMaxMonths]), [['audio', 18], ['transcript', 18], ['derived', 18]]);
  assert.match(disclosure.retention[0].deletionTimeframe, /18 months/);
  assert.deepEqual(disclosure.parentsRights.map((r) => r.right), ['review', 'delete', 'revoke']);
  assert.equal(disclosure.consentMethods.find((m) => m.method === 'email_plus').backsDisclosure, false);
  assert.equal(disclosure.thirdParties[0].category, 'advertising');
  assert.ok(!html.includes('<script>'), 'untrusted text is escaped');
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('Ads &amp; Co &quot;&lt;b&gt;&quot;'));
  assert.match(html, /^<article class="privacy-disclosure">/);
  engine.close();
});
