/**
 * Live refresh in the list, with two agents: two providers (each its own services, cache and
 * feed) over one mock backend, polling every 0.2 s. What agent A does through its services shows
 * in agent B's list in place — announced with who did it, rows marked, badges recomputed — and
 * never at the cost of B's open edit.
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { getStore } from '../../mocks/db.js';
import { requestLog } from '../../mocks/faults.js';
import { definitionSysId, STORY } from '../../mocks/seed/index.js';
import {
  freshUserId,
  ignoreResizeObserverLoop,
  until,
  useElementFixtures,
} from '../../test/support/fixtures.js';
import type { CamProvider } from '../provider/cam-provider.component.js';
import type { CamEffectiveAccessBadge } from '../effective-access-badge/cam-effective-access-badge.component.js';
import type { CamPartiesRefreshedEvent } from '../events.js';
import type { CamServices } from '../context.js';
import type { EntityRef } from '../../src/model/kinds.js';
import type { PartyRow } from '../../src/service/party-rows.js';
import './cam-related-party-list.js';
import '../provider/cam-provider.js';
import type { CamRelatedPartyList } from './cam-related-party-list.component.js';

const CASE_TABLE = 'sn_customerservice_case';
const PARTY_TABLE = 'sn_customerservice_related_party';
const loan = STORY.housingLoan;
const loanRef: EntityRef = { kind: 'case', id: loan.caseId };
const LISTED_CONSUMER = definitionSysId('relationshipType', 'case_listed_consumer');
const omar = STORY.trackedProduct.operations;

const root = (el: CamRelatedPartyList): ShadowRoot => el.shadowRoot as ShadowRoot;
const part = (el: CamRelatedPartyList, name: string): HTMLElement | null =>
  root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rows = (el: CamRelatedPartyList): HTMLElement[] => [
  ...root(el).querySelectorAll<HTMLElement>('[part~="row"]'),
];
const cells = (row: HTMLElement): string[] => [...row.querySelectorAll(':scope > [role="cell"]')].map(text);
const rowNamed = (el: CamRelatedPartyList, name: string): HTMLElement | undefined =>
  rows(el).find((row) => cells(row)[0] === name);
const typeOf = (el: CamRelatedPartyList, name: string) => {
  const row = rowNamed(el, name);
  return row ? cells(row)[2] : undefined;
};
const badgeOf = (el: CamRelatedPartyList, name: string) =>
  rowNamed(el, name)?.querySelector<CamEffectiveAccessBadge>('cam-effective-access-badge');
const action = (el: CamRelatedPartyList, name: string, which: 'edit' | 'remove') =>
  rowNamed(el, name)?.querySelector<HTMLButtonElement>(`[data-action="${which}"]`) as HTMLButtonElement;

interface Agent {
  readonly provider: CamProvider;
  readonly list: CamRelatedPartyList;
  readonly services: CamServices;
}

/** Two agents with the housing loan case open, polling every `interval` seconds. */
async function twoAgents(interval = 0.2, count = 3): Promise<[Agent, Agent]> {
  // Side by side: a virtualised list pushed below the viewport would render no rows.
  const host = await fixture<HTMLDivElement>(
    html`<div
      style="display: grid; grid-template-columns: 1fr 1fr; --cam-related-party-list-max-height: 12rem"
    >
      ${[freshUserId(), freshUserId()].map(
        (user) =>
          html`<cam-provider user-id=${user} poll-interval=${interval}>
            <cam-related-party-list
              entity-table=${CASE_TABLE}
              entity-id=${loan.caseId}
            ></cam-related-party-list>
          </cam-provider>`,
      )}
    </div>`,
  );
  const agents = [...host.querySelectorAll<CamProvider>('cam-provider')].map((provider) => {
    const list = provider.querySelector<CamRelatedPartyList>('cam-related-party-list') as CamRelatedPartyList;
    return { provider, list, services: provider.current as CamServices };
  });
  const total = count === 1 ? '1 party' : `${count} parties`;
  for (const agent of agents) {
    await until(
      () => text(part(agent.list, 'count')) === total && rows(agent.list).length >= Math.min(count, 3),
      total,
    );
  }
  return agents as [Agent, Agent];
}

