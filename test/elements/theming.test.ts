/**
 * Theming through the documented surface only: `--cam-*` custom properties set on any ancestor, and
 * `::part()` from the page. Every documented custom property must change the rendering in some
 * state, every rendered part must be documented, and the access level badges must keep readable
 * text (WCAG AA, 4.5:1) in the default theme and in a dark theme built from the documented tokens.
 */
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { html } from 'lit';
import { faults } from '../../mocks/faults.js';
import { freshUserId, until, useElementFixtures } from '../support/fixtures.js';
import type { CamEffectiveAccessBadge } from '../../components/effective-access-badge/cam-effective-access-badge.component.js';
import {
  addDocumentStyle,
  allElementsTemplate,
  contrastRatio,
  ignoreResizeObserverLoop,
  part,
  renderAllElements,
  shadow,
} from './support.js';
import { documentedContract, effectiveProperties, renderedParts } from './theme-contract.js';
import { levelBadgesTemplate, SCENES } from './theme-scenes.js';

const DARK = `
  .dark {
    --cam-color-surface: #111111;
    --cam-color-text: #eeeeee;
    --cam-color-border: #444444;
    --cam-level-none-bg: #2b303b;
    --cam-level-none-fg: #e2e6ee;
    --cam-level-read-bg: #1e3a8a;
    --cam-level-read-fg: #dbeafe;
    --cam-level-write-bg: #14532d;
    --cam-level-write-fg: #dcfce7;
    --cam-level-full-bg: #713f12;
    --cam-level-full-fg: #fef3c7;
    --cam-level-unknown-bg: #7f1d1d;
    --cam-level-unknown-fg: #fee2e2;
  }
`;
const SURFACE = 'rgb(17, 17, 17)';
const TEXT = 'rgb(238, 238, 238)';
const BORDER = 'rgb(68, 68, 68)';

/** The level custom properties the badge documents ("also read, write, full, unknown; and -fg"). */
const LEVEL_PROPERTIES = ['none', 'read', 'write', 'full', 'unknown'].flatMap((level) => [
  `--cam-level-${level}-bg`,
  `--cam-level-${level}-fg`,
]);

/** fg/bg of each level badge, once every badge has answered. */
async function levelColours(root: HTMLElement): Promise<Map<string, { fg: string; bg: string }>> {
  const badges = [...root.querySelectorAll<CamEffectiveAccessBadge>('cam-effective-access-badge')];
  await until(() => badges.every((b) => b.shadowRoot?.querySelector('button[part="badge"]')), 'every badge');
  const colours = new Map<string, { fg: string; bg: string }>();
  for (const badge of badges) {
    const button = part(badge, 'badge');
    expect(button.dataset.level, 'seeded level').to.equal(badge.dataset.expect);
    const computed = getComputedStyle(button);
    colours.set(button.dataset.level ?? '', { fg: computed.color, bg: computed.backgroundColor });
  }
  return colours;
}

