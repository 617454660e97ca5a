import { test } from 'node:test';
import assert from 'node:assert/strict';
import { household, recording, addRecording, NOW, DAY, policy, PARENT } from './fixtures.mjs';

const iso = (s) => Date.parse(s);
const SYSTEM = { actor: 'system' };
const list = (engine, profileId, actor = 'g1') => engine.listRecordings({ actor, profileId }).recordings;

test('each profile chooses dont_save, 3 months, 18 months or until deleted', async () => { // covers R-RET-1
  const engine = await household();
  for (const setting of ['dont_save', '3_months', '18_months', 'until_deleted']) {
    assert.equal(engine.setRetention({ actor: 'a1', now: NOW, profileId: 'a1', setting }).setting, setting);
    assert.equal(engine.overview(PARENT).profiles.find((p) => p.id === 'a1').retention, setting);
  }
  assert.throws(() => engine.setRetention({ actor: 'a1', now: NOW, profileId: 'a1', setting: '6_months' }), { code: 'invalid_input' });
  engine.close();
});

test('dont_save: due at capture; the sweep at now takes it', async () => { // covers R-RET-2, R-RET-6
  const engine = await household();
  engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting: 'dont_save' });
  addRecording(engine, recording('r1', 'c1', 'd1', NOW - 1));
  assert.equal(list(engine, 'c1')[0].dueAt, NOW - 1);
  const plan = engine.previewSweep({ ...SYSTEM, now: NOW });
  assert.deepEqual(plan.due.map((r) => r.id), ['r1']);
  assert.equal(engine.sweep({ ...SYSTEM, now: NOW }).receipt.counts.recordings, 1);
  assert.equal(list(engine, 'c1').length, 0);
  engine.close();
});

test('N months are calendar months in UTC, clamped to month end, same time of day', async () => { // covers R-RET-3
  // A child's default is 3 months, an adult's 18.
  const engine = await household({
    recordings: [
      recording('jan31', 'c1', 'd1', '2026-01-31T13:14:15.016Z'),
      recording('aug31', 'c1', 'd1', '2025-08-31T23:00:00-02:00'),
      recording('leap', 'a1', 'd1', '2024-02-29T06:00:00Z'),
    ],
  });
  assert.equal(engine.effectiveRetention({ ...PARENT, profileId: 'c1' }).setting, '3_months');
  assert.equal(engine.effectiveRetention({ actor: 'a1', profileId: 'a1' }).setting, '18_months');
  const due = Object.fromEntries([...list(engine, 'c1'), ...list(engine, 'a1', 'a1')].map((r) => [r.id, r.dueAt]));
  assert.equal(due.jan31, iso('2026-04-30T13:14:15.016Z'));
  assert.equal(due.aug31, iso('2025-12-01T01:00:00Z')); // captured 2025-09-01T01:00Z
  assert.equal(due.leap, iso('2025-08-29T06:00:00Z'));
  engine.close();
});

test("a child's and a teen's setting is capped by the written policy; until_deleted means the policy maximum", async () => { // covers R-RET-4
  const engine = await household();
  engine.addProfile({ actor: 'g1', now: NOW, profile: { id: 't1', name: 'Tess', kind: 'teen' } });
  const child = engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting: 'until_deleted' });
  assert.deepEqual(child, { profileId: 'c1', setting: 'until_deleted', months: 18, cappedByPolicy: true, policyMaxMonths: 18, receipt: null });
  const teen = engine.setRetention({ actor: 't1', now: NOW, profileId: 't1', setting: 'until_deleted' });
  assert.deepEqual([teen.months, teen.cappedByPolicy], [18, true], 'a teen is capped by the child maximum too');
  const adult = engine.setRetention({ actor: 'a1', now: NOW, profileId: 'a1', setting: 'until_deleted' });
  assert.equal(adult.months, null);
  engine.setRetentionPolicy({ actor: 'operator', now: NOW, retentionPolicy: policy(6) });
  const capped = engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c2', setting: '18_months' });
  assert.equal(capped.months, 6);
  assert.equal(capped.cappedByPolicy, true);
  for (const bad of [null, 0, -1, 1201, 1.5, 'forever']) {
    const p = policy();
    p.categories[1].childMaxMonths = bad;
    assert.throws(() => engine.setRetentionPolicy({ actor: 'operator', now: NOW, retentionPolicy: p }),
      (e) => e.code === 'invalid_input' && e.details.some((d) => d.path.startsWith('retentionPolicy.categories[1].childMaxMonths')), String(bad));
  }
  assert.equal(engine.effectiveRetention({ ...PARENT, profileId: 'c2' }).months, 6, 'a refused policy changes nothing');
  engine.close();
});

