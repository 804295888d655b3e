import { CamRelatedPartyList } from './cam-related-party-list.component.js';
import { defineElement } from '../internal/define.js';
// The elements the list renders.
import '../relationship-type-picker/cam-relationship-type-picker.js';
import '../add-party-dialog/cam-add-party-dialog.js';
import '../effective-access-badge/cam-effective-access-badge.js';

export { CamRelatedPartyList };
defineElement('cam-related-party-list', CamRelatedPartyList);

declare global {
  interface HTMLElementTagNameMap {
    'cam-related-party-list': CamRelatedPartyList;
  }
}
