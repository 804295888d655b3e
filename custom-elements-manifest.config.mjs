// `npm run analyze`: custom-elements.json from the elements' JSDoc (the public contract).
export default {
  globs: ['components/**/*.component.ts', 'components/**/events.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
};
