/**
 * Parity of the services with the engine on generated worlds: every kind of party on every kind of
 * entity, trees (and cycles) of items and accounts, random access configurations. Each world is
 * put in the mock backend and every principal × entity answer of the services (an entity loaded
 * once for all its principals, as a list of badges does) must equal the engine's over the world.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { useMockBackend } from '../support/msw.js';
import { AccessEngine } from '../../src/access/engine.js';
import type { AccessConfig, Definitions } from '../../src/model/definitions.js';
import type { Facts, RelatedPartyRecord } from '../../src/model/facts.js';
import type { EntityAccess } from '../../src/service/access-service.js';
import { formatRef, type EntityRef, type PrincipalRef } from '../../src/model/kinds.js';
import { storedRef } from '../../mocks/seed/index.js';
import { BUILTIN_PERSONA_GRANTS } from '../../src/access/builtin-persona-grants.js';
import { CONFIGS, CONSUMER, CUSTOMER, DEFINITIONS, ROLES } from '../node/engine-world.js';
import { answerOf, describePair, WorldServices } from './support.js';
import { entityArbs, maybe, pick, relatedPartyArb, worldNames } from '../node/random-world-parts.js';

const ENTITY_KINDS = ['case', 'sold_product', 'install_base'] as const;
/** The world's roles, and the roles of the built-in persona rows (customer admin, partner, agent…). */
const ROLE_NAMES = [
  ...new Set([...ROLES.map((r) => r.name), CUSTOMER, CONSUMER, ...BUILTIN_PERSONA_GRANTS.map((g) => g.role)]),
];

const roles = fc.subarray(ROLE_NAMES);
/** Drops undefined fields, as real facts have them. */
const strip = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

const worldArb = fc
  .record({
    accounts: fc.integer({ min: 1, max: 3 }),
    contacts: fc.integer({ min: 1, max: 3 }),
    consumers: fc.integer({ min: 0, max: 2 }),
    users: fc.integer({ min: 0, max: 2 }),
    sps: fc.integer({ min: 1, max: 2 }),
    items: fc.integer({ min: 1, max: 3 }),
    cases: fc.integer({ min: 1, max: 3 }),
  })
  .chain((n) => {
    const names = worldNames(n);
    const { accounts, contacts, consumers, users, members } = names;
    const person = (id: string, extra: Record<string, fc.Arbitrary<unknown>>) =>
      fc.record({ id: fc.constant(id), name: fc.constant(id), roles, ...extra });
    return fc.record({
      accounts: fc.tuple(
        ...accounts.map((id) =>
          fc.record({
            id: fc.constant(id),
            name: fc.constant(id.toUpperCase()),
            parent: pick(accounts),
            restrictContactAccess: maybe(fc.boolean()),
          }),
        ),
      ),
      contacts: fc.tuple(...contacts.map((id) => person(id, { account: pick(accounts) }))),
      consumers: fc.tuple(...consumers.map((id) => person(id, { household: pick(['h0']) }))),
      users: fc.tuple(...users.map((id) => person(id, {}))),
      members: fc.subarray(members),
      ...entityArbs(names),
      records: fc.array(relatedPartyArb(names), { minLength: 1, maxLength: 8 }),
      configs: fc.array(
        fc.record({
          base: fc.constantFrom(...CONFIGS),
          active: fc.boolean(),
          level: fc.constantFrom<AccessConfig['level']>('read', 'write', 'full'),
          // Half the time the configuration's own cascade, else any (or none).
          through: fc.oneof(fc.constant('own' as const), maybe(fc.constantFrom(...ENTITY_KINDS))),
        }),
        { minLength: 1, maxLength: 8 },
      ),
    });
  })
  .map((w): { definitions: Definitions; facts: Facts } => {
    const accessConfigs = w.configs.map(({ base, active, level, through }, i): AccessConfig => {
      const { through: own, ...rest } = base;
      const cascade = through === 'own' ? own : through;
      return { ...rest, id: `cfg${i}`, active, level, ...(cascade ? { through: cascade } : {}) };
    });
    const relatedParties = w.records.map(
      (r, i): RelatedPartyRecord => strip({ id: `r${i}`, ...r }) as RelatedPartyRecord,
    );
    const facts = {
      accounts: w.accounts.map(strip),
      contacts: w.contacts.map(strip),
      consumers: w.consumers.map(strip),
      users: w.users.map(strip),
      serviceOrganizations: [{ id: 'so0', name: 'SO', members: w.members }],
      households: [{ id: 'h0', name: 'H' }],
      soldProducts: w.soldProducts.map(strip),
      installBase: w.installBase.map(strip),
      cases: w.cases.map(strip),
      relatedParties,
    } as unknown as Facts;
    return { definitions: { ...DEFINITIONS, accessConfigs }, facts };
  });

function principalsOf(facts: Facts): PrincipalRef[] {
  return [
    ...facts.contacts.map((c) => ({ kind: 'contact' as const, id: c.id })),
    ...facts.consumers.map((c) => ({ kind: 'consumer' as const, id: c.id })),
    ...facts.users.map((u) => ({ kind: 'user' as const, id: u.id })),
  ];
}

