import { test } from 'node:test';
import assert from 'node:assert/strict';
import { household, recording, addRecording, intake, NOW, MINUTE, HOUR, DAY, PARENT } from './fixtures.mjs';

const ZERO = { recordings: 0, audio: 0, transcript: 0, intent: 0, annotation: 0, training_copy: 0 };
// Every recording the household holds, or one profile's (listed by its parent).
const ids = (engine, profileId) => (profileId
  ? engine.listRecordings({ ...PARENT, profileId, limit: 10_000 }).recordings
  : engine.exportState(PARENT).recordings).map((r) => r.id).sort();
const del = (engine, fields) => engine.deleteRecordings({ actor: 'g1', now: NOW, profileId: 'c1', ...fields });

async function sample() {
  return household({
    recordings: [
      recording('c1-a', 'c1', 'd1', NOW - 40 * DAY),
      recording('c1-b', 'c1', 'd1', NOW - 20 * DAY),
      recording('c1-c', 'c1', 'd2', NOW - 10 * DAY, { transcript: null }),
      recording('c1-d', 'c1', 'd1', NOW - 5 * MINUTE),
      recording('c1-e', 'c1', 'd2', NOW - 2 * MINUTE),
      recording('c2-a', 'c2', 'd1', NOW - 20 * DAY),
      recording('c2-b', 'c2', 'd1', NOW - MINUTE),
      recording('a1-a', 'a1', 'd1', NOW - 3 * HOUR),
      recording('a1-b', 'a1', 'd1', NOW - 1 * MINUTE),
    ],
  });
}

test('a parent deletes one, several, a range, a device, or all; an adult their own', async () => { // covers R-DEL-1, R-DEL-6
  const engine = await sample();
  assert.deepEqual(del(engine, { requestId: 'one', kind: 'ids', ids: ['c1-a'] }).recordingIds, ['c1-a']);
  assert.deepEqual(del(engine, { requestId: 'many', kind: 'ids', ids: ['c1-b', 'c1-c', 'c1-b'] }).counts.recordings, 2);
  intake(engine, [recording('c1-f', 'c1', 'd1', NOW - 30 * DAY), recording('c1-g', 'c1', 'd1', NOW - 29 * DAY)]);
  const range = del(engine, { requestId: 'range', kind: 'range', from: NOW - 30 * DAY, to: NOW - 29 * DAY });
  assert.deepEqual(range.recordingIds, ['c1-f'], 'to is excluded, from included');
  assert.deepEqual(del(engine, { requestId: 'device', kind: 'device', deviceId: 'd2' }).recordingIds, ['c1-e']);
  assert.deepEqual(del(engine, { requestId: 'all', kind: 'all' }).recordingIds.sort(), ['c1-d', 'c1-g']);
  assert.deepEqual(ids(engine), ['a1-a', 'a1-b', 'c2-a', 'c2-b'], 'other profiles untouched');
  const own = engine.deleteRecordings({ actor: 'a1', now: NOW, requestId: 'mine', profileId: 'a1', kind: 'ids', ids: ['a1-a'] });
  assert.equal(own.status, 'deleted');
  assert.throws(() => engine.deleteRecordings({ actor: 'g1', now: NOW, requestId: 'x', profileId: 'a1', kind: 'all' }), { code: 'forbidden' });
  assert.throws(() => engine.deleteRecordings({ actor: 'c2', now: NOW, requestId: 'x', profileId: 'c2', kind: 'all' }), { code: 'forbidden' });
  assert.throws(() => engine.deleteRecordings({ actor: 'g2', now: NOW, requestId: 'x', profileId: 'c2', kind: 'all' }), { code: 'forbidden' });
  engine.close();
});

