import { EXIT, UsageError } from '../../core/errors.ts';
import { startApprovalServer } from '../../reverse/approvals.ts';
import { flowByName } from '../../reverse/flows/index.ts';
import { Ledger } from '../../reverse/ledger.ts';
import { push } from '../../reverse/push.ts';
import { resolveProjectDir } from '../../models/run-models.ts';
import { modelRelations } from '../../reverse/model-relations.ts';
import { openWarehouse } from '../../warehouse/open-warehouse.ts';
import { PROJECT_OPTION } from './models.ts';
import { CONFIG_OPTIONS, defineCommand } from '../command.ts';
import { clientFor, readConfig } from '../job.ts';
import { reverseSettings } from './push.ts';

export const approvalsCommand = defineCommand({
  name: 'approvals',
  summary: 'approvals serve: receive Slack Approve/Decline callbacks for bills held by push',
  description:
    'Listens (127.0.0.1:8787 by default; put a reverse proxy or tunnel in front) for Slack interactive\n' +
    'callbacks at POST /slack/actions. Each request must carry a valid Slack signature (signing secret,\n' +
    'HMAC-SHA256, timestamp within 5 minutes); anything else is refused and changes nothing. A decision\n' +
    'and who made it go to the reverse ledger; an approved bill is posted to Intacct at once.',
  usage: 'approvals serve [--port N] [--host H]',
  positionals: true,
  options: {
    ...CONFIG_OPTIONS,
    ...PROJECT_OPTION,
    port: { type: 'string', placeholder: 'N', description: 'Port (default: reverse.approvals.port)' },
    host: {
      type: 'string',
      placeholder: 'H',
      description: 'Address (default: reverse.approvals.host, 127.0.0.1)',
    },
  },
  async run(ctx) {
    if (ctx.positionals[0] !== 'serve' || ctx.positionals.length !== 1)
      throw new UsageError('usage: intacct-elt approvals serve [--port N] [--host H]');
    const { config } = readConfig(ctx);
    const a = config.reverse.approvals;
    if (!a.slackSigningSecret)
      throw new UsageError('approvals serve needs the Slack signing secret: set SLACK_SIGNING_SECRET');
    const port = ctx.values.port === undefined ? a.port : Number(ctx.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be an integer 0-65535, got ${JSON.stringify(ctx.values.port)}`);
    const warehouse = await openWarehouse(config.warehouse, config.schemas, ctx.logger, { cwd: ctx.cwd });
    const client = clientFor(config, ctx.logger);
    const relationOf = modelRelations(
      config,
      resolveProjectDir(ctx.cwd, ctx.values.project as string | undefined),
    );
    try {
      await warehouse.migrate();
      const server = await startApprovalServer({
        ledger: new Ledger(warehouse, config.schemas.raw),
        signingSecret: a.slackSigningSecret,
        logger: ctx.logger,
        host: (ctx.values.host as string | undefined) ?? a.host,
        port,
        onApproved: async (d) => {
          const flow = flowByName(d.flow);
          if (!flow) return `unknown flow ${d.flow}`;
          const report = await push({
            warehouse,
            client,
            schemas: config.schemas,
            relationOf,
            settings: reverseSettings(config),
            flows: [flow],
            dryRun: false,
            logger: ctx.logger,
            onlyKeys: new Set([d.externalKey]),
          });
          const applied = report.flows[0]?.applied;
          return applied && applied.posted > 0
            ? 'posted to Intacct'
            : `not posted: ${report.planText.split('\n').at(-1)}`;
        },
      });
      ctx.stdout.write(`Approvals server listening on ${server.url}\nPress Ctrl+C to stop.\n`);
      await new Promise<void>((resolve) => {
        if (ctx.signal.aborted) resolve();
        else ctx.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      await server.close();
      return EXIT.ok;
    } finally {
      await client.close();
      await warehouse.close();
    }
  },
});
