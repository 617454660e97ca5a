import { test } from 'node:test';
import assert from 'node:assert/strict';
import { household, recording, consent, NOW, DAY } from './fixtures.mjs';

const METHODS = ['signed_form', 'payment_card', 'toll_free_call', 'video_call', 'government_id',
  'knowledge_based', 'face_match', 'text_plus', 'email_plus'];

async function withNewChild() {
  const engine = await household();
  engine.addProfile({ actor: 'g1', now: NOW, profile: { id: 'c3', name: 'Ada', kind: 'child' } });
  return engine;
}

test('no collection before verified consent: a child can be created, not enabled, not recorded into', async () => { // covers R-CON-1
  const engine = await withNewChild();
  const child = engine.overview().profiles.find((p) => p.id === 'c3');
  assert.equal(child.enabled, false);
  assert.equal(child.consent.state, 'none');
  assert.throws(() => engine.enableProfile({ actor: 'g1', now: NOW, profileId: 'c3', enabled: true }), { code: 'consent_required' });
  assert.throws(() => engine.addRecording({ now: NOW, recording: recording('r1', 'c3', 'd1', NOW) }), { code: 'consent_required' });
  engine.requestConsent({ actor: 'g1', now: NOW, profileId: 'c3', method: 'signed_form' });
  assert.throws(() => engine.addRecording({ now: NOW, recording: recording('r1', 'c3', 'd1', NOW) }), { code: 'consent_required' }, 'pending is not verified');
  const verified = engine.recordConsent({ actor: 'g1', now: NOW, profileId: 'c3', method: 'signed_form', reference: 'form-77', verifiedBy: 'Demo verifier' });
  assert.equal(verified.enabled, true);
  assert.deepEqual(verified.consent.evidence, { method: 'signed_form', reference: 'form-77', verifiedBy: 'Demo verifier', verifiedAt: NOW });
  assert.equal(engine.addRecording({ now: NOW, recording: recording('r1', 'c3', 'd1', NOW) }).id, 'r1');
  engine.enableProfile({ actor: 'g1', now: NOW, profileId: 'c3', enabled: false });
  assert.throws(() => engine.addRecording({ now: NOW, recording: recording('r2', 'c3', 'd1', NOW) }), { code: 'consent_required' }, 'paused');
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
  assert.equal(engine.cancelConsent(base).consent.state, 'none');
  consent(engine, 'c3');
  assert.equal(engine.revokeConsent({ ...base, deleteData: false }).consent.state, 'revoked');
  assert.throws(() => engine.recordConsent({ ...base, method: 'signed_form', reference: 'r', verifiedBy: 'v' }), { code: 'conflict' }, 'revoked -> verified');
  assert.equal(engine.requestConsent({ ...base, method: 'video_call' }).consent.state, 'pending', 'revoked -> pending');
  engine.close();
});

test('disclosure to third parties is a separate consent, off by default; email-plus can never back it', async () => { // covers R-CON-2, R-CON-3
  const engine = await withNewChild();
  consent(engine, 'c3', 'email_plus');
  const child = engine.overview().profiles.find((p) => p.id === 'c3');
  assert.equal(child.consent.disclosure, false);
  engine.addRecording({ now: NOW, recording: recording('r1', 'c3', 'd1', NOW) });
  assert.deepEqual(engine.mayUse({ recordingId: 'r1', purpose: 'service' }), { allowed: true, reason: 'allowed' }, 'the service works without disclosure consent');
  assert.throws(() => engine.setDisclosureConsent({ actor: 'g1', now: NOW, profileId: 'c3', enabled: true }),
    (e) => e.code === 'consent_required' && /email-plus/.test(e.message));
  assert.equal(engine.mayUse({ recordingId: 'r1', purpose: 'disclosure' }).allowed, false);
  engine.requestConsent({ actor: 'g1', now: NOW, profileId: 'c3', method: 'payment_card' });
  engine.recordConsent({ actor: 'g1', now: NOW, profileId: 'c3', method: 'payment_card', reference: 'txn-1', verifiedBy: 'card processor' });
  assert.equal(engine.setDisclosureConsent({ actor: 'g1', now: NOW, profileId: 'c3', enabled: true }).consent.disclosure, true);
  assert.equal(engine.mayUse({ recordingId: 'r1', purpose: 'disclosure' }).allowed, true);
  assert.equal(engine.mayUse({ recordingId: 'r1', purpose: 'sale' }).allowed, false, 'never sold (R-ADS-2)');
  engine.close();
});

