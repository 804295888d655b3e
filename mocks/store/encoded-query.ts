/**
 * Parser of the platform's encoded queries (`sysparm_query`): `^` AND, `^OR` (or-ed with the
 * condition before it), `^NQ` (a new query, or-ed with the previous ones), `ORDERBY` /
 * `ORDERBYDESC`, and conditions `field` `operator` `value` where field may dot-walk
 * (`account.name=Acme`). Evaluation against a store lives in query-eval.ts.
 *
 * An unknown operator is an error (`QueryParseError`, answered 400). An unknown field is not
 * decided here: the evaluator ignores such a condition, as the platform does by default.
 * There is no escape for `^` inside a value (the platform documents none; our client rejects it).
 */

/** Operators, longest spelling first so prefixes do not shadow them (`!=` before `=`). */
export const OPERATORS = [
  'ISNOTEMPTY',
  'ISEMPTY',
  'NOT LIKE',
  'NOT IN',
  'STARTSWITH',
  'ENDSWITH',
  'LIKE',
  'IN',
  '!=',
  '>=',
  '<=',
  '=',
  '>',
  '<',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** Operators that take no value. */
const UNARY: ReadonlySet<Operator> = new Set(['ISEMPTY', 'ISNOTEMPTY']);

export interface Condition {
  /** Column name, or a dot-walk path (`account.name`). */
  readonly field: string;
  readonly operator: Operator;
  readonly value: string;
}

/** Conditions joined by `^OR`: true when any is. */
export type OrClause = readonly Condition[];

/** Clauses joined by `^`: true when all are. */
export type AndGroup = readonly OrClause[];

export interface OrderBy {
  readonly field: string;
  readonly descending: boolean;
}

export interface EncodedQuery {
  /** Queries separated by `^NQ`: a record matches when any group does. Empty: every record. */
  readonly groups: readonly AndGroup[];
  readonly orderBy: readonly OrderBy[];
}

/** The query could not be parsed (unknown operator, missing field). */
export class QueryParseError extends Error {
  override readonly name = 'QueryParseError';
}

const FIELD = /^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*/;

/** Parses one condition such as `nameSTARTSWITHAc` or `state!=closed`. */
export function parseCondition(text: string): Condition {
  const field = FIELD.exec(text)?.[0];
  if (!field) throw new QueryParseError(`Invalid condition "${text}": no field name`);
  const rest = text.slice(field.length);
  const operator = OPERATORS.find((op) => rest.startsWith(op));
  if (!operator) throw new QueryParseError(`Unknown operator in "${text}"`);
  const value = rest.slice(operator.length);
  if (UNARY.has(operator) && value !== '') {
    throw new QueryParseError(`Operator ${operator} takes no value in "${text}"`);
  }
  return { field, operator, value };
}

/** Parses a whole encoded query. */
export function parseEncodedQuery(text: string): EncodedQuery {
  const groups: OrClause[][] = [[]];
  const orderBy: OrderBy[] = [];
  for (const raw of text.split('^')) {
    let token = raw;
    if (token.startsWith('NQ')) {
      groups.push([]);
      token = token.slice(2);
    }
    const group = groups[groups.length - 1] as OrClause[];
    if (token === '' || token === 'EQ' || token.startsWith('GROUPBY')) continue;
    if (token.startsWith('ORDERBYDESC')) orderBy.push(orderField(token.slice(11), true));
    else if (token.startsWith('ORDERBY')) orderBy.push(orderField(token.slice(7), false));
    else if (token.startsWith('OR') && group.length > 0) {
      const last = group.pop() as OrClause;
      group.push([...last, parseCondition(token.slice(2))]);
    } else group.push([parseCondition(token.startsWith('OR') ? token.slice(2) : token)]);
  }
  return { groups: groups.filter((g) => g.length > 0), orderBy };
}

function orderField(field: string, descending: boolean): OrderBy {
  if (!FIELD.test(field) || FIELD.exec(field)?.[0] !== field) {
    throw new QueryParseError(`Invalid ORDERBY field "${field}"`);
  }
  return { field, descending };
}
