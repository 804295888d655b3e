/**
 * The list's side of live refresh: watches the shown entity through the provider's live feed,
 * hands each change to the list (which applies it in place), says what changed and who changed it,
 * marks the changed rows briefly, and follows whether live updates are paused and why (live-view.ts
 * shows both); finds what a re-read brought that nobody announced, and the open edit a change
 * makes moot. Loaded once the list has shown its rows, when live refresh starts.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { EntityRef } from '../../src/model/kinds.js';
import { formatRef } from '../../src/model/kinds.js';
import type { PartiesChange } from '../../src/service/change-feed.js';
import type { LiveStatus } from '../../src/service/live-feed.js';
import type { LiveUpdates } from '../../src/service/deferred-live-feed.js';
import type { PartyRow } from '../../src/service/party-rows.js';
import { columnText, partyName } from './labels.js';

import { isEmptyChange } from '../../src/service/parties-change.js';

export { isEmptyChange };

/** How long a changed row stays marked, ms. */
const HIGHLIGHT_MS = 2500;
/** Changes named one by one in an announcement; more are counted. */
const NAMED = 3;

export interface LiveContext {
  readonly live?: LiveUpdates;
}

function typeOf(row: PartyRow): string {
  return columnText(row, 'type') || msg('no relationship type');
}

/** One sentence per change: "Dana Ruiz added Omar Haddad as Authorized Contact". */
export function describeChange(change: Pick<PartiesChange, 'added' | 'changed' | 'removed' | 'by'>): string {
  const sentences: string[] = [];
  for (const row of change.added) {
    const who = change.by.get(row.record.id);
    const name = partyName(row);
    const type = typeOf(row);
    sentences.push(
      who ? msg(str`${who} added ${name} as ${type}.`) : msg(str`${name} was added as ${type}.`),
    );
  }
  for (const { row } of change.changed) {
    const who = change.by.get(row.record.id);
    const name = partyName(row);
    const type = typeOf(row);
    sentences.push(
      who ? msg(str`${who} changed ${name} to ${type}.`) : msg(str`${name} was changed to ${type}.`),
    );
  }
  for (const row of change.removed) sentences.push(msg(str`${partyName(row)} was removed.`));
  if (sentences.length <= NAMED) return sentences.join(' ');
  const more = sentences.length - NAMED;
  return `${sentences.slice(0, NAMED).join(' ')} ${msg(str`And ${more} more changes.`)}`;
}

/**
 * What a re-read shows that the list did not (rows added, changed and removed elsewhere), leaving
 * out the records `skip` names; undefined when there is nothing.
 */
export function unseenChange(
  entity: EntityRef,
  before: readonly PartyRow[],
  after: readonly PartyRow[],
  skip: (recordId: string) => boolean,
): PartiesChange | undefined {
  const was = new Map(before.map((row) => [row.record.id, row]));
  const now = new Set(after.map((row) => row.record.id));
  const change: PartiesChange = {
    entity,
    added: after.filter((row) => !was.has(row.record.id) && !skip(row.record.id)),
    changed: after.flatMap((row) => {
      const previous = was.get(row.record.id);
      return previous && !skip(row.record.id) && rowChanged(previous, row) ? [{ row, previous }] : [];
    }),
    removed: before.filter((row) => !now.has(row.record.id) && !skip(row.record.id)),
    by: new Map(),
  };
  return isEmptyChange(change) ? undefined : change;
}

/** The record differs: its `sys_mod_count` when both are known, else its type or responsibility. */
function rowChanged(previous: PartyRow, row: PartyRow): boolean {
  if (previous.modCount !== undefined && row.modCount !== undefined)
    return previous.modCount !== row.modCount;
  return (
    previous.record.type !== row.record.type || previous.record.responsibility !== row.record.responsibility
  );
}

/**
 * What to tell an agent whose open edit (`editing`) or removal confirmation of `recordId` someone
 * else's `change` changed or removed; undefined when it did not touch that record.
 */
export function rowConflict(
  change: PartiesChange,
  recordId: string,
  editing: boolean,
): { readonly message: string; readonly removed: boolean } | undefined {
  const action = (): string =>
    editing ? msg('changing its relationship type') : msg('confirming its removal');
  const removed = change.removed.find((row) => row.record.id === recordId);
  if (removed) {
    const name = partyName(removed);
    const message = msg(
      str`${name} was removed by someone else while you were ${action()}. Nothing was saved.`,
    );
    return { message, removed: true };
  }
  const update = change.changed.find(({ row }) => row.record.id === recordId);
  if (!update) return undefined;
  const name = partyName(update.row);
  const who = change.by.get(recordId) ?? msg('Someone else');
  const type = update.row.typeName ?? msg('another type');
  const message = msg(
    str`${who} changed ${name} to ${type} while you were ${action()}. Nothing was saved; review the change and try again if needed.`,
  );
  return { message, removed: false };
}

export class LiveUpdatesController implements ReactiveController {
  #watching: { live: LiveUpdates; key: string; stop: () => void } | undefined;
  #stopStatus: (() => void) | undefined;
  #status: LiveStatus | undefined;
  #announcement = '';
  #recent = new Set<string>();
  #timers = new Set<ReturnType<typeof setTimeout>>();
  /** The last load, to watch again when the element is moved (disconnected and reconnected). */
  #last: { entity: EntityRef; rows: readonly PartyRow[] } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly context: () => LiveContext,
    private readonly onChange: (change: PartiesChange) => void,
  ) {
    host.addController(this);
  }

  /** The last announcement (what changed and who changed it). */
  get announcement(): string {
    return this.#announcement;
  }

  hostConnected(): void {
    if (this.#last && !this.#watching) this.loaded(this.#last.entity, this.#last.rows);
  }

  hostDisconnected(): void {
    this.#unwatch();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#recent.clear();
  }

  /** The entity's rows were (re)loaded: watch it, diffing against these rows. */
  loaded(entity: EntityRef, rows: readonly PartyRow[]): void {
    const { live } = this.context();
    const key = formatRef(entity);
    this.#last = { entity, rows };
    if (!live) {
      this.#unwatch();
      return;
    }
    if (this.#watching?.live !== live || this.#watching.key !== key) {
      this.#unwatch();
      const stop = live.watch(entity, rows, (change) => this.onChange(change));
      this.#watching = { live, key, stop };
      this.#stopStatus = live.subscribeStatus((status) => {
        this.#status = status;
        this.host.requestUpdate();
      });
      this.#status = live.status;
    }
    live.setKnown(entity, rows);
  }

  /** Announces applied changes and marks their rows for a moment. */
  announce(change: PartiesChange): void {
    this.#announcement = describeChange(change);
    const ids = [...change.added, ...change.changed.map((u) => u.row)].map((row) => row.record.id);
    for (const id of ids) this.#recent.add(id);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      for (const id of ids) this.#recent.delete(id);
      this.host.requestUpdate();
    }, HIGHLIGHT_MS);
    this.#timers.add(timer);
    this.host.requestUpdate();
  }

  /** True for a row another agent just added or changed. */
  isRecent = (recordId: string): boolean => this.#recent.has(recordId);

  /** Live updates' state (paused, off…) while watching. */
  get status(): LiveStatus | undefined {
    return this.#status;
  }

  #unwatch(): void {
    this.#watching?.stop();
    this.#watching = undefined;
    this.#stopStatus?.();
    this.#stopStatus = undefined;
    this.#status = undefined;
  }
}
