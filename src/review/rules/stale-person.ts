/**
 * Parties whose person can no longer sign in (`active` false), and contacts outside the account of
 * the record they are named on (neither its account, a parent nor a child account of it).
 */
import type { Finding } from '../types.js';
import type { ReviewWorld } from '../world.js';
import { mention, recordSubject, typeName } from './support.js';

export function stalePersons(world: ReviewWorld): Finding[] {
  const findings: Finding[] = [];
  for (const record of world.scopeRecords()) {
    const { party } = record;
    if (party.kind !== 'contact' && party.kind !== 'consumer' && party.kind !== 'user') continue;
    const person = world.person({ kind: party.kind, id: party.id });
    if (!person) continue;
    const subject = recordSubject(world, record);
    const grants = record.responsibility !== undefined;
    if (person.active === false) {
      findings.push({
        id: `inactive-person:${record.id}`,
        kind: 'inactive-person',
        severity: grants ? 'high' : 'medium',
        detail: {
          code: 'inactive-person',
          personKind: party.kind,
          person: person.name,
          typeName: typeName(world, record),
          on: mention(world, record.entity),
          recordId: record.id,
        },
        fix: { action: 'remove', recordId: record.id },
        ...subject,
      });
      continue;
    }
    if (party.kind !== 'contact') continue;
    const entityAccount = world.entityAccount(record.entity);
    if (entityAccount === undefined) continue;
    const contactAccount = 'account' in person ? person.account : undefined;
    if (contactAccount !== undefined && world.accountFamily(entityAccount).has(contactAccount)) continue;
    findings.push({
      id: `outside-account:${record.id}`,
      kind: 'outside-account',
      severity: grants ? 'medium' : 'low',
      detail: {
        code: 'outside-account',
        person: person.name,
        typeName: typeName(world, record),
        on: mention(world, record.entity),
        account: world.account(entityAccount)?.name ?? entityAccount,
        ...(contactAccount ? { personAccount: world.account(contactAccount)?.name ?? contactAccount } : {}),
      },
      fix: { action: 'remove', recordId: record.id },
      ...subject,
    });
  }
  return findings;
}
