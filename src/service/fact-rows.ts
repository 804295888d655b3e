/**
 * Wire rows of the customer world → domain facts (columns named through the table map): the cases,
 * sold products and install base items here, the people and groups in people-rows.ts.
 */
import type { Row } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type { Case, InstallBaseItem, SoldProduct } from '../model/facts.js';

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
export function present<K extends string>(
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
export function identity(
  row: Row,
  columns: { id: string; name: string },
): { id: string; name: string } | undefined {
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

export { text as fieldText };
