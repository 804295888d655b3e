import type { EntityKind, EntityRef, Facts } from '../model/index.js';
import { CASE, INSTALL_BASE, SOLD_PRODUCT, entityCode } from './kinds-index.js';

/** An entity as the cold paths (explain, validate) read it. */
export interface EntityEntry {
  readonly index: number;
  readonly ref: EntityRef;
  readonly kind: number;
  readonly label: string;
  readonly account: string | undefined;
  readonly parent: number;
}

type Lists = (number[] | undefined)[];

/**
 * Stride of `EntityIndex.hot`: kind, sources start, sources end, account, owner contact, owner
 * consumer, and two Bloom words of the reach index (32 bytes: half a cache line, aligned).
 */
export const HOT = 8;
/** Offset in `EntityIndex.hot` of the two Bloom words of the reach index. */
export const HOT_BLOOM = 6;

/**
 * Lists for `count` entities, allocated at full length: filled out of order, an array grown on
 * demand would fall back to slow dictionary elements.
 */
function emptyLists(count: number): Lists {
  return new Array<number[] | undefined>(count).fill(undefined);
}

function push(lists: Lists, at: number, value: number): void {
  if (at < 0) return;
  const list = lists[at];
  if (list) list.push(value);
  else lists[at] = [value];
}

/**
 * Cases, sold products and install base items as parallel typed arrays (the hot path reads a few
 * numbers per entity), with the cascade links both ways. Indexes are contiguous per kind.
 */
