/**
 * Golden SQL per statement kind and dialect (DuckDB, Snowflake, BigQuery), side by side in one folder per
 * dialect. Regenerate after a reviewed change with `UPDATE_GOLDEN=1 npx vitest run test/golden/sql`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CompiledQuery, type Dialect, Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { defineObject } from '../../../src/intacct/objects/descriptor.ts';
import {
  compileAddColumn,
  compileCreateRawTable,
  compileCreateStagingTable,
} from '../../../src/warehouse/ddl-compile.ts';
import { BigQueryDialect } from '../../../src/warehouse/bigquery/bigquery-dialect.ts';
import { compileCreateSeedTable } from '../../../src/warehouse/bigquery/bigquery-loader.ts';
import { compileMergeScript } from '../../../src/warehouse/bigquery/bigquery-script.ts';
import { DuckDBDialect } from '../../../src/warehouse/duckdb/duckdb-dialect.ts';
import { SnowflakeDialect } from '../../../src/warehouse/snowflake/snowflake-dialect.ts';
import { compileCopy, compilePut } from '../../../src/warehouse/snowflake/snowflake-loader.ts';
import {
  compileMerge,
  compileMergeCounts,
  compileReconcileKeys,
  compileSoftDeleteKeys,
  compileUnclaimedValues,
} from '../../../src/warehouse/merge-compile.ts';
import { columnNameFor } from '../../../src/warehouse/identifiers.ts';
import { compileWindowCount } from '../../../src/warehouse/window-count-compile.ts';
import { tableSpecFromDescriptor } from '../../../src/warehouse/table-spec.ts';
import { CAPABILITIES, type Capabilities } from '../../../src/warehouse/warehouse.ts';
import { controlTablesMigration } from '../../../migrations/0001-control-tables.ts';

const here = dirname(fileURLToPath(import.meta.url));

const spec = tableSpecFromDescriptor(
  defineObject({
    object: 'GLDETAIL',
    table: 'gl_detail',
    key: 'RECORDNO',
    watermark: 'WHENMODIFIED',
    created: null,
    lookbackMinutes: 10,
    refresh: 'incremental',
    entityScope: 'entity',
    deletes: 'audit',
    readMethod: 'query',
    large: true,
    sources: [],
    fields: [
      { name: 'RECORDNO', type: 'integer' },
      { name: 'ACCOUNTNO', type: 'string' },
      { name: 'AMOUNT', type: 'decimal' },
      { name: 'ENTRY_DATE', type: 'date' },
      { name: 'WHENMODIFIED', type: 'timestamp' },
    ],
  }),
);
const at = new Date('2026-11-01T08:00:00.000Z');

function render(query: CompiledQuery): string {
  const params = query.parameters.map((p) => (p instanceof Date ? p.toISOString() : p));
  return `${query.sql.trim()}\n-- params: ${JSON.stringify(params)}\n`;
}

/** Captures the statements a migration runs, without a database. */
async function migrationSql(dialect: Dialect): Promise<string> {
  const statements: string[] = [];
  const capture = new Kysely<unknown>({
    dialect,
    log: (event) => {
      statements.push(`${event.query.sql};`);
    },
  });
  await controlTablesMigration('intacct_raw').up(capture);
  return `${statements.join('\n')}\n`;
}

interface Target {
  readonly caps: Capabilities;
  readonly dialect: () => Dialect;
}

const TARGETS: Record<string, Target> = {
  duckdb: { caps: CAPABILITIES.duckdb, dialect: () => new DuckDBDialect(null) },
  snowflake: { caps: CAPABILITIES.snowflake, dialect: () => new SnowflakeDialect(null) },
  bigquery: { caps: CAPABILITIES.bigquery, dialect: () => new BigQueryDialect(null) },
};

