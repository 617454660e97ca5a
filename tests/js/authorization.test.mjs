// R-CON-6, R-INT-5: every command on household data, tried with every kind of
// actor, reads included; the engine's one table says allow or deny, and the
// engine does exactly that. A missing actor is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivacyEngine, COMMANDS } from 'family-privacy';
import { policy, recording, consent, SETUP, NOW } from './fixtures.mjs';

const ACTORS = {
  verified_guardian: { actor: 'g1' },
  unverified_guardian: { actor: 'g2' },
  other_household: { actor: 'g-of-another-household' },
  child: { actor: 'c1' },
  teen: { actor: 't1' },
  adult: { actor: 'a1' },
  device: { actor: 'device:d1' },
  support_with_request: { actor: 'support:s1', onBehalfOf: 'g1' },
  support_without_request: { actor: 'support:s1' },
  system: { actor: 'system' },
  operator: { actor: 'operator' },
};
const TARGET = { household: null, child: 'c1', teen: 't1', adult: 'a1' };

// g1 (verified), g2 (not); c1 a child with consent, t1 a teen, a1 an adult, c3 a child flagged for
// its age review; devices d1, d2; one recording each, on d1.
async function authorizationHousehold() {
  const engine = await createPrivacyEngine();
  const at = SETUP;
  engine.createHousehold({ actor: 'operator', now: at, id: 'h1', name: 'H', retentionPolicy: policy() });
  engine.addGuardian({ actor: 'operator', now: at, guardian: { id: 'g1', name: 'Ana', verified: true } });
  engine.addGuardian({ actor: 'operator', now: at, guardian: { id: 'g2', name: 'Ben', verified: false } });
  for (const id of ['d1', 'd2']) engine.addDevice({ actor: 'g1', now: at, device: { id, name: id } });
  engine.addProfile({ actor: 'g1', now: at, profile: { id: 'c1', name: 'Maya', kind: 'child' } });
  engine.addProfile({ actor: 'g1', now: at, profile: { id: 'c3', name: 'Ida', kind: 'child', birthDate: '2012-06-01' } });
  engine.addProfile({ actor: 'g1', now: at, profile: { id: 't1', name: 'Tom', kind: 'teen' } });
  engine.addProfile({ actor: 'g1', now: at, profile: { id: 'a1', name: 'Sam', kind: 'adult' } });
  consent(engine, 'c1', 'signed_form', at);
  consent(engine, 'c3', 'signed_form', at);
  engine.addRecordings({ actor: 'system', now: NOW - 10, recordings: ['c1', 't1', 'a1'].map((p) => recording(`r-${p}`, p, 'd1', NOW - 10)) });
  for (const profileId of ['c1', 't1', 'a1']) engine.setVoiceDeletion({ actor: profileId === 'a1' ? 'a1' : 'g1', now: NOW - 10, profileId, enabled: true });
  engine.sweepProfiles({ actor: 'system', now: NOW - 10 });  // flags c3 (13 since 2025-06-01)
  const json = engine.exportStateJson({ actor: 'system' });
  engine.close();
  return json;
}
const STATE = await authorizationHousehold();

