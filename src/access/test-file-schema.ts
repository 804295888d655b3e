import * as v from 'valibot';
import {
  ACCESS_LEVELS,
  ENTITY_KINDS,
  PARTY_KINDS,
  PERSONA_SCOPES,
  PERSONA_SOURCES,
  PERSONA_TABLES,
  PRINCIPAL_KINDS,
} from '../model/index.js';
import { definitionFields } from '../internal/definitions-schema.js';

/**
 * valibot schemas of the access-test-file format (docs/access-test-files.md): the raw JSON shapes,
 * before references are resolved. Objects are strict, so a misspelt field is an error.
 */

// The field vocabulary is the definitions schema's (src/internal/definitions-schema.ts).
const { roleKind, accessTarget, permission, responsibilityPartyKind, grantedLevel } = definitionFields;

const Text = v.string();
const Id = v.pipe(v.string(), v.minLength(1, 'must not be empty'));
const Names = v.array(Id);

const RoleSchema = v.strictObject({
  name: Id,
  title: v.optional(Text),
  description: v.optional(Text),
  plugin: v.optional(Text),
  kind: v.optional(roleKind),
  contains: v.optional(Names),
  grants: v.optional(v.array(v.strictObject({ target: accessTarget, permission }))),
  sysId: v.optional(Text),
});

const ResponsibilitySchema = v.strictObject({
  id: Id,
  name: Id,
  partyType: v.optional(responsibilityPartyKind),
  unique: v.optional(v.boolean()),
  description: v.optional(Text),
});

const AccessConfigSchema = v.strictObject({
  id: Id,
  /** Responsibility id or name. */
  responsibility: Id,
  active: v.optional(v.boolean()),
  level: grantedLevel,
  table: v.picklist(ENTITY_KINDS),
  through: v.optional(v.picklist(ENTITY_KINDS)),
  partyType: v.optional(v.picklist(PARTY_KINDS)),
  rolesRequired: v.optional(Names),
});

const RelationshipTypeSchema = v.strictObject({
  id: Id,
  name: Id,
  appliesTo: v.picklist(ENTITY_KINDS),
  partyType: v.picklist(PARTY_KINDS),
  /** Responsibility id or name; absent or null: none (a "Listed" type). */
  defaultResponsibility: v.nullish(Id),
  defaultOrder: v.optional(v.pipe(v.number(), v.integer())),
  description: v.optional(Text),
});

const PersonaGrantSchema = v.strictObject({
  id: Id,
  /** Role name; it must be in the role catalogue. */
  role: Id,
  table: v.picklist(PERSONA_TABLES),
  level: grantedLevel,
  scope: v.picklist(PERSONA_SCOPES),
  principals: v.pipe(v.array(v.picklist(PRINCIPAL_KINDS)), v.minLength(1, 'must name at least one kind')),
  /** Absent: `imported` in `definitions`, `host` in `extend`. */
  source: v.optional(v.picklist(PERSONA_SOURCES)),
  active: v.optional(v.boolean()),
  respectsRestrictContactAccess: v.optional(v.boolean()),
  note: v.optional(Text),
});

const DefinitionParts = {
  roles: v.optional(v.array(RoleSchema)),
  responsibilities: v.optional(v.array(ResponsibilitySchema)),
  accessConfigs: v.optional(v.array(AccessConfigSchema)),
  relationshipTypes: v.optional(v.array(RelationshipTypeSchema)),
  /** Absent in `definitions`: the built-in persona rows. */
  personaGrants: v.optional(v.array(PersonaGrantSchema)),
};
const DefinitionsSchema = v.strictObject(DefinitionParts);

const Named = { id: Id, name: v.optional(Text) };
const Person = {
  ...Named,
  email: v.optional(Text),
  roles: v.optional(Names),
  active: v.optional(v.boolean()),
};
const Ref = v.optional(Id);

const FactsSchema = v.strictObject({
  accounts: v.optional(
    v.array(v.strictObject({ ...Named, parent: Ref, restrictContactAccess: v.optional(v.boolean()) })),
  ),
  contacts: v.optional(v.array(v.strictObject({ ...Person, account: Ref }))),
  consumers: v.optional(v.array(v.strictObject({ ...Person, household: Ref }))),
  users: v.optional(v.array(v.strictObject(Person))),
  serviceOrganizations: v.optional(v.array(v.strictObject({ ...Named, members: v.optional(Names) }))),
  households: v.optional(v.array(v.strictObject(Named))),
  soldProducts: v.optional(v.array(v.strictObject({ ...Named, account: Ref, consumer: Ref }))),
  installBase: v.optional(v.array(v.strictObject({ ...Named, account: Ref, parent: Ref, soldProduct: Ref }))),
  cases: v.optional(
    v.array(
      v.strictObject({
        id: Id,
        number: v.optional(Text),
        shortDescription: v.optional(Text),
        account: Ref,
        contact: Ref,
        consumer: Ref,
        soldProduct: Ref,
        installBase: Ref,
        partnerAccount: Ref,
        partnerContact: Ref,
        /** ISO 8601 date-time the case was closed (the access review's closed-record rule). */
        closedAt: v.optional(Text),
      }),
    ),
  ),
  relatedParties: v.optional(
    v.array(
      v.strictObject({
        id: v.optional(Id),
        /** `kind:id` of a case, sold product or install base item. */
        entity: Id,
        /** `kind:id` of a party. */
        party: Id,
        /** Relationship type id or name. */
        type: Id,
        /** Responsibility id or name; absent: the type's default; null: none. */
        responsibility: v.nullish(Id),
        order: v.optional(v.pipe(v.number(), v.integer())),
      }),
    ),
  ),
});

const TestSchema = v.strictObject({
  principal: Id,
  entity: Id,
  level: v.optional(v.picklist(ACCESS_LEVELS)),
  can: v.optional(permission),
  note: v.optional(Text),
});

/** The whole document. */
export const AccessTestFileSchema = v.strictObject({
  version: v.optional(v.literal(1)),
  description: v.optional(Text),
  exportedAt: v.optional(Text),
  instance: v.optional(Text),
  definitions: v.union(
    [v.literal('builtin'), DefinitionsSchema],
    'must be "builtin" or an object of roles, responsibilities, accessConfigs, relationshipTypes, personaGrants',
  ),
  extend: v.optional(v.strictObject(DefinitionParts)),
  facts: v.optional(FactsSchema),
  tests: v.optional(v.array(TestSchema)),
});

/** Readonly all the way down (so model values, whose arrays are readonly, fit the document type). */
type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** The JSON document as written (the input of the schema). */
export type AccessTestFileDocument = DeepReadonly<v.InferInput<typeof AccessTestFileSchema>>;
/** The document after schema validation, before references are resolved. */
export type RawAccessTestFile = v.InferOutput<typeof AccessTestFileSchema>;
export type RawDefinitions = v.InferOutput<typeof DefinitionsSchema>;
export type RawFacts = v.InferOutput<typeof FactsSchema>;
export type RawTest = v.InferOutput<typeof TestSchema>;
