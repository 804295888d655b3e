/**
 * Defensive registration: host consoles sometimes load two bundles on one page. Defining a tag that
 * already exists is skipped (with a warning when it is a different class) instead of throwing.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, constructor);
  } else if (existing !== constructor) {
    console.warn(
      `<${tag}> is already defined by another copy of cam-elements; keeping the first definition.`,
    );
  }
}
