/**
 * The seeded customer world: definitions (built-in + the stories' relationship types), ~20
 * accounts, a few hundred contacts, consumers in households, agents, service organizations, sold
 * products, an install base, a few hundred cases, related parties and roles held, plus the stories
 * of STORY. Deterministic: the same options give the same store, sys_ids and timestamps included.
 */
import { DEFAULT_TABLE_MAP, type TableMap } from '../../src/client/table-map.js';
import type { Definitions } from '../../src/model/definitions.js';
import { buildSchemas } from '../store/schema.js';
import { TableStore } from '../store/table-store.js';
import { createSeedContext, type SeedContext } from './context.js';
import { definitionsToRows } from './definitions-to-rows.js';
import { createRandom } from './prng.js';
import { SEED_DEFINITIONS, withStoryTypes } from './seed-definitions.js';
import { seedPersonaStory, seedStories } from './stories.js';
import { STORY } from './story.js';
import { seedCases } from './world-cases.js';
import { seedParties } from './world-parties.js';
import { seedPeople } from './world-people.js';
import { seedReviewStory } from './review-story.js';
import { seedProducts } from './world-products.js';

export interface WorldOptions {
  /** PRNG seed (default 20250101). */
  readonly seed?: number;
  /** Definitions to serve (default SEED_DEFINITIONS); the stories' types are added when missing. */
  readonly definitions?: Definitions;
  readonly tableMap?: TableMap;
  readonly contacts?: number;
  readonly consumers?: number;
  readonly users?: number;
  readonly consumerProducts?: number;
  /** Generated cases, besides the stories' four. */
  readonly cases?: number;
}

const DEFAULT_SEED = 20250101;

/** Runs a seeding step with a deterministic clock (ten minutes per record from a fixed start). */
export function withSeedClock<T>(store: TableStore, start: string, step: () => T): T {
  const previous = store.now;
  let tick = Date.parse(start);
  store.now = () => new Date((tick += 10 * 60_000));
  try {
    return step();
  } finally {
    store.now = previous;
  }
}

/** Writes definition rows and returns a seed context over the store. */
export function prepareContext(
  store: TableStore,
  map: TableMap,
  definitions: Definitions,
  seed: number,
): SeedContext {
  for (const [table, rows] of Object.entries(definitionsToRows(definitions, map))) {
    for (const row of rows) if (!store.get(table, row.sys_id ?? '')) store.insert(table, row);
  }
  return createSeedContext(store, map, createRandom(seed), definitions);
}

/** Fills a store (built for the same table map) with the world. */
export function seedWorld(store: TableStore, options: WorldOptions = {}): void {
  const map = options.tableMap ?? DEFAULT_TABLE_MAP;
  const base = options.definitions ?? SEED_DEFINITIONS;
  const storyType = STORY.housingLoan.relationshipTypes.coBorrower.id;
  const definitions = base.relationshipTypes.some((t) => t.id === storyType) ? base : withStoryTypes(base);
  withSeedClock(store, '2025-01-06T08:00:00Z', () => {
    const ctx = prepareContext(store, map, definitions, options.seed ?? DEFAULT_SEED);
    const people = seedPeople(ctx, {
      contacts: options.contacts ?? 300,
      consumers: options.consumers ?? 150,
      users: options.users ?? 25,
    });
    seedStories(ctx);
    const products = seedProducts(ctx, people, options.consumerProducts ?? 30);
    const cases = seedCases(ctx, people, products, options.cases ?? 296);
    seedParties(ctx, people, products, cases);
    seedPersonaStory(ctx);
    seedReviewStory(ctx);
  });
}

/** A new store holding the seeded world. */
export function createSeededStore(options: WorldOptions = {}): TableStore {
  const store = new TableStore({ schemas: buildSchemas(options.tableMap ?? DEFAULT_TABLE_MAP) });
  seedWorld(store, options);
  return store;
}
