/**
 * Staging-load throughput on DuckDB: 1,000,000 GL-shaped rows (30 columns: ids, dates, instants,
 * decimals, text) written to the staging file in 10,000-row batches, then merged into raw the job's
 * way (unique keys): into the empty table (a plain INSERT, the key range being new), then the same
 * rows again (a MERGE, every row unchanged). Reports rows/s, the process's CPU per row for each
 * step (DuckDB's threads included) and its peak RSS. Run: `npx tsx bench/warehouse-load.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { silentLogger } from '../src/core/logger.ts';
import type { FieldDescriptor } from '../src/intacct/objects/descriptor.ts';
import { openWarehouse } from '../src/warehouse/open-warehouse.ts';
import { dataColumns, tableSpecFromDescriptor } from '../src/warehouse/table-spec.ts';
import type { StageRow } from '../src/warehouse/warehouse.ts';

export const FIELDS: FieldDescriptor[] = [
  { name: 'RECORDNO', type: 'integer' },
  { name: 'BATCHNO', type: 'integer' },
  { name: 'BATCH_NUMBER', type: 'integer' },
  { name: 'LINE_NO', type: 'integer' },
  { name: 'ACCOUNTNO', type: 'string' },
  { name: 'ACCOUNTTITLE', type: 'string' },
  { name: 'DEPARTMENTID', type: 'string' },
  { name: 'LOCATIONID', type: 'string' },
  { name: 'PROJECTID', type: 'string' },
  { name: 'CUSTOMERID', type: 'string' },
  { name: 'VENDORID', type: 'string' },
  { name: 'CLASSID', type: 'string' },
  { name: 'ENTRY_DATE', type: 'date' },
  { name: 'BATCH_DATE', type: 'date' },
  { name: 'TR_TYPE', type: 'integer' },
  { name: 'AMOUNT', type: 'decimal' },
  { name: 'TRX_AMOUNT', type: 'decimal' },
  { name: 'DEBITAMOUNT', type: 'decimal' },
  { name: 'CREDITAMOUNT', type: 'decimal' },
  { name: 'EXCHANGE_RATE', type: 'decimal' },
  { name: 'CURRENCY', type: 'string' },
  { name: 'BASECURR', type: 'string' },
  { name: 'DESCRIPTION', type: 'string' },
  { name: 'JOURNAL', type: 'string' },
  { name: 'STATE', type: 'string' },
  { name: 'CLEARED', type: 'boolean' },
  { name: 'WHENCREATED', type: 'timestamp' },
  { name: 'WHENMODIFIED', type: 'timestamp' },
  { name: 'CREATEDBY', type: 'integer' },
  { name: 'MODIFIEDBY', type: 'integer' },
];

const TOTAL = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const BATCH = 10_000;
const BASE_MS = Date.parse('2026-01-01T00:00:00.000Z');

export function glRow(i: number): StageRow {
  const cents = (i * 7919) % 10_000_000;
  const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  const day = String((i % 28) + 1).padStart(2, '0');
  const ts = new Date(BASE_MS + i * 1000).toISOString();
  return [
    String(i + 1),
    String(Math.floor(i / 10)),
    String(Math.floor(i / 10)),
    String(i % 10),
    String(1000 + (i % 400)),
    `Account ${i % 400}`,
    `D${i % 20}`,
    `L${i % 8}`,
    i % 3 === 0 ? null : `P${i % 500}`,
    i % 2 === 0 ? `C${i % 3000}` : null,
    i % 2 === 1 ? `V${i % 2000}` : null,
    `CL${i % 5}`,
    `2026-03-${day}`,
    `2026-03-${day}`,
    i % 2 === 0 ? '1' : '-1',
    amount,
    amount,
    i % 2 === 0 ? amount : '0',
    i % 2 === 1 ? amount : '0',
    '1.000000000',
    'USD',
    'USD',
    `Journal line ${i} for period close`,
    'GJ',
    'Posted',
    i % 4 === 0 ? 'true' : 'false',
    ts,
    ts,
    String(i % 50),
    String(i % 50),
  ];
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-warehouse-'));
  const lines: string[] = [];
  try {
    const spec = tableSpecFromDescriptor(
      {
        object: 'GLDETAIL',
        table: 'gl_detail',
        key: 'RECORDNO',
        watermark: 'WHENMODIFIED',
        created: 'WHENCREATED',
        lookbackMinutes: 10,
        refresh: 'incremental',
        entityScope: 'entity',
        deletes: 'audit',
        readMethod: 'query',
        large: true,
        sources: [],
        fields: FIELDS,
      },
      [],
    );
    const wh = await openWarehouse(
      { type: 'duckdb', path: join(dir, 'bench.duckdb') },
      { staging: 'intacct_staging', raw: 'intacct_raw', analytics: 'analytics' },
      silentLogger,
    );
    await wh.migrate();
    await wh.ensureTable(spec, 'raw', 'evolve');
    const rssBefore = process.memoryUsage().rss;
    const stage = await wh.openStage(spec, 'bench-1');
    const started = performance.now();
    let generateMs = 0;
    for (let offset = 0; offset < TOTAL; offset += BATCH) {
      const g = performance.now();
      const batch: StageRow[] = [];
      for (let i = offset; i < Math.min(TOTAL, offset + BATCH); i++) batch.push(glRow(i));
      generateMs += performance.now() - g;
      await stage.append(batch);
    }
    const { table, rows } = await stage.finish();
    const loadMs = performance.now() - started;
    // Wall time and the process's CPU (DuckDB's threads included) of one merge of the staged rows.
    const timedMerge = async (loadId: string) => {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const result = await wh.merge({ spec, stagingTable: table, loadId, entity: 'E100', uniqueKeys: true });
      const { user, system } = process.cpuUsage(cpu);
      return { result, ms: performance.now() - start, cpuMs: (user + system) / 1000 };
    };
    const first = await timedMerge('bench-1');
    const again = await timedMerge('bench-2');
    await wh.close();
    const perRow = (ms: number) => `${((ms * 1000) / rows).toFixed(1)} µs`;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const appendMs = loadMs - generateMs;
    lines.push(
      '### Warehouse staging load (DuckDB: CSV staging file, one MERGE reading it once)',
      '',
      `${rows.toLocaleString('en-US')} GL-shaped rows × ${dataColumns(spec).length} columns, batches of ${BATCH.toLocaleString('en-US')}.`,
      '',
      '| Step | Time | Rows/s | CPU per row |',
      '|---|---|---|---|',
      `| stage load incl. row generation | ${(loadMs / 1000).toFixed(2)} s | ${Math.round(rows / (loadMs / 1000)).toLocaleString('en-US')} | |`,
      `| stage load, CSV file only (generation ${(generateMs / 1000).toFixed(2)} s excluded) | ${(appendMs / 1000).toFixed(2)} s | ${Math.round(rows / (appendMs / 1000)).toLocaleString('en-US')} | |`,
      `| into empty raw (CSV parse, INSERT, checkpoint), inserted ${first.result.inserted.toLocaleString('en-US')} | ${(first.ms / 1000).toFixed(2)} s | ${Math.round(rows / (first.ms / 1000)).toLocaleString('en-US')} | ${perRow(first.cpuMs)} |`,
      `| the same rows again: MERGE (all unchanged: ${again.result.unchanged.toLocaleString('en-US')}) | ${(again.ms / 1000).toFixed(2)} s | ${Math.round(rows / (again.ms / 1000)).toLocaleString('en-US')} | ${perRow(again.cpuMs)} |`,
      '',
      `Peak RSS of the process: ${peakRssMb.toFixed(0)} MB (RSS before the load: ${(rssBefore / 1048576).toFixed(0)} MB).`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then((text) => process.stdout.write(`${text}\n`));
}
