/**
 * Effective access for the entities on screen: loads each entity's facts once (shared by every
 * badge, list row and preview that asks), builds an engine over them with the current
 * definitions, and rebuilds when definitions change or a party is added, changed or removed.
 */
import { AccessEngine } from '../access/engine.js';
import type { Definitions } from '../model/definitions.js';
import type { EntityRef, PrincipalRef } from '../model/kinds.js';
import { formatRef } from '../model/kinds.js';
import type { Facts } from '../model/facts.js';
import type { AccessFactsLoader, IncompleteSource } from './access-facts-loader.js';
import type { PartyRow } from './party-rows.js';
import type { PartiesChange } from './change-feed.js';
import { patchAccess } from './live-patch.js';

/** What the access service needs of the definitions service. */
export interface DefinitionsSource<S extends { readonly definitions: Definitions }> {
  load(signal?: AbortSignal): Promise<S>;
  subscribe(listener: (snapshot: S) => void): () => void;
}

/** One entity's access picture: the engine, the facts it was built from, and where they came from. */
export interface EntityAccess<
  S extends { readonly definitions: Definitions } = { readonly definitions: Definitions },
> {
  readonly entity: EntityRef;
  readonly engine: AccessEngine;
  readonly facts: Facts;
  /** Related parties of the entity itself. */
  readonly parties: readonly PartyRow[];
  /** Tables that could not be read: answers may be missing grants from them. */
  readonly incomplete: readonly IncompleteSource[];
  /** The definitions snapshot the engine was built with (source, age). */
  readonly definitions: S;
}

type Listener = (entity: EntityRef | undefined) => void;

interface Entry<S extends { readonly definitions: Definitions }> {
  readonly promise: Promise<EntityAccess<S>>;
  /** The extra principals this load included (`kind:id`). */
  readonly requested: ReadonlySet<string>;
  /** The loaded picture, once the load succeeded (live changes patch it). */
  value?: EntityAccess<S>;
}

export class AccessService<S extends { readonly definitions: Definitions }> {
  private readonly entries = new Map<string, Entry<S>>();
  /** Principals asked for per entity beyond its parties (kept across reloads). */
  private readonly wanted = new Map<string, Map<string, PrincipalRef>>();
  private readonly listeners = new Set<Listener>();
  private readonly stopWatching: () => void;
  /** The latest definitions snapshot a load has used (undefined before the first). */
  private definitionsUsed: S | undefined;

  constructor(
    private readonly loader: AccessFactsLoader,
    private readonly definitions: DefinitionsSource<S>,
  ) {
    // New definitions change every answer: drop every engine (facts are re-read too; cheap, and
    // role sys_ids may have been renamed). The first snapshot replaces nothing: loads in flight are
    // waiting for it, so it must not send them round again.
    this.stopWatching = definitions.subscribe((snapshot) => {
      if (this.definitionsUsed !== undefined && this.definitionsUsed !== snapshot) this.invalidate();
    });
  }

  /**
   * The access picture of `entity`. Concurrent callers share one load. Principals not named by any
   * party (badges for arbitrary contacts) are remembered per entity; the callers of one task share
   * a single reload that includes all of them.
   */
  async forEntity(
    entity: EntityRef,
    options: { signal?: AbortSignal; principal?: PrincipalRef } = {},
  ): Promise<EntityAccess<S>> {
    const key = formatRef(entity);
    const { principal, signal } = options;
    if (principal) this.wantedFor(key).set(formatRef(principal), principal);
    for (;;) {
      const entry = this.entries.get(key) ?? this.start(key, entity);
      const loaded = await raceAbort(entry.promise, signal);
      // Asked for and still absent: the principal does not exist; the engine answers "none".
      if (!principal || hasPrincipal(loaded.facts, principal) || entry.requested.has(formatRef(principal))) {
        return loaded;
      }
      if (this.entries.get(key) === entry) this.start(key, entity);
    }
  }

  private wantedFor(key: string): Map<string, PrincipalRef> {
    let wanted = this.wanted.get(key);
    if (!wanted) this.wanted.set(key, (wanted = new Map()));
    return wanted;
  }

