/**
 * Export and import of the access-test file. Export downloads `definitions.export()` as JSON;
 * import hands the text to the definitions service (which validates it and changes nothing on
 * error), then keeps the file's facts here, since the service keeps definitions only.
 */
import type { ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import { parseAccessTestFileText } from '../../src/access/test-file.js';
import type { Facts } from '../../src/model/facts.js';
import type { DefinitionsSnapshot } from '../../src/service/definitions-snapshot.js';
import type { CamServices } from '../context.js';
import { MissingProviderError } from '../internal/services-controller.js';

/** The last file imported successfully. */
export interface ImportedFile {
  readonly name: string;
  readonly snapshot: DefinitionsSnapshot;
  /** The file's facts, when it has any (used by Explain offline). */
  readonly facts?: Facts;
}

/** How long the object URL of an export lives after the click (the download has started by then). */
const REVOKE_AFTER_MS = 1000;

function hasFacts(facts: Facts): boolean {
  return Object.values(facts).some((list: readonly unknown[]) => list.length > 0);
}

/** Saves `text` as a file named `name` through a temporary link inside `root`. */
export function downloadText(root: ShadowRoot | HTMLElement, name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  root.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/** A file name for an export: `cam-access-rules-<host>-<date>.json`. */
export function exportFileName(instance: string | undefined, now: Date): string {
  const host = (instance ? new URL(instance).host : 'instance').replace(/[^a-z0-9.-]+/gi, '-');
  return `cam-access-rules-${host}-${now.toISOString().slice(0, 10)}.json`;
}

/** The import Task, the last imported file, and the export download. */
export class TransferController {
  /** Reads, validates and applies a chosen file. */
  readonly import: Task<[File], ImportedFile>;
  #imported: ImportedFile | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly services: () => CamServices | undefined,
  ) {
    this.import = new Task(host, {
      autoRun: false,
      task: async ([file]) => {
        const services = this.services();
        if (!services) throw new MissingProviderError();
        try {
          const text = await file.text();
          const snapshot = await services.definitions.import(text);
          // The service validated the same text: this parse only recovers the facts it drops.
          const { facts } = parseAccessTestFileText(text, file.name);
          return { name: file.name, snapshot, ...(hasFacts(facts) ? { facts } : {}) };
        } catch (error) {
          services.reportError(error);
          throw error;
        }
      },
      onComplete: (imported) => (this.#imported = imported),
    });
  }

  /** The last file imported successfully (a failed import keeps it). */
  get imported(): ImportedFile | undefined {
    return this.#imported;
  }

  /** Downloads the current definitions as an access-test file. */
  exportFile(): void {
    const services = this.services();
    if (!services) return;
    const document = services.definitions.export();
    const name = exportFileName(document.instance, new Date());
    downloadText(this.host.shadowRoot ?? this.host, name, JSON.stringify(document, null, 2));
  }
}
