import type {
  AccessConfig,
  Definitions,
  GranularGrant,
  PersonaGrant,
  PersonaSource,
  RelationshipType,
  ResponsibilityDef,
  RoleDef,
} from '../model/index.js';
import { BUILTIN_DEFINITIONS } from './builtin-definitions.js';
import { BUILTIN_PERSONA_GRANTS } from './builtin-persona-grants.js';
import { AccessTestFileError, formatPlace, type Place } from './test-file-error.js';
import { compact, responsibilityLookup } from './test-file-util.js';
import type { RawDefinitions } from './test-file-schema.js';

/** Resolves `definitions` ("builtin" or model shapes), merges `extend`, checks every reference. */

type Fail = (place: Place, detail: string) => never;
type RawRole = NonNullable<RawDefinitions['roles']>[number];
/** A responsibility reference (id or name) not yet resolved to an id. */
type Pending<T, K extends keyof T> = Omit<T, K> & { readonly [P in K]?: string | null };
type PendingConfig = Pending<AccessConfig, 'responsibility'>;
type PendingType = Pending<RelationshipType, 'defaultResponsibility'>;

interface PendingParts {
  readonly roles: readonly RoleDef[];
  readonly responsibilities: readonly ResponsibilityDef[];
  readonly accessConfigs: readonly PendingConfig[];
  readonly relationshipTypes: readonly PendingType[];
  readonly personaGrants?: readonly PersonaGrant[];
}

/** A definition with where it came from, for error messages. */
interface Entry<T> {
  readonly value: T;
  readonly place: Place;
}
type Table<T> = Map<string, Entry<T>>;

const unique = (names: readonly string[]): string[] => [...new Set(names)];

function toRole(raw: RawRole): RoleDef {
  return compact({
    name: raw.name,
    title: raw.title ?? raw.name,
    description: raw.description ?? '',
    plugin: raw.plugin ?? '',
    kind: raw.kind ?? 'other',
    contains: unique(raw.contains ?? []),
    grants: raw.grants,
    sysId: raw.sysId,
  });
}

/** Extending an existing role adds to its contains and grants and overrides the fields given. */
function mergeRole(base: RoleDef, raw: RawRole): RoleDef {
  const grants: GranularGrant[] = [...(base.grants ?? [])];
  for (const g of raw.grants ?? []) {
    if (!grants.some((h) => h.target === g.target && h.permission === g.permission)) grants.push(g);
  }
  const { name: _name, contains, grants: _grants, ...given } = compact(raw);
  return compact({
    ...base,
    ...given,
    contains: unique([...base.contains, ...(contains ?? [])]),
    grants: grants.length > 0 ? grants : undefined,
  });
}

/** Fills the defaults of the model shapes; persona rows without a source get `source`. */
function normalize(raw: RawDefinitions, source: PersonaSource): PendingParts {
  return {
    ...(raw.personaGrants && {
      personaGrants: raw.personaGrants.map((g) =>
        compact({ ...g, source: g.source ?? source, principals: [...new Set(g.principals)] }),
      ),
    }),
    roles: (raw.roles ?? []).map(toRole),
    responsibilities: (raw.responsibilities ?? []).map((r) =>
      compact({
        ...r,
        partyType: r.partyType ?? 'none',
        unique: r.unique ?? false,
        description: r.description ?? '',
      }),
    ),
    accessConfigs: (raw.accessConfigs ?? []).map((c) =>
      compact({ ...c, active: c.active ?? true, rolesRequired: unique(c.rolesRequired ?? []) }),
    ),
    relationshipTypes: (raw.relationshipTypes ?? []).map((t) => compact(t)),
  };
}

/** The four definition tables, keyed by role name or id, in insertion order. */
class Tables {
  readonly roles: Table<RoleDef> = new Map();
  readonly responsibilities: Table<ResponsibilityDef> = new Map();
  readonly configs: Table<PendingConfig> = new Map();
  readonly types: Table<PendingType> = new Map();
  /** Undefined while no list of persona rows was given: the built-in rows then apply. */
  persona: Table<PersonaGrant> | undefined;

  constructor(private readonly fail: Fail) {}

