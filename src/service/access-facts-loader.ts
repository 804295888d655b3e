/**
 * Loads the facts the engine needs to answer for one entity: the entity and the records access
 * cascades from (a case's sold product and install base item with its ancestors; a sold product's
 * install base items with their ancestors; an item's ancestors and its sold product), their related
 * parties, the principals those parties stand for (an account's contacts, a household's
 * consumers, an organization's members), their accounts with every parent account, and the roles
 * they hold.
 *
 * Requests are batched by table (`IN` queries in chunks), never one per row; reads that do not
 * depend on each other run together (at most a handful in flight, see BatchedReader). Records a
 * read row references come with it where they can (dot-walked fields, see fact-walks.ts): a case
 * arrives with its first page of parties, and with it its sold product, install base item, people
 * and accounts; a party row brings the person, household, organization or account it names (and a
 * contact's account); an account or item read brings its parent. So an ordinary case needs its two
 * party reads, the roles held and the account flags, and nothing read another way is read again.
 * An entity naming many people reads the people asked for first (`priority`: the badges in view)
 * with every group's members, hands those facts to `onEarly`, then reads the rest (facts-people.ts,
 * which loads with the engine's code: the parties are read without it).
 * What cannot be read (a table answering 403, a column omitted from the rows) is listed in
 * `incomplete`, so an answer built without it says so instead of answering "none". Personal data:
 * held in memory only, never cached.
 */
import type { Row, TableClient } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type { EntityKind, EntityRef, PrincipalRef } from '../model/kinds.js';
import type { Case, Facts, InstallBaseItem, SoldProduct } from '../model/facts.js';
import {
  partyFields,
  partyColumns,
  partyKindColumns,
  partyTable,
  rowToPartyRow,
  type PartyRow,
} from './party-rows.js';
import * as rows from './fact-rows.js';
import { walkedRow, walkFields, walksTo, type Walk } from './fact-walks.js';
import { engineCode } from './engine-code.js';
import type { FactsReads, People } from './facts-people.js';
import { BatchedReader, type IncompleteSource } from './batched-reader.js';

export type { IncompleteSource } from './batched-reader.js';

export interface AccessFacts {
  readonly facts: Facts;
  /** The related parties of the requested entity itself, with display names. */
  readonly parties: readonly PartyRow[];
  readonly incomplete: readonly IncompleteSource[];
}

export interface AccessFactsOptions {
  readonly signal?: AbortSignal;
  /** Principals to include even when no party names them (e.g. a badge for any contact). */
  readonly principals?: readonly PrincipalRef[];
  /** Resolves a role sys_id to its name (from the definitions); falls back to the display value. */
  readonly roleName?: (sysId: string) => string | undefined;
  /**
   * Called once with the entity's own parties among the first page of its party read (up to 50
   * rows), as soon as they land (for a case, before any other fact is read): a list can show its
   * rows from the same request. Not called when that read fails. The full list is
   * `AccessFacts.parties`.
   */
  readonly onFirstParties?: (parties: readonly PartyRow[], page: FirstPartiesPage) => void;
  /**
   * Called once with every party of the entity as soon as all are read (before the people they
   * name): the list has its rows even when a later read fails. Not called when the entity's party
   * table could not be read.
   */
  readonly onParties?: (parties: readonly PartyRow[]) => void;
  /**
   * The principals whose answers are wanted first (the badges in view), asked once every party is
   * read, just before the people are. They are read even when no party names them.
   */
  readonly priority?: () => Iterable<PrincipalRef>;
  /**
   * Called once, when an entity names more people than `AccessFactsLoader`'s `earlyAbove` besides
   * the `priority` ones: with facts complete for the priority principals and for every group party,
   * before the other people named are read. Not called for an ordinary entity (everything is read
   * together) nor without priority principals.
   */
  readonly onEarly?: (early: EarlyFacts) => void;
}

/** Facts read before the rest of a large entity's people: complete for the `ready` principals. */
export interface EarlyFacts extends AccessFacts {
  /**
   * Principals (`kind:id`) whose answers these facts give exactly as the whole load will: the
   * priority ones (read, or found not to exist) and every other person read so far — group
   * members, the entities' owners. Every group party's members are among them.
   */
  readonly ready: ReadonlySet<string>;
}

/** What is known with the first page of the entity's parties. */
export interface FirstPartiesPage {
  /** Every party of the entity is in it (the read was for the entity alone and had no more rows). */
  readonly complete: boolean;
  /** The entity's parties in all, when the read was for the entity alone and the server counted. */
  readonly total?: number;
}

