import { LitElement, css, html, type PropertyValues } from 'lit';
import { provide } from '@lit/context';
import { property } from 'lit/decorators.js';
import {
  createCamServices,
  type OwnedCamServices,
  type PushSource,
  type HostPersonaGrant,
  type TableClient,
  type TableMapOverrides,
} from '../../src/index.js';
import { camServicesContext, type CamServices } from '../context.js';
import { CamAuthRequiredEvent } from '../events.js';

/**
 * Supplies the services (`createCamServices`: the definitions service with its IndexedDB cache keyed
 * by instance and user, the related-parties service and the access service) to every cam element
 * inside it. Renders only its children.
 *
 * @summary Creates and provides the services the other elements use.
 * @tagname cam-provider
 * @slot - The elements (and any host markup) that use these services.
 * @fires cam-auth-required - The server answered 401; re-authenticate and set new credentials.
 */
export class CamProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Instance base URL, e.g. `https://acme.service-now.com`; empty = same origin. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** Session token sent as `X-UserToken` (with the session cookie). */
  @property({ attribute: 'user-token' }) userToken = '';

  /** OAuth access token sent as `Authorization: Bearer …`; wins over `user-token`. */
  @property({ attribute: 'auth-token' }) authToken = '';

  /** The signed-in user's id; keys the definitions cache together with the instance. */
  @property({ attribute: 'user-id' }) userId = '';

  /** Per-request timeout in milliseconds. */
  @property({ type: Number, attribute: 'timeout' }) timeout = 30_000;

  /** Table and column names where the instance differs from the defaults. */
  @property({ attribute: false }) tableMap: TableMapOverrides = {};

  /** A client to use instead of creating one (tests, custom transports). */
  @property({ attribute: false }) client?: TableClient;

  /**
   * The host's persona rows, over the built-in ones (same id: replaces it; `active: false` turns it
   * off). A new array recreates the services, so every element answers again with the new rows.
   */
  @property({ attribute: false }) personaGrants?: readonly HostPersonaGrant[];

  /** Services to provide as they are, instead of creating them. */
  @property({ attribute: false }) services?: CamServices;

  /** Seconds between live-refresh checks of each entity on screen; `0` turns polling off. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 30;

  /**
   * Minutes between checks of the definitions (relationship types, roles…) with the server, and how
   * long a copy cached on this device is used without asking; `0`: no checks, every load asks.
   */
  @property({ type: Number, attribute: 'definitions-interval' }) definitionsInterval = 15;

  /** A push source telling when parties change, instead of polling (see "Live refresh"). */
  @property({ attribute: false }) pushSource?: PushSource;

  @provide({ context: camServicesContext })
  protected provided?: CamServices;

  private owned?: OwnedCamServices;

  /** The services in use (created on first connection). */
  get current(): CamServices | undefined {
    return this.provided;
  }

  /** Sign-out: deletes this user's cached definitions and drops loaded data. */
  async signOut(): Promise<void> {
    await this.provided?.definitions.clear();
    this.provided?.access.invalidate();
  }

  /** The configuration the services in use were built from. */
  private builtFrom?: readonly unknown[];

  private config(): readonly unknown[] {
    const { baseUrl, userToken, authToken, userId, timeout, tableMap, client, services } = this;
    const { pollInterval, definitionsInterval, pushSource, personaGrants } = this;
    return [
      baseUrl,
      userToken,
      authToken,
      userId,
      timeout,
      tableMap,
      client,
      services,
      pollInterval,
      definitionsInterval,
      pushSource,
      personaGrants,
    ];
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const config = this.config();
    const same = this.builtFrom?.every((value, i) => Object.is(value, config[i]));
    if (this.provided === undefined || !same) this.rebuild();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Created before the children connect and ask for them (and again after a move in the DOM:
    // the services were released on disconnect).
    if (this.provided === undefined) this.rebuild();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.release();
    this.provided = undefined;
  }

  /** Stops what the services the provider created hold open (subscriptions, tab channel). */
  private release(): void {
    this.owned?.dispose();
    this.owned = undefined;
  }

  private rebuild(): void {
    this.release();
    this.builtFrom = this.config();
    if (this.services) {
      this.provided = this.services;
      return;
    }
    this.owned = createCamServices({
      baseUrl: this.baseUrl,
      userToken: this.userToken,
      authToken: this.authToken,
      userId: this.userId,
      timeoutMs: this.timeout,
      tableMap: this.tableMap,
      client: this.client,
      pollIntervalS: this.pollInterval,
      definitionsIntervalMs: this.definitionsInterval * 60_000,
      pushSource: this.pushSource,
      personaGrants: this.personaGrants,
      onAuthRequired: (error) => this.dispatchEvent(new CamAuthRequiredEvent(error)),
    });
    this.provided = this.owned;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
