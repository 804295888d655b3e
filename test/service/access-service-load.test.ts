/**
 * The access service reads the definitions and the facts at once: the facts do not wait for the
 * definitions, the roles they name by sys_id are resolved once both are in, the first
 * definitions snapshot does not send a load in flight round again, and definitions that cannot be
 * had fail the answers but not the rows.
 */
import { expect } from '@open-wc/testing';
import { useMockBackend } from '../support/msw.js';
import { until } from '../support/fixtures.js';
import { resetStore } from '../../mocks/db.js';
import { faults, requestLog } from '../../mocks/faults.js';
import { STORY } from '../../mocks/seed/index.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import { AccessFactsLoader } from '../../src/service/access-facts-loader.js';
import { AccessService, type DefinitionsSource } from '../../src/service/access-service.js';
import { DefinitionsService, type DefinitionsSnapshot } from '../../src/service/definitions-service.js';
import { clearAllDefinitionCaches } from '../../src/cache/definitions-cache.js';
import type { EntityRef } from '../../src/model/kinds.js';
import { rejection } from '../support/async.js';
import { ApiError } from '../../src/client/errors.js';

const map = DEFAULT_TABLE_MAP;
const loan: EntityRef = { kind: 'case', id: STORY.housingLoan.caseId };
const coBorrower = { kind: 'consumer' as const, id: STORY.housingLoan.coBorrower.id };
const attorney = { kind: 'contact' as const, id: STORY.housingLoan.attorney.id };

const client = () => new TableApiClient({ timeoutMs: 5000, retry: { retries: 0 } });
const definitionsService = (c: TableApiClient) =>
  new DefinitionsService({
    client: c,
    tableMap: map,
    instance: location.origin,
    user: `load-${Math.random()}`,
  });

/** A definitions source that answers only once `release` is called, changed by `adapt`. */
function heldDefinitions(
  real: DefinitionsService,
  adapt: (snapshot: DefinitionsSnapshot) => DefinitionsSnapshot = (s) => s,
): { source: DefinitionsSource<DefinitionsSnapshot>; release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    source: {
      load: async () => adapt(await released.then(() => real.load())),
      subscribe: (listener) => real.subscribe(listener),
    },
    release,
  };
}

const gets = (table: string) => requestLog.count({ method: 'GET', table });

describe('AccessService: definitions and facts at once', () => {
  useMockBackend();
  afterEach(async () => {
    faults.reset();
    requestLog.clear();
    resetStore();
    await clearAllDefinitionCaches();
  });

  it('reads the facts while the definitions are on their way, and names the roles once they arrive', async () => {
    const c = client();
    const held = heldDefinitions(definitionsService(c));
    const access = new AccessService(new AccessFactsLoader(c, map), held.source);
    const loading = access.forEntity(loan);
    // The facts, roles held included, are read before any definition table is.
    await until(() => gets(map.userHasRole.table) > 0, 'the roles held to be read');
    expect(gets(map.role.table)).to.equal(0);
    held.release();
    const loaded = await loading;
    expect(loaded.engine.check(coBorrower, loan).level).to.equal('write');
    const roles = [...loaded.facts.contacts, ...loaded.facts.consumers].flatMap((p) => p.roles);
    expect(roles.length).to.be.above(0);
    expect(
      roles.every((role) => /^[\w.]+$/.test(role)),
      roles.join(', '),
    ).to.equal(true);
    // One load: one read of the case's parties (the case comes with them).
    expect(gets(map.caseParty.table)).to.equal(1);
  });

  it('reads the facts again when the definitions do not know a role they named early', async () => {
    const c = client();
    // Roles without sys_ids: the definitions cannot name what the facts hold.
    const held = heldDefinitions(definitionsService(c), (snapshot) => ({
      ...snapshot,
      definitions: {
        ...snapshot.definitions,
        roles: snapshot.definitions.roles.map(({ sysId: _sysId, ...role }) => role),
      },
    }));
    const access = new AccessService(new AccessFactsLoader(c, map), held.source);
    const loading = access.forEntity(loan);
    await until(() => gets(map.userHasRole.table) > 0, 'the roles held to be read');
    held.release();
    const loaded = await loading;
    // Named from the server's display values instead, as when the definitions came first.
    expect(gets(map.caseParty.table)).to.equal(2);
    expect(loaded.facts.contacts.find((p) => p.id === attorney.id)?.roles.length).to.be.above(0);
    expect(loaded.engine.check(coBorrower, loan).level).to.equal('write');
  });

  it('keeps the rows when the definitions fail before the parties are read', async () => {
    const c = client();
    const failure = new Error(
      'The access engine could not be loaded (offline). Reload the page and try again.',
    );
    const failing: DefinitionsSource<DefinitionsSnapshot> = {
      load: () => Promise.reject(failure),
      subscribe: () => () => undefined,
    };
    const access = new AccessService(new AccessFactsLoader(c, map), failing);
    const answer = rejection(access.forEntity(loan));
    const rows = await access.partyRows(loan);
    expect(rows.map((row) => row.record.party.id)).to.include.members([coBorrower.id, attorney.id]);
    expect(await answer).to.equal(failure);
  });

  it('fails the rows with the facts read failing', async () => {
    const c = client();
    faults.set({ errorRate: [{ status: 500, rate: 1 }], tables: [map.caseParty.table] });
    const access = new AccessService(new AccessFactsLoader(c, map), definitionsService(c));
    const [rows, answer] = await Promise.all([
      rejection(access.partyRows(loan)),
      rejection(access.forEntity(loan)),
    ]);
    expect(rows).to.be.instanceOf(ApiError).and.to.have.property('status', 500);
    expect(answer).to.equal(rows);
  });

  it('does not load again when the first definitions snapshot arrives during a load', async () => {
    const c = client();
    const access = new AccessService(new AccessFactsLoader(c, map), definitionsService(c));
    let invalidations = 0;
    access.subscribe(() => invalidations++);
    const loaded = await access.forEntity(loan);
    expect(loaded.engine.check(coBorrower, loan).level).to.equal('write');
    expect(invalidations).to.equal(0);
    expect(gets(map.caseParty.table)).to.equal(1);
  });
});
