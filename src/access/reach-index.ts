/**
 * Counts, per (principal, entity), the related-party records on that entity that could grant the
 * principal something (it stands behind the party and holds the roles of one of the record's
 * configs). `check` scans record objects only where the count is non-zero, so the common "no"
 * costs one probe per source entity. An open-addressing hash over typed arrays: compact, no
 * allocation on lookup, updated incrementally.
 */
export class ReachIndex {
  #principals: Int32Array;
  #entities: Int32Array;
  #counts: Int32Array;
  #mask: number;
  #used = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.#principals = new Int32Array(capacity).fill(-1);
    this.#entities = new Int32Array(capacity);
    this.#counts = new Int32Array(capacity);
    this.#mask = capacity - 1;
  }

  #slot(principal: number, entity: number): number {
    return (Math.imul(principal, 0x9e3779b1) ^ Math.imul(entity + 1, 0x85ebca77)) & this.#mask;
  }

  /** Records on `entity` that could grant `principal`. */
  count(principal: number, entity: number): number {
    const principals = this.#principals;
    for (let slot = this.#slot(principal, entity); ; slot = (slot + 1) & this.#mask) {
      const p = principals[slot] as number;
      if (p === -1) return 0;
      if (p === principal && this.#entities[slot] === entity) return this.#counts[slot] as number;
    }
  }

  /** Adds `delta` to the count of the pair. */
  add(principal: number, entity: number, delta: number): void {
    if (this.#used * 2 >= this.#mask) this.#grow();
    const principals = this.#principals;
    for (let slot = this.#slot(principal, entity); ; slot = (slot + 1) & this.#mask) {
      const p = principals[slot] as number;
      if (p === -1) {
        principals[slot] = principal;
        this.#entities[slot] = entity;
        this.#counts[slot] = delta;
        this.#used++;
        return;
      }
      if (p === principal && this.#entities[slot] === entity) {
        this.#counts[slot] = (this.#counts[slot] as number) + delta;
        return;
      }
    }
  }

  /** Doubles the table, dropping pairs whose count fell to zero (so no tombstones are needed). */
  #grow(): void {
    const principals = this.#principals;
    const entities = this.#entities;
    const counts = this.#counts;
    const live = counts.reduce((n, c) => (c !== 0 ? n + 1 : n), 0);
    let capacity = principals.length;
    while (live * 4 >= capacity) capacity *= 2;
    this.#principals = new Int32Array(capacity).fill(-1);
    this.#entities = new Int32Array(capacity);
    this.#counts = new Int32Array(capacity);
    this.#mask = capacity - 1;
    this.#used = 0;
    for (let slot = 0; slot < principals.length; slot++) {
      const count = counts[slot] as number;
      if (principals[slot] !== -1 && count !== 0)
        this.add(principals[slot] as number, entities[slot] as number, count);
    }
  }
}
