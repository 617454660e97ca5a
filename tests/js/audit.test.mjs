// The audit log vouches for the state (R-INT-3): every change is an entry
// chained to the one before and committing to a digest of the state after
// it; import refuses a log that does not hold, naming the first bad entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createPrivacyEngine } from 'family-privacy';
import { household, recording, addRecording, NOW, DAY, PARENT } from './fixtures.mjs';

const sha256 = (data) => createHash('sha256').update(data).digest();
const hex = (data) => sha256(data).toString('hex');

// The recipe of core/src/household/digest.hpp, from an export alone: each
// collection a tree of 32-item leaves (their JSON as exported, concatenated)
// and 32-hash nodes; its root SHA-256("<count>:" + top); the state digest over
// a header and one line per collection.
function collectionRoot(items) {
  let level = [];
  for (let i = 0; i < items.length; i += 32) level.push(sha256(items.slice(i, i + 32).map((x) => JSON.stringify(x)).join('')));
  while (level.length > 1) {
    const up = [];
    for (let i = 0; i < level.length; i += 32) up.push(sha256(Buffer.concat(level.slice(i, i + 32))));
    level = up;
  }
  return hex(Buffer.concat([Buffer.from(`${items.length}:`), ...level]));
}

export function stateDigest(state) {
  const { household: h, retentionPolicy, privacyNotice, jurisdictionPolicy } = state;
  let text = `family-privacy/state/3\n${JSON.stringify({ household: h, retentionPolicy, privacyNotice, jurisdictionPolicy })}\n`;
  for (const name of ['guardians', 'devices', 'profiles', 'recordings', 'tombstones', 'removedProfiles', 'receipts']) {
    text += `${name}:${state[name].length}:${collectionRoot(state[name])}\n`;
  }
  return hex(text);
}

// An entry's hash: SHA-256 of its JSON without `hash` (schema 3 entries).
export function entryHash(entry) {
  const { hash, ...body } = entry;
  void hash;
  return hex(JSON.stringify(body));
}

/** Re-hashes the chain from `from` on, as a forger would after editing an entry. */
function rehash(log, from) {
  for (let i = from; i < log.length; i++) {
    log[i].prevHash = i === 0 ? '0'.repeat(64) : log[i - 1].hash;
    log[i].hash = entryHash(log[i]);
  }
}

async function sample() {
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1), recording('r2', 'a1', 'd1', NOW - 200 * DAY)] });
  engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting: 'dont_save' });
  addRecording(engine, recording('r3', 'c1', 'd2', NOW + 1), NOW + 1);
  engine.setVoiceDeletion({ actor: 'a1', now: NOW + 1, profileId: 'a1', enabled: true });
  engine.sweep({ actor: 'system', now: NOW + 2 });
  return engine;
}

test('every change is logged with actor and time, chained by hash, each committing to the state after it', async () => { // covers R-INT-3, R-DEL-5
  const engine = await sample();
  const { total, entries } = engine.auditLog(PARENT);
  assert.equal(total, entries.length);
  assert.deepEqual(entries.slice(-6).map((e) => [e.action, e.actor, e.at]), [
    ['recordings_added', 'system', NOW],
    ['retention_set', 'g1', NOW], ['recordings_deleted', 'g1', NOW], ['recordings_added', 'system', NOW + 1],
    ['voice_deletion_set', 'a1', NOW + 1], ['sweep', 'system', NOW + 2]]);
  entries.forEach((e, i) => {
    assert.equal(e.seq, i + 1);
    assert.equal(e.onBehalfOf, null);
    assert.match(e.hash, /^[0-9a-f]{64}$/);
    assert.match(e.stateDigest, /^[0-9a-f]{64}$/);
    assert.equal(e.prevHash, i === 0 ? '0'.repeat(64) : entries[i - 1].hash);
    assert.equal(entryHash(e), e.hash, `entry ${e.seq} hashes to what it says`);
    if (i > 0) assert.ok(e.at >= entries[i - 1].at, 'audit time never runs backwards');
  });
  const state = engine.exportState(PARENT);
  assert.equal(stateDigest(state), entries.at(-1).stateDigest, 'the last entry vouches for the state exported');
  const verified = engine.verifyAuditLog(PARENT);
  assert.deepEqual(verified, { intact: true, entries: entries.length, headHash: entries.at(-1).hash, firstInvalid: null });
  assert.deepEqual(engine.overview(PARENT).auditHead, { seq: entries.length, hash: entries.at(-1).hash });
  engine.close();
});

