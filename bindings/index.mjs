// family-privacy: the package entry. A thin, typed layer over the wasm
// engine: plain objects in, plain objects out, one PrivacyError on failure.
// See index.d.ts for the API; every command is documented there.
import { loadCore, forgetDefaultCore } from './load.mjs';

export { version } from './version.mjs';

export const SCHEMA_VERSION = 2;

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

const SUCCESS_PREFIX = '{"result":';
const SUCCESS_SUFFIX = ',"type":"success"}';

class Engine {
  #native;

  constructor(native) {
    this.#native = native;
  }

  // Runs a command; returns the answer's text (keys are sorted, so a success
  // always reads {"result":...,"type":"success"}).
  #run(command, input) {
    if (!this.#native) throw failure('closed', 'this engine was closed');
    if (input === undefined) input = {};
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw failure('invalid_input', `${command} takes one plain object`);
    }
    let text;
    try {
      text = JSON.stringify({ ...input, command });
    } catch (error) {
      throw failure('invalid_input', `the input cannot be sent as JSON: ${error.message}`);
    }
    const answer = this.#execute(text);
    if (answer.startsWith(SUCCESS_PREFIX) && answer.endsWith(SUCCESS_SUFFIX)) {
      return answer.slice(SUCCESS_PREFIX.length, answer.length - SUCCESS_SUFFIX.length);
    }
    const { errors } = JSON.parse(answer);
    const first = errors[0];
    const where = first.path ? ` (at ${first.path})` : '';
    const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : '';
    throw new PrivacyError(first.code, `${first.message}${where}${more}`, errors);
  }

  // The core never throws; only an abort inside the module (out of memory)
  // lands here, and then the module's memory can no longer be trusted.
  #execute(text) {
    try {
      return this.#native.execute(text);
    } catch (error) {
      this.#native = undefined;
      forgetDefaultCore();
      throw failure('internal', `the engine stopped (${error?.message ?? error}); create a new engine and import the last saved state`);
    }
  }

  #call(command, input) {
    return JSON.parse(this.#run(command, input));
  }

  createHousehold(input) { return this.#call('createHousehold', input); }
  setRetentionPolicy(input) { return this.#call('setRetentionPolicy', input); }
  addGuardian(input) { return this.#call('addGuardian', input); }
  addDevice(input) { return this.#call('addDevice', input); }
  addProfile(input) { return this.#call('addProfile', input); }
  setPrivacyNotice(input) { return this.#call('setPrivacyNotice', input); }
  renameProfile(input) { return this.#call('renameProfile', input); }
  removeProfile(input) { return this.#call('removeProfile', input); }
  enableProfile(input) { return this.#call('enableProfile', input); }
  keepProfile(input) { return this.#call('keepProfile', input); }
  resolveAgeReview(input) { return this.#call('resolveAgeReview', input); }
  sweepProfiles(input) { return this.#call('sweepProfiles', input); }
  requestConsent(input) { return this.#call('requestConsent', input); }
  recordConsent(input) { return this.#call('recordConsent', input); }
  cancelConsent(input) { return this.#call('cancelConsent', input); }
  revokeConsent(input) { return this.#call('revokeConsent', input); }
  setDisclosureConsent(input) { return this.#call('setDisclosureConsent', input); }
  privacyDisclosure() { return this.#call('privacyDisclosure'); }
  authorizationTable() { return this.#call('authorizationTable'); }
  addRecording(input) { return this.#call('addRecording', input); }
  addRecordings(input) { return this.#call('addRecordings', input); }
  setRetention(input) { return this.#call('setRetention', input); }
  setVoiceDeletion(input) { return this.#call('setVoiceDeletion', input); }
  effectiveRetention(input) { return this.#call('effectiveRetention', input); }
  previewRetention(input) { return this.#call('previewRetention', input); }
  listRecordings(input) { return this.#call('listRecordings', input); }
  overview() { return this.#call('overview'); }
  previewSweep(input) { return this.#call('previewSweep', input); }
  sweep(input) { return this.#call('sweep', input); }
  previewDeletion(request) { return this.#call('previewDeletion', request); }
  deleteRecordings(request) { return this.#call('deleteRecordings', request); }
  parseVoiceRequest(input) { return this.#call('parseVoiceRequest', input); }
  voiceRequest(input) { return this.#call('voiceRequest', input); }
  mayUse(input) { return this.#call('mayUse', input); }
  tombstones() { return this.#call('tombstones'); }
  auditLog(input) { return this.#call('auditLog', input); }
  verifyAuditLog(input) { return this.#call('verifyAuditLog', input); }
  exportState() { return this.#call('exportState'); }
  exportStateJson() { return this.#run('exportState'); }
  exportProfileData(input) { return this.#call('exportProfileData', input); }
  decodeTcString(input) { return this.#call('decodeTcString', input); }
  decodeGpp(input) { return this.#call('decodeGpp', input); }
  decideAds(input) { return this.#call('decideAds', input); }

  importState(state) {
    if (typeof state === 'string') {
      // Parsed here, never spliced into the command text: a crafted string
      // must not be able to add fields to the command.
      try {
        state = JSON.parse(state);
      } catch (error) {
        throw failure('invalid_input', `the state is not valid JSON: ${error.message}`, 'state');
      }
    }
    this.#call('importState', { state });
  }

  executeJson(command) {
    if (!this.#native) throw failure('closed', 'this engine was closed');
    if (typeof command !== 'string') throw failure('invalid_input', 'executeJson takes a JSON string');
    return this.#execute(command);
  }

  close() {
    if (!this.#native) return;
    this.#native.delete();
    this.#native = undefined;
  }
}

export async function createPrivacyEngine(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw failure('invalid_input', 'createPrivacyEngine takes an options object');
  }
  const core = await loadCore(options, failure);
  const engine = new Engine(new core.Engine());
  if (options.state !== undefined) {
    try {
      engine.importState(options.state);
    } catch (error) {
      engine.close();
      throw error;
    }
  }
  return engine;
}
