/** Render helpers: where the rules behind an answer came from, and what the answer may be missing. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { DefinitionsSnapshot } from '../../src/service/definitions-snapshot.js';

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 minutes ago", in the page's language. */
export function ago(ms: number): string {
  const format = new Intl.RelativeTimeFormat(document.documentElement.lang || undefined, {
    numeric: 'always',
  });
  for (const [unit, size] of UNITS) {
    if (ms >= size) return format.format(-Math.floor(ms / size), unit);
  }
  return format.format(-Math.floor(ms / 1000), 'second');
}

/** A note when the rules are not fresh from the server: cached (maybe offline) or imported. */
export function renderSourceNote(
  snapshot: DefinitionsSnapshot,
  ageMs: number,
): TemplateResult | typeof nothing {
  const offline = snapshot.offline
    ? html` <strong class="offline">${msg('Offline: the instance could not be reached.')}</strong>`
    : nothing;
  if (snapshot.source === 'cache' || snapshot.offline) {
    return html`<p class="note source" part="source-note">
      ${msg(str`Based on cached rules from ${ago(ageMs)}.`)}${offline}
    </p>`;
  }
  if (snapshot.source === 'import') {
    return html`<p class="note source" part="source-note">
      ${msg(str`Based on imported rules, loaded ${ago(ageMs)}.`)}
    </p>`;
  }
  return nothing;
}

/** The tables and facts the answer could not use; the level shown may be too low. */
export function renderIncomplete(items: readonly string[]): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  return html`<div class="note incomplete" part="incomplete-note">
    <p><strong>${msg('Answer incomplete:')}</strong></p>
    <ul>
      ${items.map((item) => html`<li>${item}</li>`)}
    </ul>
  </div>`;
}
