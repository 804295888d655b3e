/**
 * A naive reference evaluator for the property tests: the rules of docs/access-rules.md written as
 * directly as possible over the raw facts (linear scans, no indexes, no bitsets), so the engine can
 * be compared with it on random worlds.
 */
import { BUILTIN_PERSONA_GRANTS } from '../../src/access/builtin-persona-grants.js';
import type {
  AccessLevel,
  Definitions,
  EntityRef,
  Facts,
  InstallBaseItem,
  PersonaGrant,
  PrincipalRef,
  RelatedPartyRecord,
} from '../../src/model/index.js';

const MASK: Record<string, number> = { read: 1, write: 3, full: 7 };
const PERMISSION: Record<string, number> = { read: 1, write: 2, create: 4 };
export const OWNER = { contact: 'sn_customerservice.customer', consumer: 'sn_customerservice.consumer' };

function heldRoles(definitions: Definitions, direct: readonly string[]): Set<string> {
  const held = new Set<string>();
  const stack = [...direct];
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (held.has(name)) continue;
    held.add(name);
    stack.push(...(definitions.roles.find((r) => r.name === name)?.contains ?? []));
  }
  return held;
}

/** Ids of the item and its ancestors. */
function ancestry(facts: Facts, itemId: string | undefined): string[] {
  const chain: string[] = [];
  let item: InstallBaseItem | undefined = facts.installBase.find((i) => i.id === itemId);
  while (item && !chain.includes(item.id)) {
    chain.push(item.id);
    const parent: string | undefined = item.parent;
    item = facts.installBase.find((i) => i.id === parent);
  }
  return chain;
}

/** Whether a record on `source` can grant on `target` (the cascades, forward). */
function cascades(facts: Facts, source: EntityRef, target: EntityRef): boolean {
  if (source.kind === 'case') return target.kind === 'case' && target.id === source.id;
  if (source.kind === 'sold_product') {
    if (target.kind === 'sold_product') return target.id === source.id;
    if (target.kind === 'case')
      return facts.cases.some((c) => c.id === target.id && c.soldProduct === source.id);
    return facts.installBase.some((i) => i.id === target.id && i.soldProduct === source.id);
  }
  if (target.kind === 'install_base') return ancestry(facts, target.id).includes(source.id);
  if (target.kind === 'case') {
    const c = facts.cases.find((x) => x.id === target.id);
    return c !== undefined && ancestry(facts, c.installBase).includes(source.id);
  }
  return facts.installBase.some(
    (i) => i.soldProduct === target.id && ancestry(facts, i.id).includes(source.id),
  );
}

function standsBehind(facts: Facts, principal: PrincipalRef, record: RelatedPartyRecord): boolean {
  const party = record.party;
  if (party.kind === principal.kind) return party.id === principal.id;
  if (party.kind === 'account')
    return (
      principal.kind === 'contact' && facts.contacts.find((c) => c.id === principal.id)?.account === party.id
    );
  if (party.kind === 'household')
    return (
      principal.kind === 'consumer' &&
      facts.consumers.find((c) => c.id === principal.id)?.household === party.id
    );
  if (party.kind === 'service_organization') {
    return facts.serviceOrganizations.some(
      (o) => o.id === party.id && o.members.some((m) => m.kind === principal.kind && m.id === principal.id),
    );
  }
  return false;
}

function entityExists(facts: Facts, ref: EntityRef): boolean {
  const list =
    ref.kind === 'case' ? facts.cases : ref.kind === 'sold_product' ? facts.soldProducts : facts.installBase;
  return list.some((e) => e.id === ref.id);
}

/** The account and its ancestors (cycle-safe). */
function accountAncestry(facts: Facts, id: string | undefined): string[] {
  const chain: string[] = [];
  for (
    let at = id;
    at !== undefined && !chain.includes(at);
    at = facts.accounts.find((a) => a.id === at)?.parent
  )
    chain.push(at);
  return chain;
}