  /** Adds parts; a key repeated within one list is an error, one already present is replaced. */
  add(parts: PendingParts, at: Place): void {
    this.put(this.roles, parts.roles, (r) => r.name, [...at, 'roles'], 'role');
    this.put(
      this.responsibilities,
      parts.responsibilities,
      (r) => r.id,
      [...at, 'responsibilities'],
      'responsibility',
    );
    this.put(this.configs, parts.accessConfigs, (c) => c.id, [...at, 'accessConfigs'], 'access config');
    this.put(
      this.types,
      parts.relationshipTypes,
      (t) => t.id,
      [...at, 'relationshipTypes'],
      'relationship type',
    );
    if (parts.personaGrants) {
      if (!this.persona) {
        this.persona = new Map();
        // `extend` over definitions without persona rows extends the built-in rows.
        if (at[0] === 'extend')
          BUILTIN_PERSONA_GRANTS.forEach((value, i) =>
            this.persona?.set(value.id, { value, place: ['builtin persona grants', i] }),
          );
      }
      this.put(this.persona, parts.personaGrants, (g) => g.id, [...at, 'personaGrants'], 'persona grant');
    }
  }

  put<T>(table: Table<T>, items: readonly T[], key: (item: T) => string, at: Place, what: string): void {
    const seen = new Set<string>();
    items.forEach((value, index) => {
      const id = key(value);
      if (seen.has(id)) this.fail([...at, index], `duplicate ${what} "${id}"`);
      seen.add(id);
      table.set(id, { value, place: [...at, index] });
    });
  }
}

function resolveAll(tables: Tables, fail: Fail): Definitions {
  const entries = <T>(table: Table<T>): Entry<T>[] => [...table.values()];
  const checkRoles = (names: readonly string[], place: Place, field: string): void =>
    names.forEach(
      (name, i) => tables.roles.has(name) || fail([...place, field, i], `unknown role "${name}"`),
    );
  entries(tables.roles).forEach(({ value, place }) => checkRoles(value.contains, place, 'contains'));
  const lookup = responsibilityLookup(entries(tables.responsibilities).map((e) => e.value));
  const resolve = (text: string, place: Place): string => {
    const found = lookup(text);
    return 'id' in found ? found.id : fail(place, found.error);
  };
  const persona = tables.persona && entries(tables.persona);
  for (const { value, place } of persona ?? []) {
    if (place[0] !== 'builtin persona grants' && !tables.roles.has(value.role))
      fail([...place, 'role'], `unknown role "${value.role}"`);
  }
  return {
    ...(persona && { personaGrants: persona.map((e) => e.value) }),
    roles: entries(tables.roles).map((e) => e.value),
    responsibilities: entries(tables.responsibilities).map((e) => e.value),
    accessConfigs: entries(tables.configs).map(({ value, place }): AccessConfig => {
      checkRoles(value.rolesRequired, place, 'rolesRequired');
      return { ...value, responsibility: resolve(value.responsibility ?? '', [...place, 'responsibility']) };
    }),
    relationshipTypes: entries(tables.types).map(({ value, place }): RelationshipType => {
      const { defaultResponsibility, ...rest } = value;
      if (defaultResponsibility == null) return rest;
      return {
        ...rest,
        defaultResponsibility: resolve(defaultResponsibility, [...place, 'defaultResponsibility']),
      };
    }),
  };
}

/** Resolves the definitions of an access-test file; throws AccessTestFileError naming the place. */
export function resolveDefinitions(
  raw: RawDefinitions | 'builtin',
  extend: RawDefinitions | undefined,
  source?: string,
): Definitions {
  const fail: Fail = (place, detail) => {
    throw new AccessTestFileError(formatPlace(place), detail, source);
  };
  const tables = new Tables(fail);
  tables.add(raw === 'builtin' ? BUILTIN_DEFINITIONS : normalize(raw, 'imported'), ['definitions']);
  if (extend) {
    // Roles named again are merged into the existing role; other ids replace the existing entry.
    const { roles = [], ...rest } = extend;
    const at: Place = ['extend', 'roles'];
    const merged = roles.map((role) => {
      const old = tables.roles.get(role.name)?.value;
      return old ? mergeRole(old, role) : toRole(role);
    });
    tables.put(tables.roles, merged, (r) => r.name, at, 'role');
    tables.add({ ...normalize(rest, 'host'), roles: [] }, ['extend']);
  }
  return resolveAll(tables, fail);
}
