/**
 * Reading the definition tables: a cheap freshness stamp per table (one record, newest first, with
 * `X-Total-Count`), and full reads of the kinds whose stamps changed. A first load reads each table
 * once, with its rows' update dates, and derives the stamps from the rows (no stamp query). A table
 * the user may not read (403) or that does not exist (404) is reported as unreadable, never guessed.
 * `DefinitionsService` loads this module (with the row converters) when it first asks the server —
 * a first visit, or a cached copy older than the freshness window: a page whose copy is fresh never
 * does (in the bundle, a chunk beside the entry).
 */
import { ApiError } from '../client/errors.js';
import { q } from '../client/encoded-query.js';
import type { TableKey, TableMap } from '../client/table-map.js';
import type { Row, TableClient } from '../client/types.js';
import type { Definitions, RoleDef } from '../model/definitions.js';
import type { CacheMeta, IncompleteTable, TableStamp } from '../cache/definitions-db.js';
import {
  accessConfigsFromRows,
  relationshipTypesFromRows,
  responsibilitiesFromRows,
} from './definition-converters.js';
import { convertRoleRows } from './role-rows.js';

/**
 * Each definition kind and the tables it is built from (role edges reference roles by sys_id, so they
 * go together). Persona grants are not read: ACLs are not readable through the Table API, so they
 * come from the built-in rows and the host.
 */
export const DEFINITION_KINDS = {
  roles: ['role', 'roleContains'],
  responsibilities: ['responsibility'],
  accessConfigs: ['accessConfig'],
  relationshipTypes: ['relationshipType'],
} as const satisfies Record<Exclude<keyof Definitions, 'personaGrants'>, readonly TableKey[]>;

export type DefinitionKind = keyof typeof DEFINITION_KINDS;
export type DefinitionTableKey = (typeof DEFINITION_KINDS)[DefinitionKind][number];
export const DEFINITION_TABLE_KEYS: readonly DefinitionTableKey[] = Object.values(DEFINITION_KINDS).flat();

/** One kind read from the server: its part of the definitions, sorted by key for stable comparison. */
export interface KindResult {
  readonly definitions: Partial<Definitions>;
  readonly problems: readonly string[];
  readonly incomplete: readonly IncompleteTable[];
  /** The stamps of the kind's tables: those given, or those derived from the rows. */
  readonly stamps: Readonly<Partial<Record<DefinitionTableKey, TableStamp>>>;
}

export type Stamps = Readonly<Record<DefinitionTableKey, TableStamp>>;

const UPDATED = 'sys_updated_on';

/** The fields read from a table: the map's columns (edges also their own sys_id, for reports). */
function fieldsOf(map: TableMap, key: DefinitionTableKey): string[] {
  const columns: string[] = Object.values(map[key].columns);
  return key === 'roleContains' ? ['sys_id', ...columns] : columns;
}

/** Whether two stamps say the table is unchanged (same table and fields, count and newest update). */
export function sameStamp(a: TableStamp | undefined, b: TableStamp): boolean {
  return (
    a !== undefined &&
    a.source === b.source &&
    a.count === b.count &&
    a.maxUpdatedOn === b.maxUpdatedOn &&
    a.unreadable === b.unreadable
  );
}

/** Why a table cannot be read, for 403/404; undefined for any other error (which propagates). */
function unreadableReason(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.status === 403) return `not allowed to read (403: ${error.message})`;
  if (error.status === 404) return `table not found (404: ${error.message})`;
  return undefined;
}

