// The files of a built bundle and how they import each other: `npm run size` (scripts/size.mjs)
// measures them, the bundle e2e (test/e2e/bundle-lazy.test.ts) checks what a page requests.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// The minifier may quote a specifier with backticks.
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g;

/** Files in `dir`, each with its gzip size and the chunks it imports statically and dynamically. */
export function readChunks(dir) {
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
export function closure(chunks, file, loaded = new Set()) {
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

/** A readable name of a chunk: `cam-elements.cam-access-inspector-Ab12.js` → `cam-access-inspector`. */
export const label = (file) => file.replace(/^cam-elements\./, '').replace(/-[\w-]{8}\.js$|\.js$/, '');

/**
 * What loads each lazy chunk (by chunk name). `path`: `badge` — before the badges' level (fetched
 * while the first rows are read); `cold` — before the badges' level on a first visit (no
 * definitions cached); `long` — before the first row of a list of more than 100 parties;
 * `after` — after the first rows, without user action; `action` — on a user action or first open;
 * `element` — when a page uses that element.
 */
export const TRIGGERS = {
  'role-seed': {
    path: 'cold',
    when: 'first visit: definitions read from the instance (beside the role tables)',
  },
  virtualize: { path: 'long', when: 'a list of more than 100 parties, before its rows' },
  flow: { path: 'long', when: 'with virtualize (its layout)' },
  'live-feed': { path: 'after', when: 'after a list has shown its rows (live refresh starts)' },
  'badge-panel': { path: 'action', when: 'a badge popover opens, or a badge is hovered or focused' },
  'explanation-tree': { path: 'action', when: 'with badge-panel, or with <cam-access-inspector>' },
  'floating-position': {
    path: 'action',
    when: 'a popup opens (badge, picker list, row menu), or its control is hovered or focused',
  },
  'cam-add-party-dialog': { path: 'action', when: "<cam-add-party-dialog> appears (the list's Add button)" },
  // The list's row actions and live announcements (components/related-party-list).
  'row-menu-control': { path: 'action', when: "a row's actions button is hovered, focused or pressed" },
  'row-actions': { path: 'action', when: "a row's actions menu opens, or one of its actions is chosen" },
  'cam-relationship-type-picker': {
    path: 'action',
    when: "a row's Change type is chosen, the add dialog opens, or <cam-relationship-type-picker> is on the page",
  },
  'live-updates': { path: 'after', when: 'after a list has shown its rows (with live-feed)' },
  'test-file': { path: 'element', when: 'with <cam-access-inspector>, or definitions.import(file)' },
  'cam-access-inspector': { path: 'element', when: '<cam-access-inspector> is on the page' },
  'cam-access-review': { path: 'element', when: '<cam-access-review> is on the page' },
  'access-review-service': { path: 'element', when: '<cam-access-review> starts a review' },
  // The services' code loaded on first use (src/service).
  'party-edits': {
    path: 'action',
    when: 'a party is added, changed or removed, or searched for (the add dialog, the inspector)',
  },
  'engine-chunk': {
    path: 'badge',
    when: 'as soon as the services are created (the provider connects), while the first rows are read',
  },
  'badge-evaluation': {
    path: 'badge',
    when: 'a badge asks for its answer (with the access picture)',
  },
  'definitions-storage': {
    path: 'badge',
    when: "the definitions are first asked for (a list's first load, a badge): their store, the IndexedDB cache",
  },
  'definitions-fetch': {
    path: 'cold',
    when: 'definitions read from the instance: a first visit (a copy past its freshness window: in the background)',
  },
};