/** Whether the entity falls within the persona row's scope for this principal. */
function inScope(
  facts: Facts,
  grant: PersonaGrant,
  principal: PrincipalRef,
  account: string | undefined,
  entity: EntityRef,
): boolean {
  const theCase = entity.kind === 'case' ? facts.cases.find((c) => c.id === entity.id) : undefined;
  const product =
    entity.kind === 'sold_product' ? facts.soldProducts.find((s) => s.id === entity.id) : undefined;
  const item = entity.kind === 'install_base' ? facts.installBase.find((i) => i.id === entity.id) : undefined;
  const entityAccount = (theCase ?? product ?? item)?.account;
  switch (grant.scope) {
    case 'all':
      return true;
    case 'own':
      if (principal.kind === 'contact') return theCase?.contact === principal.id;
      if (principal.kind === 'consumer')
        return theCase?.consumer === principal.id || product?.consumer === principal.id;
      return false;
    case 'account':
      return account !== undefined && entityAccount === account;
    case 'account_tree':
      return account !== undefined && accountAncestry(facts, entityAccount).includes(account);
    case 'partner':
      return (
        principal.kind === 'contact' &&
        theCase !== undefined &&
        (theCase.partnerContact === principal.id ||
          (account !== undefined && theCase.partnerAccount === account))
      );
  }
}

/** The level the rules give, computed naively. */
export function referenceLevel(
  definitions: Definitions,
  facts: Facts,
  principal: PrincipalRef,
  entity: EntityRef,
): AccessLevel {
  const person =
    principal.kind === 'contact'
      ? facts.contacts.find((c) => c.id === principal.id)
      : principal.kind === 'consumer'
        ? facts.consumers.find((c) => c.id === principal.id)
        : facts.users.find((u) => u.id === principal.id);
  if (!person || !entityExists(facts, entity)) return 'none';
  const held = heldRoles(definitions, person.roles);
  const account =
    principal.kind === 'contact' ? facts.contacts.find((c) => c.id === principal.id)?.account : undefined;
  let mask = 0;
  for (const record of facts.relatedParties) {
    if (!standsBehind(facts, principal, record) || !entityExists(facts, record.entity)) continue;
    if (!cascades(facts, record.entity, entity)) continue;
    for (const config of definitions.accessConfigs) {
      if (!config.active || config.responsibility !== record.responsibility) continue;
      if ((config.through ?? config.table) !== record.entity.kind || config.table !== entity.kind) continue;
      if (config.partyType !== undefined && config.partyType !== record.party.kind) continue;
      if (!config.rolesRequired.every((r) => held.has(r))) continue;
      let m = MASK[config.level] ?? 0;
      const item = facts.installBase.find((i) => i.id === record.entity.id);
      const shared = account !== undefined && item?.account === account;
      if (
        entity.kind === 'case' &&
        record.entity.kind === 'install_base' &&
        principal.kind === 'contact' &&
        !shared
      )
        m &= ~4;
      mask |= m;
    }
  }
  let cap = 0;
  let global = 0;
  for (const name of held) {
    const role = definitions.roles.find((r) => r.name === name);
    for (const grant of role?.grants ?? []) {
      if (grant.target !== entity.kind) continue;
      if (role?.kind === 'granular' || role?.kind === 'functional') cap |= PERMISSION[grant.permission] ?? 0;
      else if (principal.kind === 'user') global |= PERMISSION[grant.permission] ?? 0;
    }
  }
  mask &= cap;
  const owned =
    entity.kind === 'case'
      ? facts.cases.find((c) => c.id === entity.id)
      : entity.kind === 'sold_product'
        ? facts.soldProducts.find((s) => s.id === entity.id)
        : facts.installBase.find((i) => i.id === entity.id);
  if (entity.kind !== 'case' && account !== undefined && owned?.account === account) {
    const restricted = facts.accounts.find((a) => a.id === account)?.restrictContactAccess === true;
    if (!restricted) mask |= 1 & cap;
  }
  // Persona rows: the role held (containment included), the principal's kind listed, in scope.
  const restricted =
    account !== undefined && facts.accounts.find((a) => a.id === account)?.restrictContactAccess === true;
  for (const grant of definitions.personaGrants ?? BUILTIN_PERSONA_GRANTS) {
    if (grant.active === false || grant.table !== entity.kind || !grant.principals.includes(principal.kind))
      continue;
    if (!held.has(grant.role)) continue;
    if (grant.respectsRestrictContactAccess === true && principal.kind === 'contact' && restricted) continue;
    if (inScope(facts, grant, principal, account, entity)) mask |= MASK[grant.level] ?? 0;
  }
  mask |= global;
  if (mask !== 0) mask |= 1;
  return mask === 7 ? 'full' : (mask & 3) === 3 ? 'write' : mask & 1 ? 'read' : 'none';
}
