// Registers every cam element (defensively: a tag already defined is skipped) and exports the
// classes, events and context. Import the `*.component.js` modules instead to register nothing.
// The self-contained bundle starts from `bundle.ts` instead, which defines the picker, the add
// dialog, the inspector and the review on demand.
export { CamProvider } from './provider/cam-provider.js';
export { CamRelationshipTypePicker } from './relationship-type-picker/cam-relationship-type-picker.js';
export { CamEffectiveAccessBadge } from './effective-access-badge/cam-effective-access-badge.js';
export { CamRelatedPartyList } from './related-party-list/cam-related-party-list.js';
export { CamAddPartyDialog } from './add-party-dialog/cam-add-party-dialog.js';
export { CamAccessInspector } from './access-inspector/cam-access-inspector.js';
export { CamAccessReview } from './access-review/cam-access-review.js';
export {
  CamPartyAddedEvent,
  CamPartyRemovedEvent,
  CamPartyChangedEvent,
  CamAuthRequiredEvent,
  CamAddPartyRequestEvent,
  CamPartySelectedEvent,
  CamPartiesRefreshedEvent,
} from './events.js';
export { camServicesContext, type CamServices } from './context.js';
// For hosts that load only the bundle: the services without an element (docs/architecture.md).
export { createCamServices, type CamServicesOptions, type OwnedCamServices } from '../src/index.js';
export { defineElement } from './internal/define.js';
export { loadElement } from './internal/lazy-elements.js';
export { configureCamLocalization } from './internal/localization.js';