/** Deepest parent chain followed (install base items, accounts); deeper data is cut, not looped. */
const MAX_TREE_DEPTH = 32;
/**
 * Records per request: a big case's parties arrive in few round trips (pages are sequential).
 * The platform's default cap on `sysparm_limit` is 10,000.
 */
const PAGE_SIZE = 5000;
/**
 * Rows of the first page of each party read, which carry the records they reference (dot-walked):
 * an ordinary entity's parties all fit in it; a large one's later pages stay lean and the people
 * they name are read in batches.
 */
const WALKED_PAGE_SIZE = 50;

export class AccessFactsLoader {
  constructor(
    private readonly client: TableClient,
    private readonly map: TableMap,
    /** Ids per `IN` query: keeps URLs well under common server limits (32-char sys_ids). */
    private readonly chunkSize = 200,
    /** Requests in flight at once for one load. */
    private readonly maxConcurrent = 5,
    /** Rows of the first page of a party read, which bring what the parties reference. */
    private readonly walkedPageSize = WALKED_PAGE_SIZE,
    /**
     * People named beyond the priority ones above which those are read first (`onEarly`): one
     * chunk's worth, so an ordinary entity costs no extra round trip.
     */
    private readonly earlyAbove = chunkSize,
  ) {}

  async load(entity: EntityRef, options: AccessFactsOptions = {}): Promise<AccessFacts> {
    const reader = new BatchedReader(this.client, {
      chunkSize: this.chunkSize,
      pageSize: PAGE_SIZE,
      maxConcurrent: this.maxConcurrent,
      signal: options.signal,
    });
    return new LoadRun(reader, this.map, options, this.walkedPageSize, this.earlyAbove).load(entity);
  }
}

/** One load: its own reader (signal, incomplete list) and collected facts. */
class LoadRun {
  private readonly cases = new Map<string, Case>();
  private readonly soldProducts = new Map<string, SoldProduct>();
  private readonly items = new Map<string, InstallBaseItem>();
  /** Records that came with another row (dot-walked), by table and id: no request of their own. */
  private readonly walked = new Map<string, Map<string, Row>>();
  /** The entity loaded, and whether `onFirstParties` was called. */
  private entity: EntityRef | undefined;
  private firstPartiesTold = false;
  /** Party rows already read, by entity kind (the case's, read with the case). */
  private readonly partiesRead = new Map<EntityKind, { ids: ReadonlySet<string>; rows: Row[] }>();

  constructor(
    private readonly reader: BatchedReader,
    private readonly map: TableMap,
    private readonly options: AccessFactsOptions,
    private readonly walkedPageSize: number,
    private readonly earlyAbove: number,
  ) {}

  async load(entity: EntityRef): Promise<AccessFacts> {
    this.entity = entity;
    await this.loadEntityChain(entity);
    const partyRows = await this.loadParties();
    const own = partyRows.filter(
      (row) => row.record.entity.kind === entity.kind && row.record.entity.id === entity.id,
    );
    const ownTable = partyTable(entity.kind, this.map);
    if (!this.reader.incomplete.some((source) => source.table === ownTable && !source.column)) {
      try {
        this.options.onParties?.(own);
      } catch {
        // A listener's failure is its own: the load goes on.
      }
    }
    const records = partyRows.map((row) => row.record);
    const factsWith = (people: People): Facts => ({
      ...people,
      soldProducts: [...this.soldProducts.values()],
      installBase: [...this.items.values()],
      cases: [...this.cases.values()],
      relatedParties: records,
    });
    // The people side comes with the engine's code (fetched while the parties were read).
    const { PeopleRead } = await engineCode.load();
    const people = await new PeopleRead(this.reads()).load(records, (first, ready) => {
      const listener = this.options.onEarly;
      try {
        listener?.({ facts: factsWith(first), parties: own, incomplete: [...this.reader.incomplete], ready });
      } catch {
        // A listener's failure is its own: the load goes on.
      }
    });
    return { facts: factsWith(people), parties: own, incomplete: this.reader.incomplete };
  }

