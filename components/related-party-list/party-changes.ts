/**
 * Optimistic changes to the related parties of one entity. A retype or removal shows at once; the
 * server's answer then either confirms it (the event fires, access is re-evaluated) or refuses it:
 * the row returns to the server's state, which is re-read, and `failure` says what failed and why,
 * keeping the agent's change so that `retryFailure` (party-writes.ts) can send it again.
 */
import type { ReactiveControllerHost } from 'lit';
import type { RelationshipType } from '../../src/model/definitions.js';
import type { EntityRef } from '../../src/model/kinds.js';
import type { PartyRow } from '../../src/service/party-rows.js';
import type { PartiesChange } from '../../src/service/change-feed.js';
import type { CamServices } from '../context.js';
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

/** A change on its way: the row as it will be, or its removal. */
export type Pending = { readonly op: 'retype'; readonly row: PartyRow } | { readonly op: 'remove' };

export interface PartyChangesContext {
  readonly services?: CamServices;
  readonly entity?: EntityRef;
  /** The name shown for a row (dangling references get a placeholder). */
  readonly nameOf: (row: PartyRow) => string;
}

/**
 * The rows as this list shows them: the server's, with the changes on their way applied, and the
 * last refused change. Sending changes (`retype`, `remove`, `retryFailure`) is in party-writes.ts,
 * loaded with the row actions. Needs no lifecycle hooks: a write in flight is never aborted (its
 * outcome would be unknown).
 */
export class PartyChangesController {
  #server: readonly PartyRow[] = [];
  #view: readonly PartyRow[] = [];
  readonly #pending = new Map<string, Pending>();
  #failure: ChangeFailure | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly contextOf: () => PartyChangesContext,
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

  /** The context the changes are made in (for party-writes.ts). */
  get context(): PartyChangesContext {
    return this.contextOf();
  }

  /** A change of `id` is on its way: it shows at once; the last refused change is forgotten. */
  begin(id: string, pending: Pending): void {
    this.#failure = undefined;
    this.#pending.set(id, pending);
    this.#refresh();
  }

  /**
   * The server answered the change of `id`: `server` is its copy of the row now (`null`: removed;
   * left out: unknown, the re-read tells); `confirmed` fires once the rows show it; `refused` is
   * the failure to show (its message made here, beside the list's other error sentences).
   */
  settle(
    id: string,
    outcome: {
      readonly server?: PartyRow | null;
      readonly confirmed?: Event;
      readonly refused?: { readonly attempt: Attempt; readonly party: string; readonly error: unknown };
    },
  ): void {
    if (outcome.server !== undefined) this.#replace(id, outcome.server ?? undefined);
    this.#pending.delete(id);
    const refused = outcome.refused;
    if (refused) {
      const { attempt, party, error } = refused;
      this.#failure = { action: attempt.action, party, message: describeError(error), attempt };
    }
    this.#refresh();
    if (outcome.confirmed) this.host.dispatchEvent(outcome.confirmed);
  }

  #replace(id: string, row: PartyRow | undefined): void {
    this.#server = row
      ? this.#server.map((r) => (r.record.id === id ? row : r))
      : this.#server.filter((r) => r.record.id !== id);
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
