import { CamEffectiveAccessBadge } from './cam-effective-access-badge.component.js';
import { defineElement } from '../internal/define.js';

export { CamEffectiveAccessBadge };
defineElement('cam-effective-access-badge', CamEffectiveAccessBadge);

declare global {
  interface HTMLElementTagNameMap {
    'cam-effective-access-badge': CamEffectiveAccessBadge;
  }
}
