/**
 * Helpers of the cross-element suites: every element on one page in one provider, deep (shadow
 * piercing) queries, focus, and colour contrast.
 */
import { fixture } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { STORY } from '../../mocks/seed/story.js';
import { freshUserId, until } from '../support/fixtures.js';
import '../../components/index.js';
import type { CamProvider } from '../../components/provider/cam-provider.component.js';
import type { CamRelatedPartyList } from '../../components/related-party-list/cam-related-party-list.component.js';
import type { CamEffectiveAccessBadge } from '../../components/effective-access-badge/cam-effective-access-badge.component.js';
import type { CamRelationshipTypePicker } from '../../components/relationship-type-picker/cam-relationship-type-picker.component.js';
import type { CamAddPartyDialog } from '../../components/add-party-dialog/cam-add-party-dialog.component.js';
import type { CamAccessInspector } from '../../components/access-inspector/cam-access-inspector.component.js';

export const CASE_TABLE = 'sn_customerservice_case';
export const LOAN = STORY.housingLoan;

/** The shadow root of an element (fails loudly when there is none). */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

export { deepQueryAll } from '../support/dom.js';

/** The first element with part `name` in `el`'s shadow root. */
export function part<E extends HTMLElement = HTMLElement>(el: Element, name: string): E {
  const found = shadow(el).querySelector<E>(`[part~="${name}"]`);
  if (!found) throw new Error(`<${el.localName}> renders no part "${name}"`);
  return found;
}

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A readable name of an element for failure messages. */
export function nameOf(el: Element | null): string {
  if (!el) return '(nothing)';
  const host =
    el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).host.localName : 'page';
  const label =
    el.getAttribute('aria-label') ?? el.getAttribute('part') ?? el.textContent?.trim().slice(0, 30);
  return `${host} > ${el.localName}${label ? ` "${label}"` : ''}`;
}

export interface AllElements {
  readonly provider: CamProvider;
  readonly list: CamRelatedPartyList;
  readonly badge: CamEffectiveAccessBadge;
  readonly picker: CamRelationshipTypePicker;
  readonly dialog: CamAddPartyDialog;
  readonly inspector: CamAccessInspector;
}

/** The elements of the housing loan case, inside one provider, as an agent console would place them. */
export function allElementsTemplate(userId = freshUserId(), definitionsInterval = 15): TemplateResult {
  return html`<cam-provider user-id=${userId} definitions-interval=${definitionsInterval}>
    <cam-related-party-list entity-table=${CASE_TABLE} entity-id=${LOAN.caseId}></cam-related-party-list>
    <cam-effective-access-badge
      entity-table=${CASE_TABLE}
      entity-id=${LOAN.caseId}
      principal-type="contact"
      principal-id=${LOAN.attorney.id}
    ></cam-effective-access-badge>
    <cam-relationship-type-picker
      applies-to=${CASE_TABLE}
      party-type="contact"
    ></cam-relationship-type-picker>
    <cam-add-party-dialog entity-table=${CASE_TABLE} entity-id=${LOAN.caseId}></cam-add-party-dialog>
    <cam-access-inspector></cam-access-inspector>
  </cam-provider>`;
}

function pick<E extends Element>(root: ParentNode, selector: string): E {
  const el = root.querySelector<E>(selector);
  if (!el) throw new Error(`no ${selector} rendered`);
  return el;
}

/** Renders `template` (which must hold allElementsTemplate) and waits until every element has loaded. */
export async function renderAllElements(
  template: TemplateResult = allElementsTemplate(),
): Promise<AllElements> {
  const root = await fixture<HTMLElement>(template);
  const all: AllElements = {
    provider:
      root.localName === 'cam-provider' ? (root as CamProvider) : pick<CamProvider>(root, 'cam-provider'),
    list: pick(root, 'cam-related-party-list'),
    badge: pick(root, 'cam-effective-access-badge'),
    picker: pick(root, 'cam-relationship-type-picker'),
    dialog: pick(root, 'cam-add-party-dialog'),
    inspector: pick(root, 'cam-access-inspector'),
  };
  await until(() => notLoaded(all).length === 0, 'every element to load', 8000).catch((error: Error) => {
    throw new Error(`${error.message}: ${notLoaded(all).join(', ')}`);
  });
  return all;
}

/** The elements still loading (empty when the page is ready). */
function notLoaded(all: AllElements): string[] {
  const rowBadges = [...shadow(all.list).querySelectorAll('cam-effective-access-badge')];
  const waiting: [string, boolean][] = [
    ['list rows', shadow(all.list).querySelectorAll('[part~="row"]').length === 3],
    ['badges', [...rowBadges, all.badge].every((b) => b.shadowRoot?.querySelector('button[part="badge"]'))],
    ['row badges', rowBadges.length === 3],
    ['picker', shadow(all.picker).querySelector('input:not([disabled])') !== null],
    ['inspector', shadow(all.inspector).querySelector('[role="tab"]') !== null],
  ];
  return waiting.filter(([, done]) => !done).map(([name]) => name);
}

export { ignoreResizeObserverLoop } from '../support/fixtures.js';

/** Adds a stylesheet to the document for the current test; returns a function that removes it. */
export function addDocumentStyle(cssText: string): () => void {
  const style = document.createElement('style');
  style.textContent = cssText;
  document.head.append(style);
  return () => style.remove();
}

/** [r, g, b, a] of a computed `rgb()`/`rgba()` colour. */
export function parseRgb(color: string): [number, number, number, number] {
  const match = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(color);
  if (!match) throw new Error(`not an rgb() colour: ${color}`);
  const [, r, g, b, a] = match;
  return [Number(r), Number(g), Number(b), a === undefined ? 1 : Number(a)];
}

function luminance(color: string): number {
  const [r, g, b] = parseRgb(color).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two opaque computed colours. */
export function contrastRatio(foreground: string, background: string): number {
  const [a, b] = [luminance(foreground), luminance(background)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
