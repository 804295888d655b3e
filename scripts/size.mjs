// `npm run size`: gzip sizes of the self-contained bundle, per entry, and the budget check.
//
// Builds components/bundle.ts twice into a temporary directory — as shipped, and with lit and
// @lit/* left out (the budget counts our code, not lit's) — then reports:
// - the main entry: the entry file and every chunk it imports statically (what a page loads before
//   the elements work), with lit and without;
// - each lazy chunk (a dynamic `import()` target): the files it adds — a badge chunk to the main
//   entry, any other to what a list page has loaded by its badges' level (the main entry and the
//   badge chunks) — and what makes a page load it (TRIGGERS; a lazy chunk without a known trigger fails the check, so a new
//   one is never left uncounted);
// - the critical paths: what a page showing a related-party list loads before its first rows (the
//   main entry; a list of more than 100 parties also waits for the virtualizer) and before the
//   badges' level (the engine and the definitions cache, fetched while the rows are read; a first
//   visit also reads the role catalogue to enrich the instance's roles), and what it loads later
//   without any user action (live refresh).
// Exits 1 when the main entry without lit exceeds the budget, or a lazy chunk has no known trigger.
// `--json` prints the figures as JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { ENTRY_FILE, bundleConfig } from './bundle-config.mjs';
import { TRIGGERS, closure, label, readChunks } from './bundle-chunks.mjs';

/** Budget of the main entry (what a list's first rows need) without lit and @lit/*, gzip bytes. */
export const MAIN_BUDGET = 30 * 1024;

