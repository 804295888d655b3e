// The self-contained bundle's Vite build options, shared by `npm run build` (scripts/build.mjs)
// and `npm run size` (scripts/size.mjs, which also builds it with lit and @lit/* left out).

/** Chunks sit flat beside the entry, so a page serving the bundle's directory serves them too. */
export const ENTRY_FILE = 'cam-elements.bundle.js';
export const CHUNK_FILES = 'cam-elements.[name]-[hash].js';

/** Vite options building components/bundle.ts into `outDir`; `external` leaves those imports bare. */
export function bundleConfig({ outDir, external = [], sourcemap = true }) {
  return {
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
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
        output: { chunkFileNames: CHUNK_FILES },
      },
    },
  };
}
