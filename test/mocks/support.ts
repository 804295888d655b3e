/** Plain-fetch helpers for the mock backend tests (the client is tested elsewhere). */
import { faults, requestLog } from '../../mocks/faults.js';
import { resetStore } from '../../mocks/db.js';
import { useMockBackend } from '../support/msw.js';

export const TABLE_API = '/api/now/table';

export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  readonly body: unknown;
}

/** A fetch against the mock Table API, JSON in and out. */
export async function api(path: string, init: RequestInit & { json?: unknown } = {}): Promise<ApiAnswer> {
  const { json, ...rest } = init;
  const response = await fetch(path.startsWith('http') ? path : `${TABLE_API}/${path}`, {
    ...rest,
    ...(json === undefined
      ? {}
      : { body: JSON.stringify(json), headers: { 'Content-Type': 'application/json' } }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

/** The `result` of an answer, typed by the caller. */
export function result<T>(answer: ApiAnswer): T {
  return (answer.body as { result: T }).result;
}

/** Starts MSW for the file and resets the store, the faults and the request log after each test. */
export function useMockTableApi(): void {
  useMockBackend();
  afterEach(() => {
    resetStore();
    faults.reset();
    requestLog.clear();
  });
}
