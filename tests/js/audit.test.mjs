import { test } from 'node:test';
import assert from 'node:assert/strict';
import { household, recording, NOW } from './fixtures.mjs';

test('every setting change and deletion is logged with actor and time, chained by hash', async () => { // covers R-DEL-5
  const engine = await household({ recordings: [recording('r1', 'c1', 'd1', NOW - 1)] });
  engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting: 'dont_save' });
  engine.setVoiceDeletion({ actor: 'a1', now: NOW + 1, profileId: 'a1', enabled: true });
  engine.sweep({ now: NOW + 2 });
  const { total, entries } = engine.auditLog();
  assert.equal(total, entries.length);
  assert.deepEqual(entries.slice(-3).map((e) => [e.action, e.actor, e.at]), [
    ['retention_set', 'g1', NOW], ['voice_deletion_set', 'a1', NOW + 1], ['sweep', 'system', NOW + 2]]);
  entries.forEach((e, i) => {
    assert.equal(e.seq, i + 1);
    assert.match(e.hash, /^[0-9a-f]{64}$/);
    assert.equal(e.prevHash, i === 0 ? '0'.repeat(64) : entries[i - 1].hash);
  });
  const verified = engine.verifyAuditLog();
  assert.equal(verified.intact, true);
  assert.equal(verified.headHash, entries.at(-1).hash);
  engine.close();
});

test('verify reports the first entry edited, removed or reordered', async () => {
  const engine = await household();
  for (const setting of ['dont_save', '3_months', '18_months']) engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting });
  const state = engine.exportState();
  const n = state.auditLog.length;
  const check = (mutate, expected) => {
    const copy = structuredClone(state);
    mutate(copy.auditLog);
    engine.importState(copy);
    const result = engine.verifyAuditLog();
    assert.equal(result.intact, false);
    assert.deepEqual(result.firstInvalid, expected);
  };
  check((log) => { log[n - 2].details.to = 'until_deleted'; }, { index: n - 2, seq: n - 1, reason: 'edited' });
  check((log) => { log[3].actor = 'operator'; }, { index: 3, seq: 4, reason: 'edited' });
  check((log) => { log.splice(2, 1); }, { index: 2, seq: 4, reason: 'sequence' });
  check((log) => { [log[4], log[5]] = [log[5], log[4]]; }, { index: 4, seq: 6, reason: 'sequence' });
  check((log) => { const e = log[1]; log.splice(1, 1); log.forEach((x, i) => { x.seq = i + 1; }); void e; }, { index: 1, seq: 2, reason: 'chain' });
  // A removed last entry shows against a head kept elsewhere.
  engine.importState(state);
  const head = { seq: n, hash: state.auditLog[n - 1].hash };
  assert.equal(engine.verifyAuditLog({ expectedHead: head }).intact, true);
  const cut = structuredClone(state);
  cut.auditLog.pop();
  engine.importState(cut);
  assert.equal(engine.verifyAuditLog().intact, true, 'without an anchor a cut tail looks whole');
  assert.equal(engine.verifyAuditLog({ expectedHead: head }).firstInvalid.reason, 'head');
  engine.close();
});