  /** What the people side of this load reads through (see facts-people.ts). */
  private reads(): FactsReads {
    return {
      reader: this.reader,
      map: this.map,
      options: this.options,
      earlyAbove: this.earlyAbove,
      cases: this.cases,
      soldProducts: this.soldProducts,
      items: this.items,
      byId: (target, ids, watched, walks) => this.byId(target, ids, watched, walks),
      read: (table, field, ids, watched) => this.read(table, field, ids, watched),
      walkUp: (target, parentColumn, start, known, onRows) =>
        this.walkUp(target, parentColumn, start, known, onRows),
      keepRows: (table, idColumn, found) => this.keepRows(table, idColumn, found),
      noteOmitted: (table, found, columns, consequence) =>
        this.noteOmitted(table, found, columns, consequence),
    };
  }

  /** The entity, and the entities its access cascades from (the engine's sources of it). */
  private async loadEntityChain(entity: EntityRef): Promise<void> {
    const m = this.map;
    if (entity.kind === 'case') {
      // The case's parties first: their first page brings the case and what it references.
      await this.readPartyRows('case', [entity.id], this.caseWalks(partyColumns('case', m).entity ?? ''));
      const walked = this.walked.get(m.case.table)?.get(entity.id);
      const found = walked
        ? [walked]
        : await this.byId(
            m.case,
            [entity.id],
            [m.case.columns.soldProduct, m.case.columns.installBase],
            this.caseWalks(''),
          );
      const cases = found.map((row) => rows.rowToCase(row, m)).filter(isDefined);
      for (const c of cases) this.cases.set(c.id, c);
      await Promise.all([
        this.loadSoldProducts(cases.map((c) => c.soldProduct)),
        this.loadItems(cases.map((c) => c.installBase)),
      ]);
    } else if (entity.kind === 'sold_product') {
      // Records on the product's install base items (and their ancestors) cascade to it.
      const items = async () => {
        const found = await this.read(m.installBase.table, m.installBase.columns.soldProduct, [entity.id]);
        await this.loadItems([], found);
      };
      await Promise.all([this.loadSoldProducts([entity.id]), items()]);
    } else {
      await this.loadItems([entity.id]);
      // Records on the item's own sold product cascade to it.
      await this.loadSoldProducts([this.items.get(entity.id)?.soldProduct]);
    }
  }

  /**
   * What a case row references, walked from `prefix` (the case column of a party row; '' on the
   * case row itself): the case (from a party row), its sold product, install base item, people and
   * accounts.
   */
  private caseWalks(prefix: string): Walk[] {
    const m = this.map;
    const c = m.case.columns;
    const at = (column: string): string => (prefix ? `${prefix}.${column}` : column);
    return [
      ...(prefix ? walksTo([prefix], m.case) : []),
      ...walksTo([at(c.soldProduct)], m.soldProduct),
      ...walksTo([at(c.installBase)], m.installBase),
      ...walksTo([at(c.consumer)], m.consumer),
      ...walksTo([at(c.contact), at(c.partnerContact)], m.contact),
      ...walksTo([at(c.account), at(c.partnerAccount)], m.account),
    ];
  }

  /** What a party row of `kind`'s table references: the party named, and a contact's account. */
  private partyWalks(kind: EntityKind): Walk[] {
    const m = this.map;
    const targets = {
      contact: m.contact,
      consumer: m.consumer,
      user: m.user,
      account: m.account,
      household: m.household,
      service_organization: m.serviceOrganization,
    } as const;
    const walks = partyKindColumns(kind, m).flatMap(([party, column]) => walksTo([column], targets[party]));
    const contact = partyKindColumns(kind, m).find(([party]) => party === 'contact')?.[1];
    return contact ? [...walks, ...walksTo([`${contact}.${m.contact.columns.account}`], m.account)] : walks;
  }

  /** Keeps the records `walks` reach from `found` (complete ones only, see fact-walks.ts). */
  private keepWalked(found: readonly Row[], walks: readonly Walk[]): void {
    for (const row of found) {
      for (const walk of walks) {
        const target = walkedRow(row, walk);
        const id = target && rows.fieldText(target, walk.idColumn);
        if (!target || !id) continue;
        let table = this.walked.get(walk.table);
        if (!table) this.walked.set(walk.table, (table = new Map()));
        if (!table.has(id)) table.set(id, target);
      }
    }
  }

  /** Keeps rows read whole as records at hand (a later read of them costs no request). */
  private keepRows(table: string, idColumn: string, found: readonly Row[]): void {
    let known = this.walked.get(table);
    if (!known) this.walked.set(table, (known = new Map()));
    for (const row of found) {
      const id = rows.fieldText(row, idColumn);
      if (id && !known.has(id)) known.set(id, row);
    }
  }

