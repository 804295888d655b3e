/**
 * Formats a stored record for the wire, per `sysparm_fields`, `sysparm_display_value` and
 * `sysparm_exclude_reference_link`, the way the platform does:
 * - false (default): plain values; references `{link, value}` (plain sys_id with exclude);
 * - true: display values; references `{display_value, link}` (plain display with exclude);
 * - all: every field `{display_value, value}`, references with `link` too (unless excluded).
 * Empty references are `""` (or `{display_value:"", value:""}` with all): no link to nothing.
 * Fields the current user may not read are omitted (the platform omits, never nulls, them).
 * Dot-walked fields (`contact.account.name`) follow references as the platform does: an empty or
 * dangling reference on the way gives an empty value; a path through a column the user may not read,
 * or into a table the user may not read, is omitted; an unknown path is omitted.
 */
import { fieldType, fieldValue } from '../store/query-eval.js';
import type { TableRecord, TableStore } from '../store/table-store.js';
import type { ReadParams } from './params.js';

export type WireValue = string | Readonly<Record<string, string>>;
export type WireRecord = Readonly<Record<string, WireValue>>;

type Format = Pick<ReadParams, 'fields' | 'displayValue' | 'excludeReferenceLink'>;

export interface FormatContext {
  readonly store: TableStore;
  readonly table: string;
  /** Origin of the request, for absolute reference links. */
  readonly origin: string;
  /** Fields omitted for the current user (fault control's ACL emulation). */
  readonly omitted: readonly string[];
  /** Fields omitted for the current user in another table (dot-walks); default: none. */
  readonly omittedIn?: (table: string) => readonly string[];
  /** Tables the current user may not read (dot-walks into them are omitted); default: none. */
  readonly forbidden?: (table: string) => boolean;
}

/** One record in wire form. */
export function formatRecord(context: FormatContext, record: TableRecord, params: Format): WireRecord {
  const out: Record<string, WireValue> = {};
  const fields = params.fields ?? Object.keys(record);
  for (const path of fields) {
    if (context.omitted.includes(path.split('.')[0] as string)) continue;
    if (path.includes('.') && !walkReadable(context, record, path)) continue;
    const type = fieldType(context.store, context.table, path);
    if (type === undefined) continue;
    const value = fieldValue(context.store, context.table, record, path);
    out[path] = type === 'reference' ? reference(context, record, path, value, params) : plain(value, params);
  }
  return out;
}

function plain(value: string, params: Format): WireValue {
  return params.displayValue === 'all' ? { display_value: value, value } : value;
}

function reference(
  context: FormatContext,
  record: TableRecord,
  path: string,
  value: string,
  params: Format,
): WireValue {
  const all = params.displayValue === 'all';
  if (value === '') return all ? { display_value: '', value: '' } : '';
  const { table, column } = owner(context, record, path);
  const resolved = context.store.resolveReference(table, column, value);
  const target = resolved?.table ?? context.store.schema(table)?.columns[column]?.targets?.[0] ?? table;
  const display = resolved ? context.store.displayValue(resolved.table, resolved.record) : '';
  const link = `${context.origin}/api/now/table/${target}/${value}`;
  if (all)
    return params.excludeReferenceLink
      ? { display_value: display, value }
      : { display_value: display, value, link };
  if (params.displayValue === 'true')
    return params.excludeReferenceLink ? display : { display_value: display, link };
  return params.excludeReferenceLink ? value : { link, value };
}

/**
 * Whether every step of a dot-walked path may be read: each column on the way is readable in its
 * table, and no table walked into is forbidden. The table of a step is the one the reference
 * resolves to (a principal may be a user, a contact or a consumer), else the declared target.
 */
function walkReadable(context: FormatContext, record: TableRecord, path: string): boolean {
  const parts = path.split('.');
  let table = context.table;
  let current: TableRecord | undefined = record;
  for (const [index, part] of parts.entries()) {
    if (index > 0) {
      if (context.forbidden?.(table)) return false;
      if (context.omittedIn?.(table).includes(part)) return false;
    }
    if (index === parts.length - 1) break;
    const resolved = context.store.resolveReference(table, part, current?.[part] ?? '');
    table = resolved?.table ?? context.store.schema(table)?.columns[part]?.targets?.[0] ?? table;
    current = resolved?.record;
  }
  return true;
}

/** The table and column that hold the last segment of a dot-walked path. */
function owner(context: FormatContext, record: TableRecord, path: string): { table: string; column: string } {
  const parts = path.split('.');
  let table = context.table;
  let current: TableRecord | undefined = record;
  for (const part of parts.slice(0, -1)) {
    const resolved = context.store.resolveReference(table, part, current?.[part] ?? '');
    table = resolved?.table ?? table;
    current = resolved?.record;
  }
  return { table, column: parts[parts.length - 1] as string };
}
