import { EXIT, UsageError } from '../../core/errors.ts';
import { serveHttp, serveStdio } from '../../mcp/gateway.ts';
import { resolveProjectDir } from '../../models/run-models.ts';
import { openWarehouse } from '../../warehouse/open-warehouse.ts';
import { CONFIG_OPTIONS, defineCommand } from '../command.ts';
import { readConfig } from '../job.ts';
import { PROJECT_OPTION } from './models.ts';

export const mcpCommand = defineCommand({
  name: 'mcp',
  summary: 'Serve the agent gateway: an MCP server over the warehouse marts (stdio, or HTTP with a token)',
  description:
    'Answers Model Context Protocol tool calls from the finance marts built by `models build`: GL entries,\n' +
    'balances, trial balance, customers and vendors, AR/AP aging, budget versus actual, projects,\n' +
    'intercompany and data freshness. Writes (create_journal_entry, create_vendor_bill,\n' +
    'create_customer_invoice, create_purchase_order, update_customer, update_vendor, submit_approval,\n' +
    'decide_approval; each a plan, then apply_plan) go through the reverse-ETL engine and post only\n' +
    'when mcp.writes enables that tool; answers only about\n' +
    'the entities in mcp.entities (when set); every call is audited in _elt_mcp_audit in the raw schema.\n' +
    'Default transport: stdio (for a desktop client). --http serves streamable HTTP on mcp.host:mcp.port\n' +
    '(127.0.0.1:8765) and requires the bearer token from INTACCT_ELT_MCP_TOKEN or mcp.tokenFile.',
  usage: 'mcp [--http] [--port N] [--project DIR]',
  options: {
    config: CONFIG_OPTIONS.config,
    ...PROJECT_OPTION,
    http: { type: 'boolean', description: 'Serve streamable HTTP instead of stdio' },
    port: { type: 'string', placeholder: 'N', description: 'HTTP port (default: mcp.port)' },
  },
  async run(ctx) {
    const { config } = readConfig(ctx);
    const port = ctx.values.port === undefined ? config.mcp.port : Number(ctx.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port: ${JSON.stringify(ctx.values.port)} is not a port number (0-65535)`);
    }
    const withPort = { ...config, mcp: { ...config.mcp, port } };
    const warehouse = await openWarehouse(config.warehouse, config.schemas, ctx.logger, { cwd: ctx.cwd });
    try {
      await warehouse.migrate();
      const options = {
        config: withPort,
        warehouse,
        projectDir: resolveProjectDir(ctx.cwd, ctx.values.project as string | undefined),
        logger: ctx.logger,
      };
      if (!ctx.values.http) {
        await serveStdio(options, ctx.signal);
        return EXIT.ok;
      }
      const running = await serveHttp(options);
      ctx.logger.info('mcp gateway serving streamable HTTP', { url: running.url });
      await new Promise<void>((resolve) =>
        ctx.signal.addEventListener('abort', () => resolve(), { once: true }),
      );
      await running.close();
      return EXIT.ok;
    } finally {
      await warehouse.close();
    }
  },
});
