import { css } from 'lit';
import { levelStyles, sharedStyles, sortHeaderStyles } from '../internal/shared.styles.js';

/** Styles of <cam-access-review>: stacked blocks, a responsive matrix (container queries). */
export const styles = [
  sharedStyles,
  levelStyles,
  sortHeaderStyles,
  css`
    :host {
      container-type: inline-size;
    }
    .heading {
      font-size: 1.05em;
      font-weight: 600;
      margin: calc(2 * var(--cam-space, 0.5rem)) 0 var(--cam-space, 0.5rem);
    }
    section + section {
      margin-block-start: calc(2 * var(--cam-space, 0.5rem));
    }
    .loading,
    .cancelled,
    .apply-bar,
    .export,
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--cam-space, 0.5rem);
      margin-block: var(--cam-space, 0.5rem);
    }
    progress {
      accent-color: var(--cam-color-primary, #1d4ed8);
      min-width: 8rem;
    }
    .warning {
      color: var(--cam-color-warning, #8a4b00);
    }
    .hint {
      margin: 0 0 0.25rem;
      font-size: 0.85em;
    }
    .findings-scroll {
      padding: 0.25rem;
    }
    /* The feed: with many findings, the virtualizer positions each one (no grid gap: margins). */
    .findings {
      display: block;
      width: 100%;
    }
    .finding {
      box-sizing: border-box;
      width: 100%;
      margin-block-end: var(--cam-space, 0.5rem);
      border: 1px solid var(--cam-color-border, #c9cfd9);
      border-radius: var(--cam-radius, 6px);
      padding: var(--cam-space, 0.5rem) calc(1.5 * var(--cam-space, 0.5rem));
      overflow-wrap: anywhere;
    }
    .finding:focus-visible {
      outline-offset: -3px;
    }
    .finding p {
      margin: 0.2rem 0;
    }
    .finding-head {
      display: flex;
      flex-wrap: wrap;
      gap: var(--cam-space, 0.5rem);
      align-items: center;
      font-weight: 600;
    }
    .severity {
      border-radius: 999px;
      padding: 0 0.5rem;
      font-size: 0.85em;
      background: var(--cam-color-surface-muted, #eef0f3);
      color: var(--cam-color-text, #1d2433);
    }
    .severity[data-severity='high'] {
      background: var(--cam-color-danger, #b42318);
      color: var(--cam-color-on-primary, #ffffff);
    }
    .severity[data-severity='medium'] {
      background: var(--cam-color-warning-bg, #fff4e0);
      color: var(--cam-color-warning, #8a4b00);
    }
    details ul,
    .paths,
    .near-misses {
      margin: 0.2rem 0;
      padding-inline-start: 1.1rem;
    }
    .decision {
      border: none;
      padding: 0;
      margin: 0.3rem 0 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem var(--cam-space, 0.5rem);
      align-items: center;
    }
    .decision legend {
      float: left;
      font-weight: 600;
      margin-inline-end: var(--cam-space, 0.5rem);
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
    }
    .result[data-status='failed'],
    .result[data-status='stale'],
    .result[data-status='invalid'],
    .failures,
    .problems {
      color: var(--cam-color-danger, #b42318);
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
      max-width: 100%;
    }
    .count {
      color: var(--cam-color-text-muted, #5b6475);
      margin-inline-start: auto;
    }
    .scroll {
      max-height: var(--cam-access-review-max-height, 28rem);
      overflow: auto;
      border: 1px solid var(--cam-color-border, #c9cfd9);
      border-radius: var(--cam-radius, 6px);
    }
    .row,
    .group-row {
      display: grid;
      grid-template-columns: minmax(7rem, 1.3fr) minmax(7rem, 1.3fr) 5.5rem minmax(10rem, 3fr);
      width: 100%;
      border-block-end: 1px solid var(--cam-color-border, #e4e8ef);
    }
    .single .row {
      grid-template-columns: minmax(7rem, 1.3fr) 5.5rem minmax(10rem, 3fr);
    }
    .group-row {
      grid-template-columns: 1fr;
      background: var(--cam-color-surface-muted, #f5f7fa);
      font-weight: 600;
    }
    [role='cell'],
    [role='columnheader'] {
      padding: 0.35rem 0.5rem;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .header-row {
      position: sticky;
      top: 0;
      z-index: 1;
      background: var(--cam-color-surface-muted, #f5f7fa);
      font-weight: 600;
    }
    .rows {
      width: 100%;
    }
    .path-kind {
      font-weight: 600;
    }
    .near-misses {
      color: var(--cam-color-warning, #8a4b00);
    }
    .level {
      border-radius: 999px;
      padding: 0.05rem 0.5rem;
      white-space: nowrap;
    }
    /* Narrow hosts: each row stacks who / record / level above how. */
    @container (max-width: 36rem) {
      .row,
      .single .row {
        grid-template-columns: 1fr auto;
      }
      .row > .how {
        grid-column: 1 / -1;
      }
      .header-row {
        grid-template-columns: repeat(auto-fit, minmax(5rem, 1fr));
      }
    }
  `,
];