// A call of each command that succeeds when the actor is allowed. `who` holds actor (and onBehalfOf).
function call(engine, command, target) {
  const profileId = TARGET[target];
  // What a command needs first: a pending consent to verify or cancel.
  if (command === 'recordConsent' || command === 'cancelConsent') engine.requestConsent({ actor: 'g1', now: NOW, profileId, method: 'video_call' });
  const base = { now: NOW, profileId };
  const notice = { version: 2, collects: ['voice recordings'], thirdParties: [] };
  const calls = {
    createHousehold: (who) => engine.createHousehold({ ...who, now: NOW, id: 'h2', name: 'New', retentionPolicy: policy() }),
    setRetentionPolicy: (who) => engine.setRetentionPolicy({ ...who, now: NOW, retentionPolicy: policy(12) }),
    setPrivacyNotice: (who) => engine.setPrivacyNotice({ ...who, now: NOW, privacyNotice: notice }),
    addGuardian: (who) => engine.addGuardian({ ...who, now: NOW, guardian: { id: 'g-new', name: 'New', verified: false } }),
    addDevice: (who) => engine.addDevice({ ...who, now: NOW, device: { id: 'd-new', name: 'New' } }),
    renameDevice: (who) => engine.renameDevice({ ...who, now: NOW, deviceId: 'd1', name: 'Renamed' }),
    setJurisdiction: (who) => engine.setJurisdiction({ ...who, now: NOW, jurisdiction: 'US-CA' }),
    setJurisdictionPolicy: (who) => engine.setJurisdictionPolicy({ ...who, now: NOW, overrides: [{ code: 'DE', consentAge: 14 }] }),
    jurisdictionPolicy: (who) => engine.jurisdictionPolicy(who),
    overview: (who) => engine.overview(who),
    privacyDisclosure: (who) => engine.privacyDisclosure(who),
    addProfile: (who) => engine.addProfile({ ...who, now: NOW, profile: { id: 'p-new', name: 'New', kind: target } }),
    renameProfile: (who) => engine.renameProfile({ ...who, ...base, name: 'Renamed' }),
    removeProfile: (who) => engine.removeProfile({ ...who, ...base, requestId: 'rm' }),
    enableProfile: (who) => engine.enableProfile({ ...who, ...base, enabled: false }),
    keepProfile: (who) => engine.keepProfile({ ...who, ...base }),
    // c3 is flagged (a child's and a teen's rows both allow a parent); an adult is never reviewed, by anyone.
    resolveAgeReview: (who) => engine.resolveAgeReview({ ...who, now: NOW, profileId: target === 'adult' ? 'a1' : 'c3', kind: 'teen' }),
    sweepProfiles: (who) => engine.sweepProfiles({ ...who, now: NOW }),
    exportProfileData: (who) => engine.exportProfileData({ ...who, profileId }),
    requestConsent: (who) => engine.requestConsent({ ...who, ...base, method: 'video_call' }),
    recordConsent: (who) => engine.recordConsent({ ...who, ...base, method: 'video_call', reference: 'call-1', verifiedBy: 'staff 7' }),
    cancelConsent: (who) => engine.cancelConsent({ ...who, ...base }),
    revokeConsent: (who) => engine.revokeConsent({ ...who, ...base, deleteData: false }),
    setDisclosureConsent: (who) => engine.setDisclosureConsent({ ...who, ...base, enabled: false }),
    storeConsentEvent: (who) => engine.storeConsentEvent({ ...who, ...base, store: 'apple', event: 'significant_change' }),
    addRecording: (who) => engine.addRecording({ ...who, now: NOW, recording: recording('r-new', 'a1', 'd1', NOW) }),
    addRecordings: (who) => engine.addRecordings({ ...who, now: NOW, recordings: [recording('r-new', 'a1', 'd1', NOW)] }),
    setRetention: (who) => engine.setRetention({ ...who, ...base, setting: '18_months' }),
    setVoiceDeletion: (who) => engine.setVoiceDeletion({ ...who, ...base, enabled: false }),
    effectiveRetention: (who) => engine.effectiveRetention({ ...who, profileId }),
    previewRetention: (who) => engine.previewRetention({ ...who, ...base, setting: 'dont_save' }),
    listRecordings: (who) => engine.listRecordings({ ...who, profileId }),
    previewSweep: (who) => engine.previewSweep({ ...who, now: NOW }),
    sweep: (who) => engine.sweep({ ...who, now: NOW }),
    previewDeletion: (who) => engine.previewDeletion({ ...who, ...base, kind: 'all' }),
    deleteRecordings: (who) => engine.deleteRecordings({ ...who, ...base, requestId: 'q', kind: 'all' }),
    voiceRequest: (who) => engine.voiceRequest({ ...who, ...base, requestId: 'v', deviceId: 'd1', utterance: 'delete what I just said', utcOffsetMinutes: 0 }),
    mayUse: (who) => engine.mayUse({ ...who, recordingId: 'r-c1', purpose: 'service' }),
    tombstones: (who) => engine.tombstones(who),
    auditLog: (who) => engine.auditLog(who),
    verifyAuditLog: (who) => engine.verifyAuditLog(who),
    exportState: (who) => engine.exportState(who),
    importState: (who) => engine.importState({ ...who, now: NOW, state: STATE }),
    previewImport: (who) => engine.previewImport({ ...who, now: NOW, state: STATE }),
    decideAds: (who) => {
      // decideAds never throws (it fails closed, level none): a refused actor is in its errors.
      const d = engine.decideAds({ ...who, ...base, context: 'general' });
      const refused = (d.errors ?? []).find((e) => e.path === 'actor');
      if (refused) {
        assert.equal(d.level, 'none');
        throw Object.assign(new Error(refused.message), { code: refused.code, details: [refused] });
      }
      return d;
    },
    recordGpc: (who) => engine.recordGpc({ ...who, ...base }),
    recordDeviceGpc: (who) => engine.recordDeviceGpc({ ...who, now: NOW, deviceId: 'd1' }),
  };
  return calls[command];
}

const probe = await createPrivacyEngine();
const table = probe.authorizationTable();
probe.close();

test('the table covers every actor kind and every command that reads or changes household data', () => { // covers R-INT-5
  assert.deepEqual(table.actorKinds, Object.keys(ACTORS));
  const commands = new Set(table.rows.map((r) => r.command));
  for (const { name, actor } of COMMANDS) {
    assert.equal(commands.has(name), actor !== 'none', `${name} (actor ${actor}) ${actor === 'none' ? 'has no row' : 'has a row'}`);
  }
  for (const read of ['overview', 'listRecordings', 'auditLog', 'exportState', 'tombstones', 'mayUse', 'exportProfileData', 'importState']) {
    assert.ok(commands.has(read), read);
  }
});

