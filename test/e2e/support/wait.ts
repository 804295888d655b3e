/** Waiting on what a person would see: text appearing in a locator, within a time limit. */
import type { Locator, Page } from 'playwright-core';
import { setTimeout as sleep } from 'node:timers/promises';

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The rendered text of an element, shadow roots and slots included (`innerText` stops at shadow
 * hosts): hidden elements are skipped, block boxes end a line. Kept as source text: the test
 * loader would wrap named functions in helpers the page does not have.
 */
const RENDERED_TEXT = `(element) => {
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return void out.push(node.data.replace(/\\s+/g, ' '));
    if (node.nodeType !== Node.ELEMENT_NODE || ['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName)) return;
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    const children = node.shadowRoot
      ? node.shadowRoot.childNodes
      : node.tagName === 'SLOT'
        ? node.assignedNodes({ flatten: true })
        : node.childNodes;
    for (const child of children) walk(child);
    if (!style.display.startsWith('inline') && style.display !== 'contents') out.push('\\n');
  };
  walk(element);
  return out.join('').replace(/ *\\n[\\s]*/g, '\\n').trim();
}`;

/** Waits until the locator's text matches; fails with the last text seen. */
export async function waitForText(
  locator: Locator,
  pattern: RegExp,
  timeout = DEFAULT_TIMEOUT_MS,
): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    last = await locator
      .evaluate((el, source) => (0, eval)(source)(el) as string, RENDERED_TEXT, {
        timeout: Math.max(1, deadline - Date.now()),
      })
      .catch(() => last);
    if (pattern.test(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${String(pattern)}; the text was:\n${last.slice(0, 2000)}`);
    await sleep(100);
  }
}

/** Waits until the page's demo (or example) says it is ready. */
export async function waitForReady(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
}

/** Waits until `count()` of the locator equals `expected`. */
export async function waitForCount(
  locator: Locator,
  expected: number,
  timeout = DEFAULT_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const count = await locator.count();
    if (count === expected) return;
    if (Date.now() > deadline) throw new Error(`Expected ${expected} matches, found ${count}`);
    await sleep(100);
  }
}
