/** DOM helpers of the reliability suite: queries that cross every shadow root, text, waiting. */

import { allElements, deepQueryAll } from '../support/dom.js';

export { allElements, deepQueryAll };

/** The first element matching `selector` under `root`, through shadow roots. */
export function deepQuery<E extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
): E | undefined {
  return deepQueryAll<E>(root, selector)[0];
}

/** Visible text of a node and its shadow trees, whitespace collapsed. */
export function deepText(root: Node): string {
  const parts: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Elements that only injected markup could have made: the elements render none of these, so any
 * one found came from data. Links with a `javascript:` URL and inline handlers count too.
 */
export const INJECTED =
  'img, script, iframe, object, embed, svg, math, a, base, link, meta, ' +
  '[onerror], [onload], [onclick], [onmouseover], [onfocus], [srcdoc], [href^="javascript:" i], [src^="javascript:" i]';

/** Injected elements under `root` (through shadow roots), described for an assertion message. */
export function injected(root: ParentNode): string[] {
  return deepQueryAll(root, INJECTED).map(
    (element) =>
      `<${element.localName} ${[...element.attributes].map((a) => `${a.name}="${a.value.slice(0, 40)}"`).join(' ')}>`,
  );
}

export { sleep } from '../support/async.js';
