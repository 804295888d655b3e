import { formatRef, type EntityRef, type PrincipalRef } from '../model/index.js';
import type { CompiledConfig } from './compiled-definitions.js';
import { createBlocked, evaluateMask, reaches, type Model } from './evaluate.js';
import { globalRoles, granularCap, granularNames, requiredRoles, roleHeld } from './explain-roles.js';
import type { EntityEntry } from './entity-index.js';
import type { CompiledRecord } from './facts-index.js';
import { CASE, ENTITY_WORDS, entityKindOf, partyKindOf } from './kinds-index.js';
import { CREATE, PERMISSIONS_BY_MASK, READ, levelOfMask, normalize } from './levels.js';
import { ACCOUNT, ACCOUNT_TREE, ALL, OWN, PARTNER, type CompiledPersonaGrant } from './persona.js';
import type { PrincipalEntry } from './principals.js';
import type {
  Explanation,
  GranularCap,
  GrantPath,
  NearMiss,
  PersonaScopeMatch,
  Reach,
  RecordSummary,
} from './types.js';

/** Everything one explanation accumulates. */
interface Walk {
  readonly model: Model;
  readonly p: PrincipalEntry;
  readonly e: EntityEntry;
  readonly cap: GranularCap;
  readonly grants: GrantPath[];
  readonly misses: NearMiss[];
  readonly incomplete: string[];
}

function describe(entity: EntityEntry): string {
  return `${ENTITY_WORDS[entity.ref.kind]} ${entity.label}`;
}

/** How `p` reaches the party of `record`, or undefined. */
function reachOf(walk: Walk, record: CompiledRecord): Reach | undefined {
  const { p, model } = walk;
  if (!reaches(p.partyKeys, record.partyKey)) return undefined;
  const party = record.raw.party;
  const name = model.index.partyLabel(party);
  if (party.kind === 'account') return { via: 'account', account: party.id, accountName: name };
  if (party.kind === 'service_organization')
    return { via: 'service_organization', organization: party.id, organizationName: name };
  if (party.kind === 'household') return { via: 'household', household: party.id, householdName: name };
  return { via: 'direct' };
}

function reachText(reach: Reach): string {
  if (reach.via === 'account') return ` (through account ${reach.accountName})`;
  if (reach.via === 'service_organization')
    return ` (through service organization ${reach.organizationName})`;
  if (reach.via === 'household') return ` (through household ${reach.householdName})`;
  return '';
}

function summary(walk: Walk, record: CompiledRecord, source: EntityEntry): RecordSummary {
  const raw = record.raw;
  const type = walk.model.definitions.type(raw.type);
  if (!type) walk.incomplete.push(`record ${raw.id} has unknown relationship type ${raw.type}`);
  return {
    id: raw.id,
    entity: raw.entity,
    entityLabel: source.label,
    party: raw.party,
    partyLabel: walk.model.index.partyLabel(raw.party),
    type: raw.type,
    typeName: type?.name ?? raw.type,
  };
}

/** Configs that could apply to this record and table, and why none does when none does. */
function applicableConfigs(
  walk: Walk,
  record: CompiledRecord,
  source: EntityEntry,
  where: string,
): CompiledConfig[] {
  const { model, e, misses } = walk;
  const responsibility = model.definitions.responsibilities[record.responsibility];
  const name = responsibility?.name ?? record.raw.responsibility ?? '';
  const candidates = model.definitions.configs.filter(
    (c) =>
      c.valid && c.responsibility === record.responsibility && c.source === source.kind && c.table === e.kind,
  );
  const matching = candidates.filter((c) => c.partyKind < 0 || c.partyKind === record.partyKind);
  const active = matching.filter((c) => c.def.active);
  const base = { recordId: record.raw.id };
  if (active.length > 0) return active;
  if (matching.length > 0) {
    for (const c of matching) {
      const reason = `access configuration ${c.def.id} (${name} → ${c.def.table}, ${c.def.level}) is inactive`;
      misses.push({ ...base, code: 'inactive-config', reason });
    }
  } else if (candidates.length > 0) {
    const kinds = [...new Set(candidates.map((c) => partyKindOf(c.partyKind)))].join(', ');
    const reason = `responsibility ${name} grants on ${ENTITY_WORDS[e.ref.kind]} only to ${kinds} parties, not to a ${record.raw.party.kind}`;
    misses.push({ ...base, code: 'party-type-mismatch', reason });
  } else {
    misses.push({
      ...base,
      code: 'no-access-config',
      reason: `responsibility ${name} on ${where} grants nothing on ${ENTITY_WORDS[e.ref.kind]}s`,
    });
  }
  return [];
}

