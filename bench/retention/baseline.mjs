// The JavaScript baseline for the retention benchmark: the retention rules
// (RULES.md R-RET-1..4, R-RET-6) written the way one would write them in plain,
// idiomatic JavaScript without the engine: Maps and arrays of plain objects,
// Date-based calendar month addition, no clever data layout, no caching of due
// times. It takes the same inputs as the package API (index.d.ts) for the calls
// the benchmark makes, and `previewSweep` gives the same shape (SweepPlan):
// the due recordings with their artifacts and due time, the artifact counts,
// and the next due time of what remains.
//
// It validates only what it needs to; it is a yardstick, not a second engine.

const MONTHS_BY_SETTING = {
  dont_save: 0,
  '3_months': 3,
  '18_months': 18,
  until_deleted: null,
};

function toMillis(instant) {
  if (typeof instant === 'number') return instant;
  const millis = Date.parse(instant);
  if (Number.isNaN(millis)) throw new Error(`bad instant: ${instant}`);
  return millis;
}

/** N calendar months after `millis`, UTC, clamped to the month's last day (DESIGN.md "Time"). */
export function addCalendarMonths(millis, months) {
  const date = new Date(millis);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDayOfTargetMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDayOfTargetMonth);
  return Date.UTC(
    year, month, day,
    date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds(),
  );
}

function emptyCounts() {
  return { recordings: 0, audio: 0, transcript: 0, intent: 0, annotation: 0, training_copy: 0 };
}

export class BaselineRetention {
  constructor() {
    this.household = null;
    this.policy = null;
    this.guardians = new Map();
    this.devices = new Map();
    this.profiles = new Map();
    this.recordings = new Map();
  }

  createHousehold({ id, name, retentionPolicy }) {
    for (const category of retentionPolicy.categories) {
      if (!Number.isInteger(category.childMaxMonths) || category.childMaxMonths < 1) {
        throw new Error(`policy: ${category.category} needs a finite child maximum (R-RET-4)`);
      }
    }
    this.household = { id, name };
    this.policy = structuredClone(retentionPolicy);
    return { household: this.household };
  }

  addGuardian({ guardian }) {
    this.guardians.set(guardian.id, { ...guardian });
    return guardian;
  }

  addDevice({ device }) {
    this.devices.set(device.id, { ...device });
    return device;
  }

  addProfile({ profile }) {
    const stored = { retention: 'until_deleted', voiceDeletion: false, consent: 'none', ...profile };
    this.profiles.set(profile.id, stored);
    return stored;
  }

  requestConsent({ profileId }) {
    const profile = this.profiles.get(profileId);
    profile.consent = 'pending';
    return { profileId, consent: { state: profile.consent } };
  }

  /** R-CON-1: verified parental consent, the condition of recording into a child profile. */
  recordConsent({ profileId, method, reference, verifiedBy, now }) {
    const profile = this.profiles.get(profileId);
    if (profile.consent !== 'pending') throw new Error(`consent for ${profileId} was not requested`);
    profile.consent = 'verified';
    profile.consentEvidence = { method, reference, verifiedBy, verifiedAt: toMillis(now) };
    return { profileId, consent: { state: profile.consent } };
  }

  setRetention({ actor, profileId, setting }) {
    const profile = this.profiles.get(profileId);
    if (!profile) throw new Error(`no profile ${profileId}`);
    if (!(setting in MONTHS_BY_SETTING)) throw new Error(`bad setting ${setting}`);
    const allowed = profile.kind === 'child'
      ? this.guardians.get(actor)?.verified === true
      : actor === profileId || this.guardians.get(actor)?.verified === true;
    if (!allowed) throw new Error(`${actor} may not change ${profileId}`);
    profile.retention = setting;
    return this.effectiveRetention({ profileId });
  }

  /** R-RET-4: a child's setting is the shorter of the choice and the policy maximum. */
  effectiveRetention({ profileId }) {
    const profile = this.profiles.get(profileId);
    const chosen = MONTHS_BY_SETTING[profile.retention];
    const maxima = this.policy.categories.map((category) =>
      profile.kind === 'child' ? category.childMaxMonths : category.adultMaxMonths);
    const finite = maxima.filter((max) => max !== null && max !== undefined);
    const policyMaxMonths = finite.length > 0 ? Math.min(...finite) : null;
    let months = chosen;
    let cappedByPolicy = false;
    if (policyMaxMonths !== null && (months === null || months > policyMaxMonths)) {
      months = policyMaxMonths;
      cappedByPolicy = true;
    }
    return { profileId, setting: profile.retention, months, cappedByPolicy, policyMaxMonths };
  }

  addRecordings({ recordings, now }) {
    const nowMillis = toMillis(now);
    const checked = recordings.map((input) => {
      const capturedAt = toMillis(input.capturedAt);
      if (capturedAt > nowMillis) throw new Error(`recording ${input.id} is in the future`);
      const profile = this.profiles.get(input.profileId);
      if (!profile) throw new Error(`no profile ${input.profileId}`);
      if (profile.kind === 'child' && profile.consent !== 'verified') {
        throw new Error(`no recording into ${input.profileId} without verified parental consent`);
      }
      if (!this.devices.has(input.deviceId)) throw new Error(`no device ${input.deviceId}`);
      return {
        id: input.id,
        profileId: input.profileId,
        deviceId: input.deviceId,
        capturedAt,
        audio: input.audio ?? null,
        transcript: input.transcript ?? null,
        derived: input.derived ?? [],
      };
    });
    for (const recording of checked) this.recordings.set(recording.id, recording);
    return { added: checked.length };
  }

  /** R-RET-2, R-RET-3: due at capture for dont_save, N calendar months later otherwise. */
  static dueAt(recording, months) {
    if (months === null) return null;
    if (months === 0) return recording.capturedAt;
    return addCalendarMonths(recording.capturedAt, months);
  }

  /** R-RET-6: what is due at or before `now`, with artifacts, and the next due time. */
  previewSweep({ now, limit }) {
    const nowMillis = toMillis(now);
    // Settings may have changed since intake (R-RET-5), so due times are worked
    // out at each sweep, from each profile's effective retention of today.
    const monthsByProfile = new Map();
    for (const profileId of this.profiles.keys()) {
      monthsByProfile.set(profileId, this.effectiveRetention({ profileId }).months);
    }
    const due = [];
    const counts = emptyCounts();
    let nextDueAt = null;
    for (const recording of this.recordings.values()) {
      const dueAt = BaselineRetention.dueAt(recording, monthsByProfile.get(recording.profileId));
      if (dueAt === null) continue;
      if (dueAt <= nowMillis) {
        due.push({ ...recording, dueAt });
        counts.recordings += 1;
        if (recording.audio) counts.audio += 1;
        if (recording.transcript !== null) counts.transcript += 1;
        for (const item of recording.derived) counts[item.kind] += 1;
      } else if (nextDueAt === null || dueAt < nextDueAt) {
        nextDueAt = dueAt;
      }
    }
    return { now: nowMillis, dueCount: due.length, due: limit ? due.slice(0, limit) : due, counts, nextDueAt };
  }
}
