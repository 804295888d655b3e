/**
 * Many doubly linked lists over shared slots, in growable typed arrays: list `l` runs from
 * `head[l]` through `next[slot]` to -1. Appending and removing are O(1) and allocate nothing
 * (amortized), which keeps the record indexes compact and cheap to build.
 */
export class LinkedLists {
  head: Int32Array;
  tail: Int32Array;
  next: Int32Array;
  prev: Int32Array;

  constructor(lists: number, slots: number) {
    this.head = new Int32Array(Math.max(16, lists)).fill(-1);
    this.tail = new Int32Array(Math.max(16, lists)).fill(-1);
    this.next = new Int32Array(Math.max(16, slots)).fill(-1);
    this.prev = new Int32Array(Math.max(16, slots)).fill(-1);
  }

  /** Appends `slot` to list `list`. */
  append(list: number, slot: number): void {
    if (list >= this.head.length) {
      this.head = grow(this.head, list);
      this.tail = grow(this.tail, list);
    }
    if (slot >= this.next.length) {
      this.next = grow(this.next, slot);
      this.prev = grow(this.prev, slot);
    }
    const last = this.tail[list] as number;
    this.prev[slot] = last;
    this.next[slot] = -1;
    if (last === -1) this.head[list] = slot;
    else this.next[last] = slot;
    this.tail[list] = slot;
  }

  /** Unlinks `slot` from list `list`. */
  remove(list: number, slot: number): void {
    const before = this.prev[slot] as number;
    const after = this.next[slot] as number;
    if (before === -1) this.head[list] = after;
    else this.next[before] = after;
    if (after === -1) this.tail[list] = before;
    else this.prev[after] = before;
    this.next[slot] = this.prev[slot] = -1;
  }

  /** First slot of a list, or -1. */
  first(list: number): number {
    return list < this.head.length ? (this.head[list] as number) : -1;
  }

  /** The slots of a list, in order. */
  slots(list: number): number[] {
    const found: number[] = [];
    for (let slot = this.first(list); slot !== -1; slot = this.next[slot] as number) found.push(slot);
    return found;
  }
}

/** A copy at least large enough for index `at`, new cells -1. */
export function grow(array: Int32Array, at: number): Int32Array {
  let size = array.length * 2;
  while (size <= at) size *= 2;
  const bigger = new Int32Array(size).fill(-1);
  bigger.set(array);
  return bigger;
}
