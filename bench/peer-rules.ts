/**
 * What the peers are given. Neither CASL nor Casbin knows responsibilities, access configurations,
 * role containment or party reach, so for each principal we precompute from the same facts and
 * definitions (independently of the engine's code) the rules it holds:
 *   "action A on table T of entities reached from source entity S by cascade C",
 *   "read the sold products / items of account X" (restrict contact access off),
 *   "read/write the entities I own", "read every case" (global roles), and the persona grant rows
 *   turned into the same rules (own and partner: the entities themselves; account and account
 *   tree: one account rule per account; all: global).
 * Whether a given entity falls under a rule (the cascade: case → its sold product, install base
 * item → its ancestors…) is left to the peer, evaluated on every check against entity attributes.
 */
import { RoleCatalog, personaGrantsOf } from '../src/access/index.js';
import type {
  Definitions,
  EntityKind,
  Facts,
  Permission,
  PrincipalRef,
  RelatedPartyRecord,
} from '../src/model/index.js';

/** How a rule's source relates to the entity checked. */
export type Cascade =
  | 'self' // the record's own entity (case → case, sold product → sold product)
  | 'sold_product' // the entity's sold product is the source (sold product → its cases / items)
  | 'tree' // the source is an ancestor-or-self of the entity's item (item → subtree, its cases, its sold products)
  | 'account' // the entity's owning account is the source
  | 'owner' // the entity itself, owned by the principal
  | 'global'; // every entity of the table

export interface PeerRule {
  readonly table: EntityKind;
  readonly action: Permission;
  readonly cascade: Cascade;
  /** `kind:id` of the source entity or account; '' for global. */
  readonly source: string;
}

const LEVEL_MASK = { read: 1, write: 3, full: 7 } as const;
const PERMISSION_MASK: Record<Permission, number> = { read: 1, write: 2, create: 4 };
const PERMISSIONS: readonly Permission[] = ['read', 'write', 'create'];

function cascadeOf(source: EntityKind, table: EntityKind): Cascade | undefined {
  if (source === table) return source === 'install_base' ? 'tree' : 'self';
  if (source === 'sold_product') return 'sold_product';
  if (source === 'install_base') return 'tree';
  return undefined;
}

/** An account and its descendants (cycle-safe). */
function descendants(facts: Facts, root: string): string[] {
  const found = [root];
  for (let at = 0; at < found.length; at++)
    for (const a of facts.accounts) if (a.parent === found[at] && !found.includes(a.id)) found.push(a.id);
  return found;
}

