import type {
  Definitions,
  EntityKind,
  EntityRef,
  Facts,
  PartyKind,
  PartyRef,
  RelatedPartyRecord,
  RelationshipType,
} from '../model/index.js';
import { ENTITY_KINDS, PARTY_KINDS, PRINCIPAL_KINDS, parseRef } from '../model/index.js';
import type { Ref } from '../model/index.js';
import { AccessTestFileError, formatPlace, type Place } from './test-file-error.js';
import { compact, responsibilityLookup } from './test-file-util.js';
import type { RawFacts } from './test-file-schema.js';

/** Resolves the `facts` of an access-test file: defaults, `kind:id` references, relationship types. */

type Kind = PartyKind | EntityKind;
type Fail = (place: Place, detail: string) => never;
type RawRelatedParty = NonNullable<RawFacts['relatedParties']>[number];

/** The facts collection holding each kind of record. */
const COLLECTION: Readonly<Record<Kind, keyof RawFacts>> = {
  contact: 'contacts',
  consumer: 'consumers',
  user: 'users',
  account: 'accounts',
  service_organization: 'serviceOrganizations',
  household: 'households',
  case: 'cases',
  sold_product: 'soldProducts',
  install_base: 'installBase',
};

const label = (kind: Kind): string => kind.replace('_', ' ');

/** Knows every id of the facts and resolves references to them. */
export class FactIndex {
  private readonly ids = new Map<Kind, Set<string>>();

  constructor(
    raw: RawFacts,
    private readonly fail: Fail,
  ) {
    for (const [kind, collection] of Object.entries(COLLECTION) as [Kind, keyof RawFacts][]) {
      const seen = new Set<string>();
      (raw[collection] ?? []).forEach((item, index) => {
        const id = item.id ?? '';
        if (seen.has(id)) fail(['facts', collection, index, 'id'], `duplicate ${label(kind)} "${id}"`);
        seen.add(id);
      });
      this.ids.set(kind, seen);
    }
  }

  /** Checks that a plain id names a record of `kind`; returns it. */
  id<K extends Kind>(kind: K, id: string | undefined, place: Place): string | undefined {
    if (id !== undefined && !this.ids.get(kind)?.has(id)) this.fail(place, `unknown ${label(kind)} "${id}"`);
    return id;
  }

  /** Parses `kind:id` with one of `kinds` and checks the record exists. */
  ref<K extends Kind>(text: string, kinds: readonly K[], place: Place): Ref<K> {
    let ref: Ref<K>;
    try {
      ref = parseRef(text, kinds);
    } catch (error) {
      return this.fail(place, error instanceof Error ? error.message : String(error));
    }
    this.id(ref.kind, ref.id, place);
    return ref;
  }
}

function relationshipType(
  types: readonly RelationshipType[],
  text: string,
  entity: EntityKind,
  party: PartyKind,
  place: Place,
  fail: Fail,
): RelationshipType {
  const byId = types.find((t) => t.id === text);
  if (byId) {
    if (byId.appliesTo !== entity || byId.partyType !== party) {
      fail(
        place,
        `relationship type "${text}" is for ${byId.appliesTo}/${byId.partyType}, not ${entity}/${party}`,
      );
    }
    return byId;
  }
  const named = types.filter(
    (t) => t.appliesTo === entity && t.partyType === party && t.name.toLowerCase() === text.toLowerCase(),
  );
  if (named.length > 1)
    fail(place, `relationship type "${text}" is ambiguous for ${entity}/${party}; use an id`);
  return named[0] ?? fail(place, `unknown relationship type "${text}" for ${entity}/${party}`);
}

function relatedParties(
  raw: RawFacts,
  definitions: Definitions,
  index: FactIndex,
  fail: Fail,
): RelatedPartyRecord[] {
  const lookup = responsibilityLookup(definitions.responsibilities);
  const ids = new Set<string>();
  return (raw.relatedParties ?? []).map((rp: RawRelatedParty, i): RelatedPartyRecord => {
    const at: Place = ['facts', 'relatedParties', i];
    const id = rp.id ?? `rp${i + 1}`;
    if (ids.has(id)) fail([...at, 'id'], `duplicate related party "${id}"`);
    ids.add(id);
    const entity: EntityRef = index.ref(rp.entity, ENTITY_KINDS, [...at, 'entity']);
    const party: PartyRef = index.ref(rp.party, PARTY_KINDS, [...at, 'party']);
    const type = relationshipType(
      definitions.relationshipTypes,
      rp.type,
      entity.kind,
      party.kind,
      [...at, 'type'],
      fail,
    );
    let responsibility = type.defaultResponsibility;
    if (rp.responsibility === null) responsibility = undefined;
    else if (rp.responsibility !== undefined) {
      const found = lookup(rp.responsibility);
      responsibility = 'id' in found ? found.id : fail([...at, 'responsibility'], found.error);
    }
    return compact({ id, entity, party, type: type.id, responsibility, order: rp.order });
  });
}