const LIT = [/^lit(\/|$)/, /^@lit\//];
const JSON_OUTPUT = process.argv.includes('--json');

const sum = (chunks, files, key) => [...files].reduce((n, f) => n + (chunks.get(f)?.[key] ?? 0), 0);

/** The critical paths: the main entry plus the lazy chunks of these trigger paths. */
const PATHS = [
  { name: 'first rows (the main entry)', paths: [] },
  { name: 'first rows + badge levels, definitions cached', paths: ['badge'] },
  { name: 'first rows + badge levels, first visit', paths: ['badge', 'cold'] },
  { name: '… of a list of more than 100 parties', paths: ['badge', 'cold', 'long'] },
  { name: 'all loaded without a user action', paths: ['badge', 'cold', 'long', 'after'] },
];

/** The main entry and each lazy chunk (with the files each loads), and the critical paths. */
function measure(dir) {
  const chunks = readChunks(dir);
  const main = closure(chunks, ENTRY_FILE);
  const lazy = new Set();
  for (const file of chunks.keys()) for (const target of chunks.get(file).dynamic) lazy.add(target);
  const targets = [...lazy].filter((f) => !main.has(f)).sort();
  const isBadge = (file) => TRIGGERS[label(file)]?.path === 'badge';
  // What every list page has once its badges show a level: the main entry and the badge chunks.
  const listPage = new Set(main);
  for (const target of targets.filter(isBadge))
    for (const file of closure(chunks, target)) listPage.add(file);
  const entries = [{ name: 'main', files: [...main], lazy: false }];
  for (const target of targets) {
    const loaded = isBadge(target) ? main : listPage;
    entries.push({ name: target, files: [...closure(chunks, target, loaded)], lazy: true });
  }
  const measured = (files) => ({ bytes: sum(chunks, files, 'bytes'), gzip: sum(chunks, files, 'gzip') });
  const paths = PATHS.map((path) => {
    const files = new Set(main);
    for (const target of targets) {
      if (!path.paths.includes(TRIGGERS[label(target)]?.path)) continue;
      for (const file of closure(chunks, target)) files.add(file);
    }
    return { ...path, files: [...files], ...measured(files) };
  });
  return { entries: entries.map((entry) => ({ ...entry, ...measured(entry.files) })), paths };
}
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

const root = mkdtempSync(join(tmpdir(), 'cam-size-'));
try {
  const shipped = join(root, 'shipped');
  const withoutLit = join(root, 'without-lit');
  await build(bundleConfig({ outDir: shipped, sourcemap: false }));
  await build(bundleConfig({ outDir: withoutLit, sourcemap: false, external: LIT }));
  const full = measure(shipped);
  const ours = measure(withoutLit);
  const oursByName = new Map(ours.entries.map((entry) => [label(entry.name), entry]));
  const rows = full.entries.map((entry) => ({
    entry: label(entry.name),
    lazy: entry.lazy,
    ...(entry.lazy ? { path: TRIGGERS[label(entry.name)]?.path ?? null } : {}),
    ...(entry.lazy ? { loadedWhen: TRIGGERS[label(entry.name)]?.when ?? null } : {}),
    files: entry.files.length,
    minified: entry.bytes,
    gzip: entry.gzip,
    gzipWithoutLit: oursByName.get(label(entry.name))?.gzip ?? null,
  }));
  const paths = full.paths.map((path, i) => ({
    path: path.name,
    files: path.files.length,
    minified: path.bytes,
    gzip: path.gzip,
    gzipWithoutLit: ours.paths[i]?.gzip ?? null,
  }));
  const main = rows[0];
  const unclassified = rows.filter((row) => row.lazy && row.path === null).map((row) => row.entry);
  const checked = [main];
  const pass =
    unclassified.length === 0 &&
    checked.every((row) => row.gzipWithoutLit !== null && row.gzipWithoutLit <= MAIN_BUDGET);
  if (JSON_OUTPUT) {
    console.log(
      JSON.stringify({ budget: { main: MAIN_BUDGET, pass }, entries: rows, criticalPaths: paths }, null, 2),
    );
  } else {
    console.log(
      'gzip (level 9) per entry of dist/cam-elements.bundle.js; lazy chunks count only what they add (to the main entry and the badge chunks)',
    );
    // The name column fits the longest chunk name.
    const width = Math.max(28, ...rows.map((row) => row.entry.length + 8));
    console.log(
      `${'entry'.padEnd(width)} ${'files'.padStart(5)} ${'minified'.padStart(10)} ${'gzip'.padStart(9)} ${'without lit'.padStart(12)}`,
    );
    for (const row of rows) {
      const name = `${row.lazy ? '  lazy ' : ''}${row.entry}`;
      const noLit = row.gzipWithoutLit === null ? '—' : kB(row.gzipWithoutLit);
      console.log(
        `${name.padEnd(width)} ${String(row.files).padStart(5)} ${kB(row.minified).padStart(10)} ${kB(row.gzip).padStart(9)} ${noLit.padStart(12)}`,
      );
    }
    console.log('\nlazy chunks: what loads them');
    for (const row of rows.filter((r) => r.lazy)) {
      console.log(
        `  ${row.entry.padEnd(width - 2)} ${(row.path ?? '?').padEnd(7)} ${row.loadedWhen ?? 'UNKNOWN: add it to TRIGGERS in scripts/size.mjs'}`,
      );
    }
    console.log('\ncritical paths (main entry + the chunks loaded on the way)');
    for (const path of paths) {
      const noLit = path.gzipWithoutLit === null ? '—' : kB(path.gzipWithoutLit);
      console.log(
        `  ${path.path.padEnd(48)} ${String(path.files).padStart(3)} files ${kB(path.gzip).padStart(9)} ${noLit.padStart(9)} without lit`,
      );
    }
    for (const row of checked) {
      const name = 'main entry (first rows)';
      const ok = row.gzipWithoutLit !== null && row.gzipWithoutLit <= MAIN_BUDGET;
      console.log(
        `${ok ? 'PASS' : 'FAIL'}  ${name} without lit/@lit/*: ${kB(row.gzipWithoutLit ?? 0)} gzip (budget ${kB(MAIN_BUDGET)})`,
      );
    }
    if (unclassified.length > 0)
      console.log(`FAIL  lazy chunks with no known trigger: ${unclassified.join(', ')}`);
  }
  process.exitCode = pass ? 0 : 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
