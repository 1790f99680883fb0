import { EXIT, UsageError } from '../../core/errors.ts';
import { seedRelations } from '../../events/landing.ts';
import { Lander } from '../../events/landing.ts';
import { fileFeed, httpFeed, pollOnce } from '../../events/poll.ts';
import { EventQueue } from '../../events/queue.ts';
import { startEventService, workerSettings } from '../../events/service.ts';
import { EVENT_SOURCES } from '../../events/sources/index.ts';
import { processDueEvents } from '../../events/worker.ts';
import { resolveProjectDir } from '../../models/run-models.ts';
import { modelRelations } from '../../reverse/model-relations.ts';
import { openWarehouse } from '../../warehouse/open-warehouse.ts';
import { CONFIG_OPTIONS, type CommandContext, defineCommand } from '../command.ts';
import { clientFor, readConfig } from '../job.ts';
import { PROJECT_OPTION } from './models.ts';
import { reverseSettings } from './push.ts';

const USAGE =
  'events serve [--host H] [--port N] | events retry [--source NAME] [--event ID] | events poll --source adp | events status';

const POLL_SOURCES = ['adp'] as const;

async function withWarehouse<T>(
  ctx: CommandContext,
  fn: (
    w: Awaited<ReturnType<typeof openWarehouse>>,
    config: ReturnType<typeof readConfig>['config'],
  ) => Promise<T>,
): Promise<T> {
  const { config } = readConfig(ctx);
  const warehouse = await openWarehouse(config.warehouse, config.schemas, ctx.logger, { cwd: ctx.cwd });
  try {
    await warehouse.migrate();
    return await fn(warehouse, config);
  } finally {
    await warehouse.close();
  }
}

