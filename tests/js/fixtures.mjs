// A small household built through the public API, shared by the JS tests.
import assert from 'node:assert/strict';
import { createPrivacyEngine } from 'family-privacy';

export const NOW = Date.UTC(2026, 10, 29, 12, 0, 0); // 2026-11-29T12:00:00Z
/** When the household below is set up: before every `now` the tests use (audit time never runs backwards, R-INT-3). */
export const SETUP = Date.UTC(2025, 0, 1);

export function policy(childMaxMonths = 18, adultMaxMonths = null) {
  return {
    categories: ['audio', 'transcript', 'derived'].map((category) => ({
      category, childMaxMonths, adultMaxMonths,
      purpose: `answering requests (${category})`, businessNeed: 'improving answers',
    })),
    justSaidWindowMinutes: 10,
  };
}

export function recording(id, profileId, deviceId, capturedAt, extra = {}) {
  return {
    id, profileId, deviceId, capturedAt,
    audio: { ref: `audio/${id}`, durationMs: 1500 },
    transcript: `what ${id} said`,
    derived: [{ id: `${id}-intent`, kind: 'intent' }, { id: `${id}-ann`, kind: 'annotation' }, { id: `${id}-train`, kind: 'training_copy' }],
    ...extra,
  };
}

// Verifiable parental consent for a child (R-CON-1), as a parent gives it.
export function consent(engine, profileId, method = 'signed_form', now = NOW) {
  engine.requestConsent({ actor: 'g1', now, profileId, method });
  return engine.recordConsent({ actor: 'g1', now, profileId, method, reference: `ref-${profileId}`, verifiedBy: 'test verifier' });
}

// Intake is the service's (R-INT-5): recordings arrive as `system`.
export function intake(engine, recordings, now = NOW) {
  return engine.addRecordings({ actor: 'system', now, recordings });
}

export function addRecording(engine, rec, now = NOW) {
  return engine.addRecording({ actor: 'system', now, recording: rec });
}

// Guardians g1 (verified) and g2 (not); children c1, c2; adult a1; devices d1, d2; set up at SETUP.
export async function household({ recordings = [] } = {}) {
  const engine = await createPrivacyEngine();
  const at = SETUP;
  engine.createHousehold({ actor: 'operator', now: at, id: 'h1', name: 'Test household', retentionPolicy: policy() });
  engine.addGuardian({ actor: 'operator', now: at, guardian: { id: 'g1', name: 'Ana', verified: true } });
  engine.addGuardian({ actor: 'operator', now: at, guardian: { id: 'g2', name: 'Ben', verified: false } });
  engine.addDevice({ actor: 'g1', now: at, device: { id: 'd1', name: 'Kitchen speaker' } });
  engine.addDevice({ actor: 'g1', now: at, device: { id: 'd2', name: 'Tablet' } });
  engine.addProfile({ actor: 'g1', now: at, profile: { id: 'c1', name: 'Maya', kind: 'child' } });
  engine.addProfile({ actor: 'g1', now: at, profile: { id: 'c2', name: 'Leo', kind: 'child' } });
  engine.addProfile({ actor: 'g1', now: at, profile: { id: 'a1', name: 'Sam', kind: 'adult' } });
  for (const profileId of ['c1', 'c2']) consent(engine, profileId, 'signed_form', at);
  if (recordings.length) intake(engine, recordings);
  return engine;
}

/** Every state the commands reach exports and imports back into a new engine byte for byte (R-INT-1). */
export async function assertReimports(engine, why) {
  const json = engine.exportStateJson({ actor: 'system' });
  const copy = await createPrivacyEngine({ state: json, actor: 'system', now: NOW });
  assert.equal(copy.exportStateJson({ actor: 'system' }), json, why);
  copy.close();
}

/** Who reads household data in the tests: the verified parent (R-INT-5: reads name their actor too). */
export const PARENT = { actor: 'g1' };

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const DAY = 86_400_000;
