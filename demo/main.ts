// Demo workspace entry: restore the demo data and settings, start the MSW mock backend (relative
// worker URL and scope, so the built demo works under any base path), then load the elements and
// the console.
import { loadSettings } from './settings.js';

const { startMockBackend } = await import('./mock-backend.js');
await startMockBackend(loadSettings(''));
await import('../components/index.js');
await import('./demo-app.js');
await customElements.whenDefined('demo-app');
document.body.dataset.ready = 'true';
