/**
 * Layout and polish across the elements: primary buttons keep readable text when hovered; popups
 * (the badge's explanation, the picker's list) stay inside the viewport wherever their control sits
 * and are not clipped by an `overflow: hidden` container or a dialog's scrolling body.
 */
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import { STORY } from '../../mocks/seed/story.js';
import { renderInProvider, until, useElementFixtures } from '../support/fixtures.js';
import type { CamEffectiveAccessBadge } from '../../components/effective-access-badge/cam-effective-access-badge.component.js';
import type { CamRelationshipTypePicker } from '../../components/relationship-type-picker/cam-relationship-type-picker.component.js';
import {
  CASE_TABLE,
  contrastRatio,
  ignoreResizeObserverLoop,
  part,
  renderAllElements,
  shadow,
} from './support.js';

const LOAN = STORY.housingLoan;

/** Puts the mouse over the middle of `el`. */
async function hover(el: HTMLElement): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  const box = el.getBoundingClientRect();
  await sendMouse({
    type: 'move',
    position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
  });
}

/** Fails unless `el`'s box lies inside the viewport. */
function expectInViewport(el: Element, what: string): void {
  const box = el.getBoundingClientRect();
  expect(box.width, `${what} width`).to.be.greaterThan(0);
  expect(box.left, `${what} left`).to.be.at.least(0);
  expect(box.top, `${what} top`).to.be.at.least(0);
  expect(box.right, `${what} right`).to.be.at.most(innerWidth);
  expect(box.bottom, `${what} bottom`).to.be.at.most(innerHeight);
}

/**
 * Fails unless `el` is what a pointer finds at its own centre and near its far corner: nothing
 * (a clipping ancestor, the page) covers or cuts it.
 */
function expectReachable(el: Element, what: string): void {
  const root = el.getRootNode() as ShadowRoot | Document;
  const box = el.getBoundingClientRect();
  for (const [x, y] of [
    [box.left + box.width / 2, box.top + box.height / 2],
    [box.right - 3, box.bottom - 3],
  ] as const) {
    const hit = root.elementFromPoint(x, y);
    expect(hit !== null && (hit === el || el.contains(hit)), `${what} at ${x},${y}`).to.equal(true);
  }
}

const badgeTemplate = (): TemplateResult =>
  html`<cam-effective-access-badge
    entity-table=${CASE_TABLE}
    entity-id=${LOAN.caseId}
    principal-type="contact"
    principal-id=${LOAN.attorney.id}
  ></cam-effective-access-badge>`;

async function openBadge(badge: CamEffectiveAccessBadge): Promise<HTMLElement> {
  await until(() => badge.shadowRoot?.querySelector('button[part=badge]') != null, 'the badge');
  part(badge, 'badge').click();
  const popover = part(badge, 'popover');
  await until(() => popover.matches(':popover-open') && popover.querySelector('ul') !== null, 'the popover');
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return popover;
}

async function openPicker(picker: CamRelationshipTypePicker): Promise<HTMLElement> {
  await until(() => picker.shadowRoot?.querySelector('input:not([disabled])') != null, 'the picker');
  picker.focus();
  await sendKeys({ press: 'ArrowDown' });
  await until(() => shadow(picker).querySelector('[role="option"]') !== null, 'the options');
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return part(picker, 'listbox');
}