/** The rules of every principal, keyed `kind:id`. */
export function derivePeerRules(definitions: Definitions, facts: Facts): Map<string, PeerRule[]> {
  const catalog = RoleCatalog.fromDefinitions(definitions.roles);
  const byParty = new Map<string, RelatedPartyRecord[]>();
  for (const r of facts.relatedParties) {
    const key = `${r.party.kind}:${r.party.id}`;
    byParty.set(key, [...(byParty.get(key) ?? []), r]);
  }
  const orgsOf = new Map<string, string[]>();
  for (const org of facts.serviceOrganizations) {
    for (const m of org.members)
      orgsOf.set(`${m.kind}:${m.id}`, [...(orgsOf.get(`${m.kind}:${m.id}`) ?? []), org.id]);
  }
  const items = new Map(facts.installBase.map((i) => [i.id, i]));
  const restricted = new Set(facts.accounts.filter((a) => a.restrictContactAccess).map((a) => a.id));
  const people: { ref: PrincipalRef; roles: readonly string[]; account?: string; household?: string }[] = [
    ...facts.contacts.map((c) => ({
      ref: { kind: 'contact' as const, id: c.id },
      roles: c.roles,
      account: c.account,
    })),
    ...facts.consumers.map((c) => ({
      ref: { kind: 'consumer' as const, id: c.id },
      roles: c.roles,
      household: c.household,
    })),
    ...facts.users.map((u) => ({ ref: { kind: 'user' as const, id: u.id }, roles: u.roles })),
  ];
  const result = new Map<string, PeerRule[]>();
  for (const person of people) {
    const held = catalog.expand(person.roles);
    const cap: Record<string, number> = {};
    const global: Record<string, number> = {};
    for (const name of held) {
      const role = catalog.get(name);
      for (const grant of role?.grants ?? []) {
        const bucket =
          role?.kind === 'granular' || role?.kind === 'functional'
            ? cap
            : person.ref.kind === 'user'
              ? global
              : undefined;
        if (bucket) bucket[grant.target] = (bucket[grant.target] ?? 0) | PERMISSION_MASK[grant.permission];
      }
    }
    const rules: PeerRule[] = [];
    const add = (table: EntityKind, mask: number, cascade: Cascade, source: string) => {
      if (mask !== 0) mask |= 1;
      for (const action of PERMISSIONS)
        if (mask & PERMISSION_MASK[action]) rules.push({ table, action, cascade, source });
    };
    const keys = [
      `${person.ref.kind}:${person.ref.id}`,
      ...(orgsOf.get(`${person.ref.kind}:${person.ref.id}`) ?? []).map((o) => `service_organization:${o}`),
    ];
    if (person.account) keys.push(`account:${person.account}`);
    if (person.household) keys.push(`household:${person.household}`);
    for (const key of keys) {
      for (const record of byParty.get(key) ?? []) {
        for (const config of definitions.accessConfigs) {
          if (!config.active || config.responsibility !== record.responsibility) continue;
          if ((config.through ?? config.table) !== record.entity.kind) continue;
          if (config.partyType !== undefined && config.partyType !== record.party.kind) continue;
          if (!config.rolesRequired.every((r) => held.has(r))) continue;
          const cascade = cascadeOf(record.entity.kind, config.table);
          if (!cascade) continue;
          let mask = LEVEL_MASK[config.level] & (cap[config.table] ?? 0);
          const item = record.entity.kind === 'install_base' ? items.get(record.entity.id) : undefined;
          if (
            config.table === 'case' &&
            item &&
            person.ref.kind === 'contact' &&
            (person.account === undefined || item.account !== person.account)
          )
            mask &= ~4;
          add(config.table, mask, cascade, `${record.entity.kind}:${record.entity.id}`);
        }
      }
    }
    if (person.ref.kind === 'contact' && person.account !== undefined && !restricted.has(person.account)) {
      for (const table of ['sold_product', 'install_base'] as const)
        add(table, 1 & (cap[table] ?? 0), 'account', `account:${person.account}`);
    }
    for (const grant of personaGrantsOf(definitions)) {
      if (grant.active === false || grant.table === 'case_task') continue;
      if (!held.has(grant.role) || !grant.principals.includes(person.ref.kind)) continue;
      if (
        grant.respectsRestrictContactAccess &&
        person.ref.kind === 'contact' &&
        restricted.has(person.account ?? '')
      )
        continue;
      const mask = LEVEL_MASK[grant.level];
      const { table } = grant;
      const me = person.ref.id;
      if (grant.scope === 'all') add(table, mask, 'global', '');
      else if (grant.scope === 'own') {
        if (table === 'case')
          for (const c of facts.cases)
            if (c[person.ref.kind as 'contact'] === me) add(table, mask, 'owner', `case:${c.id}`);
        if (table === 'sold_product' && person.ref.kind === 'consumer')
          for (const s of facts.soldProducts)
            if (s.consumer === me) add(table, mask, 'owner', `sold_product:${s.id}`);
      } else if (grant.scope === 'partner') {
        if (table === 'case' && person.ref.kind === 'contact')
          for (const c of facts.cases)
            if (
              c.partnerContact === me ||
              (person.account !== undefined && c.partnerAccount === person.account)
            )
              add(table, mask, 'owner', `case:${c.id}`);
      } else if (person.account !== undefined) {
        const accounts = grant.scope === 'account' ? [person.account] : descendants(facts, person.account);
        for (const account of accounts) add(table, mask, 'account', `account:${account}`);
      }
    }
    for (const table of ['case', 'sold_product', 'install_base'] as const)
      add(table, global[table] ?? 0, 'global', '');
    result.set(`${person.ref.kind}:${person.ref.id}`, rules);
  }
  return result;
}
