/**
 * Small HTTP helpers of the client: abortable sleep, backoff, `Retry-After`, `Link` and
 * `X-Total-Count` parsing, and reading a body that must be JSON.
 */
import { ResponseFormatError } from './errors.js';

/** Resolves after `ms`, or rejects with `signal.reason` as soon as the signal aborts. */
export { pause as sleep } from '../internal/abort.js';

/** Exponential backoff with "equal jitter": half fixed, half random, capped at `maxMs`. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** `Retry-After` as ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `X-Total-Count` as a number; undefined when absent or not a non-negative integer. */
export function parseTotal(header: string | null): number | undefined {
  return header !== null && /^\d+$/.test(header.trim()) ? Number(header.trim()) : undefined;
}

/** The `sysparm_offset` of the `rel="next"` link of a `Link` header, if any. */
export function parseNextOffset(header: string | null): number | undefined {
  if (!header) return undefined;
  for (const match of header.matchAll(/<([^>]*)>\s*;([^,<]*)/g)) {
    const rel = /\brel\s*=\s*"?([^";]+)"?/i.exec(match[2] ?? '')?.[1] ?? '';
    if (!rel.toLowerCase().split(/\s+/).includes('next')) continue;
    const offset = new URL(match[1] ?? '', 'http://link.invalid').searchParams.get('sysparm_offset');
    return offset !== null && /^\d+$/.test(offset) ? Number(offset) : undefined;
  }
  return undefined;
}

/** A response read to the end (the body is read under the same timeout as the headers). */
export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/**
 * Parses a body that must be JSON. A non-JSON content type (an HTML error page from a proxy) or
 * malformed JSON gives a `ResponseFormatError` quoting the start of the body.
 */
export function readJson(response: RawResponse, what: string): unknown {
  const type = response.headers.get('content-type') ?? '';
  const mime = type.split(';')[0]?.trim().toLowerCase() ?? '';
  const isJson = mime === '' || mime === 'application/json' || mime.endsWith('+json');
  if (!isJson) {
    throw new ResponseFormatError(
      `expected JSON from ${what}, got ${mime} (status ${response.status}): ${quote(response.text)}`,
      { status: response.status },
    );
  }
  if (response.text.trim() === '') {
    throw new ResponseFormatError(
      `expected JSON from ${what}, got an empty body (status ${response.status})`,
      {
        status: response.status,
      },
    );
  }
  try {
    return JSON.parse(response.text) as unknown;
  } catch (cause) {
    throw new ResponseFormatError(
      `malformed JSON from ${what} (status ${response.status}): ${quote(response.text)}`,
      { status: response.status, cause },
    );
  }
}

/** The first 80 characters, whitespace collapsed, quoted. */
function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 80 ? `${flat.slice(0, 80)}…` : flat);
}
