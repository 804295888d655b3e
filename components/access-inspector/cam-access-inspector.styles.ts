import { css } from 'lit';
import { levelStyles, sharedStyles } from '../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  levelStyles,
  css`
    .source {
      display: flex;
      flex-wrap: wrap;
      gap: var(--cam-space, 0.5rem);
      align-items: center;
      margin: 0 0 var(--cam-space, 0.5rem);
    }
    .offline,
    .warning {
      background: var(--cam-color-warning-bg, #fff4d6);
      color: var(--cam-color-warning, #8a4b00);
      border-radius: var(--cam-radius, 6px);
      padding: 0.2rem 0.6rem;
    }
    .warning {
      padding: 0.5rem 0.75rem;
      margin-block-end: var(--cam-space, 0.5rem);
    }
    .warning p,
    .warning ul {
      margin: 0;
    }
    .warn {
      color: var(--cam-color-warning, #8a4b00);
      font-size: 0.85em;
    }
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-bottom: 1px solid var(--cam-color-border, #c9cfd9);
    }
    [role='tab'] {
      border: none;
      border-bottom: 3px solid transparent;
      border-radius: var(--cam-radius, 6px) var(--cam-radius, 6px) 0 0;
      background: transparent;
      padding: 0.4rem 0.75rem;
    }
    [role='tab'][aria-selected='true'] {
      border-bottom-color: var(--cam-color-primary, #1d4ed8);
      font-weight: 600;
    }
    [role='tabpanel'] {
      padding: var(--cam-space, 0.5rem) 0;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: var(--cam-space, 0.5rem) calc(2 * var(--cam-space, 0.5rem));
      align-items: end;
    }
    label {
      display: inline-flex;
      flex-direction: column;
      gap: 0.15rem;
    }
    .count {
      margin: 0.25rem 0;
    }
    /* A wide table scrolls on its own on narrow screens (390 px). */
    .table-scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      vertical-align: top;
      padding: 0.3rem 0.5rem;
      border-bottom: 1px solid var(--cam-color-border, #c9cfd9);
    }
    td ul,
    .details ul {
      margin: 0;
      padding-inline-start: 1rem;
    }
    button.link {
      border: none;
      background: none;
      padding: 0;
      color: var(--cam-color-link, #1d4ed8);
      text-align: start;
      text-decoration: underline;
    }
    /* Tree and details side by side when there is room for both, stacked otherwise (390 px). */
    .roles {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(16rem, 100%), 1fr));
      gap: var(--cam-space, 0.5rem);
      align-items: start;
    }
    [role='tree'] {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: var(--cam-tree-max-height, 32rem);
      overflow: auto;
      border: 1px solid var(--cam-color-border, #c9cfd9);
      border-radius: var(--cam-radius, 6px);
    }
    [role='treeitem'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
      align-items: baseline;
      padding: 0.2rem 0.4rem;
      padding-inline-start: calc((var(--level) - 1) * var(--cam-tree-indent, 1.25rem) + 0.4rem);
      cursor: default;
    }
    [role='treeitem'][aria-selected='true'] {
      background: var(--cam-color-selected-bg, #e8efff);
    }
    .twisty {
      width: 1rem;
      text-align: center;
      cursor: pointer;
    }
    .name,
    .kind {
      color: var(--cam-color-text-muted, #5b6475);
      font-size: 0.85em;
    }
    .details {
      border: 1px solid var(--cam-color-border, #c9cfd9);
      border-radius: var(--cam-radius, 6px);
      padding: 0.5rem 0.75rem;
    }
    .details h3 {
      margin: 0 0 0.25rem;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.2rem 0.75rem;
      margin: 0 0 0.5rem;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .explain-form {
      display: flex;
      flex-wrap: wrap;
      gap: var(--cam-space, 0.5rem);
      align-items: end;
    }
    fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: var(--cam-space, 0.5rem);
      border: 1px solid var(--cam-color-border, #c9cfd9);
      border-radius: var(--cam-radius, 6px);
      min-width: 0;
    }
    /* Find by name: the hits list opens in the flow under the field, so nothing can clip it. */
    .name-field {
      display: grid;
      gap: 0.2rem;
      flex: 1 1 14rem;
      min-width: 0;
    }
    .name-options {
      list-style: none;
      margin: 0;
      padding: 0.25rem 0;
      max-height: 14rem;
      overflow: auto;
      border: 1px solid var(--cam-color-border, #c9cfd9);
      border-radius: var(--cam-radius, 6px);
      background: var(--cam-color-surface, #ffffff);
    }
    .name-options[hidden] {
      display: none;
    }
    .name-options [role='option'] {
      display: grid;
      padding: 0.3rem 0.6rem;
      cursor: pointer;
    }
    .name-options [role='option'][aria-selected='true'] {
      outline: 2px solid var(--cam-color-focus, #2563eb);
      outline-offset: -2px;
    }
    .name-options mark {
      background: none;
      color: inherit;
      font-weight: 700;
      text-decoration: underline;
    }
    .name-status {
      margin: 0;
      font-size: 0.85em;
      overflow-wrap: anywhere;
    }
    .explanation ul {
      padding-inline-start: 1.25rem;
    }
    .explanation .missing,
    .explanation .near-miss {
      color: var(--cam-color-danger, #b42318);
    }
    .explanation .summary {
      margin: 0.25rem 0 0.4rem;
    }
    .explanation details.steps > summary {
      cursor: pointer;
      color: var(--cam-color-text-muted, #5b6475);
    }
    .actions {
      display: flex;
      gap: var(--cam-space, 0.5rem);
      align-items: center;
    }
    .loading .skeleton {
      display: grid;
      gap: 0.4rem;
      margin-top: 0.5rem;
    }
    .skeleton span {
      display: block;
      height: 0.9rem;
      border-radius: var(--cam-radius, 6px);
      background: var(--cam-color-skeleton, #eef0f3);
    }
    @media (prefers-reduced-motion: no-preference) {
      .skeleton span {
        animation: pulse 1.2s ease-in-out infinite alternate;
      }
    }
    @keyframes pulse {
      to {
        opacity: 0.45;
      }
    }
  `,
];
