/**
 * The theming contract as data: the custom properties and parts each element documents (read from
 * custom-elements.json, which is generated from the class JSDoc), and how to tell whether a custom
 * property has an effect (a computed-style snapshot of every element, through shadow roots).
 */
import { deepQueryAll } from './support.js';

export interface ElementContract {
  readonly cssProperties: readonly string[];
  readonly cssParts: readonly string[];
}

interface Manifest {
  readonly modules: readonly {
    readonly declarations?: readonly {
      readonly tagName?: string;
      readonly cssProperties?: readonly { readonly name: string }[];
      readonly cssParts?: readonly { readonly name: string }[];
    }[];
  }[];
}

/** The documented custom properties and parts of every element, by tag. */
export async function documentedContract(): Promise<Map<string, ElementContract>> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
  const contract = new Map<string, ElementContract>();
  for (const declaration of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (!declaration.tagName) continue;
    contract.set(declaration.tagName, {
      cssProperties: (declaration.cssProperties ?? []).map((p) => p.name),
      cssParts: (declaration.cssParts ?? []).map((p) => p.name),
    });
  }
  return contract;
}

/** Computed properties through which a custom property can show. */
const WATCHED = [
  'color',
  'background-color',
  'background-image',
  'border-top-color',
  'border-bottom-color',
  'border-top-width',
  'border-top-left-radius',
  'box-shadow',
  'max-width',
  'max-height',
  'width',
  'height',
  'min-height',
  'grid-template-columns',
  'padding-left',
  'outline-color',
  'outline-width',
  'font-family',
  'font-size',
  'z-index',
] as const;

/** A value of the right type for a custom property, unlike any default. */
function sentinel(name: string): string {
  if (name.endsWith('-columns')) return '11px 12px 13px 14px 15px 16px';
  if (name.includes('shadow')) return '0 0 0 7px rgb(1, 2, 3)';
  if (name.endsWith('-family')) return 'monospace';
  if (name.startsWith('--cam-z-')) return '37';
  if (/(width|height|indent|radius|size|space)$/.test(name)) return '37px';
  return 'rgb(1, 2, 3)';
}

function snapshot(): string {
  const lines: string[] = [];
  for (const el of deepQueryAll<Element>(document.body, '*')) {
    const computed = getComputedStyle(el);
    lines.push(WATCHED.map((p) => computed.getPropertyValue(p)).join('|'));
    if (el.localName === 'dialog') lines.push(getComputedStyle(el, '::backdrop').backgroundColor);
  }
  return lines.join('\n');
}

/** The custom properties among `names` that change some computed style when set on `themed`. */
export function effectiveProperties(themed: HTMLElement, names: Iterable<string>): Set<string> {
  const base = snapshot();
  const effective = new Set<string>();
  for (const name of names) {
    themed.style.setProperty(name, sentinel(name));
    if (snapshot() !== base) effective.add(name);
    themed.style.removeProperty(name);
  }
  return effective;
}

/** Parts rendered right now, by the tag of the element whose shadow root holds them. */
export function renderedParts(into: Map<string, Set<string>>): void {
  for (const host of deepQueryAll<Element>(document.body, '*')) {
    if (!host.localName.startsWith('cam-') || !host.shadowRoot) continue;
    const parts = into.get(host.localName) ?? new Set<string>();
    for (const el of host.shadowRoot.querySelectorAll('[part]')) {
      for (const name of el.getAttribute('part')?.split(/\s+/) ?? []) if (name) parts.add(name);
    }
    into.set(host.localName, parts);
  }
}
