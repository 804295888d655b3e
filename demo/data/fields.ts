/** Reading Table API rows (read with `displayValue: 'all'`) into the demo's plain records. */
import type { Row } from '../../src/client/types.js';

/** A reference with its display value. */
export interface Named {
  readonly id: string;
  readonly name: string;
}

/** The display text of a field ('' when absent or empty). */
export function text(row: Row, column: string): string {
  const field = row[column];
  return field?.display ?? field?.value ?? '';
}

/** The raw value of a field ('' when absent). */
export function value(row: Row, column: string): string {
  return row[column]?.value ?? '';
}

/** A reference field as id + name; undefined when empty or not readable. */
export function named(row: Row, column: string): Named | undefined {
  const field = row[column];
  if (!field || field.value === '') return undefined;
  return { id: field.value, name: field.display || field.value };
}

/** `awaiting_info` → `Awaiting info`. */
export function humanize(choice: string): string {
  const words = choice.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
