/** DOM helpers of the reliability suite: queries that cross every shadow root, text, waiting. */

/** Every element under `root`, through open shadow roots, depth first. */
export function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const visit = (node: ParentNode): void => {
    for (const element of node.querySelectorAll('*')) {
      out.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  return out;
}

/** Elements matching `selector` under `root`, through shadow roots. */
export function deepQueryAll<E extends Element = HTMLElement>(root: ParentNode, selector: string): E[] {
  return allElements(root).filter((element): element is E => element.matches(selector));
}

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

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