  private async loadSoldProducts(ids: readonly (string | undefined)[]): Promise<void> {
    const m = this.map;
    for (const row of await this.byId(m.soldProduct, ids.filter(isDefined))) {
      const product = rows.rowToSoldProduct(row, m);
      if (product) this.soldProducts.set(product.id, product);
    }
  }

  /** Install base items `ids` (and `known`, already read) with every ancestor. */
  private async loadItems(ids: readonly (string | undefined)[], known: readonly Row[] = []): Promise<void> {
    const { table, columns } = this.map.installBase;
    const found = await this.walkUp(this.map.installBase, columns.parent, ids.filter(isDefined), known);
    this.noteOmitted(table, found, [columns.parent, columns.soldProduct]);
    for (const row of found) {
      const item = rows.rowToInstallBaseItem(row, this.map);
      if (item) this.items.set(item.id, item);
    }
  }

  /**
   * Rows of `start` (and of `known`, already read) and of their ancestors through `parentColumn`:
   * level by level, cycle-safe, at most MAX_TREE_DEPTH levels. Each read brings the parents of
   * the rows it reads (dot-walked), so a request covers two levels; rows already at hand cost none.
   * `onRows` sees the new rows of each request (its work runs alongside the next read).
   */
  private async walkUp(
    target: { table: string; columns: Readonly<Record<string, string>> & { id: string } },
    parentColumn: string,
    start: Iterable<string>,
    known: readonly Row[] = [],
    onRows?: (fresh: readonly Row[]) => Promise<void>,
  ): Promise<Row[]> {
    const { table } = target;
    const idColumn = target.columns.id;
    const parents = walksTo([parentColumn], target);
    const fields = [...new Set([...Object.values(target.columns), ...walkFields(parents)])];
    const found = new Map<string, Row>();
    const pending: Promise<void>[] = [];
    let batch: Row[] = [];
    const flush = (): void => {
      if (onRows && batch.length > 0) {
        const task = onRows(batch);
        // A read of the walk failing first must not leave this one's failure unhandled.
        task.catch(() => undefined);
        pending.push(task);
      }
      batch = [];
    };
    let level = [...known];
    let frontier = new Set(start);
    for (let depth = 0; depth <= MAX_TREE_DEPTH; depth++) {
      for (const row of level) {
        const id = rows.fieldText(row, idColumn);
        if (!id || found.has(id)) continue;
        found.set(id, row);
        batch.push(row);
        const parent = rows.fieldText(row, parentColumn);
        if (parent) frontier.add(parent);
      }
      const ids = [...frontier].filter((id) => !found.has(id));
      frontier = new Set();
      if (ids.length > 0 && depth === MAX_TREE_DEPTH) {
        const reason = `parent chains deeper than ${MAX_TREE_DEPTH} levels were cut`;
        this.reader.note({ table, column: parentColumn, reason });
      }
      if (ids.length === 0 || depth === MAX_TREE_DEPTH) break;
      const { have, missing } = this.walkedOf(table, ids);
      let read: Row[] = [];
      if (missing.length > 0) {
        flush();
        read = await this.reader.rowsWhereIn(table, idColumn, missing, { fields });
        this.keepWalked(read, parents);
      }
      level = [...have, ...read];
    }
    flush();
    await Promise.all(pending);
    return [...found.values()];
  }

