import { ask } from './ask.js';

ask().then((result) => postMessage(result), (error) => postMessage({ error: String(error?.message ?? error) }));
