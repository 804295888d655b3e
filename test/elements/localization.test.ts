/**
 * Localisation through @lit/localize (runtime mode): a host calls configureCamLocalization with its
 * locale loader, then setLocale; every element (each is @localized) re-renders in that locale.
 * Messages without an explicit id are keyed by lit-localize's hash of their source text, the same
 * id `lit-localize extract` writes into translation files, so the test computes ids that way.
 *
 * The "audit" locale translates every message into a marker: any Latin letter left in the chrome
 * of an element (labels, buttons, headers, statuses: not data from the backend) is a string that
 * does not go through msg().
 */
import { expect, oneEvent } from '@open-wc/testing';
import { str, type LocaleModule } from '@lit/localize';
import { html } from 'lit';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { configureCamLocalization } from '../../components/index.js';
import { renderInProvider, until, useElementFixtures } from '../support/fixtures.js';
import { REVIEW_STORY } from '../../mocks/seed/review-story.js';
import '../../components/access-review/cam-access-review.js';
import {
  deepQueryAll,
  ignoreResizeObserverLoop,
  part,
  renderAllElements,
  shadow,
  type AllElements,
} from './support.js';

const PSEUDO = 'en-XA';
const AUDIT = 'zz-audit';
const MARK = '⟦⟧';

/** The runtime id of `msg('text')`. */
const id = (text: string): string => generateMsgId(text, false);
/** The runtime id of ``msg(str`a${x}b`)``: the hash of its literal parts. */
const strId = (...strings: string[]): string => generateMsgId(strings, false);

const PSEUDO_TEMPLATES: LocaleModule['templates'] = {
  [id('Add party')]: '[Ädd pärty]',
  [strId('', ' parties')]: str`[${0} pärtïés]`,
  [id('Party')]: '[Pärty]',
  [id('write')]: '[wrïté]',
  [id('read')]: '[réäd]',
  [id('Relationship type')]: '[Rélätïönshïp typé]',
  [id('Add related party')]: '[Ädd rélätéd pärty]',
  [id('Roles')]: '[Rölés]',
  // A finding's sentence (components/access-review/finding-text.ts) and the entity word inside it.
  [strId('', ' is inactive but still ', ' on ', '')]: str`[${0} ïs ïnäctïvé büt stïll ${1} ön ${2}]`,
  [id('case')]: '[cäsé]',
};

/** Every message becomes the marker, whatever its id. */
const AUDIT_TEMPLATES = new Proxy<LocaleModule['templates']>({}, { get: () => MARK });

const { setLocale } = configureCamLocalization({
  targetLocales: [PSEUDO, AUDIT],
  loadLocale: async (locale) => ({ templates: locale === AUDIT ? AUDIT_TEMPLATES : PSEUDO_TEMPLATES }),
});

const text = (node: Element | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Visible and accessible text of the chrome (no backend data) of every element. */
function chromeTexts(all: AllElements): string[] {
  const list = shadow(all.list);
  const chrome: Element[] = [
    part(all.list, 'toolbar'),
    ...list.querySelectorAll('[part~="header-cell"]'),
    ...list.querySelectorAll('[part~="action"]'),
    part(all.badge, 'badge'),
    part(all.picker, 'label'),
    part(all.picker, 'input'),
    part(all.picker, 'toggle'),
    part(all.inspector, 'tabs'),
  ];
  const dialog = shadow(all.dialog).querySelector('[part="dialog"]');
  if (dialog) chrome.push(dialog);
  return ownTexts(chrome);
}

/**
 * Text nodes and accessible attributes of `chrome` and everything inside it, except options of the
 * type lists (relationship types from the backend) and near misses (the engine's English reasons).
 */
function ownTexts(chrome: readonly Element[]): string[] {
  const texts: string[] = [];
  const elements = chrome.flatMap((c) => [c, ...deepQueryAll<Element>(c, '*')]);
  for (const el of elements.filter((e) => !e.closest('[role="listbox"], .near-miss'))) {
    for (const node of el.childNodes)
      if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent ?? '');
    for (const name of ['aria-label', 'placeholder', 'title']) texts.push(el.getAttribute(name) ?? '');
  }
  return texts.map((t) => t.trim()).filter((t) => t !== '');
}

/**
 * The words of the rules (levels, permissions, tables, party kinds) where the elements show them:
 * the badge's explanation tree (open popover) and the chrome columns of the inspector's access
 * configuration table (not the responsibility and role names, which are data).
 */
async function ruleWordTexts(all: AllElements): Promise<string[]> {
  part(all.badge, 'badge').click();
  await until(() => part(all.badge, 'popover').querySelector('.result') !== null, 'the explanation tree');
  all.inspector.tab = 'access-configs';
  await all.inspector.updateComplete;
  const table = part(all.inspector, 'table');
  const cells = table.querySelectorAll('thead, tbody td:nth-child(n + 2):nth-child(-n + 5)');
  expect(cells.length, 'access configuration cells').to.be.greaterThan(8);
  const texts = ownTexts([part(all.badge, 'tree'), ...cells]);
  part(all.badge, 'popover').hidePopover();
  return texts;
}

