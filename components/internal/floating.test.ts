/**
 * Popup placement: the first placement, made before Floating UI has loaded, already keeps the popup
 * next to its control and inside the viewport; once loaded, Floating UI keeps it there.
 */
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { floatNextTo, placeOnce, preloadFloating } from './floating.js';
import { until } from '../../test/support/fixtures.js';

/** A control at `where` (fixed) and a shown popover of `height` px. */
async function scene(where: string, height: number): Promise<{ control: HTMLElement; popup: HTMLElement }> {
  const root = await fixture<HTMLElement>(
    html`<div>
      <button style="position: fixed; ${where}; width: 6rem">Open</button>
      <div
        popover
        style="box-sizing: border-box; position: fixed; inset: auto; margin: 0; width: 14rem; height: ${height}px"
      ></div>
    </div>`,
  );
  const control = root.querySelector('button') as HTMLElement;
  const popup = root.querySelector('[popover]') as HTMLElement;
  popup.showPopover();
  return { control, popup };
}

function expectInViewport(el: Element): void {
  const box = el.getBoundingClientRect();
  expect(box.left, 'left').to.be.at.least(0);
  expect(box.top, 'top').to.be.at.least(0);
  expect(box.right, 'right').to.be.at.most(innerWidth);
  expect(box.bottom, 'bottom').to.be.at.most(innerHeight);
}

describe('popup placement', () => {
  before(() => setViewport({ width: 800, height: 600 }));
  afterEach(() => fixtureCleanup());

  it('places the popup below its control, start-aligned, when it fits', async () => {
    const { control, popup } = await scene('top: 20px; left: 40px', 120);
    placeOnce(control, popup);
    const c = control.getBoundingClientRect();
    const p = popup.getBoundingClientRect();
    expect(p.top).to.be.greaterThan(c.bottom);
    expect(p.top - c.bottom).to.be.lessThan(10);
    expect(p.left).to.equal(Math.round(c.left));
    expectInViewport(popup);
  });

  it('opens upwards for a control at the bottom, and shifts left at the right edge', async () => {
    const { control, popup } = await scene('bottom: 4px; right: 4px', 200);
    placeOnce(control, popup);
    const c = control.getBoundingClientRect();
    const p = popup.getBoundingClientRect();
    expect(p.bottom).to.be.at.most(c.top);
    expectInViewport(popup);
  });

  it('aligns the end of the popup with the control for bottom-end', async () => {
    const { control, popup } = await scene('top: 20px; left: 400px', 80);
    placeOnce(control, popup, { placement: 'bottom-end' });
    const c = control.getBoundingClientRect();
    const p = popup.getBoundingClientRect();
    expect(Math.abs(p.right - c.right)).to.be.lessThan(1.5);
  });

  it('limits the height to the room on the chosen side, and matches the control width when asked', async () => {
    const { control, popup } = await scene('top: 250px; left: 20px; width: 20rem', 900);
    popup.style.height = '';
    popup.style.maxHeight = 'var(--float-height)';
    popup.style.width = 'auto';
    popup.append(Object.assign(document.createElement('div'), { style: 'height: 900px' }));
    placeOnce(control, popup, { matchWidth: true });
    expectInViewport(popup);
    expect(popup.getBoundingClientRect().width).to.be.at.least(control.getBoundingClientRect().width - 0.5);
  });

  it('places the popup at once, then keeps it placed with Floating UI until stopped', async () => {
    const { control, popup } = await scene('bottom: 4px; left: 10px', 150);
    const stop = floatNextTo(control, popup);
    await preloadFloating();
    await until(() => popup.style.left !== '' && popup.style.top !== '', 'placed');
    expectInViewport(popup);
    expect(popup.getBoundingClientRect().bottom).to.be.at.most(control.getBoundingClientRect().top);
    // Floating UI follows the control when it moves: back below it once there is room.
    Object.assign(control.style, { bottom: 'auto', top: '100px' });
    await until(
      () => popup.getBoundingClientRect().top >= control.getBoundingClientRect().bottom,
      'moved with its control',
    );
    expectInViewport(popup);
    stop();
  });
});
