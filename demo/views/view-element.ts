/**
 * Base of the demo console's screens: rendered in the light DOM (the console's own stylesheet
 * styles them, as a host page would). The console's own record pages read the instance with a
 * client of their own, as a host application would; the library's elements inside them get their
 * services from <cam-provider>.
 */
import { LitElement } from 'lit';
import { DEFAULT_TABLE_MAP, TableApiClient } from '../../src/index.js';
import type { Backend } from '../data/records.js';

/** The console's own access to the (mock) instance: same origin, default tables. */
const consoleBackend: Backend = { client: new TableApiClient(), tableMap: DEFAULT_TABLE_MAP };

export class ViewElement extends LitElement {
  /** The console's client and table map (for its own lists and record pages). */
  protected services: Backend | undefined = consoleBackend;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
