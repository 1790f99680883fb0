import { formatIntacctDate, formatIntacctTimestamp } from '../core/time.ts';
import { el, type XmlElement } from './xml.ts';

/**
 * A small filter AST compiled to both forms Intacct takes: the readByQuery query string and the
 * `query` function's filter XML. Values are typed so dates and timestamps are written as Intacct
 * wants them, in the company time zone.
 */
export type FilterValue =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: string }
  | { readonly type: 'date'; readonly value: string } // ISO YYYY-MM-DD
  | { readonly type: 'timestamp'; readonly value: number } // UTC epoch ms
  | { readonly type: 'boolean'; readonly value: boolean };

export const COMPARISON_OPS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

export type Filter =
  | { readonly op: 'and' | 'or'; readonly filters: readonly Filter[] }
  | { readonly op: 'not'; readonly filter: Filter }
  | { readonly op: ComparisonOp; readonly field: string; readonly value: FilterValue }
  | { readonly op: 'in' | 'notin'; readonly field: string; readonly values: readonly FilterValue[] }
  | { readonly op: 'like' | 'notlike'; readonly field: string; readonly pattern: string }
  | { readonly op: 'isnull' | 'isnotnull'; readonly field: string }
  | { readonly op: 'between'; readonly field: string; readonly low: FilterValue; readonly high: FilterValue };

/** Value constructors. */
export const v = {
  str: (value: string): FilterValue => ({ type: 'string', value }),
  num: (value: string | number | bigint): FilterValue => {
    const text = String(value);
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError(`not a number: ${text}`);
    return { type: 'number', value: text };
  },
  date: (isoDate: string): FilterValue => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`not an ISO date: ${isoDate}`);
    return { type: 'date', value: isoDate };
  },
  ts: (epochMs: number): FilterValue => ({ type: 'timestamp', value: epochMs }),
  bool: (value: boolean): FilterValue => ({ type: 'boolean', value }),
};

const lift = (x: FilterValue | string): FilterValue => (typeof x === 'string' ? v.str(x) : x);

/** Filter constructors; bare strings are string values. */
export const f = {
  and: (...filters: Filter[]): Filter => ({ op: 'and', filters }),
  or: (...filters: Filter[]): Filter => ({ op: 'or', filters }),
  not: (filter: Filter): Filter => ({ op: 'not', filter }),
  eq: (field: string, value: FilterValue | string): Filter => ({ op: 'eq', field, value: lift(value) }),
  ne: (field: string, value: FilterValue | string): Filter => ({ op: 'ne', field, value: lift(value) }),
  lt: (field: string, value: FilterValue | string): Filter => ({ op: 'lt', field, value: lift(value) }),
  le: (field: string, value: FilterValue | string): Filter => ({ op: 'le', field, value: lift(value) }),
  gt: (field: string, value: FilterValue | string): Filter => ({ op: 'gt', field, value: lift(value) }),
  ge: (field: string, value: FilterValue | string): Filter => ({ op: 'ge', field, value: lift(value) }),
  in: (field: string, values: readonly (FilterValue | string)[]): Filter => ({
    op: 'in',
    field,
    values: values.map(lift),
  }),
  notIn: (field: string, values: readonly (FilterValue | string)[]): Filter => ({
    op: 'notin',
    field,
    values: values.map(lift),
  }),
  like: (field: string, pattern: string): Filter => ({ op: 'like', field, pattern }),
  notLike: (field: string, pattern: string): Filter => ({ op: 'notlike', field, pattern }),
  isNull: (field: string): Filter => ({ op: 'isnull', field }),
  isNotNull: (field: string): Filter => ({ op: 'isnotnull', field }),
  between: (field: string, low: FilterValue | string, high: FilterValue | string): Filter => ({
    op: 'between',
    field,
    low: lift(low),
    high: lift(high),
  }),
};

/** Intacct caps IN lists at 1000 values. */
export const MAX_IN_VALUES = 1000;

const FIELD_RE = /^[A-Za-z_][A-Za-z0-9_.]*$/;
function field(name: string): string {
  if (!FIELD_RE.test(name)) throw new RangeError(`not a valid Intacct field name: ${JSON.stringify(name)}`);
  return name;
}

const NEGATE: Record<ComparisonOp, ComparisonOp> = {
  eq: 'ne',
  ne: 'eq',
  lt: 'ge',
  ge: 'lt',
  gt: 'le',
  le: 'gt',
};

/**
 * Pushes NOT down to the leaves (the `query` XML has no `not`), splits IN lists over the cap, and
 * collapses one-child and/or. The result has no `not` nodes.
 */
