// `npm test`: Node tests of the pure core and CLI, then browser tests (web-test-runner, Chromium),
// then end-to-end tests when present. Ends with one line `N passed, N failed`; exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeChrome, ensureChromeInfo, NO_BROWSER_MESSAGE } from './find-chrome.mjs';

const chrome = await ensureChromeInfo();
if (!chrome) {
  const hint = process.env.CHROME_PATH ? ` (CHROME_PATH=${process.env.CHROME_PATH} does not exist)` : '';
  console.error(NO_BROWSER_MESSAGE + hint);
  process.exit(1);
}
console.log(`using ${describeChrome(chrome)}`);
// Every child (web-test-runner, e2e tests) drives the same browser.
process.env.CHROME_PATH = chrome.path;
rmSync('.test-results', { recursive: true, force: true });
mkdirSync('.test-results', { recursive: true });

const totals = { passed: 0, failed: 0 };
let exitFailure = false;

function listTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(dir, f))
    .sort();
}

function run(label, command, args) {
  console.log(`\n── ${label} ──`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) exitFailure = true;
  return result.status;
}

function readTap(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const tap = readFileSync(file, 'utf8');
  const num = (key) => Number(tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  return { passed: num('pass'), failed: num('fail') + num('cancelled') };
}

function runNodeTests(label, dir, tapFile) {
  const files = listTests(dir);
  if (files.length === 0) return;
  const status = run(label, process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ]);
  const counts = readTap(tapFile);
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
}

runNodeTests('Node tests (pure core, CLI)', 'test/node', '.test-results/node.tap');

const wtrStatus = run('Browser tests (web-test-runner, Chromium)', process.execPath, [
  'node_modules/@web/test-runner/dist/bin.js',
]);
if (existsSync('.test-results/browser.json')) {
  const browser = JSON.parse(readFileSync('.test-results/browser.json', 'utf8'));
  totals.passed += browser.passed;
  totals.failed += browser.failed + browser.fileErrors;
}
if (wtrStatus !== 0 && totals.failed === 0) totals.failed = 1;

runNodeTests('End-to-end tests (Playwright, built demo and examples)', 'test/e2e', '.test-results/e2e.tap');

console.log('');
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(exitFailure || totals.failed > 0 ? 1 : 0);
