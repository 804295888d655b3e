/**
 * The one place the services are wired: a Table API client, the definitions service (cache keyed
 * by instance and user), the related-parties service and the access service over them.
 * `<cam-provider>` calls it; so can any host without Lit (a plain script, another framework, a
 * browser extension): see docs/architecture.md.
 */
import { TableApiClient } from '../client/table-api-client.js';
import { AuthError } from '../client/errors.js';
import { resolveTableMap, type TableMapOverrides } from '../client/table-map.js';
import type { TableClient } from '../client/types.js';
import type { RoleDef } from '../model/definitions.js';
import { AccessFactsLoader } from './access-facts-loader.js';
import { AccessService } from './access-service.js';
import {
  DefinitionsService,
  type DefinitionsStorageOptions,
  type HostPersonaGrant,
} from './definitions-service.js';
import type { DefinitionsSnapshot } from './definitions-snapshot.js';
import { RelatedPartiesService } from './related-parties-service.js';
import type { AccessReviewService } from './access-review-service.js';
import type { PushSource } from './live-feed.js';
import { DEFAULT_POLL_INTERVAL_S } from './live-feed-defaults.js';
import { DeferredLiveFeed, type LiveUpdates } from './deferred-live-feed.js';
import { engineCode } from './engine-code.js';
import { DEFAULT_DEFINITIONS_INTERVAL_MS } from './definitions-options.js';

/**
 * What the elements get from `<cam-provider>`, and all they get: the backend is reached only
 * through these services.
 */
export interface CamServices {
  /** Role catalogue, responsibilities, access configs, relationship types (cache-first); `owner` names the cache. */
  readonly definitions: DefinitionsService;
  /** Related parties of an entity (list, add, retype, remove), party search and group members. */
  readonly parties: RelatedPartiesService;
  /** Effective access per entity (engine over loaded facts), previews and explanations. */
  readonly access: AccessService<DefinitionsSnapshot>;
  /**
   * Live refresh: what other agents change reaches the lists (absent: no live updates). The feed's
   * code loads when the first entity is watched (`DeferredLiveFeed`).
   */
  readonly live?: LiveUpdates;
  /**
   * The access review service (who has access to an account's or an entity's records, how, and
   * findings), created on the first call; its code loads then (a chunk of its own in the bundle:
   * only `<cam-access-review>` needs it). Absent: these services offer no access review.
   */
  readonly loadReview?: () => Promise<AccessReviewService<DefinitionsSnapshot>>;
  /** Elements hand errors here so the host can react (a 401 calls `onAuthRequired`). */
  reportError(error: unknown): void;
}

/** Services a host created and must release (`dispose`) when it is done with them. */
export interface OwnedCamServices extends CamServices {
  /** Stops what the services hold open (subscriptions, the tab channel). */
  dispose(): void;
}

export interface CamServicesOptions {
  /** Instance base URL, e.g. `https://acme.service-now.com`; empty = the page's origin. */
  readonly baseUrl?: string;
  /** Session token sent as `X-UserToken` (with the session cookie). */
  readonly userToken?: string;
  /** OAuth access token sent as `Authorization: Bearer …`; wins over `userToken`. */
  readonly authToken?: string;
  /** The signed-in user's id; keys the definitions cache with the instance (default `anonymous`). */
  readonly userId?: string;
  /** Per-request timeout in milliseconds (default 30 000). */
  readonly timeoutMs?: number;
  /** Table and column names where the instance differs from the defaults. */
  readonly tableMap?: TableMapOverrides;
  /** A client to use instead of creating one (tests, custom transports). */
  readonly client?: TableClient;
  /** Where the definitions cache lives (`persist: false` keeps it in memory). */
  readonly storage?: DefinitionsStorageOptions;
  /** Role catalogue used to enrich roles read from the instance (default: the reference seed). */
  readonly roleSeed?: readonly RoleDef[];
  /** Persona grant rows of this host: replace built-in rows (same id) or add rows (see DefinitionsService). */
  readonly personaGrants?: readonly HostPersonaGrant[];
  /** Seconds between live-refresh checks of each entity on screen (default 30); `0` turns polling off. */
  readonly pollIntervalS?: number;
  /** Milliseconds between checks of the definitions with the server (default 15 minutes); `0`: off. */
  readonly definitionsIntervalMs?: number;
  /** A push source telling when parties change, instead of polling. */
  readonly pushSource?: PushSource;
  /** The server answered 401: re-authenticate. Also called for 401s of an injected client. */
  readonly onAuthRequired?: (error: AuthError) => void;
}

