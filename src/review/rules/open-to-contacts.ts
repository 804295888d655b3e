/**
 * Records opened to every contact of an account: an account named as a party with a responsibility
 * (all its contacts reach the record), and accounts without Restrict Contact Access (all their
 * contacts read the account's sold products and install base). Each with the number of contacts.
 */
import { formatRef, type EntityRef } from '../../model/kinds.js';
import type { Finding } from '../types.js';
import type { ReviewWorld } from '../world.js';
import { mention, recordSubject, typeName } from './support.js';

/** `open-account`: how many of the account's items the finding names. */
const ITEMS_NAMED = 5;

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
    findings.push({
      id: `account-party:${record.id}`,
      kind: 'account-party',
      severity: gainers > 0 ? 'medium' : 'low',
      detail: {
        code: 'account-party',
        account: world.partyLabel(record.party),
        typeName: typeName(world, record),
        on: mention(world, record.entity),
        recordId: record.id,
        contacts,
        onlyThrough: gainers,
      },
      fix: { action: 'remove', recordId: record.id },
      ...recordSubject(world, record),
      count: contacts,
    });
  }
  return findings;
}

export function openAccounts(world: ReviewWorld): Finding[] {
  const assets = new Map<string, EntityRef[]>();
  for (const entity of world.scope) {
    if (entity.kind === 'case') continue;
    const account = world.entityAccount(entity);
    if (account === undefined) continue;
    assets.set(account, [...(assets.get(account) ?? []), entity]);
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
      detail: {
        code: 'open-account',
        account: account.name,
        contacts,
        itemCount: items.length,
        items: items.slice(0, ITEMS_NAMED).map((item) => mention(world, item)),
      },
      fix: { action: 'keep' },
      party: { kind: 'account', id },
      partyLabel: account.name,
      count: contacts,
    });
  }
  return findings;
}
