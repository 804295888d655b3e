import type { CompiledDefinitions } from './compiled-definitions.js';
import type { CompiledRecord, FactsIndex } from './facts-index.js';
import { CASE, ENTITY_KIND_COUNT, INSTALL_BASE } from './kinds-index.js';
import { CREATE, READ, WRITE, normalize } from './levels.js';
import { ACCOUNT_OPEN, OWNER_OK, type OwnerRoles, type PrincipalEntry } from './principals.js';

/** The records of one entity replaced, to evaluate a proposed change without touching the index. */
export interface Overlay {
  readonly entity: number;
  readonly records: readonly CompiledRecord[];
}

/** Definitions and facts, as the evaluators read them. */
export interface Model {
  readonly definitions: CompiledDefinitions;
  readonly index: FactsIndex;
  readonly ownerRoles: OwnerRoles;
}

/** Whether a principal stands behind a party key (itself, its account, household, organization). */
export function reaches(partyKeys: Int32Array, key: number): boolean {
  for (let i = 0; i < partyKeys.length; i++) if (partyKeys[i] === key) return true;
  return false;
}

/**
 * Rule 5: create on an install base's cases only when the contact shares the item's account (the
 * item the party record sits on: related parties live on the root item).
 */
export function createBlocked(model: Model, p: PrincipalEntry, source: number, table: number): boolean {
  const entities = model.index.entities;
  if (table !== CASE || entities.kind[source] !== INSTALL_BASE || !p.isContact) return false;
  return p.account === undefined || p.account !== entities.accountIds[source];
}

/** Permissions the related-party records of one source entity give `p` on a `table` entity. */
function recordsMask(
  model: Model,
  p: PrincipalEntry,
  source: number,
  table: number,
  records: readonly CompiledRecord[],
): number {
  const configMasks = model.definitions.configMasks;
  const configOk = p.configOk;
  let mask = 0;
  for (let j = 0; j < records.length; j++) {
    const record = records[j] as CompiledRecord;
    const ids = record.buckets[table] as Int32Array;
    if (ids.length === 0 || !reaches(p.partyKeys, record.partyKey)) continue;
    for (let k = 0; k < ids.length; k++) {
      const c = ids[k] as number;
      if (configOk[c] === 0) continue;
      let m = configMasks[c] as number;
      if ((m & CREATE) !== 0 && createBlocked(model, p, source, table)) m &= ~CREATE;
      mask |= m;
    }
  }
  return mask;
}

/**
 * The permission mask of principal `p` on entity `e`: related-party paths (capped by granular
 * roles), the account default (rule 6), the owner, and global roles. Reads typed arrays and
 * touches record objects only where the reach index says a record could grant; allocates nothing.
 */
export function evaluateMask(model: Model, p: number, e: number, overlay: Overlay | null): number {
  const { entities, table: principals, reach } = model.index;
  const table = entities.kind[e] as number;
  const sources = entities.sourceList;
  let mask = 0;
  for (let i = entities.sourceStart[e] as number, end = entities.sourceStart[e + 1] as number; i < end; i++) {
    const s = sources[i] as number;
    if (overlay !== null && overlay.entity === s) {
      mask |= recordsMask(model, model.index.principals[p] as PrincipalEntry, s, table, overlay.records);
    } else if (reach.count(p, s) !== 0) {
      const records = model.index.recordsByEntity[s] as CompiledRecord[];
      mask |= recordsMask(model, model.index.principals[p] as PrincipalEntry, s, table, records);
    }
  }
  const cap = principals.cap[p * ENTITY_KIND_COUNT + table] as number;
  mask &= cap;
  const flags = principals.flags[p] as number;
  if (table !== CASE && (flags & ACCOUNT_OPEN) !== 0 && entities.account[e] === principals.account[p])
    mask |= READ & cap;
  if ((flags & OWNER_OK) !== 0 && (entities.ownerContact[e] === p || entities.ownerConsumer[e] === p)) {
    mask |= table === CASE ? READ | WRITE : READ;
  }
  return normalize(mask | (principals.global[p * ENTITY_KIND_COUNT + table] as number));
}
