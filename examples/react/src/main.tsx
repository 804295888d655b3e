import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

// DEMO ONLY: start a mock ServiceNow instance (MSW) before rendering. A real host renders at once
// and gives <CamProvider> the instance's base URL and credentials.
const { worker } = await import('../../../mocks/browser.js');
await worker.start({
  serviceWorker: { url: './mockServiceWorker.js', options: { scope: './' } },
  onUnhandledRequest: 'bypass',
  quiet: true,
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
document.body.dataset.ready = 'true';
