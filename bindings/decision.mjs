// decideAds without JSON (issue 10): strings and numbers in, the decision as
// numbers out (bindings/bindings.cpp fp_decide), the answer built here from
// the engine's own word tables (commands.gen.mjs). It is the same answer the
// JSON path gives (tests/js check both on random requests); anything this
// path does not take, or a decision that failed closed (its messages are in
// the JSON answer), goes the JSON way.
import { COPPA_STRIP, WORDS } from './commands.gen.mjs';

const KEYS = new Set(['actor', 'now', 'profileId', 'age', 'deviceId', 'context', 'jurisdiction', 'tcString',
  'gppString', 'gpc', 'vendorId']);
const ID = /^[\x21-\x7e]{1,128}$/;
const PLACE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
const CONTEXTS = WORDS.AdContext;
const MIN_INSTANT = -62135596800000;
const MAX_INSTANT = 253402300799999;

// Where fp_decide leaves the decision (static_asserts in bindings.cpp).
const LEVEL = 0, TREATMENT = 1, COPPA = 2, GDPR = 3, GPC_HEADER = 4, GPC_HONOURED = 5, BAND = 6, SOURCE = 7,
  GPP = 8, CONSENT = 9, ERRORS = 10, REASON_COUNT = 11, REASONS = 12, SID_COUNT = 44, SIDS = 46,
  PLACE_LENGTH = 110, PLACE_TEXT = 111;

function plain(input) {
  if (input === null || typeof input !== 'object' || Object.getPrototypeOf(input) !== Object.prototype) return false;
  for (const key of Object.keys(input)) {
    if (!KEYS.has(key)) return false;
    const d = Object.getOwnPropertyDescriptor(input, key);
    if (!('value' in d)) return false;
  }
  return true;
}

// What this path takes, or null: the JSON path reads and refuses everything else.
export function directInput(input) {
  if (!plain(input)) return null;
  const { actor, now, profileId, age, deviceId, context, jurisdiction, tcString, gppString, gpc, vendorId } = input;
  const at = now instanceof Date ? now.getTime() : now;
  if (!Number.isInteger(at) || at < MIN_INSTANT || at > MAX_INSTANT) return null;
  if ((profileId === undefined) === (age === undefined)) return null;
  if (age !== undefined && age !== 'unknown') return null;
  for (const id of [actor, profileId, deviceId]) if (id !== undefined && (typeof id !== 'string' || !ID.test(id))) return null;
  // A signal's characters and length are the core's to judge: not matched
  // against a pattern here (that was 8% of a decision, issue 10 profile).
  for (const s of [tcString, gppString]) if (s !== undefined && typeof s !== 'string') return null;
  if (jurisdiction !== undefined && (typeof jurisdiction !== 'string' || !PLACE.test(jurisdiction))) return null;
  if (context !== undefined && !CONTEXTS.includes(context)) return null;
  if (gpc !== undefined && typeof gpc !== 'boolean') return null;
  if (vendorId !== undefined && (!Number.isInteger(vendorId) || vendorId < 1 || vendorId > 65535)) return null;
  return { actor, now: at, profileId, unknown: age !== undefined, deviceId, context, jurisdiction, tcString, gppString, gpc, vendorId };
}

// The decision for a directInput, or null when it failed closed.
export function decide(native, d) {
  const core = native.core;
  let given = 0, at = 0;
  const lengths = [0, 0, 0, 0, 0, 0];
  // Each written where it goes, not joined first: a string made by joining
  // others is flattened on every call, this way once (V8 flattens in place).
  // Anything but ASCII (a signal never is) goes the JSON way, which says where it is wrong.
  const parts = [d.actor, d.profileId, d.deviceId, d.jurisdiction, d.tcString, d.gppString];
  for (let i = 0; i < parts.length; i++) {
    const s = parts[i];
    if (s === undefined) continue;
    given |= i === 0 ? 1 << 9 : 1 << (i - 1);
    lengths[i] = s.length;
    const written = native.write(s, at);
    if (written !== s.length) return null;
    at += written;
  }
  if (d.gpc) given |= 1 << 5;
  if (d.vendorId !== undefined) given |= 1 << 6;
  if (d.context !== undefined) given |= 1 << 7;
  if (d.unknown) given |= 1 << 8;
  const answer = core._fp_decide(native.id, ...lengths, given, d.context === undefined ? 0 : CONTEXTS.indexOf(d.context),
    d.vendorId ?? 0, d.now) >>> 0;
  const m = core.HEAPU8;
  if (m[answer + ERRORS] !== 0) return null;
  const reasons = new Array(m[answer + REASON_COUNT]);
  for (let i = 0; i < reasons.length; i++) reasons[i] = WORDS.AdReason[m[answer + REASONS + i]];
  const regs = { coppa: m[answer + COPPA] };
  const gdpr = (m[answer + GDPR] << 24) >> 24;
  if (gdpr >= 0) regs.gdpr = gdpr;
  if (m[answer + GPP]) {
    regs.gpp = d.gppString;
    const sids = new Array(m[answer + SID_COUNT]);
    for (let i = 0; i < sids.length; i++) sids[i] = m[answer + SIDS + 2 * i] | (m[answer + SIDS + 2 * i + 1] << 8);
    regs.gpp_sid = sids;
  }
  if (m[answer + GPC_HEADER]) regs.ext = { gpc: '1' };
  const out = { level: WORDS.AdLevel[m[answer + LEVEL]], saleAllowed: false, reasons, regs };
  if (m[answer + CONSENT]) out.user = { consent: d.tcString };
  if (m[answer + TREATMENT] !== 0) out.ageTreatment = WORDS.AgeTreatment[m[answer + TREATMENT]];
  out.ageBand = m[answer + BAND] === 0xff ? null : WORDS.AgeBand[m[answer + BAND]];
  out.ageSource = WORDS.AgeSource[m[answer + SOURCE]];
  out.gpcHonoured = m[answer + GPC_HONOURED] === 1;
  const placeLength = m[answer + PLACE_LENGTH];
  out.jurisdiction = placeLength ? String.fromCharCode(...m.subarray(answer + PLACE_TEXT, answer + PLACE_TEXT + placeLength)) : null;
  if (regs.coppa) out.coppaStrip = COPPA_STRIP;
  return out;
}
