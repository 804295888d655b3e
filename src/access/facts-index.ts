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
import { EntityIndex, HOT, HOT_BLOOM } from './entity-index.js';
import { PARTY_KIND_COUNT, entityCode, partyCode } from './kinds-index.js';
import { LinkedLists, grow } from './linked-lists.js';
import { AccountTree } from './persona.js';
import { buildPrincipals, PrincipalTable, type PrincipalEntry } from './principals.js';
import { ReachIndex } from './reach-index.js';

/** A related-party record resolved to indexes (cold paths); `buckets[table]` lists its configs. */
export interface CompiledRecord {
  readonly raw: RelatedPartyRecord;
  readonly entity: number;
  /** Interned party, -1 for a party no principal stands behind (proposals only). */
  readonly partyKey: number;
  readonly partyKind: number;
  readonly responsibility: number;
  readonly buckets: readonly Int32Array[];
}

/**
 * Facts indexed for evaluation. Records live in slots of parallel typed arrays (entity, party,
 * bucket set) linked per entity and per party, so 50,000 records cost a few arrays, not 50,000
 * objects; they change incrementally, the rest of the facts is fixed.
 */
export class FactsIndex {
  readonly facts: Facts;
  readonly principals: readonly PrincipalEntry[];
  readonly table: PrincipalTable;
  readonly entities: EntityIndex;
  readonly accounts = new Map<string, Account>();
  readonly reach: ReachIndex;
  /** Interned accounts with their ancestors (persona scope account tree). */
  readonly accountTree: AccountTree;
  /** Per slot: entity index (-1: unknown entity), party key, bucket set (-1: grants nothing). */
  recordEntity: Int32Array;
  recordParty: Int32Array;
  recordBucket: Int32Array;
  readonly byEntity: LinkedLists;
  readonly byParty: LinkedLists;
  /**
   * Principal indexes each party key stands for (itself, an account's contacts, members…):
   * `partyPrincipals[partyStart[key] … partyStart[key + 1])`, flat. Only keys interned by the
   * principals have any; keys interned later (parties named by records alone) stand for nobody.
   */
  readonly #partyStart: Int32Array;
  readonly #partyPrincipals: Int32Array;
  #partyKeyCount = 0;
  #raw: (RelatedPartyRecord | undefined)[] = [];
  readonly #slots = new Map<string, number>();
  readonly #free: number[] = [];
  /** Display names per party kind code (no key strings built per party). */
  readonly #names: Map<string, string>[] = Array.from({ length: PARTY_KIND_COUNT }, () => new Map());
  readonly #principalIds: Record<PrincipalKind, Map<string, number>>;
  readonly #partyKeys: Map<string, number>[] = Array.from({ length: PARTY_KIND_COUNT }, () => new Map());
  readonly #accountIds = new Map<string, number>();
  readonly #accountList: string[] = [];
  readonly #definitions: CompiledDefinitions;

