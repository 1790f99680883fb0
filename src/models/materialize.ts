/**
 * The statements of each materialization, compiled as pure functions (golden-tested); the build
 * only sends them. `view` and `table` replace the relation; `incremental` builds the new rows into a
 * scratch table and MERGEs them on `unique_key` (insert-only when there is none).
 */
import { CAPABILITIES } from '../warehouse/warehouse.ts';
import type { ModelsAdapter } from './adapters.ts';
import type { Relation } from './render.ts';

export type RelationKind = 'table' | 'view';

/**
 * The name an unquoted identifier resolves to (Snowflake folds it to upper case). A column the
 * models name unquoted (a seed column, an incremental unique_key) is quoted in this form, as
 * dbt-snowflake's unquoted seed columns and merge keys end up.
 */
function unquotedName(adapter: ModelsAdapter, name: string): string {
  const fold = CAPABILITIES[adapter.type].unquotedCase;
  return fold === 'upper' ? name.toUpperCase() : fold === 'lower' ? name.toLowerCase() : name;
}

export function compileCreateSchema(adapter: ModelsAdapter, schema: string): string {
  const q = adapter.quoteChar;
  return `create schema if not exists ${q}${schema}${q}`;
}

/** Drops what stands in the way: a view where a table goes, or the reverse. */
export function compileDropIfOtherKind(
  relation: Relation,
  existing: RelationKind | undefined,
  wanted: RelationKind,
): string[] {
  if (existing === undefined || existing === wanted) return [];
  return [`drop ${existing} if exists ${relation}`];
}

export function compileView(relation: Relation, sql: string): string {
  return `create or replace view ${relation} as\n${sql}`;
}

export function compileTable(relation: Relation, sql: string): string {
  return `create or replace table ${relation} as\n${sql}`;
}

export function compileDropTable(relation: Relation): string {
  return `drop table if exists ${relation}`;
}

/** MERGE the scratch table into the model's table, matched on the unique key. */
export function compileIncrementalMerge(
  adapter: ModelsAdapter,
  target: Relation,
  scratch: Relation,
  columns: readonly string[],
  uniqueKey: readonly string[],
): string {
  const q = (c: string) => `${adapter.quoteChar}${c}${adapter.quoteChar}`;
  const list = columns.map(q).join(', ');
  if (uniqueKey.length === 0) return `insert into ${target} (${list})\nselect ${list} from ${scratch}`;
  const keys = new Set(uniqueKey.map((k) => k.toLowerCase()));
  const on = uniqueKey
    .map((k) => unquotedName(adapter, k))
    .map((k) => `dbt_dest.${q(k)} = dbt_src.${q(k)}`)
    .join(' and ');
  const updates = columns
    .filter((c) => !keys.has(c.toLowerCase()))
    .map((c) => `${q(c)} = dbt_src.${q(c)}`)
    .join(',\n    ');
  return [
    `merge into ${target} as dbt_dest`,
    `using ${scratch} as dbt_src`,
    `on ${on}`,
    ...(updates ? [`when matched then update set\n    ${updates}`] : []),
    `when not matched then insert (${list})`,
    `values (${columns.map((c) => `dbt_src.${q(c)}`).join(', ')})`,
  ].join('\n');
}

export type SeedColumnKind = 'integer' | 'decimal' | 'string';

/** A seed column's type from its values: integers, decimals (NUMERIC(38,9)), else text. */
export function seedColumnKinds(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): SeedColumnKind[] {
  return header.map((_, i) => {
    const values = rows.map((r) => r[i] ?? '').filter((v) => v !== '');
    if (values.length > 0 && values.every((v) => /^-?\d{1,18}$/.test(v))) return 'integer';
    if (values.length > 0 && values.every((v) => /^-?\d+\.\d+$/.test(v))) return 'decimal';
    return 'string';
  });
}

/**
 * A seed as one CREATE TABLE AS SELECT: typed from its values (integers, decimals, else text). A
 * warehouse with a bulk path for seeds (BigQuery's load jobs) is given the rows instead.
 */
export function compileSeed(
  adapter: ModelsAdapter,
  relation: Relation,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const t = adapter.crossDb;
  const types = seedColumnKinds(header, rows).map((kind) =>
    kind === 'integer' ? t.type_bigint() : kind === 'decimal' ? 'numeric(38,9)' : t.type_string(),
  );
  const q = (c: string) => `${adapter.quoteChar}${c}${adapter.quoteChar}`;
  const selectRow = (row: readonly (string | null)[]) =>
    `select ${header
      .map((h, i) => {
        const v = row[i];
        const value = v === null || v === '' || v === undefined ? 'null' : adapter.literal(v);
        return `cast(${value} as ${types[i]}) as ${q(unquotedName(adapter, h))}`;
      })
      .join(', ')}`;
  // An empty seed still gets its columns: one all-null row filtered away.
  const body =
    rows.length === 0
      ? `${selectRow(header.map(() => null))} from (select 1 as one) as empty_seed where 1 = 0`
      : rows.map(selectRow).join('\nunion all\n');
  return `create or replace table ${relation} as\n${body}`;
}