async function serve(ctx: CommandContext): Promise<number> {
  const { config } = readConfig(ctx);
  ctx.shutdown?.setGraceSeconds(config.ops.shutdownGraceSeconds);
  const port = ctx.values.port === undefined ? config.events.port : Number(ctx.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be an integer 0-65535, got ${JSON.stringify(ctx.values.port)}`);
  const projectDir = resolveProjectDir(ctx.cwd, ctx.values.project as string | undefined);
  const warehouse = await openWarehouse(config.warehouse, config.schemas, ctx.logger, { cwd: ctx.cwd });
  const client = clientFor(config, ctx.logger);
  try {
    await warehouse.migrate();
    const stop = ctx.shutdown?.stop ?? ctx.signal;
    const service = await startEventService({
      config,
      warehouse,
      client,
      relationOf: modelRelations(config, projectDir),
      tables: seedRelations(config, projectDir),
      reverse: reverseSettings(config),
      logger: ctx.logger,
      stop,
      host: (ctx.values.host as string | undefined) ?? config.events.host,
      port,
    });
    const secrets = EVENT_SOURCES.map(
      (s) => `  ${service.url}${s.path}  ${s.missing(config.events) ?? 'ready'}`,
    );
    ctx.stdout.write(
      `Events server listening on ${service.url}\n${secrets.join('\n')}\nPress Ctrl+C to stop.\n`,
    );
    await new Promise<void>((resolve) => {
      if (stop.aborted) resolve();
      else stop.addEventListener('abort', () => resolve(), { once: true });
    });
    await service.close();
    return EXIT.ok;
  } finally {
    await client.close();
    await warehouse.close();
  }
}

async function retry(ctx: CommandContext): Promise<number> {
  return withWarehouse(ctx, async (warehouse, config) => {
    const queue = new EventQueue(warehouse, config.schemas.raw);
    const ids = ctx.values.event as string[] | undefined;
    const n = await queue.retryDead(
      {
        ...(ctx.values.source ? { source: String(ctx.values.source) } : {}),
        ...(ids && ids.length > 0 ? { eventIds: ids } : {}),
      },
      new Date(),
    );
    if (ctx.values.json) ctx.stdout.write(`${JSON.stringify({ requeued: n })}\n`);
    else
      ctx.stdout.write(
        `Queued again: ${n} dead-lettered event${n === 1 ? '' : 's'}. The events worker (events serve) posts them.\n`,
      );
    return EXIT.ok;
  });
}

async function status(ctx: CommandContext): Promise<number> {
  return withWarehouse(ctx, async (warehouse, config) => {
    const queue = new EventQueue(warehouse, config.schemas.raw);
    const counts = await queue.counts();
    const dead = await queue.deadEvents();
    if (ctx.values.json) ctx.stdout.write(`${JSON.stringify({ counts, dead })}\n`);
    else {
      ctx.stdout.write(
        `${Object.entries(counts)
          .map(([k, v]) => `${k}: ${v}`)
          .join('  ')}\n`,
      );
      for (const d of dead) ctx.stdout.write(`dead  ${d.source}  ${d.eventId}  ${d.type}  ${d.reason}\n`);
    }
    return EXIT.ok;
  });
}

async function poll(ctx: CommandContext): Promise<number> {
  const source = ctx.values.source as string | undefined;
  if (!source || !(POLL_SOURCES as readonly string[]).includes(source))
    throw new UsageError(`events poll needs --source, one of ${POLL_SOURCES.join(', ')}`);
  const { config } = readConfig(ctx);
  const feedConfig = config.events.adpPoll;
  if (!feedConfig) throw new UsageError('events poll --source adp needs events.adpPoll.url in the config');
  const feed = /^https?:/.test(feedConfig.url)
    ? httpFeed(feedConfig.url, feedConfig.token)
    : fileFeed(feedConfig.url);
  const projectDir = resolveProjectDir(ctx.cwd, ctx.values.project as string | undefined);
  return withWarehouse(ctx, async (warehouse) => {
    const queue = new EventQueue(warehouse, config.schemas.raw);
    const report = await pollOnce(source, feed, queue, ctx.logger);
    // Post what is due now (a scheduled poll has no serve process beside it).
    const client = clientFor(config, ctx.logger);
    let posted = 0;
    try {
      const deps = {
        warehouse,
        queue,
        lander: new Lander(warehouse, config.schemas.raw, seedRelations(config, projectDir)),
        client,
        schemas: config.schemas,
        relationOf: modelRelations(config, projectDir),
        reverse: reverseSettings(config),
        settings: workerSettings(config),
        logger: ctx.logger,
        signal: ctx.signal,
      };
      for (let b = await processDueEvents(deps); b.events > 0 && b.done > 0; b = await processDueEvents(deps))
        posted += b.done;
    } finally {
      await client.close();
    }
    const out = { ...report, done: posted };
    if (ctx.values.json) ctx.stdout.write(`${JSON.stringify(out)}\n`);
    else
      ctx.stdout.write(
        `Polled ${source}: ${report.fetched} items, ${report.stored} new, ${report.duplicates} already queued, ` +
          `${report.malformed.length} malformed; events done: ${posted}; watermark ${report.watermark ?? '-'}\n`,
      );
    return report.malformed.length > 0 ? EXIT.partial : EXIT.ok;
  });
}

export const eventsCommand = defineCommand({
  name: 'events',
  summary:
    'events serve|retry|poll|status: webhooks (Stripe, Chargebee, Salesforce, payroll) posted in seconds',
  description:
    'serve: receivers for Stripe (/webhooks/stripe, Stripe-Signature), Chargebee (/webhooks/chargebee, basic\n' +
    'auth), Salesforce (/webhooks/salesforce) and payroll/time systems (/webhooks/payroll), both HMAC-SHA256\n' +
    'signed (docs/events.md), on 127.0.0.1:8790 by default. Each event is stored once by its id in a warehouse\n' +
    'queue and answered 2xx; the worker lands it in the source table and posts just the records it affects\n' +
    'through the reverse engine (plan, validate, exactly-once apply), a burst batched after a short debounce.\n' +
    'Unsigned, stale or malformed requests are refused and change nothing.\n' +
    'retry: queue dead-lettered events again. poll: ask a feed without webhooks (ADP) for what changed since\n' +
    'its watermark, queue it and post it (use it from a schedule). status: queue counts and dead letters.',
  usage: USAGE,
  positionals: true,
  options: {
    ...CONFIG_OPTIONS,
    ...PROJECT_OPTION,
    port: { type: 'string', placeholder: 'N', description: 'serve: port (default: events.port)' },
    host: {
      type: 'string',
      placeholder: 'H',
      description: 'serve: address (default: events.host, 127.0.0.1)',
    },
    source: {
      type: 'string',
      placeholder: 'NAME',
      description: 'retry: only this source; poll: the feed to poll (adp)',
    },
    event: {
      type: 'string',
      multiple: true,
      placeholder: 'ID',
      description: 'retry: only these event ids',
    },
  },
  async run(ctx) {
    const [sub, ...rest] = ctx.positionals;
    if (rest.length > 0) throw new UsageError(`usage: intacct-elt ${USAGE}`);
    if (sub === 'serve') return serve(ctx);
    if (sub === 'retry') return retry(ctx);
    if (sub === 'poll') return poll(ctx);
    if (sub === 'status') return status(ctx);
    throw new UsageError(`usage: intacct-elt ${USAGE}`);
  },
});
