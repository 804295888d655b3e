/**
 * Responsibility without the required role: a party record carries a responsibility, but the
 * person (or members of the group party) lacks a role its access configuration requires, so the
 * record grants nothing — the near miss agents do not see.
 */
import type { PrincipalRef } from '../../model/kinds.js';
import type { Finding } from '../types.js';
import type { ReviewWorld } from '../world.js';
import { capped, principalLabel, recordSubject, typeName } from './support.js';

export function responsibilityWithoutRole(world: ReviewWorld): Finding[] {
  const findings: Finding[] = [];
  for (const record of world.scopeRecords()) {
    if (record.responsibility === undefined) continue;
    const lacking: { principal: PrincipalRef; reason: string; roles: readonly string[]; none: boolean }[] =
      [];
    for (const principal of world.membersOf(record.party)) {
      const explanation = world.explain(principal, record.entity);
      const miss = explanation.nearMisses.find((m) => m.code === 'missing-role' && m.recordId === record.id);
      const granted = explanation.grants.some(
        (g) => g.source === 'related-party' && g.record.id === record.id,
      );
      if (miss && !granted) {
        const reason = `${principalLabel(world, principal)} ${miss.reason}`;
        lacking.push({
          principal,
          reason,
          roles: miss.missingRoles ?? [],
          none: explanation.level === 'none',
        });
      }
    }
    if (lacking.length === 0) continue;
    const roles = [...new Set(lacking.flatMap((l) => l.roles))];
    const where = world.describeEntity(record.entity);
    const party = world.describeParty(record.party);
    const group =
      record.party.kind === 'account' ||
      record.party.kind === 'service_organization' ||
      record.party.kind === 'household';
    const who = group
      ? `${lacking.length} of ${world.membersOf(record.party).length} members of ${party} lack`
      : `${party} lacks`;
    findings.push({
      id: `responsibility-without-role:${record.id}`,
      kind: 'responsibility-without-role',
      severity: lacking.some((l) => l.none) ? 'high' : 'medium',
      summary: `${typeName(world, record)} on ${where}: ${who} ${roles.join(', ')}, so the record grants them nothing`,
      evidence: capped(lacking.map((l) => l.reason)),
      fix: {
        action: 'keep',
        recordId: record.id,
        text: `Grant ${roles.join(', ')} to ${group ? 'the members who need access' : principalLabel(world, lacking[0]!.principal)}, or remove the party if no access is intended`,
      },
      ...recordSubject(world, record),
      principals: lacking.map((l) => l.principal),
    });
  }
  return findings;
}
