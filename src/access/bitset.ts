/** Fixed-width bitsets over interned ids (role closures, roles required). Internal. */

/** Number of 32-bit words for `size` bits. */
export function wordsFor(size: number): number {
  return Math.max(1, Math.ceil(size / 32));
}

/** Sets bit `id`. */
export function setBit(bits: Uint32Array, id: number): void {
  bits[id >>> 5] = (bits[id >>> 5] ?? 0) | (1 << (id & 31));
}

/** Tests bit `id`. */
export function hasBit(bits: Uint32Array, id: number): boolean {
  return ((bits[id >>> 5] ?? 0) & (1 << (id & 31))) !== 0;
}

/** `target |= source`. */
export function orInto(target: Uint32Array, source: Uint32Array): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] ?? 0) | (source[i] ?? 0);
}

/** True when every bit of `required` is in `held`. */
export function containsAll(held: Uint32Array, required: Uint32Array): boolean {
  for (let i = 0; i < required.length; i++) {
    const need = required[i] ?? 0;
    if ((need & (held[i] ?? 0)) !== need) return false;
  }
  return true;
}

/** Ids of the set bits, ascending. */
export function bitIds(bits: Uint32Array): number[] {
  const ids: number[] = [];
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w] ?? 0;
    while (word !== 0) {
      const low = word & -word;
      ids.push(w * 32 + 31 - Math.clz32(low));
      word ^= low;
    }
  }
  return ids;
}
