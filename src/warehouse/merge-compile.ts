/**
 * MERGE and the other data-moving statements, compiled through Kysely's `sql` template so each
 * dialect's compiler quotes identifiers and numbers parameters. Everything stays in the portable
 * subset (warehouses.md §3.1): `MERGE INTO t AS T USING (deduplicated source) AS S ON ...`,
 * unqualified columns in UPDATE SET, explicit INSERT column lists, `WHERE ... QUALIFY`.
 */
import { type RawBuilder, sql } from 'kysely';
import { assertIdentifier } from './identifiers.ts';
import {
  STAGING_DELETED_COLUMN,
  STAGING_SEQ_COLUMN,
  type TableSpec,
  dataColumns,
  validateTableSpec,
} from './table-spec.ts';
import type { Capabilities } from './warehouse.ts';

export interface MergeCompileInput {
  readonly caps: Capabilities;
  readonly rawSchema: string;
  readonly stagingSchema: string;
  readonly spec: TableSpec;
  readonly stagingTable: string;
  readonly loadId: string;
  readonly loadedAt: Date;
  readonly entity: string;
  /** The staged rows are unique by key and hold no deletes (MergeRequest.uniqueKeys). */
  readonly uniqueKeys?: boolean;
}

const T = 'T';
const S = 'S';

function ref(alias: string, column: string): RawBuilder<unknown> {
  return sql.ref(`${alias}.${column}`);
}

function table(schema: string, name: string): RawBuilder<unknown> {
  return sql.id(assertIdentifier(schema, 'schema name'), assertIdentifier(name, 'table name'));
}

/**
 * The staged rows typed and deduplicated: one row per key, the latest version winning. A delete's
 * version is its `_deleted_at`, so a delete beats the modifications before it; ties go to the row
 * appended last. Rows without a key are dropped. With `uniqueKeys` the rows are taken as they are.
 */
export function compileDedupedSource(input: MergeCompileInput): RawBuilder<unknown> {
  const { caps } = input;
  const spec = validateTableSpec(input.spec);
  const columns = dataColumns(spec);
  const typed = sql.join(
    [
      ...columns.map(
        (c) => sql`CAST(${sql.ref(c.name)} AS ${sql.raw(caps.types[c.type])}) AS ${sql.id(c.name)}`,
      ),
      sql`${sql.ref(STAGING_SEQ_COLUMN)} AS ${sql.id(STAGING_SEQ_COLUMN)}`,
      sql`CAST(${sql.ref(STAGING_DELETED_COLUMN)} AS ${sql.raw(caps.types.timestamp)}) AS ${sql.id(STAGING_DELETED_COLUMN)}`,
    ],
    sql`, `,
  );
  const outer = sql.join([...columns.map((c) => sql.ref(c.name)), sql.ref(STAGING_DELETED_COLUMN)], sql`, `);
  const keysNotNull = sql.join(
    spec.key.map((k) => sql`${sql.ref(k)} IS NOT NULL`),
    sql` AND `,
  );
  const partition = sql.join(
    spec.key.map((k) => sql.ref(k)),
    sql`, `,
  );
  const watermark = spec.watermark === undefined ? undefined : columns.find((c) => c.name === spec.watermark);
  const order: RawBuilder<unknown>[] = [];
  if (watermark?.type === 'timestamp') {
    order.push(sql`COALESCE(${sql.ref(STAGING_DELETED_COLUMN)}, ${sql.ref(watermark.name)}) DESC NULLS LAST`);
  } else {
    order.push(sql`${sql.ref(STAGING_DELETED_COLUMN)} DESC NULLS LAST`);
    if (watermark) order.push(sql`${sql.ref(watermark.name)} DESC NULLS LAST`);
  }
  order.push(sql`${sql.ref(STAGING_SEQ_COLUMN)} DESC`);
  if (input.uniqueKeys) {
    // One row per key already: the window (a sort of every staged row and column) is not needed.
    return sql`SELECT ${outer} FROM (SELECT ${typed} FROM ${table(input.stagingSchema, input.stagingTable)}) AS ${sql.id('typed')} WHERE ${keysNotNull}`;
  }
  return sql`SELECT ${outer} FROM (SELECT ${typed} FROM ${table(input.stagingSchema, input.stagingTable)}) AS ${sql.id('typed')} WHERE ${keysNotNull} QUALIFY ROW_NUMBER() OVER (PARTITION BY ${partition} ORDER BY ${sql.join(order, sql`, `)}) = 1`;
}

function onClause(spec: TableSpec): RawBuilder<unknown> {
  return sql.join(
    spec.key.map((k) => sql`${ref(T, k)} = ${ref(S, k)}`),
    sql` AND `,
  );
}

