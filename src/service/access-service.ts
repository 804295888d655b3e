/**
 * Effective access for the entities on screen: loads each entity's facts once (shared by every
 * badge, list row and preview that asks), builds an engine over them with the current
 * definitions, and rebuilds when definitions change or a party is added, changed or removed.
 */
import type { AccessEngine } from '../access/engine.js';
import type { Explanation } from '../access/types.js';
import { NetworkError, TimeoutError } from '../client/errors.js';
import { raceAbort } from '../internal/abort.js';
import type { Definitions } from '../model/definitions.js';
import { factsOfKind } from '../model/facts.js';
import type { EntityRef, PartyRef, PrincipalKind, PrincipalRef } from '../model/kinds.js';
import { formatRef, isPrincipalKind } from '../model/kinds.js';
import type { Facts } from '../model/facts.js';
import type { AccessFactsLoader, EarlyFacts, IncompleteSource } from './access-facts-loader.js';
import { PartyPages, type PartyRowsProgress } from './party-pages.js';
import { DefinitionsUnavailableError } from './definitions-snapshot.js';
import type { PartyRow } from './party-rows.js';
import type { PartiesChange } from './change-feed.js';
import { engineCode } from './engine-code.js';
import type { RelatedPartiesService } from './related-parties-service.js';

/** What the access service reads of a definitions snapshot (`DefinitionsSnapshot` has it all). */
export interface SnapshotLike {
  readonly definitions: Definitions;
  /** The server could not be reached: the definitions are a cached copy. */
  readonly offline?: boolean;
  /** `import`: the definitions come from a file the user imported. */
  readonly source?: string;
}

/** What the access service needs of the definitions service. */
export interface DefinitionsSource<S extends SnapshotLike> {
  load(signal?: AbortSignal): Promise<S>;
  subscribe(listener: (snapshot: S) => void): () => void;
}

/** One entity's access picture: the engine, the facts it was built from, and where they came from. */
export interface EntityAccess<S extends SnapshotLike = SnapshotLike> {
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

/** The engine for one entity and a party that may not be on it yet (the add-party preview). */
export interface PartyAccess {
  readonly engine: AccessEngine;
  /** Tables that could not be read: the preview may miss grants from them. */
  readonly incomplete: readonly IncompleteSource[];
  /** The party stands for more people than were loaded (`MEMBER_LIMIT`). */
  readonly truncated: boolean;
}

/** An explanation and the facts it was computed from. */
export interface ExplainResult {
  readonly explanation: Explanation;
  /** `instance`: facts read now; `import`: the imported file's facts. */
  readonly factsFrom: 'instance' | 'import';
  readonly facts: Facts;
}

/** The entity does not exist (or the signed-in user may not read it). */
export class EntityNotFoundError extends Error {
  override readonly name = 'EntityNotFoundError';
  constructor(
    readonly table: string,
    readonly id: string,
  ) {
    super(`No record ${id} in ${table}, or you may not read it.`);
  }
}

/** Facts are needed and neither the instance nor an imported file can give them. */
export class FactsUnavailableError extends Error {
  override readonly name = 'FactsUnavailableError';
}

/** True for failures that mean "the instance cannot be reached". */
export function isOffline(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    (error instanceof DefinitionsUnavailableError && error.offline)
  );
}

/** What the access service needs of the related-parties service (tables, lists, group members). */
export type PartiesSource = Pick<RelatedPartiesService, 'list' | 'members' | 'entityTable' | 'partyTable'>;

type Listener = (entity: EntityRef | undefined) => void;

/** A large entity's picture before all its people are read: exact for the `ready` principals. */
interface EarlyAccess<S extends SnapshotLike> {
  readonly access: EntityAccess<S>;
  readonly ready: ReadonlySet<string>;
}

interface Entry<S extends SnapshotLike> {
  /** The entity's own related parties, as the facts load reads them (for the list too). */
  readonly rows: PartyPages;
  readonly promise: Promise<EntityAccess<S>>;
  /** The extra principals this load included (`kind:id`). */
  readonly requested: ReadonlySet<string>;
  /** Principals asked for by `forSubject` while the load runs (the badges in view): read first. */
  readonly asked: Map<string, PrincipalRef>;
  /** The early picture of a large entity; undefined once the load ended (or failed) without one. */
  readonly early: Promise<EarlyAccess<S> | undefined>;
  /** The loaded picture, once the load succeeded (live changes patch it). */
  value?: EntityAccess<S>;
}

