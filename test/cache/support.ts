/** Helpers of the cache tests: a service over the fixture backend, database cleanup, rejections. */
import { deleteAllDatabases as deleteEveryDatabase } from '../support/async.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import {
  DefinitionsService,
  type DefinitionsServiceOptions,
  type DefinitionsStorageOptions,
} from '../../src/service/definitions-service.js';
import type { DefinitionsSnapshot } from '../../src/service/definitions-snapshot.js';

export const INSTANCE = 'https://acme.service-now.com';

/** A clock the test moves by hand. */
export class Clock {
  time = Date.UTC(2024, 5, 1, 12);
  readonly now = (): number => this.time;
}

/** A client without retries (offline tests) and with small pages (paging is exercised). */
export function testClient(): TableApiClient {
  return new TableApiClient({ retry: { retries: 0 }, defaultPageSize: 2 });
}

/**
 * A definitions service over the fixture backend. Most tests here are about revalidation, so every
 * load checks with the server (`freshForMs: 0`) unless a test gives a window; the window has tests
 * of its own.
 */
export function service(
  options: Partial<Omit<DefinitionsServiceOptions, 'storage'>> & { storage?: DefinitionsStorageOptions } = {},
): DefinitionsService {
  const created = new DefinitionsService({
    client: testClient(),
    instance: INSTANCE,
    user: 'ana',
    freshForMs: 0,
    ...options,
  });
  live.add(created);
  return created;
}

/** Services of the current test: disposed before the databases go, so no background write re-creates one. */
const live = new Set<DefinitionsService>();

/** Disposes this test's services (so no background write re-creates a database), then deletes every database. */
export async function deleteAllDatabases(): Promise<void> {
  for (const created of live) created.dispose();
  live.clear();
  await deleteEveryDatabase();
}

/** Names of the databases that exist now. */
export async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '').sort();
}

export { rejection } from '../support/async.js';

/** A promise with its resolve function, to hold the backend's answers. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Loads, then waits for the background revalidation so nothing writes after the test ends. */
export async function loadSettled(target: DefinitionsService): Promise<DefinitionsSnapshot> {
  const snapshot = await target.load();
  await target.revalidated();
  return snapshot;
}
