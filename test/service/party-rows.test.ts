/**
 * One read of an entity's party rows for the list and for the facts behind its badges
 * (`AccessService.partyRows`), page by page (`RelatedPartiesService.pages`), over the mock backend.
 */
import { expect } from '@open-wc/testing';
import { useMockBackend } from '../support/msw.js';
import { deleteAllDatabases, rejection } from '../support/async.js';
import { getStore, resetStore } from '../../mocks/db.js';
import { faults, requestLog } from '../../mocks/faults.js';
import { seedLargeCase, STORY } from '../../mocks/seed/index.js';
import {
  ApiError,
  DEFAULT_TABLE_MAP,
  createCamServices,
  type EntityRef,
  type OwnedCamServices,
} from '../../src/index.js';
import type { PartyRowsProgress } from '../../src/service/party-pages.js';

const loan: EntityRef = { kind: 'case', id: STORY.housingLoan.caseId };
const PARTY_TABLE = DEFAULT_TABLE_MAP.caseParty.table;

let counter = 0;
const freshUser = () => `party-rows-${Date.now().toString(36)}-${(counter += 1)}`;
const partyReads = () => requestLog.entries.filter((e) => e.method === 'GET' && e.table === PARTY_TABLE);

describe('party rows: one read for the list and the facts', () => {
  useMockBackend();
  let services: OwnedCamServices | undefined;
  const make = () =>
    (services = createCamServices({ userId: freshUser(), timeoutMs: 10_000, pollIntervalS: 0 }));

  afterEach(async () => {
    services?.dispose();
    services = undefined;
    faults.reset();
    requestLog.clear();
    resetStore();
    await deleteAllDatabases();
  });

  it('gives the rows, and the facts are built from the same read', async () => {
    const { access } = make();
    const [rows, picture] = await Promise.all([access.partyRows(loan), access.withParties(loan)]);
    expect(rows.map((row) => row.record.id).sort()).to.deep.equal(
      Object.values(STORY.housingLoan.parties).sort(),
    );
    expect(picture.parties).to.deep.equal(rows);
    expect(picture.facts.relatedParties.filter((r) => r.entity.id === loan.id)).to.have.length(rows.length);
    expect(partyReads()).to.have.length(1);
    // Asked again while loaded: no new read.
    await access.partyRows(loan);
    expect(partyReads()).to.have.length(1);
  });

  it('says how the rows arrive: the first page, then every row', async () => {
    const large = seedLargeCase(getStore());
    const { access } = make();
    const seen: PartyRowsProgress[] = [];
    const rows = await access.partyRows(
      { kind: 'case', id: large.caseId },
      { onProgress: (p) => seen.push(p) },
    );
    expect(rows).to.have.length(large.parties);
    expect(seen[0]).to.include({ complete: false, total: large.parties });
    expect(seen[0]?.rows).to.have.length(50);
    expect(seen.at(-1)).to.include({ complete: true });
    expect(seen.at(-1)?.rows).to.have.length(large.parties);
    const offsets = partyReads().map((e) => new URL(e.url).searchParams.get('sysparm_offset') ?? '0');
    expect(new Set(offsets).size, 'no page read twice').to.equal(offsets.length);
  });

  it('rejects with the server’s refusal when the party table is not readable; the facts say it is missing', async () => {
    faults.set({ forbiddenTables: [PARTY_TABLE] });
    const { access } = make();
    const error = await rejection(access.partyRows(loan));
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).status).to.equal(403);
    const picture = await access.forEntity(loan);
    expect(picture.parties).to.deep.equal([]);
    expect(picture.incomplete.map((source) => source.table)).to.include(PARTY_TABLE);
  });
});