  /** Starts a load of `entity` after the current task, so every principal asked for meanwhile joins it. */
  private start(key: string, entity: EntityRef): Entry<S> {
    const requested = new Set<string>();
    const promise = new Promise<void>((resolve) => setTimeout(resolve)).then(() => {
      const principals = [...this.wantedFor(key).entries()];
      for (const [ref] of principals) requested.add(ref);
      return this.load(
        entity,
        principals.map(([, p]) => p),
      );
    });
    const entry: Entry<S> = { promise, requested };
    this.entries.set(key, entry);
    promise.then(
      (value) => (entry.value = value),
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry;
  }

  /**
   * Applies related-party changes seen by live refresh: in memory when the facts they need are
   * already loaded (a retype, a removal, a party already on the entity), else by reading the
   * entity again. Subscribers hear of it either way, so badges recompute.
   */
  applyPartyChanges(entity: EntityRef, change: Pick<PartiesChange, 'added' | 'changed' | 'removed'>): void {
    const key = formatRef(entity);
    const entry = this.entries.get(key);
    // A load in flight reads the server as it is now; should it have missed the change, the next
    // check sees it again against the rows that load shows.
    if (entry && !entry.value) return;
    const current = entry?.value;
    const patched = current && patchAccess(current, change, current.definitions.definitions);
    if (!entry || !patched) {
      this.invalidate(entity);
      return;
    }
    this.entries.set(key, { promise: Promise.resolve(patched), requested: entry.requested, value: patched });
    for (const listener of this.listeners) listener(entity);
  }

  /** Forgets loaded facts (of one entity, or all) and tells subscribers to ask again. */
  invalidate(entity?: EntityRef): void {
    if (entity) this.entries.delete(formatRef(entity));
    else this.entries.clear();
    for (const listener of this.listeners) listener(entity);
  }

  /** Called with the entity whose access changed (undefined: everything). */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.stopWatching();
    this.listeners.clear();
    this.entries.clear();
  }

  /**
   * Reads the definitions and the facts at once (neither waits for the other). The facts name the
   * roles principals hold by sys_id, resolved with the definitions: a role met before they are in
   * gets a placeholder, named once both have arrived; one the definitions do not know (the role
   * table unreadable…) needs the server's display value, so the facts are read again in that case.
   */
  private async load(entity: EntityRef, principals: readonly PrincipalRef[]): Promise<EntityAccess<S>> {
    let roleNames: Map<string, string> | undefined;
    const definitions = this.definitions.load().then((snapshot) => {
      this.definitionsUsed = snapshot;
      roleNames = roleNamesOf(snapshot.definitions);
      return snapshot;
    });
    const early = new Set<string>();
    const facts = this.loader.load(entity, {
      principals,
      roleName: (sysId) => {
        if (roleNames) return roleNames.get(sysId);
        early.add(sysId);
        return `${PENDING_ROLE}${sysId}`;
      },
    });
    // The definitions failing first must not leave the facts' failure unhandled.
    facts.catch(() => undefined);
    const snapshot = await definitions;
    let loaded = await facts;
    const names = roleNames ?? roleNamesOf(snapshot.definitions);
    if (early.size > 0) {
      loaded = [...early].every((sysId) => names.has(sysId))
        ? { ...loaded, facts: namePendingRoles(loaded.facts, names) }
        : await this.loader.load(entity, { principals, roleName: (sysId) => names.get(sysId) });
    }
    return {
      entity,
      engine: new AccessEngine(snapshot.definitions, loaded.facts),
      facts: loaded.facts,
      parties: loaded.parties,
      incomplete: loaded.incomplete,
      definitions: snapshot,
    };
  }
}

/** Marks a role named by sys_id before the definitions were in (not a valid role name). */
const PENDING_ROLE = '\u0000pending-role:';

function roleNamesOf(definitions: Definitions): Map<string, string> {
  const names = new Map<string, string>();
  for (const role of definitions.roles) if (role.sysId) names.set(role.sysId, role.name);
  return names;
}

/** The facts with every pending role replaced by its name. */
function namePendingRoles(facts: Facts, names: ReadonlyMap<string, string>): Facts {
  const named = (roles: readonly string[]): string[] =>
    roles.map((role) =>
      role.startsWith(PENDING_ROLE) ? (names.get(role.slice(PENDING_ROLE.length)) ?? role) : role,
    );
  return {
    ...facts,
    contacts: facts.contacts.map((c) => ({ ...c, roles: named(c.roles) })),
    consumers: facts.consumers.map((c) => ({ ...c, roles: named(c.roles) })),
    users: facts.users.map((u) => ({ ...u, roles: named(u.roles) })),
  };
}

function hasPrincipal(facts: Facts, principal: PrincipalRef): boolean {
  const list =
    principal.kind === 'contact'
      ? facts.contacts
      : principal.kind === 'consumer'
        ? facts.consumers
        : facts.users;
  return list.some((p) => p.id === principal.id);
}

/** Resolves with `promise`, or rejects with the signal's reason as soon as it aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
