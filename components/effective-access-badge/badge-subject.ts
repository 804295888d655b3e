/** Who a badge is about, from its attributes. */
import { isPrincipalKind, type PartyRef, type PrincipalRef } from '../../src/index.js';

/** Who the badge is about. */
export type BadgeSubject =
  | { readonly kind: 'principal'; readonly principal: PrincipalRef }
  | { readonly kind: 'group'; readonly party: PartyRef };

const GROUP_KINDS = ['account', 'service_organization', 'household'] as const;

/** The subject of the attributes: `principal-*`, or `party-*` (a principal kind or a group). */
export function subjectOf(attributes: {
  principalType: string;
  principalId: string;
  partyType: string;
  partyId: string;
}): BadgeSubject | undefined {
  const { principalType, principalId, partyType, partyId } = attributes;
  if (principalId && isPrincipalKind(principalType))
    return { kind: 'principal', principal: { kind: principalType, id: principalId } };
  if (!partyId) return undefined;
  if (isPrincipalKind(partyType)) return { kind: 'principal', principal: { kind: partyType, id: partyId } };
  const group = GROUP_KINDS.find((kind) => kind === partyType);
  return group ? { kind: 'group', party: { kind: group, id: partyId } } : undefined;
}
