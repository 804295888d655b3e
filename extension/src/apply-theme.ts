/**
 * Applies the chosen theme to an extension page: `data-theme` on the root is always `light` or
 * `dark` ("auto" follows the system, also when it changes), so theme.css needs one dark block.
 */
import type { Theme } from './settings.js';

const systemDark = matchMedia('(prefers-color-scheme: dark)');
let chosen: Theme = 'auto';

export function applyTheme(theme: Theme): void {
  chosen = theme;
  const dark = theme === 'dark' || (theme === 'auto' && systemDark.matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

systemDark.addEventListener('change', () => applyTheme(chosen));
