/** Wire rows of the customer world → domain facts (DESIGN.md §4 columns, through the table map). */
import type { Row } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type { Account, Case, Contact, Consumer, InstallBaseItem, SoldProduct, User } from '../model/facts.js';

const text = (row: Row, column: string | undefined): string | undefined => {
  const value = column === undefined ? undefined : row[column]?.value;
  return value === undefined || value === '' ? undefined : value;
};
const label = (row: Row, column: string | undefined): string | undefined => {
  const field = column === undefined ? undefined : row[column];
  return field?.display || field?.value || undefined;
};

/** Adds a key only when the value is defined (the model's optional fields are absent, not undefined). */
function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

export function rowToCase(row: Row, map: TableMap): Case | undefined {
  const c = map.case.columns;
  const id = text(row, c.id);
  if (!id) return undefined;
  return {
    id,
    number: label(row, c.number) ?? id,
    ...opt('shortDescription', label(row, c.shortDescription)),
    ...opt('account', text(row, c.account)),
    ...opt('contact', text(row, c.contact)),
    ...opt('consumer', text(row, c.consumer)),
    ...opt('soldProduct', text(row, c.soldProduct)),
    ...opt('installBase', text(row, c.installBase)),
  };
}

export function rowToSoldProduct(row: Row, map: TableMap): SoldProduct | undefined {
  const c = map.soldProduct.columns;
  const id = text(row, c.id);
  if (!id) return undefined;
  return {
    id,
    name: label(row, c.name) ?? id,
    ...opt('account', text(row, c.account)),
    ...opt('consumer', text(row, c.consumer)),
  };
}

export function rowToInstallBaseItem(row: Row, map: TableMap): InstallBaseItem | undefined {
  const c = map.installBase.columns;
  const id = text(row, c.id);
  if (!id) return undefined;
  return {
    id,
    name: label(row, c.name) ?? id,
    ...opt('account', text(row, c.account)),
    ...opt('parent', text(row, c.parent)),
    ...opt('soldProduct', text(row, c.soldProduct)),
  };
}

export function rowToAccount(row: Row, map: TableMap, restricted: ReadonlySet<string>): Account | undefined {
  const c = map.account.columns;
  const id = text(row, c.id);
  if (!id) return undefined;
  return {
    id,
    name: label(row, c.name) ?? id,
    ...opt('parent', text(row, c.parent)),
    restrictContactAccess: restricted.has(id),
  };
}

export function rowToContact(row: Row, map: TableMap, roles: readonly string[]): Contact | undefined {
  const c = map.contact.columns;
  const id = text(row, c.id);
  if (!id) return undefined;
  return {
    id,
    name: label(row, c.name) ?? id,
    ...opt('email', text(row, c.email)),
    ...opt('account', text(row, c.account)),
    roles,
  };
}

export function rowToConsumer(row: Row, map: TableMap, roles: readonly string[]): Consumer | undefined {
  const c = map.consumer.columns;
  const id = text(row, c.id);
  if (!id) return undefined;
  return {
    id,
    name: label(row, c.name) ?? id,
    ...opt('email', text(row, c.email)),
    ...opt('household', text(row, c.household)),
    roles,
  };
}

export function rowToUser(row: Row, map: TableMap, roles: readonly string[]): User | undefined {
  const c = map.user.columns;
  const id = text(row, c.id);
  if (!id) return undefined;
  return { id, name: label(row, c.name) ?? id, ...opt('email', text(row, c.email)), roles };
}

export { text as fieldText };
