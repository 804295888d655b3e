/**
 * Response validation (valibot) and normalisation of Table API bodies to `Row`s. A body of the
 * wrong shape becomes a `ResponseFormatError` naming the path (`result[3].name`); a field that is
 * `null` or missing is absent from the row, never a crash.
 */
import * as v from 'valibot';
import { ResponseFormatError } from './errors.js';
import type { FieldValue, Row } from './types.js';

const Text = v.nullish(v.string());
/** `{value, link}` (reference), `{display_value, value, link?}` (display_value=all), `{display_value, link}` (=true). */
const FieldObject = v.looseObject({ value: Text, display_value: Text, link: v.nullish(v.string()) });
const Field = v.nullish(v.union([v.string(), FieldObject]));
const RawRecord = v.record(v.string(), Field);

/** `{result: Record[]}` */
export const ListBody = v.looseObject({ result: v.array(RawRecord) });
/** `{result: Record}` */
export const SingleBody = v.looseObject({ result: RawRecord });
/** `{error: {message, detail}, status: 'failure'}` */
export const ErrorBody = v.looseObject({
  error: v.looseObject({ message: Text, detail: Text }),
  status: v.optional(v.string()),
});

type RawField = v.InferOutput<typeof Field>;
export type RawRecord = v.InferOutput<typeof RawRecord>;

/** What `sysparm_display_value` was: decides what a plain string means. */
export type DisplayMode = boolean | 'all';

/** Validates `body` against `schema` or throws a `ResponseFormatError` naming the first bad path. */
export function parseBody<TSchema extends v.GenericSchema>(
  schema: TSchema,
  body: unknown,
  context: { readonly what: string; readonly status: number },
): v.InferOutput<TSchema> {
  const parsed = v.safeParse(schema, body);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const path = formatPath(issue.path);
  throw new ResponseFormatError(
    `unexpected response from ${context.what} (status ${context.status}): at ${path}: ${issue.message}`,
    { status: context.status, path },
  );
}

/** Normalises one wire record; null and missing fields stay absent. */
export function toRow(record: RawRecord, mode: DisplayMode = false): Row {
  const row: Record<string, FieldValue> = {};
  for (const [name, raw] of Object.entries(record)) {
    const field = toField(raw, mode);
    if (field) row[name] = field;
  }
  return Object.freeze(row);
}

/**
 * With `sysparm_display_value=true` the server sends display values only: `value` then holds the
 * display value too (ask for `'all'` to get both).
 */
function toField(raw: RawField, mode: DisplayMode): FieldValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'string') return mode === true ? { value: raw, display: raw } : { value: raw };
  const display = raw.display_value ?? undefined;
  const value = raw.value ?? (mode === true ? display : undefined);
  if (value === undefined) return undefined;
  const link = raw.link ?? undefined;
  return {
    value,
    ...(display !== undefined ? { display } : {}),
    ...(link !== undefined ? { link } : {}),
  };
}

function formatPath(path: readonly v.IssuePathItem[] | undefined): string {
  if (!path || path.length === 0) return 'the top level';
  let text = '';
  for (const item of path) {
    const key = item.key;
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text ? `.${key}` : key;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}
