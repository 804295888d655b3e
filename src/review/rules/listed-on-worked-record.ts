/**
 * A person named with a "Listed" type (one that carries no responsibility) on a record they are
 * expected to work on — the case's own contact or consumer, the consumer of a sold product, or the
 * contact or consumer of a case about the sold product or install base item — when an authorized
 * type of the same entity and party kind would give them more access.
 */
import type { RelationshipType } from '../../model/definitions.js';
import { compareLevels, type AccessLevel, type EntityRef, type PrincipalRef } from '../../model/kinds.js';
import type { EntityMention } from '../../access/types.js';
import type { Finding, FindingDetail } from '../types.js';
import type { ReviewWorld } from '../world.js';
import { mention, recordSubject, typeName } from './support.js';

type WorkReason = Extract<FindingDetail, { code: 'listed-on-worked-record' }>['work'];

export function listedOnWorkedRecords(world: ReviewWorld): Finding[] {
  const findings: Finding[] = [];
  for (const record of world.scopeRecords()) {
    const { party } = record;
    if (record.responsibility !== undefined) continue;
    if (party.kind !== 'contact' && party.kind !== 'consumer' && party.kind !== 'user') continue;
    const principal: PrincipalRef = { kind: party.kind, id: party.id };
    const why = workReason(world, record.entity, principal);
    if (!why) continue;
    const better = authorizedTypes(world, record.entity, party.kind)
      .map((type) => ({ type, gain: gainOf(world, record.id, type, principal) }))
      .find(({ gain }) => gain !== undefined);
    if (!better?.gain) continue;
    findings.push({
      id: `listed-on-worked-record:${record.id}`,
      kind: 'listed-on-worked-record',
      severity: 'medium',
      detail: {
        code: 'listed-on-worked-record',
        person: world.partyLabel(party),
        typeName: typeName(world, record),
        on: mention(world, record.entity),
        work: why,
        betterType: better.type.name,
        gain: better.gain,
      },
      fix: {
        action: 'change-type',
        recordId: record.id,
        type: { id: better.type.id, name: better.type.name },
      },
      ...recordSubject(world, record),
      principals: [principal],
    });
  }
  return findings;
}

/** Why the person is expected to work on the entity, or undefined. */
function workReason(world: ReviewWorld, entity: EntityRef, p: PrincipalRef): WorkReason | undefined {
  const person = world.person(p)?.name ?? p.id;
  if (p.kind !== 'contact' && p.kind !== 'consumer') return undefined;
  const as = p.kind;
  if (entity.kind === 'case') {
    const c = world.case(entity.id);
    if ((as === 'contact' && c?.contact === p.id) || (as === 'consumer' && c?.consumer === p.id))
      return { person, as, of: mention(world, entity) };
    return undefined;
  }
  if (entity.kind === 'sold_product' && as === 'consumer') {
    if (world.facts.soldProducts.some((s) => s.id === entity.id && s.consumer === p.id))
      return { person, as, of: mention(world, entity) };
  }
  const about = world.facts.cases.find(
    (c) =>
      (entity.kind === 'sold_product' ? c.soldProduct === entity.id : c.installBase === entity.id) &&
      ((as === 'contact' && c.contact === p.id) || (as === 'consumer' && c.consumer === p.id)),
  );
  return about ? { person, as, of: mention(world, entity), caseNumber: about.number } : undefined;
}

/** Types of this entity and party kind that carry a responsibility, "Authorized …" first. */
function authorizedTypes(world: ReviewWorld, entity: EntityRef, kind: string): RelationshipType[] {
  return world.engine.definitions.relationshipTypes
    .filter(
      (t) => t.appliesTo === entity.kind && t.partyType === kind && t.defaultResponsibility !== undefined,
    )
    .sort(
      (a, b) =>
        Number(!a.name.startsWith('Authorized')) - Number(!b.name.startsWith('Authorized')) ||
        (a.defaultOrder ?? 0) - (b.defaultOrder ?? 0) ||
        a.name.localeCompare(b.name),
    );
}

/** The first entity where the retype would raise the principal's level, or undefined. */
function gainOf(
  world: ReviewWorld,
  recordId: string,
  type: RelationshipType,
  principal: PrincipalRef,
): { on: EntityMention; before: AccessLevel; after: AccessLevel } | undefined {
  const change = { op: 'retype', recordId, type: type.id } as const;
  if (world.engine.validate(change).some((issue) => issue.severity === 'error')) return undefined;
  const raised = world.engine.whatIf(change, principal).find((r) => compareLevels(r.after, r.before) > 0);
  return raised && { on: mention(world, raised.entity), before: raised.before, after: raised.after };
}
