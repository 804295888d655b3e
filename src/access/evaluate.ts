import type { CompiledDefinitions } from './compiled-definitions.js';
import type { CompiledRecord, FactsIndex } from './facts-index.js';
import { HOT, HOT_BLOOM } from './entity-index.js';
import { CASE, INSTALL_BASE } from './kinds-index.js';
import { CREATE, READ, normalize } from './levels.js';
import { personaMask } from './persona.js';
import { ACCOUNT_OPEN, PERSONA, PRINCIPAL_HOT, type PrincipalEntry } from './principals.js';

/** The records of one entity replaced, to evaluate a proposed change without touching the index. */
export interface Overlay {
  readonly entity: number;
  readonly records: readonly CompiledRecord[];
}

/** Definitions and facts, as the evaluators read them. */
export interface Model {
  readonly definitions: CompiledDefinitions;
  readonly index: FactsIndex;
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

/** Permissions the configs `ids` give `p` (create removed per rule 5). */
function configsMask(
  model: Model,
  p: PrincipalEntry,
  source: number,
  table: number,
  ids: Int32Array,
): number {
  const configMasks = model.definitions.configMasks;
  let mask = 0;
  for (let k = 0; k < ids.length; k++) {
    const c = ids[k] as number;
    if (p.configOk[c] === 0) continue;
    let m = configMasks[c] as number;
    if ((m & CREATE) !== 0 && createBlocked(model, p, source, table)) m &= ~CREATE;
    mask |= m;
  }
  return mask;
}

/** Permissions the indexed records on `source` give `p` on a `table` entity. */
function slotsMask(model: Model, p: PrincipalEntry, source: number, table: number): number {
  const { byEntity, recordBucket, recordParty } = model.index;
  const next = byEntity.next;
  let mask = 0;
  for (let slot = byEntity.first(source); slot !== -1; slot = next[slot] as number) {
    const set = recordBucket[slot] as number;
    if (set < 0) continue;
    const ids = model.definitions.bucket(set, table);
    if (ids.length !== 0 && reaches(p.partyKeys, recordParty[slot] as number))
      mask |= configsMask(model, p, source, table, ids);
  }
  return mask;
}

/** Permissions proposed records (an overlay) give `p` on a `table` entity. */
function overlayMask(
  model: Model,
  p: PrincipalEntry,
  source: number,
  table: number,
  records: readonly CompiledRecord[],
): number {
  let mask = 0;
  for (const record of records) {
    const ids = record.buckets[table] as Int32Array;
    if (ids.length !== 0 && reaches(p.partyKeys, record.partyKey))
      mask |= configsMask(model, p, source, table, ids);
  }
  return mask;
}

/**
 * The permission mask of principal `p` on entity `e`: related-party paths (capped by granular
 * roles), the account default (rule 6), scoped persona rows, and global roles with persona rows of
 * scope `all`. Reads typed arrays and
 * touches record objects only where the reach index says a record could grant; allocates nothing.
 */
export function evaluateMask(model: Model, p: number, e: number, overlay: Overlay | null): number {
  const { entities, reach } = model.index;
  const eHot = entities.hot;
  const pHot = model.index.table.hot;
  const eAt = e * HOT;
  const pAt = p * PRINCIPAL_HOT;
  const table = eHot[eAt] as number;
  const sources = entities.sourceList;
  const word = HOT_BLOOM + ((p >>> 5) & 1);
  const bit = 1 << (p & 31);
  let mask = 0;
  // Sources are the entity itself, then `sourceList[start + 1 … end)`: no load for the first.
  const end = eHot[eAt + 2] as number;
  for (let i = eHot[eAt + 1] as number, s = e; ; s = sources[i] as number) {
    if (overlay !== null && overlay.entity === s) {
      mask |= overlayMask(model, model.index.principals[p] as PrincipalEntry, s, table, overlay.records);
    } else if (((eHot[s * HOT + word] as number) & bit) !== 0 && reach.count(p, s) !== 0) {
      mask |= slotsMask(model, model.index.principals[p] as PrincipalEntry, s, table);
    }
    if (++i >= end) break;
  }
  const shift = 3 * table;
  const cap = ((pHot[pAt] as number) >>> shift) & 7;
  mask &= cap;
  const flags = pHot[pAt + 2] as number;
  if (table !== CASE && (flags & ACCOUNT_OPEN) !== 0 && eHot[eAt + 3] === pHot[pAt + 3]) mask |= READ & cap;
  if ((flags & PERSONA) !== 0) mask |= personaMask(model.index, p, pHot[pAt + 3] as number, e, table);
  return normalize(mask | (((pHot[pAt + 1] as number) >>> shift) & 7));
}
