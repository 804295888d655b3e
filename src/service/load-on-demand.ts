/**
 * Code the services load on first use (in the bundle, a chunk beside the entry): party edits and
 * search, the reading of the definition tables. Loaded once and shared by every caller. A failed load
 * rejects with an error saying what could not be loaded and to reload the page; the next call asks
 * the browser again (Chromium keeps a failed module for the page's life, so there only a reload helps).
 */
export function loadOnDemand<T>(what: string, load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${what} could not be loaded (${reason}). Reload the page and try again.`, {
        cause: error,
      });
    });
    return loading;
  };
}
