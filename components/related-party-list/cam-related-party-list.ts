import { CamRelatedPartyList } from './cam-related-party-list.component.js';
import { defineElement } from '../internal/define.js';
import { lazyElement } from '../internal/lazy-elements.js';
// The elements the list renders: the badge with its rows; the picker (a row's retype) and the add
// dialog are loaded the first time they are needed (an element that registered them eagerly wins).
import '../effective-access-badge/cam-effective-access-badge.js';
lazyElement(
  'cam-relationship-type-picker',
  () => import('../relationship-type-picker/cam-relationship-type-picker.js'),
);
lazyElement('cam-add-party-dialog', () => import('../add-party-dialog/cam-add-party-dialog.js'));

export { CamRelatedPartyList };
defineElement('cam-related-party-list', CamRelatedPartyList);

declare global {
  interface HTMLElementTagNameMap {
    'cam-related-party-list': CamRelatedPartyList;
  }
}
