/**
 * No style leaks in or out. The elements' internals live in shadow roots, so the page's selectors
 * cannot reach them and their selectors cannot reach the page.
 *
 * Decision on inherited properties: inheritance crosses shadow boundaries by design. Every element
 * sets font-family, font-size, line-height and color on `:host` from `--cam-*` tokens, so the
 * typography a page sets on its ancestors (`body { color; font }`) does not reach inside; that is
 * tested below. A rule that selects the host element itself (`*`, `cam-related-party-list {…}`) wins
 * over `:host` by the cascade (the outer context beats `:host`), and what it sets then inherits
 * inward: that is the page deliberately styling the element, the accepted typography escape hatch,
 * so the hostile-sheet test compares only non-inherited properties. Lengths in `rem` follow the
 * page's root font size on purpose (users' font size preferences), so sizes are not compared either.
 * The supported theming surface is `--cam-*` custom properties and `::part()` (theming.test.ts).
 */
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { renderInProvider, until, useElementFixtures } from '../support/fixtures.js';
import { REVIEW_STORY } from '../../mocks/seed/review-story.js';
import type { CamAccessReview } from '../../components/access-review/cam-access-review.component.js';
import {
  addDocumentStyle,
  deepQueryAll,
  ignoreResizeObserverLoop,
  nameOf,
  part,
  renderAllElements,
  shadow,
  type AllElements,
} from './support.js';

const HOSTILE = `
  * { color: red !important; font-size: 40px !important; display: inline !important;
      background: yellow !important; border: 5px dashed red !important; padding: 30px !important;
      margin: 30px !important; opacity: 0.2 !important; visibility: visible !important;
      position: static !important; list-style: square !important; box-sizing: content-box !important; }
  button, input, select, dialog, h2, p, span, label, section { display: none !important; }
  table, thead, tbody, tr, th, td, ul, ol, li, dl, dt, dd { display: none !important; }
  [role], [part], [popover], .row, .toolbar, .level, .body, .field { display: none !important; }
  cam-related-party-list div, cam-access-inspector div, cam-effective-access-badge div { display: none !important; }
  cam-access-review div, article, fieldset, details, progress { display: none !important; }
  cam-related-party-list *, cam-access-inspector *, cam-add-party-dialog *, cam-access-review * { visibility: hidden !important; }
`;

/** Non-inherited properties whose computed value does not depend on font size or the host's width. */
const NON_INHERITED = [
  'display',
  'position',
  'float',
  'opacity',
  'box-sizing',
  'background-color',
  'background-image',
  'border-top-style',
  'border-right-style',
  'border-bottom-style',
  'border-left-style',
  'outline-style',
  'overflow-x',
  'overflow-y',
  'flex-direction',
  'flex-wrap',
  'justify-content',
  'align-items',
  'border-collapse',
  'text-decoration-line',
  'z-index',
] as const;

type Snapshot = Map<Element, readonly string[]>;

/** Computed non-inherited styles of every element inside every shadow root on the page. */
function snapshotInternals(all: AllElements): Snapshot {
  const internals = deepQueryAll<Element>(shadow(all.provider), '*').concat(
    ...[all.list, all.badge, all.picker, all.dialog, all.inspector].map((el) =>
      deepQueryAll<Element>(shadow(el), '*'),
    ),
  );
  const snapshot: Snapshot = new Map();
  for (const el of internals) {
    if (el.localName === 'style') continue;
    const computed = getComputedStyle(el);
    snapshot.set(
      el,
      NON_INHERITED.map((p) => `${p}: ${computed.getPropertyValue(p)}`),
    );
  }
  return snapshot;
}

function differences(before: Snapshot, after: Snapshot): string[] {
  const found: string[] = [];
  for (const [el, styles] of before) {
    const now = after.get(el) ?? [];
    const changed = styles.flatMap((style, i) => (now[i] === style ? [] : [`${style} → ${now[i]}`]));
    if (changed.length > 0) found.push(`${nameOf(el)}: ${changed.join(', ')}`);
  }
  return found;
}

/** One text-bearing part of each element. */
const typographyParts = (all: AllElements): HTMLElement[] => [
  part(all.list, 'count'),
  part(all.list, 'name-cell'),
  part(all.badge, 'badge'),
  part(all.picker, 'label'),
  part(all.dialog, 'title'),
  part(all.inspector, 'tab'),
];

const visible = (el: Element): boolean =>
  el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().height > 0;

/** Light-DOM probes of the browser's default styles. */
const PROBES = html`<div class="probes">
  <button type="button">b</button>
  <table>
    <tr>
      <td>t</td>
    </tr>
  </table>
  <ul>
    <li>l</li>
  </ul>
  <input type="text" aria-label="probe" /><select aria-label="probe">
    <option>o</option>
  </select>
  <p>p</p>
  <h2>h</h2>
</div>`;
const PROBE_PROPERTIES = [
  ...NON_INHERITED,
  'visibility',
  'list-style-type',
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'padding-top',
  'padding-left',
  'margin-top',
  'margin-left',
  'border-top-width',
  'border-top-color',
  'border-top-left-radius',
  'cursor',
  'outline-width',
] as const;

