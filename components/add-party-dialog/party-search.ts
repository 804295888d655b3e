/**
 * The party search of the add-party dialog as a controller: the typed text, the party kind, the
 * listbox's active option and the chosen party. The search itself is a Task keyed on (kind, text):
 * each keystroke starts a new run, which aborts the previous one; a run waits out the debounce
 * before it sends anything, so a burst of typing sends one search (names, then emails to fill up).
 */
import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import {
  QueryValueError,
  type PartyKind,
  type PartySearchPage,
  type PartySearchResult,
  SEARCH_LIMIT,
} from '../../src/index.js';
import type { CamServices } from '../context.js';
import { rankHits } from './ranking.js';

/** A completed search: the hits shown, and whether the server has more. */
export type SearchOutcome = PartySearchPage;

/**
 * Searches parties of `kind` for `text` through the services (names first, then emails to fill
 * up), ranked (prefix, word start, then the rest). Throws `QueryValueError` for text the query
 * cannot carry, before anything is sent (and before the debounce).
 */
export async function searchParties(
  services: CamServices,
  kind: PartyKind,
  text: string,
  signal: AbortSignal,
  debounceMs = 0,
): Promise<SearchOutcome> {
  const page = await services.parties.search(kind, text, { signal, debounceMs });
  return { results: rankHits(page.results, text).slice(0, SEARCH_LIMIT), more: page.more };
}

/** Search state of one dialog; its Task is the host's controller. */
export class PartySearchController {
  /** The text as typed. */
  text = '';
  kind: PartyKind = 'contact';
  /** Index of the active option (aria-activedescendant), -1 for none. */
  active = -1;
  /** The listbox is shown (typing opens it, choosing closes it). */
  expanded = false;
  /** The party the user chose. */
  selected?: PartySearchResult;

  readonly task: Task<[CamServices | undefined, PartyKind, string], SearchOutcome>;

  constructor(
    private readonly host: ReactiveControllerHost,
    services: () => CamServices | undefined,
    private readonly debounceMs = 250,
  ) {
    this.task = new Task(host, {
      args: () => [services(), this.kind, this.text.trim()],
      task: async ([camServices, kind, text], { signal }) => {
        if (!camServices || text === '') return initialState;
        // The query is built before the debounce: hostile text is refused at once, and never sent.
        return searchParties(camServices, kind, text, signal, this.debounceMs);
      },
      onError: (error) => {
        if (!(error instanceof QueryValueError)) services()?.reportError(error);
      },
    });
  }

  /** Hits of the last completed search for the current text (none while searching). */
  get results(): readonly PartySearchResult[] {
    return this.task.status === TaskStatus.COMPLETE ? (this.task.value?.results ?? []) : [];
  }

  /** The text the server's query language cannot carry, if that is why the search failed. */
  get refused(): QueryValueError | undefined {
    const error = this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
    return error instanceof QueryValueError ? error : undefined;
  }

  /** The user typed: a new search, and any chosen party is dropped. */
  input(text: string): void {
    this.text = text;
    this.selected = undefined;
    this.active = -1;
    this.expanded = true;
    this.host.requestUpdate();
  }

  /** Another party kind (or a fresh dialog): the text and the choice no longer apply. */
  setKind(kind: PartyKind): void {
    this.kind = kind;
    this.input('');
    this.expanded = false;
  }

  /** Moves the active option (wrapping); opens the listbox. */
  move(delta: number): void {
    const count = this.results.length;
    if (count === 0) return;
    this.expanded = true;
    this.active = this.active < 0 ? (delta > 0 ? 0 : count - 1) : (this.active + delta + count) % count;
    this.host.requestUpdate();
  }

  /** Chooses a hit (the active one by default); returns it, or undefined when there is none. */
  choose(index = this.active): PartySearchResult | undefined {
    const result = this.results[index];
    if (!result) return undefined;
    this.selected = result;
    this.active = index;
    this.expanded = false;
    this.host.requestUpdate();
    return result;
  }

  /** Combobox keys on the input: arrows move, Enter chooses (and returns the hit), Escape closes the list. */
  keydown(event: KeyboardEvent): PartySearchResult | undefined {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && this.expanded && this.active >= 0) {
      event.preventDefault();
      return this.choose();
    } else if (event.key === 'Escape' && this.expanded && this.results.length > 0) {
      // The first Escape closes the list (combobox pattern); the next one closes the dialog.
      event.preventDefault();
      this.expanded = false;
      this.host.requestUpdate();
    }
    return undefined;
  }

  /** Runs the failed search again. */
  retry(): void {
    void this.task.run();
  }
}
