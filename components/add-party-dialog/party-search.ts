/**
 * The party search of the add-party dialog as a controller: the typed text, the party kind, the
 * listbox's active option and the chosen party. The search itself is a Task keyed on (kind, text):
 * each keystroke starts a new run, which aborts the previous one; a run waits out the debounce
 * before it sends anything, so a burst of typing sends one search (names, then emails to fill up).
 */
import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { QueryValueError } from '../../src/client/errors.js';
import type { PartyKind } from '../../src/model/kinds.js';
import type { CamServices } from '../context.js';
import { SEARCH_LIMIT, partySearchRequest, type PartySearchResult } from './party-search-query.js';
import { rankHits } from './ranking.js';

/** A completed search: the hits shown, and whether the server has more. */
export interface SearchOutcome {
  readonly results: readonly PartySearchResult[];
  readonly more: boolean;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * Searches parties of `kind` for `text`: names first (the name or a word of it starts with the
 * text), so that name matches are never crowded out; then email matches fill up the list. Ranked
 * (prefix, word start, then the rest). Throws `QueryValueError` for text the query cannot carry.
 */
export async function searchParties(
  services: CamServices,
  kind: PartyKind,
  text: string,
  signal: AbortSignal,
): Promise<SearchOutcome> {
  const byName = partySearchRequest(kind, text, services.tableMap, 'name');
  const byEmail = partySearchRequest(kind, text, services.tableMap, 'email');
  if (!byName) return { results: [], more: false };
  const names = await services.client.list(byName.table, { ...byName.options, signal });
  const found = names.rows.map(byName.read).filter((r): r is PartySearchResult => r !== undefined);
  let more = found.length > SEARCH_LIMIT || (names.total ?? 0) > SEARCH_LIMIT;
  if (!more && byEmail) {
    const emails = await services.client.list(byEmail.table, { ...byEmail.options, signal });
    const seen = new Set(found.map((r) => r.party.id));
    for (const hit of emails.rows.map(byEmail.read)) {
      if (hit && !seen.has(hit.party.id)) found.push(hit);
    }
    more = found.length > SEARCH_LIMIT || (emails.total ?? 0) > SEARCH_LIMIT;
  }
  return { results: rankHits(found, text).slice(0, SEARCH_LIMIT), more };
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
        // Checked before the pause: hostile text is refused at once, and never sent.
        partySearchRequest(kind, text, camServices.tableMap);
        await pause(this.debounceMs, signal);
        return searchParties(camServices, kind, text, signal);
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
