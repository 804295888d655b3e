/**
 * Ranking and highlighting of party search hits, pure (no DOM, no I/O): name matches first — the
 * name starts with the text, then a word of the name does, then the name contains it — and hits
 * found only through another field (an email, an account) last; ties keep the server's order.
 * The highlight is a list of text parts, rendered with <mark> by the view: never as HTML.
 */

/** How well a hit matches, best first. */
export const MatchRank = { NamePrefix: 0, NameWordStart: 1, NameContains: 2, Other: 3 } as const;
export type MatchRank = (typeof MatchRank)[keyof typeof MatchRank];

/** A part of a name: `match` parts are the searched text. */
export interface TextPart {
  readonly text: string;
  readonly match: boolean;
}

const WORD_BREAK = /[\s\-'’.(]/;

/** Where `query` occurs in `name` (case-insensitive), preferring the start of a word; -1 when not. */
function matchIndex(name: string, query: string): number {
  const hay = name.toLowerCase();
  const needle = query.trim().toLowerCase();
  // Lower-casing that changes lengths (rare scripts) would misplace the parts: no match then.
  if (needle === '' || hay.length !== name.length) return -1;
  let first = -1;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (at === 0 || WORD_BREAK.test(hay[at - 1] ?? '')) return at;
    if (first < 0) first = at;
  }
  return first;
}

/** The rank of a hit named `name` for `query`. */
export function rankOf(name: string, query: string): MatchRank {
  const at = matchIndex(name, query);
  if (at === 0) return MatchRank.NamePrefix;
  if (at < 0) return MatchRank.Other;
  return WORD_BREAK.test(name[at - 1] ?? '') ? MatchRank.NameWordStart : MatchRank.NameContains;
}

/** `hits` ordered best match first (stable: equal ranks keep their order). */
export function rankHits<T extends { readonly name: string }>(hits: readonly T[], query: string): T[] {
  return hits
    .map((hit, index) => ({ hit, index, rank: rankOf(hit.name, query) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ hit }) => hit);
}

/** `name` split around the first (word-start preferred) occurrence of `query`. */
export function highlightParts(name: string, query: string): TextPart[] {
  const at = matchIndex(name, query);
  if (at < 0) return [{ text: name, match: false }];
  const end = at + query.trim().length;
  return [
    { text: name.slice(0, at), match: false },
    { text: name.slice(at, end), match: true },
    { text: name.slice(end), match: false },
  ].filter((part) => part.text !== '');
}
