import type { EntityRef, PrincipalRef } from '../model/index.js';
import { targetsOf } from './cascade.js';
import { evaluateMask, type Model } from './evaluate.js';
import { CASE, ENTITY_KIND_COUNT } from './kinds-index.js';
import { levelOfMask } from './levels.js';
import type { AccessEntry } from './types.js';

/**
 * Every entity a principal reaches with a level above none: candidates come from the records of
 * the parties it stands behind (and their cascades), the entities it owns, its account's assets and
 * its global roles; each candidate is then evaluated like `check`.
 */
export function accessFor(model: Model, principal: PrincipalRef): AccessEntry[] {
  const { index } = model;
  const pi = index.principalIndex(principal);
  const p = index.principals[pi];
  if (!p) return [];
  const { entities } = index;
  const candidates = new Set<number>();
  for (const key of p.partyKeys) {
    for (const record of index.recordsOfParty(key)) {
      if (record.entity < 0) continue;
      for (let table = 0; table < ENTITY_KIND_COUNT; table++) {
        if ((record.buckets[table]?.length ?? 0) === 0) continue;
        for (const target of targetsOf(entities, record.entity, table)) candidates.add(target);
      }
    }
  }
  const account = index.table.account(pi);
  for (let e = 0; e < entities.count; e++) {
    // Owned entities and the account's assets (rule 6): a linear pass over two typed arrays.
    if (entities.ownerContact[e] === pi || entities.ownerConsumer[e] === pi) candidates.add(e);
    else if (p.accountOpen && entities.account[e] === account && entities.kind[e] !== CASE) candidates.add(e);
  }
  for (let table = 0; table < ENTITY_KIND_COUNT; table++) {
    const range = entities.kindRanges[table];
    if ((p.global[table] ?? 0) === 0 || !range) continue;
    for (let e = range[0]; e < range[1]; e++) candidates.add(e);
  }
  const entries: AccessEntry[] = [];
  for (const e of [...candidates].sort((a, b) => a - b)) {
    const mask = evaluateMask(model, pi, e, null);
    if (mask !== 0) entries.push({ entity: entities.refs[e] as EntityRef, level: levelOfMask(mask) });
  }
  return entries;
}
