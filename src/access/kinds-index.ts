import { ENTITY_KINDS, PARTY_KINDS, type EntityKind, type PartyKind } from '../model/index.js';

/** Small integer codes for kinds, so the hot path indexes typed arrays instead of hashing strings. */

export const CASE = 0;
export const SOLD_PRODUCT = 1;
export const INSTALL_BASE = 2;
export const ENTITY_KIND_COUNT = ENTITY_KINDS.length;
export const PARTY_KIND_COUNT = PARTY_KINDS.length;

/** Code of an entity kind (its index in ENTITY_KINDS), or -1 for anything else. */
export function entityCode(kind: string | undefined): number {
  switch (kind) {
    case 'case':
      return 0;
    case 'sold_product':
      return 1;
    case 'install_base':
      return 2;
    default:
      return -1;
  }
}

/** Code of a party kind (its index in PARTY_KINDS), or -1. */
export function partyCode(kind: string | undefined): number {
  switch (kind) {
    case 'contact':
      return 0;
    case 'consumer':
      return 1;
    case 'user':
      return 2;
    case 'account':
      return 3;
    case 'service_organization':
      return 4;
    case 'household':
      return 5;
    default:
      return -1;
  }
}

/** Entity kind of a code. */
export function entityKindOf(code: number): EntityKind {
  return ENTITY_KINDS[code] as EntityKind;
}

/** Party kind of a code. */
export function partyKindOf(code: number): PartyKind {
  return PARTY_KINDS[code] as PartyKind;
}

/** Words used in sentences: "sold product", "install base item". */
export const ENTITY_WORDS: Readonly<Record<EntityKind, string>> = {
  case: 'case',
  sold_product: 'sold product',
  install_base: 'install base item',
};

/** Which cascades exist: a record on `source` can grant on `table` (docs/access-rules.md, rule 4). */
export function cascadeSupported(source: number, table: number): boolean {
  if (source === table) return true;
  if (source === SOLD_PRODUCT) return table === CASE || table === INSTALL_BASE;
  if (source === INSTALL_BASE) return table === CASE || table === SOLD_PRODUCT;
  return false;
}
