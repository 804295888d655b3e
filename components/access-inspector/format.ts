/** Wording shared by the inspector's sections: ages, kinds, tables, search. */
import { msg, str } from '@lit/localize';
import { ROLE_KINDS, type AccessTarget, type RoleKind } from '../../src/model/definitions.js';
import type { PartyKind } from '../../src/model/kinds.js';
import type { DefinitionsSnapshot } from '../../src/service/definitions-snapshot.js';
import { partyKindLabel } from '../internal/labels.js';

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "3 minutes ago", "just now". */
export function formatAge(ageMs: number, locale?: string): string {
  if (ageMs < 10_000) return msg('just now');
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (ageMs >= size) return format.format(-Math.floor(ageMs / size), unit);
  }
  return msg('just now');
}

/** "Cached 3 minutes ago" / "Read from the instance just now" / "Imported 1 hour ago". */
export function sourceSentence(snapshot: DefinitionsSnapshot): string {
  const age = formatAge(snapshot.ageMs());
  switch (snapshot.source) {
    case 'network':
      return msg(str`Read from the instance ${age}`);
    case 'cache':
      return msg(str`Cached ${age}`);
    case 'import':
      return msg(str`Imported ${age}`);
  }
}

/** Role kinds in the order the filter lists them. */
export { ROLE_KINDS };

/** A role kind for people. */
export function roleKindLabel(kind: RoleKind): string {
  const labels: Record<RoleKind, string> = {
    functional: msg('Functional'),
    granular: msg('Granular'),
    base: msg('Base'),
    contributor: msg('Contributor'),
    other: msg('Other'),
  };
  return labels[kind];
}

/** A table (entity kind or other access target) for people. */
export function tableLabel(table: AccessTarget): string {
  const labels: Record<AccessTarget, string> = {
    case: msg('Case'),
    sold_product: msg('Sold product'),
    install_base: msg('Install base item'),
    installed_product: msg('Installed product'),
    case_task: msg('Case task'),
    case_related_party: msg('Case related party'),
    sold_product_related_party: msg('Sold product related party'),
    install_base_related_party: msg('Install base related party'),
  };
  return labels[table] ?? table;
}

/** A party kind (or a responsibility's `none`) for people. */
export function partyLabel(kind: PartyKind | 'none'): string {
  return kind === 'none' ? msg('Any') : partyKindLabel(kind);
}

/** True when any of `texts` contains the (trimmed, case-insensitive) query; an empty query matches. */
export function matches(query: string, ...texts: readonly (string | undefined)[]): boolean {
  const needle = query.trim().toLowerCase();
  return needle === '' || texts.some((text) => text?.toLowerCase().includes(needle));
}
