import { CamAddPartyDialog } from './cam-add-party-dialog.component.js';
import { defineElement } from '../internal/define.js';
import '../relationship-type-picker/cam-relationship-type-picker.js';

export { CamAddPartyDialog };
defineElement('cam-add-party-dialog', CamAddPartyDialog);

declare global {
  interface HTMLElementTagNameMap {
    'cam-add-party-dialog': CamAddPartyDialog;
  }
}
