import { toUnits } from '../../core/decimal.ts';
import { wallToEpoch } from '../../core/time.ts';
import { type CompareOp, type Expr, QueryError, fieldsOf } from './query-ast.ts';

/** The catalog's field types (src/sandbox/catalog.ts spells them the same way). */
export type ValueType = 'text' | 'integer' | 'decimal' | 'date' | 'timestamp' | 'boolean';
export type FieldTypeOf = (field: string) => ValueType | undefined;
export type SandboxRow = Readonly<Record<string, string | null>>;
export type Predicate = (row: SandboxRow) => boolean;

export interface EvalOptions {
  /** The company (API user) time zone that zone-less timestamp literals are read in. */
  readonly timezone: string;
  readonly caseInsensitive?: boolean;
}

const TIMESTAMP_LITERAL = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** 'MM/DD/YYYY' (a time part is tolerated and dropped) to canonical 'YYYY-MM-DD'. */
export function dateLiteral(value: string, field: string): string {
  const m = TIMESTAMP_LITERAL.exec(value.trim());
  if (!m || !validDate(Number(m[3]), Number(m[1]), Number(m[2]))) {
    throw new QueryError(
      `Invalid date '${value}' for field ${field}: use the format mm/dd/yyyy`,
      'bad-value',
    );
  }
  return `${m[3]}-${pad(Number(m[1]))}-${pad(Number(m[2]))}`;
}

/** 'MM/DD/YYYY[ HH:MM[:SS]]' in the company zone to canonical ISO UTC 'YYYY-MM-DDTHH:MM:SSZ'. */
export function timestampLiteral(value: string, field: string, timezone: string): string {
  const m = TIMESTAMP_LITERAL.exec(value.trim());
  const bad = () =>
    new QueryError(
      `Invalid timestamp '${value}' for field ${field}: use the format mm/dd/yyyy hh:mm:ss`,
      'bad-value',
    );
  if (!m) throw bad();
  const year = Number(m[3]);
  const month = Number(m[1]);
  const day = Number(m[2]);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) throw bad();
  const epoch = wallToEpoch({ year, month, day, hour, minute, second }, timezone);
  return isoSeconds(epoch);
}

export function isoSeconds(epochMs: number): string {
  return `${new Date(Math.floor(epochMs / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

function booleanLiteral(value: string, field: string): string {
  const v = value.trim().toLowerCase();
  if (v === 't' || v === 'true' || v === '1') return 'true';
  if (v === 'f' || v === 'false' || v === '0') return 'false';
  throw new QueryError(`Invalid boolean '${value}' for field ${field}: use 'T' or 'F'`, 'bad-value');
}

/** Converts a literal to the store's canonical form for the field type, or throws QueryError. */
export function canonicalLiteral(value: string, field: string, type: ValueType, timezone: string): string {
  switch (type) {
    case 'date':
      return dateLiteral(value, field);
    case 'timestamp':
      return timestampLiteral(value, field, timezone);
    case 'boolean':
      return booleanLiteral(value, field);
    case 'integer':
    case 'decimal': {
      try {
        toUnits(value);
      } catch {
        throw new QueryError(`Invalid number '${value}' for field ${field}`, 'bad-value');
      }
      return value.trim();
    }
    default:
      return value;
  }
}

type Tri = boolean | null;
type Compiled = (row: SandboxRow) => Tri;

function comparator(type: ValueType, caseInsensitive: boolean): (a: string, b: string) => number {
  if (type === 'integer' || type === 'decimal') {
    return (a, b) => {
      let ua: bigint;
      try {
        ua = toUnits(a);
      } catch {
        return Number.NaN;
      }
      const ub = toUnits(b);
      return ua < ub ? -1 : ua > ub ? 1 : 0;
    };
  }
  if (type === 'text' && caseInsensitive) {
    return (a, b) => {
      const la = a.toLowerCase();
      const lb = b.toLowerCase();
      return la < lb ? -1 : la > lb ? 1 : 0;
    };
  }
  return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}

function test(op: CompareOp, c: number): boolean {
  if (Number.isNaN(c)) return false;
  switch (op) {
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

export function likeToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  let src = '';
  for (const ch of pattern) {
    if (ch === '%') src += '[\\s\\S]*';
    else if (ch === '_') src += '[\\s\\S]';
    else src += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${src}$`, caseInsensitive ? 'i' : '');
}

/**
 * Compiles a filter tree against an object's fields. Unknown fields and badly formatted values are
 * found here, before any record is read, and reported all at once as Intacct does.
 */
export function compileFilter(expr: Expr | null, typeOf: FieldTypeOf, options: EvalOptions): Predicate {
  if (!expr) return () => true;
  const unknown = fieldsOf(expr).filter((f) => typeOf(f) === undefined);
  if (unknown.length > 0) {
    throw new QueryError(`unknown field(s): ${unknown.join(', ')}`, 'unknown-field', unknown);
  }
  const ci = options.caseInsensitive ?? false;
  const build = (e: Expr): Compiled => {
    switch (e.kind) {
      case 'and': {
        const parts = e.items.map(build);
        return (row) => {
          let sawNull = false;
          for (const p of parts) {
            const r = p(row);
            if (r === false) return false;
            if (r === null) sawNull = true;
          }
          return sawNull ? null : true;
        };
      }
      case 'or': {
        const parts = e.items.map(build);
        return (row) => {
          let sawNull = false;
          for (const p of parts) {
            const r = p(row);
            if (r === true) return true;
            if (r === null) sawNull = true;
          }
          return sawNull ? null : false;
        };
      }
      case 'not': {
        const inner = build(e.item);
        return (row) => {
          const r = inner(row);
          return r === null ? null : !r;
        };
      }
      case 'null': {
        const f = e.field.toUpperCase();
        return (row) => {
          const v = row[f];
          const isNull = v === null || v === undefined || v === '';
          return e.negate ? !isNull : isNull;
        };
      }
      default:
        break;
    }
    const field = e.field.toUpperCase();
    const type = typeOf(field) as ValueType;
    const cmp = comparator(type, ci);
    const lit = (v: string) => canonicalLiteral(v, field, type, options.timezone);
    const get = (row: SandboxRow): string | null => {
      const v = row[field];
      return v === undefined || v === null || v === '' ? null : v;
    };
    switch (e.kind) {
      case 'cmp': {
        const value = lit(e.value);
        return (row) => {
          const v = get(row);
          return v === null ? null : test(e.op, cmp(v, value));
        };
      }
      case 'between': {
        const low = lit(e.low);
        const high = lit(e.high);
        return (row) => {
          const v = get(row);
          return v === null ? null : cmp(v, low) >= 0 && cmp(v, high) <= 0;
        };
      }
      case 'in': {
        const values = e.values.map(lit);
        return (row) => {
          const v = get(row);
          if (v === null) return null;
          const hit = values.some((x) => cmp(v, x) === 0);
          return e.negate ? !hit : hit;
        };
      }
      case 'like': {
        const re = likeToRegExp(e.pattern, ci);
        return (row) => {
          const v = get(row);
          if (v === null) return null;
          const hit = re.test(v);
          return e.negate ? !hit : hit;
        };
      }
    }
  };
  const compiled = build(expr);
  return (row) => compiled(row) === true;
}