export class AccessService<S extends SnapshotLike> {
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
    /** Needed by `withParties` and `forParty` (services made by `createCamServices` have it). */
    private readonly parties?: PartiesSource,
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
      // Read again, party rows included: a principal that was not there may come with a new party.
      if (this.entries.get(key) === entry) this.start(key, entity);
    }
  }

  /**
   * The access picture to answer for one subject — a principal, or a group party (account,
   * household, service organization) — as soon as that answer is known. For an entity naming many
   * people, the subjects asked for while its parties are read (the badges in view) are read first,
   * so their answers come before the other people are read; such a picture lacks other people's
   * facts, so use it for `subject` only. Otherwise the same as `forEntity`.
   */
  async forSubject(
    entity: EntityRef,
    subject: PartyRef,
    options: { signal?: AbortSignal } = {},
  ): Promise<EntityAccess<S>> {
    const { signal } = options;
    const principal = isPrincipalKind(subject.kind)
      ? { kind: subject.kind as PrincipalKind, id: subject.id }
      : undefined;
    const key = formatRef(entity);
    if (principal) this.wantedFor(key).set(formatRef(principal), principal);
    const entry = this.entries.get(key) ?? this.start(key, entity);
    if (!entry.value) {
      if (principal) entry.asked.set(formatRef(principal), principal);
      const early = await raceAbort(entry.early, signal);
      if (early && (!principal || early.ready.has(formatRef(principal)))) return early.access;
      // The load ended: its failure is this answer's too (never a new load per badge).
      await raceAbort(entry.promise, signal);
    }
    return this.forEntity(entity, { signal, ...(principal && { principal }) });
  }

  /**
   * The related parties of `entity`: the same read the facts behind its badges are loaded from
   * (one read serves both), so rows can show before any access is known. `onProgress` hears of
   * the first page as it lands (at once with what is already in) and of every row once all are
   * read, before the people they name; the promise resolves with every row. A party table the
   * user may not read rejects with the server's refusal.
   */
  async partyRows(
    entity: EntityRef,
    options: { signal?: AbortSignal; onProgress?: (progress: PartyRowsProgress) => void } = {},
  ): Promise<readonly PartyRow[]> {
    const key = formatRef(entity);
    const { signal, onProgress } = options;
    const rows = (this.entries.get(key) ?? this.start(key, entity)).rows;
    if (!onProgress) return raceAbort(rows.done, signal);
    const stop = rows.subscribe(onProgress);
    if (rows.progress.rows.length > 0 && !rows.progress.complete) onProgress(rows.progress);
    try {
      return await raceAbort(rows.done, signal);
    } finally {
      stop();
    }
  }

  private wantedFor(key: string): Map<string, PrincipalRef> {
    let wanted = this.wanted.get(key);
    if (!wanted) this.wanted.set(key, (wanted = new Map()));
    return wanted;
  }

  /**
   * Starts a load of `entity` after the current task, so every principal asked for meanwhile joins
   * it; its party rows are told as the load reads them.
   */
  private start(key: string, entity: EntityRef): Entry<S> {
    const requested = new Set<string>();
    const asked = new Map<string, PrincipalRef>();
    const rows = new PartyPages();
    let told: (early: EarlyAccess<S> | undefined) => void = () => undefined;
    const early = new Promise<EarlyAccess<S> | undefined>((resolve) => (told = resolve));
    const promise = new Promise<void>((resolve) => setTimeout(resolve)).then(() => {
      const principals = [...this.wantedFor(key).entries()];
      for (const [ref] of principals) requested.add(ref);
      return this.loadFacts(
        entity,
        principals.map(([, p]) => p),
        rows,
        { priority: () => asked.values(), onEarly: told },
      );
    });
    const entry: Entry<S> = { rows, promise, requested, asked, early };
    this.entries.set(key, entry);
    promise.then(
      (value) => {
        entry.value = value;
        told(undefined);
      },
      () => {
        told(undefined);
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
    // A loaded picture was built by the engine's code, so it is here whenever `current` is.
    const code = engineCode.loaded;
    const patched = current && code?.patchAccess(current, change, current.definitions.definitions);
    if (!entry || !patched) {
      this.invalidate(entity);
      return;
    }
    this.entries.set(key, {
      rows: PartyPages.of(patched.parties),
      promise: Promise.resolve(patched),
      requested: entry.requested,
      asked: new Map(),
      early: Promise.resolve(undefined),
      value: patched,
    });
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

  /**
   * The access picture of `entity` for its related-party list (the removal preview, the retype
   * check, the entity's name): one load shared with the badges of its rows, whose party rows are
   * those of `partyRows`. An entity absent from a readable table throws `EntityNotFoundError`.
   */
  async withParties(entity: EntityRef, options: { signal?: AbortSignal } = {}): Promise<EntityAccess<S>> {
    const parties = this.requireParties();
    const access = await this.forEntity(entity, options);
    const table = parties.entityTable(entity.kind);
    const unreadable = access.incomplete.some((source) => source.table === table);
    if (!unreadable && !factsOfKind(access.facts, entity.kind).some((e) => e.id === entity.id)) {
      throw new EntityNotFoundError(table, entity.id);
    }
    return access;
  }

  /**
   * The engine for `entity` including `party` (named `name`), which may not be on it yet. A person
   * is loaded through the shared cache (as a principal to include); a group party (account,
   * service organization) stands for its contacts or members, which are read and loaded uncached.
   */
  async forParty(
    entity: EntityRef,
    party: PartyRef,
    name: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<PartyAccess> {
    const { signal } = options;
    if (isPrincipalKind(party.kind)) {
      const principal: PrincipalRef = { kind: party.kind, id: party.id };
      const access = await this.forEntity(entity, { signal, principal });
      return { engine: access.engine, incomplete: access.incomplete, truncated: false };
    }
    const [members, snapshot, { AccessEngine }] = await Promise.all([
      this.requireParties().members(party, { signal }),
      this.definitions.load(signal),
      raceAbort(engineCode.load(), signal),
    ]);
    const names = roleNamesOf(snapshot.definitions);
    const loaded = await this.loader.load(entity, {
      signal,
      principals: members.principals,
      roleName: (sysId) => names.get(sysId),
    });
    const facts = withParty(loaded.facts, party, name, members.principals);
    return {
      engine: new AccessEngine(snapshot.definitions, facts),
      incomplete: loaded.incomplete,
      truncated: members.truncated,
    };
  }

  /**
   * Why `principal` has its access to `entity`: over the instance's facts, or over `imported`
   * facts (an access-test file) when the instance cannot be reached or the rules were imported.
   * Offline without imported facts throws `FactsUnavailableError`.
   */
  async explain(
    principal: PrincipalRef,
    entity: EntityRef,
    options: { imported?: Facts; signal?: AbortSignal } = {},
  ): Promise<ExplainResult> {
    const { imported, signal } = options;
    const [snapshot, { AccessEngine }] = await Promise.all([
      this.definitions.load(signal),
      raceAbort(engineCode.load(), signal),
    ]);
    const local = (facts: Facts): ExplainResult => ({
      explanation: new AccessEngine(snapshot.definitions, facts).explain(principal, entity),
      factsFrom: 'import',
      facts,
    });
    if (imported && (snapshot.offline === true || snapshot.source === 'import')) return local(imported);
    try {
      const access = await this.forEntity(entity, { signal, principal });
      return {
        explanation: access.engine.explain(principal, entity),
        factsFrom: 'instance',
        facts: access.facts,
      };
    } catch (error) {
      if (!isOffline(error)) throw error;
      if (imported) return local(imported);
      throw new FactsUnavailableError(
        'The instance cannot be reached, so the facts (parties, roles held) cannot be loaded. Reconnect, or import an access-test file that contains facts.',
        { cause: error },
      );
    }
  }

  private requireParties(): PartiesSource {
    if (!this.parties) throw new TypeError('This AccessService was created without a parties service.');
    return this.parties;
  }

  dispose(): void {
    this.stopWatching();
    this.listeners.clear();
    this.entries.clear();
  }

  /**
   * The rows when the load did not tell them (the entity's party table could not be read): the
   * server's refusal, asked again, is what the list shows.
   */
  private async settleRows(entity: EntityRef, rows: PartyPages, parties: readonly PartyRow[]): Promise<void> {
    if (!this.parties) {
      rows.complete(parties);
      return;
    }
    try {
      rows.complete(await this.parties.list(entity));
    } catch (error) {
      rows.fail(error);
    }
  }

  /**
   * The picture of a large entity's first facts, once the definitions are in too; undefined when
   * a role held could not be named yet (the whole load resolves that).
   */
  private async early(
    entity: EntityRef,
    loaded: EarlyFacts,
    definitions: Promise<S>,
  ): Promise<EarlyAccess<S> | undefined> {
    try {
      const [snapshot, { AccessEngine }] = await Promise.all([definitions, engineCode.load()]);
      const names = roleNamesOf(snapshot.definitions);
      const people = [...loaded.facts.contacts, ...loaded.facts.consumers, ...loaded.facts.users];
      const pending = people.flatMap((p) => p.roles).filter((role) => role.startsWith(PENDING_ROLE));
      if (!pending.every((role) => names.has(role.slice(PENDING_ROLE.length)))) return undefined;
      const facts = pending.length > 0 ? namePendingRoles(loaded.facts, names) : loaded.facts;
      return {
        access: {
          entity,
          engine: new AccessEngine(snapshot.definitions, facts),
          facts,
          parties: loaded.parties,
          incomplete: loaded.incomplete,
          definitions: snapshot,
        },
        ready: loaded.ready,
      };
    } catch {
      return undefined;
    }
  }

  /**
   * Loads the facts of `entity`, telling `rows` the entity's parties as they are read. Reads the
   * definitions and the facts at once (neither waits for the other). The facts name the
   * roles principals hold by sys_id, resolved with the definitions: a role met before they are in
   * gets a placeholder, named once both have arrived; one the definitions do not know (the role
   * table unreadable…) needs the server's display value, so the facts are read again in that case.
   */
  private async loadFacts(
    entity: EntityRef,
    principals: readonly PrincipalRef[],
    rows: PartyPages,
    first: FirstAnswers<S>,
  ): Promise<EntityAccess<S>> {
    let roleNames: Map<string, string> | undefined;
    const definitions = this.definitions.load().then((snapshot) => {
      this.definitionsUsed = snapshot;
      roleNames = roleNamesOf(snapshot.definitions);
      return snapshot;
    });
    const early = new Set<string>();
    const facts = this.loader.load(entity, {
      principals,
      onFirstParties: (own, page) => rows.first(own, page),
      onParties: (own) => rows.complete(own),
      priority: first.priority,
      onEarly: (loaded) => void this.early(entity, loaded, definitions).then(first.onEarly),
      roleName: (sysId) => {
        if (roleNames) return roleNames.get(sysId);
        early.add(sysId);
        return `${PENDING_ROLE}${sysId}`;
      },
    });
    // The rows settle with the facts' own read: they need no definitions, so definitions that
    // cannot be had (offline without a copy, the engine's code not loaded) fail the badges only.
    facts.then(
      (loaded) => {
        if (!rows.progress.complete) void this.settleRows(entity, rows, loaded.parties);
      },
      (error: unknown) => rows.fail(error),
    );
    const snapshot = await definitions;
    let loaded = await facts;
    const { AccessEngine } = await engineCode.load();
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

/** How a load reads the principals in view first and tells their early picture. */
interface FirstAnswers<S extends SnapshotLike> {
  readonly priority: () => Iterable<PrincipalRef>;
  readonly onEarly: (early: EarlyAccess<S> | undefined) => void;
}

/** Marks a role named by sys_id before the definitions were in (not a valid role name). */
const PENDING_ROLE = '\u0000pending-role:';

/** Role sys_id → name (roles held are read by sys_id). */
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
  return factsOfKind(facts, principal.kind).some((p) => p.id === principal.id);
}

/** The facts with the party itself known (an account without contacts, a new organization). */
function withParty(facts: Facts, party: PartyRef, name: string, members: readonly PrincipalRef[]): Facts {
  if (party.kind === 'account') {
    if (facts.accounts.some((a) => a.id === party.id)) return facts;
    return { ...facts, accounts: [...facts.accounts, { id: party.id, name }] };
  }
  if (party.kind !== 'service_organization') return facts;
  const others = facts.serviceOrganizations.filter((o) => o.id !== party.id);
  return { ...facts, serviceOrganizations: [...others, { id: party.id, name, members }] };
}
