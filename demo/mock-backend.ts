/**
 * The demo's mock instance: the MSW worker over the seeded store, the store restored from (and saved
 * to) localStorage after every successful write, and the toolbar's faults applied. Demo only.
 */
import { worker } from '../mocks/browser.js';
import { getBackend, loadStore, resetStore, saveStore, STORE_KEY } from '../mocks/db.js';
import { actAsAnotherAgent, type AnotherAgentAction } from '../mocks/another-agent.js';
import { announcePartyChange, announceWrites, livePushHandler } from '../mocks/live-push.js';
import { STORY } from '../mocks/seed/story.js';
import type { EntityRef } from '../src/model/kinds.js';
import { faults, requestLog, type RequestLogEntry } from '../mocks/faults.js';
import type { DemoSettings } from './settings.js';

export { requestLog, type RequestLogEntry };

/** Applies the toolbar's settings to the mock backend's fault controller. */
export function applyFaults(settings: DemoSettings): void {
  faults.reset();
  faults.set({
    latencyMs: settings.latencyMs,
    errorRate: settings.errorRate > 0 ? [{ status: 500, rate: settings.errorRate }] : [],
    offline: settings.offline,
    // A fresh sequence per setting change, so "Retry" is not doomed to repeat the same draw.
    seed: 1 + (Date.now() % 100_000),
  });
}

/** Saves the store after every write the mock backend answered with success. */
function persistWrites(): void {
  const pending = new Set<number>();
  let seen = 0;
  requestLog.subscribe((entries: readonly RequestLogEntry[]) => {
    if (entries.length < seen) {
      pending.clear();
      seen = 0;
    }
    for (; seen < entries.length; seen++) if (entries[seen]?.method !== 'GET') pending.add(seen);
    let wrote = false;
    for (const index of pending) {
      const status = entries[index]?.status;
      if (status === undefined) continue;
      pending.delete(index);
      wrote ||= status >= 200 && status < 300;
    }
    if (wrote) saveStore();
  });
}

/** Restores the saved data, applies the faults, starts the worker (relative URL and scope: any base path). */
export async function startMockBackend(settings: DemoSettings): Promise<void> {
  tolerateWorkerUpdateRace();
  loadStore();
  applyFaults(settings);
  persistWrites();
  // The mock instance's push server (live refresh with `?push=1`): tells of every write.
  worker.use(livePushHandler);
  announceWrites();
  await worker.start({
    serviceWorker: { url: './mockServiceWorker.js', options: { scope: './' } },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}

/** Puts the seeded world back and forgets the saved copy. */
export function resetData(): void {
  resetStore();
  localStorage.removeItem(STORE_KEY);
  requestLog.clear();
}

/**
 * MSW starts an already registered worker with a fire-and-forget `registration.update()`; when a
 * reload races Chromium's own update of the same registration, that promise rejects ("Failed to
 * update a ServiceWorker … Not found") with nobody to catch it. The running worker is unaffected:
 * report it as a warning instead of an uncaught error. Every other rejection is left alone.
 */
function tolerateWorkerUpdateRace(): void {
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    if (reason instanceof Error && reason.message.startsWith('Failed to update a ServiceWorker')) {
      event.preventDefault();
      console.warn('Mock backend: a service worker update raced a reload (harmless):', reason.message);
    }
  });
}

/** The colleague the demo's "another agent" buttons act as. */
export const COLLEAGUE = STORY.agents.colleague;

/**
 * Changes the open entity's related parties as another agent (Dana Ruiz), directly in the mock
 * store, saves it and tells push subscribers; the open list finds it at its next check.
 */
export function actAsColleague(entity: EntityRef, action: AnotherAgentAction): string | undefined {
  const { store, tableMap } = getBackend();
  const result = actAsAnotherAgent(store, tableMap, entity, action, COLLEAGUE.userName);
  if (!result) return undefined;
  saveStore();
  announcePartyChange(result.table);
  return `${COLLEAGUE.name} ${result.summary}.`;
}