function explainRecord(walk: Walk, record: CompiledRecord, source: EntityEntry, reach: Reach): void {
  const { model, p, e, misses } = walk;
  const where = describe(source);
  const recordSummary = summary(walk, record, source);
  const base = { recordId: record.raw.id };
  const elsewhere = source.index === e.index ? '' : ` (on ${where})`;
  if (record.raw.responsibility === undefined) {
    misses.push({
      ...base,
      code: 'no-responsibility',
      reason: `relationship type ${recordSummary.typeName} carries no responsibility${elsewhere}`,
    });
    return;
  }
  const responsibility = model.definitions.responsibilities[record.responsibility];
  if (!responsibility) {
    misses.push({
      ...base,
      code: 'unknown-responsibility',
      reason: `responsibility ${record.raw.responsibility} on ${where} is not defined`,
    });
    return;
  }
  for (const config of applicableConfigs(walk, record, source, where)) {
    const roles = requiredRoles(model.definitions, p, config, walk.cap);
    const missing = roles.filter((r) => !r.held).map((r) => r.role);
    if (missing.length > 0) {
      const lacks = `lacks role${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
      const reason = `has responsibility ${responsibility.name} on ${where}${reachText(reach)} but ${lacks}`;
      misses.push({ ...base, code: 'missing-role', reason, missingRoles: missing });
      continue;
    }
    let mask = config.mask;
    const blocked = (mask & CREATE) !== 0 && createBlocked(model, p, source.index, e.kind);
    if (blocked) {
      mask &= ~CREATE;
      const reason = `create on ${describe(e)} blocked because contact ${p.name} and ${where} do not share an account`;
      misses.push({ ...base, code: 'create-blocked', reason });
    }
    const granted = normalize(mask & (p.cap[e.kind] ?? 0));
    if (granted !== normalize(mask)) {
      const reason = `access configuration ${config.def.id} grants ${levelOfMask(normalize(mask))} on ${describe(e)} but granular roles (${granularNames(walk.cap)}) cap it to ${levelOfMask(granted)}`;
      misses.push({ ...base, code: 'capped-by-granular', reason });
    }
    if (granted === 0) continue;
    walk.grants.push({
      source: 'related-party',
      record: recordSummary,
      reach,
      ...(source.index === e.index ? {} : { cascade: { from: source.ref, fromLabel: source.label } }),
      responsibility: { id: responsibility.id, name: responsibility.name },
      config: {
        id: config.def.id,
        table: config.def.table,
        level: config.def.level,
        ...(config.def.through ? { through: config.def.through } : {}),
      },
      roles,
      granular: walk.cap,
      createBlocked: blocked,
      level: levelOfMask(granted),
      permissions: PERMISSIONS_BY_MASK[granted] ?? [],
    });
  }
}

/** A record naming a parent account of the principal's account: close, but it does not reach. */
function parentAccountMiss(walk: Walk, record: CompiledRecord, source: EntityEntry): void {
  const { p, model, e } = walk;
  if (!p.isContact || record.raw.party.kind !== 'account' || (record.buckets[e.kind]?.length ?? 0) === 0)
    return;
  const seen = new Set<string>();
  let at = model.index.accounts.get(p.account ?? '')?.parent;
  while (at !== undefined && !seen.has(at)) {
    if (at === record.raw.party.id) {
      const parent = model.index.partyLabel(record.raw.party);
      const child = model.index.partyLabel({ kind: 'account', id: p.account ?? '' });
      const reason = `account ${parent} is named on ${describe(source)}, but a parent account's parties do not reach contacts of its child account ${child}`;
      walk.misses.push({ recordId: record.raw.id, code: 'parent-account', reason });
      return;
    }
    seen.add(at);
    at = model.index.accounts.get(at)?.parent;
  }
}