test('shortening deletes what it makes due as soon as the parent confirms; lengthening brings nothing back', async () => { // covers R-RET-5
  const engine = await household({ recordings: [recording('old', 'c1', 'd1', NOW - 200 * DAY), recording('new', 'c1', 'd1', NOW - DAY)] });
  engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting: '18_months' });
  assert.equal(engine.previewSweep({ ...SYSTEM, now: NOW }).due.length, 0);
  const preview = engine.previewRetention({ ...PARENT, profileId: 'c1', setting: '3_months', now: NOW });
  assert.equal(preview.dueNow.recordings, 1);
  assert.deepEqual(preview.recordingIds, ['old']);
  assert.equal(list(engine, 'c1').length, 2, 'a preview changes nothing');
  const shorter = engine.execute('setRetention', { actor: 'g1', now: NOW, profileId: 'c1', setting: '3_months', requestId: 'shorter-1' });
  assert.deepEqual(shorter.effects, { changed: true, deletedRecordingIds: ['old'] });
  const { receipt } = shorter.result;
  assert.deepEqual([receipt.requestId, receipt.kind, receipt.actor, receipt.recordingIds], ['shorter-1', 'retention', 'g1', ['old']]);
  assert.deepEqual(list(engine, 'c1').map((r) => r.id), ['new'], 'deleted at once, not at the next sweep');
  assert.equal(engine.mayUse({ ...SYSTEM, recordingId: 'old', purpose: 'review' }).allowed, false);
  const longer = engine.setRetention({ actor: 'g1', now: NOW, profileId: 'c1', setting: '18_months' });
  assert.equal(longer.receipt, null);
  assert.deepEqual(list(engine, 'c1').map((r) => r.id), ['new']);
  // Without a request id the receipt's is made, and never collides.
  engine.setRetention({ actor: 'g1', now: NOW + DAY, profileId: 'c1', setting: 'dont_save' });
  assert.equal(engine.exportState(PARENT).receipts.at(-1).requestId, `retention-c1-${NOW + DAY}`);
  engine.close();
});

test('a sweep returns exactly what is due at or before now, with artifacts, and the next due time', async () => { // covers R-RET-6
  const engine = await household({
    recordings: [
      recording('a', 'c1', 'd1', '2026-08-29T12:00:00Z'),
      recording('b', 'c1', 'd1', '2026-08-29T12:00:00.001Z', { audio: null }),
      recording('c', 'c1', 'd2', '2026-09-15T00:00:00Z'),
      recording('keep', 'a1', 'd1', '2020-01-01T00:00:00Z'),
    ],
  });
  engine.setRetention({ actor: 'a1', now: NOW, profileId: 'a1', setting: 'until_deleted' });
  const plan = engine.previewSweep({ ...SYSTEM, now: NOW });
  assert.deepEqual(plan.due.map((r) => r.id), ['a']);
  assert.deepEqual(plan.due[0].derived.map((d) => d.kind), ['intent', 'annotation', 'training_copy']);
  assert.equal(plan.nextDueAt, NOW + 1);
  assert.deepEqual(plan.counts, { recordings: 1, audio: 1, transcript: 1, intent: 1, annotation: 1, training_copy: 1 });
  const later = engine.previewSweep({ ...PARENT, now: NOW + 1 });
  assert.deepEqual(later.due.map((r) => r.id), ['a', 'b']);
  assert.equal(later.counts.audio, 1);
  assert.throws(() => engine.sweep({ actor: 'g1', now: NOW + 1 }), { code: 'forbidden' });
  const { receipt, nextDueAt } = engine.sweep({ ...SYSTEM, now: NOW + 1 });
  assert.equal(receipt.kind, 'sweep');
  assert.equal(receipt.actor, 'system');
  assert.equal(nextDueAt, Date.parse('2026-12-15T00:00:00Z'));
  assert.deepEqual([...list(engine, 'c1'), ...list(engine, 'a1', 'a1')].map((r) => r.id).sort(), ['c', 'keep']);
  assert.equal(engine.auditLog(PARENT).entries.at(-1).action, 'sweep');
  engine.close();
});
