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
import { isEmptyChange, type PartiesChange, type PartyUpdate } from './parties-change.js';

export { isEmptyChange, type PartiesChange, type PartyUpdate };

/** The change stamps of one related-party record. */
export interface PartyStamp {
  readonly id: string;
  readonly modCount: number;
  readonly updatedOn: string;
  /** `sys_updated_by`: the user name of whoever last wrote the record. */
  readonly updatedBy: string;
}

/** Record ids per kind of change. */
export interface StampDiff {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
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

/** The principals (and account parties) whose badge-changing facts a check watches. */
export interface WatchedPrincipals {
  /** Contacts, consumers and users: their roles held. */
  readonly principals: readonly string[];
  /** Contacts: the account they belong to. */
  readonly contacts: readonly string[];
  /** Account parties: which contacts belong to them. */
  readonly accounts: readonly string[];
}

/** The principals named by `rows`, at most `limit` of each kind (the first rows). */
export function principalsOf(rows: Iterable<PartyRow>, limit = CHUNK): WatchedPrincipals {
  const principals = new Set<string>();
  const contacts = new Set<string>();
  const accounts = new Set<string>();
  for (const { record } of rows) {
    const { kind, id } = record.party;
    if ((kind === 'contact' || kind === 'consumer' || kind === 'user') && principals.size < limit)
      principals.add(id);
    if (kind === 'contact' && contacts.size < limit) contacts.add(id);
    if (kind === 'account' && accounts.size < limit) accounts.add(id);
  }
  return { principals: [...principals], contacts: [...contacts], accounts: [...accounts] };
}

/** Keys present in both stamp maps whose values differ: facts that changed under a badge. */
export function changedFacts(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): string[] {
  return [...after]
    .filter(([key, value]) => before.has(key) && before.get(key) !== value)
    .map(([key]) => key);
}
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
   * Stamps of the facts that change a badge, for the watched principals only (two small queries):
   * the roles each holds (`sys_user_has_role`), each contact's account, and each account party's
   * contacts. Keyed `roles:<id>`, `account:<contact>`, `members:<account>`.
   */
  async factStamps(watched: WatchedPrincipals, signal?: AbortSignal): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const { userHasRole, contact } = this.map;
    if (watched.principals.length > 0) {
      const held = new Map<string, string[]>(watched.principals.map((id) => [id, []]));
      const page = await this.client.list(userHasRole.table, {
        query: q.in(userHasRole.columns.user, watched.principals),
        fields: [userHasRole.columns.user, userHasRole.columns.role],
        limit: 10_000,
        signal,
      });
      for (const row of page.rows) {
        const user = row[userHasRole.columns.user]?.value;
        const role = row[userHasRole.columns.role]?.value;
        if (user && role) held.get(user)?.push(role);
      }
      for (const [id, roles] of held) out.set(`roles:${id}`, roles.sort().join(','));
    }
    if (watched.contacts.length > 0 || watched.accounts.length > 0) {
      const idColumn = contact.columns.id ?? 'sys_id';
      const accountColumn = contact.columns.account ?? 'account';
      const byId = watched.contacts.length > 0 ? q.in(idColumn, watched.contacts) : undefined;
      const query = byId
        ? watched.accounts.length > 0
          ? byId.or().in(accountColumn, watched.accounts)
          : byId
        : q.in(accountColumn, watched.accounts);
      const page = await this.client.list(contact.table, {
        query,
        fields: [idColumn, accountColumn],
        limit: 10_000,
        signal,
      });
      const members = new Map<string, string[]>(watched.accounts.map((id) => [id, []]));
      const accountOf = new Map<string, string>();
      for (const row of page.rows) {
        const id = row[idColumn]?.value;
        const account = row[accountColumn]?.value ?? '';
        if (!id) continue;
        accountOf.set(id, account);
        members.get(account)?.push(id);
      }
      for (const id of watched.contacts) out.set(`account:${id}`, accountOf.get(id) ?? '');
      for (const [id, list] of members) out.set(`members:${id}`, list.sort().join(','));
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