describe('theming of the elements', () => {
  useElementFixtures();
  ignoreResizeObserverLoop();
  let removeStyle: (() => void) | undefined;
  afterEach(() => {
    removeStyle?.();
    removeStyle = undefined;
  });

  it('applies a dark theme set through --cam-* custom properties on a wrapper', async () => {
    removeStyle = addDocumentStyle(DARK);
    const all = await renderAllElements(html`<div class="dark">${allElementsTemplate()}</div>`);
    for (const el of [all.list, all.badge, all.picker, all.inspector]) {
      expect(getComputedStyle(el).color, el.localName).to.equal(TEXT);
    }
    const search = getComputedStyle(part(all.list, 'search'));
    expect([search.backgroundColor, search.borderTopColor, search.color]).to.deep.equal([
      SURFACE,
      BORDER,
      TEXT,
    ]);
    expect(getComputedStyle(part(all.list, 'table')).borderTopColor).to.equal(BORDER);
    expect(getComputedStyle(part(all.list, 'action')).backgroundColor).to.equal(SURFACE);
    const input = getComputedStyle(part(all.picker, 'input'));
    expect([input.backgroundColor, input.borderTopColor]).to.deep.equal([SURFACE, BORDER]);
    expect(getComputedStyle(part(all.inspector, 'tabs')).borderBottomColor).to.equal(BORDER);

    part(all.badge, 'badge').click();
    await until(() => part(all.badge, 'popover').matches(':popover-open'), 'the popover');
    const popover = getComputedStyle(part(all.badge, 'popover'));
    expect([popover.backgroundColor, popover.color, popover.borderTopColor]).to.deep.equal([
      SURFACE,
      TEXT,
      BORDER,
    ]);
    part(all.badge, 'popover').hidePopover();

    all.dialog.show();
    await all.dialog.updateComplete;
    const dialog = getComputedStyle(part(all.dialog, 'dialog'));
    expect([dialog.backgroundColor, dialog.color, dialog.borderTopColor]).to.deep.equal([
      SURFACE,
      TEXT,
      BORDER,
    ]);
    all.dialog.close();
  });

  it('styles a documented part of every element through ::part() from the page', async () => {
    const rules = [
      ['cam-related-party-list', 'toolbar'],
      ['cam-related-party-list', 'row'],
      ['cam-effective-access-badge', 'badge'],
      ['cam-relationship-type-picker', 'input'],
      ['cam-add-party-dialog', 'footer'],
      ['cam-access-inspector', 'tab'],
    ] as const;
    removeStyle = addDocumentStyle(
      rules
        .map(([tag, name], i) => `${tag}::part(${name}) { background-color: rgb(${i + 1}, 2, 3); }`)
        .join('\n'),
    );
    const all = await renderAllElements();
    const byTag: Record<string, HTMLElement> = {
      'cam-related-party-list': all.list,
      'cam-effective-access-badge': all.badge,
      'cam-relationship-type-picker': all.picker,
      'cam-add-party-dialog': all.dialog,
      'cam-access-inspector': all.inspector,
    };
    rules.forEach(([tag, name], i) => {
      const el = byTag[tag] as HTMLElement;
      expect(getComputedStyle(part(el, name)).backgroundColor, `${tag}::part(${name})`).to.equal(
        `rgb(${i + 1}, 2, 3)`,
      );
    });
  });

  it('styles the badges and pickers nested in the list and the dialog through their exported parts', async () => {
    removeStyle = addDocumentStyle(`
      cam-related-party-list::part(row-badge) { background-color: rgb(9, 8, 7); }
      cam-add-party-dialog::part(type-picker-input) { background-color: rgb(7, 8, 9); }
    `);
    const all = await renderAllElements();
    const rowBadges = [...shadow(all.list).querySelectorAll('cam-effective-access-badge')];
    expect(rowBadges.length, 'row badges').to.equal(3);
    for (const badge of rowBadges) {
      expect(getComputedStyle(part(badge, 'badge')).backgroundColor).to.equal('rgb(9, 8, 7)');
    }
    // Only the list's own badges: a badge elsewhere on the page keeps its level colour.
    expect(getComputedStyle(part(all.badge, 'badge')).backgroundColor).to.not.equal('rgb(9, 8, 7)');
    all.dialog.show();
    await all.dialog.updateComplete;
    const picker = part(all.dialog, 'type-picker');
    await until(() => picker.shadowRoot?.querySelector('[part="input"]') != null, 'the dialog picker');
    expect(getComputedStyle(part(picker, 'input')).backgroundColor).to.equal('rgb(7, 8, 9)');
    expect(getComputedStyle(part(all.picker, 'input')).backgroundColor).to.not.equal('rgb(7, 8, 9)');
    const closed = oneEvent(all.dialog, 'close');
    all.dialog.close();
    await closed;
  });

  it('keeps level badge text readable (4.5:1) in the default and in a dark theme', async () => {
    removeStyle = addDocumentStyle(DARK);
    const root = await fixture<HTMLElement>(
      html`<div>
        <cam-provider user-id=${freshUserId()}>${levelBadgesTemplate()}</cam-provider>
        <div class="dark"><cam-provider user-id=${freshUserId()}>${levelBadgesTemplate()}</cam-provider></div>
      </div>`,
    );
    const [light, dark] = [...root.querySelectorAll<HTMLElement>('cam-provider')];
    if (!light || !dark) throw new Error('two providers expected');
    const themes = { default: await levelColours(light), dark: await levelColours(dark) };
    const failures: string[] = [];
    for (const [theme, colours] of Object.entries(themes)) {
      expect([...colours.keys()], theme).to.have.members(['none', 'read', 'write', 'full', 'unknown']);
      for (const [level, { fg, bg }] of colours) {
        const ratio = contrastRatio(fg, bg);
        if (ratio < 4.5) failures.push(`${theme} ${level}: ${fg} on ${bg} = ${ratio.toFixed(2)}`);
      }
    }
    expect(failures).to.deep.equal([]);
    // The dark theme is really in force: the documented level tokens reached the badges.
    expect(themes.dark.get('write')).to.deep.equal({ fg: 'rgb(220, 252, 231)', bg: 'rgb(20, 83, 45)' });
    expect(themes.dark.get('unknown')).to.deep.equal({ fg: 'rgb(254, 226, 226)', bg: 'rgb(127, 29, 29)' });
    expect(themes.default.get('write')).to.not.deep.equal(themes.dark.get('write'));
  });

  it('themes the loading skeleton of every element with one --cam-color-skeleton', async () => {
    faults.set({ latencyMs: 3000 });
    const provider = await fixture<HTMLElement>(allElementsTemplate());
    provider.style.setProperty('--cam-color-skeleton', 'rgb(1, 2, 3)');
    const skeletons = () =>
      [
        ['cam-related-party-list', '.skeleton-row'],
        ['cam-effective-access-badge', '[part="badge"].skeleton'],
        ['cam-relationship-type-picker', '.field[aria-busy="true"] input'],
        ['cam-access-inspector', '.skeleton span'],
      ].map(([tag, selector]) => {
        const el = provider.querySelector(tag ?? '')?.shadowRoot?.querySelector(selector ?? '');
        return [tag, el ? getComputedStyle(el).backgroundColor : 'not rendered'];
      });
    await until(() => skeletons().every(([, colour]) => colour !== 'not rendered'), 'every skeleton');
    expect(skeletons()).to.deep.equal(skeletons().map(([tag]) => [tag, 'rgb(1, 2, 3)']));
  });

  it('gives every documented custom property an effect, and documents every rendered part', async function () {
    this.timeout(60_000);
    const contract = await documentedContract();
    const documented = new Set([...contract.values()].flatMap((c) => c.cssProperties));
    LEVEL_PROPERTIES.forEach((name) => documented.add(name));
    const effective = new Set<string>();
    const parts = new Map<string, Set<string>>();
    for (const scene of SCENES) {
      await scene((provider) => {
        const pending = [...documented].filter((p) => !effective.has(p));
        effectiveProperties(provider, pending).forEach((p) => effective.add(p));
        renderedParts(parts);
      });
    }
    expect(
      [...documented].filter((p) => !effective.has(p)),
      'documented but without effect',
    ).to.deep.equal([]);
    for (const [tag, rendered] of parts) {
      const known = contract.get(tag)?.cssParts ?? [];
      expect(
        [...rendered].filter((p) => !known.includes(p)),
        `undocumented parts of <${tag}>`,
      ).to.deep.equal([]);
    }
    expect([...parts.keys()]).to.include.members([
      'cam-related-party-list',
      'cam-effective-access-badge',
      'cam-relationship-type-picker',
      'cam-add-party-dialog',
      'cam-access-inspector',
    ]);
  });
});
