/**
 * The extension's settings (chrome.storage.sync: no personal data, no token) and the origins it runs
 * on. Pure: parsing and validation only.
 */

export type Theme = 'auto' | 'light' | 'dark';

export interface Settings {
  /** Re-read the open record's parties every this many seconds; 0 = only on navigation. */
  readonly pollSeconds: number;
  readonly theme: Theme;
}

export const DEFAULT_SETTINGS: Settings = { pollSeconds: 0, theme: 'auto' };
export const MAX_POLL_SECONDS = 3600;
/** Shorter intervals would load the instance for little gain. */
export const MIN_POLL_SECONDS = 15;
const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];

/** A poll interval the extension accepts: 0 (off) or MIN…MAX seconds, rounded to whole seconds. */
export function normalizePollSeconds(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) return 0;
  return Math.min(MAX_POLL_SECONDS, Math.max(MIN_POLL_SECONDS, Math.round(n)));
}

/** Settings from whatever storage holds (missing or invalid values fall back to the defaults). */
export function readSettings(stored: unknown): Settings {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const theme = THEMES.find((t) => t === raw.theme) ?? DEFAULT_SETTINGS.theme;
  const pollSeconds =
    'pollSeconds' in raw ? normalizePollSeconds(raw.pollSeconds) : DEFAULT_SETTINGS.pollSeconds;
  return { pollSeconds, theme };
}

/** The default instance origins (also the manifest's content script matches). */
export const DEFAULT_MATCHES: readonly string[] = ['https://*.service-now.com/*'];

/**
 * A Chrome match pattern naming whole origins: scheme http or https, a host (optionally `*.` plus a
 * domain), an optional port, and the path `/*`. Nothing broader (no `<all_urls>`, no `*://`).
 */
const ORIGIN_PATTERN = /^(https?):\/\/(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:]+\])(:\d{1,5})?\/\*$/i;

export function isOriginPattern(pattern: string): boolean {
  return ORIGIN_PATTERN.test(pattern);
}

/**
 * The build-time `CAM_EXTENSION_ORIGINS` list (comma-separated match patterns). Throws on a pattern
 * that is not an origin pattern, so a typo fails the build instead of widening the extension.
 */
export function parseOriginList(list: string | undefined): string[] {
  const patterns = (list ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const pattern of patterns) {
    if (!isOriginPattern(pattern)) {
      throw new Error(
        `CAM_EXTENSION_ORIGINS: "${pattern}" is not an origin match pattern like https://host.example.com/*`,
      );
    }
  }
  return [...new Set(patterns)];
}

/**
 * The match pattern for an instance address typed in the options page (`acme.example.com`,
 * `https://acme.example.com/nav_to.do`…): https only, the whole origin. Undefined when invalid.
 */
export function patternForInstance(input: string): string | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.hostname === '') return undefined;
  const pattern = `https://${url.host}/*`;
  return isOriginPattern(pattern) ? pattern : undefined;
}
