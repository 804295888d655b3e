/**
 * The demo console's own reads (cases, sold products, install base) through the provider's client,
 * with every query built by the encoded-query builder `q` and every name from the table map.
 */
import { q, type EncodedQuery } from '../../src/client/encoded-query.js';
import type { TableMap } from '../../src/client/table-map.js';
import type { Row, TableClient } from '../../src/client/types.js';
import { humanize, named, text, value, type Named } from './fields.js';

/** What the reads need: the provider's client and table map. */
export interface Backend {
  readonly client: TableClient;
  readonly tableMap: TableMap;
}

/** A case as a list row. */
export interface CaseSummary {
  readonly id: string;
  readonly number: string;
  readonly shortDescription: string;
  readonly state: string;
  readonly priority: string;
  /** The account or consumer the case is for. */
  readonly customer?: Named;
}

/** A case with every reference the case page shows. */
export interface CaseDetail extends CaseSummary {
  readonly account?: Named;
  readonly contact?: Named;
  readonly consumer?: Named;
  readonly soldProduct?: Named;
  readonly installBase?: Named;
}

export interface SoldProductDetail {
  readonly id: string;
  readonly name: string;
  readonly account?: Named;
  readonly consumer?: Named;
}

export interface InstallBaseDetail {
  readonly id: string;
  readonly name: string;
  readonly account?: Named;
  readonly parent?: Named;
  readonly soldProduct?: Named;
}

/** One page of a list and the total the server reported. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/** Physical columns of this instance's case table that the table map does not name. */
const CASE_STATE = 'state';
const CASE_PRIORITY = 'priority';

function caseDetail(map: TableMap, row: Row): CaseDetail {
  const c = map.case.columns;
  const account = named(row, c.account);
  const consumer = named(row, c.consumer);
  const customer = account ?? consumer;
  const contact = named(row, c.contact);
  const soldProduct = named(row, c.soldProduct);
  const installBase = named(row, c.installBase);
  return {
    id: value(row, c.id),
    number: text(row, c.number),
    shortDescription: text(row, c.shortDescription),
    state: humanize(text(row, CASE_STATE)),
    priority: text(row, CASE_PRIORITY),
    ...(customer ? { customer } : {}),
    ...(account ? { account } : {}),
    ...(contact ? { contact } : {}),
    ...(consumer ? { consumer } : {}),
    ...(soldProduct ? { soldProduct } : {}),
    ...(installBase ? { installBase } : {}),
  };
}

function caseFields(map: TableMap): string[] {
  return [...Object.values(map.case.columns), CASE_STATE, CASE_PRIORITY];
}

/** The search of the case list: number, short description or the account's name contains `term`. */
export function caseSearchQuery(map: TableMap, term: string): EncodedQuery {
  const c = map.case.columns;
  const base =
    term.trim() === '' ? q : q.like(c.number, term.trim()).or().like(c.shortDescription, term.trim());
  const withAccount =
    term.trim() === '' ? base : base.or().like(`${c.account}.${map.account.columns.name}`, term.trim());
  return withAccount.orderBy(c.number);
}

/** A page of cases matching `term` (throws `QueryValueError` for a term the query cannot carry). */
export async function listCases(
  backend: Backend,
  options: { term: string; offset: number; limit: number; signal?: AbortSignal },
): Promise<Page<CaseDetail>> {
  const { client, tableMap } = backend;
  const page = await client.list(tableMap.case.table, {
    query: caseSearchQuery(tableMap, options.term),
    fields: caseFields(tableMap),
    displayValue: 'all',
    limit: options.limit,
    offset: options.offset,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { items: page.rows.map((row) => caseDetail(tableMap, row)), total: page.total ?? page.rows.length };
}

/** Cases whose `column` (a logical case column) references `id`. */
export async function casesReferencing(
  backend: Backend,
  column: 'soldProduct' | 'installBase',
  id: string,
  signal?: AbortSignal,
): Promise<Page<CaseDetail>> {
  const { client, tableMap } = backend;
  const c = tableMap.case.columns;
  const page = await client.list(tableMap.case.table, {
    query: q.eq(c[column], id).orderBy(c.number),
    fields: caseFields(tableMap),
    displayValue: 'all',
    limit: 50,
    ...(signal ? { signal } : {}),
  });
  return { items: page.rows.map((row) => caseDetail(tableMap, row)), total: page.total ?? page.rows.length };
}

/** One case. */
export async function getCase(backend: Backend, id: string, signal?: AbortSignal): Promise<CaseDetail> {
  const { client, tableMap } = backend;
  const row = await client.get(tableMap.case.table, id, {
    fields: caseFields(tableMap),
    displayValue: 'all',
    ...(signal ? { signal } : {}),
  });
  return caseDetail(tableMap, row);
}

/** One sold product. */
export async function getSoldProduct(
  backend: Backend,
  id: string,
  signal?: AbortSignal,
): Promise<SoldProductDetail> {
  const { client, tableMap } = backend;
  const c = tableMap.soldProduct.columns;
  const row = await client.get(tableMap.soldProduct.table, id, {
    fields: Object.values(c),
    displayValue: 'all',
    ...(signal ? { signal } : {}),
  });
  const account = named(row, c.account);
  const consumer = named(row, c.consumer);
  return {
    id: value(row, c.id),
    name: text(row, c.name),
    ...(account ? { account } : {}),
    ...(consumer ? { consumer } : {}),
  };
}

function installBaseDetail(map: TableMap, row: Row): InstallBaseDetail {
  const c = map.installBase.columns;
  const account = named(row, c.account);
  const parent = named(row, c.parent);
  const soldProduct = named(row, c.soldProduct);
  return {
    id: value(row, c.id),
    name: text(row, c.name),
    ...(account ? { account } : {}),
    ...(parent ? { parent } : {}),
    ...(soldProduct ? { soldProduct } : {}),
  };
}

/** One install base item. */
export async function getInstallBase(
  backend: Backend,
  id: string,
  signal?: AbortSignal,
): Promise<InstallBaseDetail> {
  const { client, tableMap } = backend;
  const row = await client.get(tableMap.installBase.table, id, {
    fields: Object.values(tableMap.installBase.columns),
    displayValue: 'all',
    ...(signal ? { signal } : {}),
  });
  return installBaseDetail(tableMap, row);
}

/** Install base items whose `column` (sold product or parent) references `id`. */
export async function installBaseReferencing(
  backend: Backend,
  column: 'soldProduct' | 'parent',
  id: string,
  signal?: AbortSignal,
): Promise<readonly InstallBaseDetail[]> {
  const { client, tableMap } = backend;
  const c = tableMap.installBase.columns;
  const page = await client.list(tableMap.installBase.table, {
    query: q.eq(c[column], id).orderBy(c.name),
    fields: Object.values(c),
    displayValue: 'all',
    limit: 100,
    ...(signal ? { signal } : {}),
  });
  return page.rows.map((row) => installBaseDetail(tableMap, row));
}

/** Tables whose records the console names by one display column. */
export type LabelledTable = 'contact' | 'consumer' | 'user' | 'case' | 'soldProduct' | 'installBase';

/** The display name of a record (a person's name, a case's number, a product's name). */
export async function recordLabel(
  backend: Backend,
  key: LabelledTable,
  id: string,
  signal?: AbortSignal,
): Promise<string> {
  const { client, tableMap } = backend;
  const column = key === 'case' ? tableMap.case.columns.number : tableMap[key].columns.name;
  const row = await client.get(tableMap[key].table, id, { fields: [column], ...(signal ? { signal } : {}) });
  return text(row, column) || id;
}
