/** Wires the gateway: warehouse (migrated, so the audit table exists), models project, transport. */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { JobConfig } from '../config/schema.ts';
import { UsageError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { registerSecret } from '../core/redact.ts';
import { loadProject } from '../models/project.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { AuditLog } from './audit.ts';
import { type RunningGatewayHttp, startGatewayHttp } from './http.ts';
import { createGatewayServer } from './server.ts';
import { SQL_DIALECTS } from './sql.ts';
import { TOOLS } from './tools/index.ts';

export interface GatewayOptions {
  readonly config: JobConfig;
  readonly warehouse: Warehouse;
  readonly projectDir: string;
  readonly logger: Logger;
}

/** Refuses a configuration that names write tools the gateway does not have. */
export function checkGatewayConfig(config: JobConfig): void {
  const writeTools = TOOLS.filter((t) => t.kind === 'write').map((t) => t.name);
  const unknown = config.mcp.writes.filter((name) => !writeTools.includes(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `mcp.writes: unknown write tool ${unknown.join(', ')}; the write tools are ${writeTools.join(', ') || '(none in this build)'}`,
    );
  }
}

function deps(options: GatewayOptions, transport: 'stdio' | 'http') {
  const { config, warehouse } = options;
  return {
    config,
    warehouse,
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
  const server = createGatewayServer(deps(options, 'stdio'));
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
  const d = deps(options, 'http');
  return startGatewayHttp({
    host: mcp.host,
    port: mcp.port,
    token: mcp.token,
    logger: options.logger,
    makeServer: () => createGatewayServer(d),
  });
}