  constructor(definitions: CompiledDefinitions, facts: Facts) {
    this.#definitions = definitions;
    this.facts = facts;
    for (const a of facts.accounts) {
      this.accounts.set(a.id, a);
      this.#account(a.id);
    }
    const named = (kind: string, list: readonly { id: string; name: string }[]) => {
      const names = this.#names[partyCode(kind)] as Map<string, string>;
      for (const item of list) names.set(item.id, item.name);
    };
    named('account', facts.accounts);
    named('service_organization', facts.serviceOrganizations);
    named('household', facts.households);
    named('contact', facts.contacts);
    named('consumer', facts.consumers);
    named('user', facts.users);
    const records = facts.relatedParties.length;
    this.recordEntity = new Int32Array(Math.max(16, records));
    this.recordParty = new Int32Array(Math.max(16, records));
    this.recordBucket = new Int32Array(Math.max(16, records));
    this.byParty = new LinkedLists(
      facts.contacts.length + facts.consumers.length + facts.users.length + facts.accounts.length,
      records,
    );
    const account = (id: string | undefined) => this.#account(id);
    const built = buildPrincipals(facts, definitions, (kind, id) => this.partyKey(kind, id));
    this.principals = built.principals;
    this.#principalIds = built.ids;
    this.table = new PrincipalTable(this.principals, definitions.configs.length, account);
    [this.#partyStart, this.#partyPrincipals] = principalsByParty(this.principals, this.#partyKeyCount);
    this.entities = new EntityIndex(facts, account, (kind, id) =>
      id === undefined ? -1 : (built.ids[kind].get(id) ?? -1),
    );
    this.byEntity = new LinkedLists(this.entities.count, records);
    const parents: number[] = [];
    for (const [id, index] of this.#accountIds)
      parents[index] = this.#accountIds.get(this.accounts.get(id)?.parent ?? '') ?? -1;
    this.accountTree = new AccountTree(parents);
    this.reach = new ReachIndex({ words: this.entities.hot, stride: HOT, offset: HOT_BLOOM }, records >> 1);
    this.#load(facts.relatedParties);
  }

  /** `table.persona`, for `personaMask`. */
  get persona(): Int32Array {
    return this.table.persona;
  }

  /** Interned account index, or -1 when the account is named by no fact. */
  accountIndex(id: string | undefined): number {
    return id === undefined ? -1 : (this.#accountIds.get(id) ?? -1);
  }

  /** Account id of an interned index. */
  accountId(index: number): string | undefined {
    return this.#accountList[index];
  }

  #account(id: string | undefined): number {
    if (id === undefined) return -1;
    let index = this.#accountIds.get(id);
    if (index === undefined) {
      this.#accountIds.set(id, (index = this.#accountIds.size));
      this.#accountList.push(id);
    }
    return index;
  }

  /** Interned key of a party (created on first use). */
  partyKey(kind: string, id: string): number {
    const keys = this.#partyKeys[partyCode(kind)];
    if (!keys) return -1;
    let key = keys.get(id);
    if (key === undefined) keys.set(id, (key = this.#partyKeyCount++));
    return key;
  }

  /** Party key without interning, or -1: for proposals, which must not change the index. */
  existingPartyKey(kind: string, id: string): number {
    return this.#partyKeys[partyCode(kind)]?.get(id) ?? -1;
  }

  /** Principal index, or -1 when the principal is not in the facts. */
  principalIndex(ref: PrincipalRef): number {
    // A switch, not `ids[ref.kind]`: a keyed load by a variable string is megamorphic (hot path).
    const ids = this.#principalIds;
    switch (ref.kind) {
      case 'contact':
        return ids.contact.get(ref.id) ?? -1;
      case 'consumer':
        return ids.consumer.get(ref.id) ?? -1;
      case 'user':
        return ids.user.get(ref.id) ?? -1;
      default:
        return -1;
    }
  }

  /** Entity index, or -1. */
  entityIndex(ref: EntityRef): number {
    return this.entities.index(ref);
  }

  /** Display name of a party, or its id. */
  partyLabel(ref: PartyRef): string {
    return this.#names[partyCode(ref.kind)]?.get(ref.id) ?? ref.id;
  }

  /** Whether the party exists in the facts. */
  hasParty(ref: PartyRef): boolean {
    return this.#names[partyCode(ref.kind)]?.has(ref.id) ?? false;
  }

  /** Principal indexes a party stands for: itself, an account's contacts, members, a household. */
  principalsOf(party: PartyRef): Int32Array {
    return this.#principalsOfKey(this.existingPartyKey(party.kind, party.id));
  }

  #principalsOfKey(key: number): Int32Array {
    const start = this.#partyStart;
    if (key < 0 || key + 1 >= start.length) return NO_PRINCIPALS;
    return this.#partyPrincipals.subarray(start[key], start[key + 1]);
  }

  /** Resolves a record (`intern` false: read-only, for proposals). */
  compile(raw: RelatedPartyRecord, intern = true): CompiledRecord {
    const kind = raw.party.kind;
    const partyKey = intern ? this.partyKey(kind, raw.party.id) : this.existingPartyKey(kind, raw.party.id);
    return this.#view(raw, this.entities.index(raw.entity), partyKey);
  }

  #view(raw: RelatedPartyRecord, entity: number, partyKey: number): CompiledRecord {
    const partyKind = partyCode(raw.party.kind);
    const responsibility = this.#definitions.responsibilityIndex(raw.responsibility);
    const buckets = this.#definitions.buckets(responsibility, entityCode(raw.entity.kind), partyKind);
    return { raw, entity, partyKey, partyKind, responsibility, buckets };
  }

  /** Number of records. */
  get size(): number {
    return this.#slots.size;
  }

  /** Whether a record with this id exists. */
  has(id: string): boolean {
    return this.#slots.has(id);
  }

  /** The record with this id, resolved. */
  record(id: string): CompiledRecord | undefined {
    const slot = this.#slots.get(id);
    return slot === undefined ? undefined : this.#slotView(slot);
  }

  /** Every record, in insertion order. */
  allRecords(): RelatedPartyRecord[] {
    return [...this.#slots.values()].map((slot) => this.#raw[slot] as RelatedPartyRecord);
  }

  /** The records on an entity, resolved, in insertion order. */
  recordsOn(entity: number): CompiledRecord[] {
    return entity < 0 ? [] : this.byEntity.slots(entity).map((slot) => this.#slotView(slot));
  }

  /** The records naming a party key, resolved. */
  recordsOfParty(key: number): CompiledRecord[] {
    return key < 0 ? [] : this.byParty.slots(key).map((slot) => this.#slotView(slot));
  }

  #slotView(slot: number): CompiledRecord {
    return this.#view(
      this.#raw[slot] as RelatedPartyRecord,
      this.recordEntity[slot] as number,
      this.recordParty[slot] as number,
    );
  }

  /** Indexes a record (replacing one with the same id). */
  add(raw: RelatedPartyRecord): void {
    if (this.#slots.has(raw.id)) this.remove(raw.id);
    this.#insert(raw);
  }

  /**
   * The initial load: slot i holds record i (one copy of the array, no free list), one map
   * operation per record. A duplicate id (malformed facts) shows as a map that did not grow; the
   * later record wins, as with `add`.
   */
  #load(records: readonly RelatedPartyRecord[]): void {
    const slots = this.#slots;
    this.#raw = records.slice();
    for (let slot = 0; slot < records.length; slot++) {
      const raw = records[slot] as RelatedPartyRecord;
      const size = slots.size;
      slots.set(raw.id, slot);
      this.#link(slot, raw);
      if (slots.size !== size) continue;
      const earlier = this.#raw.findIndex((r, i) => i !== slot && r?.id === raw.id);
      if (earlier >= 0) this.#removeSlot(earlier);
    }
  }

  #insert(raw: RelatedPartyRecord): void {
    const slot = this.#free.pop() ?? this.#raw.length;
    if (slot >= this.recordEntity.length) {
      this.recordEntity = grow(this.recordEntity, slot);
      this.recordParty = grow(this.recordParty, slot);
      this.recordBucket = grow(this.recordBucket, slot);
    }
    this.#raw[slot] = raw;
    this.#slots.set(raw.id, slot);
    this.#link(slot, raw);
  }

  /** Resolves the record in `slot` into the record columns, links it per entity and party, counts it. */
  #link(slot: number, raw: RelatedPartyRecord): void {
    const entity = this.entities.index(raw.entity);
    const partyKey = this.partyKey(raw.party.kind, raw.party.id);
    const responsibility = this.#definitions.responsibilityIndex(raw.responsibility);
    const bucket = this.#definitions.bucketSet(
      responsibility,
      entityCode(raw.entity.kind),
      partyCode(raw.party.kind),
    );
    this.recordEntity[slot] = entity;
    this.recordParty[slot] = partyKey;
    this.recordBucket[slot] = bucket;
    if (entity >= 0) this.byEntity.append(entity, slot);
    if (partyKey >= 0) this.byParty.append(partyKey, slot);
    this.#count(slot, 1);
  }