test('a range needs from < to; each kind needs its fields and refuses another kind\'s', async () => { // covers R-DEL-1
  const engine = await sample();
  assert.throws(() => del(engine, { requestId: 'r', kind: 'range', from: NOW, to: NOW }), (e) => e.code === 'invalid_input' && e.details[0].path === 'to');
  assert.throws(() => del(engine, { requestId: 'r', kind: 'range', from: NOW, to: NOW - 1 }), { code: 'invalid_input' });
  assert.throws(() => del(engine, { requestId: 'r', kind: 'range', from: NOW }), (e) => e.code === 'invalid_input' && e.details.some((d) => d.path === 'to'));
  assert.throws(() => del(engine, { requestId: 'r', kind: 'all', ids: ['c1-a'] }), (e) => e.details[0].path === 'ids');
  assert.throws(() => del(engine, { requestId: 'r', kind: 'ids' }), (e) => e.code === 'invalid_input' && e.details[0].path === 'ids');
  assert.throws(() => del(engine, { requestId: 'r', kind: 'just_said' }), (e) => e.code === 'invalid_input' && e.details[0].path === 'deviceId');
  assert.throws(() => del(engine, { requestId: 'r', kind: 'today', deviceId: 'd1' }), (e) => e.code === 'invalid_input' && e.details[0].path === 'utcOffsetMinutes');
  assert.throws(() => del(engine, { requestId: 'r', kind: 'device', deviceId: 'd9' }), { code: 'not_found' });
  assert.throws(() => del(engine, { requestId: 'r', kind: 'ids', ids: [] }), { code: 'invalid_input' });
  assert.throws(() => del(engine, { requestId: '', kind: 'all' }), { code: 'invalid_input' });
  assert.throws(() => del(engine, { kind: 'all' }), (e) => e.code === 'invalid_input' && e.details[0].path === 'requestId');
  assert.equal(ids(engine).length, 9);
  engine.close();
});

test('"what I just said" and "everything I said today", by voice, only where enabled', async () => { // covers R-DEL-2
  const engine = await sample();
  const voice = (fields) => engine.voiceRequest({ actor: 'c1', profileId: 'c1', deviceId: 'd1', utcOffsetMinutes: 0, now: NOW, ...fields });
  assert.throws(() => voice({ requestId: 'v0', utterance: 'Alexa, delete what I just said' }), { code: 'forbidden' });
  engine.setVoiceDeletion({ actor: 'g1', now: NOW, profileId: 'c1', enabled: true });
  const justSaid = voice({ requestId: 'v1', utterance: 'Alexa, delete what I just said' });
  assert.deepEqual(justSaid.recordingIds, ['c1-d'], 'the most recent on that device, within 10 minutes');
  assert.equal(justSaid.actor, 'c1', 'the speaker is the actor');
  const nothing = voice({ requestId: 'v2', utterance: 'delete what I just said' });
  assert.equal(nothing.status, 'nothing_to_delete');
  assert.equal(nothing.reason, 'nothing_recent');
  addRecording(engine, recording('c1-h', 'c1', 'd1', NOW - 11 * HOUR));
  addRecording(engine, recording('c1-i', 'c1', 'd1', NOW - 13 * HOUR));
  // 12:00Z at UTC-01:00 is 11:00 local; local midnight is 01:00Z, so 23:00Z yesterday is not "today".
  const today = voice({ requestId: 'v3', utterance: 'Please delete everything I said today.', utcOffsetMinutes: -60 });
  assert.deepEqual(today.recordingIds, ['c1-h']);
  assert.deepEqual(ids(engine, 'c1'), ['c1-a', 'c1-b', 'c1-c', 'c1-e', 'c1-i']);
  assert.throws(() => voice({ requestId: 'v4', utterance: 'order more cookies' }), { code: 'not_understood' });
  assert.throws(() => voice({ requestId: 'v5', utterance: 'delete everything I said today', utcOffsetMinutes: 900 }), { code: 'invalid_input' });
  // A parent may type the child's request; another child may not speak for it.
  const typed = voice({ actor: 'g1', requestId: 'v6', utterance: 'delete everything I said today', deviceId: 'd2' });
  assert.deepEqual([typed.actor, typed.recordingIds], ['g1', ['c1-e']]);
  assert.throws(() => voice({ actor: 'c2', requestId: 'v7', utterance: 'delete what I just said' }), { code: 'forbidden' });
  assert.throws(() => voice({ actor: undefined, requestId: 'v8', utterance: 'delete what I just said' }), (e) => e.code === 'invalid_input' && e.details[0].path === 'actor');
  engine.close();
});

