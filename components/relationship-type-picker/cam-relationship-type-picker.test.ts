import { expect, oneEvent } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { renderInProvider, until, useElementFixtures } from '../../test/support/fixtures.js';
import { getStore } from '../../mocks/db.js';
import { faults } from '../../mocks/faults.js';
import { definitionSysId } from '../../mocks/seed/rows.js';
import { STORY } from '../../mocks/seed/story.js';
import './cam-relationship-type-picker.js';
import type { CamRelationshipTypePicker } from './cam-relationship-type-picker.component.js';

const CASE = 'sn_customerservice_case';
const REPRESENTATIVE = definitionSysId('responsibility', 'authorized_representative');
const LOAN = STORY.housingLoan.relationshipTypes;
const LISTED_CONSUMER = definitionSysId('relationshipType', 'case_listed_consumer');
const AUTHORIZED_CONSUMER = definitionSysId('relationshipType', 'case_authorized_consumer');

const root = (el: CamRelationshipTypePicker): ShadowRoot => el.shadowRoot as ShadowRoot;
const input = (el: CamRelationshipTypePicker): HTMLInputElement =>
  root(el).querySelector('input') as HTMLInputElement;
const text = (node: Element | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const optionNames = (el: CamRelationshipTypePicker): string[] =>
  [...root(el).querySelectorAll('[role=option] .name')].map((node) => text(node));
const activeName = (el: CamRelationshipTypePicker): string => {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? text(root(el).getElementById(id)?.querySelector('.name')) : '';
};
const expanded = (el: CamRelationshipTypePicker): boolean =>
  input(el).getAttribute('aria-expanded') === 'true';

/** Waits until the definitions are loaded (or failed) and the element rendered. */
async function settled(el: CamRelationshipTypePicker): Promise<CamRelationshipTypePicker> {
  await until(
    () => root(el).querySelector('[part=field]')?.getAttribute('aria-busy') === 'false',
    'definitions',
  );
  await el.updateComplete;
  return el;
}

async function picker(
  attributes: { partyType?: string; value?: string; required?: boolean; appliesTo?: string } = {},
): Promise<CamRelationshipTypePicker> {
  const { element } = await renderInProvider<CamRelationshipTypePicker>(
    html`<cam-relationship-type-picker
      applies-to=${attributes.appliesTo ?? CASE}
      party-type=${attributes.partyType ?? 'consumer'}
      value=${attributes.value ?? ''}
      ?required=${attributes.required ?? false}
    ></cam-relationship-type-picker>`,
    'cam-relationship-type-picker',
  );
  return settled(element);
}

describe('<cam-relationship-type-picker>', () => {
  useElementFixtures();

  it('is accessible with a type chosen', async () => {
    const el = await picker({ value: LOAN.coBorrower.id });
    await expect(el).to.be.accessible();
  });

  it('is accessible while loading, marked busy', async () => {
    faults.set({ latencyMs: 800 });
    const { element } = await renderInProvider<CamRelationshipTypePicker>(
      html`<cam-relationship-type-picker applies-to=${CASE}></cam-relationship-type-picker>`,
      'cam-relationship-type-picker',
    );
    await element.updateComplete;
    expect(root(element).querySelector('[part=field]')?.getAttribute('aria-busy')).to.equal('true');
    expect(text(root(element).querySelector('[role=status]'))).to.equal('Loading relationship types…');
    expect(input(element).disabled).to.equal(true);
    await expect(element).to.be.accessible();
    await settled(element);
  });

  it('groups the applicable types into "Grants access" and "Listed (no access)"', async () => {
    const el = await picker();
    input(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const groups = [...root(el).querySelectorAll('[role=group]')].map((group) => ({
      label: text(root(el).getElementById(group.getAttribute('aria-labelledby') ?? '')),
      options: [...group.querySelectorAll('[role=option] .name')].map((node) => text(node)),
    }));
    expect(groups).to.deep.equal([
      { label: 'Grants access', options: ['Co-borrower', 'Guarantor', 'Authorized Consumer'] },
      { label: 'Listed (no access)', options: ['Listed Consumer'] },
    ]);
    await expect(el).to.be.accessible();
  });

  it('lists every party type of the table when party-type is empty, naming each', async () => {
    const el = await picker({ partyType: '' });
    input(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(optionNames(el)).to.include.members([
      'Attorney',
      'Authorized Contact',
      'Authorized Contributor',
      'Listed Contact',
    ]);
    const attorney = [...root(el).querySelectorAll('[role=option]')].find(
      (o) => text(o.querySelector('.name')) === 'Attorney',
    );
    expect(text(attorney?.querySelector('.detail'))).to.equal('contact · Authorized Representative');
  });

  it('filters as the user types and says when nothing matches', async () => {
    const el = await picker();
    const leaked: Event[] = [];
    el.addEventListener('input', (event) => leaked.push(event));
    input(el).focus();
    await sendKeys({ type: 'guar' });
    await el.updateComplete;
    expect(expanded(el)).to.equal(true);
    expect(optionNames(el)).to.deep.equal(['Guarantor']);
    expect(activeName(el)).to.equal('Guarantor');
    await sendKeys({ type: 'xyz' });
    await el.updateComplete;
    expect(optionNames(el)).to.deep.equal([]);
    expect(expanded(el)).to.equal(false);
    expect(text(root(el).querySelector('[part=message] [role=status]'))).to.equal(
      'No relationship type matches “guarxyz”.',
    );
    expect(leaked, 'search keystrokes are not value input').to.have.length(0);
  });

  it('is fully keyboard operable: arrows, Home/End, Enter chooses, Escape closes then clears', async () => {
    const el = await picker();
    input(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(expanded(el)).to.equal(true);
    expect(activeName(el)).to.equal('Co-borrower');
    await sendKeys({ press: 'ArrowDown' });
    expect(activeName(el)).to.equal('Guarantor');
    await sendKeys({ press: 'End' });
    expect(activeName(el)).to.equal('Listed Consumer');
    await sendKeys({ press: 'ArrowDown' });
    expect(activeName(el)).to.equal('Co-borrower', 'wraps around');
    await sendKeys({ press: 'ArrowUp' });
    expect(activeName(el)).to.equal('Listed Consumer');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowDown' });
    expect(activeName(el)).to.equal('Guarantor');

    const changed = oneEvent(el, 'change');
    await sendKeys({ press: 'Enter' });
    await changed;
    await el.updateComplete;
    expect(el.value).to.equal(LOAN.guarantor.id);
    expect(expanded(el)).to.equal(false);
    expect(input(el).value).to.equal('Guarantor');
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);

    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(activeName(el)).to.equal('Guarantor', 'reopening starts at the chosen type');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(expanded(el)).to.equal(false);
    expect(el.value).to.equal(LOAN.guarantor.id, 'the first Escape only closes');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(input(el).value).to.equal('');
  });

  it('leaves Escape to the host when there is nothing to close or clear (e.g. a dialog)', async () => {
    const el = await picker();
    const escape = new KeyboardEvent('keydown', {
      key: 'Escape',
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    input(el).dispatchEvent(escape);
    expect(escape.defaultPrevented).to.equal(false);
  });

  it('works with the mouse: the toggle opens the list, a click chooses', async () => {
    const el = await picker();
    (root(el).querySelector('[part=toggle]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(expanded(el)).to.equal(true);
    const listed = [...root(el).querySelectorAll<HTMLElement>('[role=option]')].find(
      (o) => text(o.querySelector('.name')) === 'Listed Consumer',
    );
    listed?.click();
    await el.updateComplete;
    expect(el.value).to.equal(LISTED_CONSUMER);
    expect(el.responsibility).to.equal(undefined);
    expect(text(root(el).querySelector('[part=summary]'))).to.equal(
      'Listed Consumer: no responsibility; grants no access.',
    );
  });

  it('shows the default responsibility with the access it grants, and exposes it', async () => {
    const el = await picker();
    input(el).focus();
    await sendKeys({ type: 'co-b' });
    const changed = oneEvent(el, 'change');
    await sendKeys({ press: 'Enter' });
    const event = await changed;
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(el.value).to.equal(LOAN.coBorrower.id);
    expect(el.getAttribute('value')).to.equal(LOAN.coBorrower.id, 'value reflects');
    expect(el.selectedType?.name).to.equal('Co-borrower');
    expect(el.responsibility).to.equal(REPRESENTATIVE);
    const summary = root(el).querySelector('[part=summary]');
    expect(text(summary?.querySelector('.responsibility'))).to.equal('Authorized Representative');
    const grants = [...(summary?.querySelectorAll('li') ?? [])].map((li) => text(li));
    expect(grants).to.include(
      'Authorized Representative — case write; requires sn_customerservice.case_authorized_consumer',
    );
    await expect(el).to.be.accessible();
  });

  it('summarises cascading grants of a sold product type', async () => {
    const el = await picker({
      appliesTo: 'sn_install_base_sold_product',
      partyType: 'contact',
      value: STORY.trackedProduct.relationshipTypes.renewals.id,
    });
    const grants = [...root(el).querySelectorAll('[part=summary] li')].map((li) => text(li));
    const requires = 'requires sn_install_base.sold_product_authorized_contact';
    expect(grants).to.include(`Authorized Representative — sold product read; ${requires}`);
    expect(grants).to.include(`Authorized Representative — case full (through sold product); ${requires}`);
  });

  it('submits name=value with its form, and nothing when disabled', async () => {
    const { element: form } = await renderInProvider<HTMLFormElement>(
      html`<form>
        <cam-relationship-type-picker
          name="type"
          applies-to=${CASE}
          party-type="consumer"
        ></cam-relationship-type-picker>
      </form>`,
      'form',
    );
    const el = await settled(form.querySelector('cam-relationship-type-picker') as CamRelationshipTypePicker);
    expect(el.form).to.equal(form);
    input(el).focus();
    await sendKeys({ type: 'Authorized' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(new FormData(form).get('type')).to.equal(AUTHORIZED_CONSUMER);
    el.disabled = true;
    await el.updateComplete;
    expect(new FormData(form).has('type')).to.equal(false);
    expect(input(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('follows a disabled fieldset', async () => {
    const { element: fieldset } = await renderInProvider<HTMLFieldSetElement>(
      html`<form>
        <fieldset disabled>
          <cam-relationship-type-picker applies-to=${CASE}></cam-relationship-type-picker>
        </fieldset>
      </form>`,
      'fieldset',
    );
    const el = await settled(
      fieldset.querySelector('cam-relationship-type-picker') as CamRelationshipTypePicker,
    );
    expect(input(el).disabled).to.equal(true);
    fieldset.disabled = false;
    await el.updateComplete;
    expect(input(el).disabled).to.equal(false);
  });

  it('is invalid while required and empty, and blocks form submission', async () => {
    const { element: form } = await renderInProvider<HTMLFormElement>(
      html`<form>
        <cam-relationship-type-picker
          required
          name="type"
          applies-to=${CASE}
          party-type="consumer"
        ></cam-relationship-type-picker>
      </form>`,
      'form',
    );
    const el = await settled(form.querySelector('cam-relationship-type-picker') as CamRelationshipTypePicker);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Choose a relationship type.');
    expect(form.checkValidity()).to.equal(false);
    el.value = LOAN.guarantor.id;
    await el.updateComplete;
    expect(el.validity.valid).to.equal(true);
    expect(form.checkValidity()).to.equal(true);
  });

  it('goes back to its initial value on form reset', async () => {
    const { element: form } = await renderInProvider<HTMLFormElement>(
      html`<form>
        <cam-relationship-type-picker
          name="type"
          applies-to=${CASE}
          party-type="consumer"
          value=${LOAN.coBorrower.id}
        ></cam-relationship-type-picker>
      </form>`,
      'form',
    );
    const el = await settled(form.querySelector('cam-relationship-type-picker') as CamRelationshipTypePicker);
    el.value = LISTED_CONSUMER;
    await el.updateComplete;
    expect(new FormData(form).get('type')).to.equal(LISTED_CONSUMER);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal(LOAN.coBorrower.id);
    expect(input(el).value).to.equal('Co-borrower');
    expect(new FormData(form).get('type')).to.equal(LOAN.coBorrower.id);
  });

  it('keeps an unknown value, says so and is invalid', async () => {
    const { element: form } = await renderInProvider<HTMLFormElement>(
      html`<form>
        <cam-relationship-type-picker
          name="type"
          applies-to=${CASE}
          party-type="consumer"
          value="no_such_type"
        ></cam-relationship-type-picker>
      </form>`,
      'form',
    );
    const el = await settled(form.querySelector('cam-relationship-type-picker') as CamRelationshipTypePicker);
    expect(el.value).to.equal('no_such_type');
    expect(el.selectedType).to.equal(undefined);
    const alert = text(root(el).querySelector('[part=message] [role=alert]'));
    expect(alert).to.equal('Unknown relationship type “no_such_type”: it is not defined on this instance.');
    expect(el.validity.customError).to.equal(true);
    expect(el.validationMessage).to.equal(alert);
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(new FormData(form).get('type')).to.equal('no_such_type');
    await expect(el).to.be.accessible();
  });

  it('flags a type of another party type as unknown here, naming where it applies', async () => {
    const el = await picker({ value: LOAN.attorney.id });
    expect(text(root(el).querySelector('[role=alert]'))).to.equal(
      `Unknown relationship type “${LOAN.attorney.id}” for case records and consumer parties: “Attorney” applies to case records and contact parties.`,
    );
    expect(el.validity.valid).to.equal(false);
  });

  it('shows an empty state when no type applies', async () => {
    const el = await picker({ partyType: 'household' });
    expect(text(root(el).querySelector('[role=status]'))).to.equal(
      'No relationship type applies to case records and household parties.',
    );
    expect(input(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says when applies-to names no entity table', async () => {
    const el = await picker({ appliesTo: 'incident' });
    expect(text(root(el).querySelector('[role=alert]'))).to.equal(
      '“incident” is not a case, sold product or install base table.',
    );
  });

  it('shows the load error with a Retry that recovers', async () => {
    faults.set({ errorRate: [{ status: 500, rate: 1 }] });
    const el = await picker();
    const alert = root(el).querySelector('[part=message] [role=alert]');
    expect(text(alert)).to.match(/^Relationship types could not be loaded: /);
    await expect(el).to.be.accessible();
    faults.reset();
    const retry = [...root(el).querySelectorAll('button')].find(
      (b) => text(b) === 'Retry',
    ) as HTMLButtonElement;
    retry.click();
    await until(() => !input(el).disabled, 'retried load');
    expect(root(el).querySelector('[role=alert]')).to.equal(null);
  });

  it('renders HTML in a type name as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    getStore().insert('sn_customerservice_related_party_configuration', {
      name: evil,
      applies_to: CASE,
      entity_type: 'csm_consumer',
      default_responsibility: REPRESENTATIVE,
      default_order: '1',
    });
    const el = await picker();
    input(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.selectedType?.name).to.equal(evil);
    expect(input(el).value).to.equal(evil);
    expect(text(root(el).querySelector('[role=option] .name'))).to.equal(evil);
    expect(root(el).querySelector('img')).to.equal(null);
  });
});
