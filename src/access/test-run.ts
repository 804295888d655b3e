import type { AccessLevel, Permission } from '../model/index.js';
import { formatRef } from '../model/index.js';
import { AccessEngine } from './engine.js';
import type { AccessExpectation, AccessTest, AccessTestFile } from './test-file.js';

/** The outcome of one access test. */
export interface AccessTestResult {
  readonly test: AccessTest;
  readonly level: AccessLevel;
  readonly permissions: readonly Permission[];
  readonly pass: boolean;
}

/** Whether an answer meets an expectation: the exact level, or the permission among those held. */
export function meetsExpectation(
  expect: AccessExpectation,
  answer: { level: AccessLevel; permissions: readonly Permission[] },
): boolean {
  return 'level' in expect ? answer.level === expect.level : answer.permissions.includes(expect.can);
}

/** The expectation in words: `write`, or `can create`. */
export function describeExpectation(expect: AccessExpectation): string {
  return 'level' in expect ? expect.level : `can ${expect.can}`;
}

/** `contact:ana → case:cs1`. */
export function describeTest(test: AccessTest): string {
  return `${formatRef(test.principal)} → ${formatRef(test.entity)}`;
}

/** Runs every test of a parsed file against an engine over its definitions and facts. */
export function runAccessTests(
  file: AccessTestFile,
  engine: AccessEngine = new AccessEngine(file.definitions, file.facts),
): AccessTestResult[] {
  return file.tests.map((test) => {
    const { level, permissions } = engine.check(test.principal, test.entity);
    return { test, level, permissions, pass: meetsExpectation(test.expect, { level, permissions }) };
  });
}
