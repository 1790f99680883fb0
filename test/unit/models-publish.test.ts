import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.ts';
import { defaultPublishTargets, publishMarts } from '../../src/models/publish.ts';
import { DuckDBWarehouse } from '../../src/warehouse/duckdb/duckdb-warehouse.ts';

let warehouse: DuckDBWarehouse;
beforeEach(async () => {
  warehouse = await DuckDBWarehouse.open({
    path: ':memory:',
    schemas: { staging: 's', raw: 'r', analytics: 'analytics' },
    logger: silentLogger,
  });
  await warehouse.query('create schema analytics_marts');
  await warehouse.query(
    "create table analytics_marts.trial_balance as select 'US1' as entity_id, 12.5 as amount",
  );
  await warehouse.query('create view analytics_marts.tie_out as select 0 as difference');
});
afterEach(async () => warehouse.close());

async function readBi(path: string, sql: string): Promise<unknown[]> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('publishing the marts for BI tools', () => {
  it('writes a separate DuckDB file and Parquet files, replacing the previous copy whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'intacct-elt-publish-'));
    const targets = defaultPublishTargets(join(dir, 'warehouse.duckdb'));
    expect(targets).toEqual({
      duckdbPath: join(dir, 'warehouse.bi.duckdb'),
      parquetDir: join(dir, 'warehouse-parquet'),
    });
    const first = await publishMarts(warehouse, 'analytics_marts', targets);
    expect(first.tables).toEqual(['tie_out', 'trial_balance']);
    expect(await readBi(targets.duckdbPath, 'select entity_id, amount from marts.trial_balance')).toEqual([
      { entity_id: 'US1', amount: '12.5' },
    ]);
    await warehouse.query("insert into analytics_marts.trial_balance values ('UK1', 1.0)");
    await publishMarts(warehouse, 'analytics_marts', targets);
    expect(await readBi(targets.duckdbPath, 'select count(*) as n from marts.trial_balance')).toEqual([
      { n: '2' },
    ]);
    expect(readdirSync(targets.parquetDir).sort()).toEqual(['tie_out.parquet', 'trial_balance.parquet']);
    // Nothing half-written is left behind.
    expect(readdirSync(dir).sort()).toEqual(['warehouse-parquet', 'warehouse.bi.duckdb']);
  });
});
