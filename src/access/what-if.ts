import type { EntityRef, PartyRef, PrincipalRef, RelatedPartyRecord } from '../model/index.js';
import { allTargetsOf } from './cascade.js';
import { evaluateMask, type Model, type Overlay } from './evaluate.js';
import type { CompiledRecord } from './facts-index.js';
import { levelOfMask } from './levels.js';
import type { PartyChange, WhatIfResult } from './types.js';

/** The record a retype would produce: the new type, and its default responsibility unless given. */
export function retypedRecord(
  model: Model,
  record: RelatedPartyRecord,
  type: string,
  responsibility: string | null | undefined,
): RelatedPartyRecord {
  const chosen =
    responsibility === undefined
      ? model.definitions.type(type)?.defaultResponsibility
      : (responsibility ?? undefined);
  const { responsibility: _old, ...rest } = record;
  return chosen === undefined ? { ...rest, type } : { ...rest, type, responsibility: chosen };
}

/** A change resolved to one entity's records after it, and the parties it concerns. */
interface Plan extends Overlay {
  readonly parties: readonly PartyRef[];
}

function plan(model: Model, change: PartyChange): Plan | undefined {
  const { index } = model;
  const replace = (entity: number, drop: string, add?: CompiledRecord): CompiledRecord[] => {
    const records = index.recordsOn(entity).filter((r) => r.raw.id !== drop);
    if (add) records.push(add);
    return records;
  };
  if (change.op === 'add') {
    const entity = index.entityIndex(change.record.entity);
    if (entity < 0) return undefined;
    const previous = index.record(change.record.id);
    const parties = previous ? [change.record.party, previous.raw.party] : [change.record.party];
    return {
      entity,
      records: replace(entity, change.record.id, index.compile(change.record, false)),
      parties,
    };
  }
  const existing = index.record(change.recordId);
  if (!existing || existing.entity < 0) return undefined;
  const after =
    change.op === 'remove'
      ? undefined
      : index.compile(retypedRecord(model, existing.raw, change.type, change.responsibility), false);
  return {
    entity: existing.entity,
    records: replace(existing.entity, existing.raw.id, after),
    parties: [existing.raw.party],
  };
}

/**
 * Access before and after a proposed change, for every principal the changed party stands for
 * (an account's contacts, an organization's members, a household's consumers) and every entity the
 * record cascades to. Entries for the changed entity itself are always listed (even unchanged);
 * cascaded entities only when the level changes. Nothing is mutated.
 */
export function whatIf(model: Model, change: PartyChange, only?: PrincipalRef): WhatIfResult[] {
  const proposal = plan(model, change);
  if (!proposal) return [];
  const { index } = model;
  const principals = new Set<number>();
  for (const party of proposal.parties) for (const p of index.principalsOf(party)) principals.add(p);
  const onlyIndex = only ? index.principalIndex(only) : -1;
  const entities = allTargetsOf(index.entities, proposal.entity);
  const results: WhatIfResult[] = [];
  for (const pi of principals) {
    if (only && pi !== onlyIndex) continue;
    const p = index.principals[pi];
    if (!p) continue;
    for (const ei of entities) {
      const before = levelOfMask(evaluateMask(model, pi, ei, null));
      const after = levelOfMask(evaluateMask(model, pi, ei, proposal));
      if (before !== after || ei === proposal.entity) {
        results.push({ principal: p.ref, entity: index.entities.refs[ei] as EntityRef, before, after });
      }
    }
  }
  return results;
}
