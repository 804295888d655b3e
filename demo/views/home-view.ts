/** The landing page: the stories of the reference documents, each a card linking into the console. */
import { html } from 'lit';
import { STORY } from '../../mocks/seed/story.js';
import { entityHref, routeHref } from '../router.js';
import { ViewElement } from './view-element.js';

const loan = STORY.housingLoan;
const tracked = STORY.trackedProduct;
const miss = STORY.nearMiss;
const persona = STORY.persona;

export class DemoHomeView extends ViewElement {
  protected override render() {
    const caseTable = this.services?.tableMap.case.table ?? 'sn_customerservice_case';
    return html`
      <h1 tabindex="-1">Customer access, explained</h1>
      <p class="lead">
        Who can see a case, a sold product or an installed asset — and why. Open a story, change its related
        parties, and watch the effective access follow.
      </p>
      <ul class="story-grid" aria-label="Stories">
        <li class="story-card">
          <h2><a href=${entityHref('case', loan.caseId)}>A housing loan with three helpers</a></h2>
          <p>
            ${loan.applicant.name} applies for a mortgage (${loan.caseNumber}). ${loan.coBorrower.name}
            (co-borrower), ${loan.guarantor.name} (guarantor) and ${loan.attorney.name} (attorney) are related
            parties through custom relationship types that each default the
            <em>Authorized Representative</em> responsibility — so all three can work on the case.
          </p>
          <p class="card-links">
            <a href=${entityHref('case', loan.caseId)}>Open case ${loan.caseNumber}</a>
            <a href=${entityHref('sold_product', loan.soldProductId)}>The loan (sold product)</a>
          </p>
        </li>
        <li class="story-card">
          <h2><a href=${entityHref('sold_product', tracked.soldProductId)}>One product, two teams</a></h2>
          <p>
            ${tracked.account.name} tracks its ${tracked.soldProductName} with two departments:
            ${tracked.finance.name} (finance, renewals) and ${tracked.operations.name} (operations,
            maintenance). The account restricts contact access, so its other contacts see nothing; access
            cascades to the install base and the cases about it.
          </p>
          <p class="card-links">
            <a href=${entityHref('sold_product', tracked.soldProductId)}>Open the sold product</a>
            <a href=${entityHref('install_base', tracked.installBase.rootId)}>Its install base</a>
            <a href=${entityHref('case', tracked.cases[1].id)}>Case ${tracked.cases[1].number}</a>
          </p>
        </li>
        <li class="story-card">
          <h2><a href=${entityHref('case', miss.caseId)}>The responsibility without the role</a></h2>
          <p>
            ${miss.contact.name} is an Authorized Representative on case ${miss.caseNumber}, yet she sees
            nothing: she lacks the role <code>${miss.missingRole}</code>. Her badge says why.
          </p>
          <p class="story-badge">
            <span>${miss.contact.name} on ${miss.caseNumber}:</span>
            <cam-effective-access-badge
              principal-type="contact"
              principal-id=${miss.contact.id}
              entity-table=${caseTable}
              entity-id=${miss.caseId}
            ></cam-effective-access-badge>
          </p>
          <p class="card-links">
            <a href=${entityHref('case', miss.caseId)}>Open case ${miss.caseNumber}</a>
            <a
              href=${routeHref({
                name: 'inspector',
                principal: { kind: 'contact', id: miss.contact.id },
                entity: { kind: 'case', id: miss.caseId },
              })}
              >Explain in the inspector</a
            >
          </p>
        </li>
        <li class="story-card">
          <h2>
            <a
              href=${routeHref({
                name: 'inspector',
                principal: { kind: 'contact', id: persona.customerAdmin.id },
                entity: { kind: 'case', id: persona.cases[0].id },
              })}
              >Why does this customer admin see every case of her account?</a
            >
          </h2>
          <p>
            ${persona.account.name} restricts contact access and names nobody on its cases. Yet
            ${persona.customerAdmin.name} (customer administrator) works all of them,
            ${persona.caseManager.name} (case manager of the parent ${persona.parentAccount.name}) manages
            them too, and ${persona.partner.name} of ${persona.partnerAccount.name} works the one case that
            names her as partner contact. Their roles grant it, not a related party.
          </p>
          <p class="story-badge">
            <span>${persona.customerAdmin.name} on a case of ${persona.account.name}:</span>
            <cam-effective-access-badge
              principal-type="contact"
              principal-id=${persona.customerAdmin.id}
              entity-table=${caseTable}
              entity-id=${persona.cases[0].id}
            ></cam-effective-access-badge>
          </p>
          <p class="card-links">
            <a href=${entityHref('case', persona.cases[0].id)}>Open the case</a>
            <a
              href=${routeHref({
                name: 'inspector',
                principal: { kind: 'contact', id: persona.partner.id },
                entity: { kind: 'case', id: persona.cases[1].id },
              })}
              >The partner's case, explained</a
            >
          </p>
        </li>
      </ul>
      <section class="panel" aria-labelledby="more-heading">
        <h2 id="more-heading">More</h2>
        <ul class="record-links">
          <li><a href=${routeHref({ name: 'cases', search: '', page: 1 })}>Browse all cases</a></li>
          <li>
            <a href=${routeHref({ name: 'inspector' })}>Access inspector</a>: roles, responsibilities,
            explanations
          </li>
        </ul>
      </section>
    `;
  }
}

customElements.define('demo-home-view', DemoHomeView);

declare global {
  interface HTMLElementTagNameMap {
    'demo-home-view': DemoHomeView;
  }
}
