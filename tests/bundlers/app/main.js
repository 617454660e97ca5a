// The page: the engine in the page itself and in a module worker.
import { ask } from './ask.js';

function inWorker() {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = (event) => { resolve(event.data); worker.terminate(); };
    worker.onerror = (event) => resolve({ error: `worker: ${event.message}` });
  });
}

Promise.all([ask(), inWorker()]).then(
  ([page, worker]) => { window.__result = { page, worker }; },
  (error) => { window.__result = { error: String(error?.message ?? error) }; },
);
