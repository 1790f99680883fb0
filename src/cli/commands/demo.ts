import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { configSchema } from '../../config/schema.ts';
import { EXIT, UsageError } from '../../core/errors.ts';
import { summarizingLogger } from '../../core/logger.ts';
import { registerSecret } from '../../core/redact.ts';
import { Progress } from '../../core/progress.ts';
import { formatReport } from '../../extract/report.ts';
import { runJob, type RunReport } from '../../extract/sync.ts';
import { type EntityTieOut, tieOut, warehouseTrialBalance } from '../../extract/tie-out.ts';
import { COMPANY_PROFILE_NAMES, DEFAULT_COMPANY_PROFILE } from '../../sandbox/company.ts';
import { startSandbox } from '../../sandbox/index.ts';
import { duckdbFileHasTable } from '../../warehouse/duckdb/duckdb-file.ts';
import { openWarehouse } from '../../warehouse/open-warehouse.ts';
import { defineCommand } from '../command.ts';
import { clientFor } from '../job.ts';
import { defaultPublishTargets } from '../../models/publish.ts';
import {
  formatModelResult,
  formatTestResult,
  resolveProjectDir,
  runModelsStep,
} from '../../models/run-models.ts';
import { type EntityTieOutLine, tieOutFromMarts } from '../../models/tie-out-summary.ts';

/** A table the demo leaves in its warehouse, so a later demo may replace the file and nothing else. */
const DEMO_MARKER = 'intacct_elt_demo';

function positiveNumber(value: unknown, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`${flag} must be a positive number, got ${JSON.stringify(value)}`);
  return n;
}