/** The stored row is not newer than the staged one (either side may lack a watermark). */
function notOlder(spec: TableSpec): RawBuilder<unknown> {
  if (spec.watermark === undefined) return sql`TRUE`;
  const w = spec.watermark;
  return sql`(${ref(S, w)} IS NULL OR ${ref(T, w)} IS NULL OR ${ref(S, w)} >= ${ref(T, w)})`;
}

/** Something the staged row would change: a data column, the entity, or a pending undelete. */
function changed(input: MergeCompileInput): RawBuilder<unknown> {
  const spec = input.spec;
  const keys = new Set(spec.key);
  return sql`(${sql.join(
    [
      ...dataColumns(spec)
        .filter((c) => !keys.has(c.name))
        .map((c) => sql`${ref(T, c.name)} IS DISTINCT FROM ${ref(S, c.name)}`),
      sql`${ref(T, '_entity')} IS DISTINCT FROM ${input.entity}`,
      sql`${ref(T, '_deleted_at')} IS NOT NULL`,
    ],
    sql` OR `,
  )})`;
}

/**
 * The MERGE. Three branches, each counted by compileMergeCounts with the same predicates:
 * delete (a staged delete of a live row), update (newer or equal, and different), insert (new key,
 * not a delete). Rows that match no branch are unchanged, which is what makes a repeat harmless.
 */
export function compileMerge(input: MergeCompileInput): RawBuilder<unknown> {
  const { spec } = input;
  const columns = dataColumns(spec);
  const keys = new Set(spec.key);
  const updateSet = sql.join(
    [
      ...columns.filter((c) => !keys.has(c.name)).map((c) => sql`${sql.id(c.name)} = ${ref(S, c.name)}`),
      sql`${sql.id('_entity')} = ${input.entity}`,
      sql`${sql.id('_load_id')} = ${input.loadId}`,
      sql`${sql.id('_loaded_at')} = ${input.loadedAt}`,
      sql`${sql.id('_deleted_at')} = NULL`,
    ],
    sql`, `,
  );
  return sql`MERGE INTO ${table(input.rawSchema, spec.name)} AS ${sql.id(T)}
USING (${compileDedupedSource(input)}) AS ${sql.id(S)}
ON ${onClause(spec)}
WHEN MATCHED AND ${ref(S, '_deleted_at')} IS NOT NULL AND ${ref(T, '_deleted_at')} IS NULL THEN UPDATE SET ${sql.id('_deleted_at')} = ${ref(S, '_deleted_at')}, ${sql.id('_load_id')} = ${input.loadId}, ${sql.id('_loaded_at')} = ${input.loadedAt}
WHEN MATCHED AND ${ref(S, '_deleted_at')} IS NULL AND ${notOlder(spec)} AND ${changed(input)} THEN UPDATE SET ${updateSet}
WHEN NOT MATCHED AND ${ref(S, '_deleted_at')} IS NULL THEN INSERT (${insertColumns(spec)}) VALUES (${insertValues(input)})`;
}

function insertColumns(spec: TableSpec): RawBuilder<unknown> {
  return sql.join(
    [
      ...dataColumns(spec).map((c) => sql.id(c.name)),
      sql.id('_entity'),
      sql.id('_load_id'),
      sql.id('_loaded_at'),
      sql.id('_deleted_at'),
    ],
    sql`, `,
  );
}

function insertValues(input: MergeCompileInput): RawBuilder<unknown> {
  return sql.join(
    [
      ...dataColumns(input.spec).map((c) => ref(S, c.name)),
      sql`${input.entity}`,
      sql`${input.loadId}`,
      sql`${input.loadedAt}`,
      sql`NULL`,
    ],
    sql`, `,
  );
}

/** An inclusive range of a one-column integer key, as canonical decimal text. */
export interface KeyRange {
  readonly low: string;
  readonly high: string;
}

function rangePredicate(spec: TableSpec, range: KeyRange): RawBuilder<unknown> {
  const key = sql.ref(singleKey(spec).name);
  return sql`${key} BETWEEN CAST(${range.low} AS BIGINT) AND CAST(${range.high} AS BIGINT)`;
}

/** Rows of `entity` whose key lies in `range`: none means the staged slice is new to the table. */
export function compileEntityRangeCount(input: MergeCompileInput, range: KeyRange): RawBuilder<unknown> {
  return sql`SELECT COUNT(*) AS ${sql.id('n')} FROM ${table(input.rawSchema, input.spec.name)}
WHERE ${sql.ref('_entity')} = ${input.entity} AND ${rangePredicate(input.spec, range)}`;
}

