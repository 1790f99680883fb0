/**
 * Publishes the marts and dimensions for BI tools, so an open Power BI or Tableau connection never
 * holds the warehouse's file lock: a separate DuckDB file built beside the target and renamed over
 * it in one step (readers see the old file or the new one, never half of one), and one Parquet
 * file per table in a folder swapped the same way. DuckDB only; cloud warehouses serve BI directly.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SqlRunner } from './build.ts';

export interface PublishTargets {
  /** The read-only DuckDB file BI tools open. */
  readonly duckdbPath: string;
  /** Folder of `<table>.parquet` files. */
  readonly parquetDir: string;
}

export interface PublishReport {
  readonly tables: readonly string[];
  readonly duckdbPath: string;
  readonly parquetDir: string;
  readonly ms: number;
}

/** Where a warehouse file publishes by default: `<name>.bi.duckdb` and `<name>-parquet/` beside it. */
export function defaultPublishTargets(warehousePath: string): PublishTargets {
  const stem = basename(warehousePath).replace(/\.duckdb$/, '');
  return {
    duckdbPath: join(dirname(warehousePath), `${stem}.bi.duckdb`),
    parquetDir: join(dirname(warehousePath), `${stem}-parquet`),
  };
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

export async function publishMarts(
  runner: SqlRunner,
  schema: string,
  targets: PublishTargets,
): Promise<PublishReport> {
  const started = Date.now();
  const rows = await runner.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = ${sqlString(schema)} order by table_name`,
  );
  const tables = rows.map((r) => r.table_name);
  const suffix = `${process.pid}-${Date.now()}`;
  const tmpFile = `${targets.duckdbPath}.tmp-${suffix}`;
  const tmpDir = `${targets.parquetDir}.tmp-${suffix}`;
  mkdirSync(dirname(targets.duckdbPath), { recursive: true });
  mkdirSync(tmpDir, { recursive: true });
  const alias = 'intacct_elt_publish';
  try {
    await runner.query(`attach ${sqlString(tmpFile)} as ${alias}`);
    try {
      await runner.query(`create schema ${alias}.marts`);
      for (const t of tables) {
        await runner.query(
          `create table ${alias}.marts.${ident(t)} as select * from ${ident(schema)}.${ident(t)}`,
        );
        await runner.query(
          `copy ${ident(schema)}.${ident(t)} to ${sqlString(join(tmpDir, `${t}.parquet`))} (format parquet)`,
        );
      }
    } finally {
      await runner.query(`detach ${alias}`);
    }
    renameSync(tmpFile, targets.duckdbPath);
    const old = `${targets.parquetDir}.old-${suffix}`;
    if (existsSync(targets.parquetDir)) renameSync(targets.parquetDir, old);
    renameSync(tmpDir, targets.parquetDir);
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(tmpFile, { force: true });
    rmSync(`${tmpFile}.wal`, { force: true });
    rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  }
  return { tables, duckdbPath: targets.duckdbPath, parquetDir: targets.parquetDir, ms: Date.now() - started };
}
