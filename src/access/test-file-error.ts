import type * as v from 'valibot';

/** A place in an access-test file: the keys from the root, e.g. `['facts', 'contacts', 2, 'account']`. */
export type Place = readonly (string | number)[];

/** Formats a place as `facts.contacts[2].account`. */
export function formatPlace(place: Place): string {
  return place.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key),
    '',
  );
}

/** An access-test file that cannot be used; the message names the file and the place. */
export class AccessTestFileError extends Error {
  override readonly name = 'AccessTestFileError';

  constructor(
    /** Where in the document, e.g. `facts.relatedParties[3].party` ('' for the whole document). */
    readonly place: string,
    /** What is wrong there. */
    readonly detail: string,
    /** The file name or other origin, when known. */
    readonly source?: string,
  ) {
    super([source, place, detail].filter(Boolean).join(': '));
  }
}

type Issue = v.BaseIssue<unknown>;

function placeOf(issue: Issue): Place {
  return (issue.path ?? []).map((item) => (typeof item.key === 'number' ? item.key : String(item.key)));
}

/**
 * A union's most specific sub-issue (the deepest place), or the issue itself. Sub-issue paths are
 * relative to the union, so the union's place is prepended.
 */
function mostSpecific(issue: Issue, at: Place = placeOf(issue)): { issue: Issue; place: Place } {
  let best = { issue, place: at };
  if (issue.type !== 'union' || !issue.issues) return best;
  for (const sub of issue.issues) {
    const candidate = mostSpecific(sub, [...at, ...placeOf(sub)]);
    if (candidate.place.length > best.place.length) best = candidate;
  }
  return best;
}

function describe(issue: Issue): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'unknown field';
  if (issue.kind === 'schema' && issue.received === 'undefined') return 'is required';
  if (issue.type === 'union' || issue.kind === 'validation') return issue.message;
  return `expected ${issue.expected ?? 'another value'}, got ${issue.received}`;
}

/** Turns the first valibot issue into an error naming its place. */
export function errorFromIssue(issue: Issue, source?: string): AccessTestFileError {
  const { issue: specific, place } = mostSpecific(issue);
  return new AccessTestFileError(formatPlace(place), describe(specific), source);
}
