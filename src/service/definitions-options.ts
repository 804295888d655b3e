/** How a definitions service is set up (DefinitionsService, and DefinitionsStore which does its work). */
import type { OpenDefinitionsDB } from '../cache/definitions-db.js';
import type { TableMap } from '../client/table-map.js';
import type { TableClient } from '../client/types.js';
import type { PersonaGrant, RoleDef } from '../model/definitions.js';

/** Default time a checked copy is used and between scheduled checks: 15 minutes. */
export const DEFAULT_DEFINITIONS_INTERVAL_MS = 15 * 60_000;

/** Where the cache lives; every field is optional. */
export interface DefinitionsStorageOptions {
  /** `false`: keep the definitions in memory only (shared computers). */
  readonly persist?: boolean;
  /** Replaces idb's `openDB` (tests make it fail). */
  readonly openDB?: OpenDefinitionsDB;
  /** How long to wait for other tabs holding an older cache version (default 3000 ms). */
  readonly blockedTimeoutMs?: number;
}

export interface DefinitionsServiceOptions {
  readonly client: TableClient;
  readonly tableMap?: TableMap;
  /** Instance base URL or origin; with `user`, it names the cache. */
  readonly instance: string;
  readonly user: string;
  readonly now?: () => number;
  /**
   * How long a copy confirmed by the server is used without asking again, in ms (default 15
   * minutes, like the definitions schedule; 0: every load checks with the server). The schedule
   * (DefinitionsRefresh) still checks every interval: an administrator's change is picked up then.
   */
  readonly freshForMs?: number;
  /**
   * Also compare with the server every `freshForMs` while the page is visible and online, and when
   * it comes back after a longer absence (DefinitionsRefresh, from the first use of the service
   * until `dispose`). `createCamServices` sets it. Default false.
   */
  readonly checkOnSchedule?: boolean;
  readonly storage?: DefinitionsStorageOptions;
  /** Role catalogue used to enrich roles read from the instance (default: the reference seed). */
  readonly roleSeed?: readonly RoleDef[];
  /**
   * The host's persona rows, over the built-in ones (ACLs are not readable through the Table API):
   * a row with a built-in row's id replaces it (`active: false` turns it off), others are added.
   */
  readonly personaGrants?: readonly HostPersonaGrant[];
}

/** A persona row as a host gives it (its source becomes `host`). */
export type HostPersonaGrant = Omit<PersonaGrant, 'source'> & { readonly source?: PersonaGrant['source'] };
