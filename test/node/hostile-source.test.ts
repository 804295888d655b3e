/**
 * The source tree never turns strings into markup or code: no unsafeHTML/unsafeSVG, no innerHTML
 * or outerHTML writes, no insertAdjacentHTML, no document.write, no eval / new Function / string
 * timers. The lint rules forbid most of these; this test also covers files lint does not see and
 * spellings lint misses (computed access, aliases), and it cannot be switched off by a comment.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Library, demo, mocks, CLI and examples: everything that ships or runs in a page. */
const SCANNED = ['src', 'components', 'mocks', 'demo', 'cli', 'examples', 'index.html'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'dist-demo', '.git']);
const EXTENSIONS = /\.(ts|tsx|js|mjs|html)$/;
/** Test code may build hostile strings; it is not shipped. */
const TEST_FILE = /(\.test\.ts$|test-support\.ts$|\/test\/)/;

/** Each forbidden construct, with the reason it is forbidden. */
export const FORBIDDEN: readonly (readonly [RegExp, string])[] = [
  [/\bunsafe(HTML|SVG)\b|directives\/unsafe-(html|svg)/, 'unsafeHTML/unsafeSVG bypass Lit escaping'],
  [/\.\s*(inner|outer)HTML\s*\+?=(?!=)|\[\s*['"`](inner|outer)HTML['"`]\s*\]/, 'writes markup from a string'],
  [
    /insertAdjacentHTML|createContextualFragment|\.setHTMLUnsafe\b|parseHTMLUnsafe/,
    'parses a string as markup',
  ],
  [/document\s*\.\s*write(ln)?\s*\(/, 'document.write parses a string as markup'],
  [/(^|[^.\w])eval\s*\(/, 'eval runs a string as code'],
  [/\bnew\s+Function\s*\(|(^|[^.\w])Function\s*\(\s*['"`]/, 'new Function runs a string as code'],
  [/\bset(Timeout|Interval)\s*\(\s*['"`]/, 'a string timer runs a string as code'],
  [/\bsrcdoc\s*=/, 'srcdoc parses a string as a document'],
];

/**
 * In the library only: Lit escapes text but does not sanitise URLs, so a bound `href`/`src`/
 * `action` could carry `javascript:` from data. The elements link nowhere; the demo's hash routes
 * are built from ids and are allowed there.
 */
export const LIBRARY_ONLY: readonly (readonly [RegExp, string])[] = [
  [/(^|[\s<])[.?]?(href|src|action|formaction|xlink:href)\s*=\s*["']?\$\{/, 'a URL attribute bound to data'],
];
const LIBRARY = /^(src|components)\//;

function* files(path: string): Generator<string> {
  const full = join(ROOT, path);
  let stats;
  try {
    stats = statSync(full);
  } catch {
    return;
  }
  if (stats.isFile()) {
    if (EXTENSIONS.test(path)) yield path;
    return;
  }
  for (const entry of readdirSync(full)) {
    if (!SKIPPED_DIRS.has(entry)) yield* files(join(path, entry));
  }
}

/** Violations in one text: `line: reason: code`. */
export function violations(text: string, library = true): string[] {
  const found: string[] = [];
  const rules = library ? [...FORBIDDEN, ...LIBRARY_ONLY] : FORBIDDEN;
  text.split('\n').forEach((line, index) => {
    const code = line.replace(/^\s*(\/\/|\*|\/\*).*$/, ''); // whole-line comments may name them
    for (const [pattern, reason] of rules) {
      if (pattern.test(code)) found.push(`${index + 1}: ${reason}: ${line.trim()}`);
    }
  });
  return found;
}

describe('the source tree never turns strings into markup or code', () => {
  test('the scanner catches each forbidden construct (and leaves ordinary code alone)', () => {
    const planted = [
      "import { unsafeHTML } from 'lit/directives/unsafe-html.js';",
      'el.innerHTML = name;',
      'el.outerHTML += name;',
      "el['innerHTML'] = name;",
      "el.insertAdjacentHTML('beforeend', name);",
      'document.write(name);',
      'const f = eval(text);',
      "const g = new Function('a', body);",
      "setTimeout('alert(1)', 10);",
      'iframe.srcdoc = page;',
      'html`<a href=${url}>`',
      'html`<img src="${url}">`',
    ];
    for (const line of planted) assert.equal(violations(line).length, 1, line);
    const ordinary = [
      'const same = el.innerHTML === other;',
      'element.textContent = name;',
      'html`<span>${name}</span>`',
      'retrieval(x); evaluate(y); medieval(z);',
      'this.focus(`[data-action="${action}"]`);',
      'setTimeout(() => run(), 10);',
      '// never write innerHTML = here',
      'const evaluation = engine.evaluate(input);',
    ];
    for (const line of ordinary) assert.deepEqual(violations(line), [], line);
    assert.deepEqual(violations('html`<a href=${routeHref(route)}>`', false), [], 'the demo may link');
  });

  test('no shipped or demo file contains one', () => {
    const scanned: string[] = [];
    const problems: string[] = [];
    for (const path of SCANNED.flatMap((root) => [...files(root)])) {
      if (TEST_FILE.test(path)) continue;
      scanned.push(path);
      const text = readFileSync(join(ROOT, path), 'utf8');
      for (const problem of violations(text, LIBRARY.test(path))) {
        problems.push(`${relative('.', path)}:${problem}`);
      }
    }
    assert.ok(scanned.length > 50, `only ${scanned.length} files scanned: is the tree where it should be?`);
    assert.ok(scanned.some((path) => path.startsWith('components/')));
    assert.deepEqual(problems, []);
  });
});
