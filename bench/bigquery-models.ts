/**
 * Every model built and every data test run on BigQuery, against the emulator through the real
 * @google-cloud/bigquery client: a sandbox company is synced (every object), then the models are
 * built from scratch (seeds by load jobs), tested (with Intacct's trial balance read for the tie-out),
 * and built again with `fct_gl_entry` incremental. Wall time per step, the queries and load jobs
 * sent. The emulator's DuckDB and one job per statement bound these numbers, not BigQuery's.
 * Run: `npm run bench -- --only bigquery-models` (`BENCH_SCALE` sets the company size, default 0.05).
 */
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../src/core/logger.ts';
import { runModelsStep } from '../src/models/run-models.ts';
import { startSandbox } from '../src/sandbox/index.ts';
import { openWarehouse } from '../src/warehouse/open-warehouse.ts';
import { bigqueryConfig, startEmulator } from '../test/support/bigquery-emulator.ts';
import { clientOf, runOnce, sandboxConfig } from '../test/support/sync-harness.ts';

process.env.METADATA_SERVER_DETECTION = 'none';

const PROJECT_DIR = fileURLToPath(new URL('../models', import.meta.url));

export async function run(): Promise<string> {
  const scale = Number(process.env['BENCH_SCALE'] ?? 0.05);
  const [sandbox, emulator] = await Promise.all([startSandbox({ scale, seed: 7 }), startEmulator()]);
  const config = sandboxConfig(sandbox, '', { warehouse: bigqueryConfig(emulator) });
  const client = clientOf(config);
  const uploads = () => emulator.requests.filter((r) => r.query['uploadType'] === 'multipart').length;
  try {
    let t = Date.now();
    const sync = await runOnce(config);
    if (sync.status !== 'succeeded') throw new Error(`sync ${sync.status}: ${JSON.stringify(sync.errors)}`);
    const syncSeconds = (Date.now() - t) / 1000;
    const lines = sync.objects.find((o) => o.object === 'GLDETAIL')?.inserted ?? 0;
    const warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
    const step = async (options: { build: boolean; test: boolean; fullRefresh?: boolean }) => {
      const before = { queries: emulator.queries.length, loads: uploads() };
      t = Date.now();
      const report = await runModelsStep({
        config,
        runner: warehouse,
        logger: silentLogger,
        projectDir: PROJECT_DIR,
        ...options,
        ...(options.test ? { trialBalanceReader: client } : {}),
      });
      if (!report.ok) throw new Error('a model or a data test failed on the BigQuery emulator');
      return {
        seconds: (Date.now() - t) / 1000,
        queries: emulator.queries.length - before.queries,
        loads: uploads() - before.loads,
        models: report.build?.models.length ?? 0,
        tests: report.tests?.tests.length ?? 0,
      };
    };
    try {
      const full = await step({ build: true, test: false, fullRefresh: true });
      const tests = await step({ build: false, test: true });
      const incremental = await step({ build: true, test: false });
      const row = (what: string, s: typeof full) =>
        `| ${what} | ${s.seconds.toFixed(1)} | ${s.queries} | ${s.loads} |`;
      return [
        `Scale ${scale}: ${lines.toLocaleString('en-US')} GL lines, every object synced first (${syncSeconds.toFixed(0)} s).`,
        '',
        '| step | wall s | queries | load jobs |',
        '| --- | ---: | ---: | ---: |',
        row(`${full.models} models from scratch (--full-refresh)`, full),
        row(`${tests.tests} data tests, get_trialbalance read for the tie-out`, tests),
        row(`${incremental.models} models again, fct_gl_entry incremental`, incremental),
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
