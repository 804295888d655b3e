/** The mock instance's data: definitions → rows, the seeded world, its stories, the large case. */
export {
  definitionsToRows,
  entityTable,
  partyTable,
  roleSysId,
  type TableRows,
} from './definitions-to-rows.js';
export { definitionSysId, type DefinitionKind } from './rows.js';
export { factSysId, factsToRows, storedRef, type FactKind } from './facts-to-rows.js';
export { replaceWorld, worldRows } from './world-from-facts.js';
export { SEED_DEFINITIONS, withStoryTypes } from './seed-definitions.js';
export { STORY, storyId } from './story.js';
export { createSeededStore, seedWorld, type WorldOptions } from './world.js';
export { seedLargeCase, type LargeCase, type LargeCaseOptions } from './large-case.js';
export { REVIEW_STORY } from './review-story.js';
