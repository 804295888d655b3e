/**
 * What the related-parties service and its edits (party-edits.ts, loaded on first use) share: the
 * limits of searches and group reads, and the shapes of their inputs and results. Apart from both,
 * so that neither imports the other.
 */
import type { PartyRef, PrincipalRef } from '../model/kinds.js';

/** Contacts of an account / members of an organization read at most. */
export const MEMBER_LIMIT = 200;

/** Party search results shown at most; one more is requested to know there are more. */
export const SEARCH_LIMIT = 20;

export interface PartyChangeInput {
  readonly party: PartyRef;
  /** Relationship type id. */
  readonly type: string;
  /** Responsibility id; undefined = none. */
  readonly responsibility?: string;
}

/** The people a group party stands for (an account's contacts, an organization's members). */
export interface PartyMembers {
  readonly principals: readonly PrincipalRef[];
  /** The group has more members than were read (`MEMBER_LIMIT`). */
  readonly truncated: boolean;
}
