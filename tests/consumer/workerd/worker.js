// A Cloudflare Worker using the package. workerd forbids compiling
// WebAssembly at run time, so the module comes in compiled, as a module
// import, and is handed over as { wasmModule }.
import { createPrivacyEngine, PrivacyError, version } from 'family-privacy';
import wasmModule from 'family-privacy/family-privacy-core.wasm';

async function attempt(options) {
  try {
    const engine = await createPrivacyEngine(options);
    const answer = engine.parseVoiceRequest({ utterance: 'Alexa, delete everything I said today' });
    engine.close();
    return { answer };
  } catch (error) {
    return error instanceof PrivacyError ? { code: error.code, message: error.message } : { thrown: String(error) };
  }
}

export default {
  async fetch(request) {
    const embedded = new URL(request.url).pathname === '/embedded';
    return Response.json({ version, ...(await attempt(embedded ? {} : { wasmModule })) });
  },
};
