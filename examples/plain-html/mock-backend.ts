/**
 * DEMO ONLY — not part of the library. Starts a mock ServiceNow instance (MSW: Table API handlers
 * over a seeded in-memory store) inside the page, so the example runs without a real instance.
 * For a real instance: delete this script's tag and set `base-url` (and credentials) on
 * <cam-provider>.
 */
import { worker } from '../../mocks/browser.js';

// Relative URL and scope: the page works under any path.
const ready = worker.start({
  serviceWorker: { url: './mockServiceWorker.js', options: { scope: './' } },
  onUnhandledRequest: 'bypass',
  quiet: true,
});

// Module scripts do not wait for each other's top-level await, so the elements (next script) may
// ask before the worker is ready: hold Table API requests until it is.
const pageFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.includes('/api/now/')) await ready;
  return pageFetch(input, init);
};

await ready;
document.body.dataset.ready = 'true';
