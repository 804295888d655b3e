import { LitElement, css, html, type PropertyValues } from 'lit';
import { provide } from '@lit/context';
import { property } from 'lit/decorators.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { AuthError } from '../../src/client/errors.js';
import { resolveTableMap, type TableMap, type TableMapOverrides } from '../../src/client/table-map.js';
import type { TableClient } from '../../src/client/types.js';
import { DefinitionsService, type HostPersonaGrant } from '../../src/service/definitions-service.js';
import { RelatedPartiesService } from '../../src/service/related-parties-service.js';
import { AccessFactsLoader } from '../../src/service/access-facts-loader.js';
import { AccessService } from '../../src/service/access-service.js';
import { DEFAULT_POLL_INTERVAL_S, LiveFeed, type PushSource } from '../../src/service/live-feed.js';
import {
  DefinitionsRefresh,
  DEFAULT_DEFINITIONS_INTERVAL_MS,
} from '../../src/service/definitions-refresh.js';
import { camServicesContext, type CamServices } from '../context.js';
import { CamAuthRequiredEvent } from '../events.js';

/**
 * Supplies the Table API client, the definitions service (IndexedDB cache keyed by instance and
 * user) and the access service to every cam element inside it. Renders only its children.
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

  /** Minutes between checks of the definitions (relationship types, roles…) with the server; `0`: off. */
  @property({ type: Number, attribute: 'definitions-interval' }) definitionsInterval = 15;

  /** A push source telling when parties change, instead of polling (see "Live refresh"). */
  @property({ attribute: false }) pushSource?: PushSource;

  @provide({ context: camServicesContext })
  protected provided?: CamServices;

  private owned?: CamServices;
  private definitionsRefresh?: DefinitionsRefresh;

  /** The services in use (created on first connection). */
  get current(): CamServices | undefined {
    return this.provided;
  }

  /** Sign-out: deletes this user's cached definitions and drops loaded data. */
  async signOut(): Promise<void> {
    await this.provided?.definitions.clear();
    this.provided?.access.invalidate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const config: (keyof CamProvider)[] = [
      'baseUrl',
      'userToken',
      'authToken',
      'userId',
      'timeout',
      'tableMap',
      'client',
      'personaGrants',
      'services',
      'pollInterval',
      'definitionsInterval',
      'pushSource',
    ];
    if (this.provided === undefined || config.some((key) => changed.has(key))) this.rebuild();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM: the services were released on disconnect; create them again.
    if (this.provided === undefined) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.release();
    this.provided = undefined;
  }

  /** Stops what the services the provider created hold open (subscriptions, tab channel). */
  private release(): void {
    this.owned?.live?.dispose();
    this.definitionsRefresh?.dispose();
    this.definitionsRefresh = undefined;
    this.owned?.access.dispose();
    this.owned?.definitions.dispose();
    this.owned = undefined;
  }

  private rebuild(): void {
    this.release();
    if (this.services) {
      this.provided = this.services;
      return;
    }
    this.owned = this.createServices(resolveTableMap(this.tableMap));
    this.provided = this.owned;
  }

  private createServices(tableMap: TableMap): CamServices {
    const client =
      this.client ??
      new TableApiClient({
        baseUrl: this.baseUrl,
        timeoutMs: this.timeout,
        auth: this.authToken
          ? { type: 'bearer', token: this.authToken }
          : this.userToken
            ? { type: 'session', userToken: this.userToken }
            : undefined,
        onAuthRequired: (error) => this.dispatchEvent(new CamAuthRequiredEvent(error)),
      });
    const instance = this.baseUrl ? new URL(this.baseUrl, location.href).origin : location.origin;
    const definitions = new DefinitionsService({
      client,
      tableMap,
      instance,
      user: this.userId || 'anonymous',
      ...(this.personaGrants && { personaGrants: this.personaGrants }),
    });
    const access = new AccessService(new AccessFactsLoader(client, tableMap), definitions);
    const parties = new RelatedPartiesService(client, tableMap);
    const live = new LiveFeed({
      client,
      tableMap,
      access,
      pollIntervalMs: finiteOr(this.pollInterval, DEFAULT_POLL_INTERVAL_S) * 1000,
      push: this.pushSource,
      tabsName: `cam-live:${instance}:${this.userId || 'anonymous'}`,
    });
    parties.onWrite((entity) => live.written(entity));
    this.definitionsRefresh = new DefinitionsRefresh({
      definitions,
      intervalMs: finiteOr(this.definitionsInterval, DEFAULT_DEFINITIONS_INTERVAL_MS / 60_000) * 60_000,
    });
    return {
      client,
      tableMap,
      definitions,
      parties,
      access,
      live,
      reportError: (error) => {
        // An injected client has no onAuthRequired hook: surface its 401s here.
        if (error instanceof AuthError && this.client) this.dispatchEvent(new CamAuthRequiredEvent(error));
      },
    };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

/** A non-negative number from an attribute; the default when it is missing or not a number. */
function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}
