// Locates the Chromium/Chrome that tests, end-to-end runs, screenshots and benchmarks drive.
// Order: CHROME_PATH, then an installed Chrome/Chromium, then the headless Chromium that the optional
// npm dependency @sparticuz/chromium ships (unpacked once into node_modules/.cache). Never downloads.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NPM_CHROMIUM = '@sparticuz/chromium';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const NO_BROWSER_MESSAGE =
  'No Chromium/Chrome found: run `npm install` (it brings a headless Chromium on Linux x64/arm64), install one (Debian: apt-get install -y chromium) or set CHROME_PATH=/path/to/chrome.';

/** @returns {{ dir: string, version: string } | undefined} where the npm Chromium is, when installed. */
function npmChromiumPackage() {
  if (process.platform !== 'linux' || !['x64', 'arm64'].includes(process.arch)) return undefined;
  try {
    const require = createRequire(join(ROOT, 'package.json'));
    // The package exports no ./package.json: find its folder from the entry point.
    for (let dir = dirname(require.resolve(NPM_CHROMIUM)); dir !== dirname(dir); dir = dirname(dir)) {
      const manifest = join(dir, 'package.json');
      if (!existsSync(manifest)) continue;
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8'));
      if (name === NPM_CHROMIUM) return { dir, version };
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** The folder the npm Chromium is unpacked into (one per package version). */
function npmChromiumCache(version) {
  return join(ROOT, 'node_modules', '.cache', 'cam-elements', `chromium-${version}`);
}

/**
 * @typedef {{ path: string, source: 'CHROME_PATH' | 'system' | 'npm', label: string }} FoundChrome
 */

/** @returns {FoundChrome | undefined} a browser that is ready now (nothing is unpacked). */
export function findChromeInfo() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv)
    return existsSync(fromEnv) ? { path: fromEnv, source: 'CHROME_PATH', label: fromEnv } : undefined;
  const system = CANDIDATES.find((path) => existsSync(path));
  if (system) return { path: system, source: 'system', label: system };
  const pkg = npmChromiumPackage();
  if (pkg) {
    const path = join(npmChromiumCache(pkg.version), 'chromium');
    if (existsSync(path)) return { path, source: 'npm', label: `${NPM_CHROMIUM} ${pkg.version}` };
  }
  return undefined;
}

/** @returns {string | undefined} */
export function findChrome() {
  return findChromeInfo()?.path;
}

/**
 * Unpacks the npm Chromium into its cache folder. The files land in a private folder first and are
 * renamed into place, so an interrupted unpack never leaves a half-written browser behind.
 */
async function unpackNpmChromium(pkg) {
  const target = npmChromiumCache(pkg.version);
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  // The package unpacks into os.tmpdir(); point that at our private folder for the duration.
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = partial;
  try {
    const { default: Chromium } = await import(NPM_CHROMIUM);
    await Chromium.executablePath(join(pkg.dir, 'bin'));
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  if (existsSync(join(target, 'chromium'))) {
    rmSync(partial, { recursive: true, force: true }); // another process finished first
  } else {
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  }
  return join(target, 'chromium');
}

/** @returns {Promise<FoundChrome | undefined>} a browser, unpacking the npm Chromium when needed. */
export async function ensureChromeInfo() {
  const ready = findChromeInfo();
  if (ready || process.env.CHROME_PATH) return ready;
  const pkg = npmChromiumPackage();
  if (!pkg) return undefined;
  try {
    const path = await unpackNpmChromium(pkg);
    return { path, source: 'npm', label: `${NPM_CHROMIUM} ${pkg.version}` };
  } catch (error) {
    console.error(`Could not unpack ${NPM_CHROMIUM}: ${error instanceof Error ? error.message : error}`);
    return undefined;
  }
}

function explainMissing() {
  const hint = process.env.CHROME_PATH ? ` (CHROME_PATH=${process.env.CHROME_PATH} does not exist)` : '';
  console.error(NO_BROWSER_MESSAGE + hint);
  process.exit(1);
}

/** Returns a browser (unpacking the npm Chromium when it is the only one), or exits with one line. */
export async function ensureChrome() {
  return (await ensureChromeInfo())?.path ?? explainMissing();
}

/** "Chromium 147.0.7727.0 from @sparticuz/chromium 147.0.0" — what `npm test` prints. */
export function describeChrome(found) {
  let version = 'Chromium (version unknown)';
  try {
    version = execFileSync(found.path, ['--version', ...CHROME_ARGS], {
      encoding: 'utf8',
      timeout: 20_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .trim()
      .replace(/^Google Chrome for Testing /, 'Chrome ');
  } catch {
    // A browser that cannot print its version may still run tests; say what we know.
  }
  const where =
    found.source === 'npm'
      ? `from ${found.label}`
      : found.source === 'CHROME_PATH'
        ? `from CHROME_PATH (${found.path})`
        : `at ${found.path}`;
  return `${version} ${where}`;
}
