/**
 * Typed errors of the Table API client. Every error the client raises is a `CamError` with a `kind`
 * to switch on, except an abort: the caller's own `signal.reason` (usually a DOMException named
 * `AbortError`) passes through untouched, so `isAbortError` and native checks keep working.
 */

/** Discriminator of every client error. */
export type CamErrorKind =
  | 'api'
  | 'auth'
  | 'network'
  | 'timeout'
  | 'response-format'
  | 'query-value'
  | 'query-field'
  | 'query-structure';

/** Base class of every error raised by the client and the query builder. */
export abstract class CamError extends Error {
  abstract readonly kind: CamErrorKind;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The server answered with an error status (400, 403, 404, 429, 500…), with its message and detail. */
export class ApiError extends CamError {
  readonly kind: 'api' | 'auth' = 'api';
  /** HTTP status. */
  readonly status: number;
  /** `error.detail` from the body, when the server sent one. */
  readonly detail: string | undefined;
  /** The table the request addressed. */
  readonly table: string | undefined;
  /** Wait the server asked for (429 `Retry-After`), in ms, when retries were exhausted or not allowed. */
  readonly retryAfterMs: number | undefined;

  constructor(
    status: number,
    message: string,
    options: { detail?: string; table?: string; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = status;
    this.detail = options.detail;
    this.table = options.table;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** 401: the session or token is missing or expired. `onAuthRequired` is called before it is thrown. */
export class AuthError extends ApiError {
  override readonly kind = 'auth' as const;
}

/** The request never got an HTTP answer (offline, DNS, CORS, connection reset). */
export class NetworkError extends CamError {
  readonly kind = 'network' as const;
}

/** No answer within the per-request timeout. Distinct from the caller aborting (`isAbortError`). */
export class TimeoutError extends CamError {
  readonly kind = 'timeout' as const;
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number) {
    super(message);
    this.timeoutMs = timeoutMs;
  }
}

/** The answer was not what the Table API sends: not JSON, malformed JSON, or the wrong shape. */
export class ResponseFormatError extends CamError {
  readonly kind = 'response-format' as const;
  /** HTTP status of the offending response. */
  readonly status: number | undefined;
  /** Where in the body the shape was wrong (`result[3].name`), when known. */
  readonly path: string | undefined;

  constructor(message: string, options: { status?: number; path?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.path = options.path;
  }
}

/** Why a query value was rejected. */
export type QueryValueReason =
  | 'caret'
  | 'equals'
  | 'control-character'
  | 'comma-in-list'
  | 'look-alike'
  | 'unpaired-surrogate'
  | 'not-a-string'
  | 'empty'
  | 'empty-list'
  | 'not-a-sys-id';

/** A value cannot be put in an encoded query (or a URL path) safely: there is no documented escape. */
export class QueryValueError extends CamError {
  readonly kind = 'query-value' as const;
  readonly field: string;
  readonly value: string;
  readonly reason: QueryValueReason;

  constructor(field: string, value: string, reason: QueryValueReason) {
    super(`Unsafe value for ${field} (${reason}): ${JSON.stringify(value.slice(0, 80))}`);
    this.field = field;
    this.value = value;
    this.reason = reason;
  }
}

/** A field or table name is not a plain identifier (fields: dot-walked at most twice). */
export class QueryFieldError extends CamError {
  readonly kind = 'query-field' as const;
  readonly field: string;

  constructor(field: string, what = 'field') {
    super(`Invalid ${what} name: ${JSON.stringify(field.slice(0, 80))}`);
    this.field = field;
  }
}

/** The builder was used out of order, e.g. `.or()` with nothing before it. */
export class QueryStructureError extends CamError {
  readonly kind = 'query-structure' as const;
}

/** True for an abort caused by an `AbortSignal` (the DOMException named `AbortError`). */
export function isAbortError(error: unknown): boolean {
  return (error instanceof DOMException || error instanceof Error) && error.name === 'AbortError';
}
