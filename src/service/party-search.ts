/**
 * The server-side party search: which table and columns each party kind is searched on, the
 * encoded query (built with `q`, so hostile text throws `QueryValueError` before any request),
 * and wire rows → results.
 */
import { q, type EncodedQuery } from '../client/encoded-query.js';
import type { TableMap } from '../client/table-map.js';
import type { ListOptions, Row } from '../client/types.js';
import type { EntityKind, PartyKind, PartyRef } from '../model/kinds.js';
import { SEARCH_LIMIT } from './related-parties-shared.js';

/** One search hit: the party, its name, and what tells it apart (email, account, parent). */
export interface PartySearchResult {
  readonly party: PartyRef;
  readonly name: string;
  readonly secondary?: string;
}

/** One page of party search hits, and whether the server has more. */
export interface PartySearchPage {
  readonly results: readonly PartySearchResult[];
  readonly more: boolean;
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

/** One record found by name (a case by number or description, a sold product or item by name). */
export interface EntitySearchResult {
  readonly id: string;
  readonly name: string;
  /** What tells it apart (a case's short description). */
  readonly secondary?: string;
}

/**
 * The request finding records of `kind` by `text`: cases by number (or words of the short
 * description), sold products and install base items by name. At most `SEARCH_LIMIT` hits. Throws
 * `QueryValueError` for text the query language cannot carry, before anything is sent.
 */
export function entitySearchRequest(
  kind: EntityKind,
  text: string,
  map: TableMap,
): { table: string; options: ListOptions; read: (row: Row) => EntitySearchResult | undefined } {
  const spec =
    kind === 'case'
      ? {
          table: map.case.table,
          id: map.case.columns.id,
          name: map.case.columns.number,
          detail: map.case.columns.shortDescription,
        }
      : kind === 'sold_product'
        ? { table: map.soldProduct.table, id: map.soldProduct.columns.id, name: map.soldProduct.columns.name }
        : {
            table: map.installBase.table,
            id: map.installBase.columns.id,
            name: map.installBase.columns.name,
          };
  const detail = 'detail' in spec ? spec.detail : undefined;
  let query: EncodedQuery = q.startsWith(spec.name, text);
  if (detail) query = query.or().like(detail, text);
  return {
    table: spec.table,
    options: {
      query: query.orderBy(spec.name),
      fields: [spec.id, spec.name, ...(detail ? [detail] : [])],
      limit: SEARCH_LIMIT,
    },
    read: (row) => {
      const id = row[spec.id]?.value;
      if (!id) return undefined;
      const secondary = detail ? row[detail]?.value : undefined;
      return { id, name: row[spec.name]?.value || id, ...(secondary ? { secondary } : {}) };
    },
  };
}