function entitiesOf(facts: Facts): EntityRef[] {
  return [
    ...facts.cases.map((c) => ({ kind: 'case' as const, id: c.id })),
    ...facts.soldProducts.map((s) => ({ kind: 'sold_product' as const, id: s.id })),
    ...facts.installBase.map((i) => ({ kind: 'install_base' as const, id: i.id })),
  ];
}

/** Every difference between the services and the engine on one world. */
async function differences(definitions: Definitions, facts: Facts): Promise<string[]> {
  const engine = new AccessEngine(definitions, facts);
  const services = new WorldServices(definitions, facts);
  try {
    const access = services.access();
    const principals = principalsOf(facts);
    const found: string[] = [];
    for (const entity of entitiesOf(facts)) {
      const e = storedRef(entity);
      // One load for the entity and every principal, as the badges of one list share it.
      const [loaded] = await Promise.all(
        principals.map((p) => access.forEntity(e, { principal: storedRef(p) })),
      );
      if (!loaded) continue;
      if (loaded.incomplete.length > 0)
        found.push(`${formatRef(entity)}: incomplete ${JSON.stringify(loaded.incomplete)}`);
      for (const principal of principals) {
        const expected = answerOf(engine, principal, entity);
        const actual = answerOf(loaded.engine, storedRef(principal), e);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          found.push(
            `${describePair(principal, entity)}: engine ${JSON.stringify(expected)}, services ${JSON.stringify(actual)}`,
          );
        }
      }
    }
    return found;
  } finally {
    services.dispose();
  }
}

/**
 * The answers of the principals asked for first (the badges in view), given before anyone else
 * named is read, and then everyone else's: each must equal the engine's over the whole world.
 */
let earlyPictures = 0;
const peopleIn = ({ facts }: EntityAccess): number =>
  facts.contacts.length + facts.consumers.length + facts.users.length;

async function earlyDifferences(definitions: Definitions, facts: Facts, split: number): Promise<string[]> {
  const engine = new AccessEngine(definitions, facts);
  const services = new WorldServices(definitions, facts);
  try {
    const principals = principalsOf(facts);
    const first = principals.filter((_, i) => i % split === 0);
    const found: string[] = [];
    const compare = (principal: PrincipalRef, entity: EntityRef, loaded: EntityAccess) => {
      const expected = answerOf(engine, principal, entity);
      const actual = answerOf(loaded.engine, storedRef(principal), storedRef(entity));
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        found.push(
          `${describePair(principal, entity)}: engine ${JSON.stringify(expected)}, services ${JSON.stringify(actual)}`,
        );
    };
    for (const entity of entitiesOf(facts)) {
      // Everyone named beyond the first principals is read after them.
      const access = services.access(0);
      const e = storedRef(entity);
      const early = await Promise.all(first.map((p) => access.forSubject(e, storedRef(p))));
      first.forEach((p, i) => compare(p, entity, early[i] as EntityAccess));
      const rest = principals.filter((p) => !first.includes(p));
      const later = await Promise.all(rest.map((p) => access.forSubject(e, storedRef(p))));
      rest.forEach((p, i) => compare(p, entity, later[i] as EntityAccess));
      const whole = await access.forEntity(e);
      if (early.some((picture) => peopleIn(picture) < peopleIn(whole))) earlyPictures++;
    }
    return found;
  } finally {
    services.dispose();
  }
}

describe('parity: the services answer what the engine answers, on generated worlds', () => {
  useMockBackend();

  it('agrees on every principal × entity of random worlds', async function () {
    this.timeout(120_000);
    // The last failing world is the shrunk counterexample: its differences are the message.
    let failure = '';
    const result = await fc.check(
      fc.asyncProperty(worldArb, async ({ definitions, facts }) => {
        const found = await differences(definitions, facts);
        if (found.length > 0) failure = `${found.join('\n')}\nworld: ${JSON.stringify(facts)}`;
        return found.length === 0;
      }),
      { numRuns: 15 },
    );
    expect(result.failed, `seed ${result.seed}:\n${failure}`).to.equal(false);
  });

  it('answers the principals asked for first before the others are read, and equally', async function () {
    this.timeout(120_000);
    let failure = '';
    const result = await fc.check(
      fc.asyncProperty(worldArb, fc.integer({ min: 2, max: 3 }), async ({ definitions, facts }, split) => {
        const found = await earlyDifferences(definitions, facts, split);
        if (found.length > 0) failure = `${found.join('\n')}\nworld: ${JSON.stringify(facts)}`;
        return found.length === 0;
      }),
      { numRuns: 15 },
    );
    expect(result.failed, `seed ${result.seed}:\n${failure}`).to.equal(false);
    // Not vacuous: some answers came from a picture that lacked people read later.
    expect(earlyPictures, 'answers given before everyone was read').to.be.above(0);
  });
});
