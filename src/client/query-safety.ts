/**
 * What may appear in an encoded query. The Table API documents no escape for `^` (clause
 * separator) or `=` inside values, so unsafe values are rejected, never "escaped". Look-alikes are
 * rejected too: some servers and proxies normalise Unicode (NFKC) and would turn U+FF3E into `^`.
 */
import { QueryFieldError, QueryValueError, type QueryValueReason } from './errors.js';

/** An identifier, dot-walked at most twice (the platform's recommended limit: three levels). */
const FIELD = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*){0,2}$/;
const TABLE = /^[a-z_][a-z0-9_]*$/;
const SYS_ID = /^[0-9a-f]{32}$/i;
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Carets and equals signs that NFKC does not fold but that look (and may be treated) the same. */
const LOOK_ALIKES = new Set([
  0x02c4, // MODIFIER LETTER UP ARROWHEAD
  0x02c6, // MODIFIER LETTER CIRCUMFLEX ACCENT
  0x2038, // CARET
  0x2303, // UP ARROWHEAD
  0xa78a, // MODIFIER LETTER SHORT EQUALS SIGN
]);

/** C0, DEL, C1 and the Unicode line/paragraph separators. */
function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/** The reason a value is unsafe, or undefined when it is safe. `inList`: also reject commas. */
export function unsafeValueReason(value: string, inList = false): QueryValueReason | undefined {
  if (value === '') return 'empty';
  if (UNPAIRED_SURROGATE.test(value)) return 'unpaired-surrogate';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (isControl(code)) return 'control-character';
    if (char === '^') return 'caret';
    if (char === '=') return 'equals';
    if (inList && char === ',') return 'comma-in-list';
    if (LOOK_ALIKES.has(code)) return 'look-alike';
  }
  // Fullwidth ＾ ＝ ，, small ﹦ ﹐, super/subscript ⁼ ₌ …: anything that folds into a separator.
  const folded = value.normalize('NFKC');
  if (folded !== value && unsafeValueReason(folded, inList) !== undefined) return 'look-alike';
  return undefined;
}

/** Throws `QueryValueError` unless `value` is safe inside a query clause on `field`. */
export function assertSafeValue(field: string, value: string, inList = false): string {
  if (typeof value !== 'string') throw new QueryValueError(field, String(value), 'not-a-string');
  const reason = unsafeValueReason(value, inList);
  if (reason) throw new QueryValueError(field, value, reason);
  return value;
}

/** Throws `QueryFieldError` unless `field` is a lowercase identifier dot-walked at most twice (`a.b.c`). */
export function assertField(field: string): string {
  if (typeof field !== 'string' || !FIELD.test(field)) throw new QueryFieldError(String(field));
  return field;
}

/** Throws `QueryFieldError` unless `table` is a plain table name (it becomes a URL path segment). */
export function assertTable(table: string): string {
  if (typeof table !== 'string' || !TABLE.test(table)) throw new QueryFieldError(String(table), 'table');
  return table;
}

/** Throws `QueryValueError` unless `sysId` is 32 hex characters (it becomes a URL path segment). */
export function assertSysId(sysId: string): string {
  if (typeof sysId !== 'string' || !SYS_ID.test(sysId)) {
    throw new QueryValueError('sys_id', String(sysId), 'not-a-sys-id');
  }
  return sysId;
}
