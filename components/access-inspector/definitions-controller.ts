/**
 * The inspector's view of the definitions service: the first load (a Task), every snapshot the
 * service publishes afterwards (revalidation, offline, import), a refresh Task, and a clock that
 * re-renders so "cached 3 minutes ago" stays true.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { CamServices } from '../context.js';
import { MissingProviderError } from '../internal/services-controller.js';
import type { DefinitionsSnapshot } from '../../src/service/definitions-snapshot.js';

/** How often the age is re-rendered. */
const TICK_MS = 30_000;

export class DefinitionsController implements ReactiveController {
  /** The first load; Retry runs it again. */
  readonly load: Task<[CamServices | undefined], DefinitionsSnapshot>;
  /** Compares with the server now (`definitions.refresh()`). */
  readonly refresh: Task<[], DefinitionsSnapshot>;
  #published: DefinitionsSnapshot | undefined;
  /** The services `#published` came from. */
  #publishedBy: CamServices | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly services: () => CamServices | undefined,
  ) {
    host.addController(this);
    this.load = new Task(host, {
      args: () => [this.services()],
      task: async ([services], { signal }) => {
        if (!services) return initialState;
        try {
          return await services.definitions.load(signal);
        } catch (error) {
          services.reportError(error);
          throw error;
        }
      },
    });
    this.refresh = new Task(host, {
      autoRun: false,
      task: async (_args, { signal }) => {
        const services = this.services();
        if (!services) throw new MissingProviderError();
        try {
          return await services.definitions.refresh(signal);
        } catch (error) {
          services.reportError(error);
          throw error;
        }
      },
    });
  }

  /** The newest snapshot: the last one published (by the current services), else the load's answer. */
  get snapshot(): DefinitionsSnapshot | undefined {
    if (this.#published) return this.#published;
    return this.load.status === TaskStatus.COMPLETE ? this.load.value : undefined;
  }

  hostConnected(): void {
    this.#timer = setInterval(() => this.host.requestUpdate(), TICK_MS);
  }

  /**
   * A snapshot the definitions service published (the host's `ServicesController` subscribes and
   * hands them here).
   */
  published(snapshot: DefinitionsSnapshot): void {
    this.#published = snapshot;
    this.#publishedBy = this.services();
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    // Other services (the provider was reconfigured): their snapshots only.
    if (this.#publishedBy !== this.services()) this.#published = undefined;
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
  }
}