test('deleting a recording deletes every artifact, counted in the receipt', async () => { // covers R-DEL-3
  const engine = await sample();
  const receipt = del(engine, { requestId: 'q', kind: 'ids', ids: ['c1-a', 'c1-c'] });
  assert.deepEqual(receipt.counts, { recordings: 2, audio: 2, transcript: 1, intent: 2, annotation: 2, training_copy: 2 });
  const state = engine.exportState(PARENT);
  const text = JSON.stringify(state.recordings);
  for (const gone of ['c1-a', 'c1-c']) assert.ok(!text.includes(gone), `${gone} left an artifact behind`);
  engine.close();
});

test('a tombstone stays and may_use answers no for every purpose, forever', async () => { // covers R-DEL-4, R-INT-2
  const engine = await sample();
  const SYSTEM = { actor: 'system' };
  assert.equal(engine.mayUse({ ...SYSTEM, recordingId: 'a1-a', purpose: 'training' }).allowed, true);
  engine.deleteRecordings({ actor: 'a1', now: NOW, requestId: 'q', profileId: 'a1', kind: 'ids', ids: ['a1-a'] });
  for (const purpose of ['service', 'playback', 'review', 'training', 'analytics', 'disclosure', 'sale']) {
    assert.deepEqual(engine.mayUse({ ...SYSTEM, recordingId: 'a1-a', purpose }), { allowed: false, reason: 'deleted' });
  }
  assert.deepEqual(engine.tombstones(PARENT), { tombstones: [{ recordingId: 'a1-a', profileId: 'a1', deletedAt: NOW, requestId: 'q' }] });
  assert.throws(() => addRecording(engine, recording('a1-a', 'a1', 'd1', NOW)), { code: 'conflict' });
  const copy = engine.exportStateJson(PARENT);
  assert.equal(engine.importState({ ...PARENT, now: NOW, state: copy }).outcome, 'unchanged');
  assert.equal(engine.mayUse({ ...SYSTEM, recordingId: 'a1-a', purpose: 'training' }).allowed, false, 'survives export and import');
  engine.close();
});

test('every request gives a receipt; the same request again deletes nothing and says so', async () => { // covers R-DEL-5
  const engine = await sample();
  const first = del(engine, { requestId: 'q1', kind: 'ids', ids: ['c1-a'] });
  assert.equal(first.status, 'deleted');
  assert.equal(first.actor, 'g1');
  assert.equal(first.onBehalfOf, null);
  assert.equal(first.requestedAt, NOW);
  assert.deepEqual(first.scope, { kind: 'ids', profileId: 'c1', ids: ['c1-a'] });
  const later = NOW + 1000;
  const again = del(engine, { requestId: 'q1', kind: 'ids', ids: ['c1-a'], now: later });
  assert.equal(again.status, 'already_done');
  assert.deepEqual(again.counts, ZERO);
  assert.throws(() => del(engine, { requestId: 'q1', kind: 'ids', ids: ['c1-b'], now: later }), { code: 'conflict' });
  const other = del(engine, { requestId: 'q2', kind: 'ids', ids: ['c1-a'], now: later });
  assert.equal(other.status, 'nothing_to_delete');
  assert.equal(other.reason, 'already_deleted');
  const log = engine.auditLog(PARENT).entries.filter((e) => e.action === 'recordings_deleted');
  assert.deepEqual(log.map((e) => [e.details.requestId, e.actor, e.at]), [['q1', 'g1', NOW], ['q2', 'g1', later]]);
  engine.close();
});

test('a request never touches another profile, device, household or time', async () => { // covers R-DEL-6
  const engine = await sample();
  const before = ids(engine);
  assert.throws(() => del(engine, { requestId: 'q', kind: 'ids', ids: ['c1-a', 'c2-a'] }), (e) => e.code === 'forbidden' && e.details[0].path === 'ids[1]');
  assert.deepEqual(ids(engine), before, 'refused whole: nothing deleted');
  const preview = engine.previewDeletion({ actor: 'g1', now: NOW, profileId: 'c1', kind: 'device', deviceId: 'd1' });
  assert.deepEqual(preview.recordingIds.sort(), ['c1-a', 'c1-b', 'c1-d']);
  assert.equal(preview.counts.recordings, 3);
  assert.deepEqual(ids(engine), before, 'a preview deletes nothing');
  del(engine, { requestId: 'q', kind: 'device', deviceId: 'd1' });
  assert.deepEqual(ids(engine), ['a1-a', 'a1-b', 'c1-c', 'c1-e', 'c2-a', 'c2-b']);
  engine.close();
});
