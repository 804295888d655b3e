import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { renderInProvider, until, useElementFixtures } from '../../test/support/fixtures.js';
import { STORY } from '../../mocks/seed/story.js';
import type { HostPersonaGrant } from '../../src/service/definitions-service.js';
import '../effective-access-badge/cam-effective-access-badge.js';
import type { CamEffectiveAccessBadge } from '../effective-access-badge/cam-effective-access-badge.component.js';
import type { CamProvider } from './cam-provider.component.js';

const NEAR = STORY.nearMiss;

/** Maya Lindqvist holds `sn_customerservice.customer`; no built-in row lets her read her account's cases. */
const ACCOUNT_CASES: HostPersonaGrant = {
  id: 'host_customer_account_cases',
  role: 'sn_customerservice.customer',
  table: 'case',
  level: 'read',
  scope: 'account',
  principals: ['contact'],
  note: 'Host: customers read every case of their account.',
};

const button = (el: CamEffectiveAccessBadge): HTMLButtonElement | null =>
  el.shadowRoot?.querySelector<HTMLButtonElement>('button[part=badge]') ?? null;

/** Waits until the badge answers `level` (the button shows it). */
async function answers(el: CamEffectiveAccessBadge, level: string): Promise<void> {
  await until(
    () => button(el)?.dataset.level === level && el.level === level,
    `the badge to answer ${level}`,
  );
}

describe('<cam-provider> personaGrants', () => {
  useElementFixtures();

  async function render(): Promise<{ provider: CamProvider; badge: CamEffectiveAccessBadge }> {
    const { provider, element } = await renderInProvider<CamEffectiveAccessBadge>(
      html`<cam-effective-access-badge
        principal-type="contact"
        principal-id=${NEAR.contact.id}
        entity-table="sn_customerservice_case"
        entity-id=${NEAR.caseId}
      ></cam-effective-access-badge>`,
      'cam-effective-access-badge',
    );
    return { provider, badge: element };
  }

  it('has no attribute for the rows (a JavaScript property only)', async () => {
    const { provider } = await render();
    provider.setAttribute('persona-grants', JSON.stringify([ACCOUNT_CASES]));
    provider.setAttribute('personagrants', JSON.stringify([ACCOUNT_CASES]));
    await provider.updateComplete;
    expect(provider.personaGrants).to.equal(undefined);
  });

  it('a host row set at run time grants, and removing it takes the access away again', async () => {
    const { provider, badge } = await render();
    await answers(badge, 'none');

    provider.personaGrants = [ACCOUNT_CASES];
    await answers(badge, 'read');
    const persona = badge.explanation?.grants.find((g) => g.source === 'persona');
    expect(persona, 'a persona grant path').to.not.equal(undefined);
    expect(persona?.source === 'persona' && persona.grant).to.include({
      id: ACCOUNT_CASES.id,
      source: 'host',
      level: 'read',
    });
    expect(provider.current?.definitions.current?.definitions.personaGrants).to.deep.include({
      ...ACCOUNT_CASES,
      source: 'host',
    });

    provider.personaGrants = [];
    await answers(badge, 'none');
    expect(provider.current?.definitions.current?.definitions.personaGrants ?? []).to.not.deep.include({
      ...ACCOUNT_CASES,
      source: 'host',
    });
  });

  it('a host row with a built-in id and active false turns the built-in row off', async () => {
    const { provider } = await render();
    provider.personaGrants = [{ ...ACCOUNT_CASES, id: 'agent_cases', active: false }];
    await provider.updateComplete;
    const snapshot = await provider.current?.definitions.load();
    const agent = snapshot?.definitions.personaGrants?.filter((g) => g.id === 'agent_cases');
    expect(agent).to.have.length(1);
    expect(agent?.[0]).to.include({ source: 'host', active: false });
  });
});
