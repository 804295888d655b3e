// `npm run build`: ES modules + .d.ts (lit, @lit/*, idb external, as bare imports) via tsc, then the
// self-contained bundle a plain page loads with a single <script type="module">: its entry
// (components/bundle.ts) and, beside it in dist/, the chunks it imports on demand (the add dialog,
// the inspector, the role catalogue, the access-test file parser…), fetched relative to the bundle's
// own URL (same origin: nothing a strict Content-Security-Policy refuses). `npm run size` checks
// their gzip sizes.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'vite';
import { bundleConfig } from './bundle-config.mjs';

rmSync('dist', { recursive: true, force: true });

const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

await build(bundleConfig({ outDir: 'dist' }));
console.log('built dist/ (modules + types), dist/cam-elements.bundle.js and its chunks');
