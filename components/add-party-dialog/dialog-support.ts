/** Small helpers of the dialog: the focused element to return to. */

/** The element that has focus, looking into shadow roots; undefined for the body. */
export function focusedElement(): HTMLElement | undefined {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element instanceof HTMLElement && element !== document.body ? element : undefined;
}
