/**
 * Finding a person or a record by name for the Explain form: a debounced search (a Task keyed on
 * kind and text; each keystroke aborts the previous run) with a combobox's state — the active
 * option, whether the list is shown, the chosen hit. People are found with the add dialog's party
 * search (same query, same ranking); cases by number or short description, sold products and
 * install base items by name.
 */
import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { q } from '../../src/client/encoded-query.js';
import { QueryValueError } from '../../src/client/errors.js';
import type { TableMap } from '../../src/client/table-map.js';
import type { EntityKind, PrincipalKind } from '../../src/model/kinds.js';
import type { CamServices } from '../context.js';
import { SEARCH_LIMIT } from '../add-party-dialog/party-search-query.js';
import { searchParties } from '../add-party-dialog/party-search.js';
import { rankHits } from '../add-party-dialog/ranking.js';

/** One hit: the record's id, its name and what tells it apart. */
export interface NameHit {
  readonly id: string;
  readonly name: string;
  readonly secondary?: string;
}

/** Searches `kind` for `text`; throws QueryValueError for text the query language cannot carry. */
export type FindByName<K extends string> = (
  services: CamServices,
  kind: K,
  text: string,
  signal: AbortSignal,
) => Promise<readonly NameHit[]>;

/** People (contacts, consumers, users) by name or email: the add dialog's party search. */
export const findPrincipals: FindByName<PrincipalKind> = async (services, kind, text, signal) => {
  const { results } = await searchParties(services, kind, text, signal);
  return results.map((hit) => ({
    id: hit.party.id,
    name: hit.name,
    ...(hit.secondary ? { secondary: hit.secondary } : {}),
  }));
};

function entitySpec(kind: EntityKind, map: TableMap) {
  switch (kind) {
    case 'case': {
      const { table, columns } = map.case;
      return { table, id: columns.id, name: columns.number, detail: columns.shortDescription };
    }
    case 'sold_product':
      return {
        table: map.soldProduct.table,
        id: map.soldProduct.columns.id,
        name: map.soldProduct.columns.name,
      };
    case 'install_base':
      return {
        table: map.installBase.table,
        id: map.installBase.columns.id,
        name: map.installBase.columns.name,
      };
  }
}

/** Cases by number (or words of the short description), sold products and install base items by name. */
export const findEntities: FindByName<EntityKind> = async (services, kind, text, signal) => {
  const spec = entitySpec(kind, services.tableMap);
  const detail = 'detail' in spec ? spec.detail : undefined;
  let query = q.startsWith(spec.name, text);
  if (detail) query = query.or().like(detail, text);
  const fields = [spec.id, spec.name, ...(detail ? [detail] : [])];
  const page = await services.client.list(spec.table, {
    query: query.orderBy(spec.name),
    fields,
    limit: SEARCH_LIMIT,
    signal,
  });
  const hits = page.rows.flatMap((row) => {
    const id = row[spec.id]?.value;
    if (!id) return [];
    const secondary = detail ? row[detail]?.value : undefined;
    return [{ id, name: row[spec.name]?.value || id, ...(secondary ? { secondary } : {}) }];
  });
  return rankHits(hits, text);
};

/** Resolves after `ms`, or rejects as soon as the signal aborts. */
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

/** The state of one "find by name" combobox. */
export class NameSearch<K extends string> {
  /** The text as typed (or the chosen hit's name). */
  text = '';
  /** Index of the active option, -1 for none. */
  active = -1;
  /** The list is shown (typing opens it, choosing closes it). */
  expanded = false;
  /** The chosen record. */
  selected?: NameHit;
  /** Explain was pressed without a choice here. */
  missing = false;

  readonly task: Task<[CamServices | undefined, K, string], readonly NameHit[]>;

  constructor(
    private readonly host: ReactiveControllerHost,
    services: () => CamServices | undefined,
    public kind: K,
    find: FindByName<K>,
    debounceMs = 250,
  ) {
    this.task = new Task(host, {
      args: () => [services(), this.kind, this.expanded ? this.text.trim() : ''],
      task: async ([camServices, kind, text], { signal }) => {
        if (!camServices || text === '') return initialState;
        await pause(debounceMs, signal);
        return find(camServices, kind, text, signal);
      },
      onError: (error) => {
        if (!(error instanceof QueryValueError)) services()?.reportError(error);
      },
    });
  }

  /** Renders the host again (after `missing` changed). */
  requestUpdate(): void {
    this.host.requestUpdate();
  }

  /** Hits of the last completed search (none while searching). */
  get results(): readonly NameHit[] {
    return this.task.status === TaskStatus.COMPLETE ? (this.task.value ?? []) : [];
  }

  /** The text the query language cannot carry, if that is why the search failed. */
  get refused(): QueryValueError | undefined {
    const error = this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
    return error instanceof QueryValueError ? error : undefined;
  }

  /** The user typed: a new search; the choice is dropped. */
  input(text: string): void {
    this.missing = false;
    this.text = text;
    this.selected = undefined;
    this.active = -1;
    this.expanded = true;
    this.host.requestUpdate();
  }

  /** Another kind: the text and the choice no longer apply. */
  setKind(kind: K): void {
    this.missing = false;
    this.kind = kind;
    this.text = '';
    this.selected = undefined;
    this.active = -1;
    this.expanded = false;
    this.host.requestUpdate();
  }

  /** Shows a known record as chosen (from a deep link or an explanation), without searching. */
  fill(kind: K, hit: NameHit): void {
    this.missing = false;
    this.kind = kind;
    this.selected = hit;
    this.text = hit.name;
    this.active = -1;
    this.expanded = false;
    this.host.requestUpdate();
  }

  /** Chooses a hit (the active one by default). */
  choose(index = this.active): NameHit | undefined {
    const hit = this.results[index];
    if (!hit) return undefined;
    this.selected = hit;
    this.missing = false;
    this.text = hit.name;
    this.active = -1;
    this.expanded = false;
    this.host.requestUpdate();
    return hit;
  }

  /** Combobox keys: arrows move (wrapping), Enter chooses, Escape closes the list. */
  keydown(event: KeyboardEvent): void {
    const count = this.results.length;
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && count > 0) {
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      this.expanded = true;
      this.active = this.active < 0 ? (delta > 0 ? 0 : count - 1) : (this.active + delta + count) % count;
      this.host.requestUpdate();
    } else if (event.key === 'Enter' && this.expanded && this.active >= 0) {
      event.preventDefault();
      this.choose();
    } else if (event.key === 'Escape' && this.expanded && count > 0) {
      event.preventDefault();
      event.stopPropagation();
      this.expanded = false;
      this.host.requestUpdate();
    }
  }
}
