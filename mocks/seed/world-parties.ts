/**
 * Related parties of the generated world, on cases, sold products and install base roots (the
 * platform adds them to root items only). Types come from the definitions (not the stories'
 * custom ones); a unique responsibility is given once per entity and a party once per type, as
 * the instance's business rules require.
 */
import type { RelationshipType } from '../../src/model/definitions.js';
import type { EntityKind, PartyKind } from '../../src/model/kinds.js';
import type { SeedContext } from './context.js';
import { addParty, partyColumnKey } from './parties.js';
import { STORY } from './story.js';
import type { CaseInfo } from './world-cases.js';
import type { People } from './world-people.js';
import type { Products } from './world-products.js';

type Candidates = Partial<Record<PartyKind, readonly string[]>>;

const STORY_TYPE_IDS: ReadonlySet<string> = new Set(
  [
    ...Object.values(STORY.housingLoan.relationshipTypes),
    ...Object.values(STORY.trackedProduct.relationshipTypes),
  ].map((t) => t.id),
);

/** Adds related parties to a share of the world's entities. */
export function seedParties(
  ctx: SeedContext,
  people: People,
  products: Products,
  cases: readonly CaseInfo[],
): void {
  const { rng } = ctx;
  const householdOf = new Map<string, readonly string[]>();
  for (const members of people.households.values()) for (const m of members) householdOf.set(m, members);
  const consumersNear = (consumer: string): readonly string[] => {
    const family = (householdOf.get(consumer) ?? []).filter((m) => m !== consumer);
    return family.length > 0 ? family : rng.sample(people.consumers, 5).filter((m) => m !== consumer);
  };
  const contactsOf = (account: string | undefined): readonly string[] =>
    account ? (people.contactsByAccount.get(account) ?? []) : [];
  const orgs = people.serviceOrganizations.map((o) => o.id);

  for (const c of cases) {
    if (!rng.chance(0.45)) continue;
    relate(ctx, 'case', c.id, {
      contact: contactsOf(c.account),
      consumer: c.consumer ? consumersNear(c.consumer) : [],
      user: c.account ? people.users : [],
    });
  }
  for (const p of products.soldProducts) {
    if (!rng.chance(0.5)) continue;
    relate(ctx, 'sold_product', p.id, {
      contact: contactsOf(p.account),
      account: p.account ? [p.account] : [],
      consumer: p.consumer ? consumersNear(p.consumer) : [],
    });
  }
  for (const root of products.installBase) {
    if (!rng.chance(0.6)) continue;
    relate(ctx, 'install_base', root.id, {
      contact: contactsOf(root.account),
      account: [root.account],
      user: people.users,
      service_organization: orgs,
    });
  }
}

/** Relates 1–3 parties to one entity. */
function relate(ctx: SeedContext, entity: EntityKind, entityId: string, candidates: Candidates): void {
  const types = ctx.definitions.relationshipTypes.filter(
    (t) =>
      t.appliesTo === entity &&
      !STORY_TYPE_IDS.has(t.id) &&
      partyColumnKey(ctx.map, entity, t.partyType) !== undefined &&
      (candidates[t.partyType]?.length ?? 0) > 0,
  );
  if (types.length === 0) return;
  const unique = new Set(ctx.definitions.responsibilities.filter((r) => r.unique).map((r) => r.id));
  const taken = new Set<string>();
  const related = new Set<string>();
  for (let i = ctx.rng.int(1, 3), order = 100; i > 0; i--) {
    const type = pickType(ctx, types);
    const party = ctx.rng.pick(candidates[type.partyType] ?? []);
    const responsibility = type.defaultResponsibility;
    if (related.has(`${type.id}:${party}`) || (responsibility && taken.has(responsibility))) continue;
    if (responsibility && unique.has(responsibility)) taken.add(responsibility);
    related.add(`${type.id}:${party}`);
    addParty(ctx, { entity, entityId, type, partyId: party, order });
    order += 100;
  }
}

/** Authorized types three times as often as listed ones (which grant nothing). */
function pickType(ctx: SeedContext, types: readonly RelationshipType[]): RelationshipType {
  const weighted = types.flatMap((t) => (t.defaultResponsibility ? [t, t, t] : [t]));
  return ctx.rng.pick(weighted);
}
