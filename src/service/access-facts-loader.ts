/**
 * Loads the facts the engine needs to answer for one entity: the entity and the records access
 * cascades from (its sold product, its install base item and that item's ancestors), their
 * related parties, the principals those parties stand for, their accounts and the roles they hold.
 * Requests are batched by table (`IN` queries in chunks), never one per row. Personal data: held in
 * memory only, never cached.
 */
import type { Row, TableClient } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type { EntityKind, EntityRef, PrincipalRef } from '../model/kinds.js';
import type {
  Account,
  Case,
  Contact,
  Consumer,
  Facts,
  InstallBaseItem,
  RelatedPartyRecord,
  ServiceOrganization,
  SoldProduct,
  User,
} from '../model/facts.js';
import { partyFields, partyColumns, partyTable, rowToPartyRow, type PartyRow } from './party-rows.js';
import * as rows from './fact-rows.js';
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
}

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
  ) {}

  async load(entity: EntityRef, options: AccessFactsOptions = {}): Promise<AccessFacts> {
    const run = new LoadRun(this.client, this.map, this.chunkSize, options);
    return run.load(entity);
  }
}

/** One load: its own signal, incomplete list and collected facts. */
class LoadRun {
  private readonly reader: BatchedReader;
  private readonly cases = new Map<string, Case>();
  private readonly soldProducts = new Map<string, SoldProduct>();
  private readonly items = new Map<string, InstallBaseItem>();

  constructor(
    client: TableClient,
    private readonly map: TableMap,
    chunkSize: number,
    private readonly options: AccessFactsOptions,
  ) {
    this.reader = new BatchedReader(client, { chunkSize, pageSize: PAGE_SIZE, signal: options.signal });
  }

