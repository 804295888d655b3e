/**
 * Responsibility without the required role: a party record carries a responsibility, but the
 * person (or members of the group party) lacks a role its access configuration requires, so the
 * record grants nothing — the near miss agents do not see.
 */
import type { NearMissDetail } from '../../access/types.js';
import type { PrincipalRef } from '../../model/kinds.js';
import type { Finding } from '../types.js';
import type { ReviewWorld } from '../world.js';
import { mention, partyMention, principalLabel, recordSubject, typeName } from './support.js';

/** How many of the people lacking a role the finding names (each with the engine's near miss). */
const LACKING_NAMED = 10;

export function responsibilityWithoutRole(world: ReviewWorld): Finding[] {
  const findings: Finding[] = [];
  for (const record of world.scopeRecords()) {
    if (record.responsibility === undefined) continue;
    const lacking: {
      principal: PrincipalRef;
      miss: NearMissDetail;
      roles: readonly string[];
      none: boolean;
    }[] = [];
    for (const principal of world.membersOf(record.party)) {
      const explanation = world.explain(principal, record.entity);
      const miss = explanation.nearMisses.find((m) => m.code === 'missing-role' && m.recordId === record.id);
      const granted = explanation.grants.some(
        (g) => g.source === 'related-party' && g.record.id === record.id,
      );
      if (miss && !granted) {
        lacking.push({
          principal,
          miss: miss.detail,
          roles: miss.missingRoles ?? [],
          none: explanation.level === 'none',
        });
      }
    }
    if (lacking.length === 0) continue;
    const roles = [...new Set(lacking.flatMap((l) => l.roles))];
    const group =
      record.party.kind === 'account' ||
      record.party.kind === 'service_organization' ||
      record.party.kind === 'household';
    findings.push({
      id: `responsibility-without-role:${record.id}`,
      kind: 'responsibility-without-role',
      severity: lacking.some((l) => l.none) ? 'high' : 'medium',
      detail: {
        code: 'responsibility-without-role',
        typeName: typeName(world, record),
        on: mention(world, record.entity),
        party: partyMention(world, record.party),
        ...(group ? { members: world.membersOf(record.party).length } : {}),
        roles,
        lackingCount: lacking.length,
        lacking: lacking
          .slice(0, LACKING_NAMED)
          .map((l) => ({ name: principalLabel(world, l.principal), miss: l.miss })),
      },
      fix: { action: 'keep', recordId: record.id },
      ...recordSubject(world, record),
      principals: lacking.map((l) => l.principal),
    });
  }
  return findings;
}
