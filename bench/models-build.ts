/**
 * Building every model in DuckDB: a company is synced into a fresh file (the demo command, in its own
 * process), then a separate process builds all models from scratch (--full-refresh) and again
 * incrementally, reporting wall time and its own peak RSS. Default: scale 2 (~95k GL lines).
 * BENCH_FULL=1: the scale-2 GL copied ten times over with new batch and line keys (~950k GL lines,
 * every batch still balanced), because syncing the scale-20 company through the sandbox takes far
 * longer than the build being measured; the other tables stay at scale 2.
 *
 * Run: `npm run bench -- --only models-build` (add `--full` for scale 20).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const exec = promisify(execFile);

async function child(
  path: string,
  fullRefresh: boolean,
): Promise<{ seconds: number; maxRssMb: number; models: number; lines: number }> {
  const { stdout } = await exec(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'bench', 'models-build.ts'),
      '--child',
      path,
      fullRefresh ? 'full' : 'incremental',
    ],
    {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout.trim().split('\n').pop() as string);
}

export async function run(): Promise<string> {
  const scale = 2;
  const copies = process.env.BENCH_FULL === '1' ? 10 : 1;
  const dir = mkdtempSync(join(tmpdir(), 'intacct-elt-bench-models-'));
  const path = join(dir, 'warehouse.duckdb');
  try {
    const t0 = Date.now();
    await exec(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src', 'cli', 'main.ts'),
        'demo',
        '--path',
        path,
        '--scale',
        String(scale),
        '--json',
      ],
      {
        cwd: ROOT,
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    const syncSeconds = (Date.now() - t0) / 1000;
    if (copies > 1)
      await exec(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'bench', 'models-build.ts'), '--copy', path, String(copies)],
        { cwd: ROOT },
      );
    const full = await child(path, true);
    const incremental = await child(path, false);
    return [
      `Scale ${scale}${copies > 1 ? `, GL copied ${copies} times` : ''}: ${full.lines.toLocaleString('en-US')} GL lines; ${full.models} models (setup: demo sync of the company, ${syncSeconds.toFixed(0)} s).`,
      '',
      '| build | wall s | peak RSS MB |',
      '| --- | ---: | ---: |',
      `| every model from scratch (--full-refresh) | ${full.seconds.toFixed(1)} | ${full.maxRssMb} |`,
      `| every model again, fct_gl_entry incremental | ${incremental.seconds.toFixed(1)} | ${incremental.maxRssMb} |`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--copy') {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(process.argv[3] as string);
  const connection = await instance.connect();
  for (let k = 1; k < Number(process.argv[4]); k++) {
    // New line and batch keys, same amounts: every copied batch balances as the original does.
    await connection.run(
      `insert into intacct_raw.gl_detail by name
       select * replace (record_no + ${k} * 100000000 as record_no, batchkey + ${k} * 100000000 as batchkey)
         from intacct_raw.gl_detail where record_no < 100000000`,
    );
  }
  connection.closeSync();
  instance.closeSync();
}

if (process.argv[2] === '--child') {
  const { configSchema } = await import('../src/config/schema.ts');
  const { silentLogger } = await import('../src/core/logger.ts');
  const { openWarehouse } = await import('../src/warehouse/open-warehouse.ts');
  const { runModelsStep } = await import('../src/models/run-models.ts');
  const path = process.argv[3] as string;
  const config = configSchema.parse({
    intacct: {
      senderId: 'b',
      senderPassword: 'b',
      companyId: 'b',
      userId: 'b',
      userPassword: 'b',
      timezone: 'UTC',
    },
    warehouse: { type: 'duckdb', path },
  });
  const warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
  const started = Date.now();
  const report = await runModelsStep({
    config,
    runner: warehouse,
    logger: silentLogger,
    projectDir: join(ROOT, 'models'),
    test: false,
    fullRefresh: process.argv[4] === 'full',
  });
  const seconds = (Date.now() - started) / 1000;
  if (!report.build?.ok)
    throw new Error(
      `models failed: ${report.build?.models
        .filter((m) => m.status !== 'success')
        .map((m) => m.message)
        .join('; ')}`,
    );
  const [lines] = await warehouse.query<{ n: unknown }>(
    'select count(*) as n from analytics_marts.fct_gl_entry',
  );
  await warehouse.close();
  console.log(
    JSON.stringify({
      seconds,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      models: report.build.models.length,
      lines: Number(lines?.n),
    }),
  );
}
