/**
 * What the review rules look up over one engine's facts: labels, accounts, the members a group
 * party stands for, the records on the entities in scope. Built once per review. Pure.
 */
import type { AccessEngine } from '../access/engine.js';
import type { Explanation } from '../access/types.js';
import type { RelationshipType } from '../model/definitions.js';
import type { Account, Case, Contact, Consumer, Facts, RelatedPartyRecord, User } from '../model/facts.js';
import { formatRef, type EntityRef, type PartyRef, type PrincipalRef } from '../model/kinds.js';

const ENTITY_WORDS = {
  case: 'case',
  sold_product: 'sold product',
  install_base: 'install base item',
} as const;

type Person = Contact | Consumer | User;

export class ReviewWorld {
  readonly facts: Facts;
  /** The entities under review (`kind:id`). */
  readonly scopeKeys: ReadonlySet<string>;
  readonly #people: Map<string, Person>;
  readonly #accounts: Map<string, Account>;
  readonly #cases: Map<string, Case>;
  readonly #labels: Map<string, string>;
  readonly #entityAccount: Map<string, string>;
  readonly #types: Map<string, RelationshipType>;
  readonly #records: Map<string, RelatedPartyRecord[]>;
  readonly #contactsOf: Map<string, PrincipalRef[]>;
  readonly #explained: Map<string, Explanation>;

