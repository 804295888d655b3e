/**
 * The Floating UI side of `floating.ts`, loaded the first time a popup opens (or its control is
 * hovered or focused): places the popup below its control when there is room, flipped above when
 * not, shifted and sized to stay inside the viewport, and kept in place while the page scrolls or
 * resizes. Styles are set through the CSSOM: a strict CSP refuses style attributes, not this.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { GAP, MARGIN, type FloatOptions } from './floating-options.js';

/**
 * Keeps `floating` placed against `reference` until the returned function is called (call it when
 * the popup closes or the element disconnects).
 */
export function floatNextTo(
  reference: Element,
  floating: HTMLElement,
  options: FloatOptions = {},
): () => void {
  let stop = (): void => undefined;
  const update = async (): Promise<void> => {
    // A popup removed with its row (a popover hidden by removal fires no toggle) stops itself.
    if (!reference.isConnected || !floating.isConnected) return stop();
    const { x, y } = await computePosition(reference, floating, {
      strategy: 'fixed',
      placement: options.placement ?? 'bottom-start',
      middleware: [
        offset(GAP),
        flip({ padding: MARGIN }),
        shift({ padding: MARGIN }),
        size({
          padding: MARGIN,
          apply({ availableWidth, availableHeight, rects, elements }) {
            // Custom properties, not max-width itself: the popup's own styles combine them with their
            // themeable limits, e.g. max-width: min(var(--cam-popover-width), var(--float-width)).
            const style = elements.floating.style;
            style.setProperty('--float-width', `${Math.max(0, Math.floor(availableWidth))}px`);
            style.setProperty('--float-height', `${Math.max(0, Math.floor(availableHeight))}px`);
            if (options.matchWidth) style.minWidth = `${Math.round(rects.reference.width)}px`;
          },
        }),
      ],
    });
    Object.assign(floating.style, { position: 'fixed', left: `${x}px`, top: `${y}px` });
  };
  stop = autoUpdate(reference, floating, () => void update());
  return stop;
}
