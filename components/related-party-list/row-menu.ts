/**
 * One actions menu per row (WAI-ARIA menu button): a button with `aria-haspopup="menu"` opens a
 * `role="menu"` popup of `menuitem`s. Enter, Space or ArrowDown open it on the first item, ArrowUp
 * on the last; arrows, Home and End move between items; Escape or Tab close it and return focus to
 * the button. The popup is a `popover` (top layer, light dismiss) placed by Floating UI, so it is
 * never cut off by the list's scrolling body.
 *
 * The markup is rendered with the rows; what the menu does (row-menu-control.ts, with Floating UI)
 * is loaded when a button is first hovered, focused or pressed. A press before it has arrived opens
 * the menu once it has; a menu is only ever open with it loaded.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { onDemand } from '../../src/internal/on-demand.js';
import { closeMenu } from './row-menu-popup.js';

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
  /** The menu opened: code its items need can start loading. */
  readonly onOpen?: () => void;
}

type MenuControl = typeof import('./row-menu-control.js');

const control = onDemand<MenuControl>(() => import('./row-menu-control.js'));

/** Runs `use` with the menu's code, at once when it is there, else once it has loaded. */
function withControl(use: (module: MenuControl) => void): void {
  if (control.loaded) return use(control.loaded);
  control
    .load()
    .then(use, (error: unknown) =>
      console.error(
        `The actions menu could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
}

/** Hover or focus: the menu's code and Floating UI start loading before the menu opens. */
function warm(): void {
  control.load().then(
    (module) => module.warmFloating(),
    () => undefined,
  );
}

function onButtonKeydown(event: KeyboardEvent): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  event.preventDefault();
  const button = event.currentTarget as HTMLButtonElement;
  const focus = event.key === 'ArrowDown' ? 'first' : 'last';
  withControl((module) => module.openMenu(button, focus));
}

function onButtonClick(event: MouseEvent): void {
  const button = event.currentTarget as HTMLButtonElement;
  withControl((module) => module.toggleMenu(button));
}

/** Keys inside the menu: it is open, so its code is there. */
function onMenuKeydown(event: KeyboardEvent): void {
  control.loaded?.onMenuKeydown(event);
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
  const onToggle = (event: ToggleEvent) => {
    control.loaded?.onMenuToggle(event);
    if (event.newState === 'open') v.onOpen?.();
  };
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
      @pointerenter=${warm}
      @focus=${warm}
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
      @toggle=${onToggle}
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
