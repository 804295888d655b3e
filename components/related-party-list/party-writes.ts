/**
 * Sends the changes of a list's rows (party-changes.ts keeps what the rows show): a retype or a
 * removal shows at once, then the server confirms it (the event fires) or refuses it (the row
 * returns to the server's state and the failure keeps the change for a Retry). Either way the
 * entity is read again, so the badges re-evaluate. Loaded with the row actions (row-actions.ts).
 */
import { isAbortError } from '../../src/index.js';
import type { RelationshipType } from '../../src/model/definitions.js';
import type { PartyRow } from '../../src/service/party-rows.js';
import { ConflictError } from '../../src/service/related-parties-service.js';
import { CamPartyChangedEvent, CamPartyRemovedEvent } from '../events.js';
import type { Attempt, PartyChangesController, Pending } from './party-changes.js';

/** Changes the relationship type (responsibility: the type's default). True when saved. */
export async function retype(
  changes: PartyChangesController,
  row: PartyRow,
  type: RelationshipType,
  responsibilityName: string | undefined,
): Promise<boolean> {
  const services = changes.context.services;
  if (!services || changes.isPending(row.record.id)) return false;
  const { responsibility: _previous, ...record } = row.record;
  const responsibility = type.defaultResponsibility;
  const optimistic: PartyRow = {
    ...row,
    record:
      responsibility === undefined
        ? { ...record, type: type.id }
        : { ...record, type: type.id, responsibility },
    typeName: type.name,
    responsibilityName,
  };
  const attempt: Attempt = { action: 'retype', row, type, responsibilityName };
  return run(changes, attempt, { op: 'retype', row: optimistic }, async () => {
    const updated = await services.parties.retype(row, type.id, responsibility);
    return { server: updated, confirmed: new CamPartyChangedEvent(updated, row) };
  });
}

/** Removes the party. True when removed. */
export async function remove(changes: PartyChangesController, row: PartyRow): Promise<boolean> {
  const services = changes.context.services;
  if (!services || changes.isPending(row.record.id)) return false;
  return run(changes, { action: 'remove', row }, { op: 'remove' }, async () => {
    await services.parties.remove(row);
    return { server: null, confirmed: new CamPartyRemovedEvent(row) };
  });
}

/**
 * Sends the refused change again, against the server's current copy of the row (re-read since).
 * On success the failure goes and access is re-evaluated; on failure it is replaced by the new one.
 */
export async function retryFailure(changes: PartyChangesController): Promise<boolean> {
  const attempt = changes.failure?.attempt;
  if (!attempt) return false;
  const id = attempt.row.record.id;
  const row = changes.serverRows.find((r) => r.record.id === id) ?? attempt.row;
  return attempt.action === 'retype'
    ? retype(changes, row, attempt.type, attempt.responsibilityName)
    : remove(changes, row);
}

async function run(
  changes: PartyChangesController,
  attempt: Attempt,
  pending: Pending,
  save: () => Promise<{ server: PartyRow | null; confirmed: Event }>,
): Promise<boolean> {
  const { row } = attempt;
  const id = row.record.id;
  const context = changes.context;
  const name = context.nameOf(row);
  changes.begin(id, pending);
  try {
    changes.settle(id, await save());
    return true;
  } catch (error) {
    // A conflict carries the server's copy (none: removed): show it now, the re-read confirms it.
    const server = error instanceof ConflictError ? (error.current ?? null) : undefined;
    if (isAbortError(error)) {
      changes.settle(id, { server });
    } else {
      changes.context.services?.reportError(error);
      changes.settle(id, { server, refused: { attempt, party: name, error } });
    }
    return false;
  } finally {
    // Re-reads the entity: badges re-evaluate, the list gets the server's state.
    const { services, entity } = changes.context;
    if (services && entity) services.access.invalidate(entity);
  }
}
