/**
 * The people of an access review: every contact of the accounts in scope (they are who an open
 * account or an account party reaches), the people named by the parties, the members of account,
 * service organization and household parties, their accounts (with parents and Restrict Contact
 * Access) and the roles they hold. Batched `IN` reads; personal data, memory only.
 */
import type { Row } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type {
  Account,
  Consumer,
  Contact,
  Facts,
  RelatedPartyRecord,
  ServiceOrganization,
  User,
} from '../model/facts.js';
import type { PrincipalRef } from '../model/kinds.js';
import type { BatchedReader } from './batched-reader.js';
import * as rows from './fact-rows.js';
import * as people from './people-rows.js';
import { readRolesHeld } from './roles-held.js';
import type { ReviewColumns } from './access-review-scope.js';

type People = Pick<
  Facts,
  'accounts' | 'contacts' | 'consumers' | 'users' | 'serviceOrganizations' | 'households'
>;
type Step = 'people' | 'roles';

const MAX_DEPTH = 32;

/** What the people depend on: the entities' accounts and own contacts / consumers. */
export interface ScopeOwners {
  readonly accounts: ReadonlySet<string>;
  readonly cases: ReadonlyMap<string, { contact?: string; consumer?: string; account?: string }>;
  readonly soldProducts: ReadonlyMap<string, { account?: string; consumer?: string }>;
  readonly items: ReadonlyMap<string, { account?: string }>;
}

export class ReviewPeople {
  constructor(
    private readonly reader: BatchedReader,
    private readonly map: TableMap,
    private readonly columns: ReviewColumns,
    private readonly roleName: (sysId: string) => string | undefined,
  ) {}

  async load(
    owners: ScopeOwners,
    records: readonly RelatedPartyRecord[],
    progress: (step: Step, count: number) => void,
  ): Promise<People> {
    const m = this.map;
    const ids = { contact: new Set<string>(), consumer: new Set<string>(), user: new Set<string>() };
    const accounts = new Set(owners.accounts);
    const organizationIds = new Set<string>();
    const householdIds = new Set<string>();
    for (const c of owners.cases.values()) {
      if (c.contact) ids.contact.add(c.contact);
      if (c.consumer) ids.consumer.add(c.consumer);
      if (c.account) accounts.add(c.account);
    }
    for (const s of owners.soldProducts.values()) {
      if (s.consumer) ids.consumer.add(s.consumer);
      if (s.account) accounts.add(s.account);
    }
    for (const i of owners.items.values()) if (i.account) accounts.add(i.account);
    const partyAccounts = new Set<string>();
    for (const { party } of records) {
      if (party.kind === 'contact' || party.kind === 'consumer' || party.kind === 'user')
        ids[party.kind].add(party.id);
      else if (party.kind === 'account') partyAccounts.add(party.id);
      else if (party.kind === 'service_organization') organizationIds.add(party.id);
      else householdIds.add(party.id);
    }
    // Every contact of the accounts in scope and of account parties; then the others by id.
    const contactRows = await this.reader.rowsWhereIn(m.contact.table, m.contact.columns.account, [
      ...new Set([...owners.accounts, ...partyAccounts]),
    ]);
    const [organizations, householdRows, householdMembers] = await Promise.all([
      this.loadOrganizations([...organizationIds], ids.user),
      this.reader.rowsWhereIn(m.household.table, m.household.columns.id, [...householdIds]),
      this.reader.rowsWhereIn(m.consumer.table, m.consumer.columns.household, [...householdIds]),
    ]);
    const known = new Set(contactRows.map((row) => rows.fieldText(row, m.contact.columns.id)));
    const [moreContacts, consumerRows, userRows] = await Promise.all([
      this.reader.rowsWhereIn(
        m.contact.table,
        m.contact.columns.id,
        [...ids.contact].filter((id) => !known.has(id)),
      ),
      this.reader.rowsWhereIn(m.consumer.table, m.consumer.columns.id, [...ids.consumer]),
      this.reader.rowsWhereIn(m.user.table, m.user.columns.id, [...ids.user]),
    ]);
    contactRows.push(...moreContacts);
    consumerRows.push(...householdMembers);
    // Members that are no internal user are contacts (contacts extend sys_user).
    const userIds = new Set(userRows.map((row) => rows.fieldText(row, m.user.columns.id)));
    const contactIds = new Set(contactRows.map((row) => rows.fieldText(row, m.contact.columns.id)));
    const memberIds = organizations.flatMap((o) => o.members.map((member) => member.id));
    const memberContacts = await this.reader.rowsWhereIn(
      m.contact.table,
      m.contact.columns.id,
      memberIds.filter((id) => !userIds.has(id) && !contactIds.has(id)),
    );
    contactRows.push(...memberContacts);
    const asContact = new Set([...contactRows.map((row) => rows.fieldText(row, m.contact.columns.id))]);
    progress('people', contactRows.length + consumerRows.length + userRows.length);

    const everyone = [
      ...contactRows.map((row) => rows.fieldText(row, m.contact.columns.id)),
      ...consumerRows.map((row) => rows.fieldText(row, m.consumer.columns.id)),
      ...userRows.map((row) => rows.fieldText(row, m.user.columns.id)),
    ].filter((id): id is string => id !== undefined);
    const roles = await this.loadRolesHeld(everyone);
    progress('roles', roles.size);
    const held = (id: string | undefined): readonly string[] => (id ? (roles.get(id) ?? []) : []);

    const contacts = dedupe(
      contactRows
        .map((row) =>
          this.withActive(row, people.rowToContact(row, m, held(rows.fieldText(row, m.contact.columns.id)))),
        )
        .filter((c): c is Contact => c !== undefined),
    );
    for (const contact of contacts) if (contact.account) accounts.add(contact.account);
    for (const id of partyAccounts) accounts.add(id);
    return {
      contacts,
      consumers: dedupe(
        consumerRows
          .map((row) =>
            this.withActive(
              row,
              people.rowToConsumer(row, m, held(rows.fieldText(row, m.consumer.columns.id))),
            ),
          )
          .filter((c): c is Consumer => c !== undefined),
      ),
      users: dedupe(
        userRows
          .map((row) =>
            this.withActive(row, people.rowToUser(row, m, held(rows.fieldText(row, m.user.columns.id)))),
          )
          .filter((u): u is User => u !== undefined),
      ),
      serviceOrganizations: organizations.map((o) => ({
        ...o,
        members: o.members.map((member): PrincipalRef =>
          asContact.has(member.id) && !userIds.has(member.id) ? { kind: 'contact', id: member.id } : member,
        ),
      })),
      households: householdRows.flatMap((row) => {
        const id = rows.fieldText(row, m.household.columns.id);
        return id ? [{ id, name: row[m.household.columns.name]?.value ?? id }] : [];
      }),
      accounts: await this.loadAccounts(accounts),
    };
  }

