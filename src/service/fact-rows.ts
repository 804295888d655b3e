/** Wire rows of the customer world → domain facts (columns named through the table map). */
import type { Row } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type {
  Account,
  Case,
  Contact,
  Consumer,
  Household,
  InstallBaseItem,
  ServiceOrganization,
  SoldProduct,
  User,
} from '../model/facts.js';
import type { PrincipalRef } from '../model/kinds.js';

const text = (row: Row, column: string | undefined): string | undefined => {
  const value = column === undefined ? undefined : row[column]?.value;
  return value === undefined || value === '' ? undefined : value;
};
const label = (row: Row, column: string | undefined): string | undefined => {
  const field = column === undefined ? undefined : row[column];
  return field?.display || field?.value || undefined;
};

/**
 * The raw values of `keys` (references as sys_ids), each present only when set: the model's
 * optional fields are absent, never `undefined`.
 */
function present<K extends string>(
  row: Row,
  columns: Readonly<Record<K, string>>,
  keys: readonly K[],
): { [P in K]?: string } {
  const out: { [P in K]?: string } = {};
  for (const key of keys) {
    const value = text(row, columns[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The id and display name of a record (the name falls back to the id); undefined without an id. */
function identity(row: Row, columns: { id: string; name: string }): { id: string; name: string } | undefined {
  const id = text(row, columns.id);
  return id ? { id, name: label(row, columns.name) ?? id } : undefined;
}

export function rowToCase(row: Row, map: TableMap): Case | undefined {
  const c = map.case.columns;
  const id = text(row, c.id);
  if (!id) return undefined;
  const description = label(row, c.shortDescription);
  return {
    id,
    number: label(row, c.number) ?? id,
    ...(description === undefined ? {} : { shortDescription: description }),
    ...present(row, c, [
      'account',
      'contact',
      'consumer',
      'soldProduct',
      'installBase',
      'partnerAccount',
      'partnerContact',
    ]),
  };
}

export function rowToSoldProduct(row: Row, map: TableMap): SoldProduct | undefined {
  const c = map.soldProduct.columns;
  const named = identity(row, c);
  return named && { ...named, ...present(row, c, ['account', 'consumer']) };
}

export function rowToInstallBaseItem(row: Row, map: TableMap): InstallBaseItem | undefined {
  const c = map.installBase.columns;
  const named = identity(row, c);
  return named && { ...named, ...present(row, c, ['account', 'parent', 'soldProduct']) };
}

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

export { text as fieldText };

/** Members per service organization id, as users (the caller tells contacts apart), from member rows. */
export function organizationMembers(memberRows: readonly Row[], map: TableMap): Map<string, PrincipalRef[]> {
  const { columns } = map.serviceOrganizationMember;
  const members = new Map<string, PrincipalRef[]>();
  for (const row of memberRows) {
    const organization = text(row, columns.serviceOrganization);
    const user = text(row, columns.user);
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
    const id = text(row, columns.id);
    if (!id) return [];
    return [{ id, name: row[columns.name]?.value ?? id, members: members.get(id) ?? [] }];
  });
}
