/**
 * The same person reached by several party records on one entity (named twice, or named and also a
 * member of an account / organization / household party). Suggests removing a record whose removal
 * lowers nobody's access (a "Listed" record or a narrower duplicate first).
 */
import { formatRef, type PrincipalRef } from '../../model/kinds.js';
import type { RelatedPartyRecord } from '../../model/facts.js';
import type { Finding } from '../types.js';
import type { ReviewWorld } from '../world.js';
import { isRedundant, mention, partyMention, principalLabel, typeName } from './support.js';

const PERSON_KINDS = new Set(['contact', 'consumer', 'user']);

export function duplicatePersons(world: ReviewWorld): Finding[] {
  const findings: Finding[] = [];
  for (const entity of world.scope) {
    const byPerson = new Map<string, { principal: PrincipalRef; records: RelatedPartyRecord[] }>();
    for (const record of world.recordsOn(entity)) {
      for (const principal of world.membersOf(record.party)) {
        const key = formatRef(principal);
        const entry = byPerson.get(key) ?? { principal, records: [] };
        entry.records.push(record);
        byPerson.set(key, entry);
      }
    }
    for (const { principal, records } of byPerson.values()) {
      if (records.length < 2) continue;
      // Person records without a responsibility first: they are the likeliest leftovers.
      const candidates = [...records].sort((a, b) => rank(a) - rank(b) || (b.order ?? 0) - (a.order ?? 0));
      const redundant = candidates.find((r) => PERSON_KINDS.has(r.party.kind) && isRedundant(world, r.id));
      findings.push({
        id: `duplicate-person:${formatRef(entity)}:${formatRef(principal)}`,
        kind: 'duplicate-person',
        severity: 'low',
        detail: {
          code: 'duplicate-person',
          person: principalLabel(world, principal),
          on: mention(world, entity),
          records: records.map((r) => ({
            recordId: r.id,
            typeName: typeName(world, r),
            ...(PERSON_KINDS.has(r.party.kind) ? {} : { memberOf: partyMention(world, r.party) }),
          })),
          ...(redundant
            ? { redundant: { recordId: redundant.id, typeName: typeName(world, redundant) } }
            : {}),
        },
        fix: redundant ? { action: 'remove', recordId: redundant.id } : { action: 'keep' },
        entity,
        entityLabel: world.entityLabel(entity),
        ...(redundant
          ? { recordId: redundant.id, party: redundant.party, partyLabel: world.partyLabel(redundant.party) }
          : {}),
        principals: [principal],
      });
    }
  }
  return findings;
}

function rank(record: RelatedPartyRecord): number {
  return record.responsibility === undefined ? 0 : 1;
}
