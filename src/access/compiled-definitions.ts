import type {
  AccessConfig,
  Definitions,
  RelationshipType,
  ResponsibilityDef,
  RoleDef,
} from '../model/index.js';
import { setBit } from './bitset.js';
import {
  ENTITY_KIND_COUNT,
  PARTY_KIND_COUNT,
  cascadeSupported,
  entityCode,
  partyCode,
} from './kinds-index.js';
import { maskOfLevel, maskOfPermission } from './levels.js';
import { compilePersonaGrants, type CompiledPersonaGrant } from './persona.js';
import { RoleCatalog } from './role-catalog.js';
import type { EngineProblem } from './types.js';

/** An access configuration resolved to codes and bitsets. */
export interface CompiledConfig {
  readonly index: number;
  readonly def: AccessConfig;
  readonly responsibility: number;
  readonly table: number;
  /** Entity kind code the record sits on (`through`, else `table`). */
  readonly source: number;
  /** Party kind code it is limited to, or -1. */
  readonly partyKind: number;
  readonly mask: number;
  /** Known required roles as a bitset over the catalogue. */
  readonly required: Uint32Array;
  /** Required role names missing from the catalogue: held only when a principal lists them. */
  readonly unknownRoles: readonly string[];
  /** False when the config cannot apply (unknown level, table, cascade or responsibility). */
  readonly valid: boolean;
}

const EMPTY = new Int32Array(0);
const NO_BUCKETS: readonly Int32Array[] = [EMPTY, EMPTY, EMPTY];

/**
 * Definitions compiled for evaluation: the role catalogue, per-role permission masks, and for each
 * responsibility × source kind × party kind the ids of the active configs per target table.
 */
export class CompiledDefinitions {
  readonly catalog: RoleCatalog;
  readonly responsibilities: readonly ResponsibilityDef[];
  readonly configs: readonly CompiledConfig[];
  /** `configs[i].mask`, flat for the hot path. */
  readonly configMasks: Uint8Array;
  readonly problems: readonly EngineProblem[];
  /** Per role id, per table: permissions a granular (or functional) role caps to. */
  readonly capMasks: readonly Uint8Array[];
  /** Per role id, per table: permissions a global role (case viewer…) grants everywhere. */
  readonly globalMasks: readonly Uint8Array[];
  /** Persona grant rows (the built-in rows when the definitions list none). */
  readonly personaGrants: readonly CompiledPersonaGrant[];
  readonly #responsibilityIndex = new Map<string, number>();
  readonly #types = new Map<string, RelationshipType>();
  readonly #buckets: (readonly Int32Array[])[];
  readonly #flatBuckets: Int32Array[];
  readonly #unionBuckets: Int32Array[];

