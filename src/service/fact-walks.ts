/**
 * Reading referenced records through the row that references them (dot-walked `sysparm_fields`,
 * e.g. `contact.account.name`), so the loader needs no request of their own for them.
 *
 * A record walked to is used only when the row proves it complete: the reference is set, the
 * walked id equals it (an empty one means the record is gone, or hidden from the user), and every
 * column asked for came back (the Table API omits what the user may not read, and what the
 * instance lacks). Otherwise the loader reads the record directly, as it would have without the
 * walk, so what it cannot read is still reported the same way.
 */
import type { Row } from '../client/types.js';

/** The columns of a referenced record to read through a reference column of the row read. */
export interface Walk {
  /** The reference on the row read: a column, or a column of a record walked to (`case.asset`). */
  readonly path: string;
  /** The table it points at, that table's id column, and the columns wanted from it. */
  readonly table: string;
  readonly idColumn: string;
  readonly columns: readonly string[];
}

/** The `sysparm_fields` entries a walk needs: the reference itself, the target's id and columns. */
export function walkFields(walks: readonly Walk[]): string[] {
  const fields = walks.flatMap((walk) => [
    walk.path,
    ...[walk.idColumn, ...walk.columns].map((column) => `${walk.path}.${column}`),
  ]);
  return [...new Set(fields)];
}

/** The record `walk` reaches from `row`, as a row of its own table; undefined unless complete. */
export function walkedRow(row: Row, walk: Walk): Row | undefined {
  const reference = row[walk.path]?.value;
  if (!reference) return undefined;
  if (row[`${walk.path}.${walk.idColumn}`]?.value !== reference) return undefined;
  const out: Record<string, Row[string]> = { [walk.idColumn]: { value: reference } };
  for (const column of walk.columns) {
    const key = `${walk.path}.${column}`;
    if (!(key in row)) return undefined;
    out[column] = row[key];
  }
  return out;
}

/** Walks of the same target columns from several references (`contact`, `partner_contact`…). */
export function walksTo(
  paths: readonly (string | undefined)[],
  target: { table: string; columns: Readonly<Record<string, string>> },
): Walk[] {
  const { id, ...rest } = target.columns as Readonly<Record<string, string>> & { id?: string };
  const idColumn = id ?? 'sys_id';
  const columns = Object.values(rest);
  return paths
    .filter((path): path is string => path !== undefined && path !== '')
    .map((path) => ({ path, table: target.table, idColumn, columns }));
}
