/**
 * The people side of a facts load (access-facts-loader.ts): the principals the records and the
 * entities name, the groups' members (an account's contacts, a household's consumers, an
 * organization's members), their accounts with every parent and the Restrict Contact Access flags,
 * and the roles they hold. It runs once every party is read, so it comes on demand with the
 * engine's code (engine-chunk.ts): a list's rows need only the parties, read before it.
 */
import type { Row } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import { formatRef, PRINCIPAL_KINDS, type PrincipalKind, type PrincipalRef } from '../model/kinds.js';
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
import type { BatchedReader } from './batched-reader.js';
import * as rows from './fact-rows.js';
import * as people from './people-rows.js';
import type { Walk } from './fact-walks.js';
import type { PartyRow } from './party-rows.js';
import { readRolesHeld } from './roles-held.js';

/** The people part of the facts. */
export type People = Omit<Facts, 'soldProducts' | 'installBase' | 'cases' | 'relatedParties'>;

/** A table's name and columns, with its id column. */
type Target = { table: string; columns: Readonly<Record<string, string>> & { id: string } };

/** What the people side uses of the load's options (`AccessFactsOptions`, which the loader takes). */
export interface PeopleOptions {
  readonly principals?: readonly PrincipalRef[];
  readonly roleName?: (sysId: string) => string | undefined;
  readonly priority?: () => Iterable<PrincipalRef>;
  /** Set when the early facts are wanted (the loader calls it). */
  readonly onEarly?: unknown;
}

/** What the people side reads through: the load's reader, options and the records it read. */
export interface FactsReads {
  readonly reader: BatchedReader;
  readonly map: TableMap;
  readonly options: PeopleOptions;
  /** People named beyond the priority ones above which those are read first. */
  readonly earlyAbove: number;
  readonly cases: ReadonlyMap<string, Case>;
  readonly soldProducts: ReadonlyMap<string, SoldProduct>;
  readonly items: ReadonlyMap<string, InstallBaseItem>;
  /** Records by id: those that came with other rows, and a batched read of the rest. */
  byId(
    target: Target,
    ids: Iterable<string>,
    watched?: readonly string[],
    walks?: readonly Walk[],
  ): Promise<Row[]>;
  /** Rows whose `field` is one of `ids`. */
  read(table: string, field: string, ids: Iterable<string>, watched?: readonly string[]): Promise<Row[]>;
  /** Rows of `start` and of their ancestors through `parentColumn`. */
  walkUp(
    target: Target,
    parentColumn: string,
    start: Iterable<string>,
    known?: readonly Row[],
    onRows?: (fresh: readonly Row[]) => Promise<void>,
  ): Promise<Row[]>;
  /** Keeps rows read whole as records at hand. */
  keepRows(table: string, idColumn: string, found: readonly Row[]): void;
  /** Notes each of `columns` absent from one of `found` as incomplete. */
  noteOmitted(table: string, found: readonly Row[], columns: readonly string[], consequence?: string): void;
}

type PrincipalIds = Record<PrincipalKind, Set<string>>;
type Groups = { account: Set<string>; household: Set<string>; organization: Set<string> };
/** People rows read (roles not yet joined), with the groups read alongside. */
interface NamedRows {
  readonly contacts: Row[];
  readonly consumers: Row[];
  readonly users: Row[];
  readonly households: Household[];
  readonly serviceOrganizations: ServiceOrganization[];
}

/** Ids of the people rows read, by kind. */
function readIds(read: NamedRows, map: TableMap): PrincipalIds {
  const ids = (found: readonly Row[], column: string) =>
    new Set(found.map((row) => rows.fieldText(row, column)).filter(isDefined));
  return {
    contact: ids(read.contacts, map.contact.columns.id),
    consumer: ids(read.consumers, map.consumer.columns.id),
    user: ids(read.users, map.user.columns.id),
  };
}

