/**
 * The definitions' storage, as one on-demand chunk (loaded by the definitions service the first
 * time it is used): the store that loads, caches and revalidates the definitions, with the
 * IndexedDB cache, the coordination of the tabs that share it and the schedule of checks. A page's
 * first rows need none of it.
 */
export { DefinitionsStore } from './definitions-store.js';
export { DefinitionsRefresh } from './definitions-refresh.js';