/** Rule 6 (account default) and global roles. */
function explainDefaults(walk: Walk): void {
  const { model, p, e, misses, grants } = walk;
  const table = e.kind;
  if (table !== CASE && p.isContact && p.account !== undefined && e.account === p.account) {
    const accountName = model.index.partyLabel({ kind: 'account', id: p.account });
    const word = ENTITY_WORDS[e.ref.kind];
    if (!p.accountOpen) {
      const reason = `account ${accountName} restricts contact access: its contacts read its ${word}s only through an authorized related party`;
      misses.push({ code: 'restricted-contact-access', reason });
    } else if ((READ & (p.cap[table] ?? 0)) === 0) {
      const reason = `contacts of account ${accountName} may read its ${word}s, but contact ${p.name} holds no ${word} read granular role`;
      misses.push({ code: 'capped-by-granular', reason });
    } else {
      grants.push({
        source: 'account-default',
        account: p.account,
        accountName,
        granular: walk.cap,
        level: 'read',
        permissions: PERMISSIONS_BY_MASK[READ] ?? [],
      });
    }
  }
  for (const { role, mask } of globalRoles(model.definitions, p, table)) {
    const granted = normalize(mask);
    grants.push({
      source: 'global-role',
      role,
      level: levelOfMask(granted),
      permissions: PERMISSIONS_BY_MASK[granted] ?? [],
    });
  }
}

function accountName(walk: Walk, id: string | undefined): string {
  return id === undefined ? 'no account' : `account ${walk.model.index.partyLabel({ kind: 'account', id })}`;
}

/** The entity's own contact / consumer field naming the principal, if any. */
function ownField(walk: Walk): 'contact' | 'consumer' | undefined {
  const { entities } = walk.model.index;
  if (entities.ownerContact[walk.e.index] === walk.p.index) return 'contact';
  return entities.ownerConsumer[walk.e.index] === walk.p.index ? 'consumer' : undefined;
}

/** How the entity falls within the row's scope, or the reason it does not. */
function scopeMatch(walk: Walk, grant: CompiledPersonaGrant, holds: string): PersonaScopeMatch | string {
  const { model, p, e } = walk;
  const index = model.index;
  const entity = describe(e);
  const word = ENTITY_WORDS[e.ref.kind];
  switch (grant.scope) {
    case ALL:
      return { scope: 'all' };
    case OWN: {
      const field = ownField(walk);
      if (field !== undefined) return { scope: 'own', field };
      return `${holds}, which gives ${p.ref.kind === 'consumer' ? 'a consumer' : 'a contact'} their own ${word}s, but is not the contact or consumer of ${entity}`;
    }
    case ACCOUNT:
    case ACCOUNT_TREE: {
      if (p.account === undefined) return `${holds}, but ${p.ref.kind} ${p.name} belongs to no account`;
      const mine = accountName(walk, p.account);
      if (grant.scope === ACCOUNT) {
        if (e.account === p.account)
          return {
            scope: 'account',
            account: p.account,
            accountName: index.partyLabel({ kind: 'account', id: p.account }),
          };
        return `${holds} of ${mine}, but ${entity} belongs to ${accountName(walk, e.account)}`;
      }
      const path = index.accountTree.path(index.accountIndex(e.account), index.accountIndex(p.account));
      if (e.account !== undefined && path !== undefined) {
        const chain = path.map((a) => index.partyLabel({ kind: 'account', id: index.accountId(a) ?? '' }));
        return {
          scope: 'account_tree',
          account: p.account,
          accountName: index.partyLabel({ kind: 'account', id: p.account }),
          chain,
        };
      }
      return `${holds} of ${mine} and its child accounts, but ${entity} belongs to ${accountName(walk, e.account)}, outside them`;
    }
    case PARTNER:
    default: {
      if (e.kind !== CASE) return `${holds}, which gives partner cases only`;
      const { entities } = index;
      if (entities.partnerContact[e.index] === p.index) return { scope: 'partner', via: 'partner_contact' };
      const account = p.account === undefined ? -1 : index.accountIndex(p.account);
      if (account >= 0 && entities.partnerAccount[e.index] === account)
        return {
          scope: 'partner',
          via: 'partner_account',
          accountName: index.partyLabel({ kind: 'account', id: p.account ?? '' }),
        };
      const asAccount =
        p.account === undefined ? '' : ` nor ${accountName(walk, p.account)} as partner account`;
      return `${holds}, but ${entity} names neither ${p.ref.kind} ${p.name} as partner contact${asAccount}`;
    }
  }
}