export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'Start the sandbox, sync it into a local DuckDB file, and tie the trial balance out',
  description:
    'Starts the bundled Intacct sandbox on a free loopback port, runs a full sync into ./warehouse.duckdb (or\n' +
    '--path), lets the sandbox generate new activity (new, edited and deleted records), runs an incremental\n' +
    "sync, and compares every entity's GL in the warehouse with Intacct's own trial balance, to the cent.",
  options: {
    path: {
      type: 'string',
      placeholder: 'FILE',
      description: 'DuckDB file to write (default: warehouse.duckdb)',
    },
    scale: {
      type: 'string',
      placeholder: 'X',
      description: 'Size of the sandbox company (1 = about 50,000 GL lines)',
    },
    seed: { type: 'string', placeholder: 'S', description: 'Seed of the sandbox company (default 1)' },
    company: {
      type: 'string',
      placeholder: 'NAME',
      description: `Sandbox company profile: ${COMPANY_PROFILE_NAMES.join(' | ')} (default ${DEFAULT_COMPANY_PROFILE})`,
    },
    json: { type: 'boolean', description: 'Print the summary as JSON' },
  },
  async run(ctx) {
    const path = resolve(ctx.cwd, (ctx.values.path as string | undefined) ?? 'warehouse.duckdb');
    const scale = positiveNumber(ctx.values.scale, '--scale', 0.5);
    const seed = positiveNumber(ctx.values.seed, '--seed', 1);
    const log = (line: string) => {
      if (!ctx.values.json) ctx.stdout.write(`${line}\n`);
    };
    // Piped into a file or a CI log, routine log lines would interleave with the report: unless a
    // level was asked for, show warnings and errors only and say how many lines were left out.
    const quiet = !ctx.stderr.isTTY && !ctx.env.INTACCT_ELT_LOG_LEVEL;
    const logs = quiet ? summarizingLogger(ctx.logger, 'warn') : undefined;
    const logger = logs?.logger ?? ctx.logger;

    const company = (ctx.values.company as string | undefined) ?? DEFAULT_COMPANY_PROFILE;
    if (!(COMPANY_PROFILE_NAMES as readonly string[]).includes(company)) {
      throw new UsageError(
        `--company: unknown sandbox company '${company}'; use one of ${COMPANY_PROFILE_NAMES.join(', ')}`,
      );
    }
    const sandbox = await startSandbox({ scale, seed, company });
    let closeWarehouse: (() => Promise<void>) | undefined;
    try {
      registerSecret(sandbox.credentials.senderPassword);
      registerSecret(sandbox.credentials.userPassword);
      log(`Sandbox running at ${sandbox.url} (scale ${scale}, seed ${seed}, company ${company}).`);
      const config = configSchema.parse({
        intacct: {
          ...sandbox.credentials,
          endpointUrl: sandbox.url,
          timezone: sandbox.store.timezone,
          concurrency: 4,
        },
        warehouse: { type: 'duckdb', path },
        // The sandbox clock stands still between activity bursts: no safety lag is needed.
        sync: { safetyLagSeconds: 0 },
      });
      await prepareFile(path);
      const warehouse = await openWarehouse(config.warehouse, config.schemas, logger, { cwd: ctx.cwd });
      closeWarehouse = () => warehouse.close();
      await warehouse.migrate();
      await warehouse.query(
        `CREATE TABLE IF NOT EXISTS ${config.schemas.raw}.${DEMO_MARKER} (created_at TIMESTAMPTZ)`,
      );
      const client = clientFor(config, logger);
      const progress = new Progress({ stream: ctx.stderr, logger });
      const run = async (): Promise<RunReport> => {
        const report = await runJob({
          command: 'sync',
          config,
          client,
          warehouse,
          logger,
          progress,
          signal: ctx.signal,
        });
        progress.done();
        return report;
      };

      log(`\n1. Full sync into ${path}`);
      const full = await run();
      log(formatReport(full));

      const activity = await fetch(`${sandbox.adminUrl}/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ minutes: 90, creates: 40, edits: 25, deletes: 6 }),
      });
      if (!activity.ok) throw new Error(`the sandbox refused to generate activity: HTTP ${activity.status}`);
      log('\n2. The sandbox generated new activity: new, edited and deleted records.');

      log('\n3. Incremental sync');
      const incremental = await run();
      log(formatReport(incremental));

      log("\n4. Tie-out: the warehouse's GL against Intacct's own trial balance (get_trialbalance)");
      const range = { startDate: '2000-01-01', endDate: '2099-12-31' };
      const ties: EntityTieOut[] = [];
      for (const entity of full.entities) {
        const intacct = await client.trialBalance(entity === '' ? null : entity, range);
        ties.push(
          tieOut(entity, await warehouseTrialBalance(warehouse, config.schemas, entity, range), intacct),
        );
      }
      for (const t of ties) {
        const verdict = t.differences.length === 0 ? 'ties out' : `${t.differences.length} accounts DIFFER`;
        log(
          `   ${(t.entity || 'top level').padEnd(10)} ${String(t.accounts).padStart(4)} accounts, debits ${t.debits}, credits ${t.credits}: ${verdict}`,
        );
      }
      log(
        '\n5. Models: build the finance star schema, read get_trialbalance per entity and period, run the data tests',
      );
      const models = await runModelsStep({
        config,
        runner: warehouse,
        logger: ctx.logger,
        projectDir: resolveProjectDir(ctx.cwd),
        trialBalanceReader: client,
        publish: defaultPublishTargets(path),
        onModel: (r) => {
          if (r.status !== 'success') log(`   ${formatModelResult(r)}`);
        },
        onTest: (r) => {
          if (r.status !== 'pass') log(`   ${formatTestResult(r)}`);
        },
      });
      const built = models.build?.models ?? [];
      const tests = models.tests?.tests ?? [];
      log(
        `   ${built.filter((m) => m.status === 'success').length}/${built.length} models built, ${tests.filter((t) => t.status === 'pass').length}/${tests.length} data tests passed`,
      );
      if (models.published) {
        log(
          `   published ${models.published.tables.length} marts for BI tools: ${models.published.duckdbPath}, ${models.published.parquetDir}`,
        );
      }
      log(
        '\n6. Tie-out from the marts: trial balance against get_trialbalance, subledgers against control accounts',
      );
      const martTies: EntityTieOutLine[] = models.build?.ok
        ? await tieOutFromMarts(warehouse, models.plan.renderer)
        : [];
      for (const t of martTies) {
        log(
          `   ${t.entity.padEnd(6)} ${String(t.periods).padStart(3)} periods, debits ${t.debits} (Intacct ${t.intacctDebits}), ${t.differences === 0 ? 'ties out' : `${t.differences} rows DIFFER`}; AR difference ${t.arDifference}, AP difference ${t.apDifference}`,
        );
      }
      await client.close();
      const ok =
        models.ok &&
        martTies.length > 0 &&
        martTies.every((t) => t.differences === 0) &&
        ties.every((t) => t.differences.length === 0) &&
        full.status === 'succeeded' &&
        incremental.status === 'succeeded';
      if (ctx.values.json) {
        ctx.stdout.write(
          `${JSON.stringify({ path, sandbox: sandbox.url, full, incremental, tieOut: ties, models: { ...models, plan: undefined }, martTieOut: martTies, ok })}\n`,
        );
      } else {
        log(
          ok
            ? `\nDone. Open ${path} with DuckDB: the raw tables are in schema ${config.schemas.raw}, the models in ${config.schemas.analytics}_*; BI tools open ${defaultPublishTargets(path).duckdbPath}.`
            : '\nThe demo found differences; see above.',
        );
        const hidden = logs?.hidden() ?? 0;
        if (hidden > 0) {
          log(`(${hidden} routine log lines not shown; set INTACCT_ELT_LOG_LEVEL=info to see them.)`);
        }
      }
      return ok ? EXIT.ok : EXIT.partial;
    } finally {
      await closeWarehouse?.();
      await sandbox.close();
    }
  },
});

/** The demo replaces its own earlier file, and refuses to touch any other database. */
async function prepareFile(path: string): Promise<void> {
  if (!existsSync(path)) return;
  const isDemo = await duckdbFileHasTable(path, DEMO_MARKER);
  if (!isDemo) {
    throw new UsageError(`${path} exists and was not made by the demo; give --path a new file`);
  }
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
}
