import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { renderStatusSection } from '../../components/access-inspector/section-status.js';
import { useMockBackend } from '../support/msw.js';
import { getStore, resetStore } from '../../mocks/db.js';
import { definitionSysId, STORY } from '../../mocks/seed/index.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import { AccessFactsLoader } from '../../src/service/access-facts-loader.js';
import { AccessService } from '../../src/service/access-service.js';
import { DefinitionsService } from '../../src/service/definitions-service.js';
import { evaluateBadge } from '../../components/effective-access-badge/badge-evaluation.js';
import type { EntityRef, PrincipalRef } from '../../src/model/kinds.js';

const map = DEFAULT_TABLE_MAP;
const loan: EntityRef = { kind: 'case', id: STORY.housingLoan.caseId };
const attorney: PrincipalRef = { kind: 'contact', id: STORY.housingLoan.attorney.id };
const contactConfig = definitionSysId('accessConfig', 'ac_case_representative_contact');
const consumerConfig = definitionSysId('accessConfig', 'ac_case_representative_consumer');

function services() {
  const client = new TableApiClient({ timeoutMs: 5000, retry: { retries: 0 } });
  const definitions = new DefinitionsService({
    client,
    tableMap: map,
    instance: location.origin,
    user: `problems-${Math.random()}`,
    storage: { persist: false },
  });
  return { definitions, access: new AccessService(new AccessFactsLoader(client, map), definitions) };
}

describe('definitions the engine cannot use are problems, never silence', () => {
  useMockBackend();
  afterEach(() => resetStore());

  it('names the record and the column of a party_type holding a kind instead of a table', async () => {
    getStore().update(map.accessConfig.table, contactConfig, {
      [map.accessConfig.columns.partyType]: 'contact',
    });
    const { definitions, access } = services();
    const { problems } = await definitions.load();
    const line = problems.find((p) => p.includes(contactConfig));
    expect(line).to.include(map.accessConfig.table);
    // The inspector's Status tab lists it.
    const status = document.createElement('div');
    render(
      renderStatusSection(await definitions.load(), undefined, { pending: false, run: () => {} }),
      status,
    );
    expect(status.querySelector('.problems')?.textContent).to.include(contactConfig);
    expect(line).to.include(`(column ${map.accessConfig.columns.partyType})`);
    expect(line).to.include('unknown party table "contact"');
    expect(line).to.include(map.contact.table);

    // The attorney's grant came from that configuration: the badge says why it is gone.
    const evaluation = evaluateBadge(await access.forEntity(loan, { principal: attorney }), {
      kind: 'principal',
      principal: attorney,
    });
    expect(evaluation.level).to.equal('none');
    expect(evaluation.incomplete.join('\n')).to.include(contactConfig);
  });

  it('lists a required role that does not exist, with its column, and notes it on the badges it affects', async () => {
    getStore().update(map.accessConfig.table, consumerConfig, {
      [map.accessConfig.columns.rolesRequired]: 'sn_customerservice.case_authorized_consumr',
    });
    const { definitions, access } = services();
    const { problems } = await definitions.load();
    const line = problems.find((p) => p.includes(consumerConfig));
    expect(line).to.include(`(column ${map.accessConfig.columns.rolesRequired})`);
    expect(line).to.include('sn_customerservice.case_authorized_consumr');

    const coBorrower: PrincipalRef = { kind: 'consumer', id: STORY.housingLoan.coBorrower.id };
    const evaluation = evaluateBadge(await access.forEntity(loan, { principal: coBorrower }), {
      kind: 'principal',
      principal: coBorrower,
    });
    expect(evaluation.incomplete.join('\n')).to.include(consumerConfig);
  });

  it('notes nothing on badges when the definitions are sound', async () => {
    const { definitions, access } = services();
    const { problems } = await definitions.load();
    expect(problems).to.deep.equal([]);
    const evaluation = evaluateBadge(await access.forEntity(loan, { principal: attorney }), {
      kind: 'principal',
      principal: attorney,
    });
    expect(evaluation.level).to.equal('write');
    expect(evaluation.incomplete).to.deep.equal([]);
  });
});