function probeStyles(root: ParentNode, view: Window): string[] {
  return [...root.querySelectorAll('.probes > *, .probes li, .probes td')].map((el) => {
    const computed = view.getComputedStyle(el);
    return `${el.localName} { ${PROBE_PROPERTIES.map((p) => `${p}: ${computed.getPropertyValue(p)}`).join('; ')} }`;
  });
}

/** The probes' styles in an empty document: the browser's defaults. */
async function defaultProbeStyles(): Promise<string[]> {
  const frame = document.createElement('iframe');
  frame.srcdoc = '<!doctype html><html><body></body></html>';
  const ready = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await ready;
  const doc = frame.contentDocument;
  if (!doc || !frame.contentWindow) throw new Error('no iframe document');
  render(PROBES, doc.body);
  const styles = probeStyles(doc, frame.contentWindow);
  frame.remove();
  return styles;
}

describe('style isolation of the elements', () => {
  useElementFixtures();
  ignoreResizeObserverLoop();
  let removeStyle: (() => void) | undefined;
  afterEach(() => {
    removeStyle?.();
    removeStyle = undefined;
  });

  it('keeps every internal non-inherited style when the page adds a hostile stylesheet', async () => {
    const all = await renderAllElements();
    const before = snapshotInternals(all);
    expect(before.size).to.be.greaterThan(100);
    removeStyle = addDocumentStyle(HOSTILE);
    // The sheet does apply to the page (and to the hosts themselves, as the cascade wants).
    expect(getComputedStyle(all.list).display).to.equal('inline');
    expect(differences(before, snapshotInternals(all))).to.deep.equal([]);
  });

  it('keeps rows, buttons and tabs laid out and visible under the hostile stylesheet', async () => {
    const all = await renderAllElements();
    removeStyle = addDocumentStyle(HOSTILE);
    const rows = [...shadow(all.list).querySelectorAll('[part~="row"]')];
    expect(rows).to.have.length(3);
    for (const row of rows) {
      expect(getComputedStyle(row).display, 'row display').to.equal('grid');
      expect(visible(row), 'row visible').to.equal(true);
    }
    // Not the items of the closed row menus (popups; see the next test).
    const buttons = deepQueryAll(shadow(all.list), 'button:not(.close):not([role="menuitem"])');
    expect(buttons.length).to.be.greaterThan(10);
    for (const button of buttons) expect(visible(button), nameOf(button)).to.equal(true);
    expect(getComputedStyle(part(all.list, 'toolbar')).display).to.equal('flex');
    expect(visible(part(all.badge, 'badge'))).to.equal(true);
    expect(visible(part(all.picker, 'input'))).to.equal(true);
    for (const tab of shadow(all.inspector).querySelectorAll('[role="tab"]')) {
      expect(visible(tab), nameOf(tab)).to.equal(true);
    }
    // A real <table> and list inside the inspector stay tables and lists.
    all.inspector.tab = 'responsibilities';
    await all.inspector.updateComplete;
    const table = part(all.inspector, 'table');
    expect(getComputedStyle(table).display).to.equal('table');
    expect(visible(table.querySelector('tbody tr') as Element)).to.equal(true);
    const li = shadow(all.inspector).querySelector('td li');
    expect(li && getComputedStyle(li).display).to.equal('list-item');
  });

  it('keeps the open popover and dialog intact under the hostile stylesheet', async () => {
    const all = await renderAllElements();
    removeStyle = addDocumentStyle(HOSTILE);
    // A row's actions menu, at once: the page's layout may scroll the virtualised rows away.
    const menuButton = shadow(all.list).querySelector<HTMLButtonElement>('.menu-button');
    menuButton?.click();
    // The menu opens once its code has loaded (on demand).
    const openItems = () => [
      ...shadow(all.list).querySelectorAll('[role="menu"]:popover-open [role="menuitem"]'),
    ];
    await until(() => openItems().length > 0, 'the row menu to open');
    const items = openItems();
    expect(items).to.have.length(2);
    for (const item of items) expect(visible(item), nameOf(item)).to.equal(true);
    menuButton?.click();
    part(all.badge, 'badge').click();
    const popover = part(all.badge, 'popover');
    await until(() => popover.querySelector('ul') !== null, 'the explanation');
    expect(popover.matches(':popover-open')).to.equal(true);
    expect(visible(popover)).to.equal(true);
    const tree = popover.querySelector('ul');
    expect(tree && getComputedStyle(tree).display).to.equal('block');
    // A modal dialog closes open popovers, so the dialog comes second.
    all.dialog.show();
    await all.dialog.updateComplete;
    const dialog = part(all.dialog, 'dialog');
    expect(getComputedStyle(dialog).display).to.equal('flex');
    for (const name of ['title', 'search-input', 'kind-select', 'cancel-button', 'save-button']) {
      expect(visible(part(all.dialog, name)), name).to.equal(true);
    }
    all.dialog.close();
  });

  it('does not take the typography the page sets on its ancestors', async () => {
    const all = await renderAllElements();
    const typography = () =>
      typographyParts(all).map((el) => {
        const computed = getComputedStyle(el);
        return [computed.color, computed.fontFamily, computed.fontSize, computed.lineHeight].join(' | ');
      });
    const before = typography();
    removeStyle = addDocumentStyle('body { color: red; font: 40px/3 "Comic Sans MS", cursive; }');
    expect(getComputedStyle(document.body).color).to.equal('rgb(255, 0, 0)');
    expect(typography()).to.deep.equal(before);
    for (const el of [all.list, all.badge, all.picker, all.dialog, all.inspector]) {
      const host = getComputedStyle(el);
      expect(host.color, el.localName).to.not.equal('rgb(255, 0, 0)');
      expect(host.fontFamily, el.localName).to.not.include('Comic Sans');
    }
  });

  it('leaves the browser defaults of light-DOM controls next to the elements', async () => {
    const defaults = await defaultProbeStyles();
    const all = await renderAllElements();
    const probes = document.createElement('div');
    render(PROBES, probes);
    all.provider.after(probes);
    try {
      expect(document.adoptedStyleSheets).to.have.length(0);
      expect(probeStyles(document, window)).to.deep.equal(defaults);
      // Also with a popup open: a popover or dialog must not bring page-level styles along.
      part(all.badge, 'badge').click();
      await all.badge.updateComplete;
      expect(probeStyles(document, window)).to.deep.equal(defaults);
      all.dialog.show();
      await all.dialog.updateComplete;
      expect(probeStyles(document, window)).to.deep.equal(defaults);
    } finally {
      all.dialog.close();
      probes.remove();
    }
  });
});