  /** Adds `active` when the row says (anything but `false` counts as active). */
  private withActive<T extends Contact | Consumer | User>(row: Row, person: T | undefined): T | undefined {
    const value = row[this.columns.active]?.value;
    if (!person || value === undefined || value === '') return person;
    return { ...person, active: value !== 'false' && value !== '0' };
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
    const members = people.organizationMembers(memberRows, m);
    for (const list of members.values()) for (const member of list) users.add(member.id);
    return people.rowsToOrganizations(organizationRows, members, m);
  }

  /** Accounts with their parent chain and Restrict Contact Access flags. */
  private async loadAccounts(start: ReadonlySet<string>): Promise<Account[]> {
    const m = this.map;
    const found = new Map<string, Row>();
    let frontier = [...start];
    for (let depth = 0; frontier.length > 0 && depth < MAX_DEPTH; depth++) {
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
    const access = await this.reader.rowsWhereIn(m.accountAccess.table, m.accountAccess.columns.account, [
      ...found.keys(),
    ]);
    for (const row of access) {
      const account = rows.fieldText(row, m.accountAccess.columns.account);
      if (account && row[m.accountAccess.columns.restrictContactAccess]?.value === 'true')
        restricted.add(account);
    }
    return [...found.values()]
      .map((row) => people.rowToAccount(row, m, restricted))
      .filter((a): a is Account => a !== undefined);
  }

  /** Role names held per principal id (`sys_user_has_role`). */
  private loadRolesHeld(principalIds: string[]): Promise<Map<string, string[]>> {
    return readRolesHeld(this.reader, this.map, principalIds, this.roleName);
  }
}

function dedupe<T extends { id: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}
