// The self-contained bundle's Vite build options, shared by `npm run build` (scripts/build.mjs)
// and `npm run size` (scripts/size.mjs, which also builds it with lit and @lit/* left out).

/** Chunks sit flat beside the entry, so a page serving the bundle's directory serves them too. */
export const ENTRY_FILE = 'cam-elements.bundle.js';
export const CHUNK_FILES = 'cam-elements.[name]-[hash].js';

/**
 * Names every chunk the entry needs, directly or not, in the entry itself, so a browser fetches
 * them all at once instead of finding the deeper ones only once their importers have arrived (a
 * round trip each; rollup's `hoistTransitiveImports`, which rolldown lacks). Added at the end
 * (imports are hoisted wherever they stand), so the code before keeps its source map.
 */
const hoistTransitiveImports = {
  name: 'cam-hoist-transitive-imports',
  generateBundle(_options, bundle) {
    const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry);
    if (!entry) return;
    const direct = new Set(entry.imports);
    const needed = new Set();
    const stack = [...entry.imports];
    while (stack.length > 0) {
      const name = stack.pop();
      const chunk = bundle[name];
      if (needed.has(name) || chunk?.type !== 'chunk') continue;
      needed.add(name);
      stack.push(...chunk.imports);
    }
    const missing = [...needed].filter((name) => !direct.has(name)).sort();
    if (missing.length === 0) return;
    const imports = `\n${missing.map((name) => `import"./${name}";`).join('')}`;
    // Before the source map comment, which must stay last.
    const comment = entry.code.lastIndexOf('\n//# sourceMappingURL=');
    entry.code =
      comment < 0 ? entry.code + imports : entry.code.slice(0, comment) + imports + entry.code.slice(comment);
  },
};

/** Vite options building components/bundle.ts into `outDir`; `external` leaves those imports bare. */
export function bundleConfig({ outDir, external = [], sourcemap = true }) {
  return {
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins: [hoistTransitiveImports],
    // Files the bundle loads by URL (the access review's worker) are found relative to the bundle.
    base: './',
    // The access review's worker: an ES module beside the bundle (same origin: `worker-src 'self'`).
    worker: {
      format: 'es',
      rolldownOptions: { output: { entryFileNames: CHUNK_FILES, chunkFileNames: CHUNK_FILES } },
    },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap,
      lib: {
        entry: 'components/bundle.ts',
        formats: ['es'],
        fileName: () => ENTRY_FILE,
      },
      rollupOptions: {
        external,
        // Lets the bundler move modules shared with the lazy chunks into the entry itself.
        preserveEntrySignatures: 'allow-extension',
        output: {
          chunkFileNames: CHUNK_FILES,
          // Vite keeps whitespace and pure annotations in ES library builds for a later bundler to
          // tree-shake; this bundle is what a page loads as is, so it is minified in full.
          minify: { codegen: { removeWhitespace: true } },
          comments: false,
        },
      },
    },
  };
}
