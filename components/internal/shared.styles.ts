import { css } from 'lit';

/**
 * Styles every element shares: theme tokens with fallbacks (hosts theme through `--cam-*`), a
 * visible focus ring, and visually hidden text for screen readers.
 */
export const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--cam-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--cam-font-size, 0.875rem);
    line-height: 1.4;
    color: var(--cam-color-text, #1d2433);
  }
  :host([hidden]) {
    display: none;
  }
  /* Not inherit: a page rule that selects the host (* { box-sizing: content-box }) must not reach inside. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: var(--cam-focus-ring-width, 2px) solid var(--cam-color-focus, #2563eb);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    border-radius: var(--cam-radius, 6px);
    border: 1px solid var(--cam-color-border, #c9cfd9);
    background: var(--cam-color-surface, #ffffff);
    padding: 0.25rem 0.6rem;
  }
  button:hover:not(:disabled) {
    background: var(--cam-color-surface-hover, #f1f4f9);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  /* Also when hovered: the generic hover background above must not turn it white-on-white. */
  button.primary,
  button.primary:hover:not(:disabled) {
    background: var(--cam-color-primary, #1d4ed8);
    border-color: var(--cam-color-primary, #1d4ed8);
    color: var(--cam-color-on-primary, #ffffff);
  }
  /* Hover darkens the primary colour (an inset shade) whatever colour a theme sets. */
  button.primary:hover:not(:disabled) {
    box-shadow: inset 0 0 0 100vmax rgb(0 0 0 / 0.15);
  }
  button.danger {
    color: var(--cam-color-danger, #b42318);
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--cam-color-surface, #ffffff);
    border: 1px solid var(--cam-color-border, #c9cfd9);
    border-radius: var(--cam-radius, 6px);
    padding: 0.3rem 0.5rem;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  [role='alert'],
  .error {
    color: var(--cam-color-danger, #b42318);
  }
  .muted {
    color: var(--cam-color-text-muted, #5b6475);
  }
`;

/** A column header that sorts: a plain button with its direction mark (the list and the review's matrix). */
export const sortHeaderStyles = css`
  .sort {
    border: none;
    background: transparent;
    padding: 0.15rem 0;
    font-weight: 600;
    display: inline-flex;
    gap: 0.25rem;
  }
  .sort-mark {
    font-size: 0.7em;
    min-width: 0.8em;
  }
`;

/** Colours of the four access levels, shared by the badge and the previews. */
export const levelStyles = css`
  .level {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    border-radius: 999px;
    padding: 0.05rem 0.5rem;
    font-size: 0.75rem;
    font-weight: 600;
    border: 1px solid transparent;
    white-space: nowrap;
  }
  .level[data-level='none'] {
    background: var(--cam-level-none-bg, #eef0f3);
    color: var(--cam-level-none-fg, #434a57);
  }
  .level[data-level='read'] {
    background: var(--cam-level-read-bg, #e0ecff);
    color: var(--cam-level-read-fg, #1e3a8a);
  }
  .level[data-level='write'] {
    background: var(--cam-level-write-bg, #ddf5e6);
    color: var(--cam-level-write-fg, #14532d);
  }
  .level[data-level='full'] {
    background: var(--cam-level-full-bg, #fdeccc);
    color: var(--cam-level-full-fg, #713f12);
  }
`;
