/**
 * What the end-to-end tests serve, built first: the demo (Vite build API, base './'), the library
 * (`node scripts/build.mjs`) and the examples (`node scripts/build-examples.mjs`). Test files may
 * run in parallel processes, so each build runs once per test run, behind a lock directory.
 * `CAM_E2E_REUSE_BUILDS=1` skips a build whose output exists (when iterating on the tests).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Where the e2e builds and stamps go (removed by scripts/test.mjs at the start of `npm test`). */
export const E2E_DIR = resolve('.test-results/e2e');

/** The built demo, per test run (the runner's pid): runs in a shared checkout must not clobber it. */
export const DEMO_DIR = join(E2E_DIR, `dist-demo-${process.ppid}`);

const BUILD_TIMEOUT_MS = 240_000;

/** Runs `build` once per test run (the runner's pid keys the stamp); concurrent callers wait for it. */
async function once(name: string, output: string, build: () => Promise<void>): Promise<void> {
  if (process.env.CAM_E2E_REUSE_BUILDS === '1' && existsSync(output)) return;
  mkdirSync(E2E_DIR, { recursive: true });
  const stamp = join(E2E_DIR, `${name}.${process.ppid}.done`);
  const lock = join(E2E_DIR, `${name}.lock`);
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (!existsSync(stamp)) {
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting for the ${name} build (remove ${lock} if stale)`);
      await sleep(250);
      continue;
    }
    try {
      await build();
      writeFileSync(stamp, '');
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

function run(script: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`node ${script} exited with ${code}`)),
    );
  });
}

/** Builds the demo into DEMO_DIR with the project's vite.config.ts (relative base). */
export function buildDemo(): Promise<void> {
  return once('demo', DEMO_DIR, async () => {
    const { build } = await import('vite');
    await build({
      configFile: resolve('vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: DEMO_DIR, emptyOutDir: true },
    });
  });
}

/** Builds the library (dist/, including dist/cam-elements.bundle.js). */
export function buildLibrary(): Promise<void> {
  return once('library', resolve('dist/cam-elements.bundle.js'), () => run('scripts/build.mjs'));
}

/** Builds the library, then the plain-HTML and React examples. */
export async function buildExamples(): Promise<void> {
  await buildLibrary();
  await once('examples', resolve('examples/react/dist/index.html'), () => run('scripts/build-examples.mjs'));
}
