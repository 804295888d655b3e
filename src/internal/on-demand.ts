/**
 * A module loaded the first time it is needed (a dynamic `import()`: in the bundle, a chunk beside
 * the entry), shared by every caller. `loaded` gives it synchronously once it is there, so code
 * that runs after the first use keeps its timing; `load` imports it once. A failed load rejects —
 * saying what could not be loaded and to reload the page when `what` names it — and the next call
 * asks the browser again (Chromium keeps a failed module for the page's life, so there only a
 * reload helps).
 */
export interface OnDemand<T> {
  /** The module, once loaded. */
  readonly loaded: T | undefined;
  /** Imports the module (once). */
  load(): Promise<T>;
  /** `load` for event listeners (hover, focus): a failure shows at the use that needs it. */
  warm(): void;
}

export function onDemand<T>(importModule: () => Promise<T>, what?: string): OnDemand<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  const load = (): Promise<T> => {
    loading ??= importModule().then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = undefined;
        if (what === undefined) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`${what} could not be loaded (${reason}). Reload the page and try again.`, {
          cause: error,
        });
      },
    );
    return loading;
  };
  return {
    get loaded() {
      return loaded;
    },
    load,
    warm: () => void load().catch(() => undefined),
  };
}
