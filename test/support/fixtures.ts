/**
 * Element test fixtures: the seeded mock backend (MSW), a fresh `<cam-provider>` per test with its
 * own user id (so each test starts with an empty definitions cache), and a clean store, fault
 * controller and request log after every test.
 */
import { fixture, fixtureCleanup } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { useMockBackend } from './msw.js';
import { resetStore } from '../../mocks/db.js';
import { faults, requestLog } from '../../mocks/faults.js';
import '../../components/provider/cam-provider.js';
import type { CamProvider } from '../../components/provider/cam-provider.component.js';

let counter = 0;

/** A user id no earlier test used: its definitions cache starts empty. */
export function freshUserId(): string {
  counter += 1;
  return `test-user-${Date.now().toString(36)}-${counter}`;
}

/** Registers the backend lifecycle for the suite; call once at the top of a `describe`. */
export function useElementFixtures(): ReturnType<typeof useMockBackend> {
  const worker = useMockBackend();
  afterEach(async () => {
    fixtureCleanup();
    faults.reset();
    requestLog.clear();
    resetStore();
    // Each test's definitions cache goes with it.
    for (const info of await indexedDB.databases()) {
      if (info.name?.startsWith('cam-')) indexedDB.deleteDatabase(info.name);
    }
  });
  return worker;
}

export interface ProviderFixture<E extends Element> {
  readonly provider: CamProvider;
  readonly element: E;
}

/**
 * Renders `content` inside a `<cam-provider>` and returns the first element matching `selector`.
 * Pass `userId` to reuse a cache (e.g. to test the cached/offline path).
 */
export async function renderInProvider<E extends Element>(
  content: TemplateResult,
  selector: string,
  options: { userId?: string; definitionsInterval?: number } = {},
): Promise<ProviderFixture<E>> {
  // definitions-interval 0: every load checks the cached definitions with the server.
  const provider = await fixture<CamProvider>(
    html`<cam-provider
      user-id=${options.userId ?? freshUserId()}
      definitions-interval=${options.definitionsInterval ?? 15}
      >${content}</cam-provider
    >`,
  );
  const element = provider.querySelector<E>(selector);
  if (!element) throw new Error(`renderInProvider: no element matches ${selector}`);
  return { provider, element };
}

/** Waits until `condition` holds (checked every animation frame), or fails after `timeoutMs`. */
export async function until(
  condition: () => boolean,
  message = 'condition',
  timeoutMs = 5000,
): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/**
 * Ignores Chromium's harmless "ResizeObserver loop completed…" window error (the list is
 * virtualised); mocha would fail on it. Every other window error still fails the test.
 */
export function ignoreResizeObserverLoop(): void {
  let previous: OnErrorEventHandler;
  before(() => {
    previous = window.onerror;
    window.onerror = (message, ...rest) =>
      String(message).includes('ResizeObserver loop') ? true : (previous?.(message, ...rest) ?? false);
  });
  after(() => {
    window.onerror = previous;
  });
}
