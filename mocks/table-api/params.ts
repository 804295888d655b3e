/** Reads the `sysparm_*` parameters of a Table API request. */
import { parseEncodedQuery, type EncodedQuery } from '../store/encoded-query.js';

export type DisplayValueMode = 'false' | 'true' | 'all';

export interface ReadParams {
  readonly query: EncodedQuery;
  /** `sysparm_fields`, trimmed; undefined means every column. */
  readonly fields?: readonly string[];
  readonly limit: number;
  readonly offset: number;
  readonly displayValue: DisplayValueMode;
  readonly excludeReferenceLink: boolean;
}

/** The platform's default page size when `sysparm_limit` is absent. */
export const DEFAULT_LIMIT = 10000;

/** A parameter the mock refuses (answered 400). */
export class ParamError extends Error {
  override readonly name = 'ParamError';
}

/** Parses the read parameters; throws `ParamError` or `QueryParseError` (both answered 400). */
export function readParams(url: URL): ReadParams {
  const search = url.searchParams;
  const fields = search.get('sysparm_fields');
  const display = (search.get('sysparm_display_value') ?? 'false').toLowerCase();
  return {
    query: parseEncodedQuery(search.get('sysparm_query') ?? ''),
    fields: fields
      ? fields
          .split(',')
          .map((f) => f.trim())
          .filter((f) => f !== '')
      : undefined,
    limit: count(search, 'sysparm_limit', DEFAULT_LIMIT),
    offset: count(search, 'sysparm_offset', 0),
    displayValue: display === 'true' || display === 'all' ? display : 'false',
    excludeReferenceLink: search.get('sysparm_exclude_reference_link')?.toLowerCase() === 'true',
  };
}

/** A non-negative integer parameter. The platform silently falls back; we answer 400 to surface client bugs. */
function count(search: URLSearchParams, name: string, fallback: number): number {
  const raw = search.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ParamError(`${name} must be a non-negative integer, got "${raw}"`);
  return Number(raw);
}
