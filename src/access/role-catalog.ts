import type { GranularGrant, RoleDef, RoleKind } from '../model/index.js';
import { bitIds, hasBit, orInto, setBit, wordsFor } from './bitset.js';
import { stronglyConnected } from './scc.js';

/** A defect of the role catalogue; the catalogue still answers for everything else. */
export type RoleProblem =
  | { readonly kind: 'cycle'; readonly roles: readonly string[]; readonly message: string }
  | {
      readonly kind: 'unknown-role';
      readonly role: string;
      readonly containedBy?: string;
      readonly message: string;
    }
  | { readonly kind: 'duplicate-role'; readonly role: string; readonly message: string };

/** A `sys_user_role` row as the Table API returns it. */
export interface RoleRow {
  readonly sys_id: string;
  readonly name: string;
  readonly description?: string;
  readonly suffix?: string;
}

/** A `sys_user_role_contains` row; both ends are a sys_id or a role name. */
export interface RoleContainsRow {
  readonly role: string;
  readonly contains: string;
}

/**
 * The role catalogue: roles and their transitive containment. Closures are precomputed once as
 * bitsets over interned ids (cycles collapse into one strongly connected component, so they
 * terminate and are reported).
 */
export class RoleCatalog {
  /** Every role, in definition order. */
  readonly roles: readonly RoleDef[];
  /** Cycles, edges to unknown roles, duplicate names. */
  readonly problems: readonly RoleProblem[];
  /** Words per closure bitset. */
  readonly words: number;
  readonly #ids = new Map<string, number>();
  readonly #edges: number[][];
  readonly #closures: Uint32Array[];
  readonly #selfContaining: Uint8Array;

