import { formatRef, type EntityRef, type PrincipalRef } from '../model/index.js';
import type { CompiledConfig } from './compiled-definitions.js';
import { createBlocked, evaluateMask, reaches, type Model } from './evaluate.js';
import { formatNearMiss } from './explain-format.js';
import { globalRoles, granularCap, requiredRoles, roleHeld } from './explain-roles.js';
import type { EntityEntry } from './entity-index.js';
import type { CompiledRecord } from './facts-index.js';
import { CASE, entityKindOf, partyKindOf } from './kinds-index.js';
import { CREATE, PERMISSIONS_BY_MASK, READ, levelOfMask, normalize } from './levels.js';
import { ACCOUNT, ACCOUNT_TREE, ALL, OWN, PARTNER, type CompiledPersonaGrant } from './persona.js';
import type { PrincipalEntry } from './principals.js';
import type {
  EntityMention,
  Explanation,
  GranularCap,
  GrantPath,
  NearMiss,
  NearMissDetail,
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

function mention(entity: EntityEntry): EntityMention {
  return { kind: entity.ref.kind, label: entity.label };
}

/** A near miss from its data; the sentence is written by the one English formatter. */
function nearMiss(detail: NearMissDetail, extra: { readonly recordId?: string } = {}): NearMiss {
  return {
    ...extra,
    code: detail.code,
    reason: formatNearMiss(detail),
    detail,
    ...(detail.code === 'missing-role' ? { missingRoles: detail.missingRoles } : {}),
  };
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
function applicableConfigs(walk: Walk, record: CompiledRecord, source: EntityEntry): CompiledConfig[] {
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
      const detail = {
        code: 'inactive-config',
        config: c.def.id,
        responsibility: name,
        table: c.def.table,
        level: c.def.level,
      } as const;
      misses.push(nearMiss(detail, base));
    }
  } else if (candidates.length > 0) {
    const partyKinds = [...new Set(candidates.map((c) => partyKindOf(c.partyKind)))];
    misses.push(
      nearMiss(
        {
          code: 'party-type-mismatch',
          responsibility: name,
          table: e.ref.kind,
          partyKinds,
          partyKind: record.raw.party.kind,
        },
        base,
      ),
    );
  } else {
    misses.push(
      nearMiss(
        { code: 'no-access-config', responsibility: name, on: mention(source), table: e.ref.kind },
        base,
      ),
    );
  }
  return [];
}

