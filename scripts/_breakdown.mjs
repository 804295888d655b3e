import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { bundleConfig } from './bundle-config.mjs';
const cfg = bundleConfig({ outDir: '/work/tmp/bd', external: [/^lit/, /^@lit\//], sourcemap: false });
cfg.build.write = false;
const out = await build(cfg);
const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output);
const entry = outputs.find((o) => o.type === 'chunk' && o.isEntry);
const rows = [];
for (const [id, m] of Object.entries(entry.modules)) {
  if (!m.code) continue;
  rows.push([id.replace(process.cwd() + '/', ''), m.renderedLength, gzipSync(m.code).length]);
}
rows.sort((a, b) => b[2] - a[2]);
let tot = 0;
for (const r of rows) { tot += r[2]; console.log(String(r[2]).padStart(6), String(r[1]).padStart(7), r[0]); }
console.log('sum of separate gzips', tot, 'entry gzip', gzipSync(entry.code).length, 'imports', entry.imports.join(' '));
const target = process.argv[2];
if (target) for (const [id, m] of Object.entries(entry.modules)) if (id.includes(target)) console.log(m.code);
