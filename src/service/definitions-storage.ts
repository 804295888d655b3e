/**
 * The definitions' storage, as one on-demand chunk (loaded by the definitions service when it
 * first reads or writes its cache): the IndexedDB cache and the coordination of the tabs that
 * share it. A page's first rows do not need either.
 */
export { DefinitionsCache } from '../cache/definitions-cache.js';
export { TabCoordinator } from './tab-coordination.js';
