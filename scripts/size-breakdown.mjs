// `node scripts/size-breakdown.mjs [module]`: what the bundle's main entry is made of. Builds the
// self-contained bundle in memory without lit/@lit/* (as `npm run size` measures its budget) and
// prints each source module's share of the entry file, gzipped on its own (so the sum is larger
// than the entry: files compress better together), largest first. With an argument, also prints
// the rendered code of the modules whose path contains it (why a module is bigger than expected).
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { bundleConfig } from './bundle-config.mjs';

const config = bundleConfig({ outDir: 'dist', external: [/^lit/, /^@lit\//], sourcemap: false });
config.build.write = false;
const result = await build(config);
const outputs = (Array.isArray(result) ? result : [result]).flatMap((o) => o.output);
const entry = outputs.find((o) => o.type === 'chunk' && o.isEntry);
const root = `${process.cwd()}/`;
const rows = Object.entries(entry.modules)
  .filter(([, module]) => module.code)
  .map(([id, module]) => ({
    id: id.replace(root, ''),
    minified: module.renderedLength,
    gzip: gzipSync(module.code, { level: 9 }).length,
  }))
  .sort((a, b) => b.gzip - a.gzip);
console.log('  gzip  minified  module');
for (const row of rows) {
  console.log(`${String(row.gzip).padStart(6)}  ${String(row.minified).padStart(8)}  ${row.id}`);
}
const sum = rows.reduce((total, row) => total + row.gzip, 0);
console.log(
  `${rows.length} modules: ${sum} B gzipped one by one; the entry file ${gzipSync(entry.code, { level: 9 }).length} B gzipped; it imports ${entry.imports.join(', ')}`,
);
const target = process.argv[2];
if (target) {
  for (const [id, module] of Object.entries(entry.modules)) {
    if (id.includes(target)) console.log(`\n// ${id.replace(root, '')}\n${module.code}`);
  }
}
