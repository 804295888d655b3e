/** The search box and live result count every catalogue section shares. */
import { html, type TemplateResult } from 'lit';

/** A labelled search input; `onInput` gets the new text on every keystroke. */
export function renderSearch(label: string, value: string, onInput: (value: string) => void): TemplateResult {
  return html`<label class="search" part="search">
    <span>${label}</span>
    <input
      type="search"
      .value=${value}
      autocomplete="off"
      @input=${(event: InputEvent) => onInput((event.target as HTMLInputElement).value)}
    />
  </label>`;
}

/** A polite live region with the number of items shown (announced as the search narrows). */
export function renderCount(text: string): TemplateResult {
  return html`<p class="count muted" role="status">${text}</p>`;
}
