// R-CON-6: every command that names an actor, tried with every kind of actor;
// the engine's one table says allow or deny, and the engine does exactly that.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createPrivacyEngine } from '../../dist/index.mjs';
import { household, recording, policy, NOW } from './fixtures.mjs';
import { markdownTable } from '../../scripts/authorization-table.mjs';

const ACTORS = {
  verified_guardian: { actor: 'g1' },
  unverified_guardian: { actor: 'g2' },
  other_household: { actor: 'g-of-another-household' },
  child: { actor: 'c1' },
  adult: { actor: 'a1' },
  support_with_request: { actor: 'support:s1', onBehalfOf: 'g1' },
  support_without_request: { actor: 'support:s1' },
  system: { actor: 'system' },
  operator: { actor: 'operator' },
};
const TARGET = { child: 'c1', adult: 'a1' };

// A valid call of each command, so that an allowed actor succeeds.
function call(engine, command, target) {
  const profileId = TARGET[target];
  const base = { now: NOW, profileId };
  switch (command) {
    case 'createHousehold': return (who) => engine.createHousehold({ ...who, now: NOW, id: 'h2', name: 'New', retentionPolicy: policy() });
    case 'setRetentionPolicy': return (who) => engine.setRetentionPolicy({ ...who, now: NOW, retentionPolicy: policy(12) });
    case 'setPrivacyNotice': return (who) => engine.setPrivacyNotice({ ...who, now: NOW, privacyNotice: { version: 2, collects: ['voice recordings'], thirdParties: [] } });
    case 'addGuardian': return (who) => engine.addGuardian({ ...who, now: NOW, guardian: { id: 'g-new', name: 'New', verified: false } });
    case 'addDevice': return (who) => engine.addDevice({ ...who, now: NOW, device: { id: 'd-new', name: 'New' } });
    case 'addProfile': return (who) => engine.addProfile({ ...who, now: NOW, profile: { id: 'p-new', name: 'New', kind: target } });
    case 'addRecording': return (who) => engine.addRecording({ ...who, now: NOW, recording: recording('r-new', profileId, 'd1', NOW) });
    case 'sweep': return (who) => engine.sweep({ ...who, now: NOW });
    case 'sweepProfiles': return (who) => engine.sweepProfiles({ ...who, now: NOW });
    case 'setRetention': return (who) => engine.setRetention({ ...who, ...base, setting: '3_months' });
    case 'setVoiceDeletion': return (who) => engine.setVoiceDeletion({ ...who, ...base, enabled: true });
    case 'deleteRecordings': return (who) => engine.deleteRecordings({ ...who, ...base, requestId: 'q', kind: 'all' });
    case 'previewDeletion': return (who) => engine.previewDeletion({ ...who, ...base, requestId: 'q', kind: 'all' });
    case 'exportProfileData': return (who) => engine.exportProfileData({ ...who, ...base });
    case 'renameProfile': return (who) => engine.renameProfile({ ...who, ...base, name: 'Renamed' });
    case 'removeProfile': return (who) => engine.removeProfile({ ...who, ...base, requestId: 'rm' });
    case 'requestConsent': return (who) => engine.requestConsent({ ...who, ...base, method: 'video_call' });
    case 'recordConsent':
      engine.requestConsent({ actor: 'g1', ...base, method: 'video_call' });
      return (who) => engine.recordConsent({ ...who, ...base, method: 'video_call', reference: 'call-1', verifiedBy: 'staff 7' });
    case 'cancelConsent':
      engine.requestConsent({ actor: 'g1', ...base, method: 'video_call' });
      return (who) => engine.cancelConsent({ ...who, ...base });
    case 'revokeConsent': return (who) => engine.revokeConsent({ ...who, ...base, deleteData: false });
    case 'setDisclosureConsent': return (who) => engine.setDisclosureConsent({ ...who, ...base, enabled: true });
    case 'enableProfile': return (who) => engine.enableProfile({ ...who, ...base, enabled: false });
    case 'keepProfile': return (who) => engine.keepProfile({ ...who, ...base });
    case 'resolveAgeReview': {
      const state = engine.exportState();
      state.profiles.find((p) => p.id === profileId).ageReviewFlaggedAt = NOW;
      engine.importState(state);
      return (who) => engine.resolveAgeReview({ ...who, ...base, convertToAdult: false });
    }
    default: return null;
  }
}

const probe = await createPrivacyEngine();
const table = probe.authorizationTable();
probe.close();

test('the table covers every actor kind, and every acting command', () => {
  assert.deepEqual(table.actorKinds, Object.keys(ACTORS));
  const commands = new Set(table.rows.map((r) => r.command));
  for (const command of ['createHousehold', 'setRetention', 'deleteRecordings', 'recordConsent', 'revokeConsent',
    'setDisclosureConsent', 'removeProfile', 'keepProfile', 'sweep', 'sweepProfiles', 'voiceRequest']) {
    assert.ok(commands.has(command), command);
  }
});

for (const row of table.rows.filter((r) => r.command !== 'voiceRequest')) {
  test(`${row.command} on a ${row.target}: each actor allowed or denied as the table says`, async () => { // covers R-CON-6
    for (const [kind, who] of Object.entries(ACTORS)) {
      const decision = row.decisions[kind];
      const engine = row.command === 'createHousehold' ? await createPrivacyEngine() : await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1), recording('r2', 'a1', 'd1', NOW - 1)] });
      const run = call(engine, row.command, row.target);
      assert.ok(run, `no call for ${row.command}`);
      const before = row.command === 'createHousehold' ? null : engine.exportStateJson();
      const allowed = decision === 'allow' || (decision === 'self' && who.actor === TARGET[row.target]);
      if (allowed) {
        assert.doesNotThrow(() => run(who), `${kind} should be allowed to ${row.command} (${row.target})`);
      } else {
        assert.throws(() => run(who), (e) => e.code === 'forbidden' && e.details.some((d) => d.path === 'actor'),
          `${kind} should be denied ${row.command} (${row.target})`);
        if (before) assert.equal(engine.exportStateJson(), before, 'a denial changes nothing');
      }
      engine.close();
    }
  });
}

test('a voice request is the speaker\'s own: no other actor can be named', async () => { // covers R-CON-6, R-DEL-2
  const engine = await household();
  engine.setVoiceDeletion({ actor: 'g1', now: NOW, profileId: 'c1', enabled: true });
  const request = { requestId: 'v', profileId: 'c1', deviceId: 'd1', utterance: 'delete what I just said', utcOffsetMinutes: 0, now: NOW };
  assert.equal(engine.voiceRequest(request).actor, 'c1');
  assert.throws(() => engine.voiceRequest({ ...request, requestId: 'v2', actor: 'g1' }), { code: 'invalid_input' });
  const rows = table.rows.filter((r) => r.command === 'voiceRequest');
  assert.deepEqual(rows.map((r) => [r.target, r.decisions.child, r.decisions.adult]), [['child', 'self', 'deny'], ['adult', 'deny', 'self']]);
  engine.close();
});

test('the README prints the same table the engine decides by', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  assert.ok(readme.includes(markdownTable(table)), 'README.md is out of date: run node scripts/authorization-table.mjs --write');
});
