/**
 * Every element without a <cam-provider> around it says so, in the same words, at once: none of
 * them shows "loading" forever. Moved into a provider, it works.
 */
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import { html } from 'lit';
import '../../components/index.js';
import { freshUserId, until, useElementFixtures } from '../support/fixtures.js';
import { deepQueryAll } from '../support/dom.js';
import { LOAN, CASE_TABLE } from './support.js';

const ELEMENTS = {
  'cam-related-party-list': html`<cam-related-party-list
    entity-table=${CASE_TABLE}
    entity-id=${LOAN.caseId}
  ></cam-related-party-list>`,
  'cam-effective-access-badge': html`<cam-effective-access-badge
    principal-type="contact"
    principal-id=${LOAN.attorney.id}
    entity-table=${CASE_TABLE}
    entity-id=${LOAN.caseId}
  ></cam-effective-access-badge>`,
  'cam-relationship-type-picker': html`<cam-relationship-type-picker
    applies-to=${CASE_TABLE}
  ></cam-relationship-type-picker>`,
  'cam-add-party-dialog': html`<cam-add-party-dialog
    entity-table=${CASE_TABLE}
    entity-id=${LOAN.caseId}
    open
  ></cam-add-party-dialog>`,
  'cam-access-inspector': html`<cam-access-inspector></cam-access-inspector>`,
} as const;

const message = (el: Element) =>
  el.shadowRoot?.querySelector('[part="missing-provider"]')?.textContent?.trim();

describe('elements without a provider', () => {
  useElementFixtures();
  afterEach(() => fixtureCleanup());

  for (const [tag, template] of Object.entries(ELEMENTS)) {
    it(`<${tag}> names the missing <cam-provider> instead of loading`, async () => {
      const root = await fixture<HTMLElement>(html`<div>${template}</div>`);
      const el = root.querySelector(tag);
      if (!el || !('updateComplete' in el)) throw new Error(`no ${tag}`);
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(message(el)).to.equal('This element needs a <cam-provider> around it.');
      // Nothing claims to be busy: the message is the final state.
      expect(deepQueryAll(el, '[aria-busy="true"]')).to.have.length(0);
      expect(el.shadowRoot?.querySelector('[role="alert"]')).to.not.equal(null);
    });
  }

  it('every element shows the very same message', async () => {
    const root = await fixture<HTMLElement>(html`<div>${Object.values(ELEMENTS)}</div>`);
    const tags = Object.keys(ELEMENTS);
    await until(() => tags.every((tag) => message(root.querySelector(tag) as Element) !== undefined));
    const messages = new Set(tags.map((tag) => message(root.querySelector(tag) as Element)));
    expect([...messages]).to.have.length(1);
  });

  it('works once moved into a provider', async () => {
    const root = await fixture<HTMLElement>(
      html`<div>
        ${ELEMENTS['cam-effective-access-badge']}
        <cam-provider user-id=${freshUserId()}></cam-provider>
      </div>`,
    );
    const badge = root.querySelector('cam-effective-access-badge') as HTMLElement & { level?: string };
    expect(message(badge)).to.be.a('string');
    root.querySelector('cam-provider')?.append(badge);
    await until(() => badge.level !== undefined, 'the badge to answer');
    expect(message(badge)).to.equal(undefined);
    expect(badge.level).to.equal('write');
  });
});
