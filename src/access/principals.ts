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

/**
 * What a role list gives a principal of one kind. Principals of the same kind listing the same
 * roles (with the same account restriction) share one profile: a world has far fewer distinct
 * role lists than principals, so the masks are computed once per list and allocated once.
 */
export interface RoleProfile {
  /** Closure of the held roles over the catalogue. */
  readonly held: Uint32Array;
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
  /** The masks above packed as `PrincipalTable` stores them: cap, global with `all` rows, per scope. */
  readonly packedCap: number;
  readonly packedGlobal: number;
  readonly packedPersona: Int32Array;
}

/** A principal with everything `check` needs precomputed. */
export interface PrincipalEntry extends RoleProfile {
  readonly index: number;
  readonly ref: PrincipalRef;
  readonly name: string;
  /** Roles held directly (`sys_user_has_role`). */
  readonly roles: readonly string[];
  /** Interned party keys the principal stands behind: itself, its account, household, organizations. */
  readonly partyKeys: Int32Array;
  readonly account: string | undefined;
  readonly household: string | undefined;
  readonly organizations: readonly string[];
  readonly isContact: boolean;
  /** A contact whose account does not restrict contact access (rule 6). */
  readonly accountOpen: boolean;
  /** A contact whose account restricts contact access. */
  readonly accountRestricted: boolean;
}

const NO_ORGANIZATIONS: readonly string[] = [];

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
  const organizations = organizationsByMember(facts);
  const restricted = new Set<string>();
  for (const a of facts.accounts) if (a.restrictContactAccess === true) restricted.add(a.id);
  const profiles = new RoleProfiles(definitions);
  const principals: PrincipalEntry[] = [];
  const add = (
    ref: PrincipalRef,
    name: string,
    roles: readonly string[],
    account: string | undefined,
    household: string | undefined,
  ) => {
    const index = principals.length;
    ids[ref.kind].set(ref.id, index);
    const orgs = organizations[ref.kind].get(ref.id) ?? NO_ORGANIZATIONS;
    const keys = new Int32Array(
      1 + (account === undefined ? 0 : 1) + (household === undefined ? 0 : 1) + orgs.length,
    );
    let k = 0;
    keys[k++] = partyKey(ref.kind, ref.id);
    if (account !== undefined) keys[k++] = partyKey('account', account);
    if (household !== undefined) keys[k++] = partyKey('household', household);
    for (const org of orgs) keys[k++] = partyKey('service_organization', org);
    const accountRestricted = account !== undefined && restricted.has(account);
    // Fields copied one by one, not spread: a spread followed by more fields builds a slow object.
    const profile = profiles.of(ref.kind, roles, accountRestricted);
    principals.push({
      held: profile.held,
      cap: profile.cap,
      global: profile.global,
      personaAll: profile.personaAll,
      persona: profile.persona,
      configOk: profile.configOk,
      packedCap: profile.packedCap,
      packedGlobal: profile.packedGlobal,
      packedPersona: profile.packedPersona,
      index,
      ref,
      name,
      roles,
      partyKeys: keys,
      account,
      household,
      organizations: orgs,
      isContact: ref.kind === 'contact',
      accountOpen: account !== undefined && !accountRestricted,
      accountRestricted,
    });
  };
  for (const c of facts.contacts) add({ kind: 'contact', id: c.id }, c.name, c.roles, c.account, undefined);
  for (const c of facts.consumers)
    add({ kind: 'consumer', id: c.id }, c.name, c.roles, undefined, c.household);
  for (const u of facts.users) add({ kind: 'user', id: u.id }, u.name, u.roles, undefined, undefined);
  return { principals, ids };
}

/** Service organizations per member, by member kind then id (no key strings built). */
function organizationsByMember(facts: Facts): Record<PrincipalKind, Map<string, string[]>> {
  const byMember: Record<PrincipalKind, Map<string, string[]>> = {
    contact: new Map(),
    consumer: new Map(),
    user: new Map(),
  };
  for (const org of facts.serviceOrganizations) {
    for (const member of org.members) {
      const members = byMember[member.kind];
      if (members === undefined) continue;
      const orgs = members.get(member.id);
      if (orgs) orgs.push(org.id);
      else members.set(member.id, [org.id]);
    }
  }
  return byMember;
}