function cases(name: string, target: Target): Record<string, () => CompiledQuery | string | Promise<string>> {
  const { caps } = target;
  const db = new Kysely<unknown>({ dialect: target.dialect() });
  const mergeInput = {
    caps,
    rawSchema: 'intacct_raw',
    stagingSchema: 'intacct_staging',
    spec,
    stagingTable: 'gl_detail__load_1',
    loadId: 'load-1',
    loadedAt: at,
    entity: 'E100',
  };
  const keyInput = { ...mergeInput, keysTable: '_keys__abc', at };
  const common: Record<string, () => CompiledQuery | string | Promise<string>> = {
    'create-raw-table': () => compileCreateRawTable(db, caps, 'intacct_raw', spec).compile(),
    'create-staging-table': () =>
      compileCreateStagingTable(db, caps, 'intacct_staging', 'gl_detail__load_1', spec).compile(),
    'add-column': () =>
      compileAddColumn(db, caps.types.decimal, 'intacct_raw', 'gl_detail', { name: 'rate', type: 'decimal' }).compile(),
    merge: () => compileMerge(mergeInput).compile(db),
    'merge-counts': () => compileMergeCounts(mergeInput).compile(db),
    'soft-delete-keys': () => compileSoftDeleteKeys(keyInput).compile(db),
    'reconcile-keys': () => compileReconcileKeys(keyInput).compile(db),
    // Batch keys of lines no live document claims (the spec's ACCOUNTNO stands in for both columns).
    'unclaimed-values': () =>
      compileUnclaimedValues({
        caps,
        rawSchema: 'intacct_raw',
        spec,
        column: spec.key[0] as string,
        entity: 'US1',
        claimedBy: [{ spec, column: columnNameFor('ACCOUNTNO') }],
      }).compile(db),
    'control-tables-migration': () => migrationSql(target.dialect()),
    // The unchanged-stream probe's warehouse side: live rows of one entity in a window (ENTRY_DATE
    // stands in for a creation date that counts rows whose watermark is null).
    'window-count': () =>
      compileWindowCount({
        caps,
        rawSchema: 'intacct_raw',
        spec,
        entity: 'US1',
        watermark: {
          column: columnNameFor('WHENMODIFIED'),
          from: { kind: 'timestamp', at: new Date('2026-11-01T07:00:00.000Z') },
          to: { kind: 'timestamp', at },
        },
        createdWhenNull: {
          column: columnNameFor('ENTRY_DATE'),
          from: { kind: 'date', day: '2026-10-31' },
          to: { kind: 'date', day: '2026-11-02' },
        },
      }).compile(db),
  };
  if (name === 'bigquery') {
    return {
      ...common,
      // The transactional unit: the MERGE and the watermark as one script.
      'merge-script': () =>
        compileMergeScript(db, mergeInput, {
          request: { object: 'GLDETAIL', entity: 'E100', watermark: '2026-11-01T07:59:00.000Z', loadId: 'load-1' },
          now: at,
        }),
      // A models seed goes in by a load job into this table.
      'seed-table': () =>
        `${compileCreateSeedTable({
          schema: 'analytics_seeds',
          table: 'account_categories',
          columns: [
            { name: 'category', kind: 'string' },
            { name: 'sort_order', kind: 'integer' },
            { name: 'weight', kind: 'decimal' },
          ],
          rows: [],
        })}\n`,
    };
  }
  if (name !== 'snowflake') return common;
  return {
    ...common,
    // The bulk path: one PUT per staged file, one COPY per 1,000 files.
    // The loader writes its files under the OS temp folder; the golden names that folder <tmpdir>.
    'stage-put': () =>
      `${compilePut(join(tmpdir(), 'intacct-elt-put-x', 'part-00001.csv.gz'), 'intacct_elt/gl_detail__load_1').replace(tmpdir(), '<tmpdir>')}\n`,
    'stage-copy': () =>
      `${compileCopy(
        '"intacct_staging"."gl_detail__load_1"',
        ['"record_no"', '"accountno"', '"amount"', '"entry_date"', '"when_modified"', '"_seq"', '"_deleted_at"'],
        'intacct_elt/gl_detail__load_1',
        ['part-00001.csv.gz', 'part-00002.csv.gz'],
      )}\n`,
  };
}

for (const [name, target] of Object.entries(TARGETS)) {
  describe(`golden SQL (${name})`, () => {
    for (const [kind, build] of Object.entries(cases(name, target))) {
      it(kind, async () => {
        const built = await build();
        const text = typeof built === 'string' ? built : render(built);
        const file = join(here, name, `${kind}.sql`);
        if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) {
          if (process.env['UPDATE_GOLDEN'] !== '1') throw new Error(`missing golden file ${file}; run with UPDATE_GOLDEN=1`);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, text);
        }
        expect(text).toBe(readFileSync(file, 'utf8'));
      });
    }
  });
}
