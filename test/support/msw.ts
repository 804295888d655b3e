/**
 * MSW lifecycle for browser tests (docs/architecture.md, "Tests"): start the worker once per test file, reset per-test
 * overrides after each test, and fail on any request no handler answers.
 */
import { worker } from '../../mocks/browser.js';
import { engineCode } from '../../src/service/engine-code.js';

let started: Promise<unknown> | undefined;
export const unhandled: string[] = [];

export function useMockBackend(): typeof worker {
  before(async () => {
    started ??= worker.start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      quiet: true,
      onUnhandledRequest(request, print) {
        const url = new URL(request.url);
        // The test runner's own traffic (modules, the worker script) is not backend traffic.
        if (url.origin === location.origin && !url.pathname.startsWith('/api/')) return;
        unhandled.push(`${request.method} ${url.pathname}${url.search}`);
        print.error();
      },
    });
    // The engine's code is loaded on demand (a page fetches it as its services are created). Here
    // the dev server transforms its modules on first request, which under load can take seconds:
    // fetch them before the tests, so no test's timeout pays for it.
    await Promise.all([started, engineCode.load()]);
  });
  afterEach(() => {
    worker.resetHandlers();
    const leaked = unhandled.splice(0);
    if (leaked.length > 0) throw new Error(`Unhandled requests: ${leaked.join(', ')}`);
  });
  return worker;
}
