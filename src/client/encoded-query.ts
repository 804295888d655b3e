/**
 * The encoded-query builder: the only way to build `sysparm_query` (ListOptions.query takes an
 * `EncodedQuery`, never a string). Immutable: every method returns a new query.
 *
 *     q.eq('active', 'true').in('sys_id', ids).or().isEmpty('parent').orderBy('name')
 *
 * Clauses are joined with `^` (AND) unless `.or()` precedes them (`^OR`); as on the server, OR binds
 * tighter than AND (`a^b^ORc` is a AND (b OR c)). Order clauses always come last.
 *
 * Values with `^`, `=`, control characters, unpaired surrogates or Unicode look-alikes of those (and
 * `,` inside IN lists) throw `QueryValueError`: no escape is documented. Empty strings are rejected
 * too (use `isEmpty`). An empty IN / NOT IN list throws `QueryValueError` with reason `'empty-list'`:
 * no clause safely matches nothing, so callers must short-circuit (skip the request, or drop the
 * NOT IN clause) themselves.
 */
import { QueryStructureError, QueryValueError } from './errors.js';
import { assertField, assertSafeValue } from './query-safety.js';

export { QueryFieldError, QueryValueError, QueryStructureError } from './errors.js';

type Joiner = '^' | '^OR';

/** An immutable encoded query; `toString()` gives the `sysparm_query` text. */
export class EncodedQuery {
  /** The query that matches everything (the `q` entry point). */
  static readonly empty = new EncodedQuery([], [], false);

  private constructor(
    /** Condition clauses, each with its joiner already prefixed (except the first). */
    private readonly clauses: readonly string[],
    private readonly order: readonly string[],
    private readonly pendingOr: boolean,
  ) {
    Object.freeze(this);
  }

  /** Number of clauses (conditions and orders); 0 for the query that matches everything. */
  get clauseCount(): number {
    return this.clauses.length + this.order.length;
  }

  /** `field=value` */
  eq(field: string, value: string): EncodedQuery {
    return this.condition(field, '=', assertSafeValue(field, value));
  }

  /** `field!=value` */
  ne(field: string, value: string): EncodedQuery {
    return this.condition(field, '!=', assertSafeValue(field, value));
  }

  /** `fieldINa,b,c`; throws `QueryValueError` ('empty-list') for an empty list. */
  in(field: string, values: readonly string[]): EncodedQuery {
    return this.condition(field, 'IN', listValue(field, values));
  }

  /** `fieldNOT INa,b,c`; throws `QueryValueError` ('empty-list') for an empty list. */
  notIn(field: string, values: readonly string[]): EncodedQuery {
    return this.condition(field, 'NOT IN', listValue(field, values));
  }

  /** `fieldSTARTSWITHvalue` */
  startsWith(field: string, value: string): EncodedQuery {
    return this.condition(field, 'STARTSWITH', assertSafeValue(field, value));
  }

  /** `fieldLIKEvalue`: the field contains `value`. */
  like(field: string, value: string): EncodedQuery {
    return this.condition(field, 'LIKE', assertSafeValue(field, value));
  }

  /** `fieldISEMPTY` */
  isEmpty(field: string): EncodedQuery {
    return this.condition(field, 'ISEMPTY', '');
  }

  /** `fieldISNOTEMPTY` */
  isNotEmpty(field: string): EncodedQuery {
    return this.condition(field, 'ISNOTEMPTY', '');
  }

  /** Explicit AND before the next clause (the default; for readability only). */
  and(): EncodedQuery {
    this.assertJoinable('and');
    return this;
  }

  /** OR between the previous clause and the next one (`^OR`). */
  or(): EncodedQuery {
    this.assertJoinable('or');
    return new EncodedQuery(this.clauses, this.order, true);
  }

  /** `ORDERBYfield` (ascending); order clauses keep the order of the calls. */
  orderBy(field: string): EncodedQuery {
    return this.ordered(`ORDERBY${assertField(field)}`);
  }

  /** `ORDERBYDESCfield` */
  orderByDesc(field: string): EncodedQuery {
    return this.ordered(`ORDERBYDESC${assertField(field)}`);
  }

  /** The `sysparm_query` text. Throws `QueryStructureError` after a dangling `.or()`. */
  toString(): string {
    if (this.pendingOr) throw new QueryStructureError('.or() must be followed by a condition');
    return [this.clauses.join(''), ...this.order].filter((part) => part !== '').join('^');
  }

  private condition(field: string, operator: string, value: string): EncodedQuery {
    const clause = `${assertField(field)}${operator}${value}`;
    const joiner: Joiner | '' = this.clauses.length === 0 ? '' : this.pendingOr ? '^OR' : '^';
    return new EncodedQuery([...this.clauses, joiner + clause], this.order, false);
  }

  private ordered(clause: string): EncodedQuery {
    if (this.pendingOr) throw new QueryStructureError('.or() must be followed by a condition, not an order');
    return new EncodedQuery(this.clauses, [...this.order, clause], false);
  }

  private assertJoinable(method: string): void {
    if (this.clauses.length === 0) throw new QueryStructureError(`.${method}() needs a condition before it`);
    if (this.pendingOr) throw new QueryStructureError(`.${method}() cannot follow .or()`);
  }
}

function listValue(field: string, values: readonly string[]): string {
  if (values.length === 0) throw new QueryValueError(field, '', 'empty-list');
  return values.map((value) => assertSafeValue(field, value, true)).join(',');
}

/** The builder's entry point: `q.eq('name', 'Ana').orderBy('name')`. */
export const q: EncodedQuery = EncodedQuery.empty;