/**
 * The MERGE of staged rows the table does not hold yet: a plain INSERT, which neither scans nor joins
 * the table. Only for a slice whose key range holds none of the entity's rows; the caller checks
 * afterwards that no key of the range is now held twice (another entity's row), and otherwise rolls
 * back and runs the MERGE.
 */
export function compileInsertNew(input: MergeCompileInput): RawBuilder<unknown> {
  return sql`INSERT INTO ${table(input.rawSchema, input.spec.name)} (${insertColumns(input.spec)})
SELECT ${insertValues(input)} FROM (${compileDedupedSource(input)}) AS ${sql.id(S)}
WHERE ${ref(S, '_deleted_at')} IS NULL`;
}

/** Keys in `range` held by more than one row (zero before any INSERT, as the MERGE keeps keys unique). */
export function compileRangeDuplicates(input: MergeCompileInput, range: KeyRange): RawBuilder<unknown> {
  const key = sql.ref(singleKey(input.spec).name);
  return sql`SELECT COUNT(*) - COUNT(DISTINCT ${key}) AS ${sql.id('n')} FROM ${table(input.rawSchema, input.spec.name)}
WHERE ${rangePredicate(input.spec, range)}`;
}

/**
 * What the MERGE will do, counted with the same predicates; run in the MERGE's transaction, before
 * it. Portable where the warehouse reports no per-action counts (DuckDB reports only a total).
 */
export function compileMergeCounts(input: MergeCompileInput): RawBuilder<unknown> {
  const { spec } = input;
  const firstKey = spec.key[0]!;
  const matched = sql`${ref(T, firstKey)} IS NOT NULL`;
  const unmatched = sql`${ref(T, firstKey)} IS NULL`;
  return sql`SELECT COUNT(*) AS ${sql.id('source_rows')},
COALESCE(SUM(CASE WHEN ${unmatched} AND ${ref(S, '_deleted_at')} IS NULL THEN 1 ELSE 0 END), 0) AS ${sql.id('inserted')},
COALESCE(SUM(CASE WHEN ${matched} AND ${ref(S, '_deleted_at')} IS NULL AND ${notOlder(spec)} AND ${changed(input)} THEN 1 ELSE 0 END), 0) AS ${sql.id('updated')},
COALESCE(SUM(CASE WHEN ${matched} AND ${ref(S, '_deleted_at')} IS NOT NULL AND ${ref(T, '_deleted_at')} IS NULL THEN 1 ELSE 0 END), 0) AS ${sql.id('deleted')}
FROM (${compileDedupedSource(input)}) AS ${sql.id(S)}
LEFT JOIN ${table(input.rawSchema, spec.name)} AS ${sql.id(T)} ON ${onClause(spec)}`;
}

export interface KeyUpdateInput {
  readonly caps: Capabilities;
  readonly rawSchema: string;
  readonly stagingSchema: string;
  readonly spec: TableSpec;
  /** A one-column (`key`, text) table of keys in the staging schema. */
  readonly keysTable: string;
  /** Only rows of this entity; every entity when undefined (keys are unique across the company). */
  readonly entity?: string | undefined;
  /** Match this column instead of the key (children by their parent's key). */
  readonly column?: string | undefined;
  /** Reconcile only the rows whose `column` holds one of `values` (the lines of changed documents). */
  readonly scope?: { readonly column: string; readonly values: readonly string[] } | undefined;
  readonly loadId: string;
  readonly at: Date;
}

function singleKey(spec: TableSpec) {
  validateTableSpec(spec);
  if (spec.key.length !== 1)
    throw new Error(`key-based deletes need a one-column key; ${spec.name} has ${spec.key.length}`);
  const key = spec.key[0]!;
  const column = spec.columns.find((c) => c.name === key)!;
  return column;
}

/** The column keys are matched on: the key, or `input.column`. */
function matchColumn(input: KeyUpdateInput) {
  const key = singleKey(input.spec);
  if (input.column === undefined) return key;
  const column = input.spec.columns.find((c) => c.name === input.column);
  if (!column) throw new Error(`${input.column} is not a column of ${input.spec.name}`);
  return column;
}

function keySelect(input: KeyUpdateInput): RawBuilder<unknown> {
  const column = matchColumn(input);
  return sql`SELECT CAST(${sql.ref('key')} AS ${sql.raw(input.caps.types[column.type])}) FROM ${table(input.stagingSchema, input.keysTable)} WHERE ${sql.ref('key')} IS NOT NULL`;
}

