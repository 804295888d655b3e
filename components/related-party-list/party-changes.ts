/**
 * Optimistic changes to the related parties of one entity. A retype or removal shows at once; the
 * server's answer then either confirms it (the event fires, access is re-evaluated) or refuses it:
 * the row returns to the server's state, which is re-read, and `failure` says what failed and why,
 * keeping the agent's change so that `retryFailure` can send it again.
 */
import type { ReactiveControllerHost } from 'lit';
import { isAbortError } from '../../src/index.js';
import type { RelationshipType } from '../../src/model/definitions.js';
import type { EntityRef } from '../../src/model/kinds.js';
import type { PartyRow } from '../../src/service/party-rows.js';
import type { PartiesChange } from '../../src/service/change-feed.js';
import { ConflictError } from '../../src/service/related-parties-service.js';
import type { CamServices } from '../context.js';
import { CamPartyChangedEvent, CamPartyRemovedEvent } from '../events.js';
import { describeError } from './list-errors.js';

/** The change the agent asked for, kept when it fails so that it can be sent again. */
export type Attempt =
  | {
      readonly action: 'retype';
      readonly row: PartyRow;
      readonly type: RelationshipType;
      readonly responsibilityName: string | undefined;
    }
  | { readonly action: 'remove'; readonly row: PartyRow };

/** A change the server refused (or that failed on the way). */
export interface ChangeFailure {
  readonly action: 'retype' | 'remove';
  /** The party's display name when the change was made. */
  readonly party: string;
  readonly message: string;
  /** The change itself, for `retryFailure`. */
  readonly attempt: Attempt;
}

type Pending = { readonly op: 'retype'; readonly row: PartyRow } | { readonly op: 'remove' };

export interface PartyChangesContext {
  readonly services?: CamServices;
  readonly entity?: EntityRef;
  /** The name shown for a row (dangling references get a placeholder). */
  readonly nameOf: (row: PartyRow) => string;
}

/** Needs no lifecycle hooks: a write in flight is never aborted (its outcome would be unknown). */
export class PartyChangesController {
  #server: readonly PartyRow[] = [];
  #view: readonly PartyRow[] = [];
  readonly #pending = new Map<string, Pending>();
  #failure: ChangeFailure | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly context: () => PartyChangesContext,
  ) {}

  /** The rows to show: the server's, with pending changes applied. A new array on every change. */
  get rows(): readonly PartyRow[] {
    return this.#view;
  }

  /** The rows as the server has them, as far as this list knows (no pending change applied). */
  get serverRows(): readonly PartyRow[] {
    return this.#server;
  }

  /** The last refused change, until dismissed or the next change. */
  get failure(): ChangeFailure | undefined {
    return this.#failure;
  }

  /** True while the server has not answered a change of this record. */
  isPending(recordId: string): boolean {
    return this.#pending.has(recordId);
  }

  /** The rows as the server has them (after a load or re-read). */
  setServerRows(rows: readonly PartyRow[]): void {
    this.#server = rows;
    this.#refresh();
  }

  /** A party was added (the add dialog saved it and invalidated the entity): show it now. */
  added(row: PartyRow): void {
    if (!this.#server.some((r) => r.record.id === row.record.id)) this.#server = [...this.#server, row];
    this.#refresh();
  }

  /**
   * Applies changes another agent made (live refresh) to the server rows; pending changes of this
   * page stay on top (the server answers them). Returns what was new to this list: a change it
   * already shows (its own write, heard back) is left out.
   */
  applyRemote(change: PartiesChange): PartiesChange {
    const server = new Map(this.#server.map((row) => [row.record.id, row]));
    const added = change.added.filter((row) => !server.has(row.record.id));
    const changed = change.changed.filter(({ row }) => {
      const shown = server.get(row.record.id);
      return shown !== undefined && shown.modCount !== row.modCount;
    });
    const removed = change.removed.filter((row) => server.has(row.record.id));
    for (const { row } of changed) this.#replace(row.record.id, row);
    for (const row of removed) this.#replace(row.record.id, undefined);
    if (added.length > 0) this.#server = [...this.#server, ...added];
    this.#refresh();
    return { ...change, added, changed, removed };
  }

  dismissFailure(): void {
    this.#failure = undefined;
    this.host.requestUpdate();
  }

  /**
   * Sends the refused change again, against the server's current copy of the row (re-read since).
   * On success the failure goes and access is re-evaluated; on failure it is replaced by the new one.
   */
  async retryFailure(): Promise<boolean> {
    const attempt = this.#failure?.attempt;
    if (!attempt) return false;
    const id = attempt.row.record.id;
    const row = this.#server.find((r) => r.record.id === id) ?? attempt.row;
    return attempt.action === 'retype'
      ? this.retype(row, attempt.type, attempt.responsibilityName)
      : this.remove(row);
  }

  /** Changes the relationship type (responsibility: the type's default). True when saved. */
  async retype(
    row: PartyRow,
    type: RelationshipType,
    responsibilityName: string | undefined,
  ): Promise<boolean> {
    const services = this.context().services;
    if (!services || this.#pending.has(row.record.id)) return false;
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
    return this.#run(attempt, { op: 'retype', row: optimistic }, async () => {
      const updated = await services.parties.retype(row, type.id, responsibility);
      this.#replace(row.record.id, updated);
      return new CamPartyChangedEvent(updated, row);
    });
  }

  /** Removes the party. True when removed. */
  async remove(row: PartyRow): Promise<boolean> {
    const services = this.context().services;
    if (!services || this.#pending.has(row.record.id)) return false;
    return this.#run({ action: 'remove', row }, { op: 'remove' }, async () => {
      await services.parties.remove(row);
      this.#replace(row.record.id, undefined);
      return new CamPartyRemovedEvent(row);
    });
  }

  async #run(attempt: Attempt, pending: Pending, save: () => Promise<Event>): Promise<boolean> {
    const { action, row } = attempt;
    const id = row.record.id;
    const name = this.context().nameOf(row);
    this.#failure = undefined;
    this.#pending.set(id, pending);
    this.#refresh();
    try {
      const confirmed = await save();
      this.#pending.delete(id);
      this.#refresh();
      this.host.dispatchEvent(confirmed);
      return true;
    } catch (error) {
      this.#pending.delete(id);
      // A conflict carries the server's copy: show it now, the re-read below confirms it.
      if (error instanceof ConflictError) this.#replace(id, error.current);
      if (!isAbortError(error)) {
        this.context().services?.reportError(error);
        this.#failure = { action, party: name, message: describeError(error), attempt };
      }
      this.#refresh();
      return false;
    } finally {
      this.#invalidate();
    }
  }

  #replace(id: string, row: PartyRow | undefined): void {
    this.#server = row
      ? this.#server.map((r) => (r.record.id === id ? row : r))
      : this.#server.filter((r) => r.record.id !== id);
  }

  /** Re-reads the entity: badges re-evaluate, the list gets the server's state. */
  #invalidate(): void {
    const { services, entity } = this.context();
    if (services && entity) services.access.invalidate(entity);
  }

  #refresh(): void {
    this.#view =
      this.#pending.size === 0
        ? this.#server
        : this.#server.flatMap((row) => {
            const pending = this.#pending.get(row.record.id);
            if (!pending) return [row];
            return pending.op === 'remove' ? [] : [pending.row];
          });
    this.host.requestUpdate();
  }
}
