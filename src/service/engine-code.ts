/**
 * The access engine's code, for the services: loaded on demand (in the bundle, a chunk beside the
 * entry), so a page's first rows do not wait for it. `createCamServices` starts the load at once,
 * so it arrives while the rows and facts are read; what needs it awaits `engineCode.load()`.
 */
import { onDemand } from '../internal/on-demand.js';

export const engineCode = onDemand(() => import('./engine-chunk.js'), 'The access engine');

/** What the services use of the engine (the chunk's exports). */
export type EngineCode = typeof import('./engine-chunk.js');
