/**
 * What a row's actions need once one is chosen — the removal confirmation and its preview, the
 * type editor and the retype check, sending the changes and saying why one was refused — loaded
 * the first time a row's menu opens (or an action runs): a page that only shows rows never
 * fetches it.
 */
export { renderConfirm, type ConfirmView } from './render-confirm.js';
export { renderEditor } from './render-editor.js';
export { renderFailureBanner } from './render-failure.js';
export { removalPreview } from './removal-preview.js';
export { planRetype } from './retype-plan.js';
export { remove, retryFailure, retype } from './party-writes.js';
