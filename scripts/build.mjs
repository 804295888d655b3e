// `npm run build`: ES modules + .d.ts (lit, @lit/*, idb external, as bare imports) via tsc, then one
// self-contained bundle a plain page can load with a single <script type="module">.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'vite';

rmSync('dist', { recursive: true, force: true });

const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

await build({
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: {
      entry: 'components/index.ts',
      formats: ['es'],
      fileName: () => 'cam-elements.bundle.js',
    },
    // One file: inline the virtualizer's dynamic import too.
    rollupOptions: { external: [], output: { codeSplitting: false } },
  },
});
console.log('built dist/ (modules + types) and dist/cam-elements.bundle.js');
