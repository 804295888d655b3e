// The self-contained bundle (`dist/cam-elements.bundle.js`): what a page showing a list and badges
// needs is in this entry; the relationship type picker (a row's retype), the add-party dialog, the
// access inspector and the access review are chunks beside it, loaded the first time their tag
// appears (or `loadElement(tag)` is called). Registration is defensive as everywhere: a tag another
// copy already defined is skipped. Hosts that import classes get the three main ones here;
// `await loadElement('cam-relationship-type-picker')` gives the others. `components/index.ts` (the
// package's `elements.js`) registers everything eagerly.
import { lazyElement } from './internal/lazy-elements.js';

export { CamProvider } from './provider/cam-provider.js';
export { CamEffectiveAccessBadge } from './effective-access-badge/cam-effective-access-badge.js';
export { CamRelatedPartyList } from './related-party-list/cam-related-party-list.js';
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
export { defineElement } from './internal/define.js';
export { configureCamLocalization } from './internal/localization.js';
export { loadElement } from './internal/lazy-elements.js';

lazyElement(
  'cam-relationship-type-picker',
  () => import('./relationship-type-picker/cam-relationship-type-picker.js'),
);
lazyElement('cam-add-party-dialog', () => import('./add-party-dialog/cam-add-party-dialog.js'));
lazyElement('cam-access-inspector', () => import('./access-inspector/cam-access-inspector.js'));
lazyElement('cam-access-review', () => import('./access-review/cam-access-review.js'));
