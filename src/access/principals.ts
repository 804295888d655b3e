import type { Facts, PrincipalKind, PrincipalRef } from '../model/index.js';
import { bitIds, containsAll, hasBit } from './bitset.js';
import type { CompiledDefinitions } from './compiled-definitions.js';
import { ENTITY_KIND_COUNT } from './kinds-index.js';
import { ALL, PERSONA_SCOPES } from './persona.js';

/**
 * The roles of the built-in `own` persona rows (a case's own contact or consumer reads and writes
 * it, a consumer reads their sold products). Kept as an engine option: giving other names renames
 * the role of those rows (`customer_own_cases`, `consumer_own_cases`, `consumer_own_sold_products`).
 */
export interface OwnerRoles {
  readonly contact: string;
  readonly consumer: string;
}

export const DEFAULT_OWNER_ROLES: OwnerRoles = {
  contact: 'sn_customerservice.customer',
  consumer: 'sn_customerservice.consumer',
};

/** A principal with everything `check` needs precomputed. */
export interface PrincipalEntry {
  readonly index: number;
  readonly ref: PrincipalRef;
  readonly name: string;
  /** Roles held directly (`sys_user_has_role`). */
  readonly roles: readonly string[];
  /** Closure of the held roles over the catalogue. */
  readonly held: Uint32Array;
  /** Interned party keys the principal stands behind: itself, its account, household, organizations. */
  readonly partyKeys: Int32Array;
  readonly account: string | undefined;
  readonly household: string | undefined;
  readonly organizations: readonly string[];
  /** Per table: permissions the granular roles allow. */
  readonly cap: Uint8Array;
  /** Per table: permissions global roles grant on every entity (internal users only). */
  readonly global: Uint8Array;
  /** Per table: permissions persona rows of scope `all` grant on every entity. */
  readonly personaAll: Uint8Array;
  /** `scope * ENTITY_KIND_COUNT + table`: permissions scoped persona rows grant (own, account, tree, partner). */
  readonly persona: Uint8Array;
  /** Per access config: 1 when every required role is held. */
  readonly configOk: Uint8Array;
  readonly isContact: boolean;
  /** A contact whose account does not restrict contact access (rule 6). */
  readonly accountOpen: boolean;
  /** A contact whose account restricts contact access. */
  readonly accountRestricted: boolean;
}

interface RawPrincipal {
  readonly ref: PrincipalRef;
  readonly name: string;
  readonly roles: readonly string[];
  readonly account?: string;
  readonly household?: string;
  readonly accountOpen?: boolean;
  readonly accountRestricted?: boolean;
}

/** Builds every principal of the facts with its precomputed masks and reach. */
export function buildPrincipals(
  facts: Facts,
  definitions: CompiledDefinitions,
  partyKey: (kind: string, id: string) => number,
): { principals: PrincipalEntry[]; ids: Record<PrincipalKind, Map<string, number>> } {
  const ids: Record<PrincipalKind, Map<string, number>> = {
    contact: new Map(),
    consumer: new Map(),
    user: new Map(),
  };
  const organizations = new Map<string, string[]>();
  for (const org of facts.serviceOrganizations) {
    for (const member of org.members) {
      const key = `${member.kind}:${member.id}`;
      organizations.set(key, [...(organizations.get(key) ?? []), org.id]);
    }
  }
  const restricted = new Set(facts.accounts.filter((a) => a.restrictContactAccess === true).map((a) => a.id));
  const raw: RawPrincipal[] = [
    ...facts.contacts.map((c) => ({
      ref: { kind: 'contact' as const, id: c.id },
      name: c.name,
      roles: c.roles,
      account: c.account,
      accountOpen: c.account !== undefined && !restricted.has(c.account),
      accountRestricted: c.account !== undefined && restricted.has(c.account),
    })),
    ...facts.consumers.map((c) => ({
      ref: { kind: 'consumer' as const, id: c.id },
      name: c.name,
      roles: c.roles,
      household: c.household,
    })),
    ...facts.users.map((u) => ({ ref: { kind: 'user' as const, id: u.id }, name: u.name, roles: u.roles })),
  ];
  const principals = raw.map((p, index) => {
    ids[p.ref.kind].set(p.ref.id, index);
    const orgs = organizations.get(`${p.ref.kind}:${p.ref.id}`) ?? [];
    const keys = [partyKey(p.ref.kind, p.ref.id)];
    if (p.account !== undefined) keys.push(partyKey('account', p.account));
    if (p.household !== undefined) keys.push(partyKey('household', p.household));
    for (const org of orgs) keys.push(partyKey('service_organization', org));
    return compilePrincipal(p, index, Int32Array.from(keys), orgs, definitions);
  });
  return { principals, ids };
}

