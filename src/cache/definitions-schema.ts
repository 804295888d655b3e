/**
 * Validation of what comes back out of IndexedDB. Anything stored by another version, edited in
 * devtools or half-written is rejected here, and the cache is discarded rather than trusted.
 */
import * as v from 'valibot';
import type {
  AccessConfig,
  PersonaGrant,
  RelationshipType,
  ResponsibilityDef,
  RoleDef,
} from '../model/definitions.js';
import { ENTITY_KINDS, PARTY_KINDS, PRINCIPAL_KINDS } from '../model/kinds.js';
import type { CacheMeta } from './definitions-db.js';

const text = v.string();
const names = v.array(v.string());
const entityKind = v.picklist(ENTITY_KINDS);

const grant = v.object({
  target: v.picklist([
    ...ENTITY_KINDS,
    'installed_product',
    'case_task',
    'case_related_party',
    'sold_product_related_party',
    'install_base_related_party',
  ]),
  permission: v.picklist(['read', 'write', 'create']),
});

export const roleSchema = v.object({
  name: v.pipe(text, v.minLength(1)),
  title: text,
  description: text,
  plugin: text,
  kind: v.picklist(['functional', 'granular', 'base', 'contributor', 'other']),
  contains: names,
  grants: v.optional(v.array(grant)),
  sysId: v.optional(text),
});

export const responsibilitySchema = v.object({
  id: v.pipe(text, v.minLength(1)),
  name: text,
  partyType: v.picklist(['user', 'contact', 'consumer', 'account', 'none']),
  unique: v.boolean(),
  description: text,
});

export const accessConfigSchema = v.object({
  id: v.pipe(text, v.minLength(1)),
  responsibility: text,
  active: v.boolean(),
  level: v.picklist(['read', 'write', 'full']),
  table: entityKind,
  through: v.optional(entityKind),
  partyType: v.optional(v.picklist(PARTY_KINDS)),
  rolesRequired: names,
});

export const relationshipTypeSchema = v.object({
  id: v.pipe(text, v.minLength(1)),
  name: text,
  appliesTo: entityKind,
  partyType: v.picklist(PARTY_KINDS),
  defaultResponsibility: v.optional(text),
  defaultOrder: v.optional(v.pipe(v.number(), v.finite())),
  description: v.optional(text),
});

export const personaGrantSchema = v.object({
  id: v.pipe(text, v.minLength(1)),
  role: text,
  table: v.picklist([...ENTITY_KINDS, 'case_task']),
  level: v.picklist(['read', 'write', 'full']),
  scope: v.picklist(['own', 'account', 'account_tree', 'partner', 'all']),
  principals: v.array(v.picklist(PRINCIPAL_KINDS)),
  source: v.picklist(['builtin', 'host', 'imported']),
  active: v.optional(v.boolean()),
  respectsRestrictContactAccess: v.optional(v.boolean()),
  note: v.optional(text),
});

/**
 * Persona grant rows ride in the meta record (they are few, and a store of their own would need a
 * database upgrade); absent means the definitions had none (the built-in rows apply).
 */
export const storedPersonaGrantsSchema = v.object({ personaGrants: v.optional(v.array(personaGrantSchema)) });

const stamp = v.object({
  source: text,
  count: v.nullable(v.number()),
  maxUpdatedOn: text,
  unreadable: v.optional(text),
});

export const metaSchema = v.object({
  schemaVersion: v.number(),
  instance: text,
  user: text,
  fetchedAt: v.pipe(v.number(), v.finite()),
  source: v.picklist(['network', 'import']),
  tables: v.record(v.string(), stamp),
  problems: v.record(v.string(), names),
  incomplete: v.array(v.object({ table: text, reason: text })),
});

// Compile-time proof that each schema produces the domain type it guards.
type Produces<S extends v.GenericSchema, T> = v.InferOutput<S> extends T ? true : never;
const _proof: [
  Produces<typeof roleSchema, RoleDef>,
  Produces<typeof responsibilitySchema, ResponsibilityDef>,
  Produces<typeof accessConfigSchema, AccessConfig>,
  Produces<typeof relationshipTypeSchema, RelationshipType>,
  Produces<typeof metaSchema, CacheMeta>,
  Produces<typeof personaGrantSchema, PersonaGrant>,
] = [true, true, true, true, true, true];
void _proof;

/** Parses a list of stored items; the first invalid one fails the whole list with a readable reason. */
export function parseStored<S extends v.GenericSchema>(
  schema: S,
  store: string,
  items: readonly unknown[],
): { ok: true; items: v.InferOutput<S>[] } | { ok: false; reason: string } {
  const parsed: v.InferOutput<S>[] = [];
  for (const [index, item] of items.entries()) {
    const result = v.safeParse(schema, item);
    if (!result.success) return { ok: false, reason: `${store}[${index}]: ${v.summarize(result.issues)}` };
    parsed.push(result.output);
  }
  return { ok: true, items: parsed };
}
