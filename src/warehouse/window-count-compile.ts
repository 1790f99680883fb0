/**
 * The count of live raw rows of one entity inside a watermark window: the warehouse's side of the
 * unchanged-stream probe (src/extract/unchanged-probe.ts), which compares it with Intacct's
 * totalcount of the same window. Portable SQL through Kysely's `sql` template, like merge-compile.ts.
 */
import { type RawBuilder, sql } from 'kysely';
import { assertIdentifier } from './identifiers.ts';
import { validateTableSpec } from './table-spec.ts';
import type { Capabilities, ColumnRange, WindowCountRequest } from './warehouse.ts';

export interface WindowCountInput extends WindowCountRequest {
  readonly caps: Capabilities;
  readonly rawSchema: string;
}

function columnOf(input: WindowCountInput, name: string): string {
  if (!input.spec.columns.some((c) => c.name === name)) {
    throw new Error(`${name} is not a column of ${input.spec.name}`);
  }
  return name;
}

function within(input: WindowCountInput, range: ColumnRange): RawBuilder<unknown>[] {
  const column = sql.ref(columnOf(input, range.column));
  const value = (b: NonNullable<ColumnRange['from']>) =>
    b.kind === 'timestamp' ? sql`${b.at}` : sql`CAST(${b.day} AS ${sql.raw(input.caps.types.date)})`;
  return [
    ...(range.from === null ? [] : [sql`${column} >= ${value(range.from)}`]),
    ...(range.to === null ? [] : [sql`${column} <= ${value(range.to)}`]),
  ];
}

/** `SELECT count` of live rows of the entity whose watermark (or, when null, creation) is in range. */
export function compileWindowCount(input: WindowCountInput): RawBuilder<unknown> {
  const spec = validateTableSpec(input.spec);
  const table = sql.id(
    assertIdentifier(input.rawSchema, 'schema name'),
    assertIdentifier(spec.name, 'table name'),
  );
  const main = within(input, input.watermark);
  const conditions = [main.length > 0 ? sql`(${sql.join(main, sql` AND `)})` : sql`1 = 1`];
  if (input.createdWhenNull) {
    const created = [
      sql`${sql.ref(columnOf(input, input.watermark.column))} IS NULL`,
      ...within(input, input.createdWhenNull),
    ];
    conditions.push(sql`(${sql.join(created, sql` AND `)})`);
  }
  return sql`SELECT CAST(count(*) AS ${sql.raw(input.caps.types.string)}) AS ${sql.id('n')} FROM ${table}
WHERE ${sql.ref('_entity')} = ${input.entity} AND ${sql.ref('_deleted_at')} IS NULL AND (${sql.join(conditions, sql` OR `)})`;
}
