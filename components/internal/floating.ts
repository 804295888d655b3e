/**
 * Places a popup (an explanation popover, a listbox, a menu) next to the control that opened it.
 * Popups live in the top layer (`popover`), so no `overflow: hidden` ancestor, dialog body or
 * transformed container clips them.
 *
 * Floating UI (flip, shift, size, and following the control while the page scrolls or resizes) is
 * in `floating-position.ts`, loaded on demand: a page that only shows rows and badges never fetches
 * it. Until it has loaded — the first popup of the page, opened before any control was hovered or
 * focused (`preloadFloating`) — the popup is placed once, here, by the same rules (below the control
 * when it fits, else on the roomier side; inside the viewport), so it never shows unplaced.
 * Styles are set through the CSSOM: a strict CSP refuses style attributes, not this.
 */

import { GAP, MARGIN, type FloatOptions } from './floating-options.js';

export type { FloatOptions, Placement } from './floating-options.js';

type Positioner = typeof import('./floating-position.js');

let positioner: Positioner | undefined;
let loading: Promise<Positioner> | undefined;

/**
 * Starts loading Floating UI (once; a failed load is tried again next time). Controls call it when
 * hovered or focused, so it is usually in place before their popup opens.
 */
export function preloadFloating(): Promise<Positioner> {
  loading ??= import('./floating-position.js').then(
    (module) => (positioner = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** `preloadFloating` for event listeners (pointerenter, focus): a failed load shows at the next open. */
export function warmFloating(): void {
  preloadFloating().catch(() => undefined);
}

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(value, max));

/** Places `floating` against `reference` once, without Floating UI (see the module comment). */
export function placeOnce(reference: Element, floating: HTMLElement, options: FloatOptions = {}): void {
  const control = reference.getBoundingClientRect();
  const { clientWidth: width, clientHeight: height } = document.documentElement;
  const below = height - control.bottom - GAP - MARGIN;
  const above = control.top - GAP - MARGIN;
  const style = floating.style;
  style.position = 'fixed';
  style.setProperty('--float-width', `${Math.max(0, Math.floor(width - 2 * MARGIN))}px`);
  style.setProperty('--float-height', `${Math.max(0, Math.floor(Math.max(below, above)))}px`);
  if (options.matchWidth) style.minWidth = `${Math.round(control.width)}px`;
  const natural = floating.getBoundingClientRect();
  const up = natural.height > below && above > below;
  style.setProperty('--float-height', `${Math.max(0, Math.floor(up ? above : below))}px`);
  const box = floating.getBoundingClientRect();
  const x = options.placement === 'bottom-end' ? control.right - box.width : control.left;
  const y = up ? control.top - GAP - box.height : control.bottom + GAP;
  style.left = `${Math.round(clamp(x, MARGIN, Math.max(MARGIN, width - MARGIN - box.width)))}px`;
  style.top = `${Math.round(Math.max(MARGIN, y))}px`;
}

/**
 * Keeps `floating` placed against `reference` until the returned function is called (call it when
 * the popup closes or the element disconnects). Call it once the popup is shown.
 */
export function floatNextTo(
  reference: Element,
  floating: HTMLElement,
  options: FloatOptions = {},
): () => void {
  if (positioner) return positioner.floatNextTo(reference, floating, options);
  placeOnce(reference, floating, options);
  let stopped = false;
  let stop: (() => void) | undefined;
  preloadFloating().then(
    (module) => {
      if (!stopped) stop = module.floatNextTo(reference, floating, options);
    },
    (error: unknown) =>
      // The popup keeps its first place; the next one opened asks again (a browser that keeps a
      // failed module fetch for the page's life, as Chromium does, refuses again at once).
      console.error(
        `Popup placement could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      ),
  );
  return () => {
    stopped = true;
    stop?.();
  };
}
