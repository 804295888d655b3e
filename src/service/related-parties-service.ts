/**
 * Reads and writes the related parties of one entity through the Table API client. Writes are
 * never blindly re-sent: after a timeout the server is asked whether the write landed, and edits
 * carry the `sys_mod_count` they were based on so a concurrent edit in another tab is detected.
 */
import { q } from '../client/encoded-query.js';
import { ApiError, isAbortError, NetworkError, ResponseFormatError, TimeoutError } from '../client/errors.js';
import type { TableClient, RequestOptions } from '../client/types.js';
import { entityKindIn, entityRefIn, type TableMap } from '../client/table-map.js';
import type { EntityKind, EntityRef, PartyKind, PartyRef, PrincipalRef } from '../model/kinds.js';
import { pause } from '../internal/abort.js';
import {
  partyColumns,
  partyFields,
  partyKindsOf,
  partyTable,
  partyWriteValues,
  rowToPartyRow,
  type PartyRow,
} from './party-rows.js';
import {
  SEARCH_LIMIT,
  entitySearchRequest,
  partySearchRequest,
  type EntitySearchResult,
  type PartySearchResult,
} from './party-search.js';

/** Someone else changed or removed the record since it was read; `current` is the server's copy. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    message: string,
    readonly current: PartyRow | undefined,
  ) {
    super(message);
  }
}

/** What is known of a write whose answer was lost: the server says it is absent, or nobody knows. */
export type UnconfirmedOutcome = 'not-saved' | 'unknown';

/** A write whose outcome is unknown could not be confirmed either way; nothing was re-sent. */
export class UnconfirmedWriteError extends Error {
  override readonly name = 'UnconfirmedWriteError';
  constructor(
    message: string,
    override readonly cause: unknown,
    /** `not-saved`: the server was asked and has no such record; `unknown`: it could not be asked. */
    readonly outcome: UnconfirmedOutcome = 'unknown',
  ) {
    super(message);
  }
}

export interface PartyChangeInput {
  readonly party: PartyRef;
  /** Relationship type id. */
  readonly type: string;
  /** Responsibility id; undefined = none. */
  readonly responsibility?: string;
}

/** One page of party search hits, and whether the server has more. */
export interface PartySearchPage {
  readonly results: readonly PartySearchResult[];
  readonly more: boolean;
}

/** The people a group party stands for (an account's contacts, an organization's members). */
export interface PartyMembers {
  readonly principals: readonly PrincipalRef[];
  /** The group has more members than were read (`MEMBER_LIMIT`). */
  readonly truncated: boolean;
}

/** Contacts of an account / members of an organization read at most. */
export const MEMBER_LIMIT = 200;

export class RelatedPartiesService {
  readonly #writeListeners = new Set<(entity: EntityRef) => void>();

