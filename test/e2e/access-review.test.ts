/**
 * The demo's access review, built and served under a sub-path: the "Access review" page of the
 * review story's account shows a finding of every kind and applies a decision by keyboard; the
 * "Who has access" section of a record page lists everyone who reaches it, with the path; both
 * axe-clean, also 390 px wide.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { REVIEW_STORY } from '../../mocks/seed/review-story.js';
import { FINDING_KINDS } from '../../src/review/types.js';
import { expectAccessible } from './support/axe.js';
import { useBuiltDemo } from './support/built-demo.js';
import type { DemoPage } from './support/demo-page.js';
import { waitForText } from './support/wait.js';

const BASE_PATH = '/review/base/';
const S = REVIEW_STORY;

describe('demo access review (built, under a sub-path)', { timeout: 150_000 }, () => {
  let page: Page;
  let errors: string[];
  let demo: DemoPage;
  const builtDemo = useBuiltDemo(BASE_PATH);
  before(() => ({ page, errors, demo } = builtDemo()));

  const review = () => page.locator('cam-access-review');
  const finding = (kind: string) => review().locator(`[part=finding][data-kind="${kind}"]`);

  it('the Access review page shows a finding of every kind for the review story account', async () => {
    await demo.open('#/');
    await page.getByRole('link', { name: 'Access review', exact: true }).click();
    await waitForText(page.locator('h1'), new RegExp(`Access review: ${S.account.name.replace('&', '.')}`));
    await waitForText(
      review().locator('[part=summary]'),
      /Records: \d+ · people with access: \d+ · findings: \d+/,
      30_000,
    );
    for (const kind of FINDING_KINDS) await waitForText(finding(kind).first(), /Suggested fix:/);
    await waitForText(finding('inactive-person'), new RegExp(S.inactive.name));
    await expectAccessible(page, 'access review loaded');
  });

  it('keyboard: decide to remove the inactive contact and apply it', async () => {
    const keep = finding('inactive-person').getByRole('radio', { name: 'Keep' });
    await keep.focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(
      await finding('inactive-person').getByRole('radio', { name: 'Remove the party' }).isChecked(),
      true,
    );
    const apply = review().locator('[part=apply-button]');
    await waitForText(apply, /Apply 1 change\b/);
    await apply.focus();
    await page.keyboard.press('Enter');
    await waitForText(finding('inactive-person').locator('[part=result]'), /Applied/);
    await waitForText(review().locator('[part=apply-bar]'), /1 applied, 0 failed/);
    await expectAccessible(page, 'access review after apply');
  });

  it('a record page answers who has access, with level and path, and near misses', async () => {
    await demo.go(`#/case/${S.cases.migration.id}`);
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'Who has access', level: 2 }),
    });
    const rows = section.locator('cam-access-review [part=row]');
    await waitForText(section.locator('cam-access-review [part=summary]'), /findings/, 30_000);
    // The rows are virtualised: they render once the table is in view.
    await section.locator('cam-access-review [part=matrix-body]').scrollIntoViewIfNeeded();
    await waitForText(
      rows.filter({ hasText: S.listed.name }).first(),
      /write[\s\S]*Persona role[\s\S]*customer \(own\)/,
      30_000,
    );
    await section.locator('cam-access-review [part=matrix-level]').selectOption('near-miss');
    await waitForText(rows.filter({ hasText: S.noRole.name }).first(), /lacks role/);
    await expectAccessible(page, 'case page with who has access');
  });

  it('is usable 390 px wide: no sideways scrolling, axe-clean', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await demo.go('#/review');
    await waitForText(review().locator('[part=summary]'), /findings/, 30_000);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
    await expectAccessible(page, 'access review at 390 px');
    assert.deepEqual(errors, []);
  });
});
