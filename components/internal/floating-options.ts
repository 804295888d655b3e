/** What both halves of popup placement share (`floating.ts`, `floating-position.ts`). */

export type Placement = 'bottom-start' | 'bottom-end';

export interface FloatOptions {
  /** Preferred side (default `bottom-start`). */
  readonly placement?: Placement;
  /** Make the popup at least as wide as the control (a combobox list). */
  readonly matchWidth?: boolean;
}

/** Space kept between a popup and the viewport edge, in px. */
export const MARGIN = 8;
/** Space between the control and its popup, in px. */
export const GAP = 4;
