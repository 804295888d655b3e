/**
 * Defensive registration (docs/architecture.md, "Registration"): host consoles load bundles twice. A second definition of a
 * cam tag must not throw; a different class is refused with a warning, and the first keeps working.
 */
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import {
  CamAccessInspector,
  CamAccessReview,
  CamAddPartyDialog,
  CamEffectiveAccessBadge,
  CamProvider,
  CamRelatedPartyList,
  CamRelationshipTypePicker,
  defineElement,
} from '../../components/index.js';
import { useElementFixtures } from '../support/fixtures.js';
import { ignoreResizeObserverLoop, renderAllElements, shadow } from './support.js';

/** Each tag, its registered class and the module that declares the class. */
const ELEMENTS = [
  ['cam-provider', CamProvider, 'provider/cam-provider'],
  ['cam-related-party-list', CamRelatedPartyList, 'related-party-list/cam-related-party-list'],
  [
    'cam-relationship-type-picker',
    CamRelationshipTypePicker,
    'relationship-type-picker/cam-relationship-type-picker',
  ],
  [
    'cam-effective-access-badge',
    CamEffectiveAccessBadge,
    'effective-access-badge/cam-effective-access-badge',
  ],
  ['cam-add-party-dialog', CamAddPartyDialog, 'add-party-dialog/cam-add-party-dialog'],
  ['cam-access-inspector', CamAccessInspector, 'access-inspector/cam-access-inspector'],
  ['cam-access-review', CamAccessReview, 'access-review/cam-access-review'],
] as const;

/** Imports a module by URL as a separate module instance (a query makes the browser load it anew). */
async function importCopy(url: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
}

/** Records console.warn calls made while `run` runs. */
async function warningsDuring(run: () => unknown): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('defensive registration', () => {
  useElementFixtures();
  ignoreResizeObserverLoop();

  it('registers every element under its cam- tag', () => {
    for (const [tag, constructor] of ELEMENTS) expect(customElements.get(tag), tag).to.equal(constructor);
  });

  it('refuses another class for a defined tag with a warning, and the first definition keeps working', async () => {
    const warnings = await warningsDuring(() =>
      expect(() => defineElement('cam-related-party-list', class extends LitElement {})).not.to.throw(),
    );
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('<cam-related-party-list> is already defined');
    expect(customElements.get('cam-related-party-list')).to.equal(CamRelatedPartyList);

    // The page still gets the real element: it loads and renders the case's parties.
    const { list } = await renderAllElements();
    expect(list).to.be.instanceOf(CamRelatedPartyList);
    expect(shadow(list).querySelectorAll('[part~="row"]')).to.have.length(3);
  });

  it('skips a repeated definition with the same class silently', async () => {
    const warnings = await warningsDuring(() => {
      for (const [tag, constructor] of ELEMENTS) defineElement(tag, constructor);
    });
    expect(warnings).to.deep.equal([]);
  });

  it('imports the registration entry point a second time without throwing', async () => {
    // wtr serves the TypeScript source under a query string as a new module instance.
    let second: Record<string, unknown> = {};
    const warnings = await warningsDuring(async () => {
      second = await importCopy('/components/index.ts?second');
    });
    expect(second.CamRelatedPartyList).to.equal(CamRelatedPartyList);
    expect(second.defineElement).to.be.a('function');
    expect(warnings).to.deep.equal([]);
  });

  it('keeps the first definitions when a second bundle brings its own copy of every class', async () => {
    // A copy of each class module stands for a second bundle: same code, different constructors.
    for (const [tag, constructor, path] of ELEMENTS) {
      const copy = await importCopy(`/components/${path}.component.ts?second-bundle`);
      const copied = Object.values(copy).find((value) => typeof value === 'function');
      expect(copied, `copy of ${tag}`).to.be.a('function').and.not.equal(constructor);
      const warnings = await warningsDuring(() => defineElement(tag, copied as CustomElementConstructor));
      expect(warnings, tag).to.have.length(1);
      expect(customElements.get(tag), tag).to.equal(constructor);
      expect(document.createElement(tag), tag).to.be.instanceOf(constructor);
    }
    const { list, badge } = await renderAllElements();
    expect(shadow(list).querySelectorAll('[part~="row"]')).to.have.length(3);
    // The housing loan's attorney writes the case (docs/access-rules.md): the first classes still work.
    expect(badge.level).to.equal('write');
  });

  it('re-running each element registration module adds no definition and no warning', async () => {
    const warnings = await warningsDuring(async () => {
      for (const [, , path] of ELEMENTS) await importCopy(`/components/${path}.ts?again`);
    });
    expect(warnings).to.deep.equal([]);
    for (const [tag, constructor] of ELEMENTS) expect(customElements.get(tag), tag).to.equal(constructor);
  });
});
