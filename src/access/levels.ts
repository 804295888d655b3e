import type { AccessLevel, Permission } from '../model/index.js';
import type { AccessResult } from './types.js';

/**
 * Permissions as a 3-bit mask (read 1, write 2, create 4): paths combine by OR, caps by AND, and
 * the eight possible answers are preallocated so `check` allocates nothing.
 */
export const READ = 1;
export const WRITE = 2;
export const CREATE = 4;
export const ALL = READ | WRITE | CREATE;

const LEVEL_MASKS: Readonly<Record<AccessLevel, number>> = {
  none: 0,
  read: READ,
  write: READ | WRITE,
  full: ALL,
};

/** The mask a level stands for. */
export function maskOfLevel(level: AccessLevel): number {
  return LEVEL_MASKS[level];
}

/** The mask of one permission. */
export function maskOfPermission(permission: Permission): number {
  return permission === 'read' ? READ : permission === 'write' ? WRITE : CREATE;
}

/**
 * Write or create without read is unusable (one cannot change a record one cannot see), so either
 * implies read.
 */
export function normalize(mask: number): number {
  return mask === 0 ? 0 : mask | READ;
}

/** The highest level whose permissions are all in the (normalized) mask. */
export function levelOfMask(mask: number): AccessLevel {
  if ((mask & READ) === 0) return 'none';
  if ((mask & WRITE) === 0) return 'read';
  return (mask & CREATE) === 0 ? 'write' : 'full';
}

function permissionsOf(mask: number): readonly Permission[] {
  const list: Permission[] = [];
  if (mask & READ) list.push('read');
  if (mask & WRITE) list.push('write');
  if (mask & CREATE) list.push('create');
  return Object.freeze(list);
}

/** Frozen permission lists by mask. */
export const PERMISSIONS_BY_MASK: readonly (readonly Permission[])[] = Object.freeze(
  Array.from({ length: 8 }, (_, mask) => permissionsOf(mask)),
);

/** Frozen `check` answers by normalized mask. */
export const RESULTS_BY_MASK: readonly AccessResult[] = Object.freeze(
  Array.from({ length: 8 }, (_, mask) =>
    Object.freeze({ level: levelOfMask(mask), permissions: PERMISSIONS_BY_MASK[mask] ?? [] }),
  ),
);

const RANK: Readonly<Record<AccessLevel, number>> = { none: 0, read: 1, write: 2, full: 3 };

/** Numeric rank of a level (none 0 … full 3). */
export function rankOf(level: AccessLevel): number {
  return RANK[level];
}
