/**
 * The "Access review" page: every case, sold product and install base item of an account of the
 * stories — who reaches them and how, what looks wrong, the reviewer's decisions applied in one pass.
 */
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { STORY } from '../../mocks/seed/story.js';
import { REVIEW_STORY } from '../../mocks/seed/review-story.js';
import { routeHref } from '../router.js';
import { ViewElement } from './view-element.js';

/** Accounts of the stories the page offers; the first is the review story's. */
export const REVIEW_ACCOUNTS: readonly { readonly id: string; readonly name: string }[] = [
  REVIEW_STORY.account,
  STORY.trackedProduct.account,
  STORY.nearMiss.account,
];

export class DemoReviewView extends ViewElement {
  /** sys_id of the account reviewed (from the route; default the review story's). */
  @property({ attribute: false }) account: string | undefined;

  /** Who reviews (the signed-in demo agent). */
  @property({ attribute: false }) reviewer = '';

  protected override render() {
    const account = this.account ?? REVIEW_STORY.account.id;
    const known = REVIEW_ACCOUNTS.find((a) => a.id === account);
    return html`
      <h1 tabindex="-1">Access review${known ? html`: ${known.name}` : ''}</h1>
      <p class="lead">
        Who can see what across an account, what looks wrong, and the fix in one pass: decide on each finding,
        then apply.
      </p>
      <nav aria-label="Accounts to review">
        <p class="card-links">
          ${REVIEW_ACCOUNTS.map(
            (a) =>
              html`<a
                href=${routeHref({ name: 'review', account: a.id })}
                aria-current=${a.id === account ? 'page' : 'false'}
                >${a.name}</a
              >`,
          )}
        </p>
      </nav>
      <section class="panel" aria-label="Review">
        <cam-access-review
          account-id=${account}
          include-children
          reviewer=${this.reviewer}
        ></cam-access-review>
      </section>
    `;
  }
}

customElements.define('demo-review-view', DemoReviewView);

declare global {
  interface HTMLElementTagNameMap {
    'demo-review-view': DemoReviewView;
  }
}
