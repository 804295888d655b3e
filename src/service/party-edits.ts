/**
 * What `RelatedPartiesService` does for edits and for the add-party dialog: add, retype and remove
 * a party (never blindly re-sent, see below), search parties and records, read a group's members.
 * Loaded on the first such call (in the bundle, a chunk beside the entry): a page showing lists and
 * badges never runs it. The service hands in what it keeps (client, map, reads, write listeners).
 */
import { q } from '../client/encoded-query.js';
import { ApiError, isAbortError, NetworkError, ResponseFormatError, TimeoutError } from '../client/errors.js';
import type { RequestOptions, TableClient } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type { EntityKind, EntityRef, PartyKind, PartyRef } from '../model/kinds.js';
import { pause } from '../internal/abort.js';
import { partyColumns, partyTable, partyWriteValues, type PartyRow } from './party-rows.js';
import {
  entitySearchRequest,
  partySearchRequest,
  type EntitySearchResult,
  type PartySearchPage,
  type PartySearchResult,
} from './party-search.js';
import { ConflictError, UnconfirmedWriteError } from './party-write-errors.js';
import {
  MEMBER_LIMIT,
  SEARCH_LIMIT,
  type PartyChangeInput,
  type PartyMembers,
} from './related-parties-shared.js';

/** What the service gives the edits: its client and map, its reads, and its write listeners. */
export interface PartyEditContext {
  readonly client: TableClient;
  readonly map: TableMap;
  read(entity: EntityRef, id: string, options?: RequestOptions): Promise<PartyRow | undefined>;
  list(entity: EntityRef, options?: RequestOptions): Promise<PartyRow[]>;
  /** Tells the service's write listeners that `entity` was written. */
  written(entity: EntityRef): void;
}

/** `RelatedPartiesService.search`: names first, then email matches fill up the list. */
export async function searchParties(
  context: PartyEditContext,
  kind: PartyKind,
  text: string,
  options: RequestOptions & { debounceMs?: number },
): Promise<PartySearchPage> {
  const { client, map } = context;
  const typed = text.trim();
  const byName = partySearchRequest(kind, typed, map, 'name');
  const byEmail = partySearchRequest(kind, typed, map, 'email');
  if (!byName || typed === '') return { results: [], more: false };
  await pause(options.debounceMs ?? 0, options.signal);
  const { signal, timeoutMs } = options;
  const names = await client.list(byName.table, { ...byName.options, signal, timeoutMs });
  const found = names.rows.map(byName.read).filter((r): r is PartySearchResult => r !== undefined);
  let more = found.length > SEARCH_LIMIT || (names.total ?? 0) > SEARCH_LIMIT;
  if (!more && byEmail) {
    const emails = await client.list(byEmail.table, { ...byEmail.options, signal, timeoutMs });
    const seen = new Set(found.map((r) => r.party.id));
    for (const hit of emails.rows.map(byEmail.read)) {
      if (hit && !seen.has(hit.party.id)) found.push(hit);
    }
    more = found.length > SEARCH_LIMIT || (emails.total ?? 0) > SEARCH_LIMIT;
  }
  return { results: found, more };
}

/** `RelatedPartiesService.searchEntities`: records of `kind` found by `text`, in the server's order. */
export async function searchEntities(
  context: PartyEditContext,
  kind: EntityKind,
  text: string,
  options: RequestOptions & { debounceMs?: number },
): Promise<EntitySearchResult[]> {
  const typed = text.trim();
  const request = entitySearchRequest(kind, typed, context.map);
  if (typed === '') return [];
  await pause(options.debounceMs ?? 0, options.signal);
  const page = await context.client.list(request.table, {
    ...request.options,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  return page.rows.map(request.read).filter((r): r is EntitySearchResult => r !== undefined);
}

/** `RelatedPartiesService.members`: an account's contacts, an organization's members. */
export async function membersOf(
  context: PartyEditContext,
  party: PartyRef,
  options: RequestOptions,
): Promise<PartyMembers> {
  const { map } = context;
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
  const page = await context.client.list(table, {
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
 * `RelatedPartiesService.add`. When the POST times out or the connection drops, the outcome is
 * unknown: the server is asked for a matching record instead of re-sending, so a retry never
 * duplicates.
 */
export async function addParty(
  context: PartyEditContext,
  entity: EntityRef,
  input: PartyChangeInput,
  options: RequestOptions,
): Promise<PartyRow> {
  const { client, map } = context;
  const table = partyTable(entity.kind, map);
  const values = partyWriteValues(entity, input.party, input.type, input.responsibility, map);
  try {
    const created = await client.create(table, values, options);
    const id = created[partyColumns(entity.kind, map).id ?? 'sys_id']?.value;
    const row = id ? await context.read(entity, id, { signal: options.signal }) : undefined;
    if (!row)
      throw new UnconfirmedWriteError('The server accepted the party but does not return it.', created);
    context.written(entity);
    return row;
  } catch (error) {
    if (!outcomeUnknown(error)) throw error;
    // The request may still be in progress on the server: look a few times before concluding.
    let asked = false;
    for (const delay of CONFIRM_DELAYS_MS) {
      await pause(delay, options.signal);
      try {
        const landed = await findExisting(context, entity, input, options);
        asked = true;
        if (landed) {
          context.written(entity);
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

/** `RelatedPartiesService.retype`: refuses if the party changed meanwhile. */
export async function retypeParty(
  context: PartyEditContext,
  row: PartyRow,
  type: string,
  responsibility: string | undefined,
  options: RequestOptions,
): Promise<PartyRow> {
  const { client, map } = context;
  const { entity, id } = row.record;
  await assertUnchanged(context, row, options);
  const columns = partyColumns(entity.kind, map);
  await client.update(
    partyTable(entity.kind, map),
    id,
    { [columns.type ?? 'type']: type, [columns.responsibility ?? 'responsibility']: responsibility ?? '' },
    options,
  );
  const updated = await context.read(entity, id, { signal: options.signal });
  context.written(entity);
  if (!updated) throw new ConflictError('The party was removed by someone else.', undefined);
  return updated;
}

/** `RelatedPartiesService.remove`: a record already gone counts as removed; refuses if it changed. */
export async function removeParty(
  context: PartyEditContext,
  row: PartyRow,
  options: RequestOptions,
): Promise<void> {
  const { entity, id } = row.record;
  const current = await context.read(entity, id, options);
  if (!current) return;
  if (isChanged(row, current)) {
    throw new ConflictError(
      'Someone else changed this party since it was loaded; review it and try again.',
      current,
    );
  }
  try {
    await context.client.remove(partyTable(entity.kind, context.map), id, options);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
  context.written(entity);
}

async function assertUnchanged(
  context: PartyEditContext,
  row: PartyRow,
  options: RequestOptions,
): Promise<void> {
  const current = await context.read(row.record.entity, row.record.id, options);
  if (!current) throw new ConflictError('The party was removed by someone else.', undefined);
  if (isChanged(row, current)) {
    throw new ConflictError(
      'Someone else changed this party since it was loaded; review it and try again.',
      current,
    );
  }
}

async function findExisting(
  context: PartyEditContext,
  entity: EntityRef,
  input: PartyChangeInput,
  options: RequestOptions,
): Promise<PartyRow | undefined> {
  const rows = await context.list(entity, { signal: options.signal });
  return rows.find(
    (row) =>
      row.record.party.kind === input.party.kind &&
      row.record.party.id === input.party.id &&
      row.record.type === input.type,
  );
}

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
