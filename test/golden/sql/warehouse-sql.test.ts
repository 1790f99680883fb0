/**
 * Golden SQL per statement kind, compiled by the DuckDB dialect. Regenerate after a reviewed change
 * with `UPDATE_GOLDEN=1 npx vitest run test/golden/sql`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { defineObject } from '../../../src/intacct/objects/descriptor.ts';
import {
  compileAddColumn,
  compileCreateRawTable,
  compileCreateStagingTable,
} from '../../../src/warehouse/ddl-compile.ts';
import { duckdbCompiler } from '../../../src/warehouse/duckdb/duckdb-dialect.ts';
import {
  compileMerge,
  compileMergeCounts,
  compileReconcileKeys,
  compileSoftDeleteKeys,
  compileUnclaimedValues,
} from '../../../src/warehouse/merge-compile.ts';
import { columnNameFor } from '../../../src/warehouse/identifiers.ts';
import { tableSpecFromDescriptor } from '../../../src/warehouse/table-spec.ts';
import { CAPABILITIES } from '../../../src/warehouse/warehouse.ts';
import { controlTablesMigration } from '../../../migrations/0001-control-tables.ts';

const here = dirname(fileURLToPath(import.meta.url));
const caps = CAPABILITIES.duckdb;
const db = duckdbCompiler();

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

function render(query: CompiledQuery): string {
  const params = query.parameters.map((p) => (p instanceof Date ? p.toISOString() : p));
  return `${query.sql.trim()}\n-- params: ${JSON.stringify(params)}\n`;
}

/** Captures the statements a migration runs, without a database. */
async function migrationSql(): Promise<string> {
  const statements: string[] = [];
  const { Kysely } = await import('kysely');
  const { DuckDBDialect } = await import('../../../src/warehouse/duckdb/duckdb-dialect.ts');
  const capture = new Kysely<unknown>({
    dialect: new DuckDBDialect(null),
    log: (event) => {
      statements.push(`${event.query.sql};`);
    },
  });
  await controlTablesMigration('intacct_raw').up(capture);
  return `${statements.join('\n')}\n`;
}

const CASES: Record<string, () => CompiledQuery | Promise<string>> = {
  'create-raw-table': () => compileCreateRawTable(db, caps, 'intacct_raw', spec).compile(),
  'create-staging-table': () => compileCreateStagingTable(db, caps, 'intacct_staging', 'gl_detail__load_1', spec).compile(),
  'add-column': () => compileAddColumn(db, caps.types.decimal, 'intacct_raw', 'gl_detail', { name: 'rate', type: 'decimal' }).compile(),
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
  'control-tables-migration': () => migrationSql(),
};

describe('golden SQL (duckdb)', () => {
  for (const [name, build] of Object.entries(CASES)) {
    it(name, async () => {
      const built = await build();
      const text = typeof built === 'string' ? built : render(built);
      const file = join(here, 'duckdb', `${name}.sql`);
      if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) {
        if (process.env['UPDATE_GOLDEN'] !== '1') throw new Error(`missing golden file ${file}; run with UPDATE_GOLDEN=1`);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});
