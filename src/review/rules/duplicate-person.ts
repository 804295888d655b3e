/**
 * The same person reached by several party records on one entity (named twice, or named and also a
 * member of an account / organization / household party). Suggests removing a record whose removal
 * lowers nobody's access (a "Listed" record or a narrower duplicate first).
 */
import { formatRef, type PrincipalRef } from '../../model/kinds.js';
import type { RelatedPartyRecord } from '../../model/facts.js';
import type { Finding } from '../types.js';
import type { ReviewWorld } from '../world.js';
import { isRedundant, principalLabel, typeName } from './support.js';

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
      const name = principalLabel(world, principal);
      const where = world.describeEntity(entity);
      // Person records without a responsibility first: they are the likeliest leftovers.
      const candidates = [...records].sort((a, b) => rank(a) - rank(b) || (b.order ?? 0) - (a.order ?? 0));
      const redundant = candidates.find((r) => PERSON_KINDS.has(r.party.kind) && isRedundant(world, r.id));
      const evidence = records.map((r) =>
        PERSON_KINDS.has(r.party.kind)
          ? `named as ${typeName(world, r)} (record ${r.id})`
          : `member of ${world.describeParty(r.party)}, ${typeName(world, r)} (record ${r.id})`,
      );
      findings.push({
        id: `duplicate-person:${formatRef(entity)}:${formatRef(principal)}`,
        kind: 'duplicate-person',
        severity: 'low',
        summary: `${name} reaches ${where} through ${records.length} party records`,
        evidence,
        fix: redundant
          ? {
              action: 'remove',
              recordId: redundant.id,
              text: `Remove record ${redundant.id} (${typeName(world, redundant)}): nobody loses access`,
            }
          : {
              action: 'keep',
              text: 'Each record grants something the others do not: keep them, or merge them by hand',
            },
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
