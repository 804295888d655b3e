import { css } from 'lit';
import { sharedStyles } from '../internal/shared.styles.js';

/** Styles of <cam-relationship-type-picker>. */
export const styles = [
  sharedStyles,
  css`
    :host {
      display: block;
    }
    label {
      display: block;
      font-weight: 600;
      margin-bottom: 0.25rem;
    }
    .field {
      position: relative;
      display: flex;
      align-items: stretch;
    }
    input {
      flex: 1;
      min-width: 0;
      border-start-end-radius: 0;
      border-end-end-radius: 0;
    }
    input[aria-invalid='true'] {
      border-color: var(--cam-color-danger, #b42318);
    }
    .field[aria-busy='true'] input {
      background: var(--cam-color-skeleton, #eef0f3);
    }
    button[part='toggle'] {
      border-start-start-radius: 0;
      border-end-start-radius: 0;
      border-inline-start: none;
    }
    /* In the top layer (popover), placed by Floating UI: no dialog body or overflow: hidden ancestor clips it. */
    .popup {
      position: fixed;
      z-index: var(--cam-z-popup, 10);
      inset: auto;
      margin: 0;
      padding: 0;
      border: none;
      background: transparent;
      overflow: visible;
      max-width: var(--float-width, calc(100vw - 1rem));
    }
    .popup[hidden] {
      display: none;
    }
    .listbox {
      max-height: min(var(--cam-listbox-max-height, 16rem), var(--float-height, 100vh));
      overflow-y: auto;
      background: var(--cam-color-surface, #ffffff);
      border: 1px solid var(--cam-color-border, #c9cfd9);
      border-radius: var(--cam-radius, 6px);
      box-shadow: var(--cam-shadow-popup, 0 6px 18px rgb(0 0 0 / 0.16));
      padding: 0.25rem 0;
    }
    .group-label {
      padding: 0.35rem 0.6rem 0.15rem;
      font-size: 0.75rem;
      font-weight: 600;
      text-transform: uppercase;
      letter-spacing: 0.03em;
      color: var(--cam-color-text-muted, #5b6475);
    }
    .option {
      display: grid;
      grid-template-columns: 1.1rem 1fr;
      column-gap: 0.25rem;
      padding: 0.3rem 0.6rem;
      cursor: pointer;
    }
    .option .detail {
      grid-column: 2;
      font-size: 0.75rem;
    }
    .option:hover {
      background: var(--cam-color-surface-hover, #f1f4f9);
    }
    .option[aria-selected='true'] {
      background: var(--cam-color-option-active, #dbe6ff);
      outline: 1px solid var(--cam-color-focus, #2563eb);
      outline-offset: -1px;
    }
    .option[data-chosen] .name {
      font-weight: 600;
    }
    [part='summary'] p,
    [part='message'] p {
      margin: 0.35rem 0 0;
    }
    .grants {
      margin: 0.15rem 0 0;
      padding-inline-start: 1.1rem;
    }
    .responsibility {
      font-weight: 600;
    }
  `,
];
