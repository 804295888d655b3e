/**
 * Validation of what comes back out of IndexedDB (the definitions schemas are shared with the
 * access-test-file parser: src/internal/definitions-schema.ts). Anything stored by another version, edited in
 * devtools or half-written is rejected here, and the cache is discarded rather than trusted.
 */
import * as v from 'valibot';
import type { CacheMeta } from './definitions-db.js';

import { personaGrantSchema } from '../internal/definitions-schema.js';

export {
  roleSchema,
  responsibilitySchema,
  accessConfigSchema,
  relationshipTypeSchema,
  personaGrantSchema,
} from '../internal/definitions-schema.js';

const text = v.string();
const names = v.array(v.string());

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

// Compile-time proof that the schema produces the type it guards.
const _proof: v.InferOutput<typeof metaSchema> extends CacheMeta ? true : never = true;
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
