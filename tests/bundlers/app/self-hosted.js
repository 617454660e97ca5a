// The README's self-hosting example for Vite: the .wasm as a served file (?url), passed as wasmUrl.
import wasmUrl from 'family-privacy/family-privacy-core.wasm?url';
import { createPrivacyEngine, version } from 'family-privacy';

createPrivacyEngine({ wasmUrl }).then((engine) => {
  const answer = engine.parseVoiceRequest({ utterance: 'Alexa, delete everything I said today' });
  engine.close();
  window.__result = { version, answer, wasmUrl };
}, (error) => { window.__result = { error: String(error?.message ?? error) }; });
