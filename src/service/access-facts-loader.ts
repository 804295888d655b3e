/**
 * Loads the facts the engine needs to answer for one entity: the entity and the records access
 * cascades from (a case's sold product and install base item with its ancestors; a sold product's
 * install base items with their ancestors; an item's ancestors and its sold product), their related
 * parties, the principals those parties stand for (an account's contacts, a household's
 * consumers, an organization's members), their accounts with every parent account, and the roles
 * they hold.
 *
 * Requests are batched by table (`IN` queries in chunks), never one per row; reads that do not
 * depend on each other run together (at most a handful in flight, see BatchedReader). What cannot
 * be read (a table answering 403, a column omitted from the rows) is listed in `incomplete`, so an
 * answer built without it says so instead of answering "none". Personal data: held in memory only,
 * never cached.
 */
import type { Row, TableClient } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type { EntityKind, EntityRef, PrincipalKind, PrincipalRef } from '../model/kinds.js';
import type {
  Account,
  Case,
  Contact,
  Consumer,
  Facts,
  Household,
  InstallBaseItem,
  ServiceOrganization,
  SoldProduct,
  User,
} from '../model/facts.js';
import {
  partyFields,
  partyColumns,
  partyKindColumns,
  partyTable,
  rowToPartyRow,
  type PartyRow,
} from './party-rows.js';
import * as rows from './fact-rows.js';
import { readRolesHeld } from './roles-held.js';
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
   * The entity's own related parties, already read (or being read) by the caller: they are not
   * read again, and the reads that do not need them (the entity and what it cascades from) start
   * at once. Absent: the loader reads them with the rest.
   */
  readonly parties?: readonly PartyRow[] | PromiseLike<readonly PartyRow[]>;
}

/** Deepest parent chain followed (install base items, accounts); deeper data is cut, not looped. */
const MAX_TREE_DEPTH = 32;
/**
 * Records per request: a big case's parties arrive in few round trips (pages are sequential).
 * The platform's default cap on `sysparm_limit` is 10,000.
 */
const PAGE_SIZE = 5000;

export class AccessFactsLoader {
  constructor(
    private readonly client: TableClient,
    private readonly map: TableMap,
    /** Ids per `IN` query: keeps URLs well under common server limits (32-char sys_ids). */
    private readonly chunkSize = 200,
    /** Requests in flight at once for one load. */
    private readonly maxConcurrent = 5,
  ) {}

  async load(entity: EntityRef, options: AccessFactsOptions = {}): Promise<AccessFacts> {
    const reader = new BatchedReader(this.client, {
      chunkSize: this.chunkSize,
      pageSize: PAGE_SIZE,
      maxConcurrent: this.maxConcurrent,
      signal: options.signal,
    });
    return new LoadRun(reader, this.map, options).load(entity);
  }
}

type PrincipalIds = Record<PrincipalKind, Set<string>>;

/** One load: its own reader (signal, incomplete list) and collected facts. */
class LoadRun {
  private readonly cases = new Map<string, Case>();
  private readonly soldProducts = new Map<string, SoldProduct>();
  private readonly items = new Map<string, InstallBaseItem>();

  constructor(
    private readonly reader: BatchedReader,
    private readonly map: TableMap,
    private readonly options: AccessFactsOptions,
  ) {}

  async load(entity: EntityRef): Promise<AccessFacts> {
    const [, own] = await Promise.all([this.loadEntityChain(entity), this.options.parties]);
    const partyRows = await this.loadParties(own && { entity, rows: own });
    const records = partyRows.map((row) => row.record);
    const people = await this.loadPeople(records);
    return {
      facts: {
        ...people,
        soldProducts: [...this.soldProducts.values()],
        installBase: [...this.items.values()],
        cases: [...this.cases.values()],
        relatedParties: records,
      },
      parties: partyRows.filter(
        (row) => row.record.entity.kind === entity.kind && row.record.entity.id === entity.id,
      ),
      incomplete: this.reader.incomplete,
    };
  }

