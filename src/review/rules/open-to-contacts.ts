/**
 * Records opened to every contact of an account: an account named as a party with a responsibility
 * (all its contacts reach the record), and accounts without Restrict Contact Access (all their
 * contacts read the account's sold products and install base). Each with the number of contacts.
 */
import { formatRef } from '../../model/kinds.js';
import type { Finding } from '../types.js';
import type { ReviewWorld } from '../world.js';
import { capped, recordSubject, typeName } from './support.js';

export function accountParties(world: ReviewWorld): Finding[] {
  const findings: Finding[] = [];
  for (const record of world.scopeRecords()) {
    if (record.party.kind !== 'account' || record.responsibility === undefined) continue;
    const contacts = world.contactsOf(record.party.id).length;
    const gainers = new Set(
      world.engine
        .whatIf({ op: 'remove', recordId: record.id })
        .filter((r) => r.before !== r.after)
        .map((r) => formatRef(r.principal)),
    ).size;
    const account = world.partyLabel(record.party);
    const where = world.describeEntity(record.entity);
    findings.push({
      id: `account-party:${record.id}`,
      kind: 'account-party',
      severity: gainers > 0 ? 'medium' : 'low',
      summary: `Account ${account} is ${typeName(world, record)} on ${where}: the record is open to all ${contacts} of its contacts`,
      evidence: [
        `${contacts} contact${contacts === 1 ? '' : 's'} of account ${account} are reached by record ${record.id}`,
        `${gainers} of them get access only through it`,
      ],
      fix: {
        action: 'remove',
        recordId: record.id,
        text: `Name the contacts who need access, then remove account ${account} from ${where}`,
      },
      ...recordSubject(world, record),
      count: contacts,
    });
  }
  return findings;
}

export function openAccounts(world: ReviewWorld): Finding[] {
  const assets = new Map<string, string[]>();
  for (const entity of world.scope) {
    if (entity.kind === 'case') continue;
    const account = world.entityAccount(entity);
    if (account === undefined) continue;
    assets.set(account, [...(assets.get(account) ?? []), world.describeEntity(entity)]);
  }
  const findings: Finding[] = [];
  for (const [id, items] of assets) {
    const account = world.account(id);
    if (!account || account.restrictContactAccess === true) continue;
    const contacts = world.contactsOf(id).length;
    findings.push({
      id: `open-account:${id}`,
      kind: 'open-account',
      severity: 'medium',
      summary: `Account ${account.name} does not restrict contact access: all ${contacts} of its contacts read its ${items.length} sold products and install base items`,
      evidence: [
        `Restrict Contact Access is off for account ${account.name}`,
        ...capped(
          items.map((item) => `${item} is readable by every contact of the account`),
          5,
        ),
      ],
      fix: {
        action: 'keep',
        text: `Turn on Restrict Contact Access for account ${account.name} (account access settings), then name the contacts who need each product`,
      },
      party: { kind: 'account', id },
      partyLabel: account.name,
      count: contacts,
    });
  }
  return findings;
}