test('the state digest is the recipe over many items too (trees of 32)', async () => { // covers R-INT-3
  const engine = await household({ recordings: Array.from({ length: 1100 }, (_, i) => recording(`r${i}`, i % 3 ? 'c1' : 'a1', i % 2 ? 'd1' : 'd2', NOW - i * 1000)) });
  engine.deleteRecordings({ actor: 'g1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'ids', ids: ['r1', 'r500', 'r1099'] });
  const state = engine.exportState(PARENT);
  assert.equal(stateDigest(state), state.auditLog.at(-1).stateDigest);
  engine.close();
});

test('import refuses a log edited, cut in the middle, reordered, re-hashed or running backwards, naming the first bad entry', async () => { // covers R-INT-1, R-INT-3
  const engine = await sample();
  const state = engine.exportState(PARENT);
  const before = engine.exportStateJson(PARENT);
  const n = state.auditLog.length;
  const fresh = await createPrivacyEngine();
  const cases = [
    ['an edited entry', ({ auditLog: log }) => { log[n - 4].details.requestId = 'forged'; }, n - 4, 'edited'],
    ['another actor', ({ auditLog: log }) => { log[3].actor = 'operator'; }, 3, 'edited'],
    ['a removed entry', ({ auditLog: log }) => { log.splice(2, 1); }, 2, 'sequence'],
    ['two entries swapped', ({ auditLog: log }) => { [log[4], log[5]] = [log[5], log[4]]; }, 4, 'sequence'],
    ['a removed entry, renumbered', ({ auditLog: log }) => { log.splice(1, 1); log.forEach((x, i) => { x.seq = i + 1; }); }, 1, 'chain'],
    ['a changed state with its entry edited and the chain re-hashed', (s) => {
      s.profiles.find((p) => p.id === 'a1').voiceDeletion = false;
      s.auditLog[n - 2].details.enabled = false;
      rehash(s.auditLog, n - 2);
    }, n - 1, 'digest'],
    ['time running backwards, re-hashed', ({ auditLog: log }) => { log[n - 2].at = Date.UTC(2001, 0, 1); rehash(log, n - 2); }, n - 2, 'time'],
  ];
  for (const [what, mutate, index, reason] of cases) {
    const copy = structuredClone(state);
    mutate(copy);
    for (const target of [engine, fresh]) {
      for (const run of [target.importState, target.previewImport]) {
        assert.throws(() => run.call(target, { actor: 'g1', now: NOW + 3, state: copy }),
          (e) => e.code === 'audit_invalid' && e.details[0].path === `state.auditLog[${index}]` && e.message.includes('R-INT-3'),
          `${what}: refused at entry ${index} (${reason})`);
      }
    }
    assert.equal(engine.exportStateJson(PARENT), before, `${what}: a refused import changes nothing`);
  }
  // Only the log's text edited and re-hashed: the state is the one it vouches for, so only a head kept elsewhere tells.
  const forged = structuredClone(state);
  forged.auditLog[n - 4].details.requestId = 'forged';
  rehash(forged.auditLog, n - 4);
  const head = { seq: n, hash: state.auditLog[n - 1].hash };
  assert.throws(() => fresh.importState({ actor: 'g1', now: NOW + 3, state: forged, expectedHead: head }),
    (e) => e.code === 'audit_invalid' && e.details[0].path === `state.auditLog[${n - 1}]`);
  assert.throws(() => engine.importState({ actor: 'g1', now: NOW + 3, state: forged }),
    (e) => e.code === 'conflict' && e.details[0].path === `state.auditLog[${n - 4}]`, 'a history that differs from ours is refused');
  fresh.close();
  engine.close();
});

test('a state changed after its last entry is refused: the digest no longer vouches for it', async () => { // covers R-INT-1, R-INT-3
  const engine = await sample();
  const state = engine.exportState(PARENT);
  const fresh = await createPrivacyEngine();
  const edits = [
    (s) => { s.profiles.find((p) => p.id === 'a1').retention = 'until_deleted'; },
    (s) => { s.tombstones.pop(); },
    (s) => { s.household.name = 'Someone else'; },
    (s) => { s.receipts[0].counts.recordings = 0; },
  ];
  for (const [i, edit] of edits.entries()) {
    const copy = structuredClone(state);
    edit(copy);
    assert.throws(() => fresh.importState({ actor: 'system', now: NOW + 3, state: copy }),
      (e) => ['audit_invalid', 'conflict', 'invalid_input'].includes(e.code), `edit ${i}`);
  }
  fresh.close();
  engine.close();
});

test('audit time never runs backwards: a change dated before the last entry is out_of_order', async () => { // covers R-INT-3
  const engine = await sample();
  const before = engine.exportStateJson(PARENT);
  assert.throws(() => engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting: '3_months' }),
    (e) => e.code === 'out_of_order' && e.details[0].path === 'now');
  assert.equal(engine.exportStateJson(PARENT), before);
  // The same instant as the last entry is fine.
  engine.setRetention({ actor: 'g1', now: NOW + 2, profileId: 'c1', setting: '3_months' });
  engine.close();
});

test('a cut at the end looks whole, except against a head kept elsewhere', async () => { // covers R-INT-3
  const engine = await sample();
  const state = engine.exportState(PARENT);
  const n = state.auditLog.length;
  const head = engine.overview(PARENT).auditHead;
  assert.deepEqual(head, { seq: n, hash: state.auditLog[n - 1].hash });
  assert.equal(engine.verifyAuditLog({ ...PARENT, expectedHead: head }).intact, true);
  engine.close();

  // A state cut back to an earlier entry: that entry vouched for the state then, so the state must be the one then.
  const earlier = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1)] });
  const kept = earlier.exportState(PARENT);
  const keptHead = earlier.overview(PARENT).auditHead;
  earlier.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting: '18_months' });
  const later = earlier.overview(PARENT).auditHead;
  earlier.close();
  const restored = await createPrivacyEngine({ state: kept, actor: 'system', now: NOW });
  assert.equal(restored.verifyAuditLog(PARENT).intact, true, 'without an anchor a cut tail looks whole');
  const check = restored.verifyAuditLog({ ...PARENT, expectedHead: later });
  assert.equal(check.intact, false);
  assert.equal(check.firstInvalid.reason, 'head');
  assert.equal(restored.verifyAuditLog({ ...PARENT, expectedHead: keptHead }).intact, true);
  restored.close();
  await assert.rejects(createPrivacyEngine({ state: kept, actor: 'system', now: NOW, expectedHead: later }),
    (e) => e.code === 'audit_invalid' && e.details[0].path.startsWith('state.auditLog'));
});