test('revocation stops collection at once; the parent chooses whether the data goes now', async () => { // covers R-CON-4
  const keep = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - DAY)] });
  const kept = keep.revokeConsent({ actor: 'g1', now: NOW, profileId: 'c1', deleteData: false });
  assert.equal(kept.receipt, null);
  assert.equal(kept.enabled, false);
  assert.throws(() => keep.addRecording({ now: NOW, recording: recording('r2', 'c1', 'd1', NOW) }), { code: 'consent_required' });
  assert.equal(keep.listRecordings({ profileId: 'c1' }).total, 1, 'kept until the parent deletes it');
  assert.equal(keep.mayUse({ recordingId: 'r1', purpose: 'training' }).allowed, false, 'no use without consent');
  keep.close();

  const purge = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - DAY), recording('r2', 'c2', 'd1', NOW - DAY)] });
  assert.throws(() => purge.revokeConsent({ actor: 'g1', now: NOW, profileId: 'c1', deleteData: true }), { code: 'invalid_input' }, 'deleting needs a request id');
  const gone = purge.revokeConsent({ actor: 'g1', now: NOW, profileId: 'c1', deleteData: true, requestId: 'revoke-1' });
  assert.equal(gone.receipt.status, 'deleted');
  assert.deepEqual(gone.receipt.recordingIds, ['r1']);
  assert.equal(purge.listRecordings().total, 1, "the other child's data stays");
  const actions = purge.auditLog().entries.map((e) => e.action).slice(-2);
  assert.deepEqual(actions, ['consent_revoked', 'recordings_deleted']);
  purge.close();
});

test('a material change to what is collected or disclosed needs fresh consent', async () => { // covers R-CON-5
  const engine = await household();
  const notice = engine.overview().privacyNotice;
  const wording = engine.setPrivacyNotice({ actor: 'operator', now: NOW, privacyNotice: { ...notice, version: 2 } });
  assert.equal(wording.material, false, 'a new version alone is not material');
  assert.deepEqual(wording.needConsent, []);
  assert.throws(() => engine.setPrivacyNotice({ actor: 'operator', now: NOW, privacyNotice: { ...notice, version: 2 } }), { code: 'conflict' });
  const change = engine.setPrivacyNotice({ actor: 'operator', now: NOW, privacyNotice: { version: 3, collects: [...notice.collects, 'location'], thirdParties: [] } });
  assert.equal(change.material, true);
  assert.deepEqual(change.needConsent, ['c1', 'c2']);
  const c1 = engine.overview().profiles.find((p) => p.id === 'c1');
  assert.equal(c1.consent.state, 'pending');
  assert.equal(c1.consent.reason, 'material_change');
  assert.equal(c1.enabled, false);
  assert.throws(() => engine.addRecording({ now: NOW, recording: recording('r1', 'c1', 'd1', NOW) }), { code: 'consent_required' });
  const fresh = engine.recordConsent({ actor: 'g1', now: NOW, profileId: 'c1', method: 'signed_form', reference: 'form-2', verifiedBy: 'v' });
  assert.equal(fresh.consent.noticeVersion, 3);
  assert.equal(engine.addRecording({ now: NOW, recording: recording('r1', 'c1', 'd1', NOW) }).id, 'r1');
  engine.close();
});
