/**
 * What live refresh reports about the related parties of an entity, apart from the change reader
 * (change-feed.ts) so that the lists can name it without loading the reader's code.
 */
import type { EntityRef } from '../model/kinds.js';
import type { PartyRow } from './party-rows.js';

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

/** Whether a change set holds anything. */
export function isEmptyChange(change: Pick<PartiesChange, 'added' | 'changed' | 'removed'>): boolean {
  return change.added.length === 0 && change.changed.length === 0 && change.removed.length === 0;
}