  async load(entity: EntityRef): Promise<AccessFacts> {
    await this.loadEntityChain(entity);
    const partyRows = await this.loadParties();
    const records = partyRows.map((row) => row.record);
    const principals = await this.loadPrincipals(records);
    return {
      facts: {
        ...principals,
        households: [],
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

  /** The entity, and what its access cascades from: sold product, install base item and ancestors. */
  private async loadEntityChain(entity: EntityRef): Promise<void> {
    const m = this.map;
    const soldProductIds = new Set<string>();
    const itemIds = new Set<string>();
    if (entity.kind === 'case') {
      for (const row of await this.reader.rowsWhereIn(m.case.table, m.case.columns.id, [entity.id])) {
        const found = rows.rowToCase(row, m);
        if (!found) continue;
        this.cases.set(found.id, found);
        if (found.soldProduct) soldProductIds.add(found.soldProduct);
        if (found.installBase) itemIds.add(found.installBase);
      }
    } else if (entity.kind === 'sold_product') {
      soldProductIds.add(entity.id);
      // Install base items of this product cascade their parties' access to it.
      for (const row of await this.reader.rowsWhereIn(
        m.installBase.table,
        m.installBase.columns.soldProduct,
        [entity.id],
      )) {
        const item = rows.rowToInstallBaseItem(row, m);
        if (item) itemIds.add(item.id);
      }
    } else {
      itemIds.add(entity.id);
    }
    for (const row of await this.reader.rowsWhereIn(m.soldProduct.table, m.soldProduct.columns.id, [
      ...soldProductIds,
    ])) {
      const product = rows.rowToSoldProduct(row, m);
      if (product) this.soldProducts.set(product.id, product);
    }
    await this.loadItemsWithAncestors(itemIds);
  }

  private async loadItemsWithAncestors(start: ReadonlySet<string>): Promise<void> {
    let frontier = [...start];
    for (let depth = 0; frontier.length > 0 && depth < MAX_TREE_DEPTH; depth++) {
      const next: string[] = [];
      for (const row of await this.reader.rowsWhereIn(
        this.map.installBase.table,
        this.map.installBase.columns.id,
        frontier,
      )) {
        const item = rows.rowToInstallBaseItem(row, this.map);
        if (!item || this.items.has(item.id)) continue;
        this.items.set(item.id, item);
        if (item.parent && !this.items.has(item.parent)) next.push(item.parent);
      }
      frontier = next;
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
        const columns = partyColumns(kind, this.map);
        const found = await this.reader.rowsWhereIn(partyTable(kind, this.map), columns.entity ?? '', ids, {
          fields: partyFields(kind, this.map),
          displayValue: 'all',
        });
        return found.map((row) => rowToPartyRow(row, kind, this.map)).filter((row) => row !== undefined);
      }),
    );
    // A page that shifted under a concurrent insert repeats a record: keep it once.
    return [...new Map(loaded.flat().map((row) => [row.record.id, row])).values()];
  }

  /** Contacts, consumers and users reached by the records (incl. account and organisation members). */
  private async loadPrincipals(
    records: readonly RelatedPartyRecord[],
  ): Promise<Pick<Facts, 'accounts' | 'contacts' | 'consumers' | 'users' | 'serviceOrganizations'>> {
    const m = this.map;
    const ids = { contact: new Set<string>(), consumer: new Set<string>(), user: new Set<string>() };
    const accountIds = new Set<string>();
    const organizationIds = new Set<string>();
    for (const principal of this.options.principals ?? []) ids[principal.kind].add(principal.id);
    for (const c of this.cases.values()) {
      if (c.contact) ids.contact.add(c.contact);
      if (c.consumer) ids.consumer.add(c.consumer);
      if (c.account) accountIds.add(c.account);
    }
    for (const entity of [...this.soldProducts.values(), ...this.items.values()]) {
      if (entity.account) accountIds.add(entity.account);
    }
    const partyAccounts = new Set<string>();
    for (const { party } of records) {
      if (party.kind === 'contact' || party.kind === 'consumer' || party.kind === 'user')
        ids[party.kind].add(party.id);
      else if (party.kind === 'account') partyAccounts.add(party.id);
      else if (party.kind === 'service_organization') organizationIds.add(party.id);
    }

    // Account parties stand for every contact of the account.
    const contactRows = [
      ...(await this.reader.rowsWhereIn(m.contact.table, m.contact.columns.account, [...partyAccounts])),
    ];
    for (const row of contactRows) {
      const id = rows.fieldText(row, m.contact.columns.id);
      if (id) ids.contact.delete(id);
    }
    const organizations = await this.loadOrganizations([...organizationIds], ids.user);
    contactRows.push(
      ...(await this.reader.rowsWhereIn(m.contact.table, m.contact.columns.id, [...ids.contact])),
    );
    const consumerRows = await this.reader.rowsWhereIn(m.consumer.table, m.consumer.columns.id, [
      ...ids.consumer,
    ]);
    const userRows = await this.reader.rowsWhereIn(m.user.table, m.user.columns.id, [...ids.user]);
    // A member reference points at sys_user, which contacts extend: members that are no internal
    // user are looked up as contacts.
    const memberContacts = await this.memberContacts(organizations, userRows, contactRows);
    contactRows.push(...memberContacts.rows);

    const everyone = [
      ...contactRows.map((row) => rows.fieldText(row, m.contact.columns.id)),
      ...consumerRows.map((row) => rows.fieldText(row, m.consumer.columns.id)),
      ...userRows.map((row) => rows.fieldText(row, m.user.columns.id)),
    ].filter((id): id is string => id !== undefined);
    const roles = await this.loadRolesHeld(everyone);
    const held = (id: string | undefined): readonly string[] => (id ? (roles.get(id) ?? []) : []);

    const contacts = contactRows
      .map((row) => rows.rowToContact(row, m, held(rows.fieldText(row, m.contact.columns.id))))
      .filter((c): c is Contact => c !== undefined);
    for (const contact of contacts) if (contact.account) accountIds.add(contact.account);
    for (const id of partyAccounts) accountIds.add(id);
    return {
      contacts: dedupe(contacts),
      consumers: dedupe(
        consumerRows
          .map((row) => rows.rowToConsumer(row, m, held(rows.fieldText(row, m.consumer.columns.id))))
          .filter((c): c is Consumer => c !== undefined),
      ),
      users: dedupe(
        userRows
          .map((row) => rows.rowToUser(row, m, held(rows.fieldText(row, m.user.columns.id))))
          .filter((u): u is User => u !== undefined),
      ),
      accounts: await this.loadAccounts(accountIds),
      serviceOrganizations: organizations.map((organization) => ({
        ...organization,
        members: organization.members.map((member) =>
          memberContacts.ids.has(member.id) ? { kind: 'contact' as const, id: member.id } : member,
        ),
      })),
    };
  }

  private async memberContacts(
    organizations: readonly ServiceOrganization[],
    userRows: readonly Row[],
    contactRows: readonly Row[],
  ): Promise<{ rows: Row[]; ids: Set<string> }> {
    const m = this.map;
    const known = new Set(
      [...userRows.map((row) => rows.fieldText(row, m.user.columns.id))].filter((id) => id !== undefined),
    );
    const missing = organizations
      .flatMap((o) => o.members.map((member) => member.id))
      .filter((id) => !known.has(id));
    const alreadyLoaded = new Set(contactRows.map((row) => rows.fieldText(row, m.contact.columns.id)));
    const found = await this.reader.rowsWhereIn(m.contact.table, m.contact.columns.id, missing);
    const ids = new Set(
      found.map((row) => rows.fieldText(row, m.contact.columns.id)).filter((id) => id !== undefined),
    );
    return {
      rows: found.filter((row) => !alreadyLoaded.has(rows.fieldText(row, m.contact.columns.id))),
      ids,
    };
  }

  private async loadOrganizations(ids: string[], users: Set<string>): Promise<ServiceOrganization[]> {
    const m = this.map;
    const [organizationRows, memberRows] = await Promise.all([
      this.reader.rowsWhereIn(m.serviceOrganization.table, m.serviceOrganization.columns.id, ids),
      this.reader.rowsWhereIn(
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
      users.add(user);
      members.set(organization, [...(members.get(organization) ?? []), { kind: 'user', id: user }]);
    }
    return organizationRows.flatMap((row) => {
      const id = rows.fieldText(row, m.serviceOrganization.columns.id);
      if (!id) return [];
      const name = row[m.serviceOrganization.columns.name]?.value ?? id;
      return [{ id, name, members: members.get(id) ?? [] }];
    });
  }

  /** Accounts with their parent chain and Restrict Contact Access flags. */
  private async loadAccounts(start: ReadonlySet<string>): Promise<Account[]> {
    const m = this.map;
    const found = new Map<string, Row>();
    let frontier = [...start];
    for (let depth = 0; frontier.length > 0 && depth < MAX_TREE_DEPTH; depth++) {
      const next: string[] = [];
      for (const row of await this.reader.rowsWhereIn(m.account.table, m.account.columns.id, frontier)) {
        const id = rows.fieldText(row, m.account.columns.id);
        if (!id || found.has(id)) continue;
        found.set(id, row);
        const parent = rows.fieldText(row, m.account.columns.parent);
        if (parent && !found.has(parent)) next.push(parent);
      }
      frontier = next;
    }
    const restricted = new Set<string>();
    for (const row of await this.reader.rowsWhereIn(m.accountAccess.table, m.accountAccess.columns.account, [
      ...found.keys(),
    ])) {
      if (row[m.accountAccess.columns.restrictContactAccess]?.value === 'true') {
        const account = rows.fieldText(row, m.accountAccess.columns.account);
        if (account) restricted.add(account);
      }
    }
    return [...found.values()]
      .map((row) => rows.rowToAccount(row, m, restricted))
      .filter((a): a is Account => a !== undefined);
  }

  /** Role names held per principal id (`sys_user_has_role`). */
  private async loadRolesHeld(principalIds: string[]): Promise<Map<string, string[]>> {
    const { table, columns } = this.map.userHasRole;
    const held = new Map<string, string[]>();
    const found = await this.reader.rowsWhereIn(table, columns.user, principalIds, {
      fields: [columns.user, columns.role],
      displayValue: 'all',
    });
    for (const row of found) {
      const user = rows.fieldText(row, columns.user);
      const role = row[columns.role];
      const name = role?.value ? (this.options.roleName?.(role.value) ?? role.display) : undefined;
      if (!user || !name) continue;
      held.set(user, [...(held.get(user) ?? []), name]);
    }
    return held;
  }
}

function dedupe<T extends { id: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}