  constructor(definitions: Definitions) {
    const problems: EngineProblem[] = [];
    this.catalog = RoleCatalog.fromDefinitions(definitions.roles);
    for (const problem of this.catalog.problems) {
      const subject = problem.kind === 'cycle' ? problem.roles.join(',') : problem.role;
      const code = problem.kind === 'cycle' ? 'role-cycle' : problem.kind;
      problems.push({ code, subject, message: problem.message });
    }
    this.responsibilities = definitions.responsibilities;
    definitions.responsibilities.forEach((r, i) => this.#responsibilityIndex.set(r.id, i));
    for (const type of definitions.relationshipTypes) {
      this.#types.set(type.id, type);
      problems.push(...typeProblems(type, this.#responsibilityIndex));
    }
    this.configs = definitions.accessConfigs.map((def, index) => this.#compileConfig(def, index, problems));
    this.configMasks = Uint8Array.from(this.configs, (config) => config.mask);
    this.capMasks = this.catalog.roles.map((role) =>
      tableMasks(role, role.kind === 'granular' || role.kind === 'functional'),
    );
    this.globalMasks = this.catalog.roles.map((role) =>
      tableMasks(role, role.kind !== 'granular' && role.kind !== 'functional'),
    );
    this.personaGrants = compilePersonaGrants(definitions, this.catalog, problems);
    this.#buckets = this.#bucketConfigs();
    this.#flatBuckets = this.#buckets.flat();
    this.#unionBuckets = this.#buckets.map((tables) =>
      Int32Array.from(new Set(tables.flatMap((ids) => [...ids]))),
    );
    this.problems = problems;
  }

  /** Index of a responsibility id, or -1. */
  responsibilityIndex(id: string | undefined): number {
    return id === undefined ? -1 : (this.#responsibilityIndex.get(id) ?? -1);
  }

  /** The relationship type with this id. */
  type(id: string): RelationshipType | undefined {
    return this.#types.get(id);
  }

  /** Every relationship type. */
  get types(): Iterable<RelationshipType> {
    return this.#types.values();
  }

  /**
   * The bucket set of a record (responsibility, entity kind, party kind): a small integer naming
   * the config ids per target table, or -1 when the record can grant nothing.
   */
  bucketSet(responsibility: number, source: number, party: number): number {
    if (responsibility < 0 || source < 0 || party < 0) return -1;
    return (responsibility * ENTITY_KIND_COUNT + source) * PARTY_KIND_COUNT + party;
  }

  /** Config ids per target table of a bucket set. */
  bucketTables(set: number): readonly Int32Array[] {
    return this.#buckets[set] ?? NO_BUCKETS;
  }

  /** Config ids of a bucket set, all tables together. */
  bucketConfigs(set: number): Int32Array {
    return this.#unionBuckets[set] ?? EMPTY;
  }

  /** Config ids of a bucket set for one table (hot path: no array of arrays). */
  bucket(set: number, table: number): Int32Array {
    return this.#flatBuckets[set * ENTITY_KIND_COUNT + table] ?? EMPTY;
  }

  /** Config ids per target table for a record (responsibility, entity kind, party kind). */
  buckets(responsibility: number, source: number, party: number): readonly Int32Array[] {
    return this.bucketTables(this.bucketSet(responsibility, source, party));
  }

  #compileConfig(def: AccessConfig, index: number, problems: EngineProblem[]): CompiledConfig {
    const responsibility = this.responsibilityIndex(def.responsibility);
    const table = entityCode(def.table);
    const source = def.through === undefined ? table : entityCode(def.through);
    const level = def.level as string;
    const levelKnown = level === 'read' || level === 'write' || level === 'full';
    const partyKind = def.partyType === undefined ? -1 : partyCode(def.partyType);
    const report = (code: EngineProblem['code'], message: string) =>
      problems.push({ code, subject: def.id, message: `access configuration ${def.id}: ${message}` });
    if (responsibility < 0)
      report('config-unknown-responsibility', `unknown responsibility ${def.responsibility}`);
    if (!levelKnown) report('config-unknown-level', `unknown access level ${level}`);
    if (table < 0) report('config-unknown-table', `unknown table ${def.table}`);
    if (def.through !== undefined && source < 0)
      report('config-unknown-table', `unknown table ${def.through ?? ''} in through`);
    if (def.partyType !== undefined && partyKind < 0)
      report('config-unknown-party', `unknown party type ${def.partyType}`);
    const supported = table >= 0 && source >= 0 && cascadeSupported(source, table);
    if (table >= 0 && source >= 0 && !supported) {
      report('config-unsupported-cascade', `access does not cascade from ${def.through} to ${def.table}`);
    }
    const required = new Uint32Array(this.catalog.words);
    const unknownRoles: string[] = [];
    for (const name of def.rolesRequired) {
      const id = this.catalog.idOf(name);
      if (id >= 0) setBit(required, id);
      else {
        unknownRoles.push(name);
        report('config-unknown-role', `requires role ${name}, which is not in the role catalogue`);
      }
    }
    const valid =
      responsibility >= 0 && levelKnown && supported && !(def.partyType !== undefined && partyKind < 0);
    const mask = levelKnown ? maskOfLevel(def.level) : 0;
    return { index, def, responsibility, table, source, partyKind, mask, required, unknownRoles, valid };
  }

  #bucketConfigs(): (readonly Int32Array[])[] {
    const lists: number[][][] = [];
    const size = this.responsibilities.length * ENTITY_KIND_COUNT * PARTY_KIND_COUNT;
    for (let i = 0; i < size; i++) lists.push([[], [], []]);
    for (const config of this.configs) {
      if (!config.valid || !config.def.active) continue;
      for (let party = 0; party < PARTY_KIND_COUNT; party++) {
        if (config.partyKind >= 0 && config.partyKind !== party) continue;
        const slot = (config.responsibility * ENTITY_KIND_COUNT + config.source) * PARTY_KIND_COUNT + party;
        lists[slot]?.[config.table]?.push(config.index);
      }
    }
    return lists.map((perTable) => perTable.map((ids) => (ids.length === 0 ? EMPTY : Int32Array.from(ids))));
  }
}

/** Permission masks per entity table from a role's own grants, when `applies`. */
function tableMasks(role: RoleDef, applies: boolean): Uint8Array {
  const masks = new Uint8Array(ENTITY_KIND_COUNT);
  if (!applies) return masks;
  for (const grant of role.grants ?? []) {
    const table = entityCode(grant.target);
    if (table >= 0) masks[table] = (masks[table] ?? 0) | maskOfPermission(grant.permission);
  }
  return masks;
}

function typeProblems(
  type: RelationshipType,
  responsibilities: ReadonlyMap<string, number>,
): EngineProblem[] {
  const problems: EngineProblem[] = [];
  const name = `relationship type ${type.name} (${type.id})`;
  if (entityCode(type.appliesTo) < 0) {
    problems.push({
      code: 'type-unknown-table',
      subject: type.id,
      message: `${name} applies to unknown table ${type.appliesTo}`,
    });
  }
  if (partyCode(type.partyType) < 0) {
    problems.push({
      code: 'type-unknown-party',
      subject: type.id,
      message: `${name} applies to unknown party type ${type.partyType}`,
    });
  }
  if (type.defaultResponsibility !== undefined && !responsibilities.has(type.defaultResponsibility)) {
    problems.push({
      code: 'type-unknown-responsibility',
      subject: type.id,
      message: `${name} defaults unknown responsibility ${type.defaultResponsibility}`,
    });
  }
  return problems;
}
