import type { EntityIndex } from './entity-index.js';
import { CASE, ENTITY_KIND_COUNT, INSTALL_BASE, SOLD_PRODUCT } from './kinds-index.js';

/**
 * Forward cascades (docs/access-rules.md, rule 4): the entities of kind `table` a related-party record on
 * entity `source` may grant on. An install base item reaches its subtree (parties live on the root
 * item), the sold products of that subtree and their cases; a sold product reaches its cases and
 * its install base items. `EntityIndex` holds the reverse (`sources`) for `check`.
 */
export function targetsOf(entities: EntityIndex, source: number, table: number): readonly number[] {
  const kind = entities.kind[source];
  if (kind === SOLD_PRODUCT) {
    if (table === SOLD_PRODUCT) return [source];
    if (table === CASE) return entities.casesBySoldProduct[source] ?? [];
    return entities.itemsBySoldProduct[source] ?? [];
  }
  if (kind === INSTALL_BASE) {
    const items = subtree(entities, source);
    if (table === INSTALL_BASE) return items;
    const found = new Set<number>();
    for (const item of items) {
      if (table === CASE) for (const c of entities.casesByItem[item] ?? []) found.add(c);
      else if ((entities.soldProduct[item] as number) >= 0) found.add(entities.soldProduct[item] as number);
    }
    return [...found];
  }
  return kind === CASE && table === CASE ? [source] : [];
}

/** Every entity a record on `source` may grant on, whatever the table. */
export function allTargetsOf(entities: EntityIndex, source: number): number[] {
  const found = new Set<number>([source]);
  for (let table = 0; table < ENTITY_KIND_COUNT; table++)
    for (const t of targetsOf(entities, source, table)) found.add(t);
  return [...found];
}

/** An install base item and its descendants (cycle-safe). */
export function subtree(entities: EntityIndex, root: number): number[] {
  const seen = new Set<number>([root]);
  const queue = [root];
  for (let head = 0; head < queue.length; head++) {
    for (const child of entities.childrenOfItem[queue[head] as number] ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        queue.push(child);
      }
    }
  }
  return queue;
}
