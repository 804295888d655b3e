/**
 * Why a related party may not be removed. The platform keeps the entity's own customer on its
 * related parties: a case's contact, consumer and account, and a sold product's or install base
 * item's account (and a sold product's consumer) are maintained through the record itself, so their
 * related-party entry goes only when that field changes. Pure: decided from the loaded facts.
 */
import type { Facts } from '../../src/model/facts.js';
import type { EntityRef } from '../../src/model/kinds.js';
import type { PartyRow } from '../../src/service/party-rows.js';

/** The entity field that names the party, which blocks its removal. */
export type PrimaryField = 'contact' | 'consumer' | 'account';

export interface RemovalBlock {
  readonly field: PrimaryField;
}

/** The entity's own customer fields (those that exist for its kind). */
function primaryParties(facts: Facts, entity: EntityRef): Partial<Record<PrimaryField, string>> {
  if (entity.kind === 'case') {
    const found = facts.cases.find((c) => c.id === entity.id);
    return { contact: found?.contact, consumer: found?.consumer, account: found?.account };
  }
  if (entity.kind === 'sold_product') {
    const found = facts.soldProducts.find((p) => p.id === entity.id);
    return { consumer: found?.consumer, account: found?.account };
  }
  return { account: facts.installBase.find((i) => i.id === entity.id)?.account };
}

/** The reason `row` cannot be removed from `entity`, or undefined when it can. */
export function removalBlock(row: PartyRow, facts: Facts, entity: EntityRef): RemovalBlock | undefined {
  const { party } = row.record;
  if (party.kind !== 'contact' && party.kind !== 'consumer' && party.kind !== 'account') return undefined;
  return primaryParties(facts, entity)[party.kind] === party.id ? { field: party.kind } : undefined;
}
