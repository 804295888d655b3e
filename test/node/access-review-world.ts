/**
 * Small worlds for the access review's rule tests, written as access-test files over the built-in
 * definitions, so each rule is exercised on exactly the facts it is about.
 */
import { AccessEngine } from '../../src/access/engine.js';
import { parseAccessTestFile, type AccessTestFileDocument } from '../../src/access/test-file.js';
import { reviewAccess, type Finding, type ReviewResult } from '../../src/review/index.js';

const CS = 'sn_customerservice';
export const AUTHORIZED_CONTACT = [`${CS}.customer`, `${CS}.case_authorized_contact`];
export const SOLD_PRODUCT_CONTACT = [`${CS}.customer`, 'sn_install_base.sold_product_authorized_contact'];
/** 2026-06-01T00:00:00Z: the review's "now" in these tests. */
export const NOW = Date.parse('2026-06-01T00:00:00Z');

type Facts = NonNullable<AccessTestFileDocument['facts']>;

/** An engine over the built-in definitions and these facts. */
export function engineOf(facts: Facts): AccessEngine {
  const parsed = parseAccessTestFile({ definitions: 'builtin', facts });
  return new AccessEngine(parsed.definitions, parsed.facts);
}

export function review(facts: Facts, options: { closedDays?: number } = {}): ReviewResult {
  return reviewAccess(engineOf(facts), { now: NOW, ...options });
}

/** The findings of one kind. */
export function findings(
  facts: Facts,
  kind: Finding['kind'],
  options: { closedDays?: number } = {},
): Finding[] {
  return review(facts, options).findings.filter((f) => f.kind === kind);
}

/** An account (restricting contact access) with one case. */
export const BASE = {
  accounts: [{ id: 'acme', name: 'Acme', restrictContactAccess: true }],
  cases: [{ id: 'cs1', number: 'CS1', account: 'acme' }],
} as const;
