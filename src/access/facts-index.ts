import type {
  Account,
  EntityRef,
  Facts,
  PartyRef,
  PrincipalKind,
  PrincipalRef,
  RelatedPartyRecord,
} from '../model/index.js';
import type { CompiledDefinitions } from './compiled-definitions.js';
import { EntityIndex } from './entity-index.js';
import { ENTITY_KIND_COUNT, PARTY_KIND_COUNT, entityCode, partyCode } from './kinds-index.js';
import { buildPrincipals, PrincipalTable, type OwnerRoles, type PrincipalEntry } from './principals.js';
import { ReachIndex } from './reach-index.js';

/** A related-party record resolved to indexes; `buckets[table]` lists the configs it may use. */
export interface CompiledRecord {
  readonly raw: RelatedPartyRecord;
  readonly entity: number;
  /** Interned party, -1 for a party no principal stands behind (proposals only). */
  readonly partyKey: number;
  readonly partyKind: number;
  readonly responsibility: number;
  readonly buckets: readonly Int32Array[];
}

/** Facts indexed for evaluation; related-party records change incrementally, the rest is fixed. */
export class FactsIndex {
  readonly facts: Facts;
  readonly principals: readonly PrincipalEntry[];
  readonly table: PrincipalTable;
  readonly entities: EntityIndex;
  readonly accounts = new Map<string, Account>();
  readonly recordsByEntity: CompiledRecord[][] = [];
  readonly recordsByParty: CompiledRecord[][] = [];
  readonly records = new Map<string, CompiledRecord>();
  readonly reach: ReachIndex;
  /** Principal indexes each party key stands for (itself, an account's contacts, members…). */
  readonly principalsOfParty: number[][] = [];
  readonly #names = new Map<string, string>();
  readonly #principalIds: Record<PrincipalKind, Map<string, number>>;
  readonly #partyKeys: Map<string, number>[] = Array.from({ length: PARTY_KIND_COUNT }, () => new Map());
  readonly #accountIds = new Map<string, number>();
  readonly #definitions: CompiledDefinitions;

  constructor(definitions: CompiledDefinitions, facts: Facts, ownerRoles: OwnerRoles) {
    this.#definitions = definitions;
    this.facts = facts;
    for (const a of facts.accounts) this.accounts.set(a.id, a);
    const named = (kind: string, list: readonly { id: string; name: string }[]) => {
      for (const item of list) this.#names.set(`${kind}:${item.id}`, item.name);
    };
    named('account', facts.accounts);
    named('service_organization', facts.serviceOrganizations);
    named('household', facts.households);
    named('contact', facts.contacts);
    named('consumer', facts.consumers);
    named('user', facts.users);
    const account = (id: string | undefined) => this.#account(id);
    const built = buildPrincipals(facts, definitions, ownerRoles, (kind, id) => this.partyKey(kind, id));
    this.principals = built.principals;
    this.#principalIds = built.ids;
    this.table = new PrincipalTable(this.principals, account);
    for (const p of this.principals)
      for (const key of p.partyKeys) this.principalsOfParty[key]?.push(p.index);
    this.entities = new EntityIndex(facts, account, (kind, id) =>
      id === undefined ? -1 : (built.ids[kind].get(id) ?? -1),
    );
    for (let e = 0; e < this.entities.count; e++) this.recordsByEntity.push([]);
    this.reach = new ReachIndex(facts.relatedParties.length * 2);
    for (const record of facts.relatedParties) this.add(record);
  }

  #account(id: string | undefined): number {
    if (id === undefined) return -1;
    let index = this.#accountIds.get(id);
    if (index === undefined) this.#accountIds.set(id, (index = this.#accountIds.size));
    return index;
  }

  /** Interned key of a party (created on first use). */
  partyKey(kind: string, id: string): number {
    const keys = this.#partyKeys[partyCode(kind)];
    if (!keys) return -1;
    let key = keys.get(id);
    if (key === undefined) {
      key = this.recordsByParty.length;
      keys.set(id, key);
      this.recordsByParty.push([]);
      this.principalsOfParty.push([]);
    }
    return key;
  }

  /** Party key without interning, or -1: for proposals, which must not change the index. */
  existingPartyKey(kind: string, id: string): number {
    return this.#partyKeys[partyCode(kind)]?.get(id) ?? -1;
  }

  /** Principal index, or -1 when the principal is not in the facts. */
  principalIndex(ref: PrincipalRef): number {
    return this.#principalIds[ref.kind]?.get(ref.id) ?? -1;
  }

  /** Entity index, or -1. */
  entityIndex(ref: EntityRef): number {
    return this.entities.index(ref);
  }

  /** Display name of a party, or its id. */
  partyLabel(ref: PartyRef): string {
    return this.#names.get(`${ref.kind}:${ref.id}`) ?? ref.id;
  }

  /** Whether the party exists in the facts. */
  hasParty(ref: PartyRef): boolean {
    return this.#names.has(`${ref.kind}:${ref.id}`);
  }

  /** Principal indexes a party stands for: itself, an account's contacts, members, a household. */
  principalsOf(party: PartyRef): readonly number[] {
    return this.principalsOfParty[this.existingPartyKey(party.kind, party.id)] ?? [];
  }

  /** Resolves a record against the definitions and the entities (`intern` false: read-only). */
  compile(raw: RelatedPartyRecord, intern = true): CompiledRecord {
    const partyKind = partyCode(raw.party.kind);
    const responsibility = this.#definitions.responsibilityIndex(raw.responsibility);
    return {
      raw,
      entity: this.entities.index(raw.entity),
      partyKey: intern
        ? this.partyKey(raw.party.kind, raw.party.id)
        : this.existingPartyKey(raw.party.kind, raw.party.id),
      partyKind,
      responsibility,
      buckets: this.#definitions.buckets(responsibility, entityCode(raw.entity.kind), partyKind),
    };
  }

  /** Indexes a record (replacing one with the same id). */
  add(raw: RelatedPartyRecord): CompiledRecord {
    if (this.records.has(raw.id)) this.remove(raw.id);
    const record = this.compile(raw);
    this.records.set(raw.id, record);
    if (record.entity >= 0) this.recordsByEntity[record.entity]?.push(record);
    this.recordsByParty[record.partyKey]?.push(record);
    this.#count(record, 1);
    return record;
  }

  /** Removes a record from every index; returns it, or undefined when unknown. */
  remove(id: string): CompiledRecord | undefined {
    const record = this.records.get(id);
    if (!record) return undefined;
    this.records.delete(id);
    const drop = (list: CompiledRecord[] | undefined) => {
      const at = list?.indexOf(record) ?? -1;
      if (list && at >= 0) list.splice(at, 1);
    };
    if (record.entity >= 0) drop(this.recordsByEntity[record.entity]);
    drop(this.recordsByParty[record.partyKey]);
    this.#count(record, -1);
    return record;
  }

  /** Updates the reach counts of the principals the record could grant (same test both ways). */
  #count(record: CompiledRecord, delta: number): void {
    if (record.entity < 0) return;
    const { buckets } = record;
    for (const p of this.principalsOfParty[record.partyKey] ?? []) {
      const ok = (this.principals[p] as PrincipalEntry).configOk;
      let could = false;
      for (let t = 0; t < ENTITY_KIND_COUNT && !could; t++)
        for (const c of buckets[t] ?? []) if (ok[c] === 1) could = true;
      if (could) this.reach.add(p, record.entity, delta);
    }
  }
}
