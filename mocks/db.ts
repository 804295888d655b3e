/**
 * The mock backend's store: seeded lazily on first use, reset to the seeded world between tests
 * (`resetStore`), and persisted in localStorage by the demo (`saveStore` / `loadStore`).
 */
import { DEFAULT_TABLE_MAP, type TableMap } from '../src/client/table-map.js';
import { createSeededStore } from './seed/world.js';
import type { StoreSnapshot, TableStore } from './store/table-store.js';

/** What the handlers serve: a store and the table map it follows. */
export interface MockBackend {
  readonly store: TableStore;
  readonly tableMap: TableMap;
}

let backend: MockBackend | undefined;
let seeded: StoreSnapshot | undefined;

/** The backend the handlers serve (seeded on first use). */
export function getBackend(): MockBackend {
  if (!backend) {
    const store = createSeededStore();
    seeded = store.snapshot();
    backend = { store, tableMap: DEFAULT_TABLE_MAP };
  }
  return backend;
}

/** The store the handlers serve. */
export function getStore(): TableStore {
  return getBackend().store;
}

/** Puts the seeded world back (every write since is lost). */
export function resetStore(): void {
  const { store } = getBackend();
  store.restore(seeded as StoreSnapshot);
}

/** Default localStorage key of the demo's persisted store. */
export const STORE_KEY = 'cam-mock-store';

/** Saves the store in localStorage. */
export function saveStore(key = STORE_KEY): void {
  localStorage.setItem(key, JSON.stringify(getStore().snapshot()));
}

/** Loads the store from localStorage; false (store untouched) when nothing valid is saved. */
export function loadStore(key = STORE_KEY): boolean {
  const text = localStorage.getItem(key);
  if (!text) return false;
  try {
    const snapshot = JSON.parse(text) as StoreSnapshot;
    if (snapshot?.version !== 1 || typeof snapshot.tables !== 'object') return false;
    getStore().restore(snapshot);
    return true;
  } catch {
    return false;
  }
}
