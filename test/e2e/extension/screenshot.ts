/**
 * docs/screenshot-extension.png: the extension's panel on the stand-in's classic case form.
 * Run with a browser that loads extensions:
 *   CHROME_PATH=/usr/bin/chromium node --import tsx test/e2e/extension/screenshot.ts
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { STORY } from '../../../mocks/seed/index.js';
// @ts-expect-error -- a plain .mjs script without type declarations
import { buildExtension } from '../../../scripts/build-extension.mjs';
import { launchWithExtension } from './browser.js';
import { startStandIn } from './instance.js';

const out = resolve('.test-results', `extension-screenshot-${process.pid}`);
await buildExtension(out, 'http://127.0.0.1/*');
const standIn = await startStandIn({ workspaceLinks: {} });
const browser = await launchWithExtension(out);
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 760 });
  await page.goto(`${standIn.origin}/sn_customerservice_case.do?sys_id=${STORY.housingLoan.caseId}`);
  await page.waitForFunction(() => document.querySelector('[data-cam-extension]') !== null);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  let panel = page.frames().find((f) => f.url().includes('/panel.html'));
  while (!panel) {
    await page.waitForTimeout(100);
    panel = page.frames().find((f) => f.url().includes('/panel.html'));
  }
  await panel.getByText(STORY.housingLoan.attorney.name, { exact: true }).first().waitFor();
  await panel.locator('cam-effective-access-badge [part~=badge][data-level]').first().waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: 'docs/screenshot-extension.png' });
  console.log('wrote docs/screenshot-extension.png');
} finally {
  await browser.close();
  await standIn.close();
  rmSync(out, { recursive: true, force: true });
  rmSync(`${out}.zip`, { force: true });
}