/** Resolves raw facts against the definitions; throws AccessTestFileError naming the place. */
export function resolveFacts(
  raw: RawFacts,
  definitions: Definitions,
  source?: string,
): { facts: Facts; index: FactIndex } {
  const fail: Fail = (place, detail) => {
    throw new AccessTestFileError(formatPlace(place), detail, source);
  };
  const index = new FactIndex(raw, fail);
  const at = (collection: keyof RawFacts, i: number, field: string): Place => ['facts', collection, i, field];
  // Roles held must exist: a typo must not silently weaken a test.
  const known = new Set(definitions.roles.map((r) => r.name));
  const roles = (names: readonly string[] | undefined, place: Place): string[] => {
    (names ?? []).forEach((name, j) => known.has(name) || fail([...place, j], `unknown role "${name}"`));
    return [...new Set(names ?? [])];
  };

  const facts: Facts = {
    accounts: (raw.accounts ?? []).map((a, i) =>
      compact({
        ...a,
        name: a.name ?? a.id,
        parent: index.id('account', a.parent, at('accounts', i, 'parent')),
      }),
    ),
    contacts: (raw.contacts ?? []).map((c, i) =>
      compact({
        ...c,
        name: c.name ?? c.id,
        roles: roles(c.roles, at('contacts', i, 'roles')),
        account: index.id('account', c.account, at('contacts', i, 'account')),
      }),
    ),
    consumers: (raw.consumers ?? []).map((c, i) =>
      compact({
        ...c,
        name: c.name ?? c.id,
        roles: roles(c.roles, at('consumers', i, 'roles')),
        household: index.id('household', c.household, at('consumers', i, 'household')),
      }),
    ),
    users: (raw.users ?? []).map((u, i) =>
      compact({ ...u, name: u.name ?? u.id, roles: roles(u.roles, at('users', i, 'roles')) }),
    ),
    serviceOrganizations: (raw.serviceOrganizations ?? []).map((s, i) => ({
      id: s.id,
      name: s.name ?? s.id,
      members: (s.members ?? []).map((m, j) =>
        index.ref(m, PRINCIPAL_KINDS, ['facts', 'serviceOrganizations', i, 'members', j]),
      ),
    })),
    households: (raw.households ?? []).map((h) => ({ id: h.id, name: h.name ?? h.id })),
    soldProducts: (raw.soldProducts ?? []).map((s, i) =>
      compact({
        ...s,
        name: s.name ?? s.id,
        account: index.id('account', s.account, at('soldProducts', i, 'account')),
        consumer: index.id('consumer', s.consumer, at('soldProducts', i, 'consumer')),
      }),
    ),
    installBase: (raw.installBase ?? []).map((b, i) =>
      compact({
        ...b,
        name: b.name ?? b.id,
        account: index.id('account', b.account, at('installBase', i, 'account')),
        parent: index.id('install_base', b.parent, at('installBase', i, 'parent')),
        soldProduct: index.id('sold_product', b.soldProduct, at('installBase', i, 'soldProduct')),
      }),
    ),
    cases: (raw.cases ?? []).map((c, i) =>
      compact({
        ...c,
        number: c.number ?? c.id,
        account: index.id('account', c.account, at('cases', i, 'account')),
        contact: index.id('contact', c.contact, at('cases', i, 'contact')),
        consumer: index.id('consumer', c.consumer, at('cases', i, 'consumer')),
        soldProduct: index.id('sold_product', c.soldProduct, at('cases', i, 'soldProduct')),
        installBase: index.id('install_base', c.installBase, at('cases', i, 'installBase')),
        partnerAccount: index.id('account', c.partnerAccount, at('cases', i, 'partnerAccount')),
        partnerContact: index.id('contact', c.partnerContact, at('cases', i, 'partnerContact')),
      }),
    ),
    relatedParties: [],
  };
  return { facts: { ...facts, relatedParties: relatedParties(raw, definitions, index, fail) }, index };
}