/** Persona rows on the entity's table: each one held and in scope is a grant path. */
function explainPersona(walk: Walk): void {
  const { model, p, e, misses, grants } = walk;
  const word = ENTITY_WORDS[e.ref.kind];
  const miss = (m: NearMiss) => {
    if (!misses.some((other) => other.code === m.code && other.reason === m.reason)) misses.push(m);
  };
  for (const grant of model.definitions.personaGrants) {
    if (!grant.valid || grant.table !== e.kind) continue;
    const role = roleHeld(model.definitions, p, grant.def.role);
    const kindOk = grant.principals.has(p.ref.kind);
    if (!role.held) {
      // The owner question ("I am the case's contact, why can I not see it?").
      const field = grant.scope === OWN && kindOk ? ownField(walk) : undefined;
      if (field !== undefined)
        miss({
          code: 'owner-missing-role',
          reason: `is the ${word}'s ${field} but lacks role ${grant.def.role}`,
        });
      continue;
    }
    const holds = `holds ${grant.def.role}`;
    if (!kindOk) {
      const kinds = grant.def.principals.map((k) => (k === 'user' ? 'internal users' : `${k}s`)).join(', ');
      miss({
        code: 'persona-principal-kind',
        reason: `${holds}, but persona grant ${grant.def.id} applies to ${kinds || 'nobody'}, not to a ${p.ref.kind}`,
      });
      continue;
    }
    const match = scopeMatch(walk, grant, holds);
    if (typeof match === 'string') {
      miss({ code: 'persona-out-of-scope', reason: match });
      continue;
    }
    if (grant.def.respectsRestrictContactAccess === true && p.accountRestricted) {
      // The account default already says so when it applies; one sentence is enough.
      if (!misses.some((m) => m.code === 'restricted-contact-access')) {
        miss({
          code: 'restricted-contact-access',
          reason: `${accountName(walk, p.account)} restricts contact access: ${holds}, whose ${word} access (persona grant ${grant.def.id}) is off for its contacts`,
        });
      }
      continue;
    }
    const mask = normalize(grant.mask);
    grants.push({
      source: 'persona',
      grant: {
        id: grant.def.id,
        role: grant.def.role,
        table: entityKindOf(grant.table),
        level: grant.def.level,
        scope: grant.def.scope,
        source: grant.def.source,
        ...(grant.def.note === undefined ? {} : { note: grant.def.note }),
      },
      role,
      match,
      level: levelOfMask(mask),
      permissions: PERMISSIONS_BY_MASK[mask] ?? [],
    });
  }
}

/** Explains the access of a principal to an entity: every granting path and every near miss. */
export function explain(model: Model, principal: PrincipalRef, entity: EntityRef): Explanation {
  const { index } = model;
  const p = index.principals[index.principalIndex(principal)];
  const e = index.entities.entry(index.entityIndex(entity));
  if (!p || !e) {
    const incomplete = [p ? undefined : principal, e ? undefined : entity]
      .filter((ref) => ref !== undefined)
      .map((ref) => `${formatRef(ref)} is not in the facts`);
    return {
      principal,
      principalLabel: p?.name ?? principal.id,
      entity,
      entityLabel: e?.label ?? entity.id,
      level: 'none',
      permissions: [],
      grants: [],
      nearMisses: [],
      incomplete,
    };
  }
  const walk: Walk = {
    model,
    p,
    e,
    cap: granularCap(model.definitions, p, e.kind),
    grants: [],
    misses: [],
    incomplete: [],
  };
  for (const s of index.entities.sources(e.index)) {
    const source = index.entities.entry(s) as EntityEntry;
    for (const record of index.recordsOn(s)) {
      const reach = reachOf(walk, record);
      if (reach) explainRecord(walk, record, source, reach);
      else parentAccountMiss(walk, record, source);
    }
  }
  explainDefaults(walk);
  explainPersona(walk);
  const mask = evaluateMask(model, p.index, e.index, null);
  return {
    principal,
    principalLabel: p.name,
    entity,
    entityLabel: e.label,
    level: levelOfMask(mask),
    permissions: PERMISSIONS_BY_MASK[mask] ?? [],
    grants: walk.grants,
    nearMisses: walk.misses,
    ...(walk.incomplete.length > 0 ? { incomplete: walk.incomplete } : {}),
  };
}
