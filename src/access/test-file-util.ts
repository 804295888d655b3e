import type { ResponsibilityDef } from '../model/index.js';

/** Finds a definition by id, else by name (case-insensitive); reports an ambiguous name. */
export type Lookup = (text: string) => { id: string } | { error: string };

/** A lookup of responsibility definitions by id or name. */
export function responsibilityLookup(responsibilities: readonly ResponsibilityDef[]): Lookup {
  const ids = new Set(responsibilities.map((r) => r.id));
  return (text) => {
    if (ids.has(text)) return { id: text };
    const named = responsibilities.filter((r) => r.name.toLowerCase() === text.toLowerCase());
    if (named.length === 1 && named[0]) return { id: named[0].id };
    return named.length === 0
      ? { error: `unknown responsibility "${text}"` }
      : {
          error: `responsibility name "${text}" is ambiguous (${named.map((r) => r.id).join(', ')}); use an id`,
        };
  };
}

/** A copy without the keys whose value is undefined (parsed values compare equal to exported ones). */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Node {
  readonly value: unknown;
  readonly key?: string | number;
  readonly parent?: Node;
}

function placeOf(node: Node): (string | number)[] {
  const place: (string | number)[] = [];
  for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) place.unshift(at.key);
  return place;
}

/** The place of the first key anywhere in a JSON value that could pollute a prototype, if any. */
export function findForbiddenKey(value: unknown): (string | number)[] | undefined {
  // Iterative, so a deeply nested document cannot overflow the stack; nodes link to their parent
  // (the place is built only for a hit), so 100,000 levels cost linear, not quadratic, time.
  const stack: Node[] = [{ value }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const node = item;
    if (Array.isArray(node.value)) {
      node.value.forEach((child: unknown, i) => stack.push({ value: child, key: i, parent: node }));
    } else if (node.value !== null && typeof node.value === 'object') {
      for (const [key, child] of Object.entries(node.value)) {
        if (FORBIDDEN_KEYS.has(key)) return [...placeOf(node), key];
        stack.push({ value: child, key, parent: node });
      }
    }
  }
  return undefined;
}
