/**
 * The rows of the list: a short list renders every row; a long one goes through
 * @lit-labs/virtualizer (only the rows in view are in the DOM), whose module — 30 kB minified, a
 * chunk of its own in the bundle — is loaded the first time a list is long enough to need it
 * (one request). A long list's first page (no more rows than a plain list holds) shows at once,
 * while the module loads; the list renders more rows than that only once it has arrived.
 */
import { nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { virtualize as Virtualize } from '@lit-labs/virtualizer/virtualize.js';

/** Lists up to this many rows render every row, without the virtualizer. */
export const PLAIN_ROW_LIMIT = 100;

let virtualize: typeof Virtualize | undefined;
let loading: Promise<typeof Virtualize> | undefined;

/**
 * Imports the virtualizer once; after a failed attempt the next call asks the browser again
 * (Chromium keeps a failed module for the page's life, so there only a reload helps). The list
 * awaits it before it renders more than `PLAIN_ROW_LIMIT` rows.
 */
export function loadVirtualizer(): Promise<typeof Virtualize> {
  loading ??= import('@lit-labs/virtualizer/virtualize.js').then(
    (module) => (virtualize = module.virtualize),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The rows, virtualised when there are more than `PLAIN_ROW_LIMIT`. `onReady` is called once the
 * virtualizer has loaded (the host re-renders), or with the error when it could not be loaded.
 */
export function renderRows<T>(
  items: T[],
  key: (item: T) => string,
  render: (item: T, index: number) => TemplateResult,
  onReady: (error?: unknown) => void,
): unknown {
  if (items.length <= PLAIN_ROW_LIMIT) return repeat(items, key, render);
  if (virtualize) return virtualize({ items, keyFunction: key, renderItem: render });
  loadVirtualizer().then(
    () => onReady(),
    (error: unknown) => onReady(error),
  );
  return nothing;
}
