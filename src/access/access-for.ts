import type { EntityRef, PrincipalRef } from '../model/index.js';
import { targetsOf } from './cascade.js';
import { evaluateMask, type Model } from './evaluate.js';
import { CASE, ENTITY_KIND_COUNT } from './kinds-index.js';
import { levelOfMask } from './levels.js';
import { personaMask } from './persona.js';
import { PERSONA, PRINCIPAL_HOT } from './principals.js';
import type { AccessEntry } from './types.js';

/**
 * Every entity a principal reaches with a level above none: candidates come from the records of
 * the parties it stands behind (and their cascades), its account's assets, its scoped persona rows
 * and its global roles (persona rows of scope `all` included); each candidate is then evaluated
 * like `check`.
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
  const hot = index.table.hot;
  const scoped = ((hot[pi * PRINCIPAL_HOT + 2] as number) & PERSONA) !== 0;
  const global = hot[pi * PRINCIPAL_HOT + 1] as number;
  for (let table = 0; table < ENTITY_KIND_COUNT; table++) {
    const range = entities.kindRanges[table];
    if (!range) continue;
    if (((global >>> (3 * table)) & 7) !== 0) {
      for (let e = range[0]; e < range[1]; e++) candidates.add(e);
      continue;
    }
    // The account's assets (rule 6) and scoped persona rows: a linear pass over typed arrays.
    for (let e = range[0]; e < range[1]; e++) {
      if (p.accountOpen && table !== CASE && entities.account[e] === account) candidates.add(e);
      else if (scoped && personaMask(index, pi, account, e, table) !== 0) candidates.add(e);
    }
  }
  const entries: AccessEntry[] = [];
  for (const e of [...candidates].sort((a, b) => a - b)) {
    const mask = evaluateMask(model, pi, e, null);
    if (mask !== 0) entries.push({ entity: entities.refs[e] as EntityRef, level: levelOfMask(mask) });
  }
  return entries;
}