  /** The rows of `ids` that came with other rows, and the ids still to read. */
  private walkedOf(table: string, ids: Iterable<string>): { have: Row[]; missing: string[] } {
    const known = this.walked.get(table);
    const have: Row[] = [];
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      if (id === '') continue;
      const row = known?.get(id);
      if (row) have.push(row);
      else missing.push(id);
    }
    return { have, missing };
  }

  /**
   * The party rows of entities `ids` of `kind`; the first page of each read also brings what the
   * parties reference (and `extra`, e.g. the case itself).
   */
  private async readPartyRows(
    kind: EntityKind,
    ids: readonly string[],
    extra: readonly Walk[] = [],
  ): Promise<Row[]> {
    const entityColumn = partyColumns(kind, this.map).entity ?? '';
    const done = this.partiesRead.get(kind);
    const wanted = ids.filter((id) => !done?.ids.has(id));
    const walks = [...this.partyWalks(kind), ...extra];
    // Rows of this entity alone: what the page says of the read is said of its parties.
    const alone = wanted.length === 1 && wanted[0] === this.entity?.id;
    const onRows = (page: readonly Row[], info: { more: boolean; total?: number }): void =>
      this.firstParties(kind, page, {
        complete: alone && !info.more,
        ...(alone && info.total !== undefined ? { total: info.total } : {}),
      });
    const found = await this.reader.rowsWhereIn(partyTable(kind, this.map), entityColumn, wanted, {
      fields: partyFields(kind, this.map),
      displayValue: 'all',
      firstPage: { limit: this.walkedPageSize, fields: walkFields(walks), onRows },
    });
    this.keepWalked(found, walks);
    const all = [...(done?.rows ?? []), ...found];
    this.partiesRead.set(kind, { ids: new Set([...(done?.ids ?? []), ...wanted]), rows: all });
    if (!done) return found;
    const asked = new Set(ids);
    return all.filter((row) => asked.has(rows.fieldText(row, entityColumn) ?? ''));
  }

  /** Hands the entity's own parties of a first page to `onFirstParties` (once). */
  private firstParties(kind: EntityKind, page: readonly Row[], info: FirstPartiesPage): void {
    const listener = this.options.onFirstParties;
    if (!listener || this.firstPartiesTold || kind !== this.entity?.kind) return;
    const own = page
      .map((row) => rowToPartyRow(row, kind, this.map))
      .filter((party): party is PartyRow => party?.record.entity.id === this.entity?.id);
    this.firstPartiesTold = true;
    try {
      listener(own, info);
    } catch {
      // A listener's failure is its own: the load goes on.
    }
  }

  private async loadParties(): Promise<PartyRow[]> {
    const byKind: [EntityKind, string[]][] = [
      ['case', [...this.cases.keys()]],
      ['sold_product', [...this.soldProducts.keys()]],
      ['install_base', [...this.items.keys()]],
    ];
    const loaded = await Promise.all(
      byKind.map(async ([kind, ids]) => {
        const table = partyTable(kind, this.map);
        const found = await this.readPartyRows(kind, ids);
        const parsed = found.map((row) => ({ row, party: rowToPartyRow(row, kind, this.map) }));
        // A record naming no party we can read, on a table where a party column was omitted: it
        // names a party of that kind (the instance lacks the column, or the user may not read it).
        const unnamed = parsed.filter((p) => p.party === undefined).map((p) => p.row);
        this.noteOmitted(
          table,
          unnamed,
          partyKindColumns(kind, this.map).map(([, column]) => column),
          'related parties named there are not counted',
        );
        return parsed.map((p) => p.party).filter(isDefined);
      }),
    );
    // A page that shifted under a concurrent insert repeats a record: keep it once.
    return [...new Map(loaded.flat().map((row) => [row.record.id, row])).values()];
  }

  /**
   * Records of `target` by id: those that came with other rows, and a batched read of the rest
   * (with `walks`: the columns and what they reference). `watched` columns omitted are noted.
   */
  private async byId(
    target: { table: string; columns: Readonly<Record<string, string>> & { id: string } },
    ids: Iterable<string>,
    watched: readonly string[] = [],
    walks: readonly Walk[] = [],
  ): Promise<Row[]> {
    const { have, missing } = this.walkedOf(target.table, ids);
    const fields = [...new Set([...Object.values(target.columns), ...walkFields(walks)])];
    const read = await this.reader.rowsWhereIn(
      target.table,
      target.columns.id,
      missing,
      walks.length > 0 ? { fields } : {},
    );
    this.keepWalked(read, walks);
    const found = [...have, ...read];
    this.noteOmitted(target.table, found, watched);
    return found;
  }

  /** Rows whose `field` is one of `ids`; `watched` columns omitted from them are noted as incomplete. */
  private async read(
    table: string,
    field: string,
    ids: Iterable<string>,
    watched: readonly string[] = [],
  ): Promise<Row[]> {
    const found = await this.reader.rowsWhereIn(table, field, ids);
    this.noteOmitted(table, found, watched);
    return found;
  }

  /**
   * Notes each of `columns` absent from one of `found` (the Table API omits what the user may not
   * read, and what the instance lacks): facts behind it are missing, the answer is incomplete.
   */
  private noteOmitted(
    table: string,
    found: readonly Row[],
    columns: readonly string[],
    consequence = 'access depending on it may be missing',
  ): void {
    for (const column of columns) {
      if (found.some((row) => !(column in row))) {
        this.reader.note({ table, column, reason: `column ${column} could not be read; ${consequence}` });
      }
    }
  }
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
