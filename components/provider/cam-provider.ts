import { CamProvider } from './cam-provider.component.js';
import { defineElement } from '../internal/define.js';

export { CamProvider };
defineElement('cam-provider', CamProvider);

declare global {
  interface HTMLElementTagNameMap {
    'cam-provider': CamProvider;
  }
}
