/** Parties still named on cases closed longer than the chosen number of days (default 90). */
import type { Finding } from '../types.js';
import type { ReviewWorld } from '../world.js';
import { recordSubject, typeName } from './support.js';

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
    if (!Number.isFinite(closed)) continue;
    const days = Math.floor((now - closed) / DAY_MS);
    if (days <= closedDays) continue;
    const name = world.partyLabel(record.party);
    const where = world.describeEntity(record.entity);
    findings.push({
      id: `closed-record-party:${record.id}`,
      kind: 'closed-record-party',
      severity: record.responsibility === undefined ? 'low' : 'medium',
      summary: `${name} is still ${typeName(world, record)} on ${where}, closed ${days} days ago`,
      evidence: [`${where} was closed on ${closedAt?.slice(0, 10)} (${days} days ago, limit ${closedDays})`],
      fix: { action: 'remove', recordId: record.id, text: `Remove ${name} from ${where}` },
      ...recordSubject(world, record),
    });
  }
  return findings;
}
