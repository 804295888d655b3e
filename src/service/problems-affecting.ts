/**
 * Which definition problems (the lines of definition-problems.ts, in a snapshot's `problems`)
 * touch the records behind one answer: for the badge's note. Kept apart from the lines' making,
 * which needs the engine's compiler, so a badge does not load it.
 */
import type { RelatedPartyRecord } from '../model/facts.js';

/**
 * The problems that touch `records` (the related parties behind an answer): those naming one of
 * their relationship types or responsibilities (by sys_id). Such an answer may miss a grant.
 */
export function problemsAffecting(
  problems: readonly string[],
  records: readonly RelatedPartyRecord[],
): string[] {
  const ids = new Set<string>();
  for (const record of records) {
    if (record.type) ids.add(record.type);
    if (record.responsibility) ids.add(record.responsibility);
  }
  if (ids.size === 0) return [];
  return problems.filter((problem) => [...ids].some((id) => problem.includes(id)));
}
