/** Small helpers the rules share. Pure. */
import type { EntityMention } from '../../access/types.js';
import { formatRef, type EntityRef, type PartyRef, type PrincipalRef } from '../../model/kinds.js';
import type { RelatedPartyRecord } from '../../model/facts.js';
import type { Finding, PartyMention } from '../types.js';
import type { ReviewWorld } from '../world.js';

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

/** An entity as a finding names it: its kind and label. */
export function mention(world: ReviewWorld, entity: EntityRef): EntityMention {
  return { kind: entity.kind, label: world.entityLabel(entity) };
}

/** A party as a finding names it: its kind and display name. */
export function partyMention(world: ReviewWorld, party: PartyRef): PartyMention {
  return { kind: party.kind, label: world.partyLabel(party) };
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
