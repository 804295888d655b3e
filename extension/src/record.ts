/**
 * Which record an instance page shows, from its URL alone (pure: no DOM, no I/O).
 *
 * Classic forms: `/sn_customerservice_case.do?sys_id=…`, also wrapped in `/nav_to.do?uri=…` and in
 * the Next Experience classic wrapper `/now/nav/ui/classic/params/target/<encoded URL>`. Workspaces:
 * `/now/<workspace>/…/record/<table>/<sys_id>` (`/now/cwf/agent/record/…`, `/now/sow/record/…`).
 * Only the tables the table map names as cases, sold products or install base items count.
 */
import { DEFAULT_TABLE_MAP, entityKindIn, type TableMap } from '../../src/client/table-map.js';
import type { EntityKind } from '../../src/model/kinds.js';

/** A record of one of the three entity tables. */
export interface PageRecord {
  readonly table: string;
  readonly sysId: string;
  readonly kind: EntityKind;
}

const SYS_ID = /^[0-9a-f]{32}$/i;
const TABLE = /^[a-z][a-z0-9_]{0,79}$/;
/** `/now/<workspace>/<anything…>/record/<table>/<sys_id>[/…]` */
const WORKSPACE_ROUTE = /^\/now\/[^/]+(?:\/[^/]+)*?\/record\/([^/]+)\/([^/?#]+)/;
const CLASSIC_WRAPPER = /^\/now\/nav\/ui\/classic\/params\/target\/(.+)$/;
/** Wrapped URLs inside wrapped URLs are followed this deep, no deeper. */
const MAX_DEPTH = 3;

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function entity(map: TableMap, table: string, sysId: string): PageRecord | undefined {
  if (!TABLE.test(table) || !SYS_ID.test(sysId)) return undefined;
  const kind = entityKindIn(map, table);
  return kind ? { table, sysId: sysId.toLowerCase(), kind } : undefined;
}

function fromUrl(url: URL, map: TableMap, depth: number): PageRecord | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const path = url.pathname;
  const inner = (target: string | null | undefined): PageRecord | undefined => {
    if (!target) return undefined;
    let next: URL;
    try {
      next = new URL(target, url.origin + '/');
    } catch {
      return undefined;
    }
    // A wrapper pointing at another origin is not this instance's record.
    return next.origin === url.origin ? fromUrl(next, map, depth + 1) : undefined;
  };
  if (path === '/nav_to.do') return inner(url.searchParams.get('uri'));
  const wrapped = CLASSIC_WRAPPER.exec(path);
  if (wrapped) return inner(decode(wrapped[1] ?? ''));
  const classic = /^\/([a-z][a-z0-9_]*)\.do$/.exec(path);
  if (classic) return entity(map, classic[1] ?? '', url.searchParams.get('sys_id') ?? '');
  const route = WORKSPACE_ROUTE.exec(path);
  if (route) {
    const table = decode(route[1] ?? '');
    const sysId = decode(route[2] ?? '');
    return table && sysId ? entity(map, table, sysId) : undefined;
  }
  return undefined;
}

/** The record `href` shows, or undefined for any other page (lists, new records, other tables). */
export function recordFromUrl(href: string, map: TableMap = DEFAULT_TABLE_MAP): PageRecord | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  return fromUrl(url, map, 0);
}

/** True when both name the same record (or both none). */
export function sameRecord(a: PageRecord | undefined, b: PageRecord | undefined): boolean {
  return a?.table === b?.table && a?.sysId === b?.sysId;
}
