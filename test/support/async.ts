/**
 * Helpers every browser test suite shares: a rejection catcher, a plain wait, and removing every
 * IndexedDB database of the test page.
 */
import { expect } from '@open-wc/testing';

/** Awaits `promise`, expects it to reject, and returns the reason. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return expect.fail('expected the promise to reject');
}

/** Resolves after `ms` (for tests of debounces and timeouts; never to wait for a state). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Deletes every IndexedDB database of the test page and waits for each deletion. Not resolved on
 * `blocked`: open connections close on versionchange, then the delete completes (resolving early
 * let the next test see a database that was about to go). Dispose services first.
 */
export async function deleteAllDatabases(): Promise<void> {
  const names = (await indexedDB.databases()).map((info) => info.name ?? '');
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = () => resolve();
        }),
    ),
  );
}
