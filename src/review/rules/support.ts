/** Small helpers the rules share. Pure. */
import { formatRef, type PrincipalRef } from '../../model/kinds.js';
import type { RelatedPartyRecord } from '../../model/facts.js';
import type { Finding } from '../types.js';
import type { ReviewWorld } from '../world.js';

/** At most `max` lines, then "… and N more". */
export function capped(lines: readonly string[], max = 10): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max), `… and ${lines.length - max} more`];
}

/** The fields every finding about one related-party record carries. */
export function recordSubject(
  world: ReviewWorld,
  record: RelatedPartyRecord,
): Pick<Finding, 'entity' | 'entityLabel' | 'recordId' | 'party' | 'partyLabel'> {
  return {
    entity: record.entity,
    entityLabel: world.entityLabel(record.entity),
    recordId: record.id,
    party: record.party,
    partyLabel: world.partyLabel(record.party),
  };
}

/** "Authorized Contact" (the type's name, or its id when unknown). */
export function typeName(world: ReviewWorld, record: RelatedPartyRecord): string {
  return world.type(record.type)?.name ?? record.type;
}

export function principalLabel(world: ReviewWorld, principal: PrincipalRef): string {
  return world.person(principal)?.name ?? formatRef(principal);
}

/** True when removing the record lowers nobody's access anywhere. */
export function isRedundant(world: ReviewWorld, recordId: string): boolean {
  return world.engine.whatIf({ op: 'remove', recordId }).every((r) => r.before === r.after);
}
