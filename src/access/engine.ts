import type { Definitions, EntityRef, Facts, PrincipalRef, RelatedPartyRecord } from '../model/index.js';
import { accessFor } from './access-for.js';
import { CompiledDefinitions } from './compiled-definitions.js';
import { evaluateMask, type Model } from './evaluate.js';
import { explain } from './explain.js';
import { FactsIndex } from './facts-index.js';
import { RESULTS_BY_MASK } from './levels.js';
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
   * Roles that let a case's own contact / consumer read and write it (and a consumer read its sold
   * products). Defaults: `sn_customerservice.customer`, `sn_customerservice.consumer`.
   */
  readonly ownerRoles?: Partial<OwnerRoles>;
}

/**
 * The access engine: effective access of contacts, consumers and users to cases, sold products
 * and install base items, with reasons (DESIGN.md §2). Pure: no DOM, no I/O.
 *
 * Decisions where the documents leave room:
 * - Every granting path is capped by the principal's granular roles on the table, including the
 *   account default of rule 6 (a contact without `sold_product_read_granular` reads no sold product).
 * - Grants on roles of kind other than granular/functional (e.g. `case_viewer`: read every case) are
 *   global, and count for internal users only (rule 7).
 * - A case's own contact (consumer) holding the customer (consumer) role reads and writes it, and a
 *   sold product's consumer reads it: the platform's customer ACLs, not capped by granular roles.
 * - Write or create imply read; `full` needs read, write and create.
 *
 * Only related-party records change incrementally (`addRecord`…); other facts need a new engine.
 */
export class AccessEngine {
  readonly definitions: Definitions;
  readonly #model: Model;

  constructor(definitions: Definitions, facts: Facts, options: EngineOptions = {}) {
    this.definitions = definitions;
    const compiled = new CompiledDefinitions(definitions);
    const ownerRoles = { ...DEFAULT_OWNER_ROLES, ...options.ownerRoles };
    this.#model = { definitions: compiled, index: new FactsIndex(compiled, facts, ownerRoles), ownerRoles };
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
    return [...this.#model.index.records.values()].map((r) => r.raw);
  }

  /** Facts with the current related-party records. */
  get facts(): Facts {
    return { ...this.#model.index.facts, relatedParties: this.records };
  }

  /** The access level and permissions of a principal on an entity; allocates nothing. */
  check(principal: PrincipalRef, entity: EntityRef): AccessResult {
    const index = this.#model.index;
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
    return this.#model.index.remove(id) !== undefined;
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
      const existing = this.#model.index.records.get(change.recordId);
      if (existing)
        this.updateRecord(retypedRecord(this.#model, existing.raw, change.type, change.responsibility));
    }
  }
}
