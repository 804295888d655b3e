/**
 * Keyboard-only use of every element on one page: Tab reaches every interactive control (list,
 * badges, picker, inspector), the badge popover, the add dialog and the inspector tabs work from
 * the keyboard, and whatever has focus shows a visible focus ring (`:focus-visible` with an outline).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { until, useElementFixtures } from '../support/fixtures.js';
import {
  allElementsTemplate,
  deepActiveElement,
  deepQueryAll,
  ignoreResizeObserverLoop,
  nameOf,
  part,
  renderAllElements,
  shadow,
  type AllElements,
} from './support.js';

const INTERACTIVE = 'button, input, select, textarea, a[href], [tabindex]';

/** Whether `el` shows a focus ring now: it matches :focus-visible and draws an outline. */
function hasVisibleFocus(el: Element | null): boolean {
  if (!el) return false;
  const style = getComputedStyle(el);
  return el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
}

/** Controls under `root` that must be in the Tab order: enabled, shown, not taken out by tabindex=-1. */
function tabbable(root: ParentNode): HTMLElement[] {
  return deepQueryAll(root, INTERACTIVE).filter(
    (el) =>
      el.tabIndex >= 0 &&
      !el.matches(':disabled') &&
      el.checkVisibility({ visibilityProperty: true }) &&
      // A delegatesFocus host is not a stop itself: its inner control is.
      !(el.shadowRoot?.delegatesFocus ?? false),
  );
}

interface Walk {
  readonly visited: Element[];
  /** Names taken when focused (a virtualised row may leave the DOM once scrolled away). */
  readonly names: string[];
  readonly withoutRing: string[];
}

/** Presses `key` until `stop` holds (or `max` presses), recording each focused element. */
async function walk(key: string, stop: (el: Element | null) => boolean, max = 80): Promise<Walk> {
  const result: Walk = { visited: [], names: [], withoutRing: [] };
  for (let i = 0; i < max; i += 1) {
    await sendKeys({ press: key });
    const active = deepActiveElement();
    if (stop(active)) return result;
    if (active && active !== document.body) {
      result.visited.push(active);
      result.names.push(nameOf(active));
      if (!hasVisibleFocus(active)) result.withoutRing.push(nameOf(active));
    }
  }
  throw new Error(`${key} did not reach the end after ${max} presses; visited ${result.names.join(', ')}`);
}

/** Tabs from the current focus to the first element matching `target`. */
async function tabTo(target: (el: Element | null) => boolean): Promise<Element> {
  await walk('Tab', target);
  const active = deepActiveElement();
  if (!active) throw new Error('nothing focused');
  return active;
}

