/**
 * The engine side of the services, as one on-demand chunk (see engine-code.ts): the engine itself,
 * the in-memory patch of a live change, the definition problems the engine finds, the host's
 * persona rows merged into definitions, and the definitions written as an access-test file.
 */
export { AccessEngine } from '../access/engine.js';
export { withPersonaGrants } from '../access/builtin-persona-grants.js';
export { engineProblemLines } from './definition-problems.js';
export { patchAccess } from './live-patch.js';
export { toAccessTestFile } from '../access/test-file-export.js';