  constructor(
    private readonly client: TableClient,
    private readonly map: TableMap,
  ) {}

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
    const typed = text.trim();
    const byName = partySearchRequest(kind, typed, this.map, 'name');
    const byEmail = partySearchRequest(kind, typed, this.map, 'email');
    if (!byName || typed === '') return { results: [], more: false };
    await pause(options.debounceMs ?? 0, options.signal);
    const { signal, timeoutMs } = options;
    const names = await this.client.list(byName.table, { ...byName.options, signal, timeoutMs });
    const found = names.rows.map(byName.read).filter((r): r is PartySearchResult => r !== undefined);
    let more = found.length > SEARCH_LIMIT || (names.total ?? 0) > SEARCH_LIMIT;
    if (!more && byEmail) {
      const emails = await this.client.list(byEmail.table, { ...byEmail.options, signal, timeoutMs });
      const seen = new Set(found.map((r) => r.party.id));
      for (const hit of emails.rows.map(byEmail.read)) {
        if (hit && !seen.has(hit.party.id)) found.push(hit);
      }
      more = found.length > SEARCH_LIMIT || (emails.total ?? 0) > SEARCH_LIMIT;
    }
    return { results: found, more };
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
    const typed = text.trim();
    const request = entitySearchRequest(kind, typed, this.map);
    if (typed === '') return [];
    await pause(options.debounceMs ?? 0, options.signal);
    const page = await this.client.list(request.table, {
      ...request.options,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
    });
    return page.rows.map(request.read).filter((r): r is EntitySearchResult => r !== undefined);
  }

  /**
   * Whom a group party stands for: an account's contacts or a service organization's members
   * (the first `MEMBER_LIMIT`). Other kinds have no members.
   */
  async members(party: PartyRef, options: RequestOptions = {}): Promise<PartyMembers> {
    const map = this.map;
    if (party.kind !== 'account' && party.kind !== 'service_organization') {
      return { principals: [], truncated: false };
    }
    const [table, column, read, kind] =
      party.kind === 'account'
        ? [map.contact.table, map.contact.columns.account, map.contact.columns.id, 'contact' as const]
        : [
            map.serviceOrganizationMember.table,
            map.serviceOrganizationMember.columns.serviceOrganization,
            map.serviceOrganizationMember.columns.user,
            'user' as const,
          ];
    const page = await this.client.list(table, {
      query: q.eq(column, party.id),
      fields: [read],
      limit: MEMBER_LIMIT + 1,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
    });
    const ids = page.rows.map((row) => row[read]?.value).filter((id): id is string => !!id);
    return {
      principals: ids.slice(0, MEMBER_LIMIT).map((id) => ({ kind, id })),
      truncated: ids.length > MEMBER_LIMIT,
    };
  }

  /**
   * Calls `listener` with the entity after every add, retype and removal this service made, so
   * every element on the page hears of a host's own writes (the provider wires it to live refresh).
   */
  onWrite(listener: (entity: EntityRef) => void): () => void {
    this.#writeListeners.add(listener);
    return () => this.#writeListeners.delete(listener);
  }

  #written(entity: EntityRef): void {
    for (const listener of [...this.#writeListeners]) listener(entity);
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
    const table = partyTable(entity.kind, this.map);
    const values = partyWriteValues(entity, input.party, input.type, input.responsibility, this.map);
    try {
      const created = await this.client.create(table, values, options);
      const id = created[partyColumns(entity.kind, this.map).id ?? 'sys_id']?.value;
      const row = id ? await this.read(entity, id, { signal: options.signal }) : undefined;
      if (!row)
        throw new UnconfirmedWriteError('The server accepted the party but does not return it.', created);
      this.#written(entity);
      return row;
    } catch (error) {
      if (!outcomeUnknown(error)) throw error;
      // The request may still be in progress on the server: look a few times before concluding.
      let asked = false;
      for (const delay of CONFIRM_DELAYS_MS) {
        await pause(delay, options.signal);
        try {
          const landed = await this.findExisting(entity, input, options);
          asked = true;
          if (landed) {
            this.#written(entity);
            return landed;
          }
        } catch (lookupError) {
          if (isAbortError(lookupError)) throw lookupError;
        }
      }
      // Saying "not saved" when the server could not be asked would invite a duplicate.
      if (!asked) {
        throw new UnconfirmedWriteError(
          'The connection failed while saving and whether the party was saved could not be checked. Reload the list before trying again.',
          error,
          'unknown',
        );
      }
      throw new UnconfirmedWriteError(
        'The connection failed while saving and the server has no such party, so it was not saved. Try again.',
        error,
        'not-saved',
      );
    }
  }

  /** Changes a party's relationship type (and responsibility), refusing if it changed meanwhile. */
  async retype(
    row: PartyRow,
    type: string,
    responsibility: string | undefined,
    options: RequestOptions = {},
  ): Promise<PartyRow> {
    const { entity, id } = row.record;
    await this.assertUnchanged(row, options);
    const columns = partyColumns(entity.kind, this.map);
    await this.client.update(
      partyTable(entity.kind, this.map),
      id,
      { [columns.type ?? 'type']: type, [columns.responsibility ?? 'responsibility']: responsibility ?? '' },
      options,
    );
    const updated = await this.read(entity, id, { signal: options.signal });
    this.#written(entity);
    if (!updated) throw new ConflictError('The party was removed by someone else.', undefined);
    return updated;
  }

  /** Removes a party; a record already gone counts as removed. Refuses if it changed meanwhile. */
  async remove(row: PartyRow, options: RequestOptions = {}): Promise<void> {
    const { entity, id } = row.record;
    const current = await this.read(entity, id, options);
    if (!current) return;
    if (isChanged(row, current)) {
      throw new ConflictError(
        'Someone else changed this party since it was loaded; review it and try again.',
        current,
      );
    }
    try {
      await this.client.remove(partyTable(entity.kind, this.map), id, options);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
    this.#written(entity);
  }

  private async assertUnchanged(row: PartyRow, options: RequestOptions): Promise<void> {
    const current = await this.read(row.record.entity, row.record.id, options);
    if (!current) throw new ConflictError('The party was removed by someone else.', undefined);
    if (isChanged(row, current)) {
      throw new ConflictError(
        'Someone else changed this party since it was loaded; review it and try again.',
        current,
      );
    }
  }

  private async findExisting(
    entity: EntityRef,
    input: PartyChangeInput,
    options: RequestOptions,
  ): Promise<PartyRow | undefined> {
    const rows = await this.list(entity, { signal: options.signal });
    return rows.find(
      (row) =>
        row.record.party.kind === input.party.kind &&
        row.record.party.id === input.party.id &&
        row.record.type === input.type,
    );
  }
}

const ENTITY_MAP_KEY = { case: 'case', sold_product: 'soldProduct', install_base: 'installBase' } as const;

/** When to look for a write whose response was lost (ms after the failure, cumulative waits). */
const CONFIRM_DELAYS_MS = [0, 500, 1500];

/**
 * Whether a failed POST may nevertheless have been saved: no answer (timeout, dropped connection),
 * an unreadable answer, or a gateway that gave up waiting for the instance (502, 504).
 */
function outcomeUnknown(error: unknown): boolean {
  return (
    error instanceof TimeoutError ||
    error instanceof NetworkError ||
    error instanceof ResponseFormatError ||
    (error instanceof ApiError && (error.status === 502 || error.status === 504))
  );
}

function isChanged(known: PartyRow, current: PartyRow): boolean {
  if (known.modCount !== undefined && current.modCount !== undefined)
    return known.modCount !== current.modCount;
  return (
    known.record.type !== current.record.type || known.record.responsibility !== current.record.responsibility
  );
}
