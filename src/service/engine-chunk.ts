/**
 * The engine side of the services, as one on-demand chunk (see engine-code.ts): the engine itself,
 * the in-memory patch of a live change, the definition problems the engine finds, the host's
 * persona rows merged into definitions, the definitions written as an access-test file, and the
 * people side of a facts load (what it reads once the parties are in).
 */
export { AccessEngine } from '../access/engine.js';
export { withPersonaGrants } from '../access/builtin-persona-grants.js';
export { engineProblemLines } from './definition-problems.js';
export { patchAccess } from './live-patch.js';
export { toAccessTestFile } from '../access/test-file-export.js';
export { PeopleRead } from './facts-people.js';
