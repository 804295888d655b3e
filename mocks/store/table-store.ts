/**
 * The in-memory table store behind the mock Table API: records of string values, keyed by sys_id,
 * with the system columns maintained like the platform does (sys_id, sys_created_on/by,
 * sys_updated_on/by, sys_mod_count). References are stored as sys_id strings; the schema says where
 * they point, so display values and dot-walking work.
 */
import { buildSchemas, type Schemas, type TableSchema } from './schema.js';
import { glideDateTime, isSysId, randomSysId } from './sys-values.js';

/** A stored record: every value is a string, every schema column present ('' when empty). */
export type TableRecord = Readonly<Record<string, string>>;

/** Values to write: unknown columns are ignored, system columns other than sys_id too. */
export type WriteValues = Readonly<Record<string, string>>;

/** The JSON form of a store, for localStorage and test resets. */
export interface StoreSnapshot {
  readonly version: 1;
  readonly tables: Readonly<Record<string, readonly TableRecord[]>>;
}

export interface StoreOptions {
  readonly schemas?: Schemas;
  /** Clock for sys_created_on / sys_updated_on (default: real time). */
  readonly now?: () => Date;
  /** sys_id source (default: crypto random). */
  readonly newId?: () => string;
  /** Written to sys_created_by / sys_updated_by. */
  readonly userName?: string;
}

/** A write the store refuses (unknown table, duplicate or malformed sys_id). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/** Where a reference value points. */
export interface ResolvedReference {
  readonly table: string;
  readonly record: TableRecord;
}

export class TableStore {
  readonly schemas: Schemas;
  now: () => Date;
  newId: () => string;
  userName: string;
  readonly #tables = new Map<string, Map<string, TableRecord>>();

  constructor(options: StoreOptions = {}) {
    this.schemas = options.schemas ?? buildSchemas();
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomSysId;
    this.userName = options.userName ?? 'admin';
    this.clear();
  }

  /** The schema of a table, or undefined when the instance has no such table. */
  schema(table: string): TableSchema | undefined {
    return this.schemas.get(table);
  }

  /** Every record of a table, in insertion order (empty for an unknown table). */
  all(table: string): TableRecord[] {
    return [...(this.#tables.get(table)?.values() ?? [])];
  }

  get(table: string, sysId: string): TableRecord | undefined {
    return this.#tables.get(table)?.get(sysId);
  }

  /** Inserts a record; a valid `sys_id` in the values is kept (the platform allows it). */
  insert(table: string, values: WriteValues): TableRecord {
    const rows = this.#rows(table);
    const sysId = values.sys_id || this.newId();
    if (!isSysId(sysId)) throw new StoreError(`Invalid sys_id "${sysId}"`);
    if (rows.has(sysId)) throw new StoreError(`Duplicate sys_id ${sysId} in ${table}`);
    const stamp = glideDateTime(this.now());
    const record: Record<string, string> = {};
    for (const column of Object.keys(this.#schema(table).columns)) record[column] = '';
    Object.assign(record, this.normalize(table, values), {
      sys_id: sysId,
      sys_created_on: stamp,
      sys_created_by: this.userName,
      sys_updated_on: stamp,
      sys_updated_by: this.userName,
      sys_mod_count: '0',
    });
    rows.set(sysId, record);
    return record;
  }

  /** Updates a record; undefined when it does not exist. Bumps sys_mod_count and sys_updated_on. */
  update(table: string, sysId: string, values: WriteValues): TableRecord | undefined {
    const rows = this.#rows(table);
    const current = rows.get(sysId);
    if (!current) return undefined;
    const { sys_id: _ignored, ...changes } = this.normalize(table, values);
    const record: TableRecord = {
      ...current,
      ...changes,
      sys_updated_on: glideDateTime(this.now()),
      sys_updated_by: this.userName,
      sys_mod_count: String(Number(current.sys_mod_count ?? '0') + 1),
    };
    rows.set(sysId, record);
    return record;
  }

  /** Deletes a record; false when it did not exist. */
  remove(table: string, sysId: string): boolean {
    return this.#rows(table).delete(sysId);
  }

  /** Follows a reference column to the record it points at (undefined when empty or dangling). */
  resolveReference(table: string, column: string, value: string): ResolvedReference | undefined {
    const targets = this.schemas.get(table)?.columns[column]?.targets ?? [];
    if (value === '') return undefined;
    for (const target of targets) {
      const record = this.get(target, value);
      if (record) return { table: target, record };
    }
    return undefined;
  }

  /** The display value of a record (its display column, e.g. a case's number). */
  displayValue(table: string, record: TableRecord): string {
    return record[this.schemas.get(table)?.displayColumn ?? 'sys_id'] ?? '';
  }

  snapshot(): StoreSnapshot {
    const tables: Record<string, TableRecord[]> = {};
    for (const [name, rows] of this.#tables) tables[name] = [...rows.values()];
    return { version: 1, tables };
  }

  /** Replaces every table with the snapshot's (tables the schema lacks are skipped). */
  restore(snapshot: StoreSnapshot): void {
    if (snapshot.version !== 1)
      throw new StoreError(`Unsupported snapshot version ${String(snapshot.version)}`);
    this.clear();
    for (const [name, records] of Object.entries(snapshot.tables)) {
      const rows = this.#tables.get(name);
      if (!rows) continue;
      for (const record of records) rows.set(record.sys_id ?? '', { ...record });
    }
  }

  /** Empties every table. */
  clear(): void {
    this.#tables.clear();
    for (const name of this.schemas.keys()) this.#tables.set(name, new Map());
  }

  #schema(table: string): TableSchema {
    const schema = this.schemas.get(table);
    if (!schema) throw new StoreError(`Invalid table ${table}`);
    return schema;
  }

  #rows(table: string): Map<string, TableRecord> {
    const rows = this.#tables.get(table);
    if (!rows) throw new StoreError(`Invalid table ${table}`);
    return rows;
  }

  /**
   * The values a write would store: schema columns only (no system columns but sys_id), and
   * references given by display value resolved to sys_ids (as the platform does).
   */
  normalize(table: string, values: WriteValues): Record<string, string> {
    const schema = this.#schema(table);
    const out: Record<string, string> = {};
    for (const [column, value] of Object.entries(values)) {
      const def = schema.columns[column];
      if (column === 'sys_id') out[column] = value;
      if (!def || column.startsWith('sys_')) continue;
      out[column] = def.type === 'reference' ? this.#referenceInput(table, column, value) : value;
    }
    return out;
  }

  #referenceInput(table: string, column: string, value: string): string {
    if (value === '' || isSysId(value)) return value;
    const targets = this.schemas.get(table)?.columns[column]?.targets ?? [];
    for (const target of targets) {
      const match = this.all(target).find((r) => this.displayValue(target, r) === value);
      if (match?.sys_id) return match.sys_id;
    }
    return value;
  }
}
