/**
 * State and keyboard of the role tree (WAI-ARIA tree pattern, single selection that follows focus):
 * Up/Down move, Right opens or enters, Left closes or goes to the parent, Home/End, Enter/Space
 * toggle, a printable character jumps to the next role whose title starts with it.
 */
import type { ReactiveControllerHost } from 'lit';
import type { RoleCatalog } from '../../src/access/role-catalog.js';
import type { RoleDef } from '../../src/model/definitions.js';
import { rootNames, visibleRows, type KindFilter, type TreeRow } from './role-tree-model.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Holds expansion, the active row, the kind filter and the query; computes the visible rows. */
export class RoleTreeController {
  kind: KindFilter = 'all';
  query = '';
  #expanded = new Set<string>();
  #collapsed = new Set<string>();
  #active: string | undefined;
  #cache: { key: readonly unknown[]; rows: TreeRow[] } | undefined;

  constructor(private readonly host: Host) {}

  /** The visible rows (memoised until the catalogue, filter, query or expansion changes). */
  rows(catalog: RoleCatalog): TreeRow[] {
    const key = [catalog, this.kind, this.query, this.#expanded, this.#collapsed];
    if (this.#cache && key.every((part, i) => part === this.#cache?.key[i])) return this.#cache.rows;
    const rows = visibleRows(catalog, rootNames(catalog, this.kind), this.query, {
      expanded: this.#expanded,
      collapsed: this.#collapsed,
    });
    this.#cache = { key, rows };
    return rows;
  }

  /** The active row: the one focused and selected (the first row when none was chosen yet). */
  active(rows: readonly TreeRow[]): TreeRow | undefined {
    return rows.find((row) => row.key === this.#active) ?? rows[0];
  }

  setQuery(query: string): void {
    this.query = query;
    this.#collapsed = new Set();
    this.host.requestUpdate();
  }

  setKind(kind: KindFilter): void {
    this.kind = kind;
    this.host.requestUpdate();
  }

  /** Selects a row (and focuses it once rendered when `focus`). */
  select(key: string, focus = false): void {
    this.#active = key;
    this.host.requestUpdate();
    if (focus) void this.host.updateComplete.then(() => this.#focus(key));
  }

  /** Shows `role` as a root (its kind, searched by name) and selects it: "show in catalogue". */
  reveal(role: RoleDef): void {
    this.kind = role.kind;
    this.query = role.name;
    this.#collapsed = new Set();
    this.select(role.name, true);
  }

  toggle(row: TreeRow): void {
    if (!row.expandable) return;
    const expanded = new Set(this.#expanded);
    const collapsed = new Set(this.#collapsed);
    if (row.expanded) {
      expanded.delete(row.key);
      collapsed.add(row.key);
    } else {
      collapsed.delete(row.key);
      expanded.add(row.key);
    }
    this.#expanded = expanded;
    this.#collapsed = collapsed;
    this.select(row.key, true);
  }

  /** Keyboard of the tree; rows are the ones currently rendered. */
  onKeydown(event: KeyboardEvent, rows: readonly TreeRow[]): void {
    const current = this.active(rows);
    if (!current) return;
    const index = rows.indexOf(current);
    const go = (row: TreeRow | undefined): void => {
      if (row) this.select(row.key, true);
    };
    switch (event.key) {
      case 'ArrowDown':
        go(rows[index + 1]);
        break;
      case 'ArrowUp':
        go(rows[index - 1]);
        break;
      case 'Home':
        go(rows[0]);
        break;
      case 'End':
        go(rows[rows.length - 1]);
        break;
      case 'ArrowRight':
        if (current.expandable && !current.expanded) this.toggle(current);
        else if (current.expanded) go(rows[index + 1]);
        break;
      case 'ArrowLeft':
        if (current.expanded) this.toggle(current);
        else go(rows.find((row) => row.key === current.parentKey));
        break;
      case 'Enter':
      case ' ':
        this.toggle(current);
        break;
      default:
        if (!this.#typeahead(event.key, rows, index)) return;
    }
    event.preventDefault();
  }

  #typeahead(key: string, rows: readonly TreeRow[], index: number): boolean {
    if (key.length !== 1 || !/\S/.test(key)) return false;
    const char = key.toLowerCase();
    const starts = (row: TreeRow): boolean => (row.role?.title ?? row.name).toLowerCase().startsWith(char);
    const next = [...rows.slice(index + 1), ...rows.slice(0, index)].find(starts);
    if (next) this.select(next.key, true);
    return true;
  }

  #focus(key: string): void {
    const root = this.host.shadowRoot;
    root?.querySelector<HTMLElement>(`[role="treeitem"][data-key="${CSS.escape(key)}"]`)?.focus();
  }
}
