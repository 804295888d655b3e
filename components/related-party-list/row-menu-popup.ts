/**
 * A row menu's popup and its button, as row-menu.ts renders them (the button just before the
 * popup): shared by the markup's handlers and the menu's code loaded on demand (row-menu-control.ts).
 */

/** The button of a menu (rendered just before it). */
export function buttonOf(menu: HTMLElement): HTMLButtonElement | null {
  const previous = menu.previousElementSibling;
  return previous instanceof HTMLButtonElement ? previous : null;
}

/** Closes the menu; `refocus` returns focus to its button (Escape, Tab, a chosen item). */
export function closeMenu(menu: HTMLElement, refocus: boolean): void {
  if (menu.matches(':popover-open')) menu.hidePopover();
  if (refocus) buttonOf(menu)?.focus();
}
