/**
 * Wire rows of the people and groups → domain facts (columns named through the table map):
 * accounts, contacts, consumers, users, households and service organizations with their members.
 * Read by the facts' people side and the access review, never before a list's first rows.
 */
import type { Row } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type { Account, Contact, Consumer, Household, ServiceOrganization, User } from '../model/facts.js';
import type { PrincipalRef } from '../model/kinds.js';
import { fieldText, identity, present } from './fact-rows.js';

export function rowToAccount(row: Row, map: TableMap, restricted: ReadonlySet<string>): Account | undefined {
  const c = map.account.columns;
  const named = identity(row, c);
  return (
    named && { ...named, ...present(row, c, ['parent']), restrictContactAccess: restricted.has(named.id) }
  );
}

export function rowToContact(row: Row, map: TableMap, roles: readonly string[]): Contact | undefined {
  const c = map.contact.columns;
  const named = identity(row, c);
  return named && { ...named, ...present(row, c, ['email', 'account']), roles };
}

export function rowToConsumer(row: Row, map: TableMap, roles: readonly string[]): Consumer | undefined {
  const c = map.consumer.columns;
  const named = identity(row, c);
  return named && { ...named, ...present(row, c, ['email', 'household']), roles };
}

export function rowToUser(row: Row, map: TableMap, roles: readonly string[]): User | undefined {
  const c = map.user.columns;
  const named = identity(row, c);
  return named && { ...named, ...present(row, c, ['email']), roles };
}

export function rowToHousehold(row: Row, map: TableMap): Household | undefined {
  return identity(row, map.household.columns);
}

/** Members per service organization id, as users (the caller tells contacts apart), from member rows. */
export function organizationMembers(memberRows: readonly Row[], map: TableMap): Map<string, PrincipalRef[]> {
  const { columns } = map.serviceOrganizationMember;
  const members = new Map<string, PrincipalRef[]>();
  for (const row of memberRows) {
    const organization = fieldText(row, columns.serviceOrganization);
    const user = fieldText(row, columns.user);
    if (!organization || !user) continue;
    members.set(organization, [...(members.get(organization) ?? []), { kind: 'user', id: user }]);
  }
  return members;
}

/** The organizations of `organizationRows`, each with its members (see `organizationMembers`). */
export function rowsToOrganizations(
  organizationRows: readonly Row[],
  members: ReadonlyMap<string, readonly PrincipalRef[]>,
  map: TableMap,
): ServiceOrganization[] {
  const { columns } = map.serviceOrganization;
  return organizationRows.flatMap((row) => {
    const id = fieldText(row, columns.id);
    if (!id) return [];
    return [{ id, name: row[columns.name]?.value ?? id, members: members.get(id) ?? [] }];
  });
}
