/**
 * Every model built and every data test run on Snowflake, against the emulator through the real
 * snowflake-sdk driver: a sandbox company is synced (every object), then the models are built from
 * scratch, tested (with Intacct's trial balance read for the tie-out), and built again with
 * `fct_gl_entry` incremental. Wall time per step and the statements sent. The emulator's DuckDB and
 * one HTTP round trip per statement bound these numbers, not Snowflake's.
 * Run: `npm run bench -- --only snowflake-models` (`BENCH_SCALE` sets the company size, default 0.05).
 */
import { configSchema } from '../src/config/schema.ts';
import { silentLogger } from '../src/core/logger.ts';
import { runModelsStep } from '../src/models/run-models.ts';
import { startSandbox } from '../src/sandbox/index.ts';
import { openWarehouse } from '../src/warehouse/open-warehouse.ts';
import { snowflakeConfig } from '../test/conformance/warehouse/targets.ts';
import { startSnowflakeEmulator } from '../test/emulators/snowflake/server.ts';
import { clientOf, runOnce, sandboxConfig } from '../test/support/sync-harness.ts';
import { fileURLToPath } from 'node:url';

process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION = 'true';

const PROJECT_DIR = fileURLToPath(new URL('../models', import.meta.url));

export async function run(): Promise<string> {
  const scale = Number(process.env['BENCH_SCALE'] ?? 0.05);
  const [sandbox, emulator] = await Promise.all([
    startSandbox({ scale, seed: 7 }),
    startSnowflakeEmulator({ users: { ELT: { password: 'bench-pw' } } }),
  ]);
  const warehouseConfig = { ...snowflakeConfig(emulator), password: 'bench-pw' };
  const config = configSchema.parse({
    ...sandboxConfig(sandbox, 'unused.duckdb'),
    warehouse: warehouseConfig,
  });
  const client = clientOf(config);
  try {
    let t = Date.now();
    const sync = await runOnce(config);
    if (sync.status !== 'succeeded') throw new Error(`sync ${sync.status}: ${JSON.stringify(sync.errors)}`);
    const syncSeconds = (Date.now() - t) / 1000;
    const lines = sync.objects.find((o) => o.object === 'GLDETAIL')?.inserted ?? 0;
    const warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
    const step = async (options: { build: boolean; test: boolean; fullRefresh?: boolean }) => {
      const before = emulator.stats.queries;
      t = Date.now();
      const report = await runModelsStep({
        config,
        runner: warehouse,
        logger: silentLogger,
        projectDir: PROJECT_DIR,
        ...options,
        ...(options.test ? { trialBalanceReader: client } : {}),
      });
      if (!report.ok) throw new Error('a model or a data test failed on the Snowflake emulator');
      return {
        seconds: (Date.now() - t) / 1000,
        statements: emulator.stats.queries - before,
        models: report.build?.models.length ?? 0,
        tests: report.tests?.tests.length ?? 0,
      };
    };
    try {
      const full = await step({ build: true, test: false, fullRefresh: true });
      const tests = await step({ build: false, test: true });
      const incremental = await step({ build: true, test: false });
      return [
        `Scale ${scale}: ${lines.toLocaleString('en-US')} GL lines, every object synced first (${syncSeconds.toFixed(0)} s).`,
        '',
        '| step | wall s | statements |',
        '| --- | ---: | ---: |',
        `| ${full.models} models from scratch (--full-refresh) | ${full.seconds.toFixed(1)} | ${full.statements} |`,
        `| ${tests.tests} data tests, get_trialbalance read for the tie-out | ${tests.seconds.toFixed(1)} | ${tests.statements} |`,
        `| ${incremental.models} models again, fct_gl_entry incremental | ${incremental.seconds.toFixed(1)} | ${incremental.statements} |`,
      ].join('\n');
    } finally {
      await warehouse.close();
    }
  } finally {
    await client.close();
    await sandbox.close();
    await emulator.close();
  }
}
