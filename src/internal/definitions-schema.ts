/**
 * The one valibot description of the definitions (roles, responsibilities, access configs,
 * relationship types), built from the const arrays of `src/model`. The cache validates what it reads
 * back from IndexedDB with the complete schemas; the access-test-file parser builds its lenient
 * authoring shapes from the same field schemas. Not part of the public API.
 */
import * as v from 'valibot';
import {
  ACCESS_LEVELS,
  ACCESS_TARGETS,
  ENTITY_KINDS,
  PARTY_KINDS,
  PERMISSIONS,
  PERSONA_SCOPES,
  PERSONA_SOURCES,
  PERSONA_TABLES,
  PRINCIPAL_KINDS,
  RESPONSIBILITY_PARTY_KINDS,
  ROLE_KINDS,
  type AccessConfig,
  type PersonaGrant,
  type RelationshipType,
  type ResponsibilityDef,
  type RoleDef,
} from '../model/index.js';

/** Field schemas shared by every definitions format. */
export const definitionFields = {
  roleKind: v.picklist(ROLE_KINDS),
  accessTarget: v.picklist(ACCESS_TARGETS),
  permission: v.picklist(PERMISSIONS),
  responsibilityPartyKind: v.picklist(RESPONSIBILITY_PARTY_KINDS),
  /** An access config grants a level; `none` is no grant. */
  grantedLevel: v.picklist(ACCESS_LEVELS.filter((level) => level !== 'none') as ['read', 'write', 'full']),
  entityKind: v.picklist(ENTITY_KINDS),
  partyKind: v.picklist(PARTY_KINDS),
  level: v.picklist(ACCESS_LEVELS),
} as const;

const text = v.string();
const names = v.array(v.string());
const { entityKind, partyKind } = definitionFields;

/** What a granular role permits on one table. */
export const grantSchema = v.object({
  target: definitionFields.accessTarget,
  permission: definitionFields.permission,
});

export const roleSchema = v.object({
  name: v.pipe(text, v.minLength(1)),
  title: text,
  description: text,
  plugin: text,
  kind: definitionFields.roleKind,
  contains: names,
  grants: v.optional(v.array(grantSchema)),
  sysId: v.optional(text),
});

export const responsibilitySchema = v.object({
  id: v.pipe(text, v.minLength(1)),
  name: text,
  partyType: definitionFields.responsibilityPartyKind,
  unique: v.boolean(),
  description: text,
});

export const accessConfigSchema = v.object({
  id: v.pipe(text, v.minLength(1)),
  responsibility: text,
  active: v.boolean(),
  level: definitionFields.grantedLevel,
  table: entityKind,
  through: v.optional(entityKind),
  partyType: v.optional(partyKind),
  rolesRequired: names,
});

export const relationshipTypeSchema = v.object({
  id: v.pipe(text, v.minLength(1)),
  name: text,
  appliesTo: entityKind,
  partyType: partyKind,
  defaultResponsibility: v.optional(text),
  defaultOrder: v.optional(v.pipe(v.number(), v.finite())),
  description: v.optional(text),
});

/** A persona grant row: a role held gives access by scope, without a related-party record. */
export const personaGrantSchema = v.object({
  id: v.pipe(text, v.minLength(1)),
  role: text,
  table: v.picklist(PERSONA_TABLES),
  level: definitionFields.grantedLevel,
  scope: v.picklist(PERSONA_SCOPES),
  principals: v.array(v.picklist(PRINCIPAL_KINDS)),
  source: v.picklist(PERSONA_SOURCES),
  active: v.optional(v.boolean()),
  respectsRestrictContactAccess: v.optional(v.boolean()),
  note: v.optional(text),
});

// Compile-time proof that each schema produces the domain type it guards.
type Produces<S extends v.GenericSchema, T> = v.InferOutput<S> extends T ? true : never;
const _proof: [
  Produces<typeof roleSchema, RoleDef>,
  Produces<typeof responsibilitySchema, ResponsibilityDef>,
  Produces<typeof accessConfigSchema, AccessConfig>,
  Produces<typeof relationshipTypeSchema, RelationshipType>,
  Produces<typeof personaGrantSchema, PersonaGrant>,
] = [true, true, true, true, true];
void _proof;
