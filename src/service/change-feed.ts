/**
 * Live refresh, the detection half: what changed in the related parties of an entity since they
 * were shown. One cheap, fields-limited read of the party table (`sys_id`, `sys_mod_count`,
 * `sys_updated_on`, `sys_updated_by`) is diffed against the rows on screen, so additions, edits
 * and deletions are all seen; only the rows that were added or edited are then re-read in full
 * (one `IN` query), and the user names of whoever changed them are resolved to display names.
 * Scheduling (polling, push, back-off, tabs) lives in live-feed.ts.
 */
import { q } from '../client/encoded-query.js';
import type { Row, TableClient } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type { EntityRef } from '../model/kinds.js';
import { partyColumns, partyFields, partyTable, rowToPartyRow, type PartyRow } from './party-rows.js';

/** The change stamps of one related-party record. */
export interface PartyStamp {
  readonly id: string;
  readonly modCount: number;
  readonly updatedOn: string;
  /** `sys_updated_by`: the user name of whoever last wrote the record. */
  readonly updatedBy: string;
}

/** A record another agent edited: the row as it is now and as it was shown. */
export interface PartyUpdate {
  readonly row: PartyRow;
  readonly previous: PartyRow;
}

/** What changed in the related parties of one entity. */
export interface PartiesChange {
  readonly entity: EntityRef;
  readonly added: readonly PartyRow[];
  readonly changed: readonly PartyUpdate[];
  /** The rows as they were shown before they went. */
  readonly removed: readonly PartyRow[];
  /** Who added or edited each record (display name when known, else user name), by record id. */
  readonly by: ReadonlyMap<string, string>;
}

/** Record ids per kind of change. */
export interface StampDiff {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

/** Whether a change set holds anything. */
export function isEmptyChange(change: Pick<PartiesChange, 'added' | 'changed' | 'removed'>): boolean {
  return change.added.length === 0 && change.changed.length === 0 && change.removed.length === 0;
}

/**
 * Compares the rows shown (record id → `sys_mod_count`; undefined when unknown) with the server's
 * stamps. A record whose count is unknown counts as edited: re-reading it once makes it known.
 */
export function diffStamps(
  known: ReadonlyMap<string, number | undefined>,
  stamps: readonly PartyStamp[],
): StampDiff {
  const added: string[] = [];
  const changed: string[] = [];
  const seen = new Set<string>();
  for (const stamp of stamps) {
    seen.add(stamp.id);
    if (!known.has(stamp.id)) added.push(stamp.id);
    else if (known.get(stamp.id) !== stamp.modCount) changed.push(stamp.id);
  }
  const removed = [...known.keys()].filter((id) => !seen.has(id));
  return { added, changed, removed };
}

/** Ids per `IN` query (32-character sys_ids keep the URL short). */
const CHUNK = 100;
/** Stamps per page: four short fields, so large pages stay small. */
const STAMP_PAGE = 5000;

/** Reads stamps, changed rows and who changed them, through the Table API client. */
export class PartyChangeReader {
  readonly #names = new Map<string, string>();

  constructor(
    private readonly client: TableClient,
    private readonly map: TableMap,
  ) {}

  /** The stamps of every related party of `entity` (one request per 5,000 records). */
  async stamps(entity: EntityRef, signal?: AbortSignal): Promise<PartyStamp[]> {
    const columns = partyColumns(entity.kind, this.map);
    const idColumn = columns.id ?? 'sys_id';
    const out: PartyStamp[] = [];
    for await (const row of this.client.iterate(partyTable(entity.kind, this.map), {
      query: q.eq(columns.entity ?? '', entity.id),
      fields: [idColumn, 'sys_mod_count', 'sys_updated_on', 'sys_updated_by'],
      pageSize: STAMP_PAGE,
      signal,
    })) {
      const stamp = rowToStamp(row, idColumn);
      if (stamp) out.push(stamp);
    }
    return out;
  }

