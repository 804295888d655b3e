// Demo workspace entry: start the MSW mock backend first, then load the elements.
const { worker } = await import('../mocks/browser.js');
await worker.start({
  serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  onUnhandledRequest: 'bypass',
  quiet: true,
});
await import('../components/index.js');
document.body.dataset.ready = 'true';
