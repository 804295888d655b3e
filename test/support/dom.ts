/** DOM queries across shadow roots, shared by the element suites. */

/** Every element under `root` (and under `root`'s own shadow root), through open shadow roots, depth first. */
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

/** Every element matching `selector` under `root`, descending into every (nested) shadow root. */
export function deepQueryAll<E extends Element = HTMLElement>(root: ParentNode, selector: string): E[] {
  return allElements(root).filter((element): element is E => element.matches(selector));
}
