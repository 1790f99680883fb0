/**
 * The transactional unit BigQuery can commit: one multi-statement script. A merge and its
 * watermark write go out as
 *
 *   BEGIN TRANSACTION;
 *   CREATE TEMP TABLE _merge_counts AS <counts>;   -- temporary: the only DDL allowed in a transaction
 *   MERGE …;
 *   MERGE … _elt_state …;                           -- when the state is written with it
 *   COMMIT TRANSACTION;
 *   SELECT * FROM _merge_counts;                    -- the script's result
 *
 * so a failure anywhere rolls back both. Pure: compiled with the BigQuery dialect, golden-tested.
 */
import { CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely';
import { assertIdentifier } from '../identifiers.ts';
import { type MergeCompileInput, compileMerge, compileMergeCounts } from '../merge-compile.ts';
import type { SetStateRequest } from '../warehouse.ts';

export const MERGE_COUNTS_TABLE = '_merge_counts';

/** Upsert of one watermark row as a MERGE (BigQuery has no ON CONFLICT). */
export function compileStateMerge(rawSchema: string, state: SetStateRequest, now: Date): RawBuilder<unknown> {
  const target = sql.id(assertIdentifier(rawSchema, 'schema name'), '_elt_state');
  return sql`MERGE INTO ${target} AS ${sql.id('T')}
USING (SELECT ${state.object} AS ${sql.id('object')}, ${state.entity} AS ${sql.id('entity')}) AS ${sql.id('S')}
ON ${sql.ref('T.object')} = ${sql.ref('S.object')} AND ${sql.ref('T.entity')} = ${sql.ref('S.entity')}
WHEN MATCHED THEN UPDATE SET ${sql.id('watermark')} = ${state.watermark}, ${sql.id('load_id')} = ${state.loadId}, ${sql.id('updated_at')} = ${now}
WHEN NOT MATCHED THEN INSERT (${sql.id('object')}, ${sql.id('entity')}, ${sql.id('watermark')}, ${sql.id('load_id')}, ${sql.id('updated_at')}) VALUES (${sql.ref('S.object')}, ${sql.ref('S.entity')}, ${state.watermark}, ${state.loadId}, ${now})`;
}

export function compileMergeScript(
  db: Kysely<unknown>,
  input: MergeCompileInput,
  state?: { readonly request: SetStateRequest; readonly now: Date },
): CompiledQuery {
  const counts = compileMergeCounts(input).compile(db);
  const merge = compileMerge(input).compile(db);
  const stateMerge = state
    ? compileStateMerge(input.rawSchema, state.request, state.now).compile(db)
    : undefined;
  const counted = `\`${MERGE_COUNTS_TABLE}\``;
  const statements = [
    'BEGIN TRANSACTION',
    `CREATE TEMP TABLE ${counted} AS ${counts.sql}`,
    merge.sql,
    ...(stateMerge ? [stateMerge.sql] : []),
    'COMMIT TRANSACTION',
    `SELECT * FROM ${counted}`,
  ];
  return CompiledQuery.raw(`${statements.join(';\n')};`, [
    ...counts.parameters,
    ...merge.parameters,
    ...(stateMerge?.parameters ?? []),
  ]);
}
