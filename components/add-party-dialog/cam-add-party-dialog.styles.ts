import { css } from 'lit';
import { levelStyles, sharedStyles } from '../internal/shared.styles.js';

/** Styles of <cam-add-party-dialog>: every visual value is a `--cam-*` property with a fallback. */
export const styles = [
  sharedStyles,
  levelStyles,
  css`
    :host {
      display: contents;
    }
    dialog {
      width: var(--cam-dialog-width, min(36rem, calc(100vw - 2rem)));
      max-height: calc(100vh - 2rem);
      padding: 0;
      border: 1px solid var(--cam-color-border, #c9cfd9);
      border-radius: var(--cam-radius, 6px);
      background: var(--cam-color-surface, #ffffff);
      color: var(--cam-color-text, #1d2433);
      box-shadow: var(--cam-shadow-popup, 0 6px 18px rgb(0 0 0 / 0.16));
    }
    dialog[open] {
      display: flex;
      flex-direction: column;
    }
    dialog::backdrop {
      background: var(--cam-dialog-backdrop, rgb(15 23 42 / 0.45));
    }
    h2 {
      margin: 0;
      padding: 1rem 1.25rem 0.5rem;
      font-size: var(--cam-heading-size, 1.1rem);
    }
    h3 {
      margin: 0 0 0.25rem;
      font-size: 0.95rem;
    }
    /* Long text (a 500-character search echoed in a status) wraps inside the dialog, never widens it. */
    .body {
      overflow: auto;
      padding: 0.25rem 1.25rem 0.75rem;
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.75rem;
      overflow-wrap: anywhere;
    }
    .field {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.25rem;
    }
    /* The searched text in a result: bold and underlined, readable on any option background. */
    mark {
      background: none;
      color: inherit;
      font-weight: 700;
      text-decoration: underline;
    }
    .search {
      position: relative;
    }
    label {
      font-weight: 600;
    }
    p {
      margin: 0;
    }
    ul {
      margin: 0;
      padding-left: 1.1rem;
    }
    [role='listbox'] {
      list-style: none;
      margin: 0;
      padding: 0.25rem 0;
      max-height: var(--cam-listbox-max-height, 16rem);
      overflow: auto;
      border: 1px solid var(--cam-color-border, #c9cfd9);
      border-radius: var(--cam-radius, 6px);
      background: var(--cam-color-surface, #ffffff);
    }
    [role='option'] {
      display: grid;
      padding: 0.3rem 0.6rem;
      cursor: pointer;
    }
    [role='option'][aria-selected='true'] {
      background: var(--cam-color-option-active, #dbe6ff);
      outline: 1px solid var(--cam-color-focus, #2563eb);
      outline-offset: -1px;
    }
    [role='option'] .muted {
      font-size: 0.8em;
    }
    .skeleton {
      height: 2.5rem;
      border-radius: var(--cam-radius, 6px);
      background: linear-gradient(
        90deg,
        var(--cam-color-skeleton, #eef0f3) 25%,
        var(--cam-color-surface-hover, #f1f4f9) 50%,
        var(--cam-color-skeleton, #eef0f3) 75%
      );
      background-size: 200% 100%;
      animation: shimmer 1.2s linear infinite;
    }
    @keyframes shimmer {
      to {
        background-position: -200% 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .skeleton {
        animation: none;
      }
    }
    .preview {
      border-top: 1px solid var(--cam-color-border, #c9cfd9);
      padding-top: 0.5rem;
      display: grid;
      gap: 0.35rem;
    }
    .gains li {
      margin: 0.15rem 0;
    }
    .warnings {
      color: var(--cam-color-warning, #8a4b00);
    }
    .issues ul {
      margin-top: 0.25rem;
    }
    .footer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: 0.5rem;
      padding: 0.75rem 1.25rem 1rem;
      border-top: 1px solid var(--cam-color-border, #c9cfd9);
    }
    .footer p {
      flex: 1 1 12rem;
      font-size: 0.8em;
    }
    button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.7;
    }
  `,
];
