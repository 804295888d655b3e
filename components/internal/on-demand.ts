/**
 * A module of an element loaded the first time it is needed (a dynamic `import()`: a chunk of its
 * own in the bundle). `loaded` gives it synchronously once it is there, so code that runs after
 * the first use keeps its timing; `load` imports it once. After a failed load the next call asks
 * the browser again (Chromium keeps a failed module for the page's life, so there only a reload
 * helps).
 */
export interface OnDemand<T> {
  /** The module, once loaded. */
  readonly loaded: T | undefined;
  /** Imports the module (once). */
  load(): Promise<T>;
  /** `load` for event listeners (hover, focus): a failure shows at the use that needs it. */
  warm(): void;
}

export function onDemand<T>(importModule: () => Promise<T>): OnDemand<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  const load = (): Promise<T> => {
    loading ??= importModule().then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = undefined;
        throw error;
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
