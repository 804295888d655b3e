/**
 * A grant path of the engine's explanation in a few words, with its kind. Kinds the review does not
 * know (a grant source added to the engine later, e.g. persona roles) pass through unchanged, with a
 * label built from the fields they carry, so the matrix always shows every path.
 */
import type { GrantPath } from '../access/types.js';
import type { AccessLevel } from '../model/kinds.js';
import type { AccessPath } from './types.js';

const ENTITY_WORDS: Readonly<Record<string, string>> = {
  case: 'case',
  sold_product: 'sold product',
  install_base: 'install base item',
};

export function pathOf(grant: GrantPath): AccessPath {
  const raw = grant as unknown as Readonly<Record<string, unknown>>;
  const level = (typeof raw['level'] === 'string' ? raw['level'] : 'none') as AccessLevel;
  if (grant.source === 'related-party') {
    const { record, reach, cascade, responsibility } = grant;
    const via =
      reach.via === 'account'
        ? ` through account ${reach.accountName}`
        : reach.via === 'service_organization'
          ? ` through service organization ${reach.organizationName}`
          : reach.via === 'household'
            ? ` through household ${reach.householdName}`
            : '';
    const on = cascade
      ? ` on ${ENTITY_WORDS[cascade.from.kind] ?? cascade.from.kind} ${cascade.fromLabel}`
      : '';
    const kind = cascade
      ? 'cascade'
      : reach.via === 'direct'
        ? 'party-record'
        : `${reach.via.replace('_', '-')}-party`;
    return {
      kind,
      label: `${record.typeName} (${responsibility.name})${via}${on}`,
      level,
      recordId: record.id,
    };
  }
  if (grant.source === 'owner') return { kind: 'owner', label: `the record's own ${grant.field}`, level };
  if (grant.source === 'account-default')
    return { kind: 'account-default', label: `every contact of account ${grant.accountName}`, level };
  if (grant.source === 'global-role') return { kind: 'global-role', label: `role ${grant.role.role}`, level };
  if (grant.source === 'persona') {
    const { match } = grant;
    const scope = match.scope.replace('_', ' ');
    const where = 'accountName' in match && match.accountName ? `${scope} ${match.accountName}` : scope;
    return { kind: 'persona-role', label: `${grant.grant.role} (${where})`, level };
  }
  return genericPath(raw, level);
}

/** A path of a kind this module does not know: its source and whatever names it carries. */
function genericPath(raw: Readonly<Record<string, unknown>>, level: AccessLevel): AccessPath {
  const kind = typeof raw['source'] === 'string' ? raw['source'] : 'other';
  const words: string[] = [];
  for (const key of ['persona', 'name', 'role', 'scope']) {
    const value = raw[key];
    if (typeof value === 'string') words.push(value);
    else if (value && typeof value === 'object') {
      const inner = value as Record<string, unknown>;
      const text = inner['name'] ?? inner['role'] ?? inner['title'];
      if (typeof text === 'string') words.push(text);
    }
  }
  const label = [kind.replace(/-/g, ' '), ...new Set(words)].join(': ');
  return { kind, label, level };
}