  /** The entity, and the entities its access cascades from (the engine's sources of it). */
  private async loadEntityChain(entity: EntityRef): Promise<void> {
    const m = this.map;
    if (entity.kind === 'case') {
      const found = await this.read(
        m.case.table,
        m.case.columns.id,
        [entity.id],
        [m.case.columns.soldProduct, m.case.columns.installBase],
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

  private async loadSoldProducts(ids: readonly (string | undefined)[]): Promise<void> {
    const m = this.map;
    for (const row of await this.read(m.soldProduct.table, m.soldProduct.columns.id, ids.filter(isDefined))) {
      const product = rows.rowToSoldProduct(row, m);
      if (product) this.soldProducts.set(product.id, product);
    }
  }

  /** Install base items `ids` (and `known`, already read) with every ancestor. */
  private async loadItems(ids: readonly (string | undefined)[], known: readonly Row[] = []): Promise<void> {
    const { table, columns } = this.map.installBase;
    const found = await this.walkUp(table, columns.id, columns.parent, ids.filter(isDefined), known);
    this.noteOmitted(table, found, [columns.parent, columns.soldProduct]);
    for (const row of found) {
      const item = rows.rowToInstallBaseItem(row, this.map);
      if (item) this.items.set(item.id, item);
    }
  }

  /**
   * Rows of `start` (and of `known`, already read) and of their ancestors through `parentColumn`:
   * one batched read per level, cycle-safe, at most MAX_TREE_DEPTH levels. `onLevel` sees each
   * level's new rows (its work runs alongside the next level's read).
   */
  private async walkUp(
    table: string,
    idColumn: string,
    parentColumn: string,
    start: Iterable<string>,
    known: readonly Row[] = [],
    onLevel?: (level: readonly Row[]) => Promise<void>,
  ): Promise<Row[]> {
    const found = new Map<string, Row>();
    const pending: Promise<void>[] = [];
    let level = [...known];
    let frontier = new Set(start);
    for (let depth = 0; depth <= MAX_TREE_DEPTH; depth++) {
      const fresh: Row[] = [];
      for (const row of level) {
        const id = rows.fieldText(row, idColumn);
        if (!id || found.has(id)) continue;
        found.set(id, row);
        fresh.push(row);
      }
      if (onLevel && fresh.length > 0) pending.push(onLevel(fresh));
      for (const row of fresh) {
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
      level = await this.read(table, idColumn, ids);
    }
    await Promise.all(pending);
    return [...found.values()];
  }

  /** Related parties of the entity and of what it cascades from; `own`: the entity's, already read. */
  private async loadParties(own?: { entity: EntityRef; rows: readonly PartyRow[] }): Promise<PartyRow[]> {
    const others = (kind: EntityKind, ids: Iterable<string>) =>
      own && own.entity.kind === kind ? [...ids].filter((id) => id !== own.entity.id) : [...ids];
    const byKind: [EntityKind, string[]][] = [
      ['case', others('case', this.cases.keys())],
      ['sold_product', others('sold_product', this.soldProducts.keys())],
      ['install_base', others('install_base', this.items.keys())],
    ];
    const loaded = await Promise.all(
      byKind.map(async ([kind, ids]) => {
        const table = partyTable(kind, this.map);
        const found = await this.reader.rowsWhereIn(table, partyColumns(kind, this.map).entity ?? '', ids, {
          fields: partyFields(kind, this.map),
          displayValue: 'all',
        });
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
    const all = [...(own?.rows ?? []), ...loaded.flat()];
    return [...new Map(all.map((row) => [row.record.id, row])).values()];
  }

  /** Principals reached by the records and entities, their accounts, households and roles held. */
  private async loadPeople(
    records: readonly PartyRow['record'][],
  ): Promise<Omit<Facts, 'soldProducts' | 'installBase' | 'cases' | 'relatedParties'>> {
    const m = this.map;
    const ids: PrincipalIds = { contact: new Set(), consumer: new Set(), user: new Set() };
    const groups = {
      account: new Set<string>(),
      household: new Set<string>(),
      organization: new Set<string>(),
    };
    const accountIds = new Set<string>();
    for (const principal of this.options.principals ?? []) ids[principal.kind].add(principal.id);
    for (const c of this.cases.values()) {
      // The owner, and the partner (persona scope `partner`: its contact, and its account).
      if (c.contact) ids.contact.add(c.contact);
      if (c.consumer) ids.consumer.add(c.consumer);
      if (c.partnerContact) ids.contact.add(c.partnerContact);
      if (c.account) accountIds.add(c.account);
      if (c.partnerAccount) accountIds.add(c.partnerAccount);
    }
    for (const entity of [...this.soldProducts.values(), ...this.items.values()]) {
      if (entity.account) accountIds.add(entity.account);
    }
    for (const product of this.soldProducts.values())
      if (product.consumer) ids.consumer.add(product.consumer);
    for (const { party } of records) {
      if (party.kind === 'contact' || party.kind === 'consumer' || party.kind === 'user')
        ids[party.kind].add(party.id);
      else if (party.kind === 'service_organization') groups.organization.add(party.id);
      else groups[party.kind].add(party.id);
    }
    for (const id of groups.account) accountIds.add(id);

    // Everything named directly, and the members of the groups named, read together.
    const [
      accountContacts,
      householdConsumers,
      households,
      organizations,
      contactRows,
      consumerRows,
      userRows,
    ] = await Promise.all([
      // Account parties stand for every contact of the account.
      this.read(m.contact.table, m.contact.columns.account, groups.account),
      // Household parties stand for every consumer of the household.
      this.read(m.consumer.table, m.consumer.columns.household, groups.household),
      this.loadHouseholds(groups.household),
      this.loadOrganizations(groups.organization),
      this.read(m.contact.table, m.contact.columns.id, ids.contact, [m.contact.columns.account]),
      this.read(m.consumer.table, m.consumer.columns.id, ids.consumer, [m.consumer.columns.household]),
      this.read(m.user.table, m.user.columns.id, ids.user),
    ]);
    // A member reference points at sys_user, which contacts extend (and consumers have a user):
    // members that are no internal user are looked up as contacts and consumers.
    const known = new Set(userRows.map((row) => rows.fieldText(row, m.user.columns.id)));
    const memberIds = organizations.flatMap((o) => o.members.map((member) => member.id));
    const missing = memberIds.filter((id) => !known.has(id));
    const [memberUsers, memberContacts, memberConsumers] = await Promise.all([
      this.read(m.user.table, m.user.columns.id, missing),
      this.read(m.contact.table, m.contact.columns.id, missing),
      this.read(m.consumer.table, m.consumer.columns.id, missing),
    ]);
    const contactsRead = dedupeRows(
      [...accountContacts, ...contactRows, ...memberContacts],
      m.contact.columns.id,
    );
    const consumersRead = dedupeRows(
      [...householdConsumers, ...consumerRows, ...memberConsumers],
      m.consumer.columns.id,
    );
    const usersRead = dedupeRows([...userRows, ...memberUsers], m.user.columns.id);
    const contactIds = new Set(memberContacts.map((row) => rows.fieldText(row, m.contact.columns.id)));
    const consumerIds = new Set(memberConsumers.map((row) => rows.fieldText(row, m.consumer.columns.id)));
    const userIds = new Set(usersRead.map((row) => rows.fieldText(row, m.user.columns.id)));

    for (const row of contactsRead) {
      const account = rows.fieldText(row, m.contact.columns.account);
      if (account) accountIds.add(account);
    }
    const everyone = [
      ...contactsRead.map((row) => rows.fieldText(row, m.contact.columns.id)),
      ...consumersRead.map((row) => rows.fieldText(row, m.consumer.columns.id)),
      ...usersRead.map((row) => rows.fieldText(row, m.user.columns.id)),
    ].filter(isDefined);
    const [roles, accounts] = await Promise.all([
      this.loadRolesHeld(everyone),
      this.loadAccounts(accountIds),
    ]);
    const held = (id: string | undefined): readonly string[] => (id ? (roles.get(id) ?? []) : []);
    const idOf = (row: Row, column: string) => rows.fieldText(row, column);
    return {
      accounts,
      contacts: contactsRead
        .map((row) => rows.rowToContact(row, m, held(idOf(row, m.contact.columns.id))))
        .filter((c): c is Contact => c !== undefined),
      consumers: consumersRead
        .map((row) => rows.rowToConsumer(row, m, held(idOf(row, m.consumer.columns.id))))
        .filter((c): c is Consumer => c !== undefined),
      users: usersRead
        .map((row) => rows.rowToUser(row, m, held(idOf(row, m.user.columns.id))))
        .filter((u): u is User => u !== undefined),
      households,
      serviceOrganizations: organizations.map((organization) => ({
        ...organization,
        members: organization.members.map((member): PrincipalRef => {
          if (userIds.has(member.id)) return member;
          if (contactIds.has(member.id)) return { kind: 'contact', id: member.id };
          return consumerIds.has(member.id) ? { kind: 'consumer', id: member.id } : member;
        }),
      })),
    };
  }

  private async loadHouseholds(ids: ReadonlySet<string>): Promise<Household[]> {
    const m = this.map;
    return (await this.read(m.household.table, m.household.columns.id, ids))
      .map((row) => rows.rowToHousehold(row, m))
      .filter(isDefined);
  }

  /** Organizations with their members (as users; the caller resolves members that are contacts). */
  private async loadOrganizations(ids: ReadonlySet<string>): Promise<ServiceOrganization[]> {
    const m = this.map;
    const [organizationRows, memberRows] = await Promise.all([
      this.read(m.serviceOrganization.table, m.serviceOrganization.columns.id, ids),
      this.read(
        m.serviceOrganizationMember.table,
        m.serviceOrganizationMember.columns.serviceOrganization,
        ids,
      ),
    ]);
    const members = new Map<string, PrincipalRef[]>();
    for (const row of memberRows) {
      const organization = rows.fieldText(row, m.serviceOrganizationMember.columns.serviceOrganization);
      const user = rows.fieldText(row, m.serviceOrganizationMember.columns.user);
      if (!organization || !user) continue;
      members.set(organization, [...(members.get(organization) ?? []), { kind: 'user', id: user }]);
    }
    return organizationRows.flatMap((row) => {
      const id = rows.fieldText(row, m.serviceOrganization.columns.id);
      if (!id) return [];
      const name = row[m.serviceOrganization.columns.name]?.value ?? id;
      return [{ id, name, members: members.get(id) ?? [] }];
    });
  }

  /**
   * Accounts with every parent (the walk shared with install base items) and their Restrict
   * Contact Access flags, read level by level alongside the walk.
   */
  private async loadAccounts(start: ReadonlySet<string>): Promise<Account[]> {
    const m = this.map;
    const restricted = new Set<string>();
    const flags = async (level: readonly Row[]): Promise<void> => {
      const ids = level.map((row) => rows.fieldText(row, m.account.columns.id)).filter(isDefined);
      for (const row of await this.read(m.accountAccess.table, m.accountAccess.columns.account, ids)) {
        if (row[m.accountAccess.columns.restrictContactAccess]?.value === 'true') {
          const account = rows.fieldText(row, m.accountAccess.columns.account);
          if (account) restricted.add(account);
        }
      }
    };
    const found = await this.walkUp(
      m.account.table,
      m.account.columns.id,
      m.account.columns.parent,
      start,
      [],
      flags,
    );
    this.noteOmitted(m.account.table, found, [m.account.columns.parent]);
    return found
      .map((row) => rows.rowToAccount(row, m, restricted))
      .filter((a): a is Account => a !== undefined);
  }

  /** Role names held per principal id (`sys_user_has_role`). */
  private loadRolesHeld(principalIds: string[]): Promise<Map<string, string[]>> {
    return readRolesHeld(this.reader, this.map, principalIds, this.options.roleName);
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

function dedupeRows(found: readonly Row[], idColumn: string): Row[] {
  const byId = new Map<string, Row>();
  for (const row of found) {
    const id = rows.fieldText(row, idColumn);
    if (id && !byId.has(id)) byId.set(id, row);
  }
  return [...byId.values()];
}
