/**
 * The review service against the mock Table API (the MSW handlers, run in Node): what it loads for
 * an account of the stories and for one record, that the story shows every finding, and how Apply
 * treats success, validation, stale rows and retries.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { handlers } from '../../mocks/handlers.js';
import { getStore, resetStore } from '../../mocks/db.js';
import { REVIEW_STORY } from '../../mocks/seed/review-story.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import { AccessReviewService } from '../../src/service/access-review-service.js';
import { applyReviewChanges } from '../../src/service/access-review-apply.js';
import { RelatedPartiesService } from '../../src/service/related-parties-service.js';
import { FINDING_KINDS, planChanges } from '../../src/review/index.js';
import { SEED_DEFINITIONS } from '../../mocks/seed/seed-definitions.js';
import { definitionSysId } from '../../mocks/seed/rows.js';
import { servedDefinitions } from '../../mocks/seed/definitions-to-rows.js';

const server = setupServer(...handlers);
const ORIGIN = 'http://instance.test';
const client = new TableApiClient({ baseUrl: ORIGIN, retry: { retries: 0 } });
// The definitions as the instance serves them: relationship types and responsibilities by sys_id.
const definitions = servedDefinitions(SEED_DEFINITIONS);
const source = { load: async () => ({ definitions }), subscribe: () => () => {} };
const service = new AccessReviewService(client, DEFAULT_TABLE_MAP, source);
const NOW = Date.parse('2026-06-01T00:00:00Z');
const scope = { kind: 'account', account: REVIEW_STORY.account.id } as const;

before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());
beforeEach(() => {
  server.resetHandlers();
  resetStore();
});

describe('AccessReviewService', () => {
  test('an account of the stories loads with its contacts and shows a finding of every kind', async () => {
    const steps: string[] = [];
    const loaded = await service.load(scope, { onProgress: (p) => steps.push(p.step) });
    assert.ok(loaded.entities.some((e) => e.id === REVIEW_STORY.suite.id));
    assert.ok(loaded.facts.contacts.some((c) => c.id === REVIEW_STORY.inactive.id && c.active === false));
    assert.ok(loaded.facts.cases.some((c) => c.closedAt === '2025-06-30T17:00:00Z'));
    assert.deepEqual([...new Set(steps)], ['records', 'parties', 'people', 'roles']);
    const { findings, rows } = service.review(loaded, { now: NOW });
    const kinds = new Set(findings.map((f) => f.kind));
    for (const kind of FINDING_KINDS) assert.ok(kinds.has(kind), `${kind}: ${[...kinds].join(', ')}`);
    assert.ok(rows.length > 0);
  });

  test('one record: its principals, with the cascade from its sold product', async () => {
    const loaded = await service.load({
      kind: 'entity',
      entity: { kind: 'case', id: REVIEW_STORY.cases.migration.id },
    });
    assert.deepEqual(loaded.entities, [{ kind: 'case', id: REVIEW_STORY.cases.migration.id }]);
    const { rows } = service.review(loaded, { now: NOW });
    const leona = rows.find((r) => r.principal.id === REVIEW_STORY.listed.id);
    assert.equal(leona?.level, 'write');
    assert.ok(
      leona?.paths.some((p) => p.kind === 'persona-role'),
      'a customer works her own case',
    );
    const leo = rows.find((r) => r.principal.id === REVIEW_STORY.noRole.id);
    assert.equal(leo?.level, 'none');
    assert.ok(leo?.nearMisses.some((m) => m.includes('lacks role')));
  });

  test('the review in slices gives the same answer, reports progress and stops on abort', async () => {
    const loaded = await service.load(scope);
    const whole = service.review(loaded, { now: NOW });
    const seen: number[] = [];
    const sliced = await service.reviewInSteps(loaded, {
      now: NOW,
      sliceMs: 0,
      onProgress: (p) => seen.push(p.done ?? -1),
    });
    assert.deepEqual(sliced, whole);
    assert.ok(
      seen.length > 3 && seen.every((d, i) => i === 0 || d >= (seen[i - 1] ?? 0)),
      'progress advances',
    );
    const controller = new AbortController();
    const pending = service.reviewInSteps(loaded, {
      now: NOW,
      sliceMs: 0,
      signal: controller.signal,
      onProgress: () => controller.abort(new DOMException('cancelled', 'AbortError')),
    });
    await assert.rejects(pending, (error: unknown) => (error as Error).name === 'AbortError');
  });

  test('cancel: an aborted load rejects and stops reading', async () => {
    const controller = new AbortController();
    const pending = service.load(scope, { signal: controller.signal });
    controller.abort(new DOMException('cancelled', 'AbortError'));
    await assert.rejects(pending, (error: unknown) => (error as Error).name === 'AbortError');
  });
});

describe('applyReviewChanges', () => {
  const parties = new RelatedPartiesService(client, DEFAULT_TABLE_MAP);

  test('applies in batches, refuses a stale row, lists a failure, and a retry sends only what failed', async () => {
    const loaded = await service.load(scope);
    const { findings } = service.review(loaded, { now: NOW });
    const pick = (kind: string) => findings.find((f) => f.kind === kind);
    const decisions = [
      { findingId: pick('inactive-person')!.id, action: 'remove' as const },
      { findingId: pick('outside-account')!.id, action: 'remove' as const },
      { findingId: pick('closed-record-party')!.id, action: 'remove' as const },
      { findingId: pick('listed-on-worked-record')!.id, action: 'change-type' as const },
    ];
    const plan = planChanges(findings, decisions);
    assert.equal(plan.changes.length, 4);
    // Someone else edits the closed case's party meanwhile.
    const table = DEFAULT_TABLE_MAP.caseParty.table;
    getStore().update(table, REVIEW_STORY.parties.closed, { order: '7' });
    // The outside contact's removal fails once on the server.
    let failures = 1;
    server.use(
      http.delete(`*/api/now/table/${table}/${REVIEW_STORY.parties.moved}`, () =>
        failures-- > 0
          ? HttpResponse.json({ error: { message: 'boom' }, status: 'failure' }, { status: 500 })
          : undefined,
      ),
    );
    const applied = new Set<string>();
    const options = {
      applied,
      rows: loaded.parties,
      types: definitions.relationshipTypes,
      batchSize: 2,
      validate: () => undefined,
    };
    const seen: number[] = [];
    const first = await applyReviewChanges(parties, plan.changes, {
      ...options,
      onResult: (_r, done) => seen.push(done),
    });
    assert.deepEqual(seen, [1, 2, 3, 4]);
    const status = Object.fromEntries(first.map((r) => [r.recordId, r.status]));
    assert.equal(status[REVIEW_STORY.parties.inactive], 'applied');
    assert.equal(status[REVIEW_STORY.parties.listed], 'applied');
    assert.equal(status[REVIEW_STORY.parties.moved], 'failed');
    assert.equal(status[REVIEW_STORY.parties.closed], 'stale');
    assert.match(first.find((r) => r.status === 'stale')?.message ?? '', /changed this party/);
    assert.equal(getStore().get(table, REVIEW_STORY.parties.inactive), undefined);
    assert.ok(getStore().get(table, REVIEW_STORY.parties.closed), 'a stale row is left alone');
    const retyped = getStore().get(DEFAULT_TABLE_MAP.soldProductParty.table, REVIEW_STORY.parties.listed);
    assert.equal(retyped?.type, definitionSysId('relationshipType', 'sold_product_authorized_contact'));

    const again = await applyReviewChanges(parties, plan.changes, options);
    assert.deepEqual(
      again.map((r) => [r.recordId, r.status]).sort(),
      [
        [REVIEW_STORY.parties.closed, 'stale'],
        [REVIEW_STORY.parties.moved, 'applied'],
      ].sort(),
      'applied records are not sent again',
    );
  });

  test('the validation refuses a change before anything is sent', async () => {
    const loaded = await service.load(scope);
    const { findings } = service.review(loaded, { now: NOW });
    const finding = findings.find((f) => f.kind === 'inactive-person')!;
    const plan = planChanges(findings, [{ findingId: finding.id, action: 'remove' }]);
    const [result] = await applyReviewChanges(parties, plan.changes, {
      applied: new Set(),
      rows: loaded.parties,
      types: definitions.relationshipTypes,
      validate: () => 'not allowed',
    });
    assert.deepEqual(result, { recordId: finding.recordId, status: 'invalid', message: 'not allowed' });
    assert.ok(getStore().get(DEFAULT_TABLE_MAP.caseParty.table, finding.recordId ?? ''));
  });
});
