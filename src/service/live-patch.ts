/**
 * Applies a live change to an entity's loaded access picture without asking the server, when
 * that is exact: a retype or removal, or an addition of a party whose facts are already loaded
 * (a principal or account already on the entity). Anything else (a new person, a new account, a
 * new service organisation: their roles and members are unknown) needs the facts read again.
 */
import { AccessEngine } from '../access/engine.js';
import type { Definitions } from '../model/definitions.js';
import type { Facts, RelatedPartyRecord } from '../model/facts.js';
import type { PartyRef } from '../model/kinds.js';
import type { PartiesChange } from './change-feed.js';
import type { PartyRow } from './party-rows.js';

/** The parts of an access picture a change touches. */
export interface Patchable {
  readonly facts: Facts;
  readonly parties: readonly PartyRow[];
}

function knownParty(facts: Facts, party: PartyRef): boolean {
  if (facts.relatedParties.some((r) => r.party.kind === party.kind && r.party.id === party.id)) return true;
  switch (party.kind) {
    case 'contact':
      return facts.contacts.some((c) => c.id === party.id);
    case 'consumer':
      return facts.consumers.some((c) => c.id === party.id);
    case 'user':
      return facts.users.some((u) => u.id === party.id);
    default:
      // An account, organisation or household stands for members that may not be loaded.
      return false;
  }
}

/** The patched facts, parties and engine; undefined when the facts must be read again. */
export function patchAccess<P extends Patchable>(
  current: P,
  change: Pick<PartiesChange, 'added' | 'changed' | 'removed'>,
  definitions: Definitions,
): (P & { engine: AccessEngine }) | undefined {
  const incoming = [...change.added, ...change.changed.map((update) => update.row)];
  if (!incoming.every((row) => knownParty(current.facts, row.record.party))) return undefined;
  const replaced = new Map<string, PartyRow | undefined>();
  for (const row of change.removed) replaced.set(row.record.id, undefined);
  for (const row of incoming) replaced.set(row.record.id, row);
  const records: RelatedPartyRecord[] = current.facts.relatedParties.flatMap((record) => {
    if (!replaced.has(record.id)) return [record];
    const row = replaced.get(record.id);
    return row ? [row.record] : [];
  });
  const parties: PartyRow[] = current.parties.flatMap((row) => {
    if (!replaced.has(row.record.id)) return [row];
    const next = replaced.get(row.record.id);
    return next ? [next] : [];
  });
  for (const row of change.added) {
    if (!current.facts.relatedParties.some((r) => r.id === row.record.id)) records.push(row.record);
    if (!current.parties.some((r) => r.record.id === row.record.id)) parties.push(row);
  }
  const facts: Facts = { ...current.facts, relatedParties: records };
  return { ...current, facts, parties, engine: new AccessEngine(definitions, facts) };
}
