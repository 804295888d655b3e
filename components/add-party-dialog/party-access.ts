/**
 * The engine the preview and the validation run on, for one entity and a party that may not be
 * on it yet. A contact, consumer or user is loaded through the shared access service (as the
 * principal to include). An account or a service organization stands for its contacts or members,
 * which the access service cannot be asked for: they are listed here (the first MEMBER_LIMIT) and
 * loaded with the facts loader over the provided client, uncached.
 */
import { AccessEngine } from '../../src/access/engine.js';
import { q } from '../../src/client/encoded-query.js';
import type { Facts } from '../../src/model/facts.js';
import { isPrincipalKind, type EntityRef, type PartyRef, type PrincipalRef } from '../../src/model/kinds.js';
import { AccessFactsLoader, type IncompleteSource } from '../../src/service/access-facts-loader.js';
import type { CamServices } from '../context.js';

/** Contacts of an account / members of an organization loaded for the preview, at most. */
export const MEMBER_LIMIT = 200;

/** An engine that knows the party and whom it stands for. */
export interface PartyAccess {
  readonly engine: AccessEngine;
  /** Tables that could not be read: the preview may miss grants from them. */
  readonly incomplete: readonly IncompleteSource[];
  /** The party stands for more people than were loaded. */
  readonly truncated: boolean;
}

/** Loads the access picture of `entity` including `party` (named `name`). */
export async function loadPartyAccess(
  services: CamServices,
  entity: EntityRef,
  party: PartyRef,
  name: string,
  signal: AbortSignal,
): Promise<PartyAccess> {
  if (isPrincipalKind(party.kind)) {
    const principal: PrincipalRef = { kind: party.kind, id: party.id };
    const access = await services.access.forEntity(entity, { signal, principal });
    return { engine: access.engine, incomplete: access.incomplete, truncated: false };
  }
  const [members, snapshot] = await Promise.all([
    membersOf(services, party, signal),
    services.definitions.load(signal),
  ]);
  const roleNames = new Map<string, string>();
  for (const role of snapshot.definitions.roles) if (role.sysId) roleNames.set(role.sysId, role.name);
  const loaded = await new AccessFactsLoader(services.client, services.tableMap).load(entity, {
    signal,
    principals: members.principals,
    roleName: (sysId) => roleNames.get(sysId),
  });
  const facts = withParty(loaded.facts, party, name, members.principals);
  return {
    engine: new AccessEngine(snapshot.definitions, facts),
    incomplete: loaded.incomplete,
    truncated: members.truncated,
  };
}

async function membersOf(
  services: CamServices,
  party: PartyRef,
  signal: AbortSignal,
): Promise<{ principals: PrincipalRef[]; truncated: boolean }> {
  const map = services.tableMap;
  const [table, column, read, kind] =
    party.kind === 'account'
      ? [map.contact.table, map.contact.columns.account, map.contact.columns.id, 'contact' as const]
      : [
          map.serviceOrganizationMember.table,
          map.serviceOrganizationMember.columns.serviceOrganization,
          map.serviceOrganizationMember.columns.user,
          'user' as const,
        ];
  const page = await services.client.list(table, {
    query: q.eq(column, party.id),
    fields: [read],
    limit: MEMBER_LIMIT + 1,
    signal,
  });
  const ids = page.rows.map((row) => row[read]?.value).filter((id): id is string => !!id);
  return {
    principals: ids.slice(0, MEMBER_LIMIT).map((id) => ({ kind, id })),
    truncated: ids.length > MEMBER_LIMIT,
  };
}

/** The facts with the party itself known (an account without contacts, a new organization). */
function withParty(facts: Facts, party: PartyRef, name: string, members: readonly PrincipalRef[]): Facts {
  if (party.kind === 'account') {
    if (facts.accounts.some((a) => a.id === party.id)) return facts;
    return { ...facts, accounts: [...facts.accounts, { id: party.id, name }] };
  }
  if (party.kind !== 'service_organization') return facts;
  const others = facts.serviceOrganizations.filter((o) => o.id !== party.id);
  return { ...facts, serviceOrganizations: [...others, { id: party.id, name, members }] };
}
