// Builds the embedding examples (after `npm run build`, which they consume):
// - examples/plain-html/dist/: the page, dist/cam-elements.bundle.js, the DEMO-ONLY mock backend;
// - examples/react/dist/: a React 19 app (Vite's built-in JSX transform, no React plugin) using the
//   library's @lit/react wrappers (`cam-elements/react` → dist/components/react.js).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { buildPlainHtmlExample } from '../examples/plain-html/build.mjs';

const wrappers = resolve('dist/components/react.js');
if (!existsSync(wrappers)) throw new Error('dist/components/react.js is missing: run `npm run build` first.');

await buildPlainHtmlExample();

await build({
  configFile: false,
  root: resolve('examples/react'),
  base: './',
  logLevel: 'warn',
  // The MSW worker (public/mockServiceWorker.js) lands beside index.html.
  publicDir: resolve('public'),
  resolve: { alias: { 'cam-elements/react': wrappers } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  // The mock backend (demo only) makes a large chunk; the app itself is small.
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
});

console.log('built examples/plain-html/dist/ and examples/react/dist/');
