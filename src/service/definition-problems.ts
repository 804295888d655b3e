/**
 * Definitions the engine cannot use, as lines naming the table, the record and the column (for the
 * inspector's Status tab and, through problems-affecting.ts, the badge's note). Rows skipped while
 * reading are reported by definitions-rows.ts in the same form; this adds what the engine finds in
 * the rows it did read (a required role that does not exist, a cascade it does not know…).
 */
import { CompiledDefinitions } from '../access/compiled-definitions.js';
import type { EngineProblem, EngineProblemCode } from '../access/types.js';
import type { TableMap } from '../client/table-map.js';
import type { Definitions } from '../model/definitions.js';

/** Persona rows are no table (built-in or host rows): named by their own column names. */
type Where = (map: TableMap) => { table: string; column: string };
const PERSONA_ROWS = 'persona grants';

/** The table and column each engine problem is about. */
const WHERE: Readonly<Record<EngineProblemCode, Where>> = {
  'role-cycle': (m) => ({ table: m.roleContains.table, column: m.roleContains.columns.contains }),
  'unknown-role': (m) => ({ table: m.roleContains.table, column: m.roleContains.columns.contains }),
  'duplicate-role': (m) => ({ table: m.role.table, column: m.role.columns.name }),
  'config-unknown-responsibility': (m) => ({
    table: m.accessConfig.table,
    column: m.accessConfig.columns.responsibility,
  }),
  'config-unknown-role': (m) => ({
    table: m.accessConfig.table,
    column: m.accessConfig.columns.rolesRequired,
  }),
  'config-unknown-level': (m) => ({ table: m.accessConfig.table, column: m.accessConfig.columns.level }),
  'config-unknown-table': (m) => ({ table: m.accessConfig.table, column: m.accessConfig.columns.table }),
  'config-unknown-party': (m) => ({ table: m.accessConfig.table, column: m.accessConfig.columns.partyType }),
  'config-unsupported-cascade': (m) => ({
    table: m.accessConfig.table,
    column: m.accessConfig.columns.through,
  }),
  'type-unknown-table': (m) => ({
    table: m.relationshipType.table,
    column: m.relationshipType.columns.appliesTo,
  }),
  'type-unknown-party': (m) => ({
    table: m.relationshipType.table,
    column: m.relationshipType.columns.entityType,
  }),
  'persona-unknown-role': () => ({ table: PERSONA_ROWS, column: 'role' }),
  'persona-invalid': () => ({ table: PERSONA_ROWS, column: 'scope, level, table or principals' }),
  'type-unknown-responsibility': (m) => ({
    table: m.relationshipType.table,
    column: m.relationshipType.columns.defaultResponsibility,
  }),
};

const cache = new WeakMap<Definitions, readonly string[]>();

/** One line per engine problem: `table record (column): what is wrong` (computed once per definitions). */
export function engineProblemLines(definitions: Definitions, map: TableMap): readonly string[] {
  const known = cache.get(definitions);
  if (known) return known;
  const configs = new Map(definitions.accessConfigs.map((config) => [config.id, config]));
  // Compiled once: the engines of this snapshot reuse it.
  const lines = CompiledDefinitions.of(definitions).problems.map((problem: EngineProblem) => {
    const { table, column } = WHERE[problem.code](map);
    const config = problem.code.startsWith('config-') ? configs.get(problem.subject) : undefined;
    const affects = config ? `; grants of responsibility ${config.responsibility} may be missing` : '';
    return `${table} ${problem.subject} (column ${column}): ${problem.message}${affects}`;
  });
  cache.set(definitions, lines);
  return lines;
}
