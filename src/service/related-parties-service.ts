/**
 * Reads and writes the related parties of one entity through the Table API client. Writes are
 * never blindly re-sent: after a timeout the server is asked whether the write landed, and edits
 * carry the `sys_mod_count` they were based on so a concurrent edit in another tab is detected.
 * The code of the edits, the searches and the group reads (party-edits.ts) loads on their first
 * call: a page showing lists and badges only lists.
 */
import { q } from '../client/encoded-query.js';
import { ApiError } from '../client/errors.js';
import type { TableClient, RequestOptions } from '../client/types.js';
import { entityKindIn, entityRefIn, type TableMap } from '../client/table-map.js';
import type { EntityKind, EntityRef, PartyKind, PartyRef } from '../model/kinds.js';
import { onDemand } from '../internal/on-demand.js';
import type { PartyEditContext } from './party-edits.js';
import {
  partyColumns,
  partyFields,
  partyKindsOf,
  partyTable,
  rowToPartyRow,
  type PartyRow,
} from './party-rows.js';
import type { EntitySearchResult, PartySearchPage } from './party-search.js';
import type { PartyChangeInput, PartyMembers } from './related-parties-shared.js';

export { ConflictError, UnconfirmedWriteError, type UnconfirmedOutcome } from './party-write-errors.js';
export { MEMBER_LIMIT, SEARCH_LIMIT } from './related-parties-shared.js';
export type { PartyChangeInput, PartyMembers } from './related-parties-shared.js';
export type { PartySearchPage } from './party-search.js';

const edits = onDemand(() => import('./party-edits.js'), 'Editing and searching related parties');

export class RelatedPartiesService {
  readonly #writeListeners = new Set<(entity: EntityRef) => void>();
  /** What the edits (party-edits.ts) use of this service. */
  readonly #context: PartyEditContext;

