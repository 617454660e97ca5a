// The build under test: the package as Node resolves 'family-privacy' from
// here (package.json's exports). Plain `node --test` gets the fast build
// (dist/node/, the "node" condition); NODE_OPTIONS=--conditions=browser gets
// the small one browsers download (dist/). npm test runs the suite both ways
// (issue 10: one JS suite and the vectors against both builds).
export const distUrl = new URL('./', import.meta.resolve('family-privacy'));
export const build = distUrl.pathname.endsWith('/dist/node/') ? 'node' : 'browser';
/** A file of the build under test, such as its .wasm. */
export const distFile = (name) => new URL(name, distUrl);
