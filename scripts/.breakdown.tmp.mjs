import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleConfig, ENTRY_FILE } from './bundle-config.mjs';
const out = mkdtempSync(join(tmpdir(), 'bd-'));
const cfg = bundleConfig({ outDir: out, sourcemap: false, external: [/^lit(\/|$)/, /^@lit\//] });
const result = [];
cfg.plugins = [{ name: 'bd', generateBundle(_, bundle) {
  for (const [file, chunk] of Object.entries(bundle)) {
    if (chunk.type !== 'chunk') continue;
    const mods = Object.entries(chunk.modules).map(([id, m]) => ({ id: id.replace(process.cwd() + '/', '').replace(/.*node_modules\//, 'nm:'), len: m.renderedLength, gz: m.code ? gzipSync(m.code).length : 0 }));
    result.push({ file, isEntry: chunk.isEntry, imports: chunk.imports, dyn: chunk.dynamicImports, mods, gz: gzipSync(chunk.code, { level: 9 }).length });
  }
}}];
await build(cfg);
rmSync(out, { recursive: true, force: true });
const only = process.argv[2];
for (const c of result) {
  console.log(`\n== ${c.file} entry=${c.isEntry} gz=${(c.gz/1024).toFixed(1)}kB imports=${c.imports.join(',')} dyn=${c.dyn.join(',')}`);
  if (only && !c.file.includes(only)) continue; console.log("  sum per-module gz", (c.mods.reduce((n,m)=>n+m.gz,0)/1024).toFixed(1));
  for (const m of c.mods.sort((a,b)=>b.gz-a.gz)) if (m.gz>150) console.log(`  ${(m.gz/1024).toFixed(2).padStart(6)} ${m.id}`);
}
