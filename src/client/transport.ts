/**
 * One HTTP exchange with retries: timeout per attempt, retries of GETs only (429, 502, 503, 504 and
 * network errors; `Retry-After` honoured), and translation of the answer into JSON or a typed error.
 */
import * as v from 'valibot';
import { ApiError, AuthError, NetworkError, TimeoutError } from './errors.js';
import { backoffDelay, parseRetryAfter, readJson, sleep, type RawResponse } from './http.js';
import { ErrorBody } from './schemas.js';

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Settings shared by every request of one client. */
export interface TransportConfig {
  readonly fetch: typeof fetch;
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the 429/503 is thrown (with `retryAfterMs`). */
  readonly maxRetryAfterMs: number;
  readonly onAuthRequired?: (error: AuthError) => void;
}

/** One request, fully resolved (URL, headers, body). */
export interface HttpRequest {
  readonly method: HttpMethod;
  readonly url: string;
  /** `GET /api/now/table/x`, for error messages (no query string: it may hold personal data). */
  readonly what: string;
  readonly table: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly credentials?: RequestCredentials;
  readonly body?: string;
  readonly timeoutMs: number;
}

/** A successful answer: `json` is undefined for 204 and DELETE. */
export interface HttpResult {
  readonly status: number;
  readonly headers: Headers;
  readonly json: unknown;
}

/** Sends `request`, retrying GETs on transient failures; writes are sent exactly once. */
export async function send(
  config: TransportConfig,
  request: HttpRequest,
  signal?: AbortSignal,
): Promise<HttpResult> {
  const retryable = request.method === 'GET';
  for (let attempt = 0; ; attempt += 1) {
    const canRetry = retryable && attempt < config.retries;
    const backoff = (): number => backoffDelay(attempt, config.baseDelayMs, config.maxDelayMs);
    let response: RawResponse;
    try {
      response = await fetchOnce(config, request, signal);
    } catch (error) {
      if (!(error instanceof NetworkError) || !canRetry) throw error;
      await sleep(backoff(), signal);
      continue;
    }
    if (canRetry && RETRY_STATUSES.has(response.status)) {
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      if (retryAfter === undefined || retryAfter <= config.maxRetryAfterMs) {
        await sleep(retryAfter ?? backoff(), signal);
        continue;
      }
    }
    return interpret(config, request, response);
  }
}

/** One attempt, body included, under the per-request timeout. */
async function fetchOnce(
  config: TransportConfig,
  request: HttpRequest,
  signal?: AbortSignal,
): Promise<RawResponse> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), request.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  try {
    const response = await config.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      credentials: request.credentials,
      body: request.body,
      signal: combined,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.signal.aborted) {
      throw new TimeoutError(
        `${request.what}: no response within ${request.timeoutMs} ms`,
        request.timeoutMs,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new NetworkError(`${request.what}: network error (${reason})`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

function interpret(config: TransportConfig, request: HttpRequest, response: RawResponse): HttpResult {
  const { status, headers } = response;
  if (status < 200 || status >= 300) throw toHttpError(config, request, response);
  const empty = status === 204 || request.method === 'DELETE';
  return { status, headers, json: empty ? undefined : readJson(response, request.what) };
}

/** The typed error for an error status; a 401 also calls `onAuthRequired`. */
function toHttpError(config: TransportConfig, request: HttpRequest, response: RawResponse): Error {
  const { status } = response;
  let body: unknown;
  if (response.text.trim() !== '') {
    try {
      body = readJson(response, request.what);
    } catch (error) {
      // An HTML page from a proxy says nothing typed, but a 401 is still an auth problem.
      if (status !== 401) return error as Error;
    }
  }
  const parsed = v.safeParse(ErrorBody, body);
  const error = parsed.success ? parsed.output.error : undefined;
  const message = error?.message || `${request.what} failed with status ${status}`;
  const options = {
    detail: error?.detail ?? undefined,
    table: request.table,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  };
  if (status !== 401) return new ApiError(status, message, options);
  const authError = new AuthError(status, message, options);
  try {
    config.onAuthRequired?.(authError);
  } catch (callbackError) {
    reportError(callbackError); // a broken callback must not hide the AuthError from the caller
  }
  return authError;
}
