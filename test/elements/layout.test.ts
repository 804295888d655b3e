/**
 * Layout and polish across the elements: primary buttons keep readable text when hovered, popups
 * stay inside the viewport and escape clipping containers.
 */
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { useElementFixtures } from '../support/fixtures.js';
import { contrastRatio, ignoreResizeObserverLoop, part, renderAllElements } from './support.js';

/** Puts the mouse over the middle of `el`. */
async function hover(el: HTMLElement): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  const box = el.getBoundingClientRect();
  await sendMouse({
    type: 'move',
    position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
  });
}

describe('layout and polish', () => {
  useElementFixtures();
  ignoreResizeObserverLoop();
  afterEach(() => resetMouse());

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
});
