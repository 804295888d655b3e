/** Parties still named on cases closed longer than the chosen number of days (default 90). */
import type { Finding } from '../types.js';
import type { ReviewWorld } from '../world.js';
import { mention, recordSubject, typeName } from './support.js';

const DAY_MS = 86_400_000;
export const DEFAULT_CLOSED_DAYS = 90;

export function closedRecordParties(
  world: ReviewWorld,
  now: number,
  closedDays = DEFAULT_CLOSED_DAYS,
): Finding[] {
  const findings: Finding[] = [];
  for (const record of world.scopeRecords()) {
    if (record.entity.kind !== 'case') continue;
    const closedAt = world.case(record.entity.id)?.closedAt;
    const closed = closedAt === undefined ? Number.NaN : Date.parse(closedAt);
    if (closedAt === undefined || !Number.isFinite(closed)) continue;
    const days = Math.floor((now - closed) / DAY_MS);
    if (days <= closedDays) continue;
    findings.push({
      id: `closed-record-party:${record.id}`,
      kind: 'closed-record-party',
      severity: record.responsibility === undefined ? 'low' : 'medium',
      detail: {
        code: 'closed-record-party',
        party: world.partyLabel(record.party),
        typeName: typeName(world, record),
        on: mention(world, record.entity),
        closedOn: closedAt.slice(0, 10),
        days,
        limit: closedDays,
      },
      fix: { action: 'remove', recordId: record.id },
      ...recordSubject(world, record),
    });
  }
  return findings;
}
