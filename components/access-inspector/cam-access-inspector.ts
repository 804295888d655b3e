import { CamAccessInspector } from './cam-access-inspector.component.js';
import { defineElement } from '../internal/define.js';

export { CamAccessInspector };
defineElement('cam-access-inspector', CamAccessInspector);

declare global {
  interface HTMLElementTagNameMap {
    'cam-access-inspector': CamAccessInspector;
  }
}