/** Stamps of every definition table, read concurrently. */
export async function readStamps(client: TableClient, map: TableMap, signal?: AbortSignal): Promise<Stamps> {
  const entries = await Promise.all(
    DEFINITION_TABLE_KEYS.map(async (key): Promise<[DefinitionTableKey, TableStamp]> => {
      const { table } = map[key];
      const source = `${table}?${fieldsOf(map, key).join(',')}`;
      try {
        const page = await client.list(table, {
          query: q.orderByDesc(UPDATED),
          fields: [UPDATED],
          limit: 1,
          signal,
        });
        const maxUpdatedOn = page.rows[0]?.[UPDATED]?.value ?? '';
        return [key, { source, count: page.total ?? null, maxUpdatedOn }];
      } catch (error) {
        const unreadable = unreadableReason(error);
        if (unreadable === undefined) throw error;
        return [key, { source, count: null, maxUpdatedOn: '', unreadable }];
      }
    }),
  );
  return Object.fromEntries(entries) as Record<DefinitionTableKey, TableStamp>;
}

/** The kinds whose tables changed since `previous` (all of them when there is no previous). */
export function changedKinds(
  previous: Readonly<Record<string, TableStamp>> | undefined,
  now: Stamps,
): DefinitionKind[] {
  return (Object.keys(DEFINITION_KINDS) as DefinitionKind[]).filter((kind) =>
    DEFINITION_KINDS[kind].some((key) => !sameStamp(previous?.[key], now[key])),
  );
}

/** A table's rows and its stamp (the one given, or derived from the rows when asked to). */
interface TableRead {
  readonly rows: Row[];
  readonly stamp: TableStamp;
}

/**
 * Reads every row of a table. With a `stamp` (from `readStamps`), an unreadable table is skipped;
 * with `'derive'`, the rows are read with their sys_updated_on and the stamp is derived from them
 * (the same count and newest update a stamp query would give), so a first load needs no separate
 * stamp query. Where the server's `X-Total-Count` differs from the rows it lets the user read, the
 * first check finds the counts different and reads the table once more; its stamps come from the
 * stamp query from then on.
 */
async function readRows(
  client: TableClient,
  map: TableMap,
  key: DefinitionTableKey,
  stamp: TableStamp | 'derive',
  incomplete: IncompleteTable[],
  signal?: AbortSignal,
): Promise<TableRead> {
  const { table } = map[key];
  const fields = fieldsOf(map, key);
  const source = `${table}?${fields.join(',')}`;
  const unreadable = (reason: string): TableRead => {
    incomplete.push({ table, reason });
    return { rows: [], stamp: { source, count: null, maxUpdatedOn: '', unreadable: reason } };
  };
  if (stamp !== 'derive' && stamp.unreadable) return unreadable(stamp.unreadable);
  const derive = stamp === 'derive';
  const rows: Row[] = [];
  try {
    // Ordered by sys_id so pages do not shift under concurrent edits.
    const read = derive && !fields.includes(UPDATED) ? [...fields, UPDATED] : fields;
    const options = { fields: read, query: q.orderBy('sys_id'), signal };
    for await (const row of client.iterate(table, options)) rows.push(row);
  } catch (error) {
    const reason = unreadableReason(error);
    if (reason === undefined) throw error;
    return unreadable(reason);
  }
  if (!derive) return { rows, stamp };
  let maxUpdatedOn = '';
  for (const row of rows) {
    const updated = row[UPDATED]?.value ?? '';
    if (updated > maxUpdatedOn) maxUpdatedOn = updated;
  }
  return { rows, stamp: { source, count: rows.length, maxUpdatedOn } };
}

export interface FetchKindOptions {
  /** The catalogue enriching roles; default: the reference seed. */
  readonly seed?: readonly RoleDef[];
  readonly signal?: AbortSignal;
}

