// Demo workspace entry: restore the demo data and settings, start the MSW mock backend (relative
// worker URL and scope, so the built demo works under any base path), then load the elements and
// the console.
import { loadSettings } from './settings.js';

// `?mock=off`: no in-page mock instance; the Table API is the page's own origin (the end-to-end
// test of live refresh serves one there, shared by two browsers).
if (new URLSearchParams(location.search).get('mock') !== 'off') {
  const { startMockBackend } = await import('./mock-backend.js');
  await startMockBackend(loadSettings(''));
}
await import('../components/index.js');
await import('./demo-app.js');
await customElements.whenDefined('demo-app');
document.body.dataset.ready = 'true';
