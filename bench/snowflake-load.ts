/**
 * Staging throughput into Snowflake's bulk path, measured against the emulator: GL-shaped rows (the
 * 30 columns of warehouse-load.ts) through the real snowflake-sdk driver as gzipped CSV files, PUT in
 * parallel and loaded by COPY INTO, then one MERGE. The emulator runs in a child process, so the CPU
 * this process spends is the job's own side of the work (CSV encoding, gzip, the driver's uploads and
 * requests): the driver-side cost per row. The emulator's DuckDB bounds the wall-clock numbers; a real
 * Snowflake warehouse loads in parallel across files.
 * Run: `npx tsx bench/snowflake-load.ts` (`BENCH_ROWS` sets the size, default 200,000).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { silentLogger } from '../src/core/logger.ts';
import { SnowflakeWarehouse } from '../src/warehouse/snowflake/snowflake-warehouse.ts';
import { dataColumns, tableSpecFromDescriptor } from '../src/warehouse/table-spec.ts';
import type { StageRow } from '../src/warehouse/warehouse.ts';
import { FIELDS, glRow } from './warehouse-load.ts';

process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION = 'true';

const TOTAL = Number(process.env['BENCH_ROWS'] ?? 200_000);
const BATCH = 10_000;

async function startEmulator(): Promise<{ child: ChildProcess; url: string }> {
  const main = fileURLToPath(new URL('../test/emulators/snowflake/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const { url } = JSON.parse(line) as { url: string };
    return { child, url };
  }
  throw new Error('the Snowflake emulator did not start');
}

export async function run(): Promise<string> {
  const { child, url } = await startEmulator();
  try {
    const spec = tableSpecFromDescriptor({
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
      fields: FIELDS,
    });
    const wh = await SnowflakeWarehouse.open({
      connection: {
        account: 'emulator',
        username: 'bench',
        password: 'bench',
        database: 'BENCH',
        accessUrl: url,
      },
      schemas: { staging: 'intacct_staging', raw: 'intacct_raw', analytics: 'analytics' },
      logger: silentLogger,
      stageFileBytes: 8 * 1024 * 1024,
    });
    await wh.migrate();
    await wh.ensureTable(spec, 'raw', 'evolve');
    const stage = await wh.openStage(spec, 'bench-1');
    let generateMs = 0;
    let generateCpu = 0;
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    for (let offset = 0; offset < TOTAL; offset += BATCH) {
      const g = performance.now();
      const c = process.cpuUsage();
      const batch: StageRow[] = [];
      for (let i = offset; i < Math.min(TOTAL, offset + BATCH); i++) batch.push(glRow(i));
      generateMs += performance.now() - g;
      const used = process.cpuUsage(c);
      generateCpu += (used.user + used.system) / 1000;
      await stage.append(batch);
    }
    const { table, rows } = await stage.finish();
    const loadMs = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    const jobCpuMs = (cpu.user + cpu.system) / 1000 - generateCpu;
    const mergeStart = performance.now();
    const merged = await wh.merge({ spec, stagingTable: table, loadId: 'bench-1', entity: 'E100' });
    const mergeMs = performance.now() - mergeStart;
    await wh.close();
    const perSecond = (ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en-US');
    return [
      `${rows.toLocaleString('en-US')} GL-shaped rows × ${dataColumns(spec).length} columns, batches of ${BATCH.toLocaleString('en-US')}; gzipped CSV files of up to 8 MiB uncompressed, 4 PUTs at once, one COPY INTO, emulator in a child process.`,
      '',
      '| Step | Time | Rows/s |',
      '|---|---|---|',
      `| stage load (CSV + gzip + PUT + COPY INTO), row generation (${(generateMs / 1000).toFixed(2)} s) excluded | ${((loadMs - generateMs) / 1000).toFixed(2)} s | ${perSecond(loadMs - generateMs)} |`,
      `| MERGE into empty raw, inserted ${merged.inserted.toLocaleString('en-US')} | ${(mergeMs / 1000).toFixed(2)} s | ${perSecond(mergeMs)} |`,
      '',
      `Driver-side cost (CPU of this process during the stage load, row generation excluded): ${(jobCpuMs / 1000).toFixed(2)} s, ${((jobCpuMs * 1000) / rows).toFixed(1)} µs per row.`,
    ].join('\n');
  } finally {
    child.kill('SIGTERM');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then((text) => process.stdout.write(`${text}\n`));
}
