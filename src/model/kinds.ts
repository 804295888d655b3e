/** Access levels, ordered: each includes everything below it (`full` = read + write + create). */
export const ACCESS_LEVELS = ['none', 'read', 'write', 'full'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** Compares two levels: negative when `a` grants less than `b`, 0 when equal. */
export function compareLevels(a: AccessLevel, b: AccessLevel): number {
  return ACCESS_LEVELS.indexOf(a) - ACCESS_LEVELS.indexOf(b);
}

/** The higher of two levels. */
export function maxLevel(a: AccessLevel, b: AccessLevel): AccessLevel {
  return compareLevels(a, b) >= 0 ? a : b;
}

/** Individual permissions a level stands for. */
export const PERMISSIONS = ['read', 'write', 'create'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const LEVEL_PERMISSIONS: Readonly<Record<AccessLevel, readonly Permission[]>> = {
  none: [],
  read: ['read'],
  write: ['read', 'write'],
  full: ['read', 'write', 'create'],
};

/** Who can be named on a related-party record. */
export const PARTY_KINDS = [
  'contact',
  'consumer',
  'user',
  'account',
  'service_organization',
  'household',
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Who can hold access: a person who signs in. */
export const PRINCIPAL_KINDS = ['contact', 'consumer', 'user'] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

/** What access is to. */
export const ENTITY_KINDS = ['case', 'sold_product', 'install_base'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** A typed reference, written `kind:id` in access-test files (e.g. `contact:ana`, `case:cs1`). */
export interface Ref<K extends string = string> {
  readonly kind: K;
  readonly id: string;
}
export type PartyRef = Ref<PartyKind>;
export type PrincipalRef = Ref<PrincipalKind>;
export type EntityRef = Ref<EntityKind>;

/** Formats a reference as `kind:id`. */
export function formatRef(ref: Ref): string {
  return `${ref.kind}:${ref.id}`;
}

/** Parses `kind:id` into a reference of one of the allowed kinds; throws a clear error otherwise. */
export function parseRef<K extends string>(text: string, kinds: readonly K[]): Ref<K> {
  const colon = text.indexOf(':');
  const kind = colon > 0 ? text.slice(0, colon) : '';
  const id = colon > 0 ? text.slice(colon + 1) : '';
  if (!kinds.includes(kind as K) || id.length === 0) {
    throw new TypeError(
      `"${text}" is not a reference of the form kind:id with kind one of ${kinds.join(', ')}`,
    );
  }
  return { kind: kind as K, id };
}

export function isPrincipalKind(kind: string): kind is PrincipalKind {
  return (PRINCIPAL_KINDS as readonly string[]).includes(kind);
}

/** Default Table API tables of the three entity kinds (docs/architecture.md); a host can remap them. */
export const ENTITY_TABLES: Readonly<Record<EntityKind, string>> = {
  case: 'sn_customerservice_case',
  sold_product: 'sn_install_base_sold_product',
  install_base: 'sn_install_base_item',
};

/** The entity kind of a default entity table name, or undefined. */
export function entityKindOfTable(table: string): EntityKind | undefined {
  return ENTITY_KINDS.find((kind) => ENTITY_TABLES[kind] === table);
}
