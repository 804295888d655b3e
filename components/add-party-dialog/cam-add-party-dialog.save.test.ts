import { oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import { useElementFixtures } from '../../test/support/fixtures.js';
import { getStore } from '../../mocks/db.js';
import { STORY } from '../../mocks/seed/story.js';
import { CamPartyAddedEvent } from '../events.js';
import {
  $,
  $maybe,
  CASE_TABLE,
  PARTY_TABLE,
  assessed,
  chooseType,
  expect,
  isShown,
  openDialog,
  options,
  picker,
  pickParty,
  posts,
  saveButton,
  settle,
  textOf,
  typeId,
  until,
} from '../../test/support/add-party-dialog.js';

const { nearMiss, housingLoan, trackedProduct } = STORY;
const JAMES = housingLoan.attorney;
const gains = (root: ParentNode | null | undefined): string[] =>
  [...(root?.querySelectorAll('[part="gain"]') ?? [])].map((li) => textOf(li));

/** Party records of the case in the mock store. */
const storedParties = (caseId: string) =>
  getStore()
    .all(PARTY_TABLE)
    .filter((r) => r.case === caseId);

describe('<cam-add-party-dialog> preview, validation and save', () => {
  const worker = useElementFixtures();

  describe('what-if preview', () => {
    it('shows that a contact holding the authorized role goes from none to write', async () => {
      const { dialog } = await openDialog(CASE_TABLE, nearMiss.caseId);
      await pickParty(dialog, 'James Wh', JAMES.name);
      await chooseType(dialog, 'Authorized Contact');
      await assessed(dialog);
      expect(textOf(picker(dialog).shadowRoot?.querySelector('[part="summary"]'))).to.contain(
        'Authorized Representative',
      );
      expect(gains(dialog.shadowRoot)).to.deep.equal([
        `${JAMES.name}: none → write on ${nearMiss.caseNumber}`,
      ]);
      expect(saveButton(dialog).disabled).to.equal(false);
      await expect(dialog).to.be.accessible();
    });

    it('says no one gains access for a Listed type', async () => {
      const { dialog } = await openDialog(CASE_TABLE, nearMiss.caseId);
      await pickParty(dialog, 'James Wh', JAMES.name);
      await chooseType(dialog, 'Listed Contact');
      await assessed(dialog);
      expect(textOf($(dialog, '[part="no-gain"]'))).to.equal('No one gains access.');
      expect(gains(dialog.shadowRoot)).to.deep.equal([]);
      expect(saveButton(dialog).disabled).to.equal(false);
    });

    it('warns about a party who gets the responsibility without the required role', async () => {
      const { dialog } = await openDialog(CASE_TABLE, housingLoan.caseId);
      await pickParty(dialog, 'Maya', nearMiss.contact.name);
      await chooseType(dialog, 'Authorized Contact');
      await assessed(dialog);
      expect(textOf($(dialog, '[part="no-gain"]'))).to.equal('No one gains access.');
      expect(textOf($(dialog, '[part="warnings"]'))).to.equal(
        `${nearMiss.contact.name} will have the responsibility but no access from it: lacks role ${nearMiss.missingRole}`,
      );
    });

    it("loads an account party's contacts to preview it (not yet on the entity)", async () => {
      const { dialog } = await openDialog('sn_install_base_sold_product', trackedProduct.soldProductId);
      const kind = $<HTMLSelectElement>(dialog, '#kind');
      kind.value = 'account';
      kind.dispatchEvent(new Event('change'));
      await dialog.updateComplete;
      await pickParty(dialog, 'Bluewater', nearMiss.account.name);
      await chooseType(dialog, 'Authorized Account', 'sn_install_base_sold_product');
      await assessed(dialog);
      expect(textOf($(dialog, '[part="warnings"]'))).to.contain(
        `${nearMiss.contact.name} will have the responsibility but no access from it: lacks role sn_install_base.sold_product_authorized_contact`,
      );
      expect($maybe(dialog, '[part="issues"]')).to.equal(null);
    });
  });

  describe('validation before any request', () => {
    it('blocks a party already on the case with the same type; no POST', async () => {
      const { dialog } = await openDialog(CASE_TABLE, housingLoan.caseId);
      await pickParty(dialog, 'James Wh', JAMES.name);
      await chooseType(dialog, housingLoan.relationshipTypes.attorney.name);
      await assessed(dialog);
      const issues = $(dialog, '[part="issues"]');
      expect(issues.getAttribute('role')).to.equal('alert');
      expect(issues.querySelector('[data-code="duplicate-party"]')).to.not.equal(null);
      expect(textOf(issues)).to.contain(`is already on case ${housingLoan.caseNumber} as Attorney`);
      expect(saveButton(dialog).disabled).to.equal(true);
      expect($maybe(dialog, '[part="preview"]')).to.equal(null);
      saveButton(dialog).click();
      await settle(200);
      expect(posts()).to.equal(0);
      await expect(dialog).to.be.accessible();
    });

    it('blocks a second party with a unique responsibility', async () => {
      const store = getStore();
      const representative = store
        .all('sn_customerservice_responsibility_def')
        .find((r) => r.name === 'Authorized Representative');
      store.update('sn_customerservice_responsibility_def', representative?.sys_id ?? '', { unique: 'true' });
      const { dialog } = await openDialog(CASE_TABLE, housingLoan.caseId);
      await pickParty(dialog, 'Maya', nearMiss.contact.name);
      await chooseType(dialog, 'Authorized Contact');
      await assessed(dialog);
      expect($(dialog, '[part="issues"] [data-code="unique-responsibility-taken"]')).to.not.equal(null);
      expect(saveButton(dialog).disabled).to.equal(true);
      saveButton(dialog).click();
      expect(posts('sn_customerservice_related_party')).to.equal(0);
    });

    it('blocks a party on an install base item that is not the root', async () => {
      const child = trackedProduct.installBase.childIds[0];
      const { dialog } = await openDialog('sn_install_base_item', child);
      await pickParty(dialog, 'James Wh', JAMES.name);
      await chooseType(dialog, 'Authorized Contact', 'sn_install_base_item');
      await assessed(dialog);
      expect(textOf($(dialog, '[part="issues"] [data-code="install-base-not-root"]'))).to.contain(
        'root item only',
      );
      expect(saveButton(dialog).disabled).to.equal(true);
      saveButton(dialog).click();
      await settle(100);
      expect(posts('sn_install_base_related_party')).to.equal(0);
    });
  });

  describe('saving', () => {
    it('saves: one POST, cam-party-added with the saved row, access invalidated, dialog closed', async () => {
      const { dialog, provider } = await openDialog(CASE_TABLE, nearMiss.caseId);
      const invalidated: unknown[] = [];
      provider.current?.access.subscribe((entity) => invalidated.push(entity));
      await pickParty(dialog, 'James Wh', JAMES.name);
      await chooseType(dialog, 'Authorized Contact');
      await assessed(dialog);
      const added = oneEvent<CamPartyAddedEvent>(provider, CamPartyAddedEvent.eventName);
      saveButton(dialog).click();
      const event = await added;
      expect(event).to.be.instanceOf(CamPartyAddedEvent);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.party.record.party).to.deep.equal({ kind: 'contact', id: JAMES.id });
      expect(event.party.record.type).to.equal(typeId('Authorized Contact'));
      expect(event.party.partyName).to.equal(JAMES.name);
      expect(posts()).to.equal(1);
      expect(storedParties(nearMiss.caseId).some((r) => r.contact === JAMES.id)).to.equal(true);
      expect(invalidated).to.deep.include({ kind: 'case', id: nearMiss.caseId });
      await until(() => !isShown(dialog), 'the dialog to close');
      expect(dialog.open).to.equal(false);
    });

    it('keeps the dialog open with inputs intact when the server refuses, and can retry', async () => {
      const { dialog } = await openDialog(CASE_TABLE, nearMiss.caseId);
      await pickParty(dialog, 'James Wh', JAMES.name);
      await chooseType(dialog, 'Authorized Contact');
      await assessed(dialog);
      let refused = 0;
      worker.use(
        http.post(
          `*/api/now/table/${PARTY_TABLE}`,
          () => {
            refused += 1;
            return HttpResponse.json(
              {
                error: {
                  message: 'The responsibility is unique and already assigned',
                  detail: 'Business Rule',
                },
                status: 'failure',
              },
              { status: 400 },
            );
          },
          { once: true },
        ),
      );
      saveButton(dialog).click();
      await until(() => $maybe(dialog, '[part="save-error"]') !== null, 'the save error');
      expect(refused).to.equal(1);
      expect(textOf($(dialog, '[part="save-error"]'))).to.contain(
        'The responsibility is unique and already assigned',
      );
      expect(isShown(dialog)).to.equal(true);
      expect(textOf($(dialog, '[part="selected"] strong'))).to.equal(JAMES.name);
      expect(picker(dialog).value).to.equal(typeId('Authorized Contact'));
      expect(saveButton(dialog).disabled).to.equal(false);
      await expect(dialog).to.be.accessible();

      const closed = oneEvent(dialog, 'close');
      saveButton(dialog).click();
      await closed;
      expect(posts()).to.equal(1);
      expect(storedParties(nearMiss.caseId).filter((r) => r.contact === JAMES.id)).to.have.length(1);
    });

    it('does not re-send a timed-out POST: the server is asked, and nothing was saved', async () => {
      const { dialog, provider } = await openDialog(CASE_TABLE, nearMiss.caseId);
      provider.timeout = 300;
      await provider.updateComplete;
      await dialog.updateComplete;
      await pickParty(dialog, 'James Wh', JAMES.name);
      await chooseType(dialog, 'Authorized Contact');
      await assessed(dialog);
      let sent = 0;
      worker.use(
        http.post(`*/api/now/table/${PARTY_TABLE}`, async () => {
          sent += 1;
          await delay(1500);
          return HttpResponse.json({ result: {} }, { status: 201 });
        }),
      );
      saveButton(dialog).click();
      await until(() => $maybe(dialog, '[part="save-error"]') !== null, 'the unconfirmed-write error', 8000);
      // The service's UnconfirmedWriteError message: it checked the server and found nothing.
      expect(textOf($(dialog, '[part="save-error"]'))).to.match(/(not|nothing was) saved/i);
      await settle(300);
      expect(sent).to.equal(1);
      expect(isShown(dialog)).to.equal(true);
      expect(textOf($(dialog, '[part="selected"] strong'))).to.equal(JAMES.name);
    });

    it('a timed-out POST that landed counts as saved, without a second POST', async () => {
      const { dialog, provider } = await openDialog(CASE_TABLE, nearMiss.caseId);
      provider.timeout = 300;
      await provider.updateComplete;
      await dialog.updateComplete;
      await pickParty(dialog, 'James Wh', JAMES.name);
      await chooseType(dialog, 'Authorized Contact');
      await assessed(dialog);
      let sent = 0;
      worker.use(
        http.post(`*/api/now/table/${PARTY_TABLE}`, async ({ request }) => {
          sent += 1;
          getStore().insert(PARTY_TABLE, (await request.json()) as Record<string, string>);
          await delay(1500);
          return HttpResponse.json({ result: {} }, { status: 201 });
        }),
      );
      const added = oneEvent<CamPartyAddedEvent>(dialog, CamPartyAddedEvent.eventName);
      saveButton(dialog).click();
      const event = await added;
      expect(event.party.record.party.id).to.equal(JAMES.id);
      await settle(300);
      expect(sent).to.equal(1);
      expect(isShown(dialog)).to.equal(false);
    });
  });

  it('choosing a party with the mouse leaves focus on the search field, so Tab reaches the type next', async () => {
    const { dialog } = await openDialog(CASE_TABLE, nearMiss.caseId);
    const input = $(dialog, '#search') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'James Wh' });
    await until(() => options(dialog).length > 0, 'results');
    const rect = options(dialog)[0]!.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(rect.x + 4), Math.round(rect.y + rect.height / 2)],
    });
    await until(() => $maybe(dialog, '[part="selected"]') !== null, 'the chosen party');
    await until(() => dialog.shadowRoot?.activeElement === input, 'focus back on the search field');
    await sendKeys({ press: 'Tab' });
    expect(dialog.shadowRoot?.activeElement?.tagName.toLowerCase()).to.equal('cam-relationship-type-picker');
  });

  it('works with the keyboard alone, from the opener to the saved party', async () => {
    const { dialog, opener } = await openDialog(CASE_TABLE, nearMiss.caseId);
    dialog.close();
    await oneEvent(dialog, 'close');
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await dialog.updateComplete;
    expect(isShown(dialog)).to.equal(true);

    await sendKeys({ type: 'James Wh' });
    await until(() => options(dialog).length > 0, 'results');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await until(() => $maybe(dialog, '[part="selected"]') !== null, 'the chosen party');
    // Choosing keeps the agent on the search field, whatever happened to the option that was chosen.
    await until(() => dialog.shadowRoot?.activeElement?.id === 'search', 'focus back on the search field');

    await sendKeys({ press: 'Tab' });
    expect(dialog.shadowRoot?.activeElement?.tagName.toLowerCase()).to.equal('cam-relationship-type-picker');
    await sendKeys({ type: 'Authorized Contact' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await until(() => picker(dialog).value === typeId('Authorized Contact'), 'the type chosen by keyboard');
    await assessed(dialog);

    for (let i = 0; i < 10 && dialog.shadowRoot?.activeElement !== saveButton(dialog); i++) {
      await sendKeys({ press: 'Tab' });
    }
    expect(dialog.shadowRoot?.activeElement).to.equal(saveButton(dialog));
    const added = oneEvent<CamPartyAddedEvent>(dialog, CamPartyAddedEvent.eventName);
    await sendKeys({ press: 'Enter' });
    await added;
    await until(() => !isShown(dialog), 'the dialog to close');
    expect(document.activeElement).to.equal(opener);
  });
});
