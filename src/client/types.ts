/**
 * The client's public contract, shared by the definitions service, the elements and the tests.
 * Implemented by `TableApiClient` (table-api-client.ts).
 */
import type { EncodedQuery } from './encoded-query.js';

/** One field as read from the Table API, normalised from either wire shape (plain string or `{link, value}` / `{display_value, value}`). */
export interface FieldValue {
  /** The raw value (a sys_id for references). */
  readonly value: string;
  /** The display value, when requested with `displayValue: 'all'` or `true`. */
  readonly display?: string;
  /** The reference link, when the server sent one. */
  readonly link?: string;
}

/** A record: fields the caller may not read are absent (`undefined`), never a crash. */
export type Row = Readonly<Record<string, FieldValue | undefined>>;

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** Per-request timeout in ms; overrides the client default. */
  readonly timeoutMs?: number;
}

export interface ListOptions extends RequestOptions {
  /** Built with `q` (encoded-query.ts); raw strings are not accepted. */
  readonly query?: EncodedQuery;
  readonly fields?: readonly string[];
  readonly limit?: number;
  readonly offset?: number;
  /** `sysparm_display_value`: false (default), true, or 'all' (both). */
  readonly displayValue?: boolean | 'all';
  /**
   * Ask for reference links (`{link, value}`). Default false: the client sends
   * `sysparm_exclude_reference_link=true` (references come back as plain sys_ids, fewer bytes).
   */
  readonly referenceLinks?: boolean;
}

export interface ListPage {
  readonly rows: readonly Row[];
  /** `X-Total-Count`, when the server sent it. */
  readonly total?: number;
  /** Offset of the next page, from the `Link` rel=next header; undefined on the last page. */
  readonly nextOffset?: number;
}

export interface IterateOptions extends Omit<ListOptions, 'limit'> {
  /** Records per request (default 500). */
  readonly pageSize?: number;
  /** Where to start (records before it were read another way); default 0. */
  readonly offset?: number;
}

/** Values to write: every value on the wire is a string. */
export type WriteValues = Readonly<Record<string, string>>;

export interface TableClient {
  list(table: string, options?: ListOptions): Promise<ListPage>;
  /** Follows pagination (`Link` rel=next) until every record is read. */
  iterate(table: string, options?: IterateOptions): AsyncIterable<Row>;
  get(table: string, sysId: string, options?: ListOptions): Promise<Row>;
  create(table: string, values: WriteValues, options?: RequestOptions): Promise<Row>;
  update(table: string, sysId: string, values: WriteValues, options?: RequestOptions): Promise<Row>;
  remove(table: string, sysId: string, options?: RequestOptions): Promise<void>;
}
