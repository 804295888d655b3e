/** The parsed form of an access-test file (docs/access-test-files.md). */
import type { AccessLevel, Definitions, EntityRef, Facts, Permission, PrincipalRef } from '../model/index.js';

/** What a test expects: an exact access level, or one permission. */
export type AccessExpectation = { readonly level: AccessLevel } | { readonly can: Permission };

/** One expectation: principal × entity → level or permission. */
export interface AccessTest {
  readonly principal: PrincipalRef;
  readonly entity: EntityRef;
  readonly expect: AccessExpectation;
  /** Why the test exists (e.g. the rule it covers). */
  readonly note?: string;
}

/** A parsed access-test file, every reference resolved. */
export interface AccessTestFile {
  readonly definitions: Definitions;
  readonly facts: Facts;
  readonly tests: readonly AccessTest[];
  readonly description?: string;
}
