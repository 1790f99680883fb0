/**
 * Builds the reverse models for tests: loads `models/seeds/*.csv` as text tables and creates each
 * `models/reverse/*.sql` as a view, rendering only the few dbt expressions those files use (ref,
 * dbt.type_string, dbt.safe_cast, dbt.datediff, dbt.dateadd) for DuckDB. The project's models
 * runner is the real build; this keeps the engine's tests independent of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Warehouse } from '../../src/warehouse/warehouse.ts';

export const MODELS_DIR = resolve(import.meta.dirname, '../../models');

function args(text: string): string[] {
  return [...text.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');
}

export function renderForDuckDb(sql: string, schema: string): string {
  return sql.replace(/\{\{\s*([\w.]+)\s*\(([^}]*)\)\s*\}\}/g, (_, fn: string, rawArgs: string) => {
    const a = args(rawArgs);
    switch (fn) {
      case 'ref':
        return `"${schema}"."${a[0]}"`;
      case 'dbt.type_string':
        return 'VARCHAR';
      case 'dbt.safe_cast':
        return `TRY_CAST(${a[0]} AS ${a[1]})`;
      case 'dbt.datediff':
        return `date_diff('${a[2]}', ${a[0]}, ${a[1]})`;
      case 'dbt.dateadd':
        return `(${a[2]} + to_months(CAST(${a[1]} AS INTEGER)))`;
      default:
        throw new Error(`reverse-models test builder: unsupported {{ ${fn}() }}`);
    }
  });
}

/** Seeds as tables (every column text), reverse models as views over them. */
export async function buildReverseModels(warehouse: Warehouse, schema = 'analytics'): Promise<string[]> {
  await warehouse.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const seedsDir = join(MODELS_DIR, 'seeds');
  for (const file of readdirSync(seedsDir).filter((f) => f.endsWith('.csv'))) {
    const name = basename(file, '.csv');
    const path = join(seedsDir, file).replace(/'/g, "''");
    await warehouse.query(
      `CREATE OR REPLACE TABLE "${schema}"."${name}" AS SELECT * FROM read_csv('${path}', header = true, all_varchar = true)`,
    );
  }
  const built: string[] = [];
  const reverseDir = join(MODELS_DIR, 'reverse');
  for (const file of readdirSync(reverseDir).filter((f) => f.endsWith('.sql'))) {
    const name = basename(file, '.sql');
    const sql = renderForDuckDb(readFileSync(join(reverseDir, file), 'utf8'), schema);
    await warehouse.query(`CREATE OR REPLACE VIEW "${schema}"."${name}" AS ${sql}`);
    built.push(name);
  }
  return built;
}
