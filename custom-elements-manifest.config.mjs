// `npm run analyze`: custom-elements.json from the elements' JSDoc (the public contract).

/**
 * Keeps only documented events (the analyzer also guesses names from event constructor arguments)
 * and sorts the modules: the file system's listing order varies between machines.
 */
function stableDocumentedManifest() {
  return {
    name: 'stable-documented-manifest',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events)
            declaration.events = declaration.events.filter((event) => event.description);
        }
      }
      customElementsManifest.modules?.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

export default {
  globs: ['components/**/*.component.ts', 'components/events.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts'],
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  packagejson: !process.env.CEM_OUTDIR,
  plugins: [stableDocumentedManifest()],
};
