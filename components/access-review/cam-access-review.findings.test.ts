/**
 * The findings of a large account: an ARIA feed, virtualised (a bounded number of findings in the
 * DOM), reviewed with the keyboard only — Page Down to a finding far down the list, the arrow keys
 * to decide — with focus kept when the virtualizer recycles the focused finding while scrolling.
 * And the states around the findings (none, a load error, a cancelled load) at 390 px.
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  ignoreResizeObserverLoop,
  renderInProvider,
  until,
  useElementFixtures,
} from '../../test/support/fixtures.js';
import { getStore } from '../../mocks/db.js';
import { faults } from '../../mocks/faults.js';
import { seedLargeAccount } from '../../mocks/seed/large-account.js';
import './cam-access-review.js';
import type { CamAccessReview } from './cam-access-review.component.js';

const root = (el: CamAccessReview): ShadowRoot => el.shadowRoot as ShadowRoot;
const one = <E extends Element = HTMLElement>(el: CamAccessReview, selector: string): E =>
  root(el).querySelector<E>(selector) as E;
const articles = (el: CamAccessReview): HTMLElement[] => [
  ...root(el).querySelectorAll<HTMLElement>('[role=feed] > article'),
];
const position = (node: Element | null): number => Number(node?.getAttribute('aria-posinset') ?? 0);
/** The article holding focus (or focus itself being an article). */
const focusedArticle = (el: CamAccessReview): HTMLElement | null =>
  root(el).activeElement?.closest<HTMLElement>('article') ?? null;