/** Principals the first read answers for: every one asked for in it (found or not) and every one read. */
function readyOf(asked: PrincipalIds, read: NamedRows, map: TableMap): Set<string> {
  const ready = new Set<string>();
  for (const source of [asked, readIds(read, map)])
    for (const kind of PRINCIPAL_KINDS) for (const id of source[kind]) ready.add(formatRef({ kind, id }));
  return ready;
}

/** The people of one load (one instance per load: it remembers the account flags read). */
export class PeopleRead {
  /** Accounts whose Restrict Contact Access flag was read, and those it restricts. */
  private readonly accountFlagsRead = new Set<string>();
  private readonly restricted = new Set<string>();
  private readonly map: TableMap;

  constructor(private readonly reads: FactsReads) {
    this.map = reads.map;
  }

  /**
   * Principals reached by the records and entities, their accounts, households and roles held.
   * An entity naming many people reads the priority ones (and every group's members, and the
   * entities' owners) first and hands those facts to `early`, then reads the rest.
   */
  async load(
    records: readonly PartyRow['record'][],
    early: (people: People, ready: ReadonlySet<string>) => void,
  ): Promise<People> {
    const { ids, groups, accountIds } = this.named(records);
    const later = this.deferred(ids);
    const first = await this.readNamed(ids, groups);
    const [roles, accounts] = await this.rolesAndAccounts(first, accountIds);
    if (!later) return this.people(first, roles, accounts);

    early(this.people(first, roles, accounts), readyOf(ids, first, this.map));
    // The rest: people named directly and not read with a group (an account's contacts…).
    const read = readIds(first, this.map);
    const [contacts, consumers, users] = await Promise.all([
      this.reads.byId(
        this.map.contact,
        [...later.contact].filter((id) => !read.contact.has(id)),
        [this.map.contact.columns.account],
      ),
      this.reads.byId(
        this.map.consumer,
        [...later.consumer].filter((id) => !read.consumer.has(id)),
        [this.map.consumer.columns.household],
      ),
      this.reads.byId(
        this.map.user,
        [...later.user].filter((id) => !read.user.has(id)),
      ),
    ]);
    const rest: NamedRows = { ...first, contacts, consumers, users };
    const [moreRoles, allAccounts] = await this.rolesAndAccounts(rest, accountIds);
    const all: NamedRows = {
      ...first,
      contacts: dedupeRows([...first.contacts, ...contacts], this.map.contact.columns.id),
      consumers: dedupeRows([...first.consumers, ...consumers], this.map.consumer.columns.id),
      users: dedupeRows([...first.users, ...users], this.map.user.columns.id),
    };
    return this.people(all, new Map([...roles, ...moreRoles]), allAccounts);
  }

  /** Who the records, the entities and the options name: people, groups and accounts. */
  private named(records: readonly PartyRow['record'][]): {
    ids: PrincipalIds;
    groups: Groups;
    accountIds: Set<string>;
  } {
    const ids: PrincipalIds = { contact: new Set(), consumer: new Set(), user: new Set() };
    const groups: Groups = { account: new Set(), household: new Set(), organization: new Set() };
    const accountIds = new Set<string>();
    for (const principal of this.reads.options.principals ?? []) ids[principal.kind].add(principal.id);
    for (const c of this.reads.cases.values()) {
      // The owner, and the partner (persona scope `partner`: its contact, and its account).
      if (c.contact) ids.contact.add(c.contact);
      if (c.consumer) ids.consumer.add(c.consumer);
      if (c.partnerContact) ids.contact.add(c.partnerContact);
      if (c.account) accountIds.add(c.account);
      if (c.partnerAccount) accountIds.add(c.partnerAccount);
    }
    for (const entity of [...this.reads.soldProducts.values(), ...this.reads.items.values()]) {
      if (entity.account) accountIds.add(entity.account);
    }
    for (const product of this.reads.soldProducts.values())
      if (product.consumer) ids.consumer.add(product.consumer);
    for (const { party } of records) {
      if (party.kind === 'contact' || party.kind === 'consumer' || party.kind === 'user')
        ids[party.kind].add(party.id);
      else if (party.kind === 'service_organization') groups.organization.add(party.id);
      else groups[party.kind].add(party.id);
    }
    for (const id of groups.account) accountIds.add(id);
    return { ids, groups, accountIds };
  }

