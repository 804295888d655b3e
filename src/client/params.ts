/**
 * The `sysparm_*` query parameters of reads, and where the next page of a list starts.
 */
import { assertField } from './query-safety.js';
import type { ListOptions, ListPage } from './types.js';

/** A page plus whether the server sent a `Link` header at all (decides the pagination fallback). */
export type LinkedPage = ListPage & { readonly linked: boolean };

/** The read parameters shared by list and get; reference links are excluded unless asked for. */
export function readParams(
  options: Pick<ListOptions, 'query' | 'fields' | 'displayValue' | 'referenceLinks'>,
): URLSearchParams {
  const params = new URLSearchParams();
  const query = options.query?.toString();
  if (query) params.set('sysparm_query', query);
  if (options.fields) params.set('sysparm_fields', options.fields.map(assertField).join(','));
  if (options.displayValue !== undefined) params.set('sysparm_display_value', String(options.displayValue));
  if (!options.referenceLinks) params.set('sysparm_exclude_reference_link', 'true');
  return params;
}

/** Where the next page starts: the Link header, else X-Total-Count, else "a full page means maybe more". */
export function followingOffset(page: LinkedPage, offset: number, pageSize: number): number | undefined {
  const end = offset + page.rows.length;
  if (page.rows.length === 0) return undefined;
  if (page.linked) return page.nextOffset;
  if (page.total !== undefined) return end < page.total ? end : undefined;
  return page.rows.length >= pageSize ? end : undefined;
}

/** `readParams` plus `sysparm_limit` (or `defaultLimit`) and `sysparm_offset`. */
export function listParams(options: ListOptions, defaultLimit: number | undefined): URLSearchParams {
  const params = readParams(options);
  const limit = options.limit ?? defaultLimit;
  if (limit !== undefined) params.set('sysparm_limit', String(nonNegative('limit', limit)));
  if (options.offset !== undefined)
    params.set('sysparm_offset', String(nonNegative('offset', options.offset)));
  return params;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative integer`);
  return value;
}
