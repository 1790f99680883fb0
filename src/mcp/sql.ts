/**
 * The gateway's small query compiler: a read tool describes its query as data (relation, columns,
 * filters, order, page) and this compiles it to SQL with the warehouse's placeholder style, so
 * agent input only ever reaches SQL as a bound parameter. Pure: compile here, execute in the tool.
 */
import type { WarehouseConfig } from '../config/schema.ts';
import type { QueryParam } from '../warehouse/warehouse.ts';

/** Warehouse differences as data. */
export interface SqlDialect {
  /** `$1, $2` (DuckDB) or `?` (Snowflake, BigQuery positional). */
  readonly placeholder: 'dollar' | 'question';
  readonly stringType: string;
}

export const SQL_DIALECTS: Readonly<Record<WarehouseConfig['type'], SqlDialect>> = {
  duckdb: { placeholder: 'dollar', stringType: 'varchar' },
  snowflake: { placeholder: 'question', stringType: 'varchar' },
  bigquery: { placeholder: 'question', stringType: 'string' },
};

export type Filter =
  | { readonly column: string; readonly op: '=' | '>=' | '<=' | '<>'; readonly value: QueryParam }
  | { readonly column: string; readonly op: 'in'; readonly values: readonly QueryParam[] }
  | { readonly column: string; readonly op: 'prefix'; readonly value: string }
  | { readonly column: string; readonly op: 'not-null' };

/** Collects bound parameters and writes their placeholders. */
export class Params {
  readonly values: QueryParam[] = [];
  constructor(private readonly dialect: SqlDialect) {}
  add(value: QueryParam): string {
    this.values.push(value);
    return this.dialect.placeholder === 'dollar' ? `$${this.values.length}` : '?';
  }
}

const COLUMN = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

function column(name: string): string {
  if (!COLUMN.test(name)) throw new Error(`internal: bad column name ${name}`);
  return name;
}

function orderItem(item: string): string {
  const [name = '', direction] = item.split(' ');
  return direction === 'desc' ? `${column(name)} desc` : column(item);
}

export function compileWhere(filters: readonly Filter[], params: Params): string {
  const parts = filters.map((f) => {
    const c = column(f.column);
    switch (f.op) {
      case 'in':
        // An empty allow-list slice means nothing may match.
        return f.values.length === 0 ? '1 = 0' : `${c} in (${f.values.map((v) => params.add(v)).join(', ')})`;
      case 'prefix':
        return `${c} like ${params.add(`${f.value.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)} escape '\\'`;
      case 'not-null':
        return `${c} is not null`;
      default:
        return `${c} ${f.op} ${params.add(f.value)}`;
    }
  });
  return parts.length === 0 ? '' : ` where ${parts.join(' and ')}`;
}

/** Money and other decimals leave the warehouse as strings, rounded to cents there, never as JS numbers. */
export function money(dialect: SqlDialect, expression: string, as: string): string {
  return `cast(cast(${expression} as decimal(38, 2)) as ${dialect.stringType}) as ${as}`;
}

export function text(dialect: SqlDialect, expression: string, as: string): string {
  return `cast(${expression} as ${dialect.stringType}) as ${as}`;
}

export interface PageQuery {
  readonly select: readonly string[];
  readonly from: string;
  readonly where: readonly Filter[];
  readonly orderBy: readonly string[];
  readonly limit: number;
  readonly offset: number;
}

/** One page plus one row, so the caller knows whether another page exists without a count query. */
export function compilePage(dialect: SqlDialect, q: PageQuery): { sql: string; params: QueryParam[] } {
  const params = new Params(dialect);
  const where = compileWhere(q.where, params);
  const sql =
    `select ${q.select.join(', ')} from ${q.from}${where}` +
    ` order by ${q.orderBy.map(orderItem).join(', ')} limit ${Math.trunc(q.limit) + 1} offset ${Math.trunc(q.offset)}`;
  return { sql, params: params.values };
}
