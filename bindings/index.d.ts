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
export type Purpose = 'service' | 'playback' | 'review' | 'training' | 'analytics' | 'sale';
export type DeletionKind = 'ids' | 'range' | 'device' | 'all' | 'just_said' | 'today';
export type ErrorCode =
  | 'invalid_input' | 'not_found' | 'forbidden' | 'conflict' | 'consent_required'
  | 'not_understood' | 'unsupported_version' | 'closed' | 'wasm_load_failed' | 'internal';

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
export interface ProfileOverview extends Profile {
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
}
/** The whole household as versioned JSON (DESIGN.md "State is versioned JSON"). */
export interface HouseholdState {
  schemaVersion: number;
  [key: string]: unknown;
}

/** Every command names who acts: a guardian id, a profile id, 'operator' or 'system'. */
interface Acting { actor: string; now: Instant }

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
  createHousehold(input: Acting & { id: string; name: string; retentionPolicy: RetentionPolicy }): HouseholdOverview;
  setRetentionPolicy(input: Acting & { retentionPolicy: RetentionPolicy }): RetentionPolicy;
  addGuardian(input: Acting & { guardian: Guardian }): Guardian;
  addDevice(input: Acting & { device: Device }): Device;
  addProfile(input: Acting & { profile: Omit<Profile, 'retention' | 'voiceDeletion'> & Partial<Profile> }): Profile;
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
  /** Byte-identical to what the native library exports for the same state. */
  exportStateJson(): string;
  /** Replaces the state; an invalid or newer state throws and changes nothing. */
  importState(state: HouseholdState | string): void;
  /** Runs one JSON command (`{ command: 'setRetention', ... }`) and returns the engine's tagged answer as JSON text. */
  executeJson(command: string): string;
  /** Frees the engine's memory; idempotent. Any later call throws PrivacyError 'closed'. */
  close(): void;
}

export interface CreateOptions {
  /** Where the .wasm file is; defaults to the one beside this module. */
  wasmUrl?: string | URL;
  /** The .wasm bytes, skipping the fetch. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** A state to import at once. */
  state?: HouseholdState | string;
}

export declare function createPrivacyEngine(options?: CreateOptions): Promise<PrivacyEngine>;
export declare const SCHEMA_VERSION: 1;
