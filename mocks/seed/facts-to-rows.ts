/**
 * Facts → rows of the customer tables, as an instance stores them (the counterpart of
 * definitions-to-rows.ts): accounts with their `sn_csm_account_access` flags, contacts, consumers,
 * users, households, service organizations and their members, sold products, install base items,
 * cases, related-party records (one party column filled, by the party's kind) and roles held.
 * Ids that are not sys_ids (an access-test file's `ana`, `c1`) get a sys_id hashed from kind and
 * id (`factSysId`), so the same world always gets the same sys_ids.
 */
import type { TableMap } from '../../src/client/table-map.js';
import type { Facts } from '../../src/model/facts.js';
import type { EntityKind, PartyKind, Ref } from '../../src/model/kinds.js';
import { isSysId } from '../store/sys-values.js';
import type { TableRows } from './definitions-to-rows.js';
import { roleSysId } from './definitions-to-rows.js';
import { partyColumnKey, partyTableKey } from './parties.js';
import { hashSysId } from './prng.js';
import { definitionSysId, physicalRow, type RowValues } from './rows.js';

/** What a fact id names: a party or entity kind, or a related-party record. */
export type FactKind = PartyKind | EntityKind | 'related_party';

/** The sys_id a fact is stored under: its id when already a sys_id, else a hash of kind and id. */
export function factSysId(kind: FactKind, id: string): string {
  return isSysId(id) ? id : hashSysId(`fact:${kind}:${id}`);
}

/** A reference with its id replaced by the stored sys_id. */
export function storedRef<K extends FactKind>(ref: Ref<K>): Ref<K> {
  return { kind: ref.kind, id: factSysId(ref.kind, ref.id) };
}

const optional = (kind: FactKind, id: string | undefined): string | undefined =>
  id === undefined ? undefined : factSysId(kind, id);

/**
 * The rows of the customer tables for `facts`. Roles held that the definitions do not name get a
 * role row of their own (an instance has every role a user holds); pass the role names the
 * definition rows already hold as `knownRoles`.
 */
export function factsToRows(facts: Facts, map: TableMap, knownRoles: Iterable<string> = []): TableRows {
  const out: Record<string, RowValues[]> = {};
  const add = (table: string, row: RowValues): void => void (out[table] ??= []).push(row);
  const roles = new Set(knownRoles);
  const hold = (kind: FactKind, id: string, names: readonly string[]): void => {
    for (const name of new Set(names)) {
      const role = roleSysId({ name });
      if (!roles.has(name)) {
        roles.add(name);
        add(
          map.role.table,
          physicalRow(map, 'role', { id: role, name, suffix: name.slice(name.lastIndexOf('.') + 1) }),
        );
      }
      add(
        map.userHasRole.table,
        physicalRow(
          map,
          'userHasRole',
          { user: factSysId(kind, id), role },
          { sys_id: hashSysId(`held:${kind}:${id}:${name}`) },
        ),
      );
    }
  };

  for (const a of facts.accounts) {
    add(
      map.account.table,
      physicalRow(map, 'account', {
        id: factSysId('account', a.id),
        name: a.name,
        parent: optional('account', a.parent),
      }),
    );
    if (a.restrictContactAccess !== undefined) {
      add(
        map.accountAccess.table,
        physicalRow(
          map,
          'accountAccess',
          { account: factSysId('account', a.id), restrictContactAccess: String(a.restrictContactAccess) },
          { sys_id: hashSysId(`account_access:${a.id}`) },
        ),
      );
    }
  }
  for (const h of facts.households)
    add(
      map.household.table,
      physicalRow(map, 'household', { id: factSysId('household', h.id), name: h.name }),
    );
  for (const c of facts.contacts) {
    add(
      map.contact.table,
      physicalRow(map, 'contact', {
        id: factSysId('contact', c.id),
        name: c.name,
        email: c.email,
        account: optional('account', c.account),
      }),
    );
    hold('contact', c.id, c.roles);
  }
  for (const c of facts.consumers) {
    add(
      map.consumer.table,
      physicalRow(map, 'consumer', {
        id: factSysId('consumer', c.id),
        name: c.name,
        email: c.email,
        household: optional('household', c.household),
      }),
    );
    hold('consumer', c.id, c.roles);
  }
  for (const u of facts.users) {
    add(
      map.user.table,
      physicalRow(map, 'user', { id: factSysId('user', u.id), name: u.name, email: u.email }),
    );
    hold('user', u.id, u.roles);
  }
  for (const o of facts.serviceOrganizations) {
    const organization = factSysId('service_organization', o.id);
    add(
      map.serviceOrganization.table,
      physicalRow(map, 'serviceOrganization', { id: organization, name: o.name }),
    );
    for (const member of o.members) {
      add(
        map.serviceOrganizationMember.table,
        physicalRow(
          map,
          'serviceOrganizationMember',
          { serviceOrganization: organization, user: factSysId(member.kind, member.id) },
          { sys_id: hashSysId(`member:${o.id}:${member.kind}:${member.id}`) },
        ),
      );
    }
  }
  for (const s of facts.soldProducts) {
    add(
      map.soldProduct.table,
      physicalRow(map, 'soldProduct', {
        id: factSysId('sold_product', s.id),
        name: s.name,
        account: optional('account', s.account),
        consumer: optional('consumer', s.consumer),
      }),
    );
  }
  for (const i of facts.installBase) {
    add(
      map.installBase.table,
      physicalRow(map, 'installBase', {
        id: factSysId('install_base', i.id),
        name: i.name,
        account: optional('account', i.account),
        parent: optional('install_base', i.parent),
        soldProduct: optional('sold_product', i.soldProduct),
      }),
    );
  }
  for (const c of facts.cases) {
    add(
      map.case.table,
      physicalRow(map, 'case', {
        id: factSysId('case', c.id),
        number: c.number,
        shortDescription: c.shortDescription,
        account: optional('account', c.account),
        contact: optional('contact', c.contact),
        consumer: optional('consumer', c.consumer),
        soldProduct: optional('sold_product', c.soldProduct),
        installBase: optional('install_base', c.installBase),
        partnerAccount: optional('account', c.partnerAccount),
        partnerContact: optional('contact', c.partnerContact),
      }),
    );
  }
  for (const r of facts.relatedParties) {
    const column = partyColumnKey(map, r.entity.kind, r.party.kind);
    if (!column) throw new Error(`No ${r.party.kind} column on ${r.entity.kind} related parties`);
    const key = partyTableKey(r.entity.kind);
    const values: Record<string, string> = {
      id: factSysId('related_party', r.id),
      entity: factSysId(r.entity.kind, r.entity.id),
      type: definitionSysId('relationshipType', r.type),
      responsibility:
        r.responsibility === undefined ? '' : definitionSysId('responsibility', r.responsibility),
      [column]: factSysId(r.party.kind, r.party.id),
      ...(r.order === undefined ? {} : { order: String(r.order) }),
    };
    add(map[key].table, physicalRow(map, key, values));
  }
  return out;
}
