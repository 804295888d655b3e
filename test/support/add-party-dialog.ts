/** Helpers shared by the <cam-add-party-dialog> test files (test-only; not part of the element). */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { renderInProvider, until } from './fixtures.js';
import { getStore } from '../../mocks/db.js';
import { requestLog } from '../../mocks/faults.js';
import type { CamProvider } from '../../components/provider/cam-provider.component.js';
import type { CamRelationshipTypePicker } from '../../components/relationship-type-picker/cam-relationship-type-picker.component.js';
import '../../components/add-party-dialog/cam-add-party-dialog.js';
import type { CamAddPartyDialog } from '../../components/add-party-dialog/cam-add-party-dialog.component.js';

export const CASE_TABLE = 'sn_customerservice_case';
export const PARTY_TABLE = 'sn_customerservice_related_party';

export interface Opened {
  readonly provider: CamProvider;
  readonly dialog: CamAddPartyDialog;
  readonly opener: HTMLButtonElement;
}

/** Renders an opener button and the dialog for one entity inside a provider (closed). */
export async function renderDialog(entityTable: string, entityId: string): Promise<Opened> {
  const { provider, element } = await renderInProvider<CamAddPartyDialog>(
    html`<button id="opener" type="button">Add party</button>
      <cam-add-party-dialog entity-table=${entityTable} entity-id=${entityId}></cam-add-party-dialog>`,
    'cam-add-party-dialog',
  );
  const opener = provider.querySelector<HTMLButtonElement>('#opener');
  if (!opener) throw new Error('no opener');
  opener.addEventListener('click', () => element.show());
  return { provider, dialog: element, opener };
}

/** Renders and opens the dialog as a click on the opener would. */
export async function openDialog(entityTable: string, entityId: string): Promise<Opened> {
  const opened = await renderDialog(entityTable, entityId);
  opened.opener.focus();
  opened.opener.click();
  await opened.dialog.updateComplete;
  return opened;
}

export function $<E extends Element = HTMLElement>(dialog: CamAddPartyDialog, selector: string): E {
  const found = dialog.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in the dialog`);
  return found;
}

export function $maybe(dialog: CamAddPartyDialog, selector: string): HTMLElement | null {
  return dialog.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

/** Text with whitespace collapsed. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Types into the search box as one input event (the user pasted it). */
export async function setSearch(dialog: CamAddPartyDialog, text: string): Promise<void> {
  const input = $<HTMLInputElement>(dialog, '#search');
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await dialog.updateComplete;
}

export function options(dialog: CamAddPartyDialog): HTMLElement[] {
  return [...(dialog.shadowRoot?.querySelectorAll<HTMLElement>('[role="option"]') ?? [])];
}

/** Searches and clicks the result named `name`. */
export async function pickParty(dialog: CamAddPartyDialog, text: string, name: string): Promise<void> {
  await setSearch(dialog, text);
  await until(
    () => options(dialog).some((o) => textOf(o.querySelector('.name')) === name),
    `a result named ${name}`,
  );
  options(dialog)
    .find((o) => textOf(o.querySelector('.name')) === name)
    ?.click();
  await dialog.updateComplete;
}

/** The sys_id of a relationship type by name and applies-to table, as the mock instance holds it. */
export function typeId(name: string, appliesTo = CASE_TABLE): string {
  const row = getStore()
    .all('sn_customerservice_related_party_configuration')
    .find((r) => r.name === name && r.applies_to === appliesTo);
  if (!row?.sys_id) throw new Error(`no relationship type ${name} on ${appliesTo}`);
  return row.sys_id;
}

export function picker(dialog: CamAddPartyDialog): CamRelationshipTypePicker {
  return $<CamRelationshipTypePicker>(dialog, 'cam-relationship-type-picker');
}

/** Chooses a relationship type through the picker's public surface (value + `change`). */
export async function chooseType(
  dialog: CamAddPartyDialog,
  name: string,
  appliesTo = CASE_TABLE,
): Promise<void> {
  const id = typeId(name, appliesTo);
  const element = picker(dialog);
  element.value = id;
  await until(() => element.selectedType?.id === id, `the picker to know type ${name}`);
  element.dispatchEvent(new Event('change', { bubbles: true }));
  await dialog.updateComplete;
}

/** Waits until the preview (or the validation alert) is shown. */
export async function assessed(dialog: CamAddPartyDialog): Promise<void> {
  await until(() => $maybe(dialog, '[part="preview"], [part="issues"]') !== null, 'the assessment');
}

export function saveButton(dialog: CamAddPartyDialog): HTMLButtonElement {
  return $<HTMLButtonElement>(dialog, '[part="save-button"]');
}

export function posts(table = PARTY_TABLE): number {
  return requestLog.count({ method: 'POST', table });
}

/** The native dialog is shown modal. */
export function isShown(dialog: CamAddPartyDialog): boolean {
  return $<HTMLDialogElement>(dialog, 'dialog').open;
}

export { sleep as settle } from './async.js';

export { expect, until };
