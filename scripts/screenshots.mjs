// `node scripts/screenshots.mjs`: builds the demo, serves it with `vite preview` and saves
// screenshots of the main screens in docs/ for the README. Not part of `npm test`.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROME_ARGS, ensureChrome } from './find-chrome.mjs';

/** Story record ids (mocks/seed/story.ts): `5707` + 24 zeros + a 4-hex code. */
const story = (code) => `5707${'0'.repeat(24)}${code}`;
const LOAN_CASE = story('0a01');
const NEAR_MISS_CASE = story('0c01');
const FIONA = story('0b03');
const FLEET_ROOT_ITEM = story('0b05');

const outDir = mkdtempSync(join(tmpdir(), 'cam-demo-'));
mkdirSync('docs', { recursive: true });
await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({
  configFile: 'vite.config.ts',
  logLevel: 'warn',
  build: { outDir },
  preview: { host: '127.0.0.1', port: 0, strictPort: false },
});
const base = server.resolvedUrls?.local[0];
if (!base) throw new Error('vite preview did not report a URL');

const browser = await chromium.launch({
  executablePath: await ensureChrome(),
  args: CHROME_ARGS,
  headless: true,
});
const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, reducedMotion: 'reduce' });

async function open(hash) {
  await page.goto(base + hash);
  await page.waitForSelector('body[data-ready]');
}

/** Waits until every badge inside `scope` shows its level (none still checking access). */
async function badgesDone(scope) {
  const badges = page.locator(`${scope} cam-effective-access-badge [part=badge]`);
  await badges.first().waitFor();
  const checking = page.locator(`${scope} cam-effective-access-badge [part=badge]:not([data-level])`);
  for (let tries = 0; tries < 300 && (await checking.count()) > 0; tries++) await page.waitForTimeout(100);
}

async function shoot(name) {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `docs/${name}` });
  console.log(`docs/${name}`);
}

try {
  await open('#/');
  await badgesDone('.story-card');
  await shoot('screenshot-home.png');

  await open(`#/case/${LOAN_CASE}`);
  await page.getByRole('cell', { name: 'Daniel Marquez', exact: true }).waitFor();
  await badgesDone('.access-list');
  await shoot('screenshot-case.png');

  await page.locator('cam-related-party-list').getByRole('button', { name: 'Add party' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add related party' });
  await dialog.getByRole('combobox', { name: 'Find a contact' }).fill('Tom Becker');
  await dialog.getByRole('option', { name: /Tom Becker/ }).click();
  await dialog.getByRole('combobox', { name: 'Relationship type' }).click();
  await dialog.getByRole('option', { name: /^Authorized Contact/ }).click();
  await dialog.locator('[part~=gain]').first().waitFor();
  await shoot('screenshot-add-party.png');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await open(`#/case/${NEAR_MISS_CASE}`);
  const row = page.locator('cam-related-party-list [role=row]').filter({ hasText: 'Maya Lindqvist' });
  const badge = row.locator('cam-effective-access-badge [part=badge][data-level]');
  await badge.click();
  await row.locator('cam-effective-access-badge [part=popover]').waitFor();
  await shoot('screenshot-badge.png');

  // The explanation's plain sentence, steps collapsed below it: Fiona on the install base item her
  // sold product covers, from an inspector deep link (the Explain form filled by name).
  await open(`#/inspector?principal=contact:${FIONA}&entity=install_base:${FLEET_ROOT_ITEM}`);
  await page.locator('cam-access-inspector .explanation .summary').waitFor();
  await shoot('screenshot-explanation.png');

  // A narrow host (390 px): rows stack name, access and the actions menu over type and kind.
  await page.setViewportSize({ width: 390, height: 780 });
  await open(`#/case/${LOAN_CASE}`);
  await page.getByRole('cell', { name: 'Daniel Marquez', exact: true }).waitFor();
  await page
    .locator('cam-related-party-list')
    .getByRole('button', { name: 'Actions for Daniel Marquez' })
    .click();
  await page.getByRole('menuitem', { name: 'Change type' }).waitFor();
  await page.locator('cam-related-party-list').scrollIntoViewIfNeeded();
  await shoot('screenshot-narrow.png');
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1360, height: 860 });

  await open('#/inspector');
  await page.locator('cam-access-inspector [role=tree]').waitFor();
  await shoot('screenshot-inspector.png');

  await open('#/review');
  await page.locator('cam-access-review [part=summary]').waitFor({ timeout: 30_000 });
  await page
    .locator('cam-access-review [part=finding][data-kind="inactive-person"] input[value=remove]')
    .click();
  await page.locator('cam-access-review [part=finding]').first().locator('details summary').click();
  await shoot('screenshot-access-review.png');

  await open(`#/case/${story('1021')}`);
  const who = page.locator('section', {
    has: page.getByRole('heading', { name: 'Who has access', level: 2 }),
  });
  await who.locator('cam-access-review [part=summary]').waitFor({ timeout: 30_000 });
  await who.scrollIntoViewIfNeeded();
  await who.locator('cam-access-review [part=row]').first().waitFor();
  await page.mouse.move(0, 0);
  await who.screenshot({ path: 'docs/screenshot-who-has-access.png' });
  console.log('docs/screenshot-who-has-access.png');
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  rmSync(outDir, { recursive: true, force: true });
}