/** Agent A's writes are signed as the colleague Dana Ruiz (sys_updated_by). */
function signAsDana(): void {
  getStore().userName = STORY.agents.colleague.userName;
}

async function rowOf(services: CamServices, recordId: string): Promise<PartyRow> {
  const row = (await services.parties.list(loanRef)).find((r) => r.record.id === recordId);
  if (!row) throw new Error(`no record ${recordId}`);
  return row;
}

describe('<cam-related-party-list> live refresh (two agents)', () => {
  useElementFixtures();
  ignoreResizeObserverLoop();

  it('an add, a retype and a removal by one agent appear in the other’s list, announced with who', async () => {
    const [a, b] = await twoAgents();
    signAsDana();
    const refreshed: CamPartiesRefreshedEvent[] = [];
    b.list.addEventListener('cam-parties-refreshed', (e) => refreshed.push(e));

    await a.services.parties.add(loanRef, {
      party: { kind: 'contact', id: omar.id },
      type: loan.relationshipTypes.attorney.id,
    });
    await until(() => rowNamed(b.list, omar.name) !== undefined, 'the new row in B');
    expect(text(part(b.list, 'live-region'))).to.equal('Dana Ruiz added Omar Haddad as Attorney.');
    expect(rowNamed(b.list, omar.name)?.hasAttribute('data-live-changed')).to.equal(true);
    expect(refreshed.map((e) => e.added.map((row) => row.partyName))).to.deep.equal([['Omar Haddad']]);
    // The agent who made the change sees it too (a write through the services reaches every list).
    await until(() => rowNamed(a.list, omar.name) !== undefined, 'the new row in A');
    // The badge of the new party is evaluated (its facts were read for it).
    await until(() => typeof badgeOf(b.list, omar.name)?.level === 'string', 'Omar’s badge');

    await until(() => badgeOf(b.list, loan.coBorrower.name)?.level === 'write', 'Daniel: write');
    await a.services.parties.retype(
      await rowOf(a.services, loan.parties.coBorrower),
      LISTED_CONSUMER,
      undefined,
    );
    await until(() => typeOf(b.list, loan.coBorrower.name) === 'Listed Consumer', 'the retype in B');
    expect(text(part(b.list, 'live-region'))).to.equal(
      'Dana Ruiz changed Daniel Marquez to Listed Consumer.',
    );
    // A "Listed" type grants nothing: the badge recomputes.
    await until(() => badgeOf(b.list, loan.coBorrower.name)?.level === 'none', 'Daniel: none');

    await a.services.parties.remove(await rowOf(a.services, loan.parties.guarantor));
    await until(() => rowNamed(b.list, loan.guarantor.name) === undefined, 'the removal in B');
    expect(text(part(b.list, 'live-region'))).to.equal('Rosa Delgado was removed.');
    expect(refreshed.map((e) => [e.added.length, e.changed.length, e.removed.length])).to.deep.equal([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    await expect(b.list).to.be.accessible();
  });

  it('keeps an open picker on another row, and ends an edit of a row the other agent removed with a clear message', async () => {
    const [a, b] = await twoAgents();
    action(b.list, loan.coBorrower.name, 'edit').click();
    await until(() => part(b.list, 'type-picker') !== null, 'B edits Daniel');

    await a.services.parties.remove(await rowOf(a.services, loan.parties.guarantor));
    await until(() => rowNamed(b.list, loan.guarantor.name) === undefined, 'Rosa gone in B');
    // B's picker on Daniel survived the refresh.
    expect(rowNamed(b.list, loan.coBorrower.name)?.querySelector('[part~="type-picker"]')).to.not.equal(null);
    expect(part(b.list, 'live-conflict')).to.equal(null);

    await a.services.parties.remove(await rowOf(a.services, loan.parties.coBorrower));
    await until(() => part(b.list, 'live-conflict') !== null, 'the conflict message');
    expect(text(part(b.list, 'live-conflict'))).to.contain(
      'Daniel Marquez was removed by someone else while you were changing its relationship type. Nothing was saved.',
    );
    expect(part(b.list, 'type-picker')).to.equal(null);
    expect(requestLog.count({ method: 'PATCH' })).to.equal(0);
    await expect(b.list).to.be.accessible();
  });

  it('a retype already on its way when the other agent removed the row ends with a clear message', async () => {
    const [a, b] = await twoAgents(0);
    action(b.list, loan.coBorrower.name, 'edit').click();
    await until(() => part(b.list, 'type-picker') !== null, 'B edits Daniel');
    await a.services.parties.remove(await rowOf(a.services, loan.parties.coBorrower));
    const picker = part(b.list, 'type-picker') as HTMLElement & { value: string };
    picker.value = LISTED_CONSUMER;
    picker.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await until(
      () =>
        [...root(b.list).querySelectorAll('.edit-actions button')].some(
          (x) => text(x) === 'Save' && !(x as HTMLButtonElement).disabled,
        ),
      'Save enabled',
    );
    [...root(b.list).querySelectorAll<HTMLButtonElement>('.edit-actions button')]
      .find((x) => text(x) === 'Save')
      ?.click();
    await until(
      () => text(part(b.list, 'banner')).includes('Someone else removed this party'),
      'the refusal',
    );
    expect(text(part(b.list, 'banner'))).to.contain(
      'Could not change the relationship type of Daniel Marquez to Listed Consumer.',
    );
    expect(getStore().get(PARTY_TABLE, loan.parties.coBorrower)).to.equal(undefined);
    expect(requestLog.count({ method: 'PATCH' })).to.equal(0);
  });

  it('closes a removal confirmation of a row the other agent changed, saying who and what, removing nothing', async () => {
    const [a, b] = await twoAgents();
    signAsDana();
    action(b.list, loan.coBorrower.name, 'remove').click();
    await until(() => part(b.list, 'confirm') !== null, 'B confirms removal');
    await a.services.parties.retype(
      await rowOf(a.services, loan.parties.coBorrower),
      LISTED_CONSUMER,
      undefined,
    );
    await until(() => part(b.list, 'live-conflict') !== null, 'the conflict message');
    expect(text(part(b.list, 'live-conflict'))).to.contain(
      'Dana Ruiz changed Daniel Marquez to Listed Consumer while you were confirming its removal. Nothing was saved',
    );
    expect(part(b.list, 'confirm')).to.equal(null);
    expect(getStore().get(PARTY_TABLE, loan.parties.coBorrower)).to.not.equal(undefined);
  });

  it('keeps the scroll position and an open picker while rows arrive and go', async () => {
    const store = getStore();
    const taken = new Set<string>([loan.attorney.id]);
    const extra = store
      .all('customer_contact')
      .filter((c) => c.sys_id && !taken.has(c.sys_id))
      .slice(0, 40);
    for (const contact of extra) {
      store.insert(PARTY_TABLE, {
        case: loan.caseId,
        contact: contact.sys_id ?? '',
        type: loan.relationshipTypes.attorney.id,
      });
    }
    const [a, b] = await twoAgents(0.2, 43);
    const body = part(b.list, 'body') as HTMLElement;
    body.scrollTop = 300;
    await until(
      () => rows(b.list).some((row) => row.getBoundingClientRect().top > body.getBoundingClientRect().top),
      'rows in view',
    );
    const visible = rows(b.list).find(
      (row) => row.getBoundingClientRect().top >= body.getBoundingClientRect().top + 10,
    );
    const name = visible ? (cells(visible)[0] ?? '') : '';
    action(b.list, name, 'edit').click();
    await until(() => part(b.list, 'type-picker') !== null, 'B edits a row in view');
    const top = body.scrollTop;
    expect(top).to.be.greaterThan(0);

    await a.services.parties.add(loanRef, {
      party: { kind: 'contact', id: omar.id },
      type: loan.relationshipTypes.attorney.id,
    });
    await a.services.parties.remove(await rowOf(a.services, loan.parties.guarantor));
    await until(
      () =>
        text(part(b.list, 'count')) === '43 parties' &&
        text(part(b.list, 'live-region')).endsWith('Rosa Delgado was removed.'),
      'both changes in B',
    );
    expect(body.scrollTop).to.equal(top);
    expect(rowNamed(b.list, name)?.querySelector('[part~="type-picker"]')).to.not.equal(null);
  });

  it('says when live updates are off', async () => {
    const [, b] = await twoAgents(0);
    expect(text(part(b.list, 'live-status'))).to.equal(
      'Live updates are off: reload to see changes made by others.',
    );
    await expect(b.list).to.be.accessible();
  });
});
