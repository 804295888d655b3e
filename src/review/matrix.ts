/**
 * The matrix of the review: for every principal of the facts, each entity in scope it reaches
 * (level and every path), plus principals a party record on an entity in scope names or stands for
 * who reach it with less than the record promises (their near misses). Pure.
 */
import { formatRef, type EntityRef, type PrincipalRef } from '../model/kinds.js';
import type { Explanation } from '../access/types.js';
import { pathOf } from './paths.js';
import type { MatrixRow } from './types.js';
import type { ReviewWorld } from './world.js';

/**
 * Near misses worth showing: those about a record (but not a "Listed" type, which grants nothing by
 * design), a parent account, or the record's own contact without the customer role.
 */
function nearMissesOf(explanation: Explanation): string[] {
  return explanation.nearMisses
    .filter(
      (m) => (m.recordId !== undefined && m.code !== 'no-responsibility') || m.code === 'owner-missing-role',
    )
    .map((m) => m.reason);
}

/** A matrix row from the engine's explanation. */
export function matrixRow(explanation: Explanation): MatrixRow {
  return {
    principal: explanation.principal,
    principalLabel: explanation.principalLabel,
    entity: explanation.entity,
    entityLabel: explanation.entityLabel,
    level: explanation.level,
    paths: explanation.grants.map(pathOf),
    nearMisses: nearMissesOf(explanation),
  };
}

/** Every principal of the facts. */
export function principalsOf(world: ReviewWorld): PrincipalRef[] {
  const { facts } = world;
  return [
    ...facts.contacts.map((c) => ({ kind: 'contact' as const, id: c.id })),
    ...facts.consumers.map((c) => ({ kind: 'consumer' as const, id: c.id })),
    ...facts.users.map((u) => ({ kind: 'user' as const, id: u.id })),
  ];
}

/** The rows of one principal: entities in scope it reaches. */
export function rowsOfPrincipal(world: ReviewWorld, principal: PrincipalRef): MatrixRow[] {
  return world.engine
    .accessFor(principal)
    .filter((entry) => world.scopeKeys.has(formatRef(entry.entity)))
    .map((entry) => matrixRow(world.explain(principal, entry.entity)));
}

/**
 * Rows of people named (or stood for) by records on an entity in scope, or on a record its access
 * cascades from, who reach it with less than the record promises.
 */
export function nearMissRows(world: ReviewWorld, reached: ReadonlySet<string>): MatrixRow[] {
  const rows: MatrixRow[] = [];
  const seen = new Set<string>();
  for (const entity of world.scope) {
    const records = world.sourcesOf(entity).flatMap((source) => world.recordsOn(source));
    for (const record of records) {
      for (const principal of world.membersOf(record.party)) {
        const key = `${formatRef(principal)}|${formatRef(entity)}`;
        if (reached.has(key) || seen.has(key)) continue;
        seen.add(key);
        const explanation = world.explain(principal, entity as EntityRef);
        if (explanation.incomplete?.some((text) => text.includes('not in the facts'))) continue;
        const candidate = matrixRow(explanation);
        if (candidate.nearMisses.length > 0) rows.push(candidate);
      }
    }
  }
  return rows;
}

/** The whole matrix (sorted by principal, then entity). */
export function buildMatrix(world: ReviewWorld): MatrixRow[] {
  const rows = principalsOf(world).flatMap((p) => rowsOfPrincipal(world, p));
  const reached = new Set(rows.map((r) => `${formatRef(r.principal)}|${formatRef(r.entity)}`));
  return sortRows([...rows, ...nearMissRows(world, reached)]);
}

const collator = new Intl.Collator();

/** By principal name (then id), then record. */
export function sortRows(rows: MatrixRow[]): MatrixRow[] {
  return rows.sort(
    (a, b) =>
      collator.compare(a.principalLabel, b.principalLabel) ||
      collator.compare(a.principal.id, b.principal.id) ||
      collator.compare(a.entityLabel, b.entityLabel),
  );
}
