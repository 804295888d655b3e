import { fileURLToPath } from 'node:url';
import { defineConfig, normalizePath, type Plugin } from 'vite';

/**
 * package.json's `sideEffects` names the published dist/ files only, so a bundler reading the
 * sources would treat `components/**` and `demo/**` as side-effect free and drop their
 * `customElements.define` calls. The demo is built from the sources: keep their side effects.
 */
function keepSourceSideEffects(): Plugin {
  const dirs = ['components', 'demo'].map((dir) =>
    normalizePath(fileURLToPath(new URL(`./${dir}/`, import.meta.url))),
  );
  return {
    name: 'cam:keep-source-side-effects',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !dirs.some((dir) => resolved.id.startsWith(dir))) return resolved;
      return { ...resolved, moduleSideEffects: true };
    },
  };
}

// The demo workspace: `npm run demo` serves index.html (MSW mocks active); `npm run build:demo`
// writes a static site to dist-demo/ with relative URLs, so it works under any base path.
export default defineConfig({
  base: './',
  plugins: [keepSourceSideEffects()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    // Transformed while the server starts, so the first page load does not wait for them.
    warmup: { clientFiles: ['./demo/main.ts', './demo/demo-app.ts', './components/index.ts'] },
  },
  optimizeDeps: {
    // Scan the demo only: the default (every .html in the project) also reaches examples/, whose
    // `cam-elements/react` import resolves only in a published install, and the failed scan then
    // leaves dependencies to be discovered one page load at a time (504 "Outdated Optimize Dep").
    entries: ['index.html'],
    // What the demo reaches only through dynamic imports, pre-bundled up front all the same.
    include: ['msw', 'msw/browser', 'lit', '@lit/context', '@lit/localize', '@lit/task', 'idb', 'valibot'],
  },
  preview: { host: '127.0.0.1' },
  // The access review's worker as an ES module chunk (like the self-contained bundle's).
  worker: { format: 'es' },
  build: {
    outDir: 'dist-demo',
    emptyOutDir: true,
    target: 'es2022',
  },
});
