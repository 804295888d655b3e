/**
 * Localised words of the domain's enumerations (levels, permissions, party and entity kinds), shared
 * by every element so that no raw value (`write`, `sold_product`) reaches the screen.
 */
import { msg } from '@lit/localize';
import type { AccessLevel, EntityKind, PartyKind, Permission } from '../../src/model/kinds.js';

/** An access level as a word ("read", "write"). */
export function levelLabel(level: AccessLevel): string {
  const labels: Record<AccessLevel, string> = {
    none: msg('none'),
    read: msg('read'),
    write: msg('write'),
    full: msg('full'),
  };
  return labels[level];
}

/** A permission as a word ("read", "create"). */
export function permissionLabel(permission: Permission): string {
  const labels: Record<Permission, string> = {
    read: msg('read'),
    write: msg('write'),
    create: msg('create'),
  };
  return labels[permission];
}

/** Permissions as a comma-separated list of words ("read, write"). */
export function permissionList(permissions: readonly Permission[]): string {
  return permissions.map(permissionLabel).join(', ');
}

/** The kind of a party, as a column value or option ("Contact", "Service organization"). */
export function partyKindLabel(kind: PartyKind): string {
  const labels: Record<PartyKind, string> = {
    contact: msg('Contact'),
    consumer: msg('Consumer'),
    user: msg('User'),
    account: msg('Account'),
    service_organization: msg('Service organization'),
    household: msg('Household'),
  };
  return labels[kind] ?? kind;
}

/** The kind of a party inside a sentence ("contact", "service organization"). */
export function partyKindWord(kind: PartyKind): string {
  const words: Record<PartyKind, string> = {
    contact: msg('contact'),
    consumer: msg('consumer'),
    user: msg('user'),
    account: msg('account'),
    service_organization: msg('service organization'),
    household: msg('household'),
  };
  return words[kind] ?? kind;
}

/** The kind of an entity inside a sentence ("case", "install base item"). */
export function entityWord(kind: EntityKind): string {
  const words: Record<EntityKind, string> = {
    case: msg('case'),
    sold_product: msg('sold product'),
    install_base: msg('install base item'),
  };
  return words[kind] ?? kind;
}
