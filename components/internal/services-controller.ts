/**
 * How every cam element obtains its services: one controller that consumes the context of the
 * nearest `<cam-provider>`, follows it when the provider replaces its services, subscribes to the
 * changes the element cares about (an entity's access, new definitions) and drops the subscriptions
 * when the element leaves the page. Without a provider every element shows the same message.
 */
import { html, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { msg } from '@lit/localize';
import type { DefinitionsSnapshot, EntityRef } from '../../src/index.js';
import { camServicesContext, type CamServices } from '../context.js';

export interface ServicesControllerOptions {
  /** The access of `entity` (undefined: of everything) changed; re-read if it is the element's. */
  readonly onAccessChanged?: (entity: EntityRef | undefined) => void;
  /** The definitions service published a new snapshot (revalidation, offline, import). */
  readonly onDefinitions?: (snapshot: DefinitionsSnapshot) => void;
}

/** The element is not inside a `<cam-provider>` (or the provider gives it no services). */
export class MissingProviderError extends Error {
  override readonly name = 'MissingProviderError';
  constructor() {
    super(missingProviderMessage());
  }
}

/** The one sentence every element shows without a provider. */
export function missingProviderMessage(): string {
  return msg('This element needs a <cam-provider> around it.');
}

/** The "missing provider" state, the same in every element. */
export function renderMissingProvider(): TemplateResult {
  return html`<p part="missing-provider" class="missing-provider" role="alert">
    ${missingProviderMessage()}
  </p>`;
}

export class ServicesController implements ReactiveController {
  readonly #options: ServicesControllerOptions;
  readonly #consumer: ContextConsumer<typeof camServicesContext, ReactiveElement>;
  #watched: CamServices | undefined;
  #unsubscribe: (() => void)[] = [];

  constructor(host: ReactiveElement, options: ServicesControllerOptions = {}) {
    this.#options = options;
    // The consumer first: it has asked for the services by the time this controller looks at them.
    this.#consumer = new ContextConsumer(host, { context: camServicesContext, subscribe: true });
    host.addController(this);
  }

  /** The services of the nearest provider; undefined without one. */
  get services(): CamServices | undefined {
    return this.#consumer.value;
  }

  /** No provider supplies services: the element shows `renderMissingProvider()`. */
  get missing(): boolean {
    return this.services === undefined;
  }

  /** The services, or `MissingProviderError` (for tasks, whose error state then shows the message). */
  require(): CamServices {
    const services = this.services;
    if (!services) throw new MissingProviderError();
    return services;
  }

  hostConnected(): void {
    this.#watch();
  }

  hostUpdate(): void {
    // The provider replaced its services (new credentials, another instance): follow them.
    if (this.services !== this.#watched) this.#watch();
  }

  hostDisconnected(): void {
    this.#stop();
    this.#watched = undefined;
  }

  #watch(): void {
    this.#stop();
    const services = (this.#watched = this.services);
    if (!services) return;
    const { onAccessChanged, onDefinitions } = this.#options;
    if (onAccessChanged) this.#unsubscribe.push(services.access.subscribe(onAccessChanged));
    if (onDefinitions) this.#unsubscribe.push(services.definitions.subscribe(onDefinitions));
  }

  #stop(): void {
    for (const stop of this.#unsubscribe) stop();
    this.#unsubscribe = [];
  }
}

/** Whether `changed` (from the access service) is `mine`; undefined means everything changed. */
export function concerns(changed: EntityRef | undefined, mine: EntityRef | undefined): boolean {
  return (
    changed === undefined || (mine !== undefined && changed.kind === mine.kind && changed.id === mine.id)
  );
}
