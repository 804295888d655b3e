/**
 * What a row's actions menu does (row-menu.ts renders it): opening on the first or last item,
 * moving between items with the keyboard, closing on Escape or Tab, and placing the popup with
 * Floating UI. Loaded when a row's actions button is first hovered, focused or pressed: a page
 * that only shows rows never fetches it.
 */
import { floatNextTo } from '../internal/floating.js';
import { buttonOf, closeMenu } from './row-menu-popup.js';

export { warmFloating } from '../internal/floating.js';

const unfloat = new WeakMap<HTMLElement, () => void>();

function itemsOf(menu: HTMLElement): HTMLButtonElement[] {
  return [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')];
}

/** Opens the button's menu with focus on its first or last item. */
export function openMenu(button: HTMLButtonElement, focus: 'first' | 'last'): void {
  const menu = button.nextElementSibling;
  if (!(menu instanceof HTMLElement)) return;
  if (!menu.matches(':popover-open')) menu.showPopover();
  const items = itemsOf(menu);
  (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
}

/** The button was pressed: opens its menu, or closes it when open. */
export function toggleMenu(button: HTMLButtonElement): void {
  const menu = button.nextElementSibling;
  if (menu instanceof HTMLElement && menu.matches(':popover-open')) closeMenu(menu, true);
  else openMenu(button, 'first');
}

export function onMenuKeydown(event: KeyboardEvent): void {
  const menu = event.currentTarget as HTMLElement;
  const items = itemsOf(menu);
  const at = items.indexOf(event.target as HTMLButtonElement);
  const go = (index: number) => items[(index + items.length) % items.length]?.focus();
  switch (event.key) {
    case 'ArrowDown':
      go(at + 1);
      break;
    case 'ArrowUp':
      go(at - 1);
      break;
    case 'Home':
      go(0);
      break;
    case 'End':
      go(items.length - 1);
      break;
    case 'Escape':
    case 'Tab':
      closeMenu(menu, true);
      break;
    default:
      return;
  }
  event.preventDefault();
  event.stopPropagation();
}

/** Keeps the button's `aria-expanded` and the popup's placement in step with the popover. */
export function onMenuToggle(event: ToggleEvent): void {
  const menu = event.currentTarget as HTMLElement;
  const button = buttonOf(menu);
  button?.setAttribute('aria-expanded', event.newState === 'open' ? 'true' : 'false');
  unfloat.get(menu)?.();
  unfloat.delete(menu);
  if (event.newState === 'open' && button)
    unfloat.set(menu, floatNextTo(button, menu, { placement: 'bottom-end' }));
}