function entityPredicate(input: KeyUpdateInput): RawBuilder<unknown> {
  return input.entity === undefined ? sql`` : sql`${sql.ref('_entity')} = ${input.entity} AND `;
}

function markDeleted(input: KeyUpdateInput): RawBuilder<unknown> {
  return sql`${sql.id('_deleted_at')} = ${input.at}, ${sql.id('_load_id')} = ${input.loadId}, ${sql.id('_loaded_at')} = ${input.at}`;
}

/** Soft-deletes the listed keys (AUDITHISTORY deletes), or the rows whose `column` holds them. */
export function compileSoftDeleteKeys(input: KeyUpdateInput): RawBuilder<unknown> {
  const column = matchColumn(input);
  return sql`UPDATE ${table(input.rawSchema, input.spec.name)} SET ${markDeleted(input)}
WHERE ${entityPredicate(input)}${sql.ref('_deleted_at')} IS NULL AND ${sql.ref(column.name)} IN (${keySelect(input)})`;
}

/** The distinct non-null values of `column` in the rows with the listed keys. */
export function compileColumnValues(
  input: KeyUpdateInput & { readonly column: string },
): RawBuilder<unknown> {
  const key = singleKey(input.spec);
  const keysOnly = { ...input, column: undefined };
  return sql`SELECT DISTINCT CAST(${sql.ref(input.column)} AS ${sql.raw(input.caps.types.string)}) AS ${sql.id('value')} FROM ${table(input.rawSchema, input.spec.name)}
WHERE ${sql.ref(input.column)} IS NOT NULL AND ${sql.ref(key.name)} IN (${keySelect(keysOnly)})`;
}

export interface UnclaimedValuesInput {
  readonly caps: Capabilities;
  readonly rawSchema: string;
  readonly spec: TableSpec;
  readonly column: string;
  readonly entity: string;
  /** Tables whose live rows claim a value in `claimColumn` (documents and the GL batch they own). */
  readonly claimedBy: readonly { readonly spec: TableSpec; readonly column: string }[];
}

/**
 * The distinct values of `column` in the live rows of one entity that no live row of the
 * `claimedBy` tables holds: the GL batches whose lines are in the warehouse but whose owning
 * document is not (a killed first sync, an `--objects` subset).
 */
export function compileUnclaimedValues(input: UnclaimedValuesInput): RawBuilder<unknown> {
  const own = columnOf(input.spec, input.column);
  const text = sql.raw(input.caps.types.string);
  const claims = input.claimedBy.map((c) => {
    const column = columnOf(c.spec, c.column);
    return sql` AND CAST(${sql.ref(own.name)} AS ${text}) NOT IN (SELECT CAST(${sql.ref(column.name)} AS ${text}) FROM ${table(input.rawSchema, c.spec.name)} WHERE ${sql.ref('_deleted_at')} IS NULL AND ${sql.ref(column.name)} IS NOT NULL)`;
  });
  return sql`SELECT DISTINCT CAST(${sql.ref(own.name)} AS ${text}) AS ${sql.id('value')} FROM ${table(input.rawSchema, input.spec.name)}
WHERE ${sql.ref('_entity')} = ${input.entity} AND ${sql.ref('_deleted_at')} IS NULL AND ${sql.ref(own.name)} IS NOT NULL${sql.join(claims, sql``)}`;
}

function columnOf(spec: TableSpec, name: string) {
  validateTableSpec(spec);
  const column = spec.columns.find((c) => c.name === name);
  if (!column) throw new Error(`${name} is not a column of ${spec.name}`);
  return column;
}

/** Soft-deletes every live key of one entity (within `scope`, when given) that Intacct no longer has. */
export function compileReconcileKeys(input: KeyUpdateInput): RawBuilder<unknown> {
  const key = singleKey(input.spec);
  return sql`UPDATE ${table(input.rawSchema, input.spec.name)} SET ${markDeleted(input)}
WHERE ${entityPredicate(input)}${scopePredicate(input)}${sql.ref('_deleted_at')} IS NULL AND ${sql.ref(key.name)} NOT IN (${keySelect(input)})`;
}

function scopePredicate(input: KeyUpdateInput): RawBuilder<unknown> {
  if (input.scope === undefined) return sql``;
  const column = input.spec.columns.find((c) => c.name === input.scope?.column);
  if (!column) throw new Error(`${input.scope.column} is not a column of ${input.spec.name}`);
  const type = sql.raw(input.caps.types[column.type]);
  const values = input.scope.values.map((v) => sql`CAST(${v} AS ${type})`);
  return sql`${sql.ref(column.name)} IN (${sql.join(values)}) AND `;
}
