import { css } from 'lit';
import { levelStyles, sharedStyles } from '../internal/shared.styles.js';

/** Styles of <cam-effective-access-badge>. */
export const styles = [
  sharedStyles,
  levelStyles,
  css`
    :host {
      display: inline-block;
    }
    button.level {
      cursor: pointer;
      border-radius: 999px;
      padding: 0.05rem 0.5rem;
      border: 1px solid transparent;
    }
    button.level:hover:not(:disabled) {
      filter: brightness(0.96);
    }
    .level[data-level='unknown'] {
      background: var(--cam-level-unknown-bg, #fde8e8);
      color: var(--cam-level-unknown-fg, #8a1c1c);
    }
    .level[aria-busy='true'] {
      opacity: 0.7;
    }
    .skeleton {
      display: inline-block;
      min-width: 3rem;
      min-height: 1.2rem;
      background: var(--cam-color-skeleton, #eef0f3);
      animation: pulse 1.2s ease-in-out infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.5;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .skeleton {
        animation: none;
      }
    }
    .marker {
      color: var(--cam-color-warning, #8a4b00);
      font-weight: 700;
    }
    [popover] {
      position: fixed;
      inset: auto;
      margin: 0;
      /* --float-*: the room Floating UI measured between the badge and the viewport's edges. */
      max-width: min(var(--cam-popover-width, 36rem), var(--float-width, calc(100vw - 1rem)));
      max-height: min(70vh, var(--float-height, 70vh));
      overflow-wrap: anywhere;
      overflow: auto;
      padding: 0.75rem 1rem;
      background: var(--cam-color-surface, #ffffff);
      color: var(--cam-color-text, #1d2433);
      border: 1px solid var(--cam-color-border, #c9cfd9);
      border-radius: var(--cam-radius, 6px);
      box-shadow: var(--cam-shadow-popup, 0 6px 18px rgb(0 0 0 / 0.16));
      text-align: start;
      font-weight: normal;
    }
    .close {
      float: inline-end;
      margin: -0.25rem -0.5rem 0 0.5rem;
      padding: 0 0.4rem;
      border: none;
      background: transparent;
      font-size: 1.1rem;
      line-height: 1.2;
    }
    .title {
      margin: 0 0 0.5rem;
      font-weight: 600;
    }
    .note {
      margin: 0.25rem 0;
      font-size: 0.8125rem;
    }
    .note p,
    .note ul {
      margin: 0;
    }
    .incomplete {
      color: var(--cam-color-warning, #8a4b00);
    }
    ul {
      margin: 0.15rem 0;
      padding-inline-start: 1.1rem;
    }
    .tree {
      padding-inline-start: 0.9rem;
    }
    .summary {
      margin: 0 0 0.4rem;
    }
    details.steps > summary {
      cursor: pointer;
      color: var(--cam-color-text-muted, #5b6475);
      margin-bottom: 0.25rem;
    }
    .missing,
    .near-miss {
      color: var(--cam-color-danger, #b42318);
    }
    .members > li {
      margin-bottom: 0.5rem;
    }
    .member {
      font-weight: 600;
    }
    .retry {
      margin-top: 0.25rem;
    }
  `,
];