describe('layout and polish', () => {
  useElementFixtures();
  ignoreResizeObserverLoop();
  afterEach(async () => {
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
  });

  it('keeps primary buttons readable (4.5:1) when hovered', async () => {
    const all = await renderAllElements();
    all.inspector.tab = 'explain';
    await all.inspector.updateComplete;
    const buttons = [part(all.list, 'add-button'), part(all.inspector, 'explain-button')];
    for (const button of buttons) {
      await hover(button);
      expect(button.matches(':hover'), 'hovered').to.equal(true);
      const computed = getComputedStyle(button);
      const ratio = contrastRatio(computed.color, computed.backgroundColor);
      expect(ratio, `${button.textContent?.trim()} on hover`).to.be.at.least(4.5);
    }
  });

  for (const width of [1366, 390]) {
    it(`keeps the badge's explanation inside a ${width} px viewport when the badge sits at the right edge`, async () => {
      await setViewport({ width, height: 700 });
      const { element } = await renderInProvider<CamEffectiveAccessBadge>(
        html`<div style="display: flex; justify-content: flex-end">${badgeTemplate()}</div>`,
        'cam-effective-access-badge',
      );
      const popover = await openBadge(element);
      expectInViewport(popover, 'popover');
      const close = popover.querySelector('.close');
      if (!close) throw new Error('no close button');
      expectInViewport(close, 'close button');
      expectReachable(close, 'close button');
    });
  }

  it('opens the explanation upwards, inside the viewport, for a badge at the bottom of the page', async () => {
    await setViewport({ width: 800, height: 500 });
    const { element } = await renderInProvider<CamEffectiveAccessBadge>(
      html`<div style="position: fixed; bottom: 4px; left: 4px">${badgeTemplate()}</div>`,
      'cam-effective-access-badge',
    );
    const popover = await openBadge(element);
    expectInViewport(popover, 'popover');
  });

  it('is not clipped by an overflow: hidden container: the explanation and the picker list', async () => {
    const { provider } = await renderInProvider<HTMLElement>(
      html`<div style="overflow: hidden; height: 5rem; width: 14rem">
        ${badgeTemplate()}
        <cam-relationship-type-picker
          applies-to=${CASE_TABLE}
          party-type="contact"
        ></cam-relationship-type-picker>
      </div>`,
      'div',
    );
    const badge = provider.querySelector<CamEffectiveAccessBadge>('cam-effective-access-badge');
    const picker = provider.querySelector<CamRelationshipTypePicker>('cam-relationship-type-picker');
    if (!badge || !picker) throw new Error('not rendered');
    const popover = await openBadge(badge);
    expectReachable(popover, 'popover');
    popover.hidePopover();
    const listbox = await openPicker(picker);
    expectInViewport(listbox, 'listbox');
    expectReachable(listbox, 'listbox');
  });

  it('shows the whole relationship type list inside the add dialog, within the viewport', async () => {
    await setViewport({ width: 390, height: 640 });
    const all = await renderAllElements();
    all.dialog.show();
    await all.dialog.updateComplete;
    const inner = shadow(all.dialog).querySelector<CamRelationshipTypePicker>('cam-relationship-type-picker');
    if (!inner) throw new Error('no picker in the dialog');
    const listbox = await openPicker(inner);
    expectInViewport(listbox, 'listbox');
    expectReachable(listbox, 'listbox');
  });

  for (const width of [390, 1366]) {
    it(`keeps name, type, access and the actions menu of every row visible at ${width} px, without sideways scrolling (axe clean)`, async () => {
      await setViewport({ width, height: 800 });
      const { element: list } = await renderInProvider<HTMLElement>(
        html`<cam-related-party-list
          entity-table=${CASE_TABLE}
          entity-id=${LOAN.caseId}
        ></cam-related-party-list>`,
        'cam-related-party-list',
      );
      await until(() => shadow(list).querySelectorAll('[part~="row"]').length === 3, 'three rows');
      await until(
        () =>
          [...shadow(list).querySelectorAll('cam-effective-access-badge')].every(
            (b) => b.shadowRoot?.querySelector('button[part=badge]') != null,
          ),
        'the badges',
      );
      expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(innerWidth);
      const host = list.getBoundingClientRect();
      for (const row of shadow(list).querySelectorAll<HTMLElement>('[part~="row"]')) {
        for (const selector of ['.name', '.type', '.access cam-effective-access-badge', '.menu-button']) {
          const cell = row.querySelector(selector);
          if (!cell) throw new Error(`no ${selector}`);
          const box = cell.getBoundingClientRect();
          expect(box.width, `${selector} shown`).to.be.greaterThan(0);
          expect(box.left, `${selector} left`).to.be.at.least(host.left - 0.5);
          expect(box.right, `${selector} right`).to.be.at.most(host.right + 0.5);
        }
        expectReachable(row.querySelector('.menu-button') as Element, 'the actions button');
      }
      await expect(list).to.be.accessible();
    });
  }
});
