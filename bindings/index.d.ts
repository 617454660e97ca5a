// family-privacy: the public JavaScript API.
// Hand-written (DESIGN.md): every name here is the RULES.md word, the same in
// C++, JSON and the page. Instants are epoch milliseconds (UTC) or ISO-8601
// strings with `Z` or an offset; the engine always answers with milliseconds.

/** Epoch milliseconds, an ISO-8601 string with `Z` or an offset, or a Date. */
export type Instant = number | string | Date;

/** R-RET-1: what a parent (or an adult for themself) chooses. */
export type RetentionSetting = 'dont_save' | '3_months' | '18_months' | 'until_deleted';
export type ProfileKind = 'child' | 'adult';
export type DerivedKind = 'intent' | 'annotation' | 'training_copy';
/** Artifact categories of the written retention policy (R-RET-3, R-RET-4). */
export type ArtifactCategory = 'audio' | 'transcript' | 'derived';
/** What a recording may be used for (R-DEL-4). */
/** `disclosure`: to third parties (ads, analytics or training by others), R-CON-3. */
export type Purpose = 'service' | 'playback' | 'review' | 'training' | 'analytics' | 'disclosure' | 'sale';
/** R-CON-2: the approved methods of verifiable parental consent. `email_plus` backs internal use only. */
export type ConsentMethod =
  | 'signed_form' | 'payment_card' | 'toll_free_call' | 'video_call' | 'government_id'
  | 'knowledge_based' | 'face_match' | 'text_plus' | 'email_plus';
export type ConsentState = 'none' | 'pending' | 'verified' | 'revoked';
export interface ConsentEvidence { method: ConsentMethod; reference: string; verifiedBy: string; verifiedAt: number }
export interface Consent {
  state: ConsentState;
  requestedMethod: ConsentMethod | null;
  evidence: ConsentEvidence | null;
  /** The privacy notice version consented to. */
  noticeVersion: number | null;
  /** R-CON-3: disclosure to third parties, separate and off by default. */
  disclosure: boolean;
  revokedAt: number | null;
  /** Why consent is needed again, e.g. 'material_change' (R-CON-5). */
  reason: string | null;
}
export type ActorKind =
  | 'verified_guardian' | 'unverified_guardian' | 'other_household' | 'child' | 'adult'
  | 'support_with_request' | 'support_without_request' | 'system' | 'operator';
export interface ThirdParty { name: string; category: string; purpose: string }
export interface PrivacyNotice { version: number; collects: string[]; thirdParties: ThirdParty[] }
export type DeletionKind = 'ids' | 'range' | 'device' | 'all' | 'just_said' | 'today';
export type ErrorCode =
  | 'invalid_input' | 'not_found' | 'forbidden' | 'conflict' | 'consent_required'
  | 'not_understood' | 'unsupported_version' | 'closed' | 'wasm_load_failed' | 'internal'
  | 'invalid_signal' | 'contradictory_signal';

/** One problem with a call: a stable code, where it is (JSON-pointer-like path), and words. */
export interface ErrorDetail { code: ErrorCode; path: string; message: string }

/** The one error the package throws. `details` lists every problem found. */
export declare class PrivacyError extends Error {
  readonly name: 'PrivacyError';
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
}