  /**
   * The people to read after the priority ones, taken out of `ids` (which gains the priority
   * principals) — or undefined when everything is read together: no early listener, no priority
   * principal, or no more people than one early read is worth. The entities' owners stay first.
   */
  private deferred(ids: PrincipalIds): PrincipalIds | undefined {
    const priority = [...(this.reads.options.priority?.() ?? [])];
    for (const principal of priority) ids[principal.kind].add(principal.id);
    if (!this.reads.options.onEarly || priority.length === 0) return undefined;
    const first = new Set(priority.map(formatRef));
    for (const c of this.reads.cases.values()) {
      if (c.contact) first.add(formatRef({ kind: 'contact', id: c.contact }));
      if (c.partnerContact) first.add(formatRef({ kind: 'contact', id: c.partnerContact }));
      if (c.consumer) first.add(formatRef({ kind: 'consumer', id: c.consumer }));
    }
    for (const product of this.reads.soldProducts.values())
      if (product.consumer) first.add(formatRef({ kind: 'consumer', id: product.consumer }));
    const later: PrincipalIds = { contact: new Set(), consumer: new Set(), user: new Set() };
    let count = 0;
    for (const kind of PRINCIPAL_KINDS) {
      for (const id of ids[kind]) {
        if (first.has(formatRef({ kind, id }))) continue;
        later[kind].add(id);
        count++;
      }
    }
    if (count <= this.reads.earlyAbove) return undefined;
    for (const kind of PRINCIPAL_KINDS) for (const id of later[kind]) ids[kind].delete(id);
    return later;
  }

