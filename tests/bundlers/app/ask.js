// What the page and its worker each ask the engine: the package with no options.
import { createPrivacyEngine, PrivacyError, version } from 'family-privacy';

export async function ask() {
  const started = performance.now();
  const engine = await createPrivacyEngine();
  const loadMs = performance.now() - started;
  const answer = engine.parseVoiceRequest({ utterance: 'Alexa, delete everything I said today' });
  let code;
  try {
    engine.overview();  // no household yet
  } catch (error) {
    code = error instanceof PrivacyError ? error.code : String(error);
  }
  engine.close();
  return { version, answer, code, loadMs };
}
