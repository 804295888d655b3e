// Assembles the runnable plain-HTML example in examples/plain-html/dist/: the page, the library's
// self-contained bundle and its lazy chunks (run `npm run build` first), the DEMO-ONLY mock backend bundled from
// mocks/ with Vite's build API, and the MSW worker beside the page (a worker controls only the
// pages under its own directory).
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const out = join(here, 'dist');
const bundle = join(root, 'dist/cam-elements.bundle.js');

/** Builds the example into examples/plain-html/dist/. */
export async function buildPlainHtmlExample() {
  if (!existsSync(bundle))
    throw new Error('dist/cam-elements.bundle.js is missing: run `npm run build` first.');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: out,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry: join(here, 'mock-backend.ts'), formats: ['es'], fileName: () => 'mock-backend.js' },
    },
  });
  copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
  // The bundle and the chunks it loads on demand (beside it, with their source maps).
  for (const file of readdirSync(dirname(bundle))) {
    if (/^cam-elements\.[\w.-]+\.js(\.map)?$/.test(file))
      copyFileSync(join(dirname(bundle), file), join(out, file));
  }
  copyFileSync(join(root, 'public/mockServiceWorker.js'), join(out, 'mockServiceWorker.js'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildPlainHtmlExample();
  console.log('built examples/plain-html/dist/ (serve it with any static server)');
}