function compilePrincipal(
  p: RawPrincipal,
  index: number,
  partyKeys: Int32Array,
  organizations: readonly string[],
  definitions: CompiledDefinitions,
): PrincipalEntry {
  const catalog = definitions.catalog;
  const held = catalog.bitsOf(p.roles);
  const listed = new Set(p.roles);
  const cap = new Uint8Array(ENTITY_KIND_COUNT);
  const global = new Uint8Array(ENTITY_KIND_COUNT);
  for (const id of bitIds(held)) {
    const caps = definitions.capMasks[id] as Uint8Array;
    const globals = definitions.globalMasks[id] as Uint8Array;
    for (let t = 0; t < ENTITY_KIND_COUNT; t++) {
      cap[t] = (cap[t] ?? 0) | (caps[t] ?? 0);
      // Global roles count for internal users only (docs/access-rules.md, rule 7).
      if (p.ref.kind === 'user') global[t] = (global[t] ?? 0) | (globals[t] ?? 0);
    }
  }
  const configOk = new Uint8Array(definitions.configs.length);
  for (const config of definitions.configs) {
    const ok = containsAll(held, config.required) && config.unknownRoles.every((name) => listed.has(name));
    configOk[config.index] = ok ? 1 : 0;
  }
  const personaAll = new Uint8Array(ENTITY_KIND_COUNT);
  const persona = new Uint8Array(PERSONA_SCOPES * ENTITY_KIND_COUNT);
  for (const grant of definitions.personaGrants) {
    if (!grant.valid || !grant.principals.has(p.ref.kind)) continue;
    if (!(grant.role >= 0 ? hasBit(held, grant.role) : listed.has(grant.def.role))) continue;
    if (grant.def.respectsRestrictContactAccess === true && p.accountRestricted === true) continue;
    if (grant.scope === ALL) personaAll[grant.table] = (personaAll[grant.table] ?? 0) | grant.mask;
    else {
      const at = grant.scope * ENTITY_KIND_COUNT + grant.table;
      persona[at] = (persona[at] ?? 0) | grant.mask;
    }
  }
  return {
    index,
    ref: p.ref,
    name: p.name,
    roles: p.roles,
    held,
    partyKeys,
    account: p.account,
    household: p.household,
    organizations,
    cap,
    global,
    configOk,
    personaAll,
    persona,
    isContact: p.ref.kind === 'contact',
    accountOpen: p.accountOpen === true,
    accountRestricted: p.accountRestricted === true,
  };
}

/** Flags of `PrincipalTable.flags`. */
export const ACCOUNT_OPEN = 1;
/** The principal holds a scoped persona row (own, account, account tree, partner). */
export const PERSONA = 2;

/**
 * Stride of `PrincipalTable.hot`: cap masks, global masks with persona `all` rows (3 bits per
 * table), flags, account.
 */
export const PRINCIPAL_HOT = 4;

/** Packs three 3-bit permission masks (one per table) into one number. */
function packMasks(masks: Uint8Array): number {
  let packed = 0;
  for (let t = 0; t < ENTITY_KIND_COUNT; t++) packed |= ((masks[t] ?? 0) & 7) << (3 * t);
  return packed;
}

/** The per-principal numbers `check` and the reach index read, flat (no object hops). */
export class PrincipalTable {
  /** At `p * PRINCIPAL_HOT`: packed cap masks, packed global masks, flags, account (one cache line). */
  readonly hot: Int32Array;
  /** At `p * PERSONA_SCOPES + scope`: packed masks of the principal's scoped persona rows. */
  readonly persona: Int32Array;
  /** `configOk[p * configs + c]`: every role config `c` requires is held. */
  readonly configOk: Uint8Array;
  readonly configs: number;

  constructor(
    principals: readonly PrincipalEntry[],
    configs: number,
    account: (id: string | undefined) => number,
  ) {
    this.configs = configs;
    this.configOk = new Uint8Array(principals.length * configs);
    this.hot = new Int32Array(principals.length * PRINCIPAL_HOT);
    this.persona = new Int32Array(principals.length * PERSONA_SCOPES);
    for (const p of principals) {
      this.configOk.set(p.configOk, p.index * configs);
      const at = p.index * PRINCIPAL_HOT;
      let scoped = 0;
      for (let scope = 0; scope < PERSONA_SCOPES; scope++) {
        const packed = packMasks(
          p.persona.subarray(scope * ENTITY_KIND_COUNT, (scope + 1) * ENTITY_KIND_COUNT),
        );
        this.persona[p.index * PERSONA_SCOPES + scope] = packed;
        scoped |= packed;
      }
      this.hot[at] = packMasks(p.cap);
      this.hot[at + 1] = packMasks(p.global) | packMasks(p.personaAll);
      this.hot[at + 2] = (p.accountOpen ? ACCOUNT_OPEN : 0) | (scoped !== 0 ? PERSONA : 0);
      this.hot[at + 3] = p.isContact ? account(p.account) : -1;
    }
  }

  /** Interned account of a contact, -1 otherwise. */
  account(p: number): number {
    return this.hot[p * PRINCIPAL_HOT + 3] ?? -1;
  }
}