describe('style isolation of <cam-access-review>', () => {
  useElementFixtures();
  ignoreResizeObserverLoop();
  let removeStyle: (() => void) | undefined;
  afterEach(() => {
    removeStyle?.();
    removeStyle = undefined;
  });

  /** The review of the review story's account, with its findings and matrix rows rendered. */
  async function renderReview(): Promise<CamAccessReview> {
    const { element } = await renderInProvider<CamAccessReview>(
      html`<cam-access-review account-id=${REVIEW_STORY.account.id}></cam-access-review>`,
      'cam-access-review',
    );
    await until(() => element.shadowRoot?.querySelector('[part~="summary"]') != null, 'the review', 15_000);
    part(element, 'matrix-body').scrollIntoView();
    await until(() => element.shadowRoot?.querySelector('[part~="row"]') != null, 'matrix rows');
    return element;
  }

  function snapshot(review: CamAccessReview): Snapshot {
    const styles: Snapshot = new Map();
    for (const el of deepQueryAll<Element>(shadow(review), '*')) {
      if (el.localName === 'style') continue;
      const computed = getComputedStyle(el);
      styles.set(
        el,
        NON_INHERITED.map((p) => `${p}: ${computed.getPropertyValue(p)}`),
      );
    }
    return styles;
  }

  it('keeps its internal styles, findings, decisions and rows under a hostile page stylesheet', async () => {
    const review = await renderReview();
    const before = snapshot(review);
    expect(before.size).to.be.greaterThan(100);
    removeStyle = addDocumentStyle(HOSTILE);
    expect(getComputedStyle(review).display, 'the sheet reaches the host').to.equal('inline');
    // Only what is still rendered (the virtualised matrix may bring other rows in).
    const kept = new Map([...before].filter(([el]) => el.isConnected));
    expect(kept.size).to.be.greaterThan(100);
    expect(differences(kept, snapshot(review))).to.deep.equal([]);
    const findings = [...shadow(review).querySelectorAll('[part~="finding"]')];
    expect(findings.length).to.be.greaterThan(5);
    for (const finding of findings) {
      expect(visible(finding), nameOf(finding)).to.equal(true);
      for (const radio of finding.querySelectorAll('input[type=radio]'))
        expect(visible(radio), nameOf(radio)).to.equal(true);
    }
    for (const button of shadow(review).querySelectorAll(
      '[part~="apply-bar"] button, [part~="export"] button',
    ))
      expect(visible(button), nameOf(button)).to.equal(true);
    const row = shadow(review).querySelector('[part~="row"]') as Element;
    expect(getComputedStyle(row).display).to.equal('grid');
    expect(visible(row)).to.equal(true);
  });

  it('does not take the typography the page sets on its ancestors', async () => {
    const review = await renderReview();
    const typography = () =>
      ['summary', 'finding', 'severity', 'row'].map((name) => {
        const computed = getComputedStyle(part(review, name));
        return [computed.color, computed.fontFamily, computed.fontSize, computed.lineHeight].join(' | ');
      });
    const before = typography();
    removeStyle = addDocumentStyle('body { color: red; font: 40px/3 "Comic Sans MS", cursive; }');
    expect(typography()).to.deep.equal(before);
    expect(getComputedStyle(review).fontFamily).to.not.include('Comic Sans');
  });
});
