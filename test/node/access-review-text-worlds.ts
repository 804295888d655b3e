/**
 * The worlds the finding texts are compared over (test/node/access-review-text.test.ts): the CLI's
 * example file, and two accounts of the mock backend's seed (the review story and a small "large
 * account") loaded through the review service over MSW, as the element loads them.
 */
import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { handlers } from '../../mocks/handlers.js';
import { getStore, resetStore } from '../../mocks/db.js';
import { REVIEW_STORY } from '../../mocks/seed/review-story.js';
import { seedLargeAccount } from '../../mocks/seed/large-account.js';
import { SEED_DEFINITIONS } from '../../mocks/seed/seed-definitions.js';
import { servedDefinitions } from '../../mocks/seed/definitions-to-rows.js';
import { AccessEngine } from '../../src/access/engine.js';
import { parseAccessTestFileText } from '../../src/access/test-file.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import { reviewAccess, type Finding } from '../../src/review/index.js';
import { AccessReviewService } from '../../src/service/access-review-service.js';

export const TEXT_NOW = Date.parse('2026-06-01T00:00:00Z');
const EXAMPLE = 'examples/access-review/audit.json';

// The definitions as the instance serves them: relationship types and responsibilities by sys_id.
const definitions = servedDefinitions(SEED_DEFINITIONS);

async function accountFindings(account: string, closedDays?: number): Promise<readonly Finding[]> {
  const client = new TableApiClient({ baseUrl: 'http://instance.test', retry: { retries: 0 } });
  const source = { load: async () => ({ definitions }), subscribe: () => () => {} };
  const service = new AccessReviewService(client, DEFAULT_TABLE_MAP, source);
  const loaded = await service.load({ kind: 'account', account, includeChildren: true });
  const engine = new AccessEngine(loaded.definitions.definitions, loaded.facts);
  return reviewAccess(engine, {
    now: TEXT_NOW,
    scope: loaded.entities,
    ...(closedDays === undefined ? {} : { closedDays }),
  }).findings;
}

/** The findings of every world, by world name. */
export async function textWorlds(): Promise<Record<string, readonly Finding[]>> {
  const parsed = parseAccessTestFileText(readFileSync(EXAMPLE, 'utf8'), EXAMPLE);
  const example = reviewAccess(new AccessEngine(parsed.definitions, parsed.facts), { now: TEXT_NOW });
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    resetStore();
    const story = await accountFindings(REVIEW_STORY.account.id);
    resetStore();
    const large = seedLargeAccount(getStore(), { cases: 60, parties: 200, contacts: 30, soldProducts: 8 });
    const megacorp = await accountFindings(large.accountId, 30);
    return { example: example.findings, 'review-story': story, 'large-account': megacorp };
  } finally {
    server.close();
    resetStore();
  }
}
