/** The searchable case list: search box, a page of cases, previous / next. */
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { initialState, Task } from '@lit/task';
import { listCases, type CaseDetail, type Page } from '../data/records.js';
import { routeHref } from '../router.js';
import { errorBox, loading } from './errors.js';
import { ViewElement } from './view-element.js';

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

export class DemoCaseList extends ViewElement {
  /** The search term (from the route). */
  @property({ attribute: false }) search = '';

  /** 1-based page number (from the route). */
  @property({ attribute: false }) page = 1;

  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #cases = new Task(this, {
    args: () => [this.services, this.search, this.page] as const,
    task: async ([services, term, page], { signal }) => {
      if (!services) return initialState;
      return listCases(services, { term, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, signal });
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  /** Search as the agent types (replacing the history entry), or at once on submit. */
  #go(term: string, replace: boolean): void {
    clearTimeout(this.#timer);
    const hash = routeHref({ name: 'cases', search: term, page: 1 });
    if (replace) location.replace(hash);
    else location.hash = hash;
  }

  #onInput(event: InputEvent): void {
    const term = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#go(term, true), SEARCH_DELAY_MS);
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    this.#go(input.value, false);
  }

  protected override render() {
    return html`
      <h1 tabindex="-1">Cases</h1>
      <form class="search" role="search" @submit=${this.#onSubmit}>
        <label for="case-search">Search cases</label>
        <input
          id="case-search"
          name="q"
          type="search"
          placeholder="Number, subject or account"
          .value=${this.search}
          @input=${this.#onInput}
        />
        <button type="submit">Search</button>
      </form>
      ${this.#cases.render({
        initial: () => loading('cases'),
        pending: () => loading('cases'),
        error: (error) => errorBox(error, () => void this.#cases.run(), 'the cases'),
        complete: (page) => this.#renderPage(page),
      })}
    `;
  }

  #renderPage(page: Page<CaseDetail>) {
    if (page.items.length === 0) {
      return html`<p class="empty" role="status">No case matches “${this.search}”.</p>`;
    }
    const first = (this.page - 1) * PAGE_SIZE + 1;
    const last = first + page.items.length - 1;
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    return html`
      <p class="muted" role="status">Showing ${first}–${last} of ${page.total} cases</p>
      <div class="table-wrap">
        <table class="records">
          <caption class="visually-hidden">
            Cases
          </caption>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Short description</th>
              <th scope="col">Customer</th>
              <th scope="col">State</th>
              <th scope="col">Priority</th>
            </tr>
          </thead>
          <tbody>
            ${page.items.map(
              (c) =>
                html`<tr>
                  <td><a href=${routeHref({ name: 'case', id: c.id })}>${c.number}</a></td>
                  <td>${c.shortDescription}</td>
                  <td>${c.customer?.name ?? '—'}</td>
                  <td><span class="pill">${c.state}</span></td>
                  <td>${c.priority ? `P${c.priority}` : '—'}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label="Case list pages">
        ${
          this.page > 1
            ? html`<a href=${routeHref({ name: 'cases', search: this.search, page: this.page - 1 })}
                >Previous</a
              >`
            : nothing
        }
        <span>Page ${this.page} of ${pages}</span>
        ${
          this.page < pages
            ? html`<a href=${routeHref({ name: 'cases', search: this.search, page: this.page + 1 })}>Next</a>`
            : nothing
        }
      </nav>
    `;
  }
}

customElements.define('demo-case-list', DemoCaseList);

declare global {
  interface HTMLElementTagNameMap {
    'demo-case-list': DemoCaseList;
  }
}
