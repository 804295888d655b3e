/**
 * One actions menu per row (WAI-ARIA menu button): a button with `aria-haspopup="menu"` opens a
 * `role="menu"` popup of `menuitem`s. Enter, Space or ArrowDown open it on the first item, ArrowUp
 * on the last; arrows, Home and End move between items; Escape or Tab close it and return focus to
 * the button. The popup is a `popover` (top layer, light dismiss) placed by Floating UI, so it is
 * never cut off by the list's scrolling body.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { floatNextTo, warmFloating } from '../internal/floating.js';

export interface RowMenuItem {
  /** Kept as `data-action` on the item. */
  readonly action: string;
  readonly label: string;
  readonly danger?: boolean;
  readonly run: () => void;
}

export interface RowMenuView {
  /** Unique within the list (the record id); names the menu's id. */
  readonly id: string;
  /** The party's name, for the button's accessible name. */
  readonly name: string;
  readonly disabled: boolean;
  readonly items: readonly RowMenuItem[];
}

const unfloat = new WeakMap<HTMLElement, () => void>();

function itemsOf(menu: HTMLElement): HTMLButtonElement[] {
  return [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')];
}

function buttonOf(menu: HTMLElement): HTMLButtonElement | null {
  const previous = menu.previousElementSibling;
  return previous instanceof HTMLButtonElement ? previous : null;
}

function open(button: HTMLButtonElement, focus: 'first' | 'last'): void {
  const menu = button.nextElementSibling;
  if (!(menu instanceof HTMLElement)) return;
  if (!menu.matches(':popover-open')) menu.showPopover();
  const items = itemsOf(menu);
  (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
}

/** Closes the menu; `refocus` returns focus to its button (Escape, Tab, a chosen item). */
export function closeMenu(menu: HTMLElement, refocus: boolean): void {
  if (menu.matches(':popover-open')) menu.hidePopover();
  if (refocus) buttonOf(menu)?.focus();
}

function onButtonKeydown(event: KeyboardEvent): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  event.preventDefault();
  open(event.currentTarget as HTMLButtonElement, event.key === 'ArrowDown' ? 'first' : 'last');
}

function onButtonClick(event: MouseEvent): void {
  const button = event.currentTarget as HTMLButtonElement;
  const menu = button.nextElementSibling;
  if (menu instanceof HTMLElement && menu.matches(':popover-open')) closeMenu(menu, true);
  else open(button, 'first');
}

function onMenuKeydown(event: KeyboardEvent): void {
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
function onMenuToggle(event: ToggleEvent): void {
  const menu = event.currentTarget as HTMLElement;
  const button = buttonOf(menu);
  button?.setAttribute('aria-expanded', event.newState === 'open' ? 'true' : 'false');
  unfloat.get(menu)?.();
  unfloat.delete(menu);
  if (event.newState === 'open' && button)
    unfloat.set(menu, floatNextTo(button, menu, { placement: 'bottom-end' }));
}

function choose(item: RowMenuItem, event: Event): void {
  const menu = (event.currentTarget as HTMLElement).closest<HTMLElement>('[role="menu"]');
  if (menu) closeMenu(menu, true);
  item.run();
}

/** The actions button of a row and its menu. */
export function renderRowMenu(v: RowMenuView): TemplateResult {
  const menuId = `menu-${v.id}`;
  const label = msg(str`Actions for ${v.name}`);
  return html`<button
      type="button"
      part="action menu-button"
      class="menu-button"
      aria-haspopup="menu"
      aria-expanded="false"
      aria-controls=${menuId}
      aria-label=${label}
      ?disabled=${v.disabled}
      @click=${onButtonClick}
      @keydown=${onButtonKeydown}
      @pointerenter=${warmFloating}
      @focus=${warmFloating}
    >
      <span aria-hidden="true">⋯</span>
    </button>
    <div
      id=${menuId}
      role="menu"
      part="menu"
      class="menu"
      popover
      aria-label=${label}
      @keydown=${onMenuKeydown}
      @toggle=${onMenuToggle}
    >
      ${v.items.map(
        (item) =>
          html`<button
            type="button"
            role="menuitem"
            tabindex="-1"
            part="menu-item"
            class=${item.danger ? 'danger' : ''}
            data-action=${item.action}
            ?disabled=${v.disabled}
            @click=${(event: Event) => choose(item, event)}
          >
            ${item.label}
          </button>`,
      )}
    </div>`;
}
