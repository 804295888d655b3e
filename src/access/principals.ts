import type { Facts, PrincipalKind, PrincipalRef } from '../model/index.js';
import { bitIds, containsAll, hasBit } from './bitset.js';
import type { CompiledDefinitions } from './compiled-definitions.js';
import { ENTITY_KIND_COUNT } from './kinds-index.js';

/**
 * The roles that make a case's own contact or consumer able to read and write that case (the
 * platform's customer ACLs, outside the granular model; DESIGN.md leaves it to us).
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
  /** Per access config: 1 when every required role is held. */
  readonly configOk: Uint8Array;
  /** Holds the owner role of its kind. */
  readonly ownerOk: boolean;
  readonly isContact: boolean;
  /** A contact whose account does not restrict contact access (rule 6). */
  readonly accountOpen: boolean;
}

interface RawPrincipal {
  readonly ref: PrincipalRef;
  readonly name: string;
  readonly roles: readonly string[];
  readonly account?: string;
  readonly household?: string;
  readonly accountOpen?: boolean;
}

/** Builds every principal of the facts with its precomputed masks and reach. */
export function buildPrincipals(
  facts: Facts,
  definitions: CompiledDefinitions,
  ownerRoles: OwnerRoles,
  partyKey: (kind: string, id: string) => number,
): { principals: PrincipalEntry[]; ids: Record<PrincipalKind, Map<string, number>> } {
  const ids: Record<PrincipalKind, Map<string, number>> = {
    contact: new Map(),
    consumer: new Map(),
    user: new Map(),
  };
  // Organizations per member, keyed by kind then id (no key string built per principal).
  const organizations: Record<PrincipalKind, Map<string, string[]>> = {
    contact: new Map(),
    consumer: new Map(),
    user: new Map(),
  };
  for (const org of facts.serviceOrganizations) {
    for (const member of org.members) {
      const byId = Object.hasOwn(organizations, member.kind) ? organizations[member.kind] : undefined;
      const list = byId?.get(member.id);
      if (list) list.push(org.id);
      else byId?.set(member.id, [org.id]);
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
    })),
    ...facts.consumers.map((c) => ({
      ref: { kind: 'consumer' as const, id: c.id },
      name: c.name,
      roles: c.roles,
      household: c.household,
    })),
    ...facts.users.map((u) => ({ ref: { kind: 'user' as const, id: u.id }, name: u.name, roles: u.roles })),
  ];
  // The per-principal masks are views over a few shared buffers: one allocation per column, not
  // several typed arrays per principal (allocating thousands of small typed arrays dominated).
  const tables = ENTITY_KIND_COUNT;
  const configCount = definitions.configs.length;
  const masks = new Uint8Array(raw.length * (2 * tables + configCount));
  const orgLists = raw.map((p) => organizations[p.ref.kind].get(p.ref.id) ?? []);
  const keyLists = raw.map((p, index) => {
    const keys = [partyKey(p.ref.kind, p.ref.id)];
    if (p.account !== undefined) keys.push(partyKey('account', p.account));
    if (p.household !== undefined) keys.push(partyKey('household', p.household));
    for (const org of orgLists[index] as string[]) keys.push(partyKey('service_organization', org));
    return keys;
  });
  const allKeys = new Int32Array(keyLists.reduce((n, keys) => n + keys.length, 0));
  let keyAt = 0;
  const principals = raw.map((p, index) => {
    ids[p.ref.kind].set(p.ref.id, index);
    const orgs = orgLists[index] as string[];
    const keys = keyLists[index] as number[];
    allKeys.set(keys, keyAt);
    const partyKeys = allKeys.subarray(keyAt, (keyAt += keys.length));
    const at = index * (2 * tables + configCount);
    const views: PrincipalMasks = {
      cap: masks.subarray(at, at + tables),
      global: masks.subarray(at + tables, at + 2 * tables),
      configOk: masks.subarray(at + 2 * tables, at + 2 * tables + configCount),
    };
    return compilePrincipal(p, index, partyKeys, orgs, definitions, ownerRoles, views);
  });
  return { principals, ids };
}

/** Zeroed per-principal mask arrays (views over shared buffers). */
interface PrincipalMasks {
  readonly cap: Uint8Array;
  readonly global: Uint8Array;
  readonly configOk: Uint8Array;
}

function compilePrincipal(
  p: RawPrincipal,
  index: number,
  partyKeys: Int32Array,
  organizations: readonly string[],
  definitions: CompiledDefinitions,
  ownerRoles: OwnerRoles,
  { cap, global, configOk }: PrincipalMasks,
): PrincipalEntry {
  const catalog = definitions.catalog;
  const held = catalog.bitsOf(p.roles);
  const listed = new Set(p.roles);
  for (const id of bitIds(held)) {
    const caps = definitions.capMasks[id] as Uint8Array;
    const globals = definitions.globalMasks[id] as Uint8Array;
    for (let t = 0; t < ENTITY_KIND_COUNT; t++) {
      cap[t] = (cap[t] ?? 0) | (caps[t] ?? 0);
      // Global roles count for internal users only (DESIGN.md §2 rule 7).
      if (p.ref.kind === 'user') global[t] = (global[t] ?? 0) | (globals[t] ?? 0);
    }
  }
  for (const config of definitions.configs) {
    const ok = containsAll(held, config.required) && config.unknownRoles.every((name) => listed.has(name));
    configOk[config.index] = ok ? 1 : 0;
  }
  const ownerRole =
    p.ref.kind === 'contact'
      ? ownerRoles.contact
      : p.ref.kind === 'consumer'
        ? ownerRoles.consumer
        : undefined;
  const ownerId = ownerRole === undefined ? -1 : catalog.idOf(ownerRole);
  const ownerOk = ownerRole !== undefined && (ownerId >= 0 ? hasBit(held, ownerId) : listed.has(ownerRole));
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
    ownerOk,
    isContact: p.ref.kind === 'contact',
    accountOpen: p.accountOpen === true,
  };
}

/** Flags of `PrincipalTable.flags`. */
export const ACCOUNT_OPEN = 1;
export const OWNER_OK = 2;

/** Stride of `PrincipalTable.hot`: cap masks, global masks (3 bits per table), flags, account. */
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
    for (const p of principals) {
      this.configOk.set(p.configOk, p.index * configs);
      const at = p.index * PRINCIPAL_HOT;
      this.hot[at] = packMasks(p.cap);
      this.hot[at + 1] = packMasks(p.global);
      this.hot[at + 2] = (p.accountOpen ? ACCOUNT_OPEN : 0) | (p.ownerOk ? OWNER_OK : 0);
      this.hot[at + 3] = p.isContact ? account(p.account) : -1;
    }
  }

  /** Interned account of a contact, -1 otherwise. */
  account(p: number): number {
    return this.hot[p * PRINCIPAL_HOT + 3] ?? -1;
  }
}
