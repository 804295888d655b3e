import { CamRelationshipTypePicker } from './cam-relationship-type-picker.component.js';
import { defineElement } from '../internal/define.js';

export { CamRelationshipTypePicker };
defineElement('cam-relationship-type-picker', CamRelationshipTypePicker);

declare global {
  interface HTMLElementTagNameMap {
    'cam-relationship-type-picker': CamRelationshipTypePicker;
  }
}
