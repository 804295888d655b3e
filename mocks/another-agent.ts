/**
 * "Another agent" for the demo and tests: changes the related parties of an entity directly in the
 * mock store, signed as a colleague (sys_updated_by), as if someone else worked the same case in
 * their own browser. Live refresh then has something to find. Types and responsibilities are
 * copied from existing records of the same party kind, so every change is one the platform allows.
 */
import type { TableMap } from '../src/client/table-map.js';
import type { EntityRef } from '../src/model/kinds.js';
import { PARTY_TABLE_KEY } from '../src/service/party-rows.js';
import type { TableRecord, TableStore } from './store/table-store.js';

export type AnotherAgentAction = 'add' | 'retype' | 'remove';

export interface AnotherAgentResult {
  /** What was done, for the demo's announcement ("Dana Ruiz added …"). */
  readonly summary: string;
  /** The related-party table written. */
  readonly table: string;
}

/** Runs `write` with the store signing its writes as `userName`. */
function signedAs<T>(store: TableStore, userName: string, write: () => T): T {
  const previous = store.userName;
  store.userName = userName;
  try {
    return write();
  } finally {
    store.userName = previous;
  }
}

/** Changes one related party of `entity` as `userName`; undefined when there is nothing to do. */
export function actAsAnotherAgent(
  store: TableStore,
  map: TableMap,
  entity: EntityRef,
  action: AnotherAgentAction,
  userName: string,
): AnotherAgentResult | undefined {
  const entry = map[PARTY_TABLE_KEY[entity.kind]];
  const { table } = entry;
  const c = entry.columns as Readonly<Record<string, string | undefined>>;
  const entityColumn = c.entity ?? 'entity';
  const contactColumn = c.contact;
  const typeColumn = c.type ?? 'type';
  const responsibilityColumn = c.responsibility ?? 'responsibility';
  const all = store.all(table);
  const mine = all.filter((r) => r[entityColumn] === entity.id);
  const display = (target: string, id: string) => {
    const record = store.get(target, id);
    return record ? store.displayValue(target, record) : id;
  };
  const nameOf = (record: TableRecord) => {
    for (const key of ['contact', 'consumer', 'user', 'account'] as const) {
      const column = c[key];
      const value = column ? record[column] : undefined;
      if (column && value) return display(map[key].table, value);
    }
    return 'a party';
  };
  const typeName = (id: string) => display(map.relationshipType.table, id);

  if (action === 'remove') {
    const victim = mine.at(-1);
    if (!victim?.sys_id) return undefined;
    signedAs(store, userName, () => store.remove(table, victim.sys_id as string));
    return { summary: `removed ${nameOf(victim)}`, table };
  }
  if (action === 'retype') {
    for (const record of [...mine].reverse()) {
      const column = ['contact', 'consumer', 'user', 'account']
        .map((key) => c[key])
        .find((col) => col !== undefined && record[col] !== '');
      if (!column) continue;
      const other = all.find((r) => r[column] !== '' && r[typeColumn] !== record[typeColumn]);
      if (!other || !record.sys_id) continue;
      const type = other[typeColumn] ?? '';
      signedAs(store, userName, () =>
        store.update(table, record.sys_id as string, {
          [typeColumn]: type,
          [responsibilityColumn]: other[responsibilityColumn] ?? '',
        }),
      );
      return { summary: `changed ${nameOf(record)} to ${typeName(type)}`, table };
    }
    return undefined;
  }
  // add: a contact not yet on the entity, with the type most contacts have in this table.
  if (!contactColumn) return undefined;
  const onEntity = new Set(mine.map((r) => r[contactColumn]));
  const contact = store.all(map.contact.table).find((r) => r.sys_id && !onEntity.has(r.sys_id));
  const counts = new Map<string, TableRecord>();
  const tally = new Map<string, number>();
  for (const r of all) {
    if (!r[contactColumn] || !r[typeColumn]) continue;
    const type = r[typeColumn];
    tally.set(type, (tally.get(type) ?? 0) + 1);
    counts.set(type, r);
  }
  const [type] = [...tally.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  const model = type === undefined ? undefined : counts.get(type);
  if (!contact?.sys_id || !model || type === undefined) return undefined;
  signedAs(store, userName, () =>
    store.insert(table, {
      [entityColumn]: entity.id,
      [contactColumn]: contact.sys_id as string,
      [typeColumn]: type,
      [responsibilityColumn]: model[responsibilityColumn] ?? '',
    }),
  );
  return { summary: `added ${store.displayValue(map.contact.table, contact)} as ${typeName(type)}`, table };
}
