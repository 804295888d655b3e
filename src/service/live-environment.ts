/**
 * What live refresh needs of the page: whether it is hidden (Page Visibility) or offline, a signal
 * when either changes or the page regains focus, a clock and timers. The browser's by default;
 * tests pass a fake one (a manual clock, a page they hide and show).
 */

export interface LiveEnvironment {
  /** The page is hidden (another tab, minimised): nothing is polled. */
  hidden(): boolean;
  /** The browser says it is offline: nothing is polled. */
  online(): boolean;
  /** Calls `listener` when visibility or connectivity changes, or the window regains focus. */
  watch(listener: (reason: 'visibility' | 'online' | 'focus') => void): () => void;
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** A number in [0, 1) for back-off jitter. */
  random(): number;
}

/** The page's own visibility, connectivity, focus, clock and timers. */
export function browserEnvironment(): LiveEnvironment {
  const hasDocument = typeof document !== 'undefined';
  return {
    hidden: () => hasDocument && document.visibilityState === 'hidden',
    online: () => typeof navigator === 'undefined' || navigator.onLine !== false,
    watch(listener) {
      if (typeof window === 'undefined') return () => undefined;
      const onVisibility = () => listener('visibility');
      const onOnline = () => listener('online');
      const onFocus = () => listener('focus');
      document.addEventListener('visibilitychange', onVisibility);
      window.addEventListener('online', onOnline);
      window.addEventListener('offline', onOnline);
      window.addEventListener('focus', onFocus);
      return () => {
        document.removeEventListener('visibilitychange', onVisibility);
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOnline);
        window.removeEventListener('focus', onFocus);
      };
    },
    now: () => Date.now(),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    random: () => Math.random(),
  };
}
