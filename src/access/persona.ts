import type { PersonaGrant, PersonaScope, PrincipalKind } from '../model/index.js';
import { personaGrantsOf } from './builtin-persona-grants.js';
import { HOT, type EntityIndex } from './entity-index.js';
import { CASE, entityCode } from './kinds-index.js';
import { maskOfLevel } from './levels.js';
import type { RoleCatalog } from './role-catalog.js';
import type { EngineProblem } from './types.js';

/**
 * Persona grants compiled: per row the role id, table code, scope code and permission mask. A
 * principal folds the rows it holds into one packed mask per scope (`PrincipalTable.persona`), so
 * `check` pays for persona grants only when the principal holds one, and `all` rows join the
 * global masks (the same cost as `case_viewer`).
 */

/** Scope codes: the order of `PrincipalTable.persona` (`all` is folded into the global masks). */
export const OWN = 0;
export const ACCOUNT = 1;
export const ACCOUNT_TREE = 2;
export const PARTNER = 3;
export const ALL = 4;
/** Scoped masks per principal (own, account, account tree, partner). */
export const PERSONA_SCOPES = 4;

const SCOPES: readonly PersonaScope[] = ['own', 'account', 'account_tree', 'partner', 'all'];
const KINDS: readonly PrincipalKind[] = ['contact', 'consumer', 'user'];

export interface CompiledPersonaGrant {
  readonly def: PersonaGrant;
  /** Catalogue id of the role, -1 when the role is not in the catalogue (held only when listed). */
  readonly role: number;
  /** Entity kind code, -1 for a table that is not an entity (case tasks: catalogue data only). */
  readonly table: number;
  readonly scope: number;
  readonly mask: number;
  readonly principals: ReadonlySet<PrincipalKind>;
  /** Active, with a known level, scope and principal kinds. */
  readonly valid: boolean;
}

/** Compiles the persona rows of the definitions (the built-in rows when they list none). */
export function compilePersonaGrants(
  definitions: { readonly personaGrants?: readonly PersonaGrant[] },
  catalog: RoleCatalog,
  problems: EngineProblem[],
): CompiledPersonaGrant[] {
  return personaGrantsOf(definitions).map((def) => {
    const report = (message: string, code: EngineProblem['code'] = 'persona-invalid') =>
      problems.push({ code, subject: def.id, message: `persona grant ${def.id}: ${message}` });
    const role = catalog.idOf(def.role);
    // Built-in rows name the platform's roles; a world without them simply has nobody holding them.
    if (role < 0 && def.source !== 'builtin')
      report(`role ${def.role} is not in the role catalogue`, 'persona-unknown-role');
    const scope = SCOPES.indexOf(def.scope);
    if (scope < 0) report(`unknown scope ${String(def.scope)}`);
    const level = def.level as string;
    const levelKnown = level === 'read' || level === 'write' || level === 'full';
    if (!levelKnown) report(`unknown access level ${level}`);
    const table = entityCode(def.table);
    if (table < 0 && def.table !== 'case_task') report(`unknown table ${String(def.table)}`);
    const unknownKinds = def.principals.filter((kind) => !KINDS.includes(kind));
    if (unknownKinds.length > 0) report(`unknown principal kind ${unknownKinds.join(', ')}`);
    return {
      def,
      role,
      table,
      scope,
      mask: levelKnown ? maskOfLevel(def.level) : 0,
      principals: new Set(def.principals),
      valid: def.active !== false && scope >= 0 && levelKnown && table >= 0,
    };
  });
}

/** Accounts as interned numbers with their ancestor chains, for the account-tree scope. */
export class AccountTree {
  /** Per interned account: itself then its ancestors (cycle-safe). */
  readonly #chains: Int32Array[];

  constructor(parents: readonly number[]) {
    this.#chains = parents.map((_, account) => {
      const chain: number[] = [];
      for (let at = account; at >= 0 && !chain.includes(at); at = parents[at] ?? -1) chain.push(at);
      return Int32Array.from(chain);
    });
  }

  /** Whether `account` is `root` or one of its descendants. */
  within(account: number, root: number): boolean {
    const chain = this.#chains[account];
    if (chain === undefined) return false;
    for (let i = 0; i < chain.length; i++) if (chain[i] === root) return true;
    return false;
  }

  /** `account`, its parent… up to `root` (inclusive), or undefined when `root` is not an ancestor. */
  path(account: number, root: number): number[] | undefined {
    const chain = this.#chains[account];
    if (chain === undefined) return undefined;
    const at = chain.indexOf(root);
    return at < 0 ? undefined : [...chain.subarray(0, at + 1)];
  }
}

/** What the scoped persona masks need of the index. */
export interface PersonaFacts {
  readonly entities: EntityIndex;
  readonly accountTree: AccountTree;
  /** `persona[p * PERSONA_SCOPES + scope]`: 3 bits per table, packed like the cap masks. */
  readonly persona: Int32Array;
}

/**
 * The permissions the scoped persona rows of principal `p` (interned account `account`, -1 for
 * none) give on entity `e` of kind `table`. Reads typed arrays only.
 */
export function personaMask(
  facts: PersonaFacts,
  p: number,
  account: number,
  e: number,
  table: number,
): number {
  const persona = facts.persona;
  const entities = facts.entities;
  const eHot = entities.hot;
  const eAt = e * HOT;
  const at = p * PERSONA_SCOPES;
  const shift = 3 * table;
  let mask = 0;
  const own = ((persona[at + OWN] as number) >>> shift) & 7;
  if (own !== 0 && (eHot[eAt + 4] === p || eHot[eAt + 5] === p)) mask |= own;
  if (account >= 0) {
    const entityAccount = eHot[eAt + 3] as number;
    const same = ((persona[at + ACCOUNT] as number) >>> shift) & 7;
    if (same !== 0 && entityAccount === account) mask |= same;
    const tree = ((persona[at + ACCOUNT_TREE] as number) >>> shift) & 7;
    if (tree !== 0 && entityAccount >= 0 && facts.accountTree.within(entityAccount, account)) mask |= tree;
  }
  const partner = ((persona[at + PARTNER] as number) >>> shift) & 7;
  if (
    partner !== 0 &&
    table === CASE &&
    (entities.partnerContact[e] === p || (account >= 0 && entities.partnerAccount[e] === account))
  )
    mask |= partner;
  return mask;
}