  constructor(
    readonly engine: AccessEngine,
    readonly scope: readonly EntityRef[],
    /** A world over the same engine whose indexes and explanations this one shares. */
    base?: ReviewWorld,
  ) {
    this.scopeKeys = new Set(scope.map(formatRef));
    if (base) {
      this.facts = base.facts;
      this.#people = base.#people;
      this.#accounts = base.#accounts;
      this.#cases = base.#cases;
      this.#labels = base.#labels;
      this.#entityAccount = base.#entityAccount;
      this.#types = base.#types;
      this.#records = base.#records;
      this.#contactsOf = base.#contactsOf;
      this.#explained = base.#explained;
      return;
    }
    const facts = engine.facts;
    this.facts = facts;
    this.#people = new Map();
    this.#accounts = new Map();
    this.#cases = new Map();
    this.#labels = new Map();
    this.#entityAccount = new Map();
    this.#types = new Map();
    this.#records = new Map();
    this.#contactsOf = new Map();
    this.#explained = new Map();
    for (const c of facts.contacts) {
      this.#people.set(`contact:${c.id}`, c);
      if (c.account) push(this.#contactsOf, c.account, { kind: 'contact', id: c.id });
    }
    for (const c of facts.consumers) this.#people.set(`consumer:${c.id}`, c);
    for (const u of facts.users) this.#people.set(`user:${u.id}`, u);
    for (const a of facts.accounts) this.#accounts.set(a.id, a);
    for (const c of facts.cases) {
      this.#cases.set(c.id, c);
      this.#labels.set(`case:${c.id}`, c.number);
      if (c.account) this.#entityAccount.set(`case:${c.id}`, c.account);
    }
    for (const p of facts.soldProducts) {
      this.#labels.set(`sold_product:${p.id}`, p.name);
      if (p.account) this.#entityAccount.set(`sold_product:${p.id}`, p.account);
    }
    for (const i of facts.installBase) {
      this.#labels.set(`install_base:${i.id}`, i.name);
      if (i.account) this.#entityAccount.set(`install_base:${i.id}`, i.account);
    }
    for (const t of engine.definitions.relationshipTypes) this.#types.set(t.id, t);
    for (const r of facts.relatedParties) push(this.#records, formatRef(r.entity), r);
  }

  /** The same world reviewing only `scope` (a slice of it), sharing indexes and explanations. */
  slice(scope: readonly EntityRef[]): ReviewWorld {
    return new ReviewWorld(this.engine, scope, this);
  }

  /** The engine's explanation, computed once per principal and entity (the matrix and rules share it). */
  explain(principal: PrincipalRef, entity: EntityRef): Explanation {
    const key = `${formatRef(principal)}|${formatRef(entity)}`;
    let explanation = this.#explained.get(key);
    if (!explanation) this.#explained.set(key, (explanation = this.engine.explain(principal, entity)));
    return explanation;
  }

  /** Related-party records sitting on the entities in scope, in scope order. */
  scopeRecords(): RelatedPartyRecord[] {
    return this.scope.flatMap((e) => this.#records.get(formatRef(e)) ?? []);
  }

  /** Records sitting on one entity. */
  recordsOn(entity: EntityRef): readonly RelatedPartyRecord[] {
    return this.#records.get(formatRef(entity)) ?? [];
  }

  /**
   * The entity and those whose parties' access cascades to it: a case's sold product and install
   * base item (with ancestors), an item's ancestors and sold product, a sold product's items.
   */
  sourcesOf(entity: EntityRef): EntityRef[] {
    const out: EntityRef[] = [entity];
    const items = this.facts.installBase;
    const withAncestors = (id: string | undefined): void => {
      const seen = new Set<string>();
      for (let at = id; at && !seen.has(at); at = items.find((i) => i.id === at)?.parent) {
        seen.add(at);
        if (at !== entity.id || entity.kind !== 'install_base') out.push({ kind: 'install_base', id: at });
      }
    };
    if (entity.kind === 'case') {
      const c = this.#cases.get(entity.id);
      if (c?.soldProduct) out.push({ kind: 'sold_product', id: c.soldProduct });
      withAncestors(c?.installBase);
    } else if (entity.kind === 'install_base') {
      const item = items.find((i) => i.id === entity.id);
      withAncestors(item?.parent);
      if (item?.soldProduct) out.push({ kind: 'sold_product', id: item.soldProduct });
    } else {
      for (const i of items) if (i.soldProduct === entity.id) out.push({ kind: 'install_base', id: i.id });
    }
    return out;
  }

  person(ref: PrincipalRef): Person | undefined {
    return this.#people.get(formatRef(ref));
  }

  account(id: string): Account | undefined {
    return this.#accounts.get(id);
  }

  case(id: string): Case | undefined {
    return this.#cases.get(id);
  }

  type(id: string): RelationshipType | undefined {
    return this.#types.get(id);
  }

  /** "case CS0001004", "sold product Fleet Telematics Suite". */
  describeEntity(entity: EntityRef): string {
    return `${ENTITY_WORDS[entity.kind]} ${this.entityLabel(entity)}`;
  }

  entityLabel(entity: EntityRef): string {
    return this.#labels.get(formatRef(entity)) ?? entity.id;
  }

  /** The account an entity belongs to, if any. */
  entityAccount(entity: EntityRef): string | undefined {
    return this.#entityAccount.get(formatRef(entity));
  }

  partyLabel(party: PartyRef): string {
    if (party.kind === 'account') return this.#accounts.get(party.id)?.name ?? party.id;
    if (party.kind === 'service_organization')
      return this.facts.serviceOrganizations.find((o) => o.id === party.id)?.name ?? party.id;
    if (party.kind === 'household')
      return this.facts.households.find((h) => h.id === party.id)?.name ?? party.id;
    return this.#people.get(formatRef(party))?.name ?? party.id;
  }

  /** "contact Maya Lindqvist", "account Northwind Logistics". */
  describeParty(party: PartyRef): string {
    return `${party.kind.replace('_', ' ')} ${this.partyLabel(party)}`;
  }

  /** The contacts of an account (known to the facts). */
  contactsOf(account: string): readonly PrincipalRef[] {
    return this.#contactsOf.get(account) ?? [];
  }

  /** The people a party stands for: itself, or the members of an account, organization, household. */
  membersOf(party: PartyRef): readonly PrincipalRef[] {
    switch (party.kind) {
      case 'contact':
      case 'consumer':
      case 'user':
        return [{ kind: party.kind, id: party.id }];
      case 'account':
        return this.contactsOf(party.id);
      case 'service_organization':
        return this.facts.serviceOrganizations.find((o) => o.id === party.id)?.members ?? [];
      case 'household':
        return this.facts.consumers
          .filter((c) => c.household === party.id)
          .map((c) => ({ kind: 'consumer' as const, id: c.id }));
    }
  }

  /** The account, its ancestors and its descendants: accounts a contact may legitimately come from. */
  accountFamily(account: string): ReadonlySet<string> {
    const family = new Set<string>([account]);
    for (let at = this.#accounts.get(account)?.parent; at && !family.has(at);) {
      family.add(at);
      at = this.#accounts.get(at)?.parent;
    }
    let grew = true;
    while (grew) {
      grew = false;
      for (const a of this.facts.accounts) {
        if (a.parent && family.has(a.parent) && !family.has(a.id) && this.isDescendant(a.id, account)) {
          family.add(a.id);
          grew = true;
        }
      }
    }
    return family;
  }

  private isDescendant(id: string, ancestor: string): boolean {
    const seen = new Set<string>();
    for (let at = this.#accounts.get(id)?.parent; at && !seen.has(at); at = this.#accounts.get(at)?.parent) {
      if (at === ancestor) return true;
      seen.add(at);
    }
    return false;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
