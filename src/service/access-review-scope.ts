/**
 * Which records an access review covers, read in paged, batched requests: an account (and its
 * child accounts) — its cases, sold products and install base items — or one record; plus the
 * records access cascades from (sold products, install base items and their ancestors), which are
 * loaded but not reviewed. Personal data: memory only.
 */
import type { Row } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type { Case, InstallBaseItem, SoldProduct } from '../model/facts.js';
import type { EntityRef } from '../model/kinds.js';
import type { BatchedReader } from './batched-reader.js';
import * as rows from './fact-rows.js';

/** What to review. */
export type ReviewScope =
  | { readonly kind: 'account'; readonly account: string; readonly includeChildren?: boolean }
  | { readonly kind: 'entity'; readonly entity: EntityRef };

/** Physical columns the review reads beyond the table map (they differ between releases too). */
export interface ReviewColumns {
  /** Person tables' active flag (`'false'` = can no longer sign in). */
  readonly active: string;
  /** The case's closed time. */
  readonly closedAt: string;
}

export const DEFAULT_REVIEW_COLUMNS: ReviewColumns = { active: 'active', closedAt: 'closed_at' };

const MAX_DEPTH = 32;

/** The entities in scope and their cascade sources, as facts. */
export class ScopeEntities {
  readonly cases = new Map<string, Case>();
  readonly soldProducts = new Map<string, SoldProduct>();
  readonly items = new Map<string, InstallBaseItem>();
  /** Accounts in scope (the account and, with children, its descendants). */
  readonly accounts = new Set<string>();
  /** The reviewed entities, in load order. */
  readonly scope: EntityRef[] = [];

  constructor(
    private readonly reader: BatchedReader,
    private readonly map: TableMap,
    private readonly columns: ReviewColumns,
  ) {}

  async load(scope: ReviewScope): Promise<void> {
    if (scope.kind === 'account') await this.loadAccount(scope.account, scope.includeChildren === true);
    else await this.loadEntity(scope.entity);
    await this.loadCascadeSources();
  }

  private async loadAccount(account: string, includeChildren: boolean): Promise<void> {
    const m = this.map;
    this.accounts.add(account);
    let frontier = [account];
    for (let depth = 0; includeChildren && frontier.length > 0 && depth < MAX_DEPTH; depth++) {
      const next: string[] = [];
      for (const row of await this.reader.rowsWhereIn(m.account.table, m.account.columns.parent, frontier)) {
        const id = rows.fieldText(row, m.account.columns.id);
        if (id && !this.accounts.has(id)) {
          this.accounts.add(id);
          next.push(id);
        }
      }
      frontier = next;
    }
    const ids = [...this.accounts];
    const [cases, products, items] = await Promise.all([
      this.reader.rowsWhereIn(m.case.table, m.case.columns.account, ids),
      this.reader.rowsWhereIn(m.soldProduct.table, m.soldProduct.columns.account, ids),
      this.reader.rowsWhereIn(m.installBase.table, m.installBase.columns.account, ids),
    ]);
    for (const row of cases) this.addCase(row, true);
    for (const row of products) this.addSoldProduct(row, true);
    for (const row of items) this.addItem(row, true);
  }

  private async loadEntity(entity: EntityRef): Promise<void> {
    const m = this.map;
    const table =
      entity.kind === 'case' ? m.case : entity.kind === 'sold_product' ? m.soldProduct : m.installBase;
    for (const row of await this.reader.rowsWhereIn(table.table, table.columns.id, [entity.id])) {
      if (entity.kind === 'case') this.addCase(row, true);
      else if (entity.kind === 'sold_product') this.addSoldProduct(row, true);
      else this.addItem(row, true);
    }
    const loaded = this.cases.get(entity.id) ?? this.soldProducts.get(entity.id) ?? this.items.get(entity.id);
    if (loaded?.account) this.accounts.add(loaded.account);
    if (entity.kind === 'sold_product') {
      // Install base items of the product cascade their parties' access to it.
      const found = await this.reader.rowsWhereIn(m.installBase.table, m.installBase.columns.soldProduct, [
        entity.id,
      ]);
      for (const row of found) this.addItem(row, false);
    }
  }

  /** Sold products and install base items (with ancestors) the loaded records cascade from. */
  private async loadCascadeSources(): Promise<void> {
    const m = this.map;
    const productIds = new Set<string>();
    const itemIds = new Set<string>();
    for (const c of this.cases.values()) {
      if (c.soldProduct) productIds.add(c.soldProduct);
      if (c.installBase) itemIds.add(c.installBase);
    }
    for (const item of this.items.values()) {
      if (item.soldProduct) productIds.add(item.soldProduct);
      if (item.parent) itemIds.add(item.parent);
    }
    const missingProducts = [...productIds].filter((id) => !this.soldProducts.has(id));
    for (const row of await this.reader.rowsWhereIn(
      m.soldProduct.table,
      m.soldProduct.columns.id,
      missingProducts,
    ))
      this.addSoldProduct(row, false);
    let frontier = [...itemIds].filter((id) => !this.items.has(id));
    for (let depth = 0; frontier.length > 0 && depth < MAX_DEPTH; depth++) {
      const next: string[] = [];
      for (const row of await this.reader.rowsWhereIn(
        m.installBase.table,
        m.installBase.columns.id,
        frontier,
      )) {
        const item = this.addItem(row, false);
        if (item?.parent && !this.items.has(item.parent)) next.push(item.parent);
      }
      frontier = next;
    }
  }

  private addCase(row: Row, inScope: boolean): void {
    const found = rows.rowToCase(row, this.map);
    if (!found || this.cases.has(found.id)) return;
    const closedAt = isoTime(rows.fieldText(row, this.columns.closedAt));
    this.cases.set(found.id, closedAt ? { ...found, closedAt } : found);
    if (inScope) this.scope.push({ kind: 'case', id: found.id });
  }

  private addSoldProduct(row: Row, inScope: boolean): void {
    const found = rows.rowToSoldProduct(row, this.map);
    if (!found || this.soldProducts.has(found.id)) return;
    this.soldProducts.set(found.id, found);
    if (inScope) this.scope.push({ kind: 'sold_product', id: found.id });
  }

  private addItem(row: Row, inScope: boolean): InstallBaseItem | undefined {
    const found = rows.rowToInstallBaseItem(row, this.map);
    if (!found || this.items.has(found.id)) return found;
    this.items.set(found.id, found);
    if (inScope) this.scope.push({ kind: 'install_base', id: found.id });
    return found;
  }

  /** Every loaded entity (scope and cascade sources). */
  all(): EntityRef[] {
    return [
      ...[...this.cases.keys()].map((id) => ({ kind: 'case' as const, id })),
      ...[...this.soldProducts.keys()].map((id) => ({ kind: 'sold_product' as const, id })),
      ...[...this.items.keys()].map((id) => ({ kind: 'install_base' as const, id })),
    ];
  }
}

/** The Table API's `YYYY-MM-DD HH:mm:ss` (UTC) as ISO 8601; other text unchanged. */
function isoTime(text: string | undefined): string | undefined {
  return text && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(text) ? `${text.replace(' ', 'T')}Z` : text;
}