export function normalize(filter: Filter, negated = false): Filter {
  switch (filter.op) {
    case 'not':
      return normalize(filter.filter, !negated);
    case 'and':
    case 'or': {
      if (filter.filters.length === 0) throw new RangeError(`empty ${filter.op} filter`);
      const op = negated ? (filter.op === 'and' ? 'or' : 'and') : filter.op;
      const parts = filter.filters.map((x) => normalize(x, negated));
      // Flatten nested groups of the same operator so the output stays small.
      const flat = parts.flatMap((p) => (p.op === op ? (p as { filters: readonly Filter[] }).filters : [p]));
      return flat.length === 1 ? flat[0]! : { op, filters: flat };
    }
    case 'in':
    case 'notin': {
      if (filter.values.length === 0) throw new RangeError(`empty ${filter.op} list for ${filter.field}`);
      const isIn = (filter.op === 'in') !== negated;
      const chunks: Filter[] = [];
      for (let i = 0; i < filter.values.length; i += MAX_IN_VALUES) {
        chunks.push({
          op: isIn ? 'in' : 'notin',
          field: filter.field,
          values: filter.values.slice(i, i + MAX_IN_VALUES),
        });
      }
      if (chunks.length === 1) return chunks[0]!;
      return { op: isIn ? 'or' : 'and', filters: chunks };
    }
    case 'like':
    case 'notlike':
      return {
        op: (filter.op === 'like') !== negated ? 'like' : 'notlike',
        field: filter.field,
        pattern: filter.pattern,
      };
    case 'isnull':
    case 'isnotnull':
      return { op: (filter.op === 'isnull') !== negated ? 'isnull' : 'isnotnull', field: filter.field };
    case 'between':
      if (!negated) return filter;
      return {
        op: 'or',
        filters: [
          { op: 'lt', field: filter.field, value: filter.low },
          { op: 'gt', field: filter.field, value: filter.high },
        ],
      };
    default:
      return negated ? { op: NEGATE[filter.op], field: filter.field, value: filter.value } : filter;
  }
}

/** The text of a value as Intacct reads it in a query (unquoted). */
export function formatValue(value: FilterValue, timezone: string, form: 'queryString' | 'queryXml'): string {
  switch (value.type) {
    case 'string':
    case 'number':
      return value.value;
    case 'date':
      return formatIntacctDate(value.value);
    case 'timestamp':
      return formatIntacctTimestamp(value.value, timezone);
    case 'boolean':
      // readByQuery compares database characters; the query function takes words.
      return form === 'queryString' ? (value.value ? 'T' : 'F') : value.value ? 'true' : 'false';
  }
}

function quote(value: FilterValue, timezone: string): string {
  if (value.type === 'number') return value.value;
  // Backslash escapes an apostrophe; escape the backslash itself so a trailing one cannot eat the quote.
  const text = formatValue(value, timezone, 'queryString').replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  return `'${text}'`;
}

const STRING_OPS: Record<ComparisonOp, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };

/** Compiles to the readByQuery `query` string (XML escaping happens later, in the envelope). */
export function toQueryString(filter: Filter | undefined, timezone: string): string {
  if (!filter) return '';
  return compileString(normalize(filter), timezone, true);
}

function compileString(filter: Filter, tz: string, top: boolean): string {
  switch (filter.op) {
    case 'and':
    case 'or': {
      const joined = filter.filters
        .map((x) => compileString(x, tz, false))
        .join(` ${filter.op.toUpperCase()} `);
      return top ? joined : `(${joined})`;
    }
    case 'not':
      return `NOT (${compileString(filter.filter, tz, true)})`;
    case 'in':
    case 'notin':
      return `${field(filter.field)} ${filter.op === 'in' ? 'IN' : 'NOT IN'} (${filter.values.map((x) => quote(x, tz)).join(',')})`;
    case 'like':
    case 'notlike':
      return `${field(filter.field)} ${filter.op === 'like' ? 'LIKE' : 'NOT LIKE'} ${quote(v.str(filter.pattern), tz)}`;
    case 'isnull':
      return `${field(filter.field)} IS NULL`;
    case 'isnotnull':
      return `${field(filter.field)} IS NOT NULL`;
    case 'between': {
      const both = `${field(filter.field)} >= ${quote(filter.low, tz)} AND ${filter.field} <= ${quote(filter.high, tz)}`;
      return top ? both : `(${both})`;
    }
    default:
      return `${field(filter.field)} ${STRING_OPS[filter.op]} ${quote(filter.value, tz)}`;
  }
}

const XML_OPS: Record<ComparisonOp, string> = {
  eq: 'equalto',
  ne: 'notequalto',
  lt: 'lessthan',
  le: 'lessthanorequalto',
  gt: 'greaterthan',
  ge: 'greaterthanorequalto',
};

/** Compiles to the `<filter>` element of the `query` function, or null for no filter. */
export function toFilterXml(filter: Filter | undefined, timezone: string): XmlElement | null {
  if (!filter) return null;
  return el('filter', [compileXml(normalize(filter), timezone)]);
}

function compileXml(filter: Filter, tz: string): XmlElement {
  const value = (x: FilterValue) => el('value', formatValue(x, tz, 'queryXml'));
  switch (filter.op) {
    case 'and':
    case 'or':
      return el(
        filter.op,
        filter.filters.map((x) => compileXml(x, tz)),
      );
    case 'not':
      // normalize() removes every not; reaching here means a caller skipped it.
      throw new RangeError('not must be normalized before compiling to XML');
    case 'in':
    case 'notin':
      return el(filter.op, [el('field', field(filter.field)), ...filter.values.map(value)]);
    case 'like':
    case 'notlike':
      return el(filter.op, [el('field', field(filter.field)), el('value', filter.pattern)]);
    case 'isnull':
    case 'isnotnull':
      return el(filter.op, [el('field', field(filter.field))]);
    case 'between':
      return el('between', [el('field', field(filter.field)), value(filter.low), value(filter.high)]);
    default:
      return el(XML_OPS[filter.op], [el('field', field(filter.field)), value(filter.value)]);
  }
}
