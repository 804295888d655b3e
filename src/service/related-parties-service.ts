/**
 * Reads and writes the related parties of one entity through the Table API client. Writes are
 * never blindly re-sent: after a timeout the server is asked whether the write landed, and edits
 * carry the `sys_mod_count` they were based on so a concurrent edit in another tab is detected.
 */
import { q } from '../client/encoded-query.js';
import { ApiError, isAbortError, NetworkError, ResponseFormatError, TimeoutError } from '../client/errors.js';
import type { TableClient, RequestOptions } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type { EntityRef, PartyRef } from '../model/kinds.js';
import {
  partyColumns,
  partyFields,
  partyTable,
  partyWriteValues,
  rowToPartyRow,
  type PartyRow,
} from './party-rows.js';

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

export class RelatedPartiesService {
  readonly #writeListeners = new Set<(entity: EntityRef) => void>();

  constructor(
    private readonly client: TableClient,
    private readonly map: TableMap,
  ) {}

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
        await wait(delay, options.signal);
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

/** When to look for a write whose response was lost (ms after the failure, cumulative waits). */
const CONFIRM_DELAYS_MS = [0, 500, 1500];

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

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
