/**
 * One filter tree for both read styles: readByQuery's query string and query's `<filter>` XML both
 * parse into this, and one evaluator answers it.
 */
export const COMPARE_OPS = ['=', '!=', '<', '<=', '>', '>='] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

export type Expr =
  | { readonly kind: 'and'; readonly items: readonly Expr[] }
  | { readonly kind: 'or'; readonly items: readonly Expr[] }
  | { readonly kind: 'not'; readonly item: Expr }
  | { readonly kind: 'cmp'; readonly field: string; readonly op: CompareOp; readonly value: string }
  | { readonly kind: 'like'; readonly field: string; readonly pattern: string; readonly negate: boolean }
  | {
      readonly kind: 'in';
      readonly field: string;
      readonly values: readonly string[];
      readonly negate: boolean;
    }
  | { readonly kind: 'null'; readonly field: string; readonly negate: boolean }
  | { readonly kind: 'between'; readonly field: string; readonly low: string; readonly high: string };

/** Thrown by the parsers and the evaluator's compile step; the caller maps it to Intacct's error. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly reason: 'syntax' | 'unknown-field' | 'bad-value' | 'limit' = 'syntax',
    readonly fields: readonly string[] = [],
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

/** Every field name the tree mentions, upper-cased, in first-seen order. */
export function fieldsOf(expr: Expr | null): string[] {
  const seen = new Set<string>();
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'and':
      case 'or':
        for (const i of e.items) walk(i);
        return;
      case 'not':
        walk(e.item);
        return;
      default:
        seen.add(e.field.toUpperCase());
    }
  };
  if (expr) walk(expr);
  return [...seen];
}

/**
 * The value of `field = 'x'` when it is required at the top level of the tree (alone or inside a
 * top-level AND), as GLACCOUNTBALANCE requires PERIOD.
 */
export function requiredEquality(expr: Expr | null, field: string): string | undefined {
  if (!expr) return undefined;
  if (expr.kind === 'cmp' && expr.op === '=' && expr.field.toUpperCase() === field) return expr.value;
  if (expr.kind === 'and') {
    for (const i of expr.items) {
      const v = requiredEquality(i, field);
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

/** Removes `field = …` conjuncts at the top level (for computed objects that consume them). */
export function withoutField(expr: Expr | null, field: string): Expr | null {
  if (!expr) return null;
  if (expr.kind === 'cmp' && expr.field.toUpperCase() === field) return null;
  if (expr.kind === 'and') {
    const items = expr.items.map((i) => withoutField(i, field)).filter((i): i is Expr => i !== null);
    if (items.length === 0) return null;
    if (items.length === 1) return items[0] ?? null;
    return { kind: 'and', items };
  }
  return expr;
}
