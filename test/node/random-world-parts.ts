/**
 * Building blocks of the small random worlds that the engine property tests (Node) and the
 * services-vs-CLI parity suite (browser) generate with fast-check: the names of a world of given
 * sizes, and arbitraries of its sold products, install base items (trees, cycles included), cases
 * and related-party records. Each suite adds its own people, accounts and roles.
 */
import fc from 'fast-check';
import type { EntityRef, PartyRef, PrincipalRef } from '../../src/model/kinds.js';
import { DEFINITIONS, TYPES } from './engine-world.js';

export interface WorldSizes {
  readonly accounts: number;
  readonly contacts: number;
  readonly consumers: number;
  readonly users: number;
  readonly sps: number;
  readonly items: number;
  readonly cases: number;
}

export const ids = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`);
export const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined });
/** One of `values`, or none. */
export const pick = <T>(values: readonly T[]): fc.Arbitrary<T | undefined> =>
  values.length === 0 ? fc.constant(undefined) : maybe(fc.constantFrom(...values));

/** The ids of a world of `n`, its parties (a service organization and a household included), entities and members. */
export function worldNames(n: WorldSizes) {
  const accounts = ids('a', n.accounts);
  const contacts = ids('ct', n.contacts);
  const consumers = ids('cn', n.consumers);
  const users = ids('u', n.users);
  const sps = ids('sp', n.sps);
  const items = ids('ib', n.items);
  const cases = ids('cs', n.cases);
  const parties: PartyRef[] = [
    ...accounts.map((id) => ({ kind: 'account' as const, id })),
    ...contacts.map((id) => ({ kind: 'contact' as const, id })),
    ...consumers.map((id) => ({ kind: 'consumer' as const, id })),
    ...users.map((id) => ({ kind: 'user' as const, id })),
    { kind: 'service_organization', id: 'so0' },
    { kind: 'household', id: 'h0' },
  ];
  const entities: EntityRef[] = [
    ...cases.map((id) => ({ kind: 'case' as const, id })),
    ...sps.map((id) => ({ kind: 'sold_product' as const, id })),
    ...items.map((id) => ({ kind: 'install_base' as const, id })),
  ];
  const members: PrincipalRef[] = [
    ...contacts.map((id) => ({ kind: 'contact' as const, id })),
    ...users.map((id) => ({ kind: 'user' as const, id })),
    ...consumers.map((id) => ({ kind: 'consumer' as const, id })),
  ];
  return { accounts, contacts, consumers, users, sps, items, cases, parties, entities, members };
}

export type WorldNames = ReturnType<typeof worldNames>;

/** A related-party record on one of the world's entities (any party, type and responsibility). */
export function relatedPartyArb(names: WorldNames) {
  return fc.record({
    entity: fc.constantFrom(...names.entities),
    party: fc.constantFrom(...names.parties),
    type: fc.constantFrom(...TYPES.map((t) => t.id)),
    responsibility: maybe(fc.constantFrom(...DEFINITIONS.responsibilities.map((r) => r.id))),
  });
}

/** Sold products, install base items (any parent: trees and cycles) and cases of the world. */
export function entityArbs({ accounts, contacts, consumers, sps, items, cases }: WorldNames) {
  return {
    soldProducts: fc.tuple(
      ...sps.map((id) =>
        fc.record({
          id: fc.constant(id),
          name: fc.constant(id),
          account: pick(accounts),
          consumer: pick(consumers),
        }),
      ),
    ),
    installBase: fc.tuple(
      ...items.map((id) =>
        fc.record({
          id: fc.constant(id),
          name: fc.constant(id),
          account: pick(accounts),
          parent: pick(items),
          soldProduct: pick(sps),
        }),
      ),
    ),
    cases: fc.tuple(
      ...cases.map((id) =>
        fc.record({
          id: fc.constant(id),
          number: fc.constant(id.toUpperCase()),
          account: pick(accounts),
          contact: pick(contacts),
          consumer: pick(consumers),
          soldProduct: pick(sps),
          installBase: pick(items),
          partnerAccount: pick(accounts),
          partnerContact: pick(contacts),
        }),
      ),
    ),
  };
}
