import * as v from 'valibot';
import { ENTITY_KINDS, PRINCIPAL_KINDS } from '../model/index.js';
import { resolveDefinitions } from './test-file-definitions.js';
import { AccessTestFileError, errorFromIssue, formatPlace } from './test-file-error.js';
import { resolveFacts } from './test-file-facts.js';
import { AccessTestFileSchema } from './test-file-schema.js';
import { findForbiddenKey } from './test-file-util.js';

export { AccessTestFileError } from './test-file-error.js';
export { toAccessTestFile, type AccessTestFileExportOptions } from './test-file-export.js';
export type { AccessTestFileDocument } from './test-file-schema.js';
export type { AccessExpectation, AccessTest, AccessTestFile } from './test-file-types.js';
import type { AccessExpectation, AccessTest, AccessTestFile } from './test-file-types.js';

/** The largest access-test file accepted as text: 5 MB of JSON. */
export const MAX_ACCESS_TEST_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Parses an access-test file already read as JSON: validates its shape, merges `extend` into the
 * definitions, resolves `kind:id` references, relationship types and responsibilities.
 * Throws AccessTestFileError whose message names `source` and the place in the document.
 */
export function parseAccessTestFile(input: unknown, source?: string): AccessTestFile {
  const forbidden = findForbiddenKey(input);
  if (forbidden) {
    throw new AccessTestFileError(formatPlace(forbidden), 'forbidden key (prototype pollution)', source);
  }
  const result = v.safeParse(AccessTestFileSchema, input, { abortEarly: true });
  if (!result.success) throw errorFromIssue(result.issues[0], source);
  const raw = result.output;
  const definitions = resolveDefinitions(raw.definitions, raw.extend, source);
  const { facts, index } = resolveFacts(raw.facts ?? {}, definitions, source);
  const tests = (raw.tests ?? []).map((test, i): AccessTest => {
    const at = ['tests', i];
    const principal = index.ref(test.principal, PRINCIPAL_KINDS, [...at, 'principal']);
    const entity = index.ref(test.entity, ENTITY_KINDS, [...at, 'entity']);
    let expect: AccessExpectation;
    if (test.level !== undefined && test.can === undefined) expect = { level: test.level };
    else if (test.can !== undefined && test.level === undefined) expect = { can: test.can };
    else throw new AccessTestFileError(formatPlace(at), 'give exactly one of "level" or "can"', source);
    return { principal, entity, expect, ...(test.note !== undefined && { note: test.note }) };
  });
  return {
    definitions,
    facts,
    tests,
    ...(raw.description !== undefined && { description: raw.description }),
  };
}

/** Parses an access-test file from JSON text (at most MAX_ACCESS_TEST_FILE_BYTES). */
export function parseAccessTestFileText(text: string, source?: string): AccessTestFile {
  const bytes =
    text.length > MAX_ACCESS_TEST_FILE_BYTES ? text.length : new TextEncoder().encode(text).length;
  if (bytes > MAX_ACCESS_TEST_FILE_BYTES) {
    throw new AccessTestFileError(
      '',
      `too large (${bytes} bytes; the limit is ${MAX_ACCESS_TEST_FILE_BYTES})`,
      source,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AccessTestFileError(
      '',
      `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      source,
    );
  }
  return parseAccessTestFile(json, source);
}