  /** The people `ids` names and the groups' members, read together. */
  private async readNamed(ids: PrincipalIds, groups: Groups): Promise<NamedRows> {
    const m = this.map;
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
      this.reads.read(m.contact.table, m.contact.columns.account, groups.account),
      // Household parties stand for every consumer of the household.
      this.reads.read(m.consumer.table, m.consumer.columns.household, groups.household),
      this.loadHouseholds(groups.household),
      this.loadOrganizations(groups.organization),
      this.reads.byId(m.contact, ids.contact, [m.contact.columns.account]),
      this.reads.byId(m.consumer, ids.consumer, [m.consumer.columns.household]),
      this.reads.byId(m.user, ids.user),
    ]);
    // A member reference points at sys_user, which contacts extend (and consumers have a user):
    // members that are no internal user are looked up as contacts and consumers.
    const known = new Set(userRows.map((row) => rows.fieldText(row, m.user.columns.id)));
    const memberIds = organizations.flatMap((o) => o.members.map((member) => member.id));
    const missing = memberIds.filter((id) => !known.has(id));
    const [memberUsers, memberContacts, memberConsumers] = await Promise.all([
      this.reads.byId(m.user, missing),
      this.reads.byId(m.contact, missing),
      this.reads.byId(m.consumer, missing),
    ]);
    const users = dedupeRows([...userRows, ...memberUsers], m.user.columns.id);
    const contactIds = new Set(memberContacts.map((row) => rows.fieldText(row, m.contact.columns.id)));
    const consumerIds = new Set(memberConsumers.map((row) => rows.fieldText(row, m.consumer.columns.id)));
    const userIds = new Set(users.map((row) => rows.fieldText(row, m.user.columns.id)));
    return {
      contacts: dedupeRows([...accountContacts, ...contactRows, ...memberContacts], m.contact.columns.id),
      consumers: dedupeRows(
        [...householdConsumers, ...consumerRows, ...memberConsumers],
        m.consumer.columns.id,
      ),
      users,
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

  /** The roles held by the people of `read`, and every account (those of its contacts added to `accountIds`). */
  private rolesAndAccounts(
    read: NamedRows,
    accountIds: Set<string>,
  ): Promise<[Map<string, string[]>, Account[]]> {
    const m = this.map;
    for (const row of read.contacts) {
      const account = rows.fieldText(row, m.contact.columns.account);
      if (account) accountIds.add(account);
    }
    const everyone = [
      ...read.contacts.map((row) => rows.fieldText(row, m.contact.columns.id)),
      ...read.consumers.map((row) => rows.fieldText(row, m.consumer.columns.id)),
      ...read.users.map((row) => rows.fieldText(row, m.user.columns.id)),
    ].filter(isDefined);
    return Promise.all([this.loadRolesHeld(everyone), this.loadAccounts(accountIds)]);
  }

  /** The people facts of the rows read. */
  private people(read: NamedRows, roles: ReadonlyMap<string, string[]>, accounts: Account[]): People {
    const m = this.map;
    const held = (id: string | undefined): readonly string[] => (id ? (roles.get(id) ?? []) : []);
    const idOf = (row: Row, column: string) => rows.fieldText(row, column);
    return {
      accounts,
      contacts: read.contacts
        .map((row) => people.rowToContact(row, m, held(idOf(row, m.contact.columns.id))))
        .filter((c): c is Contact => c !== undefined),
      consumers: read.consumers
        .map((row) => people.rowToConsumer(row, m, held(idOf(row, m.consumer.columns.id))))
        .filter((c): c is Consumer => c !== undefined),
      users: read.users
        .map((row) => people.rowToUser(row, m, held(idOf(row, m.user.columns.id))))
        .filter((u): u is User => u !== undefined),
      households: read.households,
      serviceOrganizations: read.serviceOrganizations,
    };
  }

  private async loadHouseholds(ids: ReadonlySet<string>): Promise<Household[]> {
    const m = this.map;
    return (await this.reads.byId(m.household, ids))
      .map((row) => people.rowToHousehold(row, m))
      .filter(isDefined);
  }

  /** Organizations with their members (as users; the caller resolves members that are contacts). */
  private async loadOrganizations(ids: ReadonlySet<string>): Promise<ServiceOrganization[]> {
    const m = this.map;
    const [organizationRows, memberRows] = await Promise.all([
      this.reads.byId(m.serviceOrganization, ids),
      this.reads.read(
        m.serviceOrganizationMember.table,
        m.serviceOrganizationMember.columns.serviceOrganization,
        ids,
      ),
    ]);
    return people.rowsToOrganizations(organizationRows, people.organizationMembers(memberRows, m), m);
  }

  /**
   * Accounts with every parent (the walk shared with install base items) and their Restrict
   * Contact Access flags, read alongside the walk: one read per request of the walk (accounts
   * that came with other rows need none, so their flags are read together). A second call (the
   * rest of a large entity's people) reads only accounts and flags it has not read yet.
   */
  private async loadAccounts(start: ReadonlySet<string>): Promise<Account[]> {
    const m = this.map;
    const flags = async (level: readonly Row[]): Promise<void> => {
      const ids = level
        .map((row) => rows.fieldText(row, m.account.columns.id))
        .filter((id): id is string => id !== undefined && !this.accountFlagsRead.has(id));
      for (const id of ids) this.accountFlagsRead.add(id);
      for (const row of await this.reads.read(m.accountAccess.table, m.accountAccess.columns.account, ids)) {
        if (row[m.accountAccess.columns.restrictContactAccess]?.value === 'true') {
          const account = rows.fieldText(row, m.accountAccess.columns.account);
          if (account) this.restricted.add(account);
        }
      }
    };
    const found = await this.reads.walkUp(m.account, m.account.columns.parent, start, [], flags);
    this.reads.noteOmitted(m.account.table, found, [m.account.columns.parent]);
    // Read once: a later walk takes them as rows at hand.
    this.reads.keepRows(m.account.table, m.account.columns.id, found);
    return found
      .map((row) => people.rowToAccount(row, m, this.restricted))
      .filter((a): a is Account => a !== undefined);
  }

  /** Role names held per principal id (`sys_user_has_role`). */
  private loadRolesHeld(principalIds: string[]): Promise<Map<string, string[]>> {
    return readRolesHeld(this.reads.reader, this.map, principalIds, this.reads.options.roleName);
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
