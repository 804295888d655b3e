/** The Export / import section: download the rules, or load an access-test file in their place. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import type { TransferController } from './transfer-controller.js';

function onFile(event: Event, transfer: TransferController): void {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  // Cleared so that choosing the same file again (after fixing it) imports it again.
  input.value = '';
  if (file) void transfer.import.run([file]);
}

function importedMessage(transfer: TransferController): string {
  const imported = transfer.imported;
  if (!imported || transfer.import.status !== TaskStatus.COMPLETE) return '';
  const d = imported.snapshot.definitions;
  const counts = msg(
    str`${d.roles.length} roles, ${d.responsibilities.length} responsibilities, ${d.accessConfigs.length} access configurations, ${d.relationshipTypes.length} relationship types`,
  );
  const facts = imported.facts ? msg(' Its facts are available to Explain.') : '';
  return msg(str`Imported "${imported.name}": ${counts}.${facts}`);
}

/** Renders the Export / import section; `canExport` is false until rules are loaded. */
export function renderTransferSection(transfer: TransferController, canExport: boolean): TemplateResult {
  const { import: task } = transfer;
  const failure = task.status === TaskStatus.ERROR ? task.error : undefined;
  return html`<h3>${msg('Export')}</h3>
    <p class="muted">
      ${msg('Download the rules in force as an access-test file (JSON), to test or compare them elsewhere.')}
    </p>
    <button type="button" part="export" ?disabled=${!canExport} @click=${() => transfer.exportFile()}>
      ${msg('Export rules')}
    </button>
    <h3>${msg('Import')}</h3>
    <p class="muted">
      ${msg(
        'The rules of an access-test file replace the current ones on this page until you refresh; its facts let Explain work offline.',
      )}
    </p>
    <label class="file" part="import">
      <span>${msg('Import an access-test file (JSON)')}</span>
      <input
        type="file"
        accept="application/json,.json"
        @change=${(event: Event) => onFile(event, transfer)}
      />
    </label>
    <p role="status" class="import-status">
      ${task.status === TaskStatus.PENDING ? msg('Importing…') : importedMessage(transfer)}
    </p>
    ${
      failure === undefined
        ? nothing
        : html`<p role="alert" class="import-error">
            ${msg(
              str`The file was not imported: ${failure instanceof Error ? failure.message : String(failure)}. The current rules are unchanged.`,
            )}
          </p>`
    }`;
}
