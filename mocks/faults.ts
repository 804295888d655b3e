/**
 * Fault injection for the mock backend, switchable per test and from the demo:
 * `faults.set({ latencyMs: 300, rateLimit: { retryAfterSeconds: 2, count: 1 } })`, `faults.reset()`.
 * `set` merges into the current faults (and restarts the counters and the random sequence);
 * `reset` removes every fault. Applied by mocks/table-api/guard.ts in this order: latency, offline,
 * 401, 429, random errors, 403 tables; then the handler; then a malformed body; omitted fields
 * when records are formatted. `tables` / `methods` restrict the request-wide faults (not the
 * per-table ACLs, which are table-specific already).
 */
import { createRandom, type Random } from './seed/prng.js';

export { requestLog, RequestLog, type RequestLogEntry, type RequestLogFilter } from './request-log.js';

export type MalformedKind = 'json' | 'html' | 'shape';

export interface FaultConfig {
  /** Delay before every answer. */
  readonly latencyMs?: number;
  /** Random error statuses, each with its probability (drawn from a seeded sequence). */
  readonly errorRate?: readonly { readonly status: number; readonly rate: number }[];
  /** Seed of the error-rate sequence (default 1). */
  readonly seed?: number;
  /** Every request fails at the network level (no HTTP answer). */
  readonly offline?: boolean;
  /** Every request is answered 401 (expired session). */
  readonly unauthorized?: boolean;
  /** Requests without `Authorization` or `X-UserToken` are answered 401. */
  readonly requireAuth?: boolean;
  /** The next `count` requests are answered 429 with `Retry-After`. */
  readonly rateLimit?: { readonly retryAfterSeconds: number; readonly count: number };
  /** Successful answers get a broken body: always (a kind) or the next `count` ones. */
  readonly malformed?: MalformedKind | { readonly kind: MalformedKind; readonly count: number };
  /** Tables the current user may not read at all (403). */
  readonly forbiddenTables?: readonly string[];
  /** Per table, fields the current user may not read: omitted from records (not null). */
  readonly omitFields?: Readonly<Record<string, readonly string[]>>;
  /** Restrict the request-wide faults to these tables. */
  readonly tables?: readonly string[];
  /** Restrict the request-wide faults to these methods (GET, POST…). */
  readonly methods?: readonly string[];
}

/** What the guard must do before handling a request. */
export type PreFault =
  | { readonly kind: 'offline' }
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterSeconds?: number };

export class FaultController {
  #config: FaultConfig = {};
  #random: Random = createRandom(1);
  #rateLimitLeft = 0;
  #malformedLeft = 0;

  /** The faults in force. */
  get config(): FaultConfig {
    return this.#config;
  }

  /** Merges faults into the current ones; counters and the random sequence restart. */
  set(config: FaultConfig): void {
    this.#config = { ...this.#config, ...config };
    this.#random = createRandom(this.#config.seed ?? 1);
    this.#rateLimitLeft = this.#config.rateLimit?.count ?? 0;
    const malformed = this.#config.malformed;
    this.#malformedLeft =
      malformed === undefined ? 0 : typeof malformed === 'string' ? Infinity : malformed.count;
  }

  /** Removes every fault. */
  reset(): void {
    this.#config = {};
    this.set({});
  }

  /** True when the request-wide faults apply to this request. */
  applies(method: string, table: string): boolean {
    const { tables, methods } = this.#config;
    return (
      (tables === undefined || tables.includes(table)) &&
      (methods === undefined || methods.some((m) => m.toUpperCase() === method.toUpperCase()))
    );
  }

  /** Decides the fault (if any) to answer instead of handling; consumes counters. */
  before(method: string, table: string, authenticated: boolean): PreFault | undefined {
    const pre = this.applies(method, table) ? this.#requestWide(authenticated) : undefined;
    if (pre) return pre;
    return this.#config.forbiddenTables?.includes(table) ? { kind: 'status', status: 403 } : undefined;
  }

  /** The latency to wait for this request (0 when none). */
  latency(method: string, table: string): number {
    return this.applies(method, table) ? (this.#config.latencyMs ?? 0) : 0;
  }

  /** The malformation to apply to a successful answer, consuming the counter. */
  takeMalformed(method: string, table: string): MalformedKind | undefined {
    const malformed = this.#config.malformed;
    if (malformed === undefined || this.#malformedLeft <= 0 || !this.applies(method, table)) return undefined;
    this.#malformedLeft--;
    return typeof malformed === 'string' ? malformed : malformed.kind;
  }

  /** Fields of a table the current user may not read. */
  omittedFields(table: string): readonly string[] {
    return this.#config.omitFields?.[table] ?? [];
  }
  #requestWide(authenticated: boolean): PreFault | undefined {
    const c = this.#config;
    if (c.offline) return { kind: 'offline' };
    if (c.unauthorized || (c.requireAuth && !authenticated)) return { kind: 'status', status: 401 };
    if (this.#rateLimitLeft > 0 && c.rateLimit) {
      this.#rateLimitLeft--;
      return { kind: 'status', status: 429, retryAfterSeconds: c.rateLimit.retryAfterSeconds };
    }
    const draw = c.errorRate && c.errorRate.length > 0 ? this.#random.next() : 1;
    let threshold = 0;
    for (const { status, rate } of c.errorRate ?? []) {
      threshold += rate;
      if (draw < threshold) return { kind: 'status', status };
    }
    return undefined;
  }
}

/** The fault controller of the mock backend. */
export const faults = new FaultController();