  /** Removes a record from every index; false when unknown. */
  remove(id: string): boolean {
    const slot = this.#slots.get(id);
    if (slot === undefined) return false;
    this.#slots.delete(id);
    this.#removeSlot(slot);
    return true;
  }

  #removeSlot(slot: number): void {
    this.#count(slot, -1);
    const entity = this.recordEntity[slot] as number;
    if (entity >= 0) this.byEntity.remove(entity, slot);
    const partyKey = this.recordParty[slot] as number;
    if (partyKey >= 0) this.byParty.remove(partyKey, slot);
    this.#raw[slot] = undefined;
    this.#free.push(slot);
  }

  /** Updates the reach counts of the principals the record could grant (same test both ways). */
  #count(slot: number, delta: number): void {
    const entity = this.recordEntity[slot] as number;
    const set = this.recordBucket[slot] as number;
    if (entity < 0 || set < 0) return;
    const ids = this.#definitions.bucketConfigs(set);
    const { configOk, configs } = this.table;
    const key = this.recordParty[slot] as number;
    const start = this.#partyStart;
    if (key < 0 || key + 1 >= start.length) return;
    const principals = this.#partyPrincipals;
    for (let i = start[key] as number, end = start[key + 1] as number; i < end; i++) {
      const p = principals[i] as number;
      const base = p * configs;
      for (let k = 0; k < ids.length; k++) {
        if (configOk[base + (ids[k] as number)] === 1) {
          this.reach.add(p, entity, delta);
          break;
        }
      }
    }
  }
}

const NO_PRINCIPALS = new Int32Array(0);

/** `[start, list]`: the principals behind each of `keys` party keys, flat, in principal order. */
function principalsByParty(principals: readonly PrincipalEntry[], keys: number): [Int32Array, Int32Array] {
  const start = new Int32Array(keys + 1);
  for (const p of principals) for (const key of p.partyKeys) start[key + 1] = (start[key + 1] as number) + 1;
  for (let key = 0; key < keys; key++) start[key + 1] = (start[key + 1] as number) + (start[key] as number);
  const list = new Int32Array(start[keys] as number);
  const fill = start.slice(0, keys);
  for (const p of principals)
    for (const key of p.partyKeys) {
      list[fill[key] as number] = p.index;
      fill[key] = (fill[key] as number) + 1;
    }
  return [start, list];
}
