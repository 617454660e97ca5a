// Type-checked (never run) against the shipped index.d.ts: what a strict
// TypeScript user writes must compile, and a misuse must not.
import {
  createPrivacyEngine, PrivacyError, version, COMMANDS, SCHEMA_VERSION,
  type AdDecision, type ArtifactCategory, type AuditAction, type DeletionReceipt, type ErrorCode, type HouseholdState,
  type ImportAnswer, type PrivacyEngine, type PrivacyEngineOptions, type RetentionSetting, type UseVerdict, type WasmModule,
} from 'family-privacy';

export async function example(): Promise<DeletionReceipt> {
  const engine = await createPrivacyEngine({ wasmUrl: new URL('https://example.test/x.wasm') });
  const setting: RetentionSetting = '3_months';
  engine.setRetention({ actor: 'g1', now: new Date(), profileId: 'c1', setting });
  const plan = engine.previewSweep({ actor: 'system', now: '2026-11-29T12:00:00Z' });
  const first: number | null = plan.nextDueAt;
  void first;
  const categories: ArtifactCategory[] = (['audio', 'transcript', 'derived'] as const).map((c) => c);
  engine.setRetentionPolicy({ actor: 'operator', now: 0, retentionPolicy: {
    categories: categories.map((category) => ({ category, childMaxMonths: 18, purpose: 'p', businessNeed: 'b' })),
  } });
  const page = engine.listRecordings({ actor: 'g1', profileId: 'c1', from: 0, to: new Date(), limit: 10 });
  const ids: string[] = page.recordings.map((r) => r.id);
  engine.addRecordings({ actor: 'system', now: Date.now(), recordings: [{ id: 'r9', profileId: 'c1', deviceId: 'd1', capturedAt: Date.now() }] });
  engine.addRecording({ actor: 'device:d1', now: Date.now(), recording: { id: 'r10', profileId: 'c1', deviceId: 'd1', capturedAt: 0, transcript: null } });
  const use: UseVerdict = engine.mayUse({ actor: 'system', recordingId: ids[0] ?? 'r1', purpose: 'training' }).reason;
  void use;
  const byAge: AdDecision = engine.decideAds({ now: 0, age: 'unknown', context: 'mixed_audience', gpc: true });
  const known = engine.decideAds({ actor: 'system', now: 0, profileId: 'c1', tcString: 'CQ...', vendorId: 755 });
  const sale: false = known.saleAllowed;
  void sale; void byAge;
  const actions: AuditAction[] = engine.auditLog({ actor: 'g1', limit: 50 }).entries.map((e) => e.action);
  void actions;
  const state: HouseholdState = engine.exportState({ actor: 'g1' });
  const text: string = engine.exportStateJson({ actor: 'g1' });
  const outcome: ImportAnswer['outcome'] = engine.importState({ actor: 'g1', now: 1, state }).outcome;
  engine.previewImport({ actor: 'g1', now: 1, state: text, expectedHead: engine.overview({ actor: 'g1' }).auditHead });
  void outcome;
  const { result, effects } = engine.execute('deleteRecordings', { actor: 'g1', now: 2, requestId: 'q0', profileId: 'c1', kind: 'all' });
  const gone: string[] = effects.deletedRecordingIds;
  void gone; void result.counts.audio;
  // Every kind of deletion, each with its own fields.
  const base = { actor: 'support:s1', onBehalfOf: 'g1', now: 3, profileId: 'c1' } as const;
  engine.deleteRecordings({ ...base, requestId: 'q1', kind: 'ids', ids: ['r1'] });
  engine.deleteRecordings({ ...base, requestId: 'q2', kind: 'range', from: '2026-01-01T00:00:00Z', to: new Date() });
  engine.deleteRecordings({ ...base, requestId: 'q3', kind: 'device', deviceId: 'd1' });
  engine.deleteRecordings({ ...base, requestId: 'q4', kind: 'just_said', deviceId: 'd1' });
  engine.previewDeletion({ ...base, kind: 'today', deviceId: 'd1', utcOffsetMinutes: -60 });
  engine.voiceRequest({ actor: 'c1', now: 4, requestId: 'v1', profileId: 'c1', deviceId: 'd1', utterance: 'delete that', utcOffsetMinutes: 0 });
  engine.resolveAgeReview({ actor: 'g1', now: 5, profileId: 'c1', kind: 'teen' });
  engine.storeConsentEvent({ actor: 'system', now: 5, profileId: 'c1', store: 'apple', event: 'revoked', deleteData: true, requestId: 'apple-1' });
  engine.authorizationTable();
  engine.parseVoiceRequest({ utterance: 'delete everything I said today' });
  try {
    return engine.deleteRecordings({ actor: 'g1', now: Date.now(), requestId: 'q', profileId: 'c1', kind: 'range', from: 0, to: 1 });
  } catch (error) {
    if (error instanceof PrivacyError) {
      const code: ErrorCode = error.code;
      console.log(code, error.details[0]?.path);
    }
    throw error;
  } finally {
    engine.close();
  }
}

