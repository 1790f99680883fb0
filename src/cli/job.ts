import { type LoadedConfig, loadConfig } from '../config/load.ts';
import { EXIT } from '../core/errors.ts';
import { Progress } from '../core/progress.ts';
import { formatReport } from '../extract/report.ts';
import { type RunOptions, type RunReport, runJob } from '../extract/sync.ts';
import { IntacctClient } from '../intacct/client.ts';
import { openWarehouse } from '../warehouse/open-warehouse.ts';
import type { CommandContext } from './command.ts';

export function readConfig(ctx: CommandContext): LoadedConfig {
  return loadConfig({ argvConfigPath: ctx.values.config as string | undefined, env: ctx.env, cwd: ctx.cwd });
}

/** The client for a job config. */
export function clientFor(
  config: LoadedConfig['config'],
  ctx: Pick<CommandContext, 'logger'>,
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
    logger: ctx.logger.child({ component: 'intacct' }),
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
  const warehouse = await openWarehouse(config.warehouse, config.schemas, ctx.logger, { cwd: ctx.cwd });
  const client = clientFor(config, ctx);
  const progress = new Progress({ stream: ctx.stderr, logger: ctx.logger });
  let report: RunReport;
  try {
    await warehouse.migrate();
    report = await runJob({
      ...options,
      config,
      client,
      warehouse,
      logger: ctx.logger,
      progress,
      signal: ctx.signal,
    });
  } finally {
    progress.done();
    await client.close();
    await warehouse.close();
  }
  ctx.stdout.write(ctx.values.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
  return report.status === 'succeeded' ? EXIT.ok : EXIT.partial;
}

/** Parses `--objects A,B` against nothing but shape; the registry check happens in the run. */
export function objectsOption(value: unknown): string[] | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return value
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}
