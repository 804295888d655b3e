/**
 * What the badge shows, computed from one entity's access picture: the level of a principal with
 * its explanation, or, for a group party (account, service organization, household), the highest
 * level of any member with each member's explanation. Pure. The badge loads it on demand, while
 * the picture is read.
 */
import { msg, str } from '@lit/localize';
import {
  compareLevels,
  entityName,
  maxLevel,
  type AccessLevel,
  type DefinitionsSnapshot,
  type EntityAccess,
  type Explanation,
  type Facts,
  type PartyRef,
  type PrincipalRef,
} from '../../src/index.js';
import { problemsAffecting } from '../../src/service/problems-affecting.js';
import type { BadgeSubject } from './badge-subject.js';

export interface BadgeEvaluation {
  readonly level: AccessLevel;
  readonly subjectLabel: string;
  readonly entityLabel: string;
  /** The principal's explanation (principal badges). */
  readonly explanation?: Explanation;
  /** Each member's explanation (group badges), highest level first. */
  readonly members?: readonly Explanation[];
  /** Why the answer may miss grants: unreadable tables, facts not loaded. */
  readonly incomplete: readonly string[];
  /** The definitions the answer was computed with (source and age). */
  readonly snapshot: DefinitionsSnapshot;
}

/** Members of a group party, its display name, and a note when its members were not all loaded. */
function groupMembers(
  facts: Facts,
  party: PartyRef,
): { members: PrincipalRef[]; name?: string; note?: string } {
  const named = facts.relatedParties.some((r) => r.party.kind === party.kind && r.party.id === party.id);
  if (party.kind === 'account') {
    const members = facts.contacts
      .filter((c) => c.account === party.id)
      .map((c) => ({ kind: 'contact' as const, id: c.id }));
    const name = facts.accounts.find((a) => a.id === party.id)?.name;
    const note = msg(
      str`the contacts of account ${name ?? party.id} were not loaded (it is no related party here)`,
    );
    return { members, name, ...(named ? {} : { note }) };
  }
  if (party.kind === 'service_organization') {
    const organization = facts.serviceOrganizations.find((o) => o.id === party.id);
    if (!organization) {
      return {
        members: [],
        note: msg(str`service organization ${party.id} was not loaded (it is no related party here)`),
      };
    }
    return { members: [...organization.members], name: organization.name };
  }
  // Households are not loaded as such: only their members named in the loaded records are known.
  const members = facts.consumers
    .filter((c) => c.household === party.id)
    .map((c) => ({ kind: 'consumer' as const, id: c.id }));
  return {
    members,
    note: msg(str`only members of household ${party.id} named in the loaded records are included`),
  };
}

/** Evaluates the badge's subject on the entity's access picture. */
export function evaluateBadge(
  access: EntityAccess<DefinitionsSnapshot>,
  subject: BadgeSubject,
): BadgeEvaluation {
  const { engine, facts, entity } = access;
  const snapshot = access.definitions;
  const unreadable = [...access.incomplete, ...(snapshot.incomplete ?? [])];
  const incomplete = [
    ...unreadable.map((source) => msg(str`${source.table} could not be read (${source.reason})`)),
    // Definitions the engine could not use, where they touch this entity's records.
    ...problemsAffecting(snapshot.problems, facts.relatedParties).map((problem) =>
      msg(str`definition problem: ${problem}`),
    ),
  ];
  const entityLabel = entityName(facts, entity);
  if (subject.kind === 'principal') {
    const explanation = engine.explain(subject.principal, entity);
    return {
      level: explanation.level,
      subjectLabel: explanation.principalLabel,
      entityLabel,
      explanation,
      incomplete: [...new Set([...incomplete, ...(explanation.incomplete ?? [])])],
      snapshot,
    };
  }
  const group = groupMembers(facts, subject.party);
  const members = group.members
    .map((member) => engine.explain(member, entity))
    .sort((a, b) => compareLevels(b.level, a.level) || a.principalLabel.localeCompare(b.principalLabel));
  return {
    level: members.reduce<AccessLevel>((level, member) => maxLevel(level, member.level), 'none'),
    subjectLabel: group.name ?? subject.party.id,
    entityLabel,
    members,
    incomplete: [
      ...new Set([
        ...incomplete,
        ...(group.note ? [group.note] : []),
        ...members.flatMap((m) => m.incomplete ?? []),
      ]),
    ],
    snapshot,
  };
}
