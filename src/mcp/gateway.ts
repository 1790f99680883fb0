/** Wires the gateway: warehouse (migrated, so the audit table exists), models project, transport. */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { JobConfig } from '../config/schema.ts';
import { UsageError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { registerSecret } from '../core/redact.ts';
import { loadProject } from '../models/project.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { clientFor } from '../cli/job.ts';
import type { IntacctClient } from '../intacct/client.ts';
import { SlackWebhookNotifier } from '../reverse/approvals.ts';
import type { WriteDeps } from './writes/engine.ts';
import { AuditLog } from './audit.ts';
import { type RunningGatewayHttp, startGatewayHttp } from './http.ts';
import { createGatewayServer } from './server.ts';
import { SQL_DIALECTS } from './sql.ts';
import { TOOLS, WRITE_TOOL_NAMES } from './tools/index.ts';

export interface GatewayOptions {
  readonly config: JobConfig;
  readonly warehouse: Warehouse;
  readonly projectDir: string;
  readonly logger: Logger;
}

/** Refuses a configuration that names write tools the gateway does not have. */
export function checkGatewayConfig(config: JobConfig): void {
  const writeTools = WRITE_TOOL_NAMES;
  const unknown = config.mcp.writes.filter((name) => !writeTools.includes(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `mcp.writes: unknown write tool ${unknown.join(', ')}; the write tools are ${writeTools.join(', ') || '(none in this build)'}`,
    );
  }
}

/** The reverse-ETL engine's dependencies; the Intacct client opens on the first apply. */
function writeDeps(options: GatewayOptions): WriteDeps & { close(): Promise<void> } {
  let client: IntacctClient | undefined;
  const webhook = options.config.reverse.approvals.slackWebhookUrl;
  return {
    notifier: webhook ? new SlackWebhookNotifier(webhook) : undefined,
    config: options.config,
    warehouse: options.warehouse,
    dialect: SQL_DIALECTS[options.config.warehouse.type],
    logger: options.logger,
    client: () => {
      client ??= clientFor(options.config, options.logger);
      return client;
    },
    close: async () => client?.close(),
  };
}

function deps(options: GatewayOptions, transport: 'stdio' | 'http', writes: WriteDeps) {
  const { config, warehouse } = options;
  return {
    config,
    warehouse,
    writes,
    audit: new AuditLog(
      warehouse,
      SQL_DIALECTS[config.warehouse.type],
      `${config.schemas.raw}._elt_mcp_audit`,
    ),
    project: loadProject(options.projectDir),
    logger: options.logger,
    transport,
  };
}

/** Serves MCP on this process's stdin/stdout until the client disconnects. */
export async function serveStdio(options: GatewayOptions, signal: AbortSignal): Promise<void> {
  checkGatewayConfig(options.config);
  const writes = writeDeps(options);
  const server = createGatewayServer(deps(options, 'stdio', writes));
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.connect(transport);
  options.logger.info('mcp gateway serving on stdio', { tools: TOOLS.length });
  await closed;
  await server.close();
  await writes.close();
}

export async function serveHttp(options: GatewayOptions): Promise<RunningGatewayHttp> {
  checkGatewayConfig(options.config);
  const { mcp } = options.config;
  if (!mcp.token) {
    throw new UsageError(
      'the HTTP transport needs a bearer token: set INTACCT_ELT_MCP_TOKEN or mcp.tokenFile (at least 16 characters)',
    );
  }
  registerSecret(mcp.token);
  const writes = writeDeps(options);
  const d = deps(options, 'http', writes);
  const running = await startGatewayHttp({
    host: mcp.host,
    port: mcp.port,
    token: mcp.token,
    logger: options.logger,
    makeServer: () => createGatewayServer(d),
  });
  return {
    url: running.url,
    close: async () => {
      await running.close();
      await writes.close();
    },
  };
}
