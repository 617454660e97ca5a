// family-privacy: the package entry. A thin, typed layer over the wasm
// engine: plain objects in, plain objects out, one PrivacyError on failure.
// Every command's method comes from its spec (commands.gen.mjs, generated);
// this file holds what the specs cannot say: the answer envelope, the state
// passed beside its command, and what happens when a module stops.
import { loadCore, forgetDefaultCore } from './load.mjs';
import { Commands, COMMANDS, SCHEMA_VERSION } from './commands.gen.mjs';
import { InputError, commandText, dataText, ownValue } from './input.mjs';
import { Native } from './native.mjs';
import { directInput, decide } from './decision.mjs';

export { version } from './version.mjs';
export { COMMANDS, SCHEMA_VERSION };

export class PrivacyError extends Error {
  constructor(code, message, details) {
    super(message);
    this.name = 'PrivacyError';
    this.code = code;
    this.details = details ?? [{ code, path: '', message }];
  }
}

function failure(code, message, path = '') {
  return new PrivacyError(code, message, [{ code, path, message }]);
}

function refusal(errors) {
  const first = errors[0];
  const where = first.path ? ` (at ${first.path})` : '';
  const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : '';
  return new PrivacyError(first.code, `${first.message}${where}${more}`, errors);
}

// importState and previewImport: their state crosses beside the command, whichever method runs them.
const TAKES_STATE = new Set(COMMANDS.filter((c) => c.takesState).map((c) => c.name));

// The engines of each loaded module: when one aborts, its memory cannot be
// trusted, so every engine on it stops (R-INT-4).
const enginesOf = new WeakMap();

// What the input gives (input.mjs), or the PrivacyError for what is wrong in it, at its path.
function read(from) {
  try {
    return from();
  } catch (error) {
    if (error instanceof InputError) throw failure('invalid_input', `${error.path || 'input'}: ${error.message}`, error.path);
    throw error;
  }
}

class Engine extends Commands {
  #native;
  #core;

  constructor(core) {
    super();
    this.#core = core;
    this.#native = new Native(core);
    if (!enginesOf.has(core)) enginesOf.set(core, new Set());
    enginesOf.get(core).add(this);
  }

  #stop() {
    this.#native = undefined;
  }

  // Every call into the module: an exception here is an abort inside it.
  #native_call(fn) {
    if (!this.#native) {
      throw this.#core.stopped
        ? failure('internal', `the engine stopped (${this.#core.stopped}); create a new engine and import the last saved state`)
        : failure('closed', 'this engine was closed');
    }
    try {
      return fn(this.#native);
    } catch (error) {
      const why = `${error?.message ?? error}`;
      this.#core.stopped = why;
      for (const engine of enginesOf.get(this.#core) ?? []) engine.#stop();
      enginesOf.delete(this.#core);
      forgetDefaultCore();
      throw failure('internal', `the engine stopped (${why}); create a new engine and import the last saved state`);
    }
  }

  #text(name, input, leaveOut) {
    return read(() => commandText(name, input, leaveOut));
  }

  #answer(text) {
    const answer = JSON.parse(text);
    if (answer.type === 'success') return { result: answer.result, effects: answer.effects };
    throw refusal(answer.errors);
  }

  /** Runs a command by name: its answer and what it did (`effects`). */
  execute(name, input) {
    if (typeof name !== 'string') throw failure('invalid_input', 'execute takes a command name and its input', 'command');
    if (TAKES_STATE.has(name)) return this.#withState(name, input);
    const text = this.#text(name, input);
    return this.#answer(this.#native_call((native) => native.execute(text)));
  }

  /** decideAds answers without JSON where it can (the same answer; see decision.mjs). */
  decideAds(input) {
    const direct = directInput(input);
    if (direct) {
      const answer = this.#native_call((native) => decide(native, direct));
      if (answer) return answer;
    }
    return this.execute('decideAds', input).result;
  }

  /** A JSON command in, the engine's JSON answer out, as they are. */
  executeJson(command) {
    if (typeof command !== 'string') throw failure('invalid_input', 'executeJson takes a JSON string');
    return this.#native_call((native) => native.execute(command));
  }

  // importState and previewImport: the state goes beside the command, in pieces.
  #withState(name, input) {
    const state = read(() => ownValue(input, 'state'));  // never through a getter (R-INT-5)
    if (state === undefined || state === null) throw failure('invalid_input', 'is required', 'state');
    const command = this.#text(name, input, 'state');
    const text = typeof state === 'string' ? state : read(() => dataText(state, 'state'));
    return this.#answer(this.#native_call((native) => native.executeWithState(command, text)));
  }

  importState(input) { return this.#withState('importState', input).result; }
  previewImport(input) { return this.#withState('previewImport', input).result; }

  /** The state as exportState gives it, as JSON text (no parse, no copy of the answer around it). */
  exportStateJson(input) {
    const command = this.#text('exportState', input);
    const out = this.#native_call((native) => native.exportState(command));
    if (out.ok) return out.text;
    throw refusal(JSON.parse(out.text).errors);
  }

  exportState(input) { return JSON.parse(this.exportStateJson(input)); }

  get closed() { return !this.#native; }

  close() {
    if (!this.#native) return;
    this.#native.close();
    this.#native = undefined;
    enginesOf.get(this.#core)?.delete(this);
  }
}

export async function createPrivacyEngine(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw failure('invalid_input', 'createPrivacyEngine takes an options object');
  }
  const { state, actor, now, expectedHead, ...loading } = options;
  const core = await loadCore(loading, failure);
  const engine = new Engine(core);
  if (state !== undefined) {
    try {
      engine.importState({ actor, now, state, expectedHead });
    } catch (error) {
      engine.close();
      throw error;
    }
  }
  return engine;
}
