import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { ensureChrome, CHROME_ARGS } from './scripts/find-chrome.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { accessTestFilesPlugin } from './test/parity/access-test-files-plugin.mjs';

const executablePath = await ensureChrome();

export default {
  files: ['test/**/*.test.ts', 'components/**/*.test.ts', '!test/e2e/**', '!test/node/**'],
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 240_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    // The parity suite's list of access-test files (test/parity).
    accessTestFilesPlugin(),
  ],
  // The MSW worker must be served from the root so its scope covers the test page.
  middleware: [
    function serveMockWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
    // A worker script named as built (`new URL('./review-worker.js', import.meta.url)`) is served
    // from its TypeScript source, as imports are.
    function serveWorkerSource(context, next) {
      const ts = context.path.replace(/\.js$/, '.ts');
      if (context.path.startsWith('/src/') && ts !== context.path && !existsSync(`.${context.path}`)) {
        if (existsSync(`.${ts}`)) context.url = context.url.replace(context.path, ts);
      }
      return next();
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: CHROME_ARGS },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ file: '.test-results/browser.json' })],
};
