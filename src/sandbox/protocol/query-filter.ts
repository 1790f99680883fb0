import { type CompareOp, type Expr, QueryError } from './query-ast.ts';
import { MAX_IN_VALUES } from './query-string.ts';
import { type XmlNode, children, childText, elements, text } from './xml-node.ts';

/** The `query` function's `<filter>` operators, spelled as Intacct's XSD spells them. */
export const FILTER_OPERATORS = [
  'equalto',
  'notequalto',
  'lessthan',
  'lessthanorequalto',
  'greaterthan',
  'greaterthanorequalto',
  'between',
  'in',
  'notin',
  'like',
  'notlike',
  'isnull',
  'isnotnull',
  'and',
  'or',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

const COMPARISONS: Readonly<Record<string, CompareOp>> = {
  equalto: '=',
  notequalto: '!=',
  lessthan: '<',
  lessthanorequalto: '<=',
  greaterthan: '>',
  greaterthanorequalto: '>=',
};

function fieldOf(op: string, node: XmlNode): string {
  const field = childText(node, 'field');
  if (!field) throw new QueryError(`<${op}> requires a <field>`);
  return field;
}

function valuesOf(node: XmlNode): string[] {
  return children(node, 'value').map((v) => text(v) ?? '');
}

function operator(name: string, node: XmlNode): Expr {
  const cmp = COMPARISONS[name];
  if (cmp) {
    const values = valuesOf(node);
    if (values.length !== 1) throw new QueryError(`<${name}> requires exactly one <value>`);
    return { kind: 'cmp', field: fieldOf(name, node), op: cmp, value: values[0] as string };
  }
  switch (name) {
    case 'between': {
      const values = valuesOf(node);
      if (values.length !== 2) throw new QueryError('<between> requires exactly two <value> elements');
      return {
        kind: 'between',
        field: fieldOf(name, node),
        low: values[0] as string,
        high: values[1] as string,
      };
    }
    case 'in':
    case 'notin': {
      const values = valuesOf(node);
      if (values.length < 1) throw new QueryError(`<${name}> requires at least one <value>`);
      if (values.length > MAX_IN_VALUES) {
        throw new QueryError(
          `<${name}> has ${values.length} values; at most ${MAX_IN_VALUES} are allowed`,
          'limit',
        );
      }
      return { kind: 'in', field: fieldOf(name, node), values, negate: name === 'notin' };
    }
    case 'like':
    case 'notlike': {
      const values = valuesOf(node);
      if (values.length !== 1) throw new QueryError(`<${name}> requires exactly one <value>`);
      return {
        kind: 'like',
        field: fieldOf(name, node),
        pattern: values[0] as string,
        negate: name === 'notlike',
      };
    }
    case 'isnull':
    case 'isnotnull':
      return { kind: 'null', field: fieldOf(name, node), negate: name === 'isnotnull' };
    case 'and':
    case 'or': {
      const items = elements(node).map(([n, c]) => operator(n, c));
      if (items.length < 2) throw new QueryError(`<${name}> requires at least two conditions`);
      return { kind: name, items };
    }
    default:
      throw new QueryError(`unknown filter operator <${name}>`);
  }
}

/** Parses `<filter>`; null when absent. Exactly one operator may sit directly under it. */
export function parseFilter(filter: XmlNode | undefined): Expr | null {
  if (filter === undefined) return null;
  const ops = elements(filter);
  if (ops.length === 0) return null;
  if (ops.length !== 1)
    throw new QueryError('<filter> takes exactly one operator; combine them with <and> or <or>');
  const [name, node] = ops[0] as [string, XmlNode];
  return operator(name, node);
}