/** Whether `el` is inside `container`, looking through shadow roots. */
function composedContains(container: Element, el: Element): boolean {
  let node: Node | null = el;
  while (node) {
    if (node === container) return true;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return false;
}

/** Every element between two plain buttons, so that Tab has a place to start and to end. */
async function renderWithEdges(): Promise<{ all: AllElements; before: HTMLElement }> {
  const all = await renderAllElements(
    html`<div>
      <button id="before">before</button>
      ${allElementsTemplate()}
      <button id="after">after</button>
    </div>`,
  );
  const before = document.getElementById('before');
  if (!before) throw new Error('no start button');
  return { all, before };
}

describe('keyboard-only use of the elements', () => {
  useElementFixtures();
  ignoreResizeObserverLoop();

  it('reaches every interactive control with Tab, and back with Shift+Tab, each with a visible focus ring', async () => {
    const { all, before } = await renderWithEdges();
    // Taken before walking: rows of the virtualised list leave the DOM once scrolled out of view.
    const expected = tabbable(all.provider);
    const expectedNames = expected.map(nameOf);
    before.focus();
    const forward = await walk('Tab', (el) => el?.id === 'after');
    expect(
      expected.filter((el) => !forward.visited.includes(el)).map(nameOf),
      'controls Tab never reached',
    ).to.deep.equal([]);
    expect(forward.withoutRing, 'focused without a visible ring').to.deep.equal([]);
    // Every element contributes stops: row actions, badges, the picker, the inspector's tab and panel.
    expect(
      expectedNames.filter((n) => n.startsWith('cam-related-party-list > button "Actions for')),
    ).to.have.length(3);
    expect(expectedNames.filter((n) => n.startsWith('cam-effective-access-badge > button'))).to.have.length(
      4,
    );
    expect(expectedNames.filter((n) => n.startsWith('cam-relationship-type-picker > input'))).to.have.length(
      1,
    );
    expect(expectedNames.filter((n) => n.startsWith('cam-access-inspector > button "tab"'))).to.have.length(
      1,
    );

    // Shift+Tab from the end walks the same stops in reverse (rows come back into the DOM).
    const backward = await walk('Shift+Tab', (el) => el === before);
    expect(backward.names, 'Shift+Tab order').to.deep.equal([...forward.names].reverse());
    expect(backward.withoutRing, 'focused without a visible ring').to.deep.equal([]);
  });

  it('opens, walks and closes the badge popover from the keyboard', async () => {
    const { all, before } = await renderWithEdges();
    before.focus();
    const badge = part(all.badge, 'badge');
    await tabTo((el) => el === badge);
    expect(hasVisibleFocus(badge)).to.equal(true);
    await sendKeys({ press: 'Enter' });
    const popover = part(all.badge, 'popover');
    await until(
      () => popover.matches(':popover-open') && deepActiveElement() === popover,
      'the focused popover',
    );
    expect(hasVisibleFocus(popover), 'the focused popover shows a ring').to.equal(true);
    const close = popover.querySelector('.close');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(close);
    expect(hasVisibleFocus(close)).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => !popover.matches(':popover-open'), 'the popover to close');
    expect(deepActiveElement()).to.equal(badge);
    expect(hasVisibleFocus(badge)).to.equal(true);
  });

  it('opens the add dialog from the list, keeps Tab inside it, and returns focus on Escape', async () => {
    const { all, before } = await renderWithEdges();
    before.focus();
    const add = part(all.list, 'add-button');
    await tabTo((el) => el === add);
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(all.list).querySelector('cam-add-party-dialog') !== null, 'the dialog');
    const dialogHost = shadow(all.list).querySelector('cam-add-party-dialog') as Element;
    const dialog = part<HTMLDialogElement>(dialogHost, 'dialog');
    await until(
      () => dialog.open && deepActiveElement() === part(dialogHost, 'search-input'),
      'the search field',
    );
    expect(hasVisibleFocus(deepActiveElement())).to.equal(true);

    const start = deepActiveElement();
    const { visited, withoutRing } = await walk('Tab', (el) => el === start, 20);
    expect(
      visited.filter((el) => !composedContains(dialog, el)).map(nameOf),
      'focus left the modal dialog',
    ).to.deep.equal([]);
    const expected = tabbable(dialog).filter((el) => el !== start);
    expect(
      expected.filter((el) => !visited.includes(el)).map(nameOf),
      'dialog controls Tab never reached',
    ).to.deep.equal([]);
    expect(withoutRing).to.deep.equal([]);

    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'the dialog to close');
    await until(() => deepActiveElement() === add, 'focus back on Add party');
  });

  it('moves between the inspector tabs with the arrow keys, each tab with a visible focus ring', async () => {
    const { all, before } = await renderWithEdges();
    before.focus();
    const tabs = [...shadow(all.inspector).querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs.length).to.be.greaterThan(2);
    await tabTo((el) => el === tabs[0]);
    const reached: string[] = [];
    for (const tab of tabs.slice(1)) {
      await sendKeys({ press: 'ArrowRight' });
      await until(() => deepActiveElement()?.id === tab.id, `focus on ${tab.id}`);
      const focused = deepActiveElement();
      expect(focused?.getAttribute('aria-selected'), tab.id).to.equal('true');
      if (hasVisibleFocus(focused)) reached.push(tab.id);
    }
    expect(reached).to.deep.equal(tabs.slice(1).map((t) => t.id));
    await sendKeys({ press: 'Home' });
    await until(() => deepActiveElement()?.id === tabs[0]?.id, 'the first tab');
    await sendKeys({ press: 'Tab' });
    const panel = deepActiveElement();
    expect(panel?.getAttribute('role')).to.equal('tabpanel');
    expect(hasVisibleFocus(panel)).to.equal(true);
  });
});