const byName = (a: { name: string }, b: { name: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Reads one kind's tables in full and converts them. `stamps` are those `readStamps` gave, or
 * `'derive'` to read the rows with their update dates and derive the stamps from them (a first
 * load: one query per table instead of a stamp query and then the rows).
 */
export async function fetchKind(
  client: TableClient,
  map: TableMap,
  kind: DefinitionKind,
  stamps: Stamps | 'derive',
  options: FetchKindOptions = {},
): Promise<KindResult> {
  const incomplete: IncompleteTable[] = [];
  const derived: Partial<Record<DefinitionTableKey, TableStamp>> = {};
  const read = async (key: DefinitionTableKey): Promise<Row[]> => {
    const stamp = stamps === 'derive' ? 'derive' : stamps[key];
    const result = await readRows(client, map, key, stamp, incomplete, options.signal);
    derived[key] = result.stamp;
    return result.rows;
  };
  const done = (definitions: Partial<Definitions>, problems: readonly string[]): KindResult => ({
    definitions,
    problems,
    incomplete,
    stamps: derived,
  });
  switch (kind) {
    case 'roles': {
      // The reference catalogue is a chunk of its own in the bundle: loaded while the rows are read.
      const seed = options.seed ?? import('../access/role-seed.js').then((module) => module.ROLE_SEED);
      const [roles, edges, catalogue] = await Promise.all([read('role'), read('roleContains'), seed]);
      // Without the roles every edge would be reported as dangling: the 403 already says it all.
      const result = convertRoleRows(roles, derived.role?.unreadable ? [] : edges, map, catalogue);
      return done({ roles: result.items.sort(byName) }, result.problems);
    }
    case 'responsibilities': {
      const result = responsibilitiesFromRows(await read('responsibility'), map);
      return done({ responsibilities: result.items.sort(byId) }, result.problems);
    }
    case 'accessConfigs': {
      const result = accessConfigsFromRows(await read('accessConfig'), map);
      return done({ accessConfigs: result.items.sort(byId) }, result.problems);
    }
    case 'relationshipTypes': {
      const result = relationshipTypesFromRows(await read('relationshipType'), map);
      return done({ relationshipTypes: result.items.sort(byId) }, result.problems);
    }
  }
}

/** What the server holds now: the definitions and what goes with them in the cache's meta record. */
export type ServerDefinitions = Pick<CacheMeta, 'tables' | 'problems' | 'incomplete'> & {
  readonly definitions: Definitions;
};

const EMPTY: Definitions = { roles: [], responsibilities: [], accessConfigs: [], relationshipTypes: [] };

/**
 * The definitions as the server holds them now. With `previous` (a copy read from the server), the
 * stamps are compared and only the kinds that changed are read again; without, every table is read
 * once and its stamp derived from its rows.
 */
export async function readDefinitions(
  client: TableClient,
  map: TableMap,
  previous: ServerDefinitions | undefined,
  options: FetchKindOptions = {},
): Promise<ServerDefinitions> {
  const read = (kind: DefinitionKind, given: Stamps | 'derive') =>
    fetchKind(client, map, kind, given, options).then((result) => ({ kind, result }));
  let stamps: Stamps;
  let kinds: DefinitionKind[];
  let results: { kind: DefinitionKind; result: KindResult }[];
  if (previous) {
    stamps = await readStamps(client, map, options.signal);
    kinds = changedKinds(previous.tables, stamps);
    results = await Promise.all(kinds.map((kind) => read(kind, stamps)));
  } else {
    kinds = Object.keys(DEFINITION_KINDS) as DefinitionKind[];
    results = await Promise.all(kinds.map((kind) => read(kind, 'derive')));
    stamps = Object.assign({}, ...results.map(({ result }) => result.stamps)) as Stamps;
  }
  let definitions: Definitions = previous?.definitions ?? EMPTY;
  const problems: Record<string, readonly string[]> = { ...previous?.problems };
  const refetched = new Set(kinds.flatMap((kind) => DEFINITION_KINDS[kind].map((key) => map[key].table)));
  const incomplete = (previous?.incomplete ?? []).filter((item) => !refetched.has(item.table));
  for (const { kind, result } of results) {
    definitions = { ...definitions, ...result.definitions };
    problems[kind] = result.problems;
    incomplete.push(...result.incomplete);
  }
  return { definitions, tables: stamps, problems, incomplete };
}
