import type { SandboxFieldDef, SandboxObjectDef } from '../catalog.ts';
import { type CompanyProfile, companyObject } from '../company.ts';
import type { SandboxRecord } from '../store.ts';
import type { FunctionContext } from './context.ts';
import { type Expr, QueryError, requiredEquality } from './query-ast.ts';
import { type Predicate, compileFilter } from './query-eval.ts';
import { canonicalFromWire } from './records.ts';

/** Shared by the read functions: object and field resolution, filters, visibility. */

/** The object as the company has it: absent objects are unknown, absent fields are not in the definition. */
export function findObject(name: string | undefined, company: CompanyProfile): SandboxObjectDef | undefined {
  if (!name) return undefined;
  return companyObject(company, name.trim());
}

/** `*` or a comma list (case-insensitive) to field definitions; throws QueryError for unknown names. */
export function resolveFields(
  def: SandboxObjectDef,
  list: string | readonly string[] | undefined,
): SandboxFieldDef[] {
  const names = typeof list === 'string' ? list.split(',') : (list ?? ['*']);
  const trimmed = names.map((n) => n.trim()).filter((n) => n.length > 0);
  if (trimmed.length === 0 || trimmed.includes('*')) return [...def.fields];
  const byName = new Map(def.fields.map((f) => [f.name, f]));
  const out: SandboxFieldDef[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const n of trimmed) {
    const f = byName.get(n.toUpperCase());
    if (!f) unknown.push(n);
    else if (!seen.has(f.name)) {
      seen.add(f.name);
      out.push(f);
    }
  }
  if (unknown.length > 0)
    throw new QueryError(`unknown field(s): ${unknown.join(', ')}`, 'unknown-field', unknown);
  return out;
}

function mapLiterals(expr: Expr, map: (field: string, value: string) => string): Expr {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return { kind: expr.kind, items: expr.items.map((i) => mapLiterals(i, map)) };
    case 'not':
      return { kind: 'not', item: mapLiterals(expr.item, map) };
    case 'cmp':
      return { ...expr, value: map(expr.field.toUpperCase(), expr.value) };
    case 'in':
      return { ...expr, values: expr.values.map((v) => map(expr.field.toUpperCase(), v)) };
    case 'between':
      return {
        ...expr,
        low: map(expr.field.toUpperCase(), expr.low),
        high: map(expr.field.toUpperCase(), expr.high),
      };
    default:
      return expr;
  }
}

export interface FilterSpec {
  readonly expr: Expr | null;
  readonly caseInsensitive: boolean;
  /** readByQuery filters use readByQuery's wire values (STATE = 'P'). */
  readonly wireLiterals: boolean;
}

export function compileFor(def: SandboxObjectDef, spec: FilterSpec, ctx: FunctionContext): Predicate {
  if (def.requiredFilter && requiredEquality(spec.expr, def.requiredFilter) === undefined) {
    throw new QueryError(
      `${def.requiredFilter} is required in the query for ${def.name} (for example ${def.requiredFilter} = 'name')`,
      'bad-value',
    );
  }
  const byName = new Map(def.fields.map((f) => [f.name, f.type]));
  const expr =
    spec.expr && spec.wireLiterals
      ? mapLiterals(spec.expr, (f, v) => canonicalFromWire(def.name, f, v))
      : spec.expr;
  return compileFilter(expr, (f) => byName.get(f.toUpperCase()), {
    timezone: ctx.store.timezone,
    caseInsensitive: spec.caseInsensitive,
  });
}

/** Records of `def` the session sees that pass the predicate, in key order. */
export function matching(
  def: SandboxObjectDef,
  predicate: Predicate,
  ctx: FunctionContext,
  showPrivate: boolean,
): SandboxRecord[] {
  const out: SandboxRecord[] = [];
  const seen = ctx.store.visibleList(def.name, ctx.entityId, showPrivate);
  for (let i = 0; i < seen.length; i++) {
    const r = seen[i] as SandboxRecord;
    if (predicate(r)) out.push(r);
  }
  return out;
}

/**
 * The lower bound a filter puts on the key (`RECORDNO > n`, alone or in a top-level AND). A keyset
 * page is the same result set as the page before it, cut at the bound: the sandbox keeps the set and
 * binary-searches the bound, as an index would, instead of scanning the object for every page.
 */
export function keyLowerBound(expr: Expr | null, key: string): number | undefined {
  if (expr === null) return undefined;
  const own = boundOf(expr, key);
  if (own !== undefined) return own;
  if (expr.kind === 'and') {
    const bounds = expr.items.map((e) => boundOf(e, key)).filter((b): b is number => b !== undefined);
    return bounds.length > 0 ? Math.max(...bounds) : undefined;
  }
  return undefined;
}

/** `key > n` or `key >= n` alone, as the largest key it excludes; undefined for anything else. */
function boundOf(e: Expr, key: string): number | undefined {
  if (e.kind !== 'cmp' || e.field.toUpperCase() !== key || (e.op !== '>' && e.op !== '>=')) return undefined;
  // Only a plain integer, as clients send it: Number() also reads '', '0x10' and '1e3', which the
  // filter rejects as bad values. Anything else stays in the filter and is checked there.
  if (!/^[+-]?\d+$/.test(e.value)) return undefined;
  const n = Number(e.value);
  if (!Number.isSafeInteger(n)) return undefined;
  return e.op === '>' ? n : n - 1;
}

/** Parses an integer setting within bounds; undefined text gives the default. */
export function boundedInt(
  text: string | undefined,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (text === undefined || text.trim() === '') return fallback;
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new QueryError(`${name} must be an integer between ${min} and ${max} (got '${text}')`, 'limit');
  }
  return n;
}

/** The store's visibility rule for one record (store.visible applies it to whole objects). */
export function visibleTo(
  def: SandboxObjectDef,
  record: SandboxRecord,
  entityId: string | null,
  showPrivate: boolean,
): boolean {
  const hasMega = def.fields.some((f) => f.name === 'MEGAENTITYID');
  if (!hasMega) return true;
  const owner = record.MEGAENTITYID ?? null;
  if (entityId === null || entityId === '') return showPrivate || owner === null;
  return owner === entityId || (owner === null && !def.entityScoped);
}

/** The filter without the top-level lower bounds on the key that keyLowerBound takes. */
export function withoutKeyLowerBound(expr: Expr | null, key: string): Expr | null {
  if (expr === null) return null;
  const isBound = (e: Expr) => boundOf(e, key) !== undefined;
  if (isBound(expr)) return null;
  if (expr.kind === 'and') {
    const items = expr.items.filter((e) => !isBound(e));
    if (items.length === 0) return null;
    return items.length === 1 ? (items[0] as Expr) : { kind: 'and', items };
  }
  return expr;
}
