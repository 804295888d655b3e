/**
 * Elements defined on demand: a tag is given a loader (a dynamic `import()` of its registration
 * module), and the module is fetched the first time the tag is needed — when such an element
 * appears in the document, or when code asks for it with `loadElement` (an element rendered inside
 * a shadow root, which a document observer cannot see). The module registers its class itself,
 * defensively (`defineElement`), so a tag another copy already defined is left alone.
 */

type Loader = () => Promise<unknown>;

const loaders = new Map<string, Loader>();
const loading = new Map<string, Promise<CustomElementConstructor>>();
let observer: MutationObserver | undefined;

/** Tags with a loader that are not defined yet. */
function pending(): string[] {
  return [...loaders.keys()].filter((tag) => customElements.get(tag) === undefined);
}

/** Loads every pending tag present in `root` (the node itself or a descendant). */
function loadPresent(root: ParentNode & Node, tags: readonly string[]): void {
  for (const tag of tags) {
    const present = (root instanceof Element && root.localName === tag) || root.querySelector(tag) !== null;
    if (present) {
      loadElement(tag).catch((error: unknown) =>
        console.error(
          `<${tag}> could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
  }
}

/** Watches the document for pending tags; stops once none is left. */
function watch(): void {
  if (observer !== undefined || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver((records) => {
    const tags = pending().filter((tag) => !loading.has(tag));
    if (tags.length === 0) {
      if (pending().length === 0) {
        observer?.disconnect();
        observer = undefined;
      }
      return;
    }
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) loadPresent(node, tags);
      }
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

/**
 * Gives `tag` a loader, unless it is defined already or has one. An element with this tag already
 * in the document is loaded at once; one added later, when it is added.
 */
export function lazyElement(tag: string, load: Loader): void {
  if (customElements.get(tag) !== undefined || loaders.has(tag)) return;
  loaders.set(tag, load);
  if (typeof document === 'undefined') return;
  loadPresent(document, [tag]);
  watch();
}

/**
 * The class of `tag` once it is defined, loading its module when it has a loader (a failed load
 * rejects, and the next call asks the browser again — Chromium keeps a failed module for the
 * page's life, so there only a reload helps). Without a loader it waits for whoever defines it.
 */
export function loadElement(tag: string): Promise<CustomElementConstructor> {
  const defined = customElements.get(tag);
  if (defined !== undefined) return Promise.resolve(defined);
  const inFlight = loading.get(tag);
  if (inFlight !== undefined) return inFlight;
  const load = loaders.get(tag);
  if (load === undefined) return customElements.whenDefined(tag);
  const loaded = load().then(() => customElements.whenDefined(tag));
  loading.set(tag, loaded);
  loaded.catch(() => loading.delete(tag));
  return loaded;
}