export function misuse(engine: PrivacyEngine): void {
  const base = { actor: 'g1', now: 0, requestId: 'q', profileId: 'c1' };
  // @ts-expect-error: not a retention setting
  engine.setRetention({ actor: 'g1', now: 0, profileId: 'c1', setting: '6_months' });
  // @ts-expect-error: a deletion needs a kind
  engine.deleteRecordings(base);
  // @ts-expect-error: kind 'ids' without ids
  engine.deleteRecordings({ ...base, kind: 'ids' });
  // @ts-expect-error: kind 'range' without from and to
  engine.deleteRecordings({ ...base, kind: 'range' });
  // @ts-expect-error: kind 'range' without to
  engine.deleteRecordings({ ...base, kind: 'range', from: 0 });
  // @ts-expect-error: kind 'just_said' without deviceId
  engine.deleteRecordings({ ...base, kind: 'just_said' });
  // @ts-expect-error: kind 'today' without its utcOffsetMinutes
  engine.deleteRecordings({ ...base, kind: 'today', deviceId: 'd1' });
  // @ts-expect-error: kind 'all' takes no ids
  engine.deleteRecordings({ ...base, kind: 'all', ids: ['r1'] });
  // @ts-expect-error: a preview has no request id
  engine.previewDeletion({ actor: 'g1', now: 0, profileId: 'c1', kind: 'all', requestId: 'q' });
  // @ts-expect-error: decideAds with both profileId and age
  engine.decideAds({ actor: 'system', now: 0, profileId: 'c1', age: 'unknown' });
  // @ts-expect-error: decideAds with neither profileId nor age
  engine.decideAds({ actor: 'system', now: 0, context: 'general' });
  // @ts-expect-error: decideAds needs now
  engine.decideAds({ age: 'unknown' });
  // @ts-expect-error: a read names its actor too (R-INT-5)
  engine.overview({});
  // @ts-expect-error: exportState names its actor
  engine.exportStateJson({});
  // @ts-expect-error: listRecordings is one profile's
  engine.listRecordings({ actor: 'g1' });
  // @ts-expect-error: a change needs now
  engine.keepProfile({ actor: 'g1', profileId: 'c1' });
  // @ts-expect-error: importState names its actor and now
  engine.importState({ state: '{}' });
  // @ts-expect-error: a command that reads no household data takes no actor
  engine.parseVoiceRequest({ actor: 'g1', utterance: 'delete that' });
  // @ts-expect-error: mayUse answers an object, not a boolean
  const allowed: boolean = engine.mayUse({ actor: 'system', recordingId: 'r', purpose: 'training' });
  // @ts-expect-error: audit actions are fixed words
  const action: AuditAction = 'made_up';
  // @ts-expect-error: nothing is ever sold
  const sold: true = engine.decideAds({ now: 0, age: 'unknown' }).saleAllowed;
  // @ts-expect-error: resolveAgeReview takes a kind, not convertToAdult
  engine.resolveAgeReview({ actor: 'g1', now: 0, profileId: 'c1', convertToAdult: true });
  void allowed; void action; void sold;
}

// Every way to load the engine; version is a string.
export async function loading(wasmModule: WebAssembly.Module, bytes: Uint8Array): Promise<string> {
  const module: WasmModule = wasmModule;
  const back: WebAssembly.Module = module;  // with DOM types, WasmModule is WebAssembly.Module itself
  void back;
  const choices: PrivacyEngineOptions[] = [
    {}, { wasmModule }, { wasmBinary: bytes }, { wasmBinary: new ArrayBuffer(8) }, { wasmUrl: 'engine.wasm' },
    { wasmUrl: new URL('https://example.test/engine.wasm') }, { state: '{"schemaVersion":3}', actor: 'system', now: 0 },
  ];
  for (const options of choices) (await createPrivacyEngine(options)).close();
  // @ts-expect-error: wasmUrl is a string or a URL
  await createPrivacyEngine({ wasmUrl: 42 });
  // @ts-expect-error: not an option
  await createPrivacyEngine({ wasmurl: 'engine.wasm' });
  const names: string[] = COMMANDS.map((c) => c.name);
  const schema: number = SCHEMA_VERSION;
  void names; void schema;
  const text: string = version;
  return text;
}
