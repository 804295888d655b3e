/** System values as the platform writes them: sys_ids and glide date-times. */

const SYS_ID = /^[0-9a-f]{32}$/;

/** True for a well-formed sys_id (32 lowercase hex characters). */
export function isSysId(value: string): boolean {
  return SYS_ID.test(value);
}

/** A random sys_id from the platform's crypto source. */
export function randomSysId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Formats a date as a glide date-time in UTC: `YYYY-MM-DD HH:MM:SS`. */
export function glideDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}
