/**
 * Drop-in embedding, built and served: the plain-HTML page (one module script for the library,
 * tags and attributes only) and the React app (the library's @lit/react wrappers) load, show the
 * related parties of the housing-loan case, and pass axe.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { STORY } from '../../mocks/seed/story.js';
import { expectAccessible } from './support/axe.js';
import { launchBrowser, openPage } from './support/browser.js';
import { buildExamples } from './support/build.js';
import { serveStatic, type StaticServer } from './support/server.js';
import { waitForReady, waitForText } from './support/wait.js';

const loan = STORY.housingLoan;

/** The page shows the three parties of the housing-loan case, each with its access, and Maya's "none". */
async function expectStoryParties(page: Page): Promise<void> {
  const list = page.locator('cam-related-party-list');
  for (const person of [loan.coBorrower, loan.guarantor, loan.attorney]) {
    const row = list
      .locator('[role=row]')
      .filter({ has: page.getByRole('cell', { name: person.name, exact: true }) });
    await waitForText(row, /Authorized Representative[\s\S]*write/);
  }
  const maya = page.locator('section').filter({ hasText: `${STORY.nearMiss.contact.name} on case` });
  await waitForText(maya.locator('cam-effective-access-badge [part=badge]'), /none/);
}

describe('embedding examples', { timeout: 120_000 }, () => {
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    await buildExamples();
    server = await serveStatic([
      { prefix: '/plain-html/', dir: resolve('examples/plain-html/dist') },
      { prefix: '/react/', dir: resolve('examples/react/dist') },
    ]);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('plain HTML: one module script, tags and attributes, shows the parties', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.origin}/plain-html/`);
    const libraryScripts = await page.locator('script[type=module][src*="cam-elements"]').count();
    assert.equal(libraryScripts, 1);
    await waitForReady(page);
    await expectStoryParties(page);
    await expectAccessible(page, 'plain-html example');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('plain HTML: the bundle defines every element of custom-elements.json (at once or on demand)', async () => {
    const manifest = JSON.parse(readFileSync(resolve('custom-elements.json'), 'utf8')) as {
      modules: { declarations?: { tagName?: string }[] }[];
    };
    const tags = [
      ...new Set(
        manifest.modules.flatMap((m) =>
          (m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : [])),
        ),
      ),
    ];
    assert.ok(tags.length >= 7, `tags in the manifest: ${tags.join(', ')}`);
    const { page } = await openPage(browser);
    await page.goto(`${server.origin}/plain-html/`);
    await waitForReady(page);
    const missing = await page.evaluate(async (names: string[]) => {
      for (const name of names) {
        if (!customElements.get(name)) document.body.append(document.createElement(name));
      }
      const late = await Promise.all(
        names.map((name) =>
          Promise.race([
            customElements.whenDefined(name).then(() => ''),
            new Promise<string>((done) => setTimeout(() => done(name), 10_000)),
          ]),
        ),
      );
      return late.filter(Boolean);
    }, tags);
    assert.deepEqual(missing, []);
    await page.context().close();
  });

  it('React: the @lit/react wrappers render the elements and deliver typed events', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.origin}/react/`);
    await waitForReady(page);
    await expectStoryParties(page);
    await expectAccessible(page, 'react example');
    // An element event reaches the React prop handler.
    const row = page.locator('cam-related-party-list [role=row]').filter({ hasText: loan.attorney.name });
    await row.getByRole('button', { name: `Actions for ${loan.attorney.name}` }).click();
    await row.getByRole('menuitem', { name: 'Remove' }).click();
    await page.locator('cam-related-party-list [data-confirm=remove]').click();
    await waitForText(
      page.locator('section').filter({ hasText: 'Events' }),
      new RegExp(`${loan.attorney.name} was removed`),
    );
    // A property set from React state: picking a type updates the element and the state.
    await page.getByRole('combobox', { name: 'Relationship type' }).click();
    await page.getByRole('option', { name: /^Authorized Contact/ }).click();
    await waitForText(page.locator('section').filter({ hasText: 'Picked:' }), /Picked: [0-9a-f]{32}/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
