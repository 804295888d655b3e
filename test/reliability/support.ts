/**
 * Helpers of the reliability suite: the real services over the seeded mock backend (the same
 * wiring as <cam-provider>), fresh cache identities, rejection capture and storage enumeration.
 */
import { TableApiClient } from '../../src/client/table-api-client.js';
import type { AuthError } from '../../src/client/errors.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import { AccessFactsLoader } from '../../src/service/access-facts-loader.js';
import { AccessService } from '../../src/service/access-service.js';
import {
  DefinitionsService,
  type DefinitionsSnapshot,
  type DefinitionsStorageOptions,
} from '../../src/service/definitions-service.js';
import { RelatedPartiesService } from '../../src/service/related-parties-service.js';
import type { EntityRef } from '../../src/model/kinds.js';
import { STORY } from '../../mocks/seed/index.js';

export const map = DEFAULT_TABLE_MAP;
export const loan: EntityRef = { kind: 'case', id: STORY.housingLoan.caseId };
export const nearMissCase: EntityRef = { kind: 'case', id: STORY.nearMiss.caseId };

let counter = 0;

/** A user id no other test used, so its definitions cache starts empty. */
export function freshUser(prefix = 'rel'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

export interface ServiceOptions {
  readonly timeoutMs?: number;
  /** GET retries (default 0: a fault shows at once). */
  readonly retries?: number;
  readonly user?: string;
  readonly instance?: string;
  readonly storage?: DefinitionsStorageOptions;
  readonly onAuthRequired?: (error: AuthError) => void;
  /**
   * The definitions' freshness window (ms). Default 0: every load checks with the server, since
   * these tests are about revalidation under faults (the provider's 15-minute window has its own tests).
   */
  readonly freshForMs?: number;
}

/** The services <cam-provider> would create, over the mock backend. */
export function makeServices(options: ServiceOptions = {}) {
  const client = new TableApiClient({
    timeoutMs: options.timeoutMs ?? 5000,
    retry: { retries: options.retries ?? 0, baseDelayMs: 20, maxDelayMs: 50 },
    onAuthRequired: options.onAuthRequired,
  });
  const definitions = new DefinitionsService({
    client,
    tableMap: map,
    instance: options.instance ?? location.origin,
    user: options.user ?? freshUser(),
    storage: options.storage,
    freshForMs: options.freshForMs ?? 0,
  });
  const access = new AccessService<DefinitionsSnapshot>(new AccessFactsLoader(client, map), definitions);
  const parties = new RelatedPartiesService(client, map);
  return { client, definitions, access, parties };
}

export { rejection, deleteAllDatabases } from '../support/async.js';

/** Every record of every store of every IndexedDB database of the page, as `db/store` → values. */
export async function dumpIndexedDB(): Promise<Map<string, unknown[]>> {
  const out = new Map<string, unknown[]>();
  for (const info of await indexedDB.databases()) {
    const name = info.name ?? '';
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
    });
    try {
      for (const store of [...db.objectStoreNames]) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error ?? new Error(`cannot read ${store}`));
        });
        out.set(`${name}/${store}`, values);
      }
    } finally {
      db.close();
    }
  }
  return out;
}

/** Milliseconds `promise` took to settle, and its outcome. */
export async function timed<T>(promise: Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const start = performance.now();
  try {
    const value = await promise;
    return { ms: performance.now() - start, value };
  } catch (error) {
    return { ms: performance.now() - start, error };
  }
}