describe('<cam-access-review> findings of a large account', () => {
  useElementFixtures();
  ignoreResizeObserverLoop();

  it('a virtualised feed: decide far down the list with the keyboard; focus survives recycling', async function () {
    this.timeout(120_000);
    const large = seedLargeAccount(getStore(), {
      cases: 400,
      parties: 1_600,
      contacts: 120,
      soldProducts: 20,
    });
    const { element: el } = await renderInProvider<CamAccessReview>(
      html`<cam-access-review account-id=${large.accountId}></cam-access-review>`,
      'cam-access-review',
    );
    await until(() => articles(el).length > 0, 'the first findings', 90_000);
    const total = el.findings.length;
    expect(total, 'enough findings to virtualise').to.be.greaterThan(300);
    const feed = one(el, '[role=feed]');
    expect(feed.getAttribute('aria-labelledby')).to.equal('findings-title');
    expect(articles(el).length, 'only the findings in view are in the DOM').to.be.below(100);
    for (const article of articles(el)) {
      expect(article.getAttribute('aria-setsize')).to.equal(String(total));
      const summary = root(el).getElementById(article.getAttribute('aria-labelledby') ?? '');
      expect(summary?.textContent?.trim(), 'each finding is named by its summary').to.not.equal('');
    }

    // Keyboard only: from the first finding, Page Down well past the findings first rendered.
    const first = articles(el).find((a) => position(a) === 1) as HTMLElement;
    first.focus();
    const target = 60;
    for (let i = 1; i < target; i++) await sendKeys({ press: 'PageDown' });
    await until(() => position(focusedArticle(el)) === target, `focus on finding ${target}`);
    expect(position(articles(el)[0] ?? null), 'the first findings were recycled').to.be.greaterThan(1);
    const article = focusedArticle(el) as HTMLElement;
    const id = article.dataset['finding'] as string;
    expect(id).to.equal(el.findings[target - 1]?.id);

    // Into the finding with Tab, to its decision; the arrow keys choose.
    for (let i = 0; i < 6 && (root(el).activeElement as HTMLInputElement | null)?.type !== 'radio'; i++)
      await sendKeys({ press: 'Tab' });
    const keep = root(el).activeElement as HTMLInputElement;
    expect(keep.value, 'the decision is reached by keyboard, on the current choice').to.equal('keep');
    expect(keep.closest('article')?.dataset['finding']).to.equal(id);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.currentDecisions.get(id)?.action).to.equal('remove');
    const focusedRadio = () => root(el).activeElement as HTMLInputElement | null;
    expect(focusedRadio()?.value).to.equal('remove');

    // The finding scrolls out and the virtualizer removes it: focus stays in the feed...
    const scroller = one(el, '[part=findings-body]');
    scroller.scrollTop = 0;
    await until(
      () => !articles(el).some((a) => a.dataset['finding'] === id),
      'the decided finding out of the DOM',
    );
    await until(() => root(el).activeElement === feed, 'focus parked on the feed');
    // ...and returns to the same control when the finding is back (scrolling down as a reader does).
    const present = () => articles(el).some((a) => a.dataset['finding'] === id);
    for (let step = 0; step < 200 && !present(); step++) {
      scroller.scrollTop += 200;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await until(
      () =>
        focusedRadio()?.value === 'remove' && focusedRadio()?.closest('article')?.dataset['finding'] === id,
      'focus back on the decision',
    );
    expect(focusedRadio()?.checked).to.equal(true);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.currentDecisions.get(id)?.action).to.equal('change-type');
    await until(
      () => one(el, `article[data-finding="${CSS.escape(id)}"] [part=type-select]`) !== null,
      'type',
    );
    // Page Up from inside a finding goes to the one before.
    await sendKeys({ press: 'PageUp' });
    await until(() => position(focusedArticle(el)) === target - 1, `focus on finding ${target - 1}`);
    expect(root(el).activeElement).to.equal(focusedArticle(el));
    await expect(el).to.be.accessible();
  });

  it('a long feed is usable 390 px wide', async function () {
    this.timeout(120_000);
    await setViewport({ width: 390, height: 800 });
    try {
      const large = seedLargeAccount(getStore(), { cases: 150, parties: 500, contacts: 40, soldProducts: 8 });
      const { element: el } = await renderInProvider<CamAccessReview>(
        html`<cam-access-review account-id=${large.accountId}></cam-access-review>`,
        'cam-access-review',
      );
      await until(() => articles(el).length > 0, 'the first findings', 90_000);
      expect(el.findings.length).to.be.greaterThan(100);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
      for (const article of articles(el)) expect(article.scrollWidth).to.be.at.most(article.clientWidth + 1);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('no findings, a load error and a cancelled load are usable and accessible 390 px wide', async function () {
    this.timeout(60_000);
    await setViewport({ width: 390, height: 800 });
    const narrow = (el: CamAccessReview) => expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    try {
      // A case nobody is named on: nothing looks wrong.
      const quiet = getStore().insert('sn_customerservice_case', {
        number: 'CS0099001',
        short_description: 'A quiet case',
        state: 'open',
      });
      const { element: el } = await renderInProvider<CamAccessReview>(
        html`<cam-access-review
          entity-table="sn_customerservice_case"
          entity-id=${String(quiet.sys_id)}
        ></cam-access-review>`,
        'cam-access-review',
      );
      await until(() => root(el).querySelector('[part=no-findings]') !== null, 'no findings', 15_000);
      expect(root(el).querySelector('[role=feed]')).to.equal(null);
      narrow(el);
      await expect(el).to.be.accessible();
      // The read fails: the reason and Retry.
      faults.set({ errorRate: [{ status: 500, rate: 1 }], tables: ['sn_customerservice_case'] });
      el.reload();
      await until(() => root(el).querySelector('[role=alert]') !== null, 'the error', 15_000);
      narrow(el);
      await expect(el).to.be.accessible();
      // Slow reads, cancelled.
      faults.reset();
      faults.set({ latencyMs: 500 });
      el.reload();
      await until(() => root(el).querySelector('[part=progress] button') !== null, 'progress');
      narrow(el);
      await expect(el).to.be.accessible();
      el.cancel();
      await until(() => root(el).querySelector('.cancelled') !== null, 'cancelled');
      narrow(el);
      await expect(el).to.be.accessible();
    } finally {
      faults.reset();
      await setViewport({ width: 1280, height: 800 });
    }
  });
});
