import type { Definitions, EntityRef, Facts, PrincipalRef, RelatedPartyRecord } from '../model/index.js';
import { accessFor } from './access-for.js';
import { CompiledDefinitions } from './compiled-definitions.js';
import { evaluateMask, type Model } from './evaluate.js';
import { explain } from './explain.js';
import { FactsIndex } from './facts-index.js';
import { RESULTS_BY_MASK } from './levels.js';
import { personaGrantsOf } from './builtin-persona-grants.js';
import { DEFAULT_OWNER_ROLES, type OwnerRoles } from './principals.js';
import type { RoleCatalog } from './role-catalog.js';
import type {
  AccessEntry,
  AccessResult,
  EngineProblem,
  Explanation,
  PartyChange,
  ValidationIssue,
  WhatIfResult,
} from './types.js';
import { validate } from './validate.js';
import { retypedRecord, whatIf } from './what-if.js';

/** Options of the engine. */
export interface EngineOptions {
  /**
   * Renames the role of the built-in `own` persona rows: a case's own contact / consumer reads and
   * writes it, a consumer reads their sold products. Defaults: `sn_customerservice.customer`,
   * `sn_customerservice.consumer`. Persona rows (`Definitions.personaGrants`) say more.
   */
  readonly ownerRoles?: Partial<OwnerRoles>;
}

const OWN_ROWS: Readonly<Record<string, keyof OwnerRoles>> = {
  customer_own_cases: 'contact',
  consumer_own_cases: 'consumer',
  consumer_own_sold_products: 'consumer',
};

/** The definitions with the `ownerRoles` option applied to the built-in `own` rows. */
function withOwnerRoles(definitions: Definitions, ownerRoles: Partial<OwnerRoles> | undefined): Definitions {
  if (ownerRoles === undefined) return definitions;
  const roles = { ...DEFAULT_OWNER_ROLES, ...ownerRoles };
  const personaGrants = personaGrantsOf(definitions).map((grant) => {
    const kind = grant.source === 'builtin' ? OWN_ROWS[grant.id] : undefined;
    return kind === undefined ? grant : { ...grant, role: roles[kind] };
  });
  return { ...definitions, personaGrants };
}

/**
 * The access engine: effective access of contacts, consumers and users to cases, sold products
 * and install base items, with reasons (docs/access-rules.md). Pure: no DOM, no I/O.
 *
 * Decisions where the documents leave room:
 * - Every granting path is capped by the principal's granular roles on the table, the account
 *   default of rule 6 included: "contacts read the account's sold products" means those holding
 *   the read granular (a contact with no role at all reads nothing, as everywhere else).
 * - Grants on roles that are neither granular nor functional (`case_viewer`: read every case) are
 *   global, and count for internal users only (rule 7). `case_task_viewer` grants on case tasks,
 *   which are not an entity here: it stays catalogue data.
 * - Persona roles grant by scope without a related-party record (`Definitions.personaGrants`, the
 *   built-in rows of `builtin-persona-grants.ts` when absent): the platform's role-based ACLs,
 *   outside the granular model, so not capped by granular roles. A case's own contact (consumer)
 *   holding the customer (consumer) role reads and writes it is one such row (`own` scope).
 * - Create on an install base's cases needs the contact and the item the party record sits on to
 *   share an account; consumers and users are not limited.
 * - Write or create imply read; `full` needs read, write and create.
 *
 * Only related-party records change incrementally (`addRecord`…); other facts need a new engine.
 */
export class AccessEngine {
  readonly definitions: Definitions;
  readonly #model: Model;
  /** `#model.index`, one hop shorter for `check`. */
  readonly #index: FactsIndex;

  constructor(definitions: Definitions, facts: Facts, options: EngineOptions = {}) {
    this.definitions = definitions;
    const compiled = new CompiledDefinitions(withOwnerRoles(definitions, options.ownerRoles));
    this.#index = new FactsIndex(compiled, facts);
    this.#model = { definitions: compiled, index: this.#index };
  }

  /** The role catalogue built from the definitions. */
  get catalog(): RoleCatalog {
    return this.#model.definitions.catalog;
  }

  /** Definition problems (role cycles, unknown roles or tables…); everything else still answers. */
  get problems(): readonly EngineProblem[] {
    return this.#model.definitions.problems;
  }

  /** Every related-party record currently indexed. */
  get records(): RelatedPartyRecord[] {
    return this.#model.index.allRecords();
  }

  /** Facts with the current related-party records. */
  get facts(): Facts {
    return { ...this.#model.index.facts, relatedParties: this.records };
  }

  /** The access level and permissions of a principal on an entity; allocates nothing. */
  check(principal: PrincipalRef, entity: EntityRef): AccessResult {
    const index = this.#index;
    const p = index.principalIndex(principal);
    const e = index.entityIndex(entity);
    if (p < 0 || e < 0) return RESULTS_BY_MASK[0] as AccessResult;
    return RESULTS_BY_MASK[evaluateMask(this.#model, p, e, null)] as AccessResult;
  }

  /** The level with every granting path and every near miss. */
  explain(principal: PrincipalRef, entity: EntityRef): Explanation {
    return explain(this.#model, principal, entity);
  }

  /** Levels before and after a proposed change, for everyone it affects; mutates nothing. */
  whatIf(change: PartyChange, principal?: PrincipalRef): WhatIfResult[] {
    return whatIf(this.#model, change, principal);
  }

  /** Every entity the principal reaches, with its level (never `none`). */
  accessFor(principal: PrincipalRef): AccessEntry[] {
    return accessFor(this.#model, principal);
  }

  /** Issues of a proposed change (unknown type, not applicable, unique responsibility taken…). */
  validate(change: PartyChange): ValidationIssue[] {
    return validate(this.#model, change);
  }

  /** Indexes a new record (replacing one with the same id). */
  addRecord(record: RelatedPartyRecord): void {
    this.#model.index.add(record);
  }

  /** Removes a record; false when no record has this id. */
  removeRecord(id: string): boolean {
    return this.#model.index.remove(id);
  }

  /** Replaces the record with the same id. */
  updateRecord(record: RelatedPartyRecord): void {
    this.#model.index.add(record);
  }

  /** Applies a change (as `whatIf` previewed it). */
  apply(change: PartyChange): void {
    if (change.op === 'add') this.addRecord(change.record);
    else if (change.op === 'remove') this.removeRecord(change.recordId);
    else {
      const existing = this.#model.index.record(change.recordId);
      if (existing)
        this.updateRecord(retypedRecord(this.#model, existing.raw, change.type, change.responsibility));
    }
  }
}
