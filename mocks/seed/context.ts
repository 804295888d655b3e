/** What the seed modules share: the store, the table map, the random source and small writers. */
import type { TableKey, TableMap } from '../../src/client/table-map.js';
import type { Definitions } from '../../src/model/definitions.js';
import type { TableStore } from '../store/table-store.js';
import type { Random } from './prng.js';
import { physicalRow, type LogicalRow, type RowValues } from './rows.js';

export interface SeedContext {
  readonly store: TableStore;
  readonly map: TableMap;
  readonly rng: Random;
  readonly definitions: Definitions;
  /** Inserts a row by logical columns (a random sys_id unless `id` is given); returns its sys_id. */
  put<K extends TableKey>(key: K, values: LogicalRow<K>, extra?: RowValues): string;
  /** Grants roles by name (`sys_user_has_role`), once each; names the store does not know are skipped. */
  grantRoles(principal: string, roles: readonly string[]): void;
  /** The next case number: CS0001001, CS0001002… */
  nextCaseNumber(): string;
}

/** A seed context over a store whose definition tables are already filled. */
export function createSeedContext(
  store: TableStore,
  map: TableMap,
  rng: Random,
  definitions: Definitions,
): SeedContext {
  const roleIds = new Map(
    store.all(map.role.table).map((row) => [row[map.role.columns.name] ?? '', row.sys_id ?? '']),
  );
  const held = new Set<string>();
  let caseNumber = 1000;
  const put = <K extends TableKey>(key: K, values: LogicalRow<K>, extra: RowValues = {}): string => {
    const row = physicalRow(map, key, values, extra);
    row.sys_id ||= rng.sysId();
    return store.insert(map[key].table, row).sys_id as string;
  };
  return {
    store,
    map,
    rng,
    definitions,
    put,
    grantRoles(principal, roles) {
      for (const name of roles) {
        const role = roleIds.get(name);
        if (!role || held.has(`${principal}:${role}`)) continue;
        held.add(`${principal}:${role}`);
        put('userHasRole', { user: principal, role });
      }
    },
    nextCaseNumber: () => `CS${String(++caseNumber).padStart(7, '0')}`,
  };
}
