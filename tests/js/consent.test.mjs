import { test } from 'node:test';
import assert from 'node:assert/strict';
import { household, recording, addRecording, intake, consent, NOW, DAY, PARENT, assertReimports } from './fixtures.mjs';

const METHODS = ['signed_form', 'payment_card', 'toll_free_call', 'video_call', 'government_id',
  'knowledge_based', 'face_match', 'text_plus', 'email_plus'];
const SYSTEM = { actor: 'system' };
const ADS_NOTICE = (version, collects) => ({
  version, collects, thirdParties: [{ name: 'Ads & Co', category: 'advertising', purpose: 'contextual ads' }],
});

async function withNewChild() {
  const engine = await household();
  engine.addProfile({ actor: 'g1', now: NOW, profile: { id: 'c3', name: 'Ada', kind: 'child' } });
  return engine;
}

const child = (engine, id) => engine.overview(PARENT).profiles.find((p) => p.id === id);


test('no collection before verified consent: a child can be created, not enabled, not recorded into', async () => { // covers R-CON-1
  const engine = await withNewChild();
  assert.equal(child(engine, 'c3').enabled, false);
  assert.equal(child(engine, 'c3').consent.state, 'none');
  assert.throws(() => engine.enableProfile({ actor: 'g1', now: NOW, profileId: 'c3', enabled: true }), { code: 'consent_required' });
  assert.throws(() => addRecording(engine, recording('r1', 'c3', 'd1', NOW)), { code: 'consent_required' });
  engine.requestConsent({ actor: 'g1', now: NOW, profileId: 'c3', method: 'signed_form' });
  assert.throws(() => addRecording(engine, recording('r1', 'c3', 'd1', NOW)), { code: 'consent_required' }, 'pending is not verified');
  const verified = engine.recordConsent({ actor: 'g1', now: NOW, profileId: 'c3', method: 'signed_form', reference: 'form-77', verifiedBy: 'Demo verifier' });
  assert.equal(verified.enabled, true);
  assert.deepEqual(verified.consent.evidence, { method: 'signed_form', reference: 'form-77', verifiedBy: 'Demo verifier', verifiedAt: NOW });
  assert.equal(addRecording(engine, recording('r1', 'c3', 'd1', NOW)).id, 'r1');
  engine.enableProfile({ actor: 'g1', now: NOW, profileId: 'c3', enabled: false });
  assert.throws(() => addRecording(engine, recording('r2', 'c3', 'd1', NOW)), { code: 'consent_required' }, 'paused');
  engine.close();
});

test('every approved method is accepted with its evidence; anything else is refused', async () => { // covers R-CON-2
  for (const method of METHODS) {
    const engine = await withNewChild();
    const answer = consent(engine, 'c3', method);
    assert.equal(answer.consent.evidence.method, method);
    engine.close();
  }
  const engine = await withNewChild();
  assert.throws(() => engine.requestConsent({ actor: 'g1', now: NOW, profileId: 'c3', method: 'checkbox' }), { code: 'invalid_input' });
  engine.requestConsent({ actor: 'g1', now: NOW, profileId: 'c3', method: 'text_plus' });
  assert.throws(() => engine.recordConsent({ actor: 'g1', now: NOW, profileId: 'c3', method: 'text_plus', reference: '', verifiedBy: 'x' }), { code: 'invalid_input' });
  engine.close();
});

test('consent moves only along legal transitions', async () => { // covers R-CON-1, R-CON-4
  const engine = await withNewChild();
  const base = { actor: 'g1', now: NOW, profileId: 'c3' };
  assert.throws(() => engine.recordConsent({ ...base, method: 'signed_form', reference: 'r', verifiedBy: 'v' }), { code: 'conflict' }, 'none -> verified');
  assert.throws(() => engine.revokeConsent({ ...base, deleteData: false }), { code: 'conflict' }, 'none -> revoked');
  assert.throws(() => engine.cancelConsent(base), { code: 'conflict' }, 'none -> none');
  engine.requestConsent({ ...base, method: 'signed_form' });
  assert.equal(engine.cancelConsent(base).consent.state, 'none', 'pending -> none');
  consent(engine, 'c3');
  assert.equal(engine.revokeConsent({ ...base, deleteData: false }).consent.state, 'revoked');
  assert.throws(() => engine.recordConsent({ ...base, method: 'signed_form', reference: 'r', verifiedBy: 'v' }), { code: 'conflict' }, 'revoked -> verified');
  assert.equal(engine.requestConsent({ ...base, method: 'video_call' }).consent.state, 'pending', 'revoked -> pending');
  engine.close();
});