describe('localisation of the elements', () => {
  useElementFixtures();
  ignoreResizeObserverLoop();
  afterEach(async () => {
    await setLocale('en');
  });

  it('renders every element in the locale the host sets, and back in English', async () => {
    const all = await renderAllElements();
    expect(text(part(all.list, 'add-button'))).to.equal('Add party');
    await setLocale(PSEUDO);
    await until(() => text(part(all.list, 'add-button')) === '[Ädd pärty]', 'the translated Add button');
    expect(text(part(all.list, 'count'))).to.equal('[3 pärtïés]');
    expect(text(shadow(all.list).querySelector('[part~="sort-button"]'))).to.match(/^\[Pärty\]/);
    expect(text(part(all.badge, 'badge'))).to.contain('[wrïté]');
    expect(text(part(all.picker, 'label'))).to.equal('[Rélätïönshïp typé]');
    expect(text(part(all.dialog, 'title'))).to.equal('[Ädd rélätéd pärty]');
    expect(text(part(all.inspector, 'tab'))).to.equal('[Rölés]');
    // Levels and permissions are words of the locale wherever they show, also inside sentences.
    part(all.badge, 'badge').click();
    await until(() => part(all.badge, 'popover').querySelector('.result') !== null, 'the explanation tree');
    expect(text(part(all.badge, 'popover').querySelector('.result'))).to.contain('[wrïté] ([réäd], [wrïté])');
    part(all.badge, 'popover').hidePopover();
    all.inspector.tab = 'access-configs';
    await all.inspector.updateComplete;
    const levels = [...shadow(all.inspector).querySelectorAll('[part="table"] tbody .level')].map(text);
    expect(levels).to.include('[réäd]').and.not.to.include.members(['read', 'write']);
    all.inspector.tab = 'responsibilities';
    await all.inspector.updateComplete;
    const summaries = [...shadow(all.inspector).querySelectorAll('[part="table"] tbody li')].map(text);
    expect(
      summaries.some((s) => /, \[(réäd|wrïté)\]/.test(s)),
      summaries.join(' | '),
    ).to.equal(true);
    expect(summaries.filter((s) => /, (read|write)\b/.test(s))).to.deep.equal([]);
    // Untranslated messages fall back to the English source.
    expect(
      text(part(all.list, 'add-button').closest('[part="toolbar"]')?.querySelector('label span')),
    ).to.equal('Search');

    await setLocale('en');
    await until(() => text(part(all.list, 'add-button')) === 'Add party', 'English again');
    expect(text(part(all.list, 'count'))).to.equal('3 parties');
    expect(text(part(all.inspector, 'tab'))).to.equal('Roles');
  });

  it('keeps no hard-coded English in the chrome of any element', async () => {
    await setLocale(AUDIT);
    const all = await renderAllElements();
    all.dialog.show();
    await all.dialog.updateComplete;
    const texts = chromeTexts(all);
    expect(texts.filter((t) => t.includes(MARK)).length, 'translated texts').to.be.greaterThan(30);
    expect(texts.filter((t) => /[A-Za-z]/.test(t))).to.deep.equal([]);
    const closed = oneEvent(all.dialog, 'close');
    all.dialog.close();
    await closed;
    const words = await ruleWordTexts(all);
    expect(words.filter((t) => t.includes(MARK)).length, 'translated rule words').to.be.greaterThan(10);
    expect(words.filter((t) => /[A-Za-z]/.test(t))).to.deep.equal([]);
  });
});

describe('localisation of the access review findings', () => {
  useElementFixtures();
  ignoreResizeObserverLoop();
  afterEach(async () => {
    await setLocale('en');
  });

  async function renderReview(): Promise<Element> {
    const { element } = await renderInProvider<HTMLElement>(
      html`<cam-access-review account-id=${REVIEW_STORY.account.id}></cam-access-review>`,
      'cam-access-review',
    );
    await until(() => element.shadowRoot?.querySelector('[part~="finding"]') != null, 'the findings', 15_000);
    return element;
  }
  const findings = (review: Element): HTMLElement[] => [
    ...shadow(review).querySelectorAll<HTMLElement>('[part~="finding"]'),
  ];

  it('writes a finding in the locale the host sets', async () => {
    await setLocale(PSEUDO);
    const review = await renderReview();
    const inactive = findings(review).find((f) => f.dataset['kind'] === 'inactive-person');
    expect(text(inactive?.querySelector('.summary'))).to.match(
      new RegExp(
        `^\\[${REVIEW_STORY.inactive.name} ïs ïnäctïvé büt stïll Authorized Contact ön \\[cäsé\\] CS\\d+\\]$`,
      ),
    );
  });

  it('writes every summary, fix and evidence line through msg()', async () => {
    await setLocale(AUDIT);
    const review = await renderReview();
    const all = findings(review);
    expect(all.length).to.be.greaterThan(5);
    const sentences = all.flatMap((f) => [
      text(f.querySelector('.summary')),
      ...[...(f.querySelector('.fix')?.childNodes ?? [])]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent?.trim() ?? '')
        .filter((t) => t !== ''),
      // Evidence, except the engine's near-miss reasons quoted by "responsibility without the role".
      ...(f.dataset['kind'] === 'responsibility-without-role'
        ? []
        : [...f.querySelectorAll('details li')].map((li) => text(li))),
    ]);
    expect(sentences.length).to.be.greaterThan(20);
    expect(sentences.filter((t) => t !== MARK)).to.deep.equal([]);
  });
});
