// family-privacy: the public JavaScript API. The per-command types and
// methods are generated from the engine's command specs (commands.gen.d.ts,
// by scripts/generate.mjs); this file holds what the specs cannot say.
// Every name is the RULES.md word, the same in C++, JSON and the page.
import type {
  Answer, AuditHead, CommandInputs, CommandName, CommandResults, Commands, ErrorCode, HouseholdState,
  ImportAnswer, ImportStateInput, Instant, PreviewImportInput,
} from './commands.gen.js';

export * from './commands.gen.js';

/** One problem with a call: a stable code, where it is (a path like `recordings[3].capturedAt`), and words. */
export interface ErrorDetail { code: ErrorCode; path: string; message: string }

/** The one error the package throws. `details` lists every problem found. */
export declare class PrivacyError extends Error {
  readonly name: 'PrivacyError';
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
}

/** What an import takes: the state as exportState gave it (or its JSON text), who acts, and when. */
export type ImportInput = Omit<ImportStateInput, 'state'> & { state: HouseholdState | string };

/**
 * One household's engine. Every command is a method that returns its answer
 * or throws a PrivacyError; `execute` also returns what the command did
 * (`effects`). One owner; `close()` frees it (idempotent).
 */
export interface PrivacyEngine extends Commands {
  /** Any command by name: its answer and its effects (whether it changed the household, which recordings went). */
  execute<C extends CommandName>(command: C, input: CommandInputs[C]): Answer<CommandResults[C]>;
  /** A JSON command text in, the engine's JSON answer text out, as they are. */
  executeJson(command: string): string;
  /**
   * Loads a state into an empty engine, or restores or updates the one it holds: checked first (R-INT-1,
   * R-INT-3), and every deletion this engine holds stays deleted (R-INT-2). A string is read as the state's JSON.
   */
  importState(input: ImportInput): ImportAnswer;
  /** What importState would do with the state, without doing it. */
  previewImport(input: Omit<PreviewImportInput, 'state'> & { state: HouseholdState | string }): ImportAnswer;
  /** The state as JSON text, exactly as importState reads it back. */
  exportStateJson(input: CommandInputs['exportState']): string;
  /** True once closed, or once its module stopped (then every call throws PrivacyError 'internal'). */
  readonly closed: boolean;
  close(): void;
}

/** A compiled WebAssembly.Module where the project's types know it, else any object. */
export type WasmModule = typeof globalThis extends { WebAssembly: { Module: abstract new (...args: never[]) => infer M } } ? M : object;

export interface PrivacyEngineOptions {
  /** Where `family-privacy-core.wasm` is served (exported as `family-privacy/family-privacy-core.wasm`): relative to the page, or in Node to the working directory, where a `file:` URL is read from disk. */
  wasmUrl?: string | URL;
  /** The `.wasm` bytes. */
  wasmBinary?: ArrayBuffer | ArrayBufferView;
  /** The `.wasm` compiled, for runtimes that forbid compiling at run time (Cloudflare Workers: `import wasmModule from 'family-privacy/family-privacy-core.wasm'`). */
  wasmModule?: WasmModule;
  /** A state to load at once, with who loads it and when (as importState takes them). */
  state?: HouseholdState | string;
  actor?: string;
  now?: Instant;
  expectedHead?: AuditHead;
}

/** Loads the engine's WebAssembly (once per page or process) and makes an engine, with a state if given. */
export declare function createPrivacyEngine(options?: PrivacyEngineOptions): Promise<PrivacyEngine>;
/** This package's version, from its package.json. */
export declare const version: string;
/** What exportState writes (`schemaVersion`); 1 and 2 are migrated on import. */
export declare const SCHEMA_VERSION: number;
/** Every command, with what it changes, deletes and who acts. */
export declare const COMMANDS: readonly { readonly name: CommandName; readonly changes: boolean; readonly deletes: boolean; readonly actor: 'required' | 'none' | 'with profileId'; readonly takesState: boolean }[];