/** Role profiles of one build, one per distinct (kind, account restriction, role list). */
class RoleProfiles {
  readonly #definitions: CompiledDefinitions;
  readonly #byKey = new Map<string, RoleProfile>();

  constructor(definitions: CompiledDefinitions) {
    this.#definitions = definitions;
  }

  of(kind: PrincipalKind, roles: readonly string[], accountRestricted: boolean): RoleProfile {
    // Length-prefixed names: no two role lists share a key, whatever characters the names hold.
    let key = accountRestricted ? `${kind}!` : `${kind}:`;
    for (const role of roles) key += `${role.length}:${role}`;
    let profile = this.#byKey.get(key);
    if (profile === undefined)
      this.#byKey.set(key, (profile = compileProfile(kind, roles, accountRestricted, this.#definitions)));
    return profile;
  }
}

function compileProfile(
  kind: PrincipalKind,
  roles: readonly string[],
  accountRestricted: boolean,
  definitions: CompiledDefinitions,
): RoleProfile {
  const catalog = definitions.catalog;
  const held = catalog.bitsOf(roles);
  const listed = new Set(roles);
  const cap = new Uint8Array(ENTITY_KIND_COUNT);
  const global = new Uint8Array(ENTITY_KIND_COUNT);
  for (const id of bitIds(held)) {
    const caps = definitions.capMasks[id] as Uint8Array;
    const globals = definitions.globalMasks[id] as Uint8Array;
    for (let t = 0; t < ENTITY_KIND_COUNT; t++) {
      cap[t] = (cap[t] ?? 0) | (caps[t] ?? 0);
      // Global roles count for internal users only (docs/access-rules.md, rule 7).
      if (kind === 'user') global[t] = (global[t] ?? 0) | (globals[t] ?? 0);
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
    if (!grant.valid || !grant.principals.has(kind)) continue;
    if (!(grant.role >= 0 ? hasBit(held, grant.role) : listed.has(grant.def.role))) continue;
    if (grant.def.respectsRestrictContactAccess === true && accountRestricted) continue;
    if (grant.scope === ALL) personaAll[grant.table] = (personaAll[grant.table] ?? 0) | grant.mask;
    else {
      const at = grant.scope * ENTITY_KIND_COUNT + grant.table;
      persona[at] = (persona[at] ?? 0) | grant.mask;
    }
  }
  const packedPersona = new Int32Array(PERSONA_SCOPES);
  for (let scope = 0; scope < PERSONA_SCOPES; scope++)
    packedPersona[scope] = packMasks(
      persona.subarray(scope * ENTITY_KIND_COUNT, (scope + 1) * ENTITY_KIND_COUNT),
    );
  return {
    held,
    cap,
    global,
    configOk,
    personaAll,
    persona,
    packedCap: packMasks(cap),
    packedGlobal: packMasks(global) | packMasks(personaAll),
    packedPersona,
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
      this.persona.set(p.packedPersona, p.index * PERSONA_SCOPES);
      let scoped = 0;
      for (let scope = 0; scope < PERSONA_SCOPES; scope++) scoped |= p.packedPersona[scope] as number;
      const at = p.index * PRINCIPAL_HOT;
      this.hot[at] = p.packedCap;
      this.hot[at + 1] = p.packedGlobal;
      this.hot[at + 2] = (p.accountOpen ? ACCOUNT_OPEN : 0) | (scoped !== 0 ? PERSONA : 0);
      this.hot[at + 3] = p.isContact ? account(p.account) : -1;
    }
  }

  /** Interned account of a contact, -1 otherwise. */
  account(p: number): number {
    return this.hot[p * PRINCIPAL_HOT + 3] ?? -1;
  }
}