  private constructor(roles: readonly RoleDef[]) {
    const problems: RoleProblem[] = [];
    const unique: RoleDef[] = [];
    for (const role of roles) {
      if (this.#ids.has(role.name)) {
        problems.push({
          kind: 'duplicate-role',
          role: role.name,
          message: `role ${role.name} is defined twice; the first definition is used`,
        });
        continue;
      }
      this.#ids.set(role.name, unique.length);
      unique.push(role);
    }
    this.roles = unique;
    this.#edges = unique.map((role) => {
      const out = new Set<number>();
      for (const child of role.contains) {
        const id = this.#ids.get(child);
        if (id === undefined) {
          problems.push({
            kind: 'unknown-role',
            role: child,
            containedBy: role.name,
            message: `role ${role.name} contains unknown role ${child}`,
          });
        } else out.add(id);
      }
      return [...out];
    });
    this.words = wordsFor(unique.length);
    const { componentOf, components } = stronglyConnected(this.#edges);
    this.#selfContaining = new Uint8Array(unique.length);
    const componentBits: Uint32Array[] = [];
    // Components arrive in reverse topological order: successors' closures are already complete.
    for (const component of components) {
      const bits = new Uint32Array(this.words);
      for (const member of component) {
        setBit(bits, member);
        for (const to of this.#edges[member] ?? []) {
          const target = componentOf[to] as number;
          if (target !== componentBits.length) orInto(bits, componentBits[target] as Uint32Array);
        }
      }
      componentBits.push(bits);
      const cyclic =
        component.length > 1 || (this.#edges[component[0] as number] ?? []).includes(component[0] as number);
      if (cyclic) {
        for (const member of component) this.#selfContaining[member] = 1;
        const names = component.map((id) => (unique[id] as RoleDef).name).sort();
        problems.push({
          kind: 'cycle',
          roles: names,
          message: `roles contain each other in a cycle: ${names.join(' → ')}`,
        });
      }
    }
    this.#closures = unique.map((_, id) => componentBits[componentOf[id] as number] as Uint32Array);
    this.problems = problems;
  }

  /** A catalogue from role definitions (seed data or cached definitions). */
  static fromDefinitions(roles: readonly RoleDef[]): RoleCatalog {
    return new RoleCatalog(roles);
  }

  /**
   * A catalogue from `sys_user_role` and `sys_user_role_contains` rows. Edge ends may be sys_ids or
   * names. Title, plugin, kind and grants come from `seed` (matched by name) when given: instances
   * do not return them. Without a seed entry, a role ending in `_granular` is granular, else other.
   */
  static fromRows(
    roles: readonly RoleRow[],
    contains: readonly RoleContainsRow[],
    seed: readonly RoleDef[] = [],
  ): RoleCatalog {
    const nameOf = new Map<string, string>();
    for (const row of roles) nameOf.set(row.sys_id, row.name);
    const seedByName = new Map(seed.map((role) => [role.name, role]));
    const children = new Map<string, string[]>();
    for (const edge of contains) {
      const parent = nameOf.get(edge.role) ?? edge.role;
      const child = nameOf.get(edge.contains) ?? edge.contains;
      const list = children.get(parent) ?? [];
      list.push(child);
      children.set(parent, list);
    }
    const defs = roles.map((row): RoleDef => {
      const known = seedByName.get(row.name);
      const kind: RoleKind = known?.kind ?? (row.name.endsWith('_granular') ? 'granular' : 'other');
      return {
        name: row.name,
        title: known?.title ?? row.name,
        description: row.description ?? known?.description ?? '',
        plugin: known?.plugin ?? '',
        kind,
        contains: children.get(row.name) ?? [],
        ...(known?.grants ? { grants: known.grants } : {}),
        sysId: row.sys_id,
      };
    });
    return new RoleCatalog(defs);
  }

  /** Number of roles. */
  get size(): number {
    return this.roles.length;
  }

  /** The role named `name`, if any. */
  get(name: string): RoleDef | undefined {
    const id = this.#ids.get(name);
    return id === undefined ? undefined : this.roles[id];
  }

  /** Whether a role named `name` exists. */
  has(name: string): boolean {
    return this.#ids.has(name);
  }

  /** Interned id of a role, or -1. */
  idOf(name: string): number {
    return this.#ids.get(name) ?? -1;
  }

  /** Name of an interned id. */
  nameOf(id: number): string {
    return (this.roles[id] as RoleDef).name;
  }

  /** True when `a` contains `b` through one or more edges (a role contains itself only in a cycle). */
  contains(a: string, b: string): boolean {
    const from = this.#ids.get(a);
    const to = this.#ids.get(b);
    if (from === undefined || to === undefined) return false;
    if (from === to) return this.#selfContaining[from] === 1;
    return hasBit(this.#closures[from] as Uint32Array, to);
  }

  /** The reflexive-transitive closure of the given names as a bitset; unknown names are skipped. */
  bitsOf(names: Iterable<string>, onUnknown?: (name: string) => void): Uint32Array {
    const bits = new Uint32Array(this.words);
    for (const name of names) {
      const id = this.#ids.get(name);
      if (id === undefined) onUnknown?.(name);
      else orInto(bits, this.#closures[id] as Uint32Array);
    }
    return bits;
  }

  /** Every role held given `names`: the names themselves (unknown ones kept) and all they contain. */
  expand(names: Iterable<string>, onUnknown?: (name: string) => void): ReadonlySet<string> {
    const unknown: string[] = [];
    const bits = this.bitsOf(names, (name) => {
      unknown.push(name);
      onUnknown?.(name);
    });
    const result = new Set(bitIds(bits).map((id) => this.nameOf(id)));
    for (const name of unknown) result.add(name);
    return result;
  }

  /** `expand([name])`. */
  closure(name: string): ReadonlySet<string> {
    return this.expand([name]);
  }

  /** The granular grants in force once `names` are expanded, without duplicates. */
  grantsOf(names: Iterable<string>): readonly GranularGrant[] {
    const seen = new Map<string, GranularGrant>();
    for (const id of bitIds(this.bitsOf(names))) {
      for (const grant of (this.roles[id] as RoleDef).grants ?? []) {
        seen.set(`${grant.target}/${grant.permission}`, grant);
      }
    }
    return [...seen.values()];
  }

  /**
   * The shortest containment chain from one of `from` to `target`, both ends included
   * (`[target]` when `target` itself is in `from`), or undefined when none of them contains it.
   */
  chain(from: Iterable<string>, target: string): readonly string[] | undefined {
    const goal = this.#ids.get(target);
    if (goal === undefined) return undefined;
    const previous = new Int32Array(this.roles.length).fill(-2);
    const queue: number[] = [];
    for (const name of from) {
      const id = this.#ids.get(name);
      if (id !== undefined && previous[id] === -2) {
        previous[id] = -1;
        queue.push(id);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head] as number;
      if (id === goal) {
        const path: string[] = [];
        for (let at = id; at !== -1; at = previous[at] as number) path.push(this.nameOf(at));
        return path.reverse();
      }
      for (const to of this.#edges[id] ?? []) {
        if (previous[to] === -2) {
          previous[to] = id;
          queue.push(to);
        }
      }
    }
    return undefined;
  }
}
