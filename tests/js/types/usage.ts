// Type-checked (never run) against the shipped index.d.ts: what a typed user
// writes must compile, and a misuse must not.
import { createPrivacyEngine, PrivacyError, version, type DeletionReceipt, type PrivacyEngineOptions, type RetentionSetting, type WasmModule } from 'family-privacy';

export async function example(): Promise<DeletionReceipt> {
  const engine = await createPrivacyEngine({ wasmUrl: new URL('https://example.test/x.wasm') });
  const setting: RetentionSetting = '3_months';
  engine.setRetention({ actor: 'g1', now: new Date(), profileId: 'c1', setting });
  const plan = engine.previewSweep({ now: '2026-11-29T12:00:00Z' });
  const first: number | null = plan.nextDueAt;
  void first;
  try {
    return engine.deleteRecordings({ actor: 'g1', now: Date.now(), requestId: 'q', profileId: 'c1', kind: 'range', from: 0, to: 1 });
  } catch (error) {
    if (error instanceof PrivacyError) console.log(error.code, error.details[0]?.path);
    throw error;
  } finally {
    engine.close();
  }
}

export async function misuse(): Promise<void> {
  const engine = await createPrivacyEngine();
  // @ts-expect-error: not a retention setting
  engine.setRetention({ actor: 'g1', now: 0, profileId: 'c1', setting: '6_months' });
  // @ts-expect-error: a deletion needs a kind
  engine.deleteRecordings({ actor: 'g1', now: 0, requestId: 'q', profileId: 'c1' });
  // @ts-expect-error: mayUse answers an object, not a boolean
  const allowed: boolean = engine.mayUse({ recordingId: 'r', purpose: 'training' });
  void allowed;
}

// Every way to load the engine; version is a string.
export async function loading(wasmModule: WebAssembly.Module, bytes: Uint8Array): Promise<string> {
  const module: WasmModule = wasmModule;
  const back: WebAssembly.Module = module;  // with DOM types, WasmModule is WebAssembly.Module itself
  void back;
  const choices: PrivacyEngineOptions[] = [
    {}, { wasmModule }, { wasmBinary: bytes }, { wasmBinary: new ArrayBuffer(8) }, { wasmUrl: 'engine.wasm' },
    { wasmUrl: new URL('https://example.test/engine.wasm') }, { state: '{"schemaVersion":2}' },
  ];
  for (const options of choices) (await createPrivacyEngine(options)).close();
  // @ts-expect-error: wasmUrl is a string or a URL
  await createPrivacyEngine({ wasmUrl: 42 });
  // @ts-expect-error: not an option
  await createPrivacyEngine({ wasmurl: 'engine.wasm' });
  const text: string = version;
  return text;
}
