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
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: 'dist-demo',
    emptyOutDir: true,
    target: 'es2022',
  },
});
