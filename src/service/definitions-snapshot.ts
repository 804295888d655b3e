/**
 * What the definitions service hands out: the definitions plus where they came from, how old they
 * are, where they are kept, and what is missing from them.
 */
import type { IncompleteTable } from '../cache/definitions-db.js';
import type { StorageStatus } from '../cache/definitions-cache.js';
import type { Definitions } from '../model/definitions.js';

/** One answer of the definitions service. */
export interface DefinitionsSnapshot {
  readonly definitions: Definitions;
  /** `network`: read now; `cache`: the stored copy (being revalidated); `import`: a file the user loaded. */
  readonly source: 'network' | 'cache' | 'import';
  /** When the definitions were last known to match the server (or were imported), ms since epoch. */
  readonly fetchedAt: number;
  /** Age now, in ms. */
  ageMs(): number;
  /** Served from the cache and not (yet) confirmed by the server. */
  readonly stale: boolean;
  /** The server could not be reached; the definitions are the cached copy. */
  readonly offline: boolean;
  /** Why the last background check with the server failed (other than offline); the copy is kept. */
  readonly revalidationError?: string;
  readonly storage: StorageStatus;
  /** Rows skipped while converting, and cache troubles (a discarded copy). */
  readonly problems: readonly string[];
  /** Tables that could not be read (403, 404): the definitions lack their part. Absent when complete. */
  readonly incomplete?: readonly IncompleteTable[];
}

/** Whose definitions these are: the instance (origin) and the user that key the cache. */
export interface CacheOwner {
  readonly instance: string;
  readonly user: string;
}

/** Called with each new snapshot. */
export type DefinitionsListener = (snapshot: DefinitionsSnapshot) => void;

/** The definitions cannot be had at all: no cached copy and the server failed (or is unreachable). */
export class DefinitionsUnavailableError extends Error {
  override readonly name = 'DefinitionsUnavailableError';
  /** True when the server could not be reached (network error or timeout). */
  readonly offline: boolean;

  constructor(message: string, offline: boolean, options?: ErrorOptions) {
    super(message, options);
    this.offline = offline;
  }
}