  /** The full rows (display names included) of the given records; absent ones are left out. */
  async rows(entity: EntityRef, ids: readonly string[], signal?: AbortSignal): Promise<PartyRow[]> {
    const columns = partyColumns(entity.kind, this.map);
    const out: PartyRow[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      for await (const row of this.client.iterate(partyTable(entity.kind, this.map), {
        query: q.in(columns.id ?? 'sys_id', ids.slice(i, i + CHUNK)),
        fields: partyFields(entity.kind, this.map),
        displayValue: 'all',
        pageSize: CHUNK,
        signal,
      })) {
        const mapped = rowToPartyRow(row, entity.kind, this.map);
        if (mapped && mapped.record.entity.id === entity.id) out.push(mapped);
      }
    }
    return out;
  }

  /**
   * Display names of user names (`sys_user.user_name`), remembered. A failure leaves the user
   * names as they are: who made a change is a courtesy, never a reason to drop the change.
   */
  async names(userNames: readonly string[], signal?: AbortSignal): Promise<Map<string, string>> {
    const missing = [...new Set(userNames)].filter((name) => name !== '' && !this.#names.has(name));
    if (missing.length > 0) {
      try {
        const page = await this.client.list(this.map.user.table, {
          query: q.in('user_name', missing),
          fields: ['user_name', this.map.user.columns.name ?? 'name'],
          limit: missing.length,
          signal,
        });
        for (const row of page.rows) {
          const userName = row['user_name']?.value;
          const name = row[this.map.user.columns.name ?? 'name']?.value;
          if (userName && name) this.#names.set(userName, name);
        }
      } catch (error) {
        if (signal?.aborted) throw error;
      }
      // Asked once: an unknown user name stays as it is rather than being asked for every change.
      for (const name of missing) if (!this.#names.has(name)) this.#names.set(name, name);
    }
    return new Map(userNames.map((name) => [name, this.#names.get(name) ?? name]));
  }

  /**
   * What changed since `shown` (the rows on screen), given the server's stamps: edited and added
   * rows re-read in full. A record edited and deleted between the two reads counts as removed.
   */
  async changeSince(
    entity: EntityRef,
    shown: ReadonlyMap<string, PartyRow>,
    stamps: readonly PartyStamp[],
    signal?: AbortSignal,
  ): Promise<PartiesChange> {
    const known = new Map([...shown].map(([id, row]) => [id, row.modCount]));
    const diff = diffStamps(known, stamps);
    const removed = diff.removed.map((id) => shown.get(id)).filter((row) => row !== undefined);
    const wanted = [...diff.added, ...diff.changed];
    if (wanted.length === 0) return { entity, added: [], changed: [], removed, by: new Map() };
    const fresh = new Map((await this.rows(entity, wanted, signal)).map((row) => [row.record.id, row]));
    const stampOf = new Map(stamps.map((stamp) => [stamp.id, stamp]));
    const names = await this.names(
      wanted.map((id) => stampOf.get(id)?.updatedBy ?? ''),
      signal,
    );
    const by = new Map<string, string>();
    for (const id of wanted) {
      const userName = stampOf.get(id)?.updatedBy;
      if (userName) by.set(id, names.get(userName) ?? userName);
    }
    const added = diff.added.map((id) => fresh.get(id)).filter((row) => row !== undefined);
    const changed: PartyUpdate[] = [];
    for (const id of diff.changed) {
      const row = fresh.get(id);
      const previous = shown.get(id);
      if (row && previous) changed.push({ row, previous });
      else if (previous) removed.push(previous);
    }
    return { entity, added, changed, removed, by };
  }
}

function rowToStamp(row: Row, idColumn: string): PartyStamp | undefined {
  const id = row[idColumn]?.value;
  if (!id) return undefined;
  const count = Number(row['sys_mod_count']?.value ?? '');
  return {
    id,
    modCount: Number.isFinite(count) ? count : -1,
    updatedOn: row['sys_updated_on']?.value ?? '',
    updatedBy: row['sys_updated_by']?.value ?? '',
  };
}
