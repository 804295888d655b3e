import { css } from 'lit';
import { sharedStyles, sortHeaderStyles } from '../internal/shared.styles.js';

const columns = css`var(
  --cam-related-party-list-columns,
  minmax(8rem, 2fr) minmax(5rem, 1fr) minmax(8rem, 2fr) minmax(8rem, 2fr) minmax(6.5rem, 1.2fr) 3rem
)`;

export const styles = [
  sharedStyles,
  sortHeaderStyles,
  css`
    /* The layout follows the width the host gets, not the window's (container queries below). */
    :host {
      container: party-list / inline-size;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--cam-space, 0.5rem) calc(2 * var(--cam-space, 0.5rem));
      margin-block-end: var(--cam-space, 0.5rem);
    }
    .field {
      display: inline-flex;
      flex-direction: column;
      gap: 0.15rem;
      font-size: 0.8em;
      color: var(--cam-color-text-muted, #5b6475);
    }
    .field input,
    .field select {
      font-size: var(--cam-font-size, 0.875rem);
      color: var(--cam-color-text, #1d2433);
    }
    .count {
      color: var(--cam-color-text-muted, #5b6475);
      margin-inline-start: auto;
      align-self: center;
    }
    [part='table'] {
      border: 1px solid var(--cam-color-border, #c9cfd9);
      border-radius: var(--cam-radius, 6px);
      overflow: hidden;
    }
    .row {
      display: grid;
      grid-template-columns: ${columns};
      align-items: center;
      width: 100%;
      min-height: var(--cam-related-party-list-row-height, 2.75rem);
      border-block-end: 1px solid var(--cam-related-party-list-row-border, #e4e8ef);
    }
    .row > [role='cell'],
    .row > [role='columnheader'] {
      padding: 0.35rem 0.5rem;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .header-row {
      background: var(--cam-related-party-list-header-bg, #f5f7fa);
      font-weight: 600;
    }
    .body {
      max-height: var(--cam-related-party-list-max-height, 28rem);
      overflow: auto;
    }
    .rows {
      width: 100%;
    }
    .name.dangling {
      font-style: italic;
      color: var(--cam-color-text-muted, #5b6475);
    }
    .hint {
      font-size: 0.85em;
    }
    [part~='actions'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.3rem;
      justify-content: flex-end;
    }
    .menu-button {
      min-width: 2.25rem;
      min-height: 2rem;
      font-weight: 700;
      line-height: 1;
    }
    /* A popover in the top layer, placed by Floating UI next to its button. */
    .menu {
      position: fixed;
      inset: auto;
      margin: 0;
      min-width: 10rem;
      max-width: var(--float-width, calc(100vw - 1rem));
      padding: 0.25rem 0;
      background: var(--cam-color-surface, #ffffff);
      color: var(--cam-color-text, #1d2433);
      border: 1px solid var(--cam-color-border, #c9cfd9);
      border-radius: var(--cam-radius, 6px);
      box-shadow: var(--cam-shadow-popup, 0 6px 18px rgb(0 0 0 / 0.16));
    }
    .menu:popover-open {
      display: flex;
      flex-direction: column;
    }
    [role='menuitem'] {
      border: none;
      border-radius: 0;
      background: transparent;
      text-align: start;
      padding: 0.4rem 0.75rem;
      min-height: 2rem;
    }
    [role='menuitem']:focus-visible {
      outline-offset: -2px;
    }
    /*
     * Narrow hosts: each row stacks name, access and actions over the type, then kind and
     * responsibility, so that nothing needs a sideways scroll. The header keeps only the sort buttons.
     */
    @container party-list (max-width: 47.99rem) {
      .row:not(.header-row) {
        grid-template-columns: auto minmax(0, 1fr) auto auto;
        grid-template-areas:
          'name name access actions'
          'type type type type'
          'kind responsibility responsibility responsibility';
        align-items: center;
        align-content: start;
        row-gap: 0;
      }
      .row:not(.header-row) > [role='cell'] {
        padding-block: 0.15rem;
      }
      .row > .name {
        grid-area: name;
        font-weight: 600;
      }
      .row > .access {
        grid-area: access;
      }
      .row > .actions {
        grid-area: actions;
      }
      .row > .type {
        grid-area: type;
      }
      .row > .kind {
        grid-area: kind;
        color: var(--cam-color-text-muted, #5b6475);
        font-size: 0.85em;
      }
      .row > .responsibility {
        grid-area: responsibility;
        color: var(--cam-color-text-muted, #5b6475);
        font-size: 0.85em;
      }
      .header-row {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.75rem;
        padding-inline: 0.5rem;
      }
      .header-row > [role='columnheader'] {
        padding: 0.25rem 0;
      }
      /* Access and Actions are not sortable: their headers stay for screen readers only. */
      .header-row > [role='columnheader']:not(:has(.sort)) {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      .count {
        margin-inline-start: 0;
      }
      .toolbar .field {
        flex: 1 1 8rem;
      }
      .toolbar .field input,
      .toolbar .field select {
        width: 100%;
        min-width: 0;
      }
    }
    .edit {
      display: flex;
      flex-direction: column;
      gap: 0.3rem;
    }
    .edit-actions {
      display: flex;
      gap: 0.3rem;
    }
    .confirm {
      grid-column: 1 / -1;
      background: var(--cam-color-surface-muted, #f7f8fa);
      border-block-start: 1px dashed var(--cam-color-border, #c9cfd9);
    }
    .confirm p {
      margin: 0 0 0.35rem;
    }
    .confirm button {
      margin-inline-end: 0.4rem;
    }
    .impact {
      margin: 0 0 0.4rem;
      padding-inline-start: 1.2rem;
    }
    .banner {
      display: flex;
      gap: 0.5rem;
      align-items: start;
      justify-content: space-between;
      padding: 0.5rem 0.75rem;
      margin-block-end: var(--cam-space, 0.5rem);
      border-radius: var(--cam-radius, 6px);
      background: var(--cam-related-party-list-banner-bg, #fef3f2);
      border: 1px solid var(--cam-color-danger, #b42318);
    }
    .banner p {
      margin: 0;
    }
    .note {
      margin: 0 0 var(--cam-space, 0.5rem);
      color: var(--cam-color-warning, #8a4b00);
    }
    .empty,
    .error-state,
    .no-match {
      padding: 1rem;
      text-align: center;
    }
    .skeleton-row {
      height: var(--cam-related-party-list-row-height, 2.75rem);
      margin-block-end: 0.35rem;
      border-radius: var(--cam-radius, 6px);
      background: var(--cam-color-skeleton, #eef0f3);
    }
    @media (prefers-reduced-motion: no-preference) {
      .skeleton-row {
        animation: pulse 1.2s ease-in-out infinite;
      }
    }
    @keyframes pulse {
      50% {
        opacity: 0.5;
      }
    }
  `,
];
