// `npm run size`: gzip sizes of the self-contained bundle, per entry, and the budget check.
//
// Builds components/bundle.ts twice into a temporary directory — as shipped, and with lit and
// @lit/* left out (the budget counts our code, not lit's) — then reports:
// - the main entry: the entry file and every chunk it imports statically (what a page loads before
//   the elements work), with lit and without;
// - each lazy chunk (a dynamic `import()` target): the files it adds to what is already loaded.
// Exits 1 when the main entry without lit exceeds the budget. `--json` prints the figures as JSON.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { ENTRY_FILE, bundleConfig } from './bundle-config.mjs';

/** Budget of the main entry without lit and @lit/*, in bytes of gzip. */
export const MAIN_BUDGET = 30 * 1024;
const LIT = [/^lit(\/|$)/, /^@lit\//];
const JSON_OUTPUT = process.argv.includes('--json');

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']\.\/([\w.-]+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["']\.\/([\w.-]+\.js)["']\s*\)/g;

/** Files in `dir`, each with its gzip size and the chunks it imports statically and dynamically. */
function readChunks(dir) {
  const chunks = new Map();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(join(dir, file));
    const text = code.toString('utf8');
    chunks.set(file, {
      bytes: code.length,
      gzip: gzipSync(code, { level: 9 }).length,
      imports: [...text.matchAll(STATIC_IMPORT)].map((m) => m[1]),
      dynamic: [...text.matchAll(DYNAMIC_IMPORT)].map((m) => m[1]),
    });
  }
  return chunks;
}

/** `file` and every chunk it imports statically, transitively. */
function closure(chunks, file, loaded = new Set()) {
  const found = new Set();
  const stack = [file];
  while (stack.length > 0) {
    const next = stack.pop();
    if (found.has(next) || loaded.has(next)) continue;
    found.add(next);
    stack.push(...(chunks.get(next)?.imports ?? []));
  }
  return found;
}

const sum = (chunks, files, key) => [...files].reduce((n, f) => n + (chunks.get(f)?.[key] ?? 0), 0);

/** The main entry and each lazy chunk, with the files each loads. */
function measure(dir) {
  const chunks = readChunks(dir);
  const main = closure(chunks, ENTRY_FILE);
  const lazy = new Set();
  for (const file of chunks.keys()) for (const target of chunks.get(file).dynamic) lazy.add(target);
  const entries = [{ name: 'main', files: [...main], lazy: false }];
  for (const target of [...lazy].filter((f) => !main.has(f)).sort()) {
    entries.push({ name: target, files: [...closure(chunks, target, main)], lazy: true });
  }
  return entries.map((entry) => ({
    ...entry,
    bytes: sum(chunks, entry.files, 'bytes'),
    gzip: sum(chunks, entry.files, 'gzip'),
  }));
}

/** A readable name of a chunk: `cam-elements.cam-access-inspector-Ab12.js` → `cam-access-inspector`. */
const label = (file) => file.replace(/^cam-elements\./, '').replace(/-[\w-]{8}\.js$|\.js$/, '');
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

const root = mkdtempSync(join(tmpdir(), 'cam-size-'));
try {
  const shipped = join(root, 'shipped');
  const withoutLit = join(root, 'without-lit');
  await build(bundleConfig({ outDir: shipped, sourcemap: false }));
  await build(bundleConfig({ outDir: withoutLit, sourcemap: false, external: LIT }));
  const full = measure(shipped);
  const ours = measure(withoutLit);
  const oursByName = new Map(ours.map((entry) => [label(entry.name), entry]));
  const rows = full.map((entry) => ({
    entry: label(entry.name),
    lazy: entry.lazy,
    files: entry.files.length,
    minified: entry.bytes,
    gzip: entry.gzip,
    gzipWithoutLit: oursByName.get(label(entry.name))?.gzip ?? null,
  }));
  const main = rows[0];
  const pass = main.gzipWithoutLit !== null && main.gzipWithoutLit <= MAIN_BUDGET;
  if (JSON_OUTPUT) {
    console.log(JSON.stringify({ budget: { main: MAIN_BUDGET, pass }, entries: rows }, null, 2));
  } else {
    console.log(
      'gzip (level 9) per entry of dist/cam-elements.bundle.js; lazy chunks count only what they add',
    );
    console.log(
      `${'entry'.padEnd(28)} ${'files'.padStart(5)} ${'minified'.padStart(10)} ${'gzip'.padStart(9)} ${'without lit'.padStart(12)}`,
    );
    for (const row of rows) {
      const name = `${row.lazy ? '  lazy ' : ''}${row.entry}`;
      const noLit = row.gzipWithoutLit === null ? '—' : kB(row.gzipWithoutLit);
      console.log(
        `${name.padEnd(28)} ${String(row.files).padStart(5)} ${kB(row.minified).padStart(10)} ${kB(row.gzip).padStart(9)} ${noLit.padStart(12)}`,
      );
    }
    console.log(
      `${pass ? 'PASS' : 'FAIL'}  main entry without lit/@lit/*: ${kB(main.gzipWithoutLit ?? 0)} gzip (budget ${kB(MAIN_BUDGET)})`,
    );
  }
  process.exitCode = pass ? 0 : 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
