/**
 * The role catalogue as the rows of a tree: roots, then what each expanded role contains. Pure.
 * A role appears once per containment path, so a row's key is its path; a child that is already
 * an ancestor on the path (a cycle) is shown once, marked, and never expanded, so walking ends.
 */
import type { RoleCatalog } from '../../src/access/role-catalog.js';
import type { RoleDef, RoleKind } from '../../src/model/definitions.js';
import { matches, ROLE_KINDS } from './format.js';

/** `all`: the top of the containment tree; a kind: every role of that kind as a root. */
export type KindFilter = RoleKind | 'all';

/** Which rows the user opened or closed (a search opens the ancestors of matches itself). */
export interface ExpansionState {
  readonly expanded: ReadonlySet<string>;
  readonly collapsed: ReadonlySet<string>;
}

/** One visible row of the tree. */
export interface TreeRow {
  /** The containment path of role names, joined by `>`. */
  readonly key: string;
  readonly name: string;
  /** Undefined when the name is not in the catalogue (an unknown contained role). */
  readonly role?: RoleDef;
  /** 1-based depth. */
  readonly level: number;
  readonly parentKey?: string;
  readonly posinset: number;
  readonly setsize: number;
  readonly expandable: boolean;
  readonly expanded: boolean;
  /** The role is already an ancestor on this path. */
  readonly cycle: boolean;
}

const kindRank = (role: RoleDef): number => ROLE_KINDS.indexOf(role.kind);
const byKindThenTitle = (a: RoleDef, b: RoleDef): number =>
  kindRank(a) - kindRank(b) || a.title.localeCompare(b.title) || a.name.localeCompare(b.name);

/** Root role names: of one kind, or those no role contains (plus one entry into each unreached cycle). */
export function rootNames(catalog: RoleCatalog, kind: KindFilter): string[] {
  if (kind !== 'all') {
    return catalog.roles
      .filter((role) => role.kind === kind)
      .sort(byKindThenTitle)
      .map((role) => role.name);
  }
  const contained = new Set(catalog.roles.flatMap((role) => role.contains));
  const roots = catalog.roles.filter((role) => !contained.has(role.name)).sort(byKindThenTitle);
  const reached = new Set<string>();
  for (const root of roots) for (const name of catalog.closure(root.name)) reached.add(name);
  for (const role of catalog.roles) {
    if (reached.has(role.name)) continue;
    roots.push(role);
    for (const name of catalog.closure(role.name)) reached.add(name);
  }
  return roots.map((role) => role.name);
}

/** The rows to show for a query (name or title) and the user's expansion state. */
export function visibleRows(
  catalog: RoleCatalog,
  roots: readonly string[],
  query: string,
  state: ExpansionState,
): TreeRow[] {
  const searching = query.trim() !== '';
  const hit = (name: string): boolean => {
    const role = catalog.get(name);
    return matches(query, name, role?.title);
  };
  const below = new Map<string, boolean>();
  const matchBelow = (name: string): boolean => {
    let found = below.get(name);
    if (found === undefined) {
      found = [...catalog.closure(name)].some((other) => other !== name && hit(other));
      below.set(name, found);
    }
    return found;
  };
  const shown = (name: string): boolean => !searching || hit(name) || matchBelow(name);

  const rows: TreeRow[] = [];
  const walk = (names: readonly string[], path: readonly string[], parentKey: string | undefined): void => {
    const siblings = [...new Set(names)].filter(shown);
    siblings.forEach((name, index) => {
      const role = catalog.get(name);
      const key = [...path, name].join('>');
      const cycle = path.includes(name);
      const expandable = !cycle && (role?.contains.length ?? 0) > 0;
      const opened = state.expanded.has(key) || (searching && matchBelow(name));
      const expanded = expandable && opened && !state.collapsed.has(key);
      rows.push({
        key,
        name,
        ...(role ? { role } : {}),
        level: path.length + 1,
        ...(parentKey !== undefined ? { parentKey } : {}),
        posinset: index + 1,
        setsize: siblings.length,
        expandable,
        expanded,
        cycle,
      });
      if (expanded && role) walk(role.contains, [...path, name], key);
    });
  };
  walk(roots, [], undefined);
  return rows;
}
