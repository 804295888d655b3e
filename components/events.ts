/**
 * Typed events the elements fire. All bubble and are composed, so a host can listen on any
 * ancestor, across shadow roots.
 */
import type { EntityRef, PartyRef } from '../src/model/kinds.js';
import type { PartyRow } from '../src/service/party-rows.js';
import type { AuthError } from '../src/client/errors.js';
import type { PartiesChange, PartyUpdate } from '../src/service/change-feed.js';

const init: EventInit = { bubbles: true, composed: true };

/** A related party was saved on the server. */
export class CamPartyAddedEvent extends Event {
  static readonly eventName = 'cam-party-added';
  constructor(
    /** The saved record, as the server has it. */
    readonly party: PartyRow,
  ) {
    super(CamPartyAddedEvent.eventName, init);
  }
}

/** A related party was removed on the server. */
export class CamPartyRemovedEvent extends Event {
  static readonly eventName = 'cam-party-removed';
  constructor(
    /** The record as it was before removal. */
    readonly party: PartyRow,
  ) {
    super(CamPartyRemovedEvent.eventName, init);
  }
}

/** A related party's relationship type (and responsibility) changed on the server. */
export class CamPartyChangedEvent extends Event {
  static readonly eventName = 'cam-party-changed';
  constructor(
    readonly party: PartyRow,
    readonly previous: PartyRow,
  ) {
    super(CamPartyChangedEvent.eventName, init);
  }
}

/** The server answered 401: the host should re-authenticate and set new credentials on the provider. */
export class CamAuthRequiredEvent extends Event {
  static readonly eventName = 'cam-auth-required';
  constructor(readonly error: AuthError) {
    super(CamAuthRequiredEvent.eventName, init);
  }
}

/** The add-party dialog asks to be opened for an entity (fired by the list's "Add" button). */
export class CamAddPartyRequestEvent extends Event {
  static readonly eventName = 'cam-add-party-request';
  constructor(readonly entity: EntityRef) {
    super(CamAddPartyRequestEvent.eventName, { ...init, cancelable: true });
  }
}

/** Fired by the add-party dialog when the user picked a party (before saving). */
export class CamPartySelectedEvent extends Event {
  static readonly eventName = 'cam-party-selected';
  constructor(
    readonly party: PartyRef,
    readonly name: string,
  ) {
    super(CamPartySelectedEvent.eventName, init);
  }
}

/**
 * Live refresh brought changes made elsewhere (another agent, another tab, a host's own write
 * through the services) into a list: which rows appeared, changed and went, and who made them.
 */
export class CamPartiesRefreshedEvent extends Event {
  static readonly eventName = 'cam-parties-refreshed';
  readonly entity: EntityRef;
  readonly added: readonly PartyRow[];
  readonly changed: readonly PartyUpdate[];
  readonly removed: readonly PartyRow[];
  /** Who added or edited each record (display name, else user name), by record id. */
  readonly by: ReadonlyMap<string, string>;
  constructor(change: PartiesChange) {
    super(CamPartiesRefreshedEvent.eventName, init);
    this.entity = change.entity;
    this.added = change.added;
    this.changed = change.changed;
    this.removed = change.removed;
    this.by = change.by;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cam-party-added': CamPartyAddedEvent;
    'cam-party-removed': CamPartyRemovedEvent;
    'cam-party-changed': CamPartyChangedEvent;
    'cam-auth-required': CamAuthRequiredEvent;
    'cam-add-party-request': CamAddPartyRequestEvent;
    'cam-party-selected': CamPartySelectedEvent;
    'cam-parties-refreshed': CamPartiesRefreshedEvent;
  }
}
