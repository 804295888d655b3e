import { CamAccessReview } from './cam-access-review.component.js';
import { defineElement } from '../internal/define.js';

export { CamAccessReview };
defineElement('cam-access-review', CamAccessReview);

declare global {
  interface HTMLElementTagNameMap {
    'cam-access-review': CamAccessReview;
  }
}
