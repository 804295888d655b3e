/** Runs axe-core in the page (injected from node_modules) and fails with a readable list of violations. */
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

declare global {
  interface Window {
    axe?: { run(context: Document, options: object): Promise<AxeResults> };
  }
}

/** Waits (up to 5 s, without failing) until nothing in the page says it is busy: axe checks settled states. */
async function settle(page: Page): Promise<void> {
  const busy = page.locator('[aria-busy=true]');
  const deadline = Date.now() + 5000;
  while ((await busy.count()) > 0 && Date.now() < deadline) await page.waitForTimeout(100);
}

/** Asserts that axe finds no violation in the page once settled; `state` names it in the message. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  await settle(page);
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(() =>
    window.axe!.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
      })),
    ),
  );
  const text = results
    .map((v) => `  ${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`)
    .join('\n');
  assert.equal(results.length, 0, `axe violations in state "${state}":\n${text}`);
}
