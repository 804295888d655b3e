/**
 * Parties whose person can no longer sign in (`active` false), and contacts outside the account of
 * the record they are named on (neither its account, a parent nor a child account of it).
 */
import type { Finding } from '../types.js';
import type { ReviewWorld } from '../world.js';
import { recordSubject, typeName } from './support.js';

export function stalePersons(world: ReviewWorld): Finding[] {
  const findings: Finding[] = [];
  for (const record of world.scopeRecords()) {
    const { party } = record;
    if (party.kind !== 'contact' && party.kind !== 'consumer' && party.kind !== 'user') continue;
    const person = world.person({ kind: party.kind, id: party.id });
    if (!person) continue;
    const where = world.describeEntity(record.entity);
    const subject = recordSubject(world, record);
    const grants = record.responsibility !== undefined;
    if (person.active === false) {
      findings.push({
        id: `inactive-person:${record.id}`,
        kind: 'inactive-person',
        severity: grants ? 'high' : 'medium',
        summary: `${person.name} is inactive but still ${typeName(world, record)} on ${where}`,
        evidence: [
          `${party.kind} ${person.name} is marked inactive`,
          `party record ${record.id} names them on ${where}`,
        ],
        fix: { action: 'remove', recordId: record.id, text: `Remove ${person.name} from ${where}` },
        ...subject,
      });
      continue;
    }
    if (party.kind !== 'contact') continue;
    const entityAccount = world.entityAccount(record.entity);
    if (entityAccount === undefined) continue;
    const contactAccount = 'account' in person ? person.account : undefined;
    if (contactAccount !== undefined && world.accountFamily(entityAccount).has(contactAccount)) continue;
    const accountName = world.account(entityAccount)?.name ?? entityAccount;
    const now = contactAccount
      ? `contact ${person.name} now belongs to account ${world.account(contactAccount)?.name ?? contactAccount}`
      : `contact ${person.name} belongs to no account`;
    findings.push({
      id: `outside-account:${record.id}`,
      kind: 'outside-account',
      severity: grants ? 'medium' : 'low',
      summary: `${person.name} is ${typeName(world, record)} on ${where} but is not in its account ${accountName}`,
      evidence: [now, `${where} belongs to account ${accountName}`],
      fix: {
        action: 'remove',
        recordId: record.id,
        text: `Remove ${person.name} from ${where}, unless they work for ${accountName} as an outside party`,
      },
      ...subject,
    });
  }
  return findings;
}