/** The origin the cache is keyed by: the base URL's, else the page's. */
function instanceOf(baseUrl: string | undefined): string {
  const page = globalThis.location?.href;
  if (baseUrl) return new URL(baseUrl, page).origin;
  if (!page) throw new TypeError('createCamServices: set baseUrl (there is no page origin to default to).');
  return new URL(page).origin;
}

/** Creates the services a host provides to the elements (what `<cam-provider>` does). */
export function createCamServices(options: CamServicesOptions = {}): OwnedCamServices {
  // The engine's code loads while the first rows and facts are read (see engine-code.ts).
  engineCode.warm();
  const tableMap = resolveTableMap(options.tableMap);
  const { authToken, userToken, onAuthRequired } = options;
  const client =
    options.client ??
    new TableApiClient({
      baseUrl: options.baseUrl ?? '',
      timeoutMs: options.timeoutMs ?? 30_000,
      auth: authToken
        ? { type: 'bearer', token: authToken }
        : userToken
          ? { type: 'session', userToken }
          : undefined,
      onAuthRequired,
    });
  const definitionsIntervalMs = finiteOr(options.definitionsIntervalMs, DEFAULT_DEFINITIONS_INTERVAL_MS);
  const definitions = new DefinitionsService({
    client,
    tableMap,
    // A copy checked within one interval is used without asking: the schedule checks it next.
    freshForMs: definitionsIntervalMs,
    // Checked with the server every interval too (and when the page comes back after longer).
    checkOnSchedule: true,
    instance: instanceOf(options.baseUrl),
    user: options.userId || 'anonymous',
    storage: options.storage,
    roleSeed: options.roleSeed,
    personaGrants: options.personaGrants,
  });
  const parties = new RelatedPartiesService(client, tableMap);
  const access = new AccessService<DefinitionsSnapshot>(
    new AccessFactsLoader(client, tableMap),
    definitions,
    parties,
  );
  const instance = definitions.owner.instance;
  const live = new DeferredLiveFeed({
    client,
    tableMap,
    access,
    pollIntervalMs: finiteOr(options.pollIntervalS, DEFAULT_POLL_INTERVAL_S) * 1000,
    push: options.pushSource,
    tabsName: `cam-live:${instance}:${options.userId || 'anonymous'}`,
  });
  parties.onWrite((entity) => live.written(entity));
  let review: Promise<AccessReviewService<DefinitionsSnapshot>> | undefined;
  const loadReview = (): Promise<AccessReviewService<DefinitionsSnapshot>> => {
    if (review) return review;
    const loading = import('./access-review-service.js').then(
      ({ AccessReviewService }) =>
        new AccessReviewService<DefinitionsSnapshot>(client, tableMap, definitions),
    );
    // A failed load (offline, a missing chunk) is asked for again by the next call.
    loading.catch(() => {
      if (review === loading) review = undefined;
    });
    return (review = loading);
  };
  return {
    definitions,
    parties,
    access,
    live,
    loadReview,
    reportError: (error) => {
      // A client created here calls onAuthRequired itself; an injected one has no such hook.
      if (error instanceof AuthError && options.client) onAuthRequired?.(error);
    },
    dispose: () => {
      live.dispose();
      access.dispose();
      definitions.dispose();
    },
  };
}

function finiteOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}
