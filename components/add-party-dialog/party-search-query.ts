/**
 * The server-side party search: which table and columns each party kind is searched on, the
 * encoded query (built with `q`, so hostile text throws `QueryValueError` before any request),
 * and wire rows → results.
 */
import { q, type EncodedQuery } from '../../src/client/encoded-query.js';
import type { QueryValueError } from '../../src/client/errors.js';
import type { TableMap } from '../../src/client/table-map.js';
import type { ListOptions, Row } from '../../src/client/types.js';
import type { PartyKind, PartyRef } from '../../src/model/kinds.js';
import { msg, str } from '@lit/localize';

/** Results shown at most; one more is requested to know there are more. */
export const SEARCH_LIMIT = 20;

/** One search hit: the party, its name, and what tells it apart (email, account, parent). */
export interface PartySearchResult {
  readonly party: PartyRef;
  readonly name: string;
  readonly secondary?: string;
}

/** What to ask the Table API for one search. */
export interface PartySearchRequest {
  readonly table: string;
  readonly options: ListOptions;
  readonly read: (row: Row) => PartySearchResult | undefined;
}

interface Spec {
  readonly table: string;
  readonly id: string;
  readonly name: string;
  /** Also matched (LIKE) and shown under the name. */
  readonly email?: string;
  /** A reference shown under the name (its display value). */
  readonly context?: string;
}

function specOf(kind: PartyKind, map: TableMap): Spec | undefined {
  switch (kind) {
    case 'contact': {
      const { table, columns } = map.contact;
      return { table, id: columns.id, name: columns.name, email: columns.email, context: columns.account };
    }
    case 'consumer':
      return { table: map.consumer.table, ...pick(map.consumer.columns) };
    case 'user':
      return { table: map.user.table, ...pick(map.user.columns) };
    case 'account': {
      const { table, columns } = map.account;
      return { table, id: columns.id, name: columns.name, context: columns.parent };
    }
    case 'service_organization':
      return {
        table: map.serviceOrganization.table,
        id: map.serviceOrganization.columns.id,
        name: map.serviceOrganization.columns.name,
      };
    default:
      return undefined;
  }
}

function pick(columns: { id: string; name: string; email: string }): Omit<Spec, 'table'> {
  return { id: columns.id, name: columns.name, email: columns.email };
}

/**
 * Which hits a request asks for: `name` — the name starts with the text or a word of it does;
 * `email` — the email contains it; `all` — the name starts with it or the email contains it.
 */
export type SearchMatch = 'all' | 'name' | 'email';

/**
 * The request searching `kind` for `text` (by default: name starts with it, or email contains it);
 * undefined when the kind has no such column. Throws `QueryValueError` for text the query language
 * cannot carry, before anything is sent.
 */
export function partySearchRequest(
  kind: PartyKind,
  text: string,
  map: TableMap,
  match: SearchMatch = 'all',
): PartySearchRequest | undefined {
  const spec = specOf(kind, map);
  if (!spec) return undefined;
  let query: EncodedQuery;
  if (match === 'email') {
    if (!spec.email) return undefined;
    query = q.like(spec.email, text);
  } else {
    query = q.startsWith(spec.name, text);
    if (match === 'name') query = query.or().like(spec.name, ` ${text}`);
    else if (spec.email) query = query.or().like(spec.email, text);
  }
  const fields = [spec.id, spec.name, spec.email, spec.context].filter((f): f is string => f !== undefined);
  return {
    table: spec.table,
    options: { query: query.orderBy(spec.name), fields, limit: SEARCH_LIMIT + 1, displayValue: 'all' },
    read: (row) => {
      const id = row[spec.id]?.value;
      if (!id) return undefined;
      const name = row[spec.name]?.display || row[spec.name]?.value || id;
      const email = spec.email ? row[spec.email]?.value : undefined;
      const context = spec.context ? row[spec.context]?.display || undefined : undefined;
      const secondary = [email, context].filter((part) => part).join(' · ');
      return { party: { kind, id }, name, ...(secondary ? { secondary } : {}) };
    },
  };
}

/** A friendly sentence for search text the query builder refused. */
export function searchTextProblem(error: QueryValueError): string {
  switch (error.reason) {
    case 'caret':
      return msg("Search text can't contain ^ (it separates conditions in the server's query language).");
    case 'equals':
      return msg("Search text can't contain = (it is an operator in the server's query language).");
    case 'control-character':
      return msg("Search text can't contain line breaks, tabs or other control characters.");
    case 'look-alike':
      return msg("Search text can't contain characters that look like ^ or = (for example fullwidth ＾).");
    default:
      return msg(str`Search text can't be used as it is (${error.reason}); remove unusual characters.`);
  }
}
