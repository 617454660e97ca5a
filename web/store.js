// Persistence of the household state in IndexedDB, through `idb`.
// Database `family-privacy`, one object store `state`, one key `household`
// holding the engine's exportStateJson() text. One transaction per save.

import { openDB } from 'idb';

export const DATABASE_NAME = 'family-privacy';
export const STORE_NAME = 'state';
export const STATE_KEY = 'household';
const DATABASE_VERSION = 1;

export async function openStateStore() {
  const db = await openDB(DATABASE_NAME, DATABASE_VERSION, {
    upgrade(database) {
      if (!database.objectStoreNames.contains(STORE_NAME)) database.createObjectStore(STORE_NAME);
    },
  });

  return {
    /** The saved state JSON text, or undefined on a first run. */
    async load() {
      return db.get(STORE_NAME, STATE_KEY);
    },
    /** Saves the state JSON text in one readwrite transaction; resolves once committed. */
    async save(stateJson) {
      const tx = db.transaction(STORE_NAME, 'readwrite');
      await Promise.all([tx.store.put(stateJson, STATE_KEY), tx.done]);
    },
    async clear() {
      const tx = db.transaction(STORE_NAME, 'readwrite');
      await Promise.all([tx.store.delete(STATE_KEY), tx.done]);
    },
    close() {
      db.close();
    },
  };
}
