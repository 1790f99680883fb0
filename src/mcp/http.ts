/**
 * Streamable HTTP for the gateway: loopback by default, a bearer token on every request, stateless
 * (a fresh MCP server per request over the one shared warehouse), JSON responses.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Logger } from '../core/logger.ts';

export const MCP_PATH = '/mcp';

export interface GatewayHttpOptions {
  readonly host: string;
  readonly port: number;
  readonly token: string;
  readonly logger: Logger;
  readonly makeServer: () => McpServer;
}

export interface RunningGatewayHttp {
  readonly url: string;
  close(): Promise<void>;
}

/** Constant-time comparison of the presented bearer token (hashes first so lengths never leak). */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

function refuse(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message }, id: null }));
}

async function handle(options: GatewayHttpOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path !== MCP_PATH) return refuse(res, 404, `not found; the MCP endpoint is ${MCP_PATH}`);
  if (!tokenMatches(req.headers.authorization, options.token)) {
    options.logger.warn('mcp http request refused: missing or wrong bearer token', { method: req.method });
    return refuse(
      res,
      401,
      'unauthorized: send Authorization: Bearer <token> (the token set in INTACCT_ELT_MCP_TOKEN or mcp.tokenFile)',
      {
        'www-authenticate': 'Bearer',
      },
    );
  }
  if (req.method !== 'POST')
    return refuse(res, 405, 'this stateless endpoint takes POST only', { allow: 'POST' });
  const server = options.makeServer();
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res);
}

export async function startGatewayHttp(options: GatewayHttpOptions): Promise<RunningGatewayHttp> {
  const http: Server = createServer((req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      options.logger.error('mcp http request failed', { error: String(error) });
      if (!res.headersSent) refuse(res, 500, 'internal error');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}${MCP_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