  constructor(
    private readonly client: TableClient,
    private readonly map: TableMap,
  ) {
    this.#context = {
      client,
      map,
      read: (entity, id, options) => this.read(entity, id, options),
      list: (entity, options) => this.list(entity, options),
      written: (entity) => {
        for (const listener of [...this.#writeListeners]) listener(entity);
      },
    };
  }

  /** The entity kind an `entity-table` attribute names (as the host's map names it, or a default table). */
  entityKindOf(table: string): EntityKind | undefined {
    return entityKindIn(this.map, table);
  }

  /** The entity `entity-table` + `entity-id` name; undefined for an unknown table or an empty id. */
  entityOf(table: string, id: string): EntityRef | undefined {
    return entityRefIn(this.map, table, id);
  }

  /** The table holding records of `kind` on this instance (the host's map applied). */
  entityTable(kind: EntityKind): string {
    return this.map[ENTITY_MAP_KEY[kind]].table;
  }

  /** The table holding the related parties of `kind` on this instance. */
  partyTable(kind: EntityKind): string {
    return partyTable(kind, this.map);
  }

  /** Party kinds the related-party table of `kind` can hold on this instance. */
  kindsOn(kind: EntityKind): PartyKind[] {
    return partyKindsOf(kind, this.map);
  }

  /**
   * Starts loading the code of the edits and searches (party-edits.ts) ahead of a likely first
   * use — a row's actions menu opened, the add dialog shown — so that use does not wait for it. A
   * failure is said by the use itself.
   */
  prepareEdits(): void {
    edits.warm();
  }

  /**
   * Parties of `kind` matching `text`: names first (the name or a word of it starts with the text),
   * so name matches are never crowded out; then email matches fill up the list. The hits come in
   * the server's order, at most `SEARCH_LIMIT + 1` of each request: the caller ranks them and keeps
   * `SEARCH_LIMIT`. Text the query language cannot carry throws `QueryValueError` before anything
   * is sent; `debounceMs` waits (abortably) before sending, so a burst of typing sends one search.
   */
  async search(
    kind: PartyKind,
    text: string,
    options: RequestOptions & { debounceMs?: number } = {},
  ): Promise<PartySearchPage> {
    return (await edits.load()).searchParties(this.#context, kind, text, options);
  }

  /**
   * Records of `kind` found by `text` (cases by number or description, sold products and install
   * base items by name), at most `SEARCH_LIMIT`, in the server's order. Text the query language
   * cannot carry throws `QueryValueError` before anything is sent; `debounceMs` as for `search`.
   */
  async searchEntities(
    kind: EntityKind,
    text: string,
    options: RequestOptions & { debounceMs?: number } = {},
  ): Promise<EntitySearchResult[]> {
    return (await edits.load()).searchEntities(this.#context, kind, text, options);
  }

  /**
   * Whom a group party stands for: an account's contacts or a service organization's members
   * (the first `MEMBER_LIMIT`). Other kinds have no members.
   */
  async members(party: PartyRef, options: RequestOptions = {}): Promise<PartyMembers> {
    return (await edits.load()).membersOf(this.#context, party, options);
  }

  /**
   * Calls `listener` with the entity after every add, retype and removal this service made, so
   * every element on the page hears of a host's own writes (the provider wires it to live refresh).
   */
  onWrite(listener: (entity: EntityRef) => void): () => void {
    this.#writeListeners.add(listener);
    return () => this.#writeListeners.delete(listener);
  }

  /** Every related party of `entity`, with display names, in the server's order. */
  async list(entity: EntityRef, options: RequestOptions & { pageSize?: number } = {}): Promise<PartyRow[]> {
    const columns = partyColumns(entity.kind, this.map);
    const rows: PartyRow[] = [];
    // Offset paging repeats a record when another agent inserts one meanwhile: keep the first.
    const seen = new Set<string>();
    const query = q.eq(columns.entity ?? '', entity.id).orderBy(columns.order ?? 'order');
    for await (const row of this.client.iterate(partyTable(entity.kind, this.map), {
      query,
      fields: partyFields(entity.kind, this.map),
      displayValue: 'all',
      pageSize: options.pageSize ?? 1000,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
    })) {
      const mapped = rowToPartyRow(row, entity.kind, this.map);
      if (mapped && !seen.has(mapped.record.id)) {
        seen.add(mapped.record.id);
        rows.push(mapped);
      }
    }
    return rows;
  }

  /** Reads one party record with display names; undefined when it no longer exists. */
  async read(entity: EntityRef, id: string, options: RequestOptions = {}): Promise<PartyRow | undefined> {
    try {
      const row = await this.client.get(partyTable(entity.kind, this.map), id, {
        fields: partyFields(entity.kind, this.map),
        displayValue: 'all',
        ...options,
      });
      return rowToPartyRow(row, entity.kind, this.map);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  /**
   * Adds a party. When the POST times out or the connection drops, the outcome is unknown: the
   * server is asked for a matching record instead of re-sending, so a retry never duplicates.
   */
  async add(entity: EntityRef, input: PartyChangeInput, options: RequestOptions = {}): Promise<PartyRow> {
    return (await edits.load()).addParty(this.#context, entity, input, options);
  }

  /** Changes a party's relationship type (and responsibility), refusing if it changed meanwhile. */
  async retype(
    row: PartyRow,
    type: string,
    responsibility: string | undefined,
    options: RequestOptions = {},
  ): Promise<PartyRow> {
    return (await edits.load()).retypeParty(this.#context, row, type, responsibility, options);
  }

  /** Removes a party; a record already gone counts as removed. Refuses if it changed meanwhile. */
  async remove(row: PartyRow, options: RequestOptions = {}): Promise<void> {
    return (await edits.load()).removeParty(this.#context, row, options);
  }
}

const ENTITY_MAP_KEY = { case: 'case', sold_product: 'soldProduct', install_base: 'installBase' } as const;