test('asking again for a verified child\'s consent stops collection until it is given: pending, disabled, disclosure off', async () => { // covers R-CON-1, R-CON-3, R-INT-1
  const engine = await withNewChild();
  engine.setPrivacyNotice({ actor: 'operator', now: NOW, privacyNotice: ADS_NOTICE(2, engine.overview(PARENT).privacyNotice.collects) });
  consent(engine, 'c3', 'payment_card');
  assert.equal(engine.setDisclosureConsent({ actor: 'g1', now: NOW, profileId: 'c3', enabled: true }).consent.disclosure, true);
  const again = engine.requestConsent({ actor: 'g1', now: NOW, profileId: 'c3', method: 'video_call' });
  assert.equal(again.consent.state, 'pending');
  assert.equal(again.consent.reason, 'requested_again');
  assert.equal(again.consent.disclosure, false);
  assert.equal(again.enabled, false);
  assert.throws(() => addRecording(engine, recording('r1', 'c3', 'd1', NOW)), { code: 'consent_required' });
  await assertReimports(engine, 'pending after a verified consent re-imports');
  assert.equal(engine.cancelConsent({ actor: 'g1', now: NOW, profileId: 'c3' }).consent.state, 'none');
  await assertReimports(engine, 'cancelled after asking again re-imports');
  engine.close();
});

test('disclosure to third parties is a separate consent, off by default; email-plus and text-plus never back it; the notice must name them', async () => { // covers R-CON-2, R-CON-3
  for (const method of ['email_plus', 'text_plus']) {
    const engine = await withNewChild();
    engine.setPrivacyNotice({ actor: 'operator', now: NOW, privacyNotice: ADS_NOTICE(2, ['voice recordings']) });
    consent(engine, 'c3', method);
    assert.equal(child(engine, 'c3').consent.disclosure, false);
    addRecording(engine, recording('r1', 'c3', 'd1', NOW));
    assert.deepEqual(engine.mayUse({ ...SYSTEM, recordingId: 'r1', purpose: 'service' }), { allowed: true, reason: 'allowed' }, 'the service works without disclosure consent');
    assert.throws(() => engine.setDisclosureConsent({ actor: 'g1', now: NOW, profileId: 'c3', enabled: true }),
      (e) => e.code === 'consent_required' && e.message.includes(method) && e.message.includes('R-CON-2'), method);
    assert.deepEqual(engine.mayUse({ ...SYSTEM, recordingId: 'r1', purpose: 'disclosure' }), { allowed: false, reason: 'disclosure_consent_required' });
    engine.close();
  }
  const engine = await withNewChild();
  consent(engine, 'c3', 'payment_card');
  assert.throws(() => engine.setDisclosureConsent({ actor: 'g1', now: NOW, profileId: 'c3', enabled: true }), { code: 'consent_required' },
    'a notice that names no third parties backs no disclosure');
  engine.setPrivacyNotice({ actor: 'operator', now: NOW, privacyNotice: ADS_NOTICE(2, ['voice recordings']) });
  // The material change put the child back to pending: the parent consents again.
  engine.recordConsent({ actor: 'g1', now: NOW, profileId: 'c3', method: 'payment_card', reference: 'txn-2', verifiedBy: 'card processor' });
  addRecording(engine, recording('r1', 'c3', 'd1', NOW));
  assert.equal(engine.setDisclosureConsent({ actor: 'g1', now: NOW, profileId: 'c3', enabled: true }).consent.disclosure, true);
  assert.equal(engine.mayUse({ ...SYSTEM, recordingId: 'r1', purpose: 'disclosure' }).allowed, true);
  assert.equal(engine.mayUse({ ...SYSTEM, recordingId: 'r1', purpose: 'sale' }).allowed, false, 'never sold (R-ADS-2)');
  engine.close();
});

test('revocation stops collection at once; the parent chooses whether the data goes now', async () => { // covers R-CON-4
  const keep = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - DAY)] });
  const kept = keep.revokeConsent({ actor: 'g1', now: NOW, profileId: 'c1', deleteData: false });
  assert.equal(kept.receipt, null);
  assert.equal(kept.enabled, false);
  assert.throws(() => addRecording(keep, recording('r2', 'c1', 'd1', NOW)), { code: 'consent_required' });
  assert.equal(keep.listRecordings({ ...PARENT, profileId: 'c1' }).total, 1, 'kept until the parent deletes it');
  assert.equal(keep.mayUse({ ...SYSTEM, recordingId: 'r1', purpose: 'training' }).allowed, false, 'no use without consent');
  keep.close();

  const purge = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - DAY), recording('r2', 'c2', 'd1', NOW - DAY)] });
  assert.throws(() => purge.revokeConsent({ actor: 'g1', now: NOW, profileId: 'c1', deleteData: true }), { code: 'invalid_input' }, 'deleting needs a request id');
  const gone = purge.revokeConsent({ actor: 'g1', now: NOW, profileId: 'c1', deleteData: true, requestId: 'revoke-1' });
  assert.equal(gone.receipt.status, 'deleted');
  assert.deepEqual(gone.receipt.recordingIds, ['r1']);
  assert.equal(purge.listRecordings({ ...PARENT, profileId: 'c1' }).total, 0);
  assert.equal(purge.listRecordings({ ...PARENT, profileId: 'c2' }).total, 1, "the other child's data stays");
  const actions = purge.auditLog(PARENT).entries.map((e) => e.action).slice(-2);
  assert.deepEqual(actions, ['consent_revoked', 'recordings_deleted']);
  purge.close();
});