for (const row of table.rows) {
  test(`${row.command} on a ${row.target}: each actor allowed or denied as the table says`, async () => { // covers R-CON-6, R-INT-5
    for (const [kind, who] of Object.entries(ACTORS)) {
      const engine = row.command === 'createHousehold' ? await createPrivacyEngine()
        : await createPrivacyEngine({ state: STATE, actor: 'system', now: NOW });
      const run = call(engine, row.command, row.target);
      assert.ok(run, `no call for ${row.command}`);
      const before = row.command === 'createHousehold' ? null : engine.exportStateJson({ actor: 'system' });
      const own = TARGET[row.target] !== null && who.actor === TARGET[row.target];
      const allowed = row.allow.includes(kind) || (own && row.self.includes(kind));
      if (allowed) {
        assert.doesNotThrow(() => run(who), `${kind} should be allowed to ${row.command} (${row.target})`);
      } else {
        assert.throws(() => run(who), (e) => e.code === 'forbidden' && e.details.some((d) => d.path === 'actor'),
          `${kind} should be denied ${row.command} (${row.target})`);
        if (before) assert.equal(engine.exportStateJson({ actor: 'system' }), before, 'a denial changes nothing');
      }
      engine.close();
    }
  });
}

test('a missing, null or empty actor is refused on every command that has a row, reads included; the others refuse one', async () => { // covers R-INT-5
  for (const row of table.rows) {
    const engine = await createPrivacyEngine({ state: STATE, actor: 'system', now: NOW });
    const run = call(engine, row.command, row.target);
    const before = engine.exportStateJson({ actor: 'system' });
    for (const who of [{}, { actor: null }, { actor: '' }]) {
      assert.throws(() => run(who), (e) => e.code === 'invalid_input' && e.details.some((d) => d.path === 'actor'),
        `${row.command} (${row.target}) with ${JSON.stringify(who)}`);
    }
    assert.equal(engine.exportStateJson({ actor: 'system' }), before, `${row.command}: a refusal changes nothing`);
    engine.close();
  }
  const engine = await createPrivacyEngine();
  for (const { name, actor } of COMMANDS.filter((c) => c.actor === 'none')) {
    const refused = JSON.parse(engine.executeJson(JSON.stringify({ command: name, actor: 'g1' })));
    assert.deepEqual(refused.errors.find((e) => e.path === 'actor'), { code: 'invalid_input', path: 'actor', message: 'is not a known field' }, `${name} (${actor})`);
  }
  engine.close();
});

test('support acts with a non-empty id and a verified guardian\'s request, named on the receipt and the audit entry', async () => { // covers R-INT-5
  const engine = await createPrivacyEngine({ state: STATE, actor: 'system', now: NOW });
  const del = (who, requestId) => engine.deleteRecordings({ ...who, now: NOW, requestId, profileId: 'c1', kind: 'all' });
  assert.throws(() => del({ actor: 'support:', onBehalfOf: 'g1' }, 'q0'), { code: 'forbidden' }, 'an empty agent id');
  assert.throws(() => del({ actor: 'support:s1' }, 'q0'), { code: 'forbidden' }, 'no request');
  assert.throws(() => del({ actor: 'support:s1', onBehalfOf: 'g2' }, 'q0'), { code: 'forbidden' }, 'an unverified guardian\'s');
  assert.throws(() => del({ actor: 'support:s1', onBehalfOf: 'c1' }, 'q0'), { code: 'forbidden' }, 'a child\'s');
  assert.throws(() => del({ actor: 'g1', onBehalfOf: 'g1' }, 'q0'), (e) => e.code === 'invalid_input' && e.details[0].path === 'onBehalfOf');
  const receipt = del({ actor: 'support:s1', onBehalfOf: 'g1' }, 'q1');
  assert.equal(receipt.actor, 'support:s1');
  assert.equal(receipt.onBehalfOf, 'g1');
  assert.deepEqual(receipt.recordingIds, ['r-c1']);
  const last = engine.auditLog({ actor: 'g1' }).entries.at(-1);
  assert.deepEqual([last.action, last.actor, last.onBehalfOf], ['recordings_deleted', 'support:s1', 'g1']);
  assert.equal(engine.exportState({ actor: 'g1' }).receipts.at(-1).onBehalfOf, 'g1');
  engine.close();
});

test('a device records only its own recordings', async () => { // covers R-INT-5
  const engine = await createPrivacyEngine({ state: STATE, actor: 'system', now: NOW });
  assert.equal(engine.addRecording({ actor: 'device:d1', now: NOW, recording: recording('r-d1', 'a1', 'd1', NOW) }).deviceId, 'd1');
  assert.throws(() => engine.addRecording({ actor: 'device:d1', now: NOW, recording: recording('r-d2', 'a1', 'd2', NOW) }),
    (e) => e.code === 'forbidden');
  assert.throws(() => engine.addRecordings({ actor: 'device:d2', now: NOW, recordings: [recording('r-x', 'a1', 'd2', NOW), recording('r-y', 'a1', 'd1', NOW)] }),
    (e) => e.code === 'forbidden');
  assert.throws(() => engine.addRecording({ actor: 'device:d9', now: NOW, recording: recording('r-d9', 'a1', 'd1', NOW) }), { code: 'forbidden' });
  assert.equal(engine.listRecordings({ actor: 'a1', profileId: 'a1' }).total, 2);
  engine.close();
});