export class EntityIndex {
  readonly count: number;
  readonly refs: EntityRef[] = [];
  readonly labels: string[] = [];
  readonly accountIds: (string | undefined)[] = [];
  readonly kind: Uint8Array;
  /** Interned account, -1 when none. */
  readonly account: Int32Array;
  readonly soldProduct: Int32Array;
  readonly installBase: Int32Array;
  readonly parent: Int32Array;
  /** Principal index of the case's contact, of the case's or sold product's consumer, or -1. */
  readonly ownerContact: Int32Array;
  readonly ownerConsumer: Int32Array;
  /** Cases: principal index of the partner contact, interned partner account; -1 when none. */
  readonly partnerContact: Int32Array;
  readonly partnerAccount: Int32Array;
  /** Entities whose records may grant on entity e: `sourceList[sourceStart[e] … sourceStart[e+1])`, itself first. */
  readonly sourceStart: Int32Array;
  readonly sourceList: Int32Array;
  readonly casesBySoldProduct: Lists;
  readonly itemsBySoldProduct: Lists;
  readonly casesByItem: Lists;
  readonly childrenOfItem: Lists;
  /**
   * What `check` reads per entity, packed so one cache line serves it: at `e * HOT`, the kind, the
   * `[start, end)` of its sources, its account, its owner contact and owner consumer, the reach
   * index's Bloom words.
   */
  readonly hot: Int32Array;
  /** `[start, end)` per kind. */
  readonly kindRanges: readonly (readonly [number, number])[];
  readonly #ids: Record<EntityKind, Map<string, number>> = {
    case: new Map(),
    sold_product: new Map(),
    install_base: new Map(),
  };

  constructor(
    facts: Facts,
    account: (id: string | undefined) => number,
    principal: (kind: 'contact' | 'consumer', id: string | undefined) => number,
  ) {
    const { cases, soldProducts, installBase } = facts;
    const n = (this.count = cases.length + soldProducts.length + installBase.length);
    this.kind = new Uint8Array(n);
    this.casesBySoldProduct = emptyLists(n);
    this.itemsBySoldProduct = emptyLists(n);
    this.casesByItem = emptyLists(n);
    this.childrenOfItem = emptyLists(n);
    this.account = new Int32Array(n);
    this.soldProduct = new Int32Array(n).fill(-1);
    this.installBase = new Int32Array(n).fill(-1);
    this.parent = new Int32Array(n).fill(-1);
    this.ownerContact = new Int32Array(n).fill(-1);
    this.ownerConsumer = new Int32Array(n).fill(-1);
    this.partnerContact = new Int32Array(n).fill(-1);
    this.partnerAccount = new Int32Array(n).fill(-1);
    const add = (kind: EntityKind, id: string, label: string, accountId: string | undefined) => {
      const e = this.refs.length;
      this.#ids[kind].set(id, e);
      this.refs.push({ kind, id });
      this.labels.push(label);
      this.accountIds.push(accountId);
      this.kind[e] = entityCode(kind);
      this.account[e] = account(accountId);
      return e;
    };
    for (const c of cases) {
      const e = add('case', c.id, c.number, c.account);
      this.ownerContact[e] = principal('contact', c.contact);
      this.ownerConsumer[e] = principal('consumer', c.consumer);
      this.partnerContact[e] = principal('contact', c.partnerContact);
      this.partnerAccount[e] = account(c.partnerAccount);
    }
    for (const s of soldProducts)
      this.ownerConsumer[add('sold_product', s.id, s.name, s.account)] = principal('consumer', s.consumer);
    for (const i of installBase) add('install_base', i.id, i.name, i.account);
    const a = cases.length;
    const b = a + soldProducts.length;
    this.kindRanges = [
      [0, a],
      [a, b],
      [b, n],
    ];
    cases.forEach((c, i) => {
      const sp = (this.soldProduct[i] = this.indexOf(SOLD_PRODUCT, c.soldProduct));
      const item = (this.installBase[i] = this.indexOf(INSTALL_BASE, c.installBase));
      push(this.casesBySoldProduct, sp, i);
      push(this.casesByItem, item, i);
    });
    installBase.forEach((item, j) => {
      const e = b + j;
      const sp = (this.soldProduct[e] = this.indexOf(SOLD_PRODUCT, item.soldProduct));
      const parent = this.indexOf(INSTALL_BASE, item.parent);
      push(this.itemsBySoldProduct, sp, e);
      if (parent !== e) {
        this.parent[e] = parent;
        push(this.childrenOfItem, parent, e);
      }
    });
    [this.sourceStart, this.sourceList] = this.#sources();
    this.hot = new Int32Array(n * HOT);
    for (let e = 0, at = 0; e < n; e++, at += HOT) {
      this.hot[at] = this.kind[e] as number;
      this.hot[at + 1] = this.sourceStart[e] as number;
      this.hot[at + 2] = this.sourceStart[e + 1] as number;
      this.hot[at + 3] = this.account[e] as number;
      this.hot[at + 4] = this.ownerContact[e] as number;
      this.hot[at + 5] = this.ownerConsumer[e] as number;
    }
  }

  /** Index of an entity reference, or -1. */
  index(ref: EntityRef): number {
    // A switch, not `ids[ref.kind]`: a keyed load by a variable string is megamorphic (hot path).
    switch (ref.kind) {
      case 'case':
        return this.#ids.case.get(ref.id) ?? -1;
      case 'sold_product':
        return this.#ids.sold_product.get(ref.id) ?? -1;
      case 'install_base':
        return this.#ids.install_base.get(ref.id) ?? -1;
      default:
        return -1;
    }
  }

  /** Index by kind code and id, or -1. */
  indexOf(kind: number, id: string | undefined): number {
    if (id === undefined) return -1;
    const ids =
      kind === CASE
        ? this.#ids.case
        : kind === SOLD_PRODUCT
          ? this.#ids.sold_product
          : this.#ids.install_base;
    return ids.get(id) ?? -1;
  }

  /** The cold-path view of an entity, or undefined. */
  entry(e: number): EntityEntry | undefined {
    const ref = this.refs[e];
    if (ref === undefined) return undefined;
    return {
      index: e,
      ref,
      kind: this.kind[e] as number,
      label: this.labels[e] as string,
      account: this.accountIds[e],
      parent: this.parent[e] as number,
    };
  }

  /** The source entities of `e` (see `sourceList`). */
  sources(e: number): Int32Array {
    return this.sourceList.subarray(this.sourceStart[e], this.sourceStart[e + 1]);
  }

  /** The item and its ancestors (cycle-safe). */
  ancestorsOrSelf(item: number): number[] {
    const chain: number[] = [];
    for (let at = item; at >= 0 && !chain.includes(at); at = this.parent[at] as number) chain.push(at);
    return chain;
  }

  /**
   * Reverse of the cascades of `cascade.ts`, flattened. Item chains are walked straight into the
   * list (no array per entity): `#pushChain` stops where the chain meets an entry of the entity's
   * own span, which is where `ancestorsOrSelf` stops or where the rest is already listed.
   */
  #sources(): [Int32Array, Int32Array] {
    const start = new Int32Array(this.count + 1);
    const list: number[] = [];
    for (let e = 0; e < this.count; e++) {
      const from = list.length;
      start[e] = from;
      list.push(e);
      const kind = this.kind[e];
      const sp = this.soldProduct[e] as number;
      if (kind === CASE) {
        if (sp >= 0) list.push(sp);
        const item = this.installBase[e] as number;
        // The chain's own span: a case's sold product is never an item.
        if (item >= 0) this.#pushChain(list, list.length, item);
      } else if (kind === SOLD_PRODUCT) {
        for (const item of this.itemsBySoldProduct[e] ?? []) this.#pushChain(list, from, item);
      } else {
        this.#pushChain(list, from, this.parent[e] as number);
        if (sp >= 0) list.push(sp);
      }
    }
    start[this.count] = list.length;
    return [start, Int32Array.from(list)];
  }

  /** Pushes `item` and its ancestors up to the first one already in `list[from…]`. */
  #pushChain(list: number[], from: number, item: number): void {
    for (let at = item; at >= 0 && list.indexOf(at, from) < 0; at = this.parent[at] as number) list.push(at);
  }
}