function explainRecord(walk: Walk, record: CompiledRecord, source: EntityEntry, reach: Reach): void {
  const { model, p, e, misses } = walk;
  const on = mention(source);
  const recordSummary = summary(walk, record, source);
  const base = { recordId: record.raw.id };
  if (record.raw.responsibility === undefined) {
    const elsewhere = source.index === e.index ? {} : { on };
    misses.push(
      nearMiss({ code: 'no-responsibility', typeName: recordSummary.typeName, ...elsewhere }, base),
    );
    return;
  }
  const responsibility = model.definitions.responsibilities[record.responsibility];
  if (!responsibility) {
    misses.push(
      nearMiss({ code: 'unknown-responsibility', responsibility: record.raw.responsibility, on }, base),
    );
    return;
  }
  for (const config of applicableConfigs(walk, record, source)) {
    const roles = requiredRoles(model.definitions, p, config, walk.cap);
    const missing = roles.filter((r) => !r.held).map((r) => r.role);
    if (missing.length > 0) {
      const detail = {
        code: 'missing-role',
        responsibility: responsibility.name,
        on,
        reach,
        missingRoles: missing,
      } as const;
      misses.push(nearMiss(detail, base));
      continue;
    }
    let mask = config.mask;
    const blocked = (mask & CREATE) !== 0 && createBlocked(model, p, source.index, e.kind);
    if (blocked) {
      mask &= ~CREATE;
      misses.push(nearMiss({ code: 'create-blocked', entity: mention(e), contact: p.name, on }, base));
    }
    const granted = normalize(mask & (p.cap[e.kind] ?? 0));
    if (granted !== normalize(mask)) {
      const detail = {
        code: 'capped-by-granular',
        via: 'config',
        config: config.def.id,
        entity: mention(e),
        level: levelOfMask(normalize(mask)),
        granular: walk.cap.roles.map((r) => r.role),
        capped: levelOfMask(granted),
      } as const;
      misses.push(nearMiss(detail, base));
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
      walk.misses.push(
        nearMiss({ code: 'parent-account', parent, on: mention(source), child }, { recordId: record.raw.id }),
      );
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
    if (!p.accountOpen) {
      misses.push(
        nearMiss({
          code: 'restricted-contact-access',
          via: 'account-default',
          account: accountName,
          table: e.ref.kind,
        }),
      );
    } else if ((READ & (p.cap[table] ?? 0)) === 0) {
      misses.push(
        nearMiss({
          code: 'capped-by-granular',
          via: 'account-default',
          account: accountName,
          table: e.ref.kind,
          contact: p.name,
        }),
      );
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

/** Display name of an account, or undefined for none. */
function accountLabel(walk: Walk, id: string | undefined): string | undefined {
  return id === undefined ? undefined : walk.model.index.partyLabel({ kind: 'account', id });
}

/** The entity's own contact / consumer field naming the principal, if any. */
function ownField(walk: Walk): 'contact' | 'consumer' | undefined {
  const { entities } = walk.model.index;
  if (entities.ownerContact[walk.e.index] === walk.p.index) return 'contact';
  return entities.ownerConsumer[walk.e.index] === walk.p.index ? 'consumer' : undefined;
}

type OutOfScope = Extract<NearMissDetail, { code: 'persona-out-of-scope' }>;

/** How the entity falls within the row's scope, or the near miss saying why it does not. */
function scopeMatch(walk: Walk, grant: CompiledPersonaGrant): PersonaScopeMatch | OutOfScope {
  const { model, p, e } = walk;
  const index = model.index;
  const miss: OutOfScope = {
    code: 'persona-out-of-scope',
    role: grant.def.role,
    scope: grant.def.scope,
    entity: mention(e),
    principal: { kind: p.ref.kind, name: p.name },
    ...(p.account === undefined ? {} : { principalAccount: accountLabel(walk, p.account) }),
    ...(e.account === undefined ? {} : { entityAccount: accountLabel(walk, e.account) }),
  };
  switch (grant.scope) {
    case ALL:
      return { scope: 'all' };
    case OWN: {
      const field = ownField(walk);
      return field === undefined ? miss : { scope: 'own', field };
    }
    case ACCOUNT:
      if (p.account === undefined || e.account !== p.account) return miss;
      return {
        scope: 'account',
        account: p.account,
        accountName: accountLabel(walk, p.account) ?? p.account,
      };
    case ACCOUNT_TREE: {
      if (p.account === undefined || e.account === undefined) return miss;
      const path = index.accountTree.path(index.accountIndex(e.account), index.accountIndex(p.account));
      if (path === undefined) return miss;
      return {
        scope: 'account_tree',
        account: p.account,
        accountName: accountLabel(walk, p.account) ?? p.account,
        chain: path.map((a) => index.partyLabel({ kind: 'account', id: index.accountId(a) ?? '' })),
      };
    }
    case PARTNER:
    default: {
      if (e.kind !== CASE) return miss;
      const { entities } = index;
      if (entities.partnerContact[e.index] === p.index) return { scope: 'partner', via: 'partner_contact' };
      const account = p.account === undefined ? -1 : index.accountIndex(p.account);
      if (account >= 0 && entities.partnerAccount[e.index] === account)
        return { scope: 'partner', via: 'partner_account', accountName: accountLabel(walk, p.account) ?? '' };
      return miss;
    }
  }
}

/** Persona rows on the entity's table: each one held and in scope is a grant path. */
function explainPersona(walk: Walk): void {
  const { model, p, e, misses, grants } = walk;
  const miss = (detail: NearMissDetail) => {
    const m = nearMiss(detail);
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
        miss({ code: 'owner-missing-role', table: e.ref.kind, field, role: grant.def.role });
      continue;
    }
    if (!kindOk) {
      miss({
        code: 'persona-principal-kind',
        role: grant.def.role,
        grant: grant.def.id,
        kinds: grant.def.principals,
        principalKind: p.ref.kind,
      });
      continue;
    }
    const match = scopeMatch(walk, grant);
    if ('code' in match) {
      miss(match);
      continue;
    }
    if (grant.def.respectsRestrictContactAccess === true && p.accountRestricted) {
      // The account default already says so when it applies; one sentence is enough.
      if (!misses.some((m) => m.code === 'restricted-contact-access')) {
        miss({
          code: 'restricted-contact-access',
          via: 'persona',
          account: accountLabel(walk, p.account) ?? '',
          role: grant.def.role,
          grant: grant.def.id,
          table: e.ref.kind,
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
