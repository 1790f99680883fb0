import { type LoadedConfig, loadConfig } from '../config/load.ts';
import { EXIT, UsageError, errorMessage } from '../core/errors.ts';
import { OBJECT_NAMES } from '../intacct/objects/index.ts';
import { Progress } from '../core/progress.ts';
import { formatReport } from '../extract/report.ts';
import { type RunOptions, type RunReport, runJob } from '../extract/sync.ts';
import { IntacctClient, type IntacctClientOptions } from '../intacct/client.ts';
import type { Logger } from '../core/logger.ts';
import { openWarehouse } from '../warehouse/open-warehouse.ts';
import { Alerter, runFailureAlert, staleObjectsAlert } from '../ops/alerts.ts';
import { assessFreshness, describeStale } from '../ops/freshness.ts';
import { type RunMetrics, recordRunMetrics } from '../ops/run-metrics.ts';
import type { CommandContext } from './command.ts';

export function readConfig(ctx: CommandContext): LoadedConfig {
  return loadConfig({ argvConfigPath: ctx.values.config as string | undefined, env: ctx.env, cwd: ctx.cwd });
}

/** The client for a job config; `overrides` tune it (tests shorten retry delays). */
export function clientFor(
  config: LoadedConfig['config'],
  logger: Logger,
  overrides: Partial<IntacctClientOptions> = {},
): IntacctClient {
  const i = config.intacct;
  return IntacctClient.create({
    endpointUrl: i.endpointUrl,
    senderId: i.senderId,
    senderPassword: i.senderPassword,
    companyId: i.companyId,
    userId: i.userId,
    userPassword: i.userPassword,
    timezone: i.timezone,
    concurrency: i.concurrency,
    pageSize: i.pageSize,
    requestTimeoutMs: i.requestTimeoutSeconds * 1000,
    logger: logger.child({ component: 'intacct' }),
    ...overrides,
  });
}

/**
 * Runs one job command end to end (config, warehouse, client, run, report) and returns the exit
 * code: 0 when everything loaded, 3 when some objects failed.
 */
export async function runJobCommand(
  ctx: CommandContext,
  options: Pick<RunOptions, 'command' | 'objects' | 'backfill' | 'reconcile'>,
): Promise<number> {
  const { config } = readConfig(ctx);
  ctx.shutdown?.setGraceSeconds(config.ops.shutdownGraceSeconds);
  const alerter = new Alerter({ config: config.alerts, logger: ctx.logger });
  const warehouse = await openWarehouse(config.warehouse, config.schemas, ctx.logger, { cwd: ctx.cwd });
  const client = clientFor(config, ctx.logger);
  // Progress redraws a line on a TTY only; in a container it logs JSON events like everything else.
  const progress = new Progress({ stream: ctx.stderr, logger: ctx.logger });
  let report: RunReport;
  let metrics: RunMetrics | undefined;
  try {
    await warehouse.migrate();
    try {
      report = await runJob({
        ...options,
        config,
        client,
        warehouse,
        logger: ctx.logger,
        progress,
        // Without graceful shutdown (library use), the first signal cancels requests as before.
        signal: ctx.shutdown?.abort ?? ctx.signal,
        stop: ctx.shutdown?.stop,
      });
    } catch (error) {
      await alerter.send(
        runFailureAlert({
          command: options.command,
          status: 'failed',
          errors: [{ object: '*', entity: '*', message: errorMessage(error) }],
        }),
      );
      throw error;
    }
    metrics = await recordRunMetrics(
      warehouse,
      config.schemas.raw,
      report,
      config.ops.apiCallsPerMonth,
    ).catch((error: unknown) => {
      ctx.logger.warn('could not record the run metrics', { error: errorMessage(error) });
      return undefined;
    });
    if (report.status !== 'succeeded' && !report.interrupted) await alerter.send(runFailureAlert(report));
    if (alerter.wants('stale-objects')) {
      const stale = assessFreshness(await warehouse.listState(), config.freshness, new Date()).filter(
        (f) => f.stale,
      );
      if (stale.length > 0) await alerter.send(staleObjectsAlert(stale.map(describeStale)));
    }
  } finally {
    progress.done();
    await client.close();
    await warehouse.close();
  }
  if (metrics) ctx.logger.info('run report', { ...metrics });
  ctx.stdout.write(jsonOutput(ctx) ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
  if (report.interrupted) return EXIT.interrupted;
  return report.status === 'succeeded' ? EXIT.ok : EXIT.partial;
}

/** `--json`, or INTACCT_ELT_JSON=1 (set in the container image): machine-readable output only. */
export function jsonOutput(ctx: CommandContext): boolean {
  return ctx.values.json === true || ctx.env.INTACCT_ELT_JSON === '1';
}

/** Parses `--objects A,B` and refuses names the catalog does not have. */
export function objectsOption(value: unknown): string[] | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !OBJECT_NAMES.includes(n));
  if (unknown.length > 0) {
    throw new UsageError(
      `--objects: unknown object ${unknown.join(', ')}; the catalog has ${OBJECT_NAMES.join(', ')}`,
    );
  }
  return names;
}
