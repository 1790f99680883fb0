import { type LoadedConfig, loadConfig } from '../config/load.ts';
import { EXIT, UsageError } from '../core/errors.ts';
import { OBJECT_NAMES } from '../intacct/objects/index.ts';
import { Progress } from '../core/progress.ts';
import { formatReport } from '../extract/report.ts';
import { type RunOptions, type RunReport, runJob } from '../extract/sync.ts';
import { IntacctClient, type IntacctClientOptions } from '../intacct/client.ts';
import type { Logger } from '../core/logger.ts';
import { openWarehouse } from '../warehouse/open-warehouse.ts';
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
  const warehouse = await openWarehouse(config.warehouse, config.schemas, ctx.logger, { cwd: ctx.cwd });
  const client = clientFor(config, ctx.logger);
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
