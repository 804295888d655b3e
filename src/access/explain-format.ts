import type { AccessLevel, EntityKind, Permission } from '../model/index.js';
import type { Explanation, GrantPath, PersonaPath, Reach, RelatedPartyPath, RoleHeld } from './types.js';

const WORDS: Readonly<Record<EntityKind, string>> = {
  case: 'case',
  sold_product: 'sold product',
  install_base: 'install base item',
};

/** `case_write_granular` for `sn_customerservice.case_write_granular`, as the DESIGN example writes it. */
function short(role: string): string {
  return role.slice(role.lastIndexOf('.') + 1);
}

function levelText(level: AccessLevel, permissions: readonly Permission[]): string {
  return level === 'none' ? 'none' : `${level} (${permissions.join(', ')})`;
}

function heldText(role: RoleHeld): string {
  if (!role.held) return `requires role ${role.role} — missing ✗`;
  const via = role.via.length > 1 ? ` (through ${role.via.slice(0, -1).join(' → ')})` : '';
  return `requires role ${role.role} — held ✓${via}`;
}

function reachText(reach: Reach): string {
  if (reach.via === 'account') return ` → contact of account ${reach.accountName}`;
  if (reach.via === 'service_organization')
    return ` → member of service organization ${reach.organizationName}`;
  if (reach.via === 'household') return ` → member of household ${reach.householdName}`;
  return '';
}

/** Containment chains of a required role, keeping only the longest (a prefix says nothing more). */
function containmentChains(role: RoleHeld): readonly (readonly string[])[] {
  const chains = role.contains ?? [];
  return chains.filter(
    (chain) =>
      !chains.some((other) => other.length > chain.length && chain.every((name, i) => other[i] === name)),
  );
}

function relatedPartyLines(principal: string, path: RelatedPartyPath): string[] {
  const { record } = path;
  const cascade = path.cascade ? ` → cascades to this ${WORDS[path.config.table]}` : '';
  const lines = [
    `${principal}${reachText(path.reach)} → party record #${record.id} on ${WORDS[record.entity.kind]} ${record.entityLabel} (type "${record.typeName}")${cascade}`,
    `  → responsibility "${path.responsibility.name}" → access config: ${path.config.table}${path.config.through ? ` through ${path.config.through}` : ''}, ${path.config.level}`,
  ];
  for (const role of path.roles) {
    lines.push(`  → ${heldText(role)}`);
    for (const chain of containmentChains(role)) {
      lines.push(`  → ${chain.map((name) => `contains ${short(name)}`).join(' → ')}`);
    }
  }
  lines.push(
    `  → granular roles on ${WORDS[path.granular.table]} allow ${path.granular.level}${path.createBlocked ? '; create blocked (no shared account)' : ''} ⇒ ${levelText(path.level, path.permissions)}`,
  );
  return lines;
}

/** What a persona row reaches, e.g. "every case of account Acme". */
export function personaScopeText(path: PersonaPath, entity: string): string {
  const word = WORDS[path.grant.table];
  const match = path.match;
  switch (match.scope) {
    case 'own':
      return `is the ${match.field} of ${entity}`;
    case 'account':
      return `every ${word} of account ${match.accountName}`;
    case 'account_tree':
      return `every ${word} of account ${match.accountName} and its child accounts (${match.chain.join(' → ')})`;
    case 'partner':
      return match.via === 'partner_contact'
        ? `every ${word} naming them as partner contact`
        : `every ${word} naming account ${match.accountName ?? ''} as partner`;
    case 'all':
      return `every ${word}`;
  }
}

function personaLines(principal: string, path: PersonaPath, entity: string): string[] {
  const via = path.role.via.length > 1 ? ` (through ${path.role.via.slice(0, -1).join(' → ')})` : '';
  return [
    `${principal} → holds ${path.role.role}${via} → ${personaScopeText(path, entity)}`,
    `  → persona grant ${path.grant.id} (${path.grant.source}): ${WORDS[path.grant.table]}, ${path.grant.scope}, ${path.grant.level} ⇒ ${levelText(path.level, path.permissions)}`,
  ];
}

function pathLines(principal: string, path: GrantPath, entity: string): string[] {
  switch (path.source) {
    case 'related-party':
      return relatedPartyLines(principal, path);
    case 'owner':
      return [
        `${principal} → is the ${path.field} of ${entity}`,
        `  → ${heldText(path.role)} ⇒ ${levelText(path.level, path.permissions)}`,
      ];
    case 'account-default':
      return [
        `${principal} → contact of account ${path.accountName}, which owns ${entity} and does not restrict contact access`,
        `  → granular roles on ${WORDS[path.granular.table]} allow ${path.granular.level} ⇒ ${levelText(path.level, path.permissions)}`,
      ];
    case 'global-role':
      return [
        `${principal} → global role ${path.role.role}`,
        `  → ${heldText(path.role)} ⇒ ${levelText(path.level, path.permissions)}`,
      ];
    case 'persona':
      return personaLines(principal, path, entity);
  }
}

/** An explanation as an indented text tree (CLI output, test failure messages). */
export function formatExplanation(explanation: Explanation): string {
  const principal = `${explanation.principal.kind} ${explanation.principalLabel}`;
  const entity = `${WORDS[explanation.entity.kind]} ${explanation.entityLabel}`;
  const lines = [`${principal} → ${entity}: ${levelText(explanation.level, explanation.permissions)}`];
  for (const path of explanation.grants) {
    for (const line of pathLines(principal, path, entity)) lines.push(`  ${line}`);
  }
  if (explanation.grants.length === 0) lines.push('  no path grants access');
  if (explanation.nearMisses.length > 0) {
    lines.push('  near misses:');
    for (const miss of explanation.nearMisses) lines.push(`    ✗ ${miss.reason}`);
  }
  for (const note of explanation.incomplete ?? []) lines.push(`  ? ${note}`);
  return lines.join('\n');
}
