// A household whose export is larger than a command may be (64 MiB) exports
// and re-imports through the package: the state crosses beside its command, in
// pieces, under the states' own cap (issue 8 item 7, R-INT-1). The million-
// recording household and its figures are in bench/bigstate (npm run bench).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivacyEngine } from 'family-privacy';
import { household, recording, NOW, PARENT } from './fixtures.mjs';

const MiB = 2 ** 20;

test('a state over 64 MiB round-trips: exportStateJson -> importState into a new engine -> the same bytes', async (t) => { // covers R-INT-1
  const source = await household();
  // Long transcripts (the most a recording may carry is 10,000 bytes) make a big state of few recordings.
  const words = 'turn on the lights in the kitchen and play the song again '.repeat(110).slice(0, 6000);
  for (let batch = 0; batch < 12; batch++) {
    const recordings = Array.from({ length: 1000 }, (_, k) => {
      const i = batch * 1000 + k;
      return recording(`big-${i}`, ['c1', 'c2', 'a1'][i % 3], i % 2 ? 'd1' : 'd2', NOW - 1000 - i, { transcript: `${i} ${words}` });
    });
    source.addRecordings({ actor: 'system', now: NOW, recordings });
  }
  source.deleteRecordings({ actor: 'g1', now: NOW, requestId: 'q', profileId: 'c1', kind: 'ids', ids: ['big-0', 'big-3'] });
  const text = source.exportStateJson(PARENT);
  assert.ok(Buffer.byteLength(text) > 64 * MiB, `${Buffer.byteLength(text)} bytes`);
  source.close();
  const target = await createPrivacyEngine();
  const answer = target.importState({ actor: 'system', now: NOW, state: text });
  assert.deepEqual([answer.outcome, answer.recordings], ['loaded', 11_998]);
  assert.equal(target.exportStateJson(PARENT), text, 'the same bytes');
  assert.equal(target.verifyAuditLog(PARENT).intact, true);
  assert.equal(target.mayUse({ actor: 'system', recordingId: 'big-3', purpose: 'training' }).reason, 'deleted');
  t.diagnostic(`state: ${(Buffer.byteLength(text) / MiB).toFixed(1)} MiB, ${answer.recordings} recordings`);
  target.close();
});
