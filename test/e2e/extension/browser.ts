/**
 * Chromium with the unpacked extension loaded (a persistent context: extensions need one), and the
 * check whether the browser can load extensions headless at all. The headless Chromium shipped by
 * the npm package @sparticuz/chromium is a headless-shell build without extension support; the
 * tests are skipped for that browser only (with the reason printed), never for another one.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
// @ts-expect-error -- a plain .mjs script without type declarations
import * as chrome from '../../../scripts/find-chrome.mjs';

const { ensureChrome, CHROME_ARGS } = chrome as {
  ensureChrome: () => Promise<string>;
  CHROME_ARGS: string[];
};

/** The npm Chromium, unpacked by scripts/find-chrome.mjs (whether found there or through CHROME_PATH). */
function isNpmChromium(path: string): boolean {
  return /[\\/]node_modules[\\/]\.cache[\\/]cam-elements[\\/]chromium-[^\\/]+[\\/]chromium$/.test(path);
}

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  close(): Promise<void>;
}

/** Launches Chromium with the extension in `dir`; resolves once its service worker runs. */
export async function launchWithExtension(dir: string, timeoutMs = 15_000): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'cam-extension-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: await ensureChrome(),
    viewport: { width: 1280, height: 860 },
    reducedMotion: 'reduce',
    args: [...CHROME_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: timeoutMs }));
    const extensionId = new URL(worker.url()).host;
    return { context, extensionId, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Undefined when the tests can run in this browser; otherwise why not. Only the npm Chromium may
 * be excused, and only after a probe extension (a service worker, nothing else) failed to start.
 */
export async function extensionSupport(): Promise<string | undefined> {
  const path = await ensureChrome();
  if (!isNpmChromium(path)) return undefined;
  const probe = mkdtempSync(join(tmpdir(), 'cam-extension-probe-'));
  try {
    mkdirSync(probe, { recursive: true });
    writeFileSync(
      join(probe, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'probe',
        version: '1',
        background: { service_worker: 'sw.js' },
      }),
    );
    writeFileSync(join(probe, 'sw.js'), 'self.addEventListener("install", () => {});');
    const browser = await launchWithExtension(probe, 5000);
    await browser.close();
    return undefined;
  } catch {
    return (
      `the headless Chromium from @sparticuz/chromium (${path}) cannot load extensions ` +
      '(a headless-shell build); run with a full Chromium or Chrome, e.g. CHROME_PATH=/usr/bin/chromium'
    );
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
