/**
 * What the company-definition cache saves: requests and time of a sync whose object definitions are
 * already in the warehouse, next to the first sync that has to `lookup` every object. Sandbox in
 * process, scale 0.05, DuckDB in a temp file; three unchanged incremental runs after the first.
 *
 * Run: `npm run bench -- --only definition-cache`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientFor } from '../src/cli/job.ts';
import { configSchema } from '../src/config/schema.ts';
import { silentLogger } from '../src/core/logger.ts';
import { runJob } from '../src/extract/sync.ts';
import { startSandbox } from '../src/sandbox/index.ts';
import { openWarehouse } from '../src/warehouse/open-warehouse.ts';

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-defs-'));
  const sandbox = await startSandbox({ scale: 0.05, seed: 1 });
  const config = configSchema.parse({
    intacct: {
      ...sandbox.credentials,
      endpointUrl: sandbox.url,
      timezone: sandbox.store.timezone,
      concurrency: 4,
    },
    warehouse: { type: 'duckdb', path: join(dir, 'w.duckdb') },
    sync: { safetyLagSeconds: 0 },
  });
  const rows: string[] = ['| run | lookup requests | all requests | seconds |', '|---|---:|---:|---:|'];
  try {
    for (const label of ['first (no cached definitions)', 'unchanged #1', 'unchanged #2', 'unchanged #3']) {
      const warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
      const client = clientFor(config, silentLogger);
      try {
        await warehouse.migrate();
        sandbox.resetStats();
        const started = performance.now();
        const report = await runJob({ command: 'sync', config, client, warehouse, logger: silentLogger });
        const seconds = (performance.now() - started) / 1000;
        const stats = sandbox.stats();
        rows.push(
          `| ${label} (${report.status}) | ${stats.byFunction.lookup ?? 0} | ${stats.requests} | ${seconds.toFixed(2)} |`,
        );
      } finally {
        await client.close();
        await warehouse.close();
      }
    }
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows.join('\n');
}