export interface Guardian { id: string; name: string; verified: boolean }
export interface Device { id: string; name: string }
export interface Profile {
  id: string;
  name: string;
  kind: ProfileKind;
  /** YYYY-MM-DD, optional. */
  birthDate?: string;
  retention: RetentionSetting;
  /** R-DEL-2: deletion by voice, off unless a parent (or the adult) turns it on. */
  voiceDeletion: boolean;
}
/** A profile as the engine holds it. */
export interface StoredProfile extends Profile {
  /** R-CON-1: a child is enabled only with verified consent. */
  enabled: boolean;
  /** Children only (null for adults). */
  consent: Consent | null;
  createdAt: number;
  lastActiveAt: number | null;
  /** R-PRO-2: when the parent chose to keep it. */
  keptAt: number | null;
  inactiveNotifiedAt: number | null;
  /** R-PRO-3: flagged for the parent's review at 13. */
  ageReviewFlaggedAt: number | null;
  /** When the parent resolved the review; a reviewed profile is not flagged again. */
  ageReviewedAt: number | null;
}
export interface RetentionCategory {
  category: ArtifactCategory;
  /** R-RET-4: finite, 1..1200 months; required. */
  childMaxMonths: number;
  /** null: no maximum for adults. */
  adultMaxMonths: number | null;
  purpose: string;
  businessNeed: string;
}
export interface RetentionPolicy {
  categories: RetentionCategory[];
  /** R-DEL-2 "what I just said" window, minutes (1..1440, default 10). */
  justSaidWindowMinutes: number;
  /** R-PRO-2: a child profile unused this long is inactive (default 18). */
  inactiveAfterMonths?: number;
  /** R-PRO-2: days from the notice to deletion (default 90). */
  noticeWindowDays?: number;
}
export interface Audio { ref: string; durationMs: number }
export interface DerivedItem { id: string; kind: DerivedKind }
export interface RecordingInput {
  id: string;
  profileId: string;
  deviceId: string;
  capturedAt: Instant;
  audio?: Audio | null;
  transcript?: string | null;
  derived?: DerivedItem[];
}
export interface Recording {
  id: string;
  profileId: string;
  deviceId: string;
  capturedAt: number;
  audio: Audio | null;
  transcript: string | null;
  derived: DerivedItem[];
  /** When retention makes it due (null: kept until deleted). */
  dueAt: number | null;
}
export interface ArtifactCounts {
  recordings: number;
  audio: number;
  transcript: number;
  intent: number;
  annotation: number;
  training_copy: number;
}
export interface EffectiveRetention {
  profileId: string;
  setting: RetentionSetting;
  /** Months kept (0 for dont_save), or null when kept until deleted. */
  months: number | null;
  /** True when the written policy's child maximum shortened the choice (R-RET-4). */
  cappedByPolicy: boolean;
  policyMaxMonths: number | null;
}
export interface Tombstone { recordingId: string; profileId: string; deletedAt: number; requestId: string }
export interface DeletionReceipt {
  requestId: string;
  kind: DeletionKind | 'sweep';
  actor: string;
  profileId: string | null;
  requestedAt: number;
  /** What was asked, normalised (instants as epoch ms); the part a repeated requestId must match. */
  scope: DeletionScope;
  status: 'deleted' | 'nothing_to_delete' | 'already_done';
  /** Why nothing was deleted, when nothing was. */
  reason: 'nothing_recent' | 'already_deleted' | 'no_match' | 'already_done' | null;
  recordingIds: string[];
  counts: ArtifactCounts;
}
export interface DeletionScope {
  kind: DeletionKind | 'sweep';
  profileId?: string;
  ids?: string[];
  from?: number;
  to?: number;
  deviceId?: string;
  utcOffsetMinutes?: number;
  /** Sweeps only. */
  now?: number;
}
export interface DeletionPreview { recordingIds: string[]; counts: ArtifactCounts; reason: DeletionReceipt['reason'] }
export interface SweepPlan {
  now: number;
  /** How many are due (all of them, whatever `limit` kept in `due`). */
  dueCount: number;
  due: Recording[];
  counts: ArtifactCounts;
  nextDueAt: number | null;
}
export interface SweepResult { receipt: DeletionReceipt; nextDueAt: number | null }
export interface AuditEntry {
  seq: number;
  at: number;
  actor: string;
  action: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
export interface AuditVerification {
  intact: boolean;
  entries: number;
  headHash: string;
  /** The first entry that was edited, removed or reordered. */
  firstInvalid: { index: number; seq: number | null; reason: 'edited' | 'chain' | 'sequence' | 'head' } | null;
}
export interface ProfileOverview extends StoredProfile {
  /** When an inactive profile will be deleted unless kept (R-PRO-2). */
  removalDueAt: number | null;
  effectiveRetention: EffectiveRetention;
  recordingCount: number;
  nextDueAt: number | null;
}
export interface HouseholdOverview {
  household: { id: string; name: string };
  guardians: Guardian[];
  devices: Device[];
  profiles: ProfileOverview[];
  retentionPolicy: RetentionPolicy;
  privacyNotice: PrivacyNotice;
}
export interface ProfileData {
  schemaVersion: number;
  householdId: string;
  profile: StoredProfile;
  effectiveRetention: EffectiveRetention;
  recordings: Recording[];
  tombstones: Tombstone[];
  receipts: DeletionReceipt[];
}
/** The whole household as versioned JSON (DESIGN.md "State is versioned JSON"). */
export interface HouseholdState {
  schemaVersion: number;
  [key: string]: unknown;
}

/**
 * Every command names who acts: a guardian id, a profile id, 'operator', 'system', or a
 * support agent 'support:<id>' who acts only with `onBehalfOf` naming a verified guardian
 * whose request they carry (R-CON-6). `authorizationTable()` lists who may do what.
 */
interface Acting { actor: string; now: Instant; onBehalfOf?: string }
export interface ConsentAnswer { profileId: string; consent: Consent; enabled: boolean }
export interface ProfileSweep {
  notified: { profileId: string; removalDueAt: number }[];
  reactivated: string[];
  removed: { profileId: string; receipt: DeletionReceipt }[];
  ageReview: string[];
}
export interface AuthorizationTable {
  actorKinds: ActorKind[];
  rows: { command: string; target: 'household' | 'child' | 'adult'; decisions: Record<ActorKind, 'allow' | 'deny' | 'self'> }[];
}
export interface PrivacyDisclosure {
  disclosure: {
    household: { id: string; name: string };
    noticeVersion: number;
    collects: string[];
    retention: { category: ArtifactCategory; purpose: string; businessNeed: string; childMaxMonths: number; deletionTimeframe: string }[];
    inactiveProfiles: { inactiveAfterMonths: number; noticeWindowDays: number; text: string };
    thirdParties: ThirdParty[];
    disclosureConsent: string;
    consentMethods: { method: ConsentMethod; backsDisclosure: boolean }[];
    parentsRights: { right: 'review' | 'delete' | 'revoke'; how: string }[];
  };
  /** The same, as HTML with every text escaped. */
  html: string;
}

export interface DeletionRequest extends Acting {
  requestId: string;
  profileId: string;
  kind: DeletionKind;
  ids?: string[];
  from?: Instant;
  to?: Instant;
  deviceId?: string;
  /** For kind 'today': the speaker's UTC offset in minutes, -720..840. */
  utcOffsetMinutes?: number;
}
export interface VoiceRequest {
  requestId: string;
  profileId: string;
  deviceId: string;
  utterance: string;
  utcOffsetMinutes: number;
  now: Instant;
}

export interface PrivacyEngine {
  createHousehold(input: Acting & { id: string; name: string; retentionPolicy: RetentionPolicy; privacyNotice?: PrivacyNotice }): HouseholdOverview;
  /** R-CON-5: a material change (what is collected or disclosed) puts consented children back to needing consent. */
  setPrivacyNotice(input: Acting & { privacyNotice: PrivacyNotice }): { privacyNotice: PrivacyNotice; material: boolean; needConsent: string[] };
  setRetentionPolicy(input: Acting & { retentionPolicy: RetentionPolicy }): RetentionPolicy;
  addGuardian(input: Acting & { guardian: Guardian }): Guardian;
  addDevice(input: Acting & { device: Device }): Device;
  /** R-PRO-1; a child starts without consent and not enabled (R-CON-1). */
  addProfile(input: Acting & { profile: Omit<Profile, 'retention' | 'voiceDeletion'> & Partial<Profile> }): StoredProfile;
  renameProfile(input: Acting & { profileId: string; name: string }): StoredProfile;
  /** Deletes all of the profile's data (with a receipt), then the profile. */
  removeProfile(input: Acting & { profileId: string; requestId: string }): { profileId: string; receipt: DeletionReceipt };
  /** Enabling a child needs verified consent (R-CON-1). */
  enableProfile(input: Acting & { profileId: string; enabled: boolean }): StoredProfile;
  /** R-PRO-2: keep an inactive child profile; its inactivity clock restarts. */
  keepProfile(input: Acting & { profileId: string }): StoredProfile;
  /** R-PRO-3: resolve the 13th-birthday review; only this converts a child to an adult. */
  resolveAgeReview(input: Acting & { profileId: string; convertToAdult: boolean }): StoredProfile;
  /** R-PRO-2/3 at `now`, run by the system: inactivity notices, removals, age reviews. */
  sweepProfiles(input: { now: Instant; actor?: 'system' }): ProfileSweep;
  /** none/revoked/verified -> pending. */
  requestConsent(input: Acting & { profileId: string; method: ConsentMethod }): ConsentAnswer;
  /** pending -> verified, with the evidence; enables the child. */
  recordConsent(input: Acting & { profileId: string; method: ConsentMethod; reference: string; verifiedBy: string }): ConsentAnswer;
  /** pending -> none. */
  cancelConsent(input: Acting & { profileId: string }): ConsentAnswer;
  /** R-CON-4: verified -> revoked; collection stops at once; `deleteData` deletes everything now (needs `requestId`). */
  revokeConsent(input: Acting & { profileId: string; deleteData: boolean; requestId?: string }): ConsentAnswer & { receipt: DeletionReceipt | null };
  /** R-CON-3: separate consent to disclosure; email-plus consent cannot back it. */
  setDisclosureConsent(input: Acting & { profileId: string; enabled: boolean }): { profileId: string; consent: Consent };
  /** R-RET-7, R-CON-4: the children's privacy disclosure, structured and as escaped HTML. */
  privacyDisclosure(): PrivacyDisclosure;
  /** R-CON-6: the one table that decides who may run each command. */
  authorizationTable(): AuthorizationTable;
  /** Intake; refuses a recording captured after `now`. `actor`, if given, must be 'system'. */
  addRecording(input: { recording: RecordingInput; now: Instant; actor?: 'system' }): Recording;
  /** Bulk intake (at most 100,000 a call): all or nothing. */
  addRecordings(input: { recordings: RecordingInput[]; now: Instant; actor?: 'system' }): { added: number };
  setRetention(input: Acting & { profileId: string; setting: RetentionSetting }): EffectiveRetention;
  setVoiceDeletion(input: Acting & { profileId: string; enabled: boolean }): Profile;
  effectiveRetention(input: { profileId: string }): EffectiveRetention;
  /** Counts what a new setting would make due at `now`, without saving it. */
  previewRetention(input: { profileId: string; setting: RetentionSetting; now: Instant }): { setting: RetentionSetting; effective: EffectiveRetention; dueNow: ArtifactCounts };
  /** Newest first (ties by id); `limit` 1..10,000, default 100; the range is [from, to). */
  listRecordings(input?: { profileId?: string; deviceId?: string; from?: Instant; to?: Instant; offset?: number; limit?: number }): { total: number; recordings: Recording[] };
  overview(): HouseholdOverview;
  /** What a sweep at `now` would delete (R-RET-6); `limit` caps the `due` list, not the counts. */
  previewSweep(input: { now: Instant; limit?: number }): SweepPlan;
  sweep(input: { now: Instant; actor?: 'system' }): SweepResult;
  previewDeletion(request: DeletionRequest): DeletionPreview;
  deleteRecordings(request: DeletionRequest): DeletionReceipt;
  parseVoiceRequest(input: { utterance: string }): { kind: 'just_said' | 'today' };
  voiceRequest(input: VoiceRequest): DeletionReceipt;
  mayUse(input: { recordingId: string; purpose: Purpose; now?: Instant }): { allowed: boolean; reason: string };
  tombstones(): Tombstone[];
  auditLog(input?: { offset?: number; limit?: number }): { total: number; entries: AuditEntry[] };
  verifyAuditLog(input?: { expectedHead?: { seq: number; hash: string } }): AuditVerification;
  exportState(): HouseholdState;
  /** R-CON-4: one profile's data (recordings with artifacts, tombstones, receipts), for its parent or the adult themself. */
  exportProfileData(input: { actor: string; profileId: string }): ProfileData;
  /** Byte-identical to what the native library exports for the same state. */
  exportStateJson(): string;
  /** Replaces the state; an invalid or newer state throws and changes nothing. */
  importState(state: HouseholdState | string): void;
  /** Runs one JSON command (`{ command: 'setRetention', ... }`) and returns the engine's tagged answer as JSON text. */
  executeJson(command: string): string;
  /** Frees the engine's memory; idempotent. Any later call throws PrivacyError 'closed'. */
  close(): void;
}

/**
 * A compiled `WebAssembly.Module`. Written this way so that the types also
 * check in a project whose `lib` declares no `WebAssembly` (no DOM, no Node types).
 */
export type WasmModule = typeof globalThis extends { WebAssembly: { Module: abstract new (...args: never[]) => infer M } } ? M : object;

/**
 * Where the engine's WebAssembly comes from: at most one of `wasmUrl`,
 * `wasmBinary` and `wasmModule`; with none, the copy embedded in the package.
 * A load failure throws PrivacyError `wasm_load_failed` naming what it tried.
 */
export interface PrivacyEngineOptions {
  /** Where `family-privacy-core.wasm` is served (exported as `family-privacy/family-privacy-core.wasm`): relative to the page, or in Node to the working directory, where a `file:` URL is read from disk. */
  wasmUrl?: string | URL;
  /** The `.wasm` bytes. */
  wasmBinary?: ArrayBuffer | ArrayBufferView;
  /** The `.wasm` compiled, for runtimes that forbid compiling at run time (Cloudflare Workers: `import wasmModule from 'family-privacy/family-privacy-core.wasm'`). */
  wasmModule?: WasmModule;
  /** A state to import at once. */
  state?: HouseholdState | string;
}

export declare function createPrivacyEngine(options?: PrivacyEngineOptions): Promise<PrivacyEngine>;
/** This package's version, from its package.json. */
export declare const version: string;
export declare const SCHEMA_VERSION: 2;

// ---- Ad eligibility and consent signals (R-ADS-1..6; RULES.md S4) ----

/** A set of TCF vendor ids as decoded: the encoded MaxVendorId and encoding, and the ids present. */
export interface TcfVendorSet { maxVendorId: number; isRangeEncoding: boolean; ids: number[] }
/** A publisher restriction: 0 not allowed, 1 require consent, 2 require legitimate interest; vendors as [first, last] ranges. */
export interface TcfPublisherRestriction { purposeId: number; restrictionType: 0 | 1 | 2; vendors: Array<[number, number]> }
/** A decoded IAB TCF v2.2 TC string; id lists hold the ids whose bit is set. Instants are epoch ms. */
export interface TcString {
  version: 2;
  created: number;
  lastUpdated: number;
  cmpId: number;
  cmpVersion: number;
  consentScreen: number;
  consentLanguage: string;
  vendorListVersion: number;
  policyVersion: number;
  isServiceSpecific: boolean;
  useNonStandardTexts: boolean;
  specialFeatureOptins: number[];
  purposeConsents: number[];
  purposeLegitimateInterests: number[];
  purposeOneTreatment: boolean;
  publisherCountryCode: string;
  vendorConsents: TcfVendorSet;
  vendorLegitimateInterests: TcfVendorSet;
  publisherRestrictions: TcfPublisherRestriction[];
  /** Optional segment 1. */
  vendorsDisclosed: TcfVendorSet | null;
  /** Optional segment 2. */
  vendorsAllowed: TcfVendorSet | null;
  /** Optional segment 3. */
  publisherTC: {
    publisherConsents: number[];
    publisherLegitimateInterests: number[];
    numCustomPurposes: number;
    publisherCustomConsents: number[];
    publisherCustomLegitimateInterests: number[];
  } | null;
}
/** 0 not applicable, 1 and 2 as the usnat specification defines each field (notices: yes/no; opt-outs: opted out/did not). */
export type UsNatValue = 0 | 1 | 2;
/** GPP section 7, versions 1 (12 sensitive categories, 2 child ages) and 2 (16 and 3). */
export interface UsNat {
  version: 1 | 2;
  sharingNotice: UsNatValue;
  saleOptOutNotice: UsNatValue;
  sharingOptOutNotice: UsNatValue;
  targetedAdvertisingOptOutNotice: UsNatValue;
  sensitiveDataProcessingOptOutNotice: UsNatValue;
  sensitiveDataLimitUseNotice: UsNatValue;
  saleOptOut: UsNatValue;
  sharingOptOut: UsNatValue;
  targetedAdvertisingOptOut: UsNatValue;
  sensitiveDataProcessing: UsNatValue[];
  knownChildSensitiveDataConsents: UsNatValue[];
  personalDataConsents: UsNatValue;
  mspaCoveredTransaction: 1 | 2;
  mspaOptOutOptionMode: UsNatValue;
  mspaServiceProviderMode: UsNatValue;
  /** The GPC sub-section, or null when the section has none. */
  gpc: boolean | null;
}
/** GPP section 6, the US Privacy string ("1YNN"). */
export interface UspV1 { version: 1; notice: 'Y' | 'N' | '-'; optOutSale: 'Y' | 'N' | '-'; lspaCovered: 'Y' | 'N' | '-' }
export type GppSection =
  | { id: 2; name: 'tcfeuv2'; text: string; fields: TcString }
  | { id: 6; name: 'uspv1'; text: string; fields: UspV1 }
  | { id: 7; name: 'usnat'; text: string; fields: UsNat }
  /** A section this engine does not read field by field (kept as text). */
  | { id: number; name: string | null; text: string; fields: null };
export interface GppString { version: 1; sectionIds: number[]; sections: GppSection[] }

/** Where the ad would show (R-ADS-1, R-ADS-3, R-ADS-5). */
export type AdContext = 'kids_experience' | 'child_directed' | 'mixed_audience' | 'general';
export type AdLevel = 'none' | 'contextual' | 'personalised';
export type AdRuleId = 'R-ADS-1' | 'R-ADS-2' | 'R-ADS-3' | 'R-ADS-4' | 'R-ADS-5';
/** Why, in words a page can translate (R-ADS-6). */
export type AdReasonWord =
  | 'child_profile' | 'unknown_age' | 'usnat_known_child' | 'kids_experience' | 'child_directed'
  | 'gpc' | 'usnat_opted_out' | 'usnat_no_opt_out_notice' | 'usnat_not_opted_out'
  | 'usp_opted_out' | 'usp_not_opted_out' | 'tcf_purpose_consent_missing' | 'tcf_vendor_unknown'
  | 'tcf_vendor_consent_missing' | 'tcf_publisher_restriction' | 'tcf_consent'
  | 'gpp_section_not_understood' | 'no_signal';
export interface AdRequest {
  /** A profile of the household; or leave it out and give `age: 'unknown'` (no household needed). */
  profileId?: string;
  age?: 'unknown';
  context: AdContext;
  /** IAB TCF v2.2 TC string. */
  tcString?: string;
  /** IAB GPP string. */
  gppString?: string;
  /** Global Privacy Control: `Sec-GPC: 1` or `navigator.globalPrivacyControl`. */
  gpc?: boolean;
  /** The TCF vendor (GVL id) the ad request would go to. */
  vendorId?: number;
}
export interface AdDecision {
  level: AdLevel;
  /** R-ADS-2: personal data is never sold. */
  saleAllowed: false;
  /** Rule ids first, then reason words and error codes. */
  reasons: Array<AdRuleId | AdReasonWord | ErrorCode>;
  /** What to pass on in an OpenRTB 2.6 bid request. */
  regs: { coppa: 0 | 1; gpp?: string; gpp_sid?: number[] };
  /** Present when the user is treated as a child. */
  ageTreatment?: 'child';
  /** Present when the decision failed closed: what could not be read or did not agree. */
  errors?: ErrorDetail[];
}

export interface PrivacyEngine {
  /** Decodes a TC string strictly; a malformed one throws PrivacyError 'invalid_signal' with the character position. */
  decodeTcString(input: { tcString: string }): TcString;
  /** Decodes a GPP string strictly (tcfeuv2, uspv1 and usnat field by field; other sections as text). */
  decodeGpp(input: { gppString: string }): GppString;
  /** R-ADS-1..6. Never throws for bad input: it fails closed (level 'none', treated as a child) with the errors in the answer. */
  decideAds(input: AdRequest): AdDecision;
}
