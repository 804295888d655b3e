/** What a person finds on the demo console's pages, as Playwright locators (they pierce shadow roots). */
import type { Locator, Page } from 'playwright-core';
import { waitForReady, waitForText } from './wait.js';

/** The demo console at `base` (e.g. `http://127.0.0.1:PORT/some/base/`). */
export class DemoPage {
  constructor(
    readonly page: Page,
    readonly base: string,
  ) {}

  /** Opens a route (`#/case/…`) with a full page load. */
  async open(hash = '#/'): Promise<void> {
    await this.page.goto(this.base + hash);
    await waitForReady(this.page);
  }

  /** Follows a route inside the running console (no reload). */
  async go(hash: string): Promise<void> {
    await this.page.evaluate((h) => (location.hash = h), hash);
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await waitForReady(this.page);
  }

  get main(): Locator {
    return this.page.locator('main');
  }

  get partyList(): Locator {
    return this.page.locator('cam-related-party-list');
  }

  /** The party row naming `name`. */
  partyRow(name: string): Locator {
    return this.partyList
      .locator('[role=row]')
      .filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  /** Chooses `item` ("Change type", "Remove") from the actions menu of the party row naming `name`. */
  async rowAction(name: string, item: string): Promise<void> {
    const row = this.partyRow(name);
    await row.getByRole('button', { name: `Actions for ${name}` }).click();
    await row.getByRole('menuitem', { name: item }).click();
  }

  /** The notification under the header (the live region and its Dismiss button). */
  get notice(): Locator {
    return this.page.locator('.notice');
  }

  /** The access badge button inside a container (a row, a card…). */
  badgeIn(container: Locator): Locator {
    return container.locator('cam-effective-access-badge [part=badge]');
  }

  /** Waits until the badge in the container shows `level`. */
  async expectLevel(container: Locator, level: string): Promise<void> {
    await waitForText(this.badgeIn(container).first(), new RegExp(`^\\s*(Access:\\s*)?${level}\\b`));
  }

  get addDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Add related party' });
  }

  /** The demo toolbar's controls. */
  get latency(): Locator {
    return this.page.getByRole('combobox', { name: 'Latency' });
  }

  get errors(): Locator {
    return this.page.getByRole('combobox', { name: 'Inject 500s' });
  }

  get offline(): Locator {
    return this.page.getByRole('switch', { name: 'Offline' });
  }

  get signedInAs(): Locator {
    return this.page.getByRole('combobox', { name: 'Signed in as' });
  }

  /** The console's live region (announces the elements' events). */
  get announcer(): Locator {
    return this.page.locator('.announcer');
  }
}