test('a store\'s revocation is a parent\'s revocation; a significant change asks for consent again', async () => { // covers R-AGE-5, R-CON-4, R-CON-5
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - DAY), recording('r2', 'c2', 'd1', NOW - DAY)] });
  const revoked = engine.storeConsentEvent({ ...SYSTEM, now: NOW, profileId: 'c1', store: 'apple', event: 'revoked', deleteData: true, requestId: 'apple-rescind-1' });
  assert.equal(revoked.consent.state, 'revoked');
  assert.equal(revoked.enabled, false);
  assert.deepEqual(revoked.receipt.recordingIds, ['r1']);
  assert.throws(() => addRecording(engine, recording('r3', 'c1', 'd1', NOW)), { code: 'consent_required' });
  const changed = engine.storeConsentEvent({ ...SYSTEM, now: NOW, profileId: 'c2', store: 'google_play', event: 'significant_change' });
  assert.equal(changed.consent.state, 'pending');
  assert.equal(changed.consent.reason, 'significant_change');
  assert.equal(changed.enabled, false);
  assert.equal(changed.receipt, null);
  assert.equal(engine.listRecordings({ ...PARENT, profileId: 'c2' }).total, 1, 'a significant change deletes nothing');
  assert.throws(() => engine.storeConsentEvent({ actor: 'g1', now: NOW, profileId: 'c2', store: 'apple', event: 'revoked' }), { code: 'forbidden' });
  await assertReimports(engine, 'after store events');
  engine.close();
});

test('a material change to what is collected or disclosed needs fresh consent', async () => { // covers R-CON-5
  const engine = await household();
  const notice = engine.overview(PARENT).privacyNotice;
  const wording = engine.setPrivacyNotice({ actor: 'operator', now: NOW, privacyNotice: { ...notice, version: 2 } });
  assert.equal(wording.material, false, 'a new version alone is not material');
  assert.deepEqual(wording.needConsent, []);
  assert.throws(() => engine.setPrivacyNotice({ actor: 'operator', now: NOW, privacyNotice: { ...notice, version: 2 } }), { code: 'conflict' });
  const change = engine.setPrivacyNotice({ actor: 'operator', now: NOW, privacyNotice: { version: 3, collects: [...notice.collects, 'location'], thirdParties: [] } });
  assert.equal(change.material, true);
  assert.deepEqual(change.needConsent, ['c1', 'c2']);
  const c1 = child(engine, 'c1');
  assert.equal(c1.consent.state, 'pending');
  assert.equal(c1.consent.reason, 'material_change');
  assert.equal(c1.enabled, false);
  assert.throws(() => addRecording(engine, recording('r1', 'c1', 'd1', NOW)), { code: 'consent_required' });
  const fresh = engine.recordConsent({ actor: 'g1', now: NOW, profileId: 'c1', method: 'signed_form', reference: 'form-2', verifiedBy: 'v' });
  assert.equal(fresh.consent.noticeVersion, 3);
  assert.equal(addRecording(engine, recording('r1', 'c1', 'd1', NOW)).id, 'r1');
  engine.close();
});

test('disclosure on, then a notice change that only alters what is collected: pending, disclosure off, and the state re-imports', async () => { // covers R-CON-3, R-CON-5, R-INT-1
  const engine = await withNewChild();
  engine.setPrivacyNotice({ actor: 'operator', now: NOW, privacyNotice: ADS_NOTICE(2, ['voice recordings']) });
  consent(engine, 'c3', 'video_call');
  engine.setDisclosureConsent({ actor: 'g1', now: NOW, profileId: 'c3', enabled: true });
  intake(engine, [recording('r1', 'c3', 'd1', NOW)]);
  const change = engine.setPrivacyNotice({ actor: 'operator', now: NOW, privacyNotice: ADS_NOTICE(3, ['voice recordings', 'location']) });
  assert.deepEqual(change.needConsent, ['c3']);
  const c3 = child(engine, 'c3');
  assert.deepEqual([c3.consent.state, c3.consent.reason, c3.consent.disclosure, c3.enabled], ['pending', 'material_change', false, false]);
  assert.equal(engine.mayUse({ ...SYSTEM, recordingId: 'r1', purpose: 'disclosure' }).allowed, false);
  await assertReimports(engine, 'pending with disclosure off re-imports');
  engine.cancelConsent({ actor: 'g1', now: NOW, profileId: 'c3' });
  await assertReimports(engine, 'cancelled after a material change re-imports');
  engine.close();
});
