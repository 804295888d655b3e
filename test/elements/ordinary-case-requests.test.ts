/**
 * How many Table API requests an ordinary case costs the page: `<cam-related-party-list>` with its
 * badges in a `<cam-provider>`, on the housing loan (3 parties), cold (nothing cached) and warm (the
 * same page again: the definitions are in IndexedDB, checked less than an interval ago). Counts
 * every request until the page is quiet, background checks included.
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { requestLog, type RequestLogEntry } from '../../mocks/faults.js';
import { STORY } from '../../mocks/seed/index.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import { freshUserId, renderInProvider, until, useElementFixtures } from '../support/fixtures.js';
import type { CamEffectiveAccessBadge } from '../../components/effective-access-badge/cam-effective-access-badge.component.js';
import type { CamRelatedPartyList } from '../../components/related-party-list/cam-related-party-list.component.js';
import '../../components/related-party-list/cam-related-party-list.js';

const map = DEFAULT_TABLE_MAP;
const loan = STORY.housingLoan;
const DEFINITION_TABLES = new Set<string>([
  map.role.table,
  map.roleContains.table,
  map.responsibility.table,
  map.accessConfig.table,
  map.relationshipType.table,
]);

const badges = (el: CamRelatedPartyList): CamEffectiveAccessBadge[] => [
  ...(el.shadowRoot?.querySelectorAll<CamEffectiveAccessBadge>('cam-effective-access-badge') ?? []),
];

/** Waits until nothing is in flight and no request arrived for a while (background work included). */
async function quiet(): Promise<void> {
  let seen = -1;
  for (;;) {
    const entries = requestLog.entries;
    if (entries.length === seen && entries.every((entry) => entry.status !== undefined)) return;
    seen = entries.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Renders the list on the housing loan, waits for every badge's answer and for quiet. */
async function openLoan(userId: string): Promise<{ requests: RequestLogEntry[]; remove: () => void }> {
  requestLog.clear();
  const { provider, element } = await renderInProvider<CamRelatedPartyList>(
    html`<cam-related-party-list
      entity-table=${map.case.table}
      entity-id=${loan.caseId}
    ></cam-related-party-list>`,
    'cam-related-party-list',
    { userId },
  );
  await until(
    () => badges(element).length === 3 && badges(element).every((badge) => badge.level === 'write'),
    'three badges answering write',
  );
  await provider.current?.definitions.revalidated();
  await quiet();
  return { requests: [...requestLog.entries], remove: () => provider.remove() };
}

describe('an ordinary case: Table API requests', () => {
  useElementFixtures();

  it('at most 10 cold and 4 warm; warm asks nothing about the definitions', async () => {
    const userId = freshUserId();
    const cold = await openLoan(userId);
    cold.remove();
    const definitionReads = cold.requests.filter((entry) => DEFINITION_TABLES.has(entry.table));
    // Each definition table read once (no separate freshness stamp), then the facts.
    expect(definitionReads.map((entry) => entry.table)).to.have.members([...DEFINITION_TABLES]);
    expect(cold.requests.length, tables(cold.requests)).to.be.at.most(10);

    const warm = await openLoan(userId);
    warm.remove();
    expect(warm.requests.filter((entry) => DEFINITION_TABLES.has(entry.table))).to.deep.equal([]);
    expect(warm.requests.length, tables(warm.requests)).to.be.at.most(4);
  });
});

function tables(entries: readonly RequestLogEntry[]): string {
  return entries.map((entry) => entry.table).join(', ');
}
