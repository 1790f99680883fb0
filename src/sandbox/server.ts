import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AFTER_PROCESSING, type FaultInjector, type TransientKind } from './faults.ts';
import { TEMPORARILY_UNAVAILABLE, invalidRequest, rateLimited } from './protocol/errors.ts';
import { type GatewayState, handleGateway, unavailableAnswer } from './protocol/gateway.ts';
import { giveBack } from './protocol/response-buffers.ts';
import { writeGatewayError } from './protocol/response.ts';
import type { SandboxStats } from './protocol/stats.ts';

/**
 * The sandbox's HTTP server on 127.0.0.1: the Intacct gateway at /ia/xml/xmlgw.phtml (with faults,
 * throttling and latency) and the admin API at /_sandbox/... (never faulted).
 */
export const GATEWAY_PATH = '/ia/xml/xmlgw.phtml';
export const ADMIN_PREFIX = '/_sandbox';
/** Requests bigger than this are refused with GW-0011 (Intacct publishes no limit). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface AdminRequest {
  readonly method: string;
  /** Path below /_sandbox, e.g. '/faults'. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

export interface AdminResponse {
  readonly status: number;
  readonly json: unknown;
}

export interface ServerDeps {
  readonly gateway: GatewayState;
  readonly faults: FaultInjector;
  readonly stats: SandboxStats;
  readonly admin: (req: AdminRequest) => Promise<AdminResponse>;
}

const XML_TYPE = 'text/xml; charset=UTF-8';

function htmlPage(status: number, title: string): string {
  return `<!DOCTYPE html><html><head><title>${status} ${title}</title></head><body><h1>${title}</h1><p>The server is temporarily unable to service your request. Please try again later.</p></body></html>`;
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(buf.length), ...extra });
  // 'finish': the socket has taken every byte, so a gateway answer's memory can serve the next one.
  res.end(buf, () => giveBack(buf));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Form posts (`xmlrequest=…`) are accepted too, as Intacct's gateway accepts them. */
function requestXml(body: string, contentType: string | undefined): string {
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return new URLSearchParams(body).get('xmlrequest') ?? body;
  }
  return body;
}

async function handleGatewayHttp(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { faults, stats } = deps;
  stats.gatewayRequests++;
  const maintenance = faults.maintenance(Date.now());
  const limit = faults.current.concurrency;
  if (!maintenance && limit > 0 && stats.inFlight >= limit) {
    stats.throttled++;
    await readBody(req);
    if (faults.current.throttleStyle === 'body200') {
      send(
        res,
        200,
        XML_TYPE,
        writeGatewayError([{ errorno: 'GW-0010', description: 'API rate limit exceeded' }]),
      );
    } else {
      send(res, 429, XML_TYPE, writeGatewayError([rateLimited()]));
    }
    return;
  }
  stats.enter();
  try {
    const raw = await readBody(req);
    const delay = faults.delayMs();
    if (delay > 0) await sleep(delay);
    if (raw === null || raw.trim() === '') {
      send(res, 400, XML_TYPE, writeGatewayError([invalidRequest()]));
      return;
    }
    const body = requestXml(raw, req.headers['content-type']);
    if (maintenance) {
      faults.recordInjected('maintenance');
      if (maintenance.style === 'http503') send(res, 503, 'text/html', htmlPage(503, 'Service Unavailable'));
      else send(res, 200, XML_TYPE, unavailableAnswer(body, [TEMPORARILY_UNAVAILABLE]));
      return;
    }
    const fault: TransientKind | null = faults.drawTransient();
    if (fault && !AFTER_PROCESSING.has(fault)) {
      faults.recordInjected(fault);
      if (fault === 'http502') send(res, 502, 'text/html', htmlPage(502, 'Bad Gateway'));
      else if (fault === 'http503') send(res, 503, 'text/html', htmlPage(503, 'Service Unavailable'));
      else send(res, 200, XML_TYPE, unavailableAnswer(body, [TEMPORARILY_UNAVAILABLE]));
      return;
    }
    const answer = handleGateway(body, deps.gateway);
    if (fault === 'reset') {
      faults.recordInjected(fault);
      req.socket.destroy();
      return;
    }
    if (fault === 'truncate') {
      faults.recordInjected(fault);
      const buf = answer.body;
      res.writeHead(answer.httpStatus, { 'Content-Type': XML_TYPE, 'Content-Length': String(buf.length) });
      // Cut inside the document so a parser sees unclosed tags, then drop the connection.
      res.write(buf.subarray(0, Math.max(1, Math.floor(buf.length / 2))));
      setImmediate(() => req.socket.destroy());
      return;
    }
    send(res, answer.httpStatus, XML_TYPE, answer.body);
  } finally {
    stats.leave();
  }
}

async function handleAdminHttp(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const raw = (await readBody(req)) ?? '';
  let body: unknown = {};
  if (raw.trim() !== '') {
    try {
      body = JSON.parse(raw);
    } catch {
      send(res, 400, 'application/json', JSON.stringify({ error: 'body is not valid JSON' }));
      return;
    }
  }
  const out = await deps.admin({
    method: req.method ?? 'GET',
    path: url.pathname.slice(ADMIN_PREFIX.length) || '/',
    query: url.searchParams,
    body,
  });
  send(res, out.status, 'application/json', JSON.stringify(out.json));
}

export function createSandboxServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    deps.stats.requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handle = async () => {
      if (url.pathname === GATEWAY_PATH) {
        if (req.method !== 'POST') {
          send(res, 400, XML_TYPE, writeGatewayError([invalidRequest()]));
          return;
        }
        await handleGatewayHttp(deps, req, res);
        return;
      }
      if (url.pathname === ADMIN_PREFIX || url.pathname.startsWith(`${ADMIN_PREFIX}/`)) {
        await handleAdminHttp(deps, req, res, url);
        return;
      }
      send(res, 404, 'text/html', htmlPage(404, 'Not Found'));
    };
    handle().catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      if (url.pathname.startsWith(ADMIN_PREFIX))
        send(res, 500, 'application/json', JSON.stringify({ error: message }));
      else send(res, 500, 'text/html', htmlPage(500, 'Internal Server Error'));
    });
  });
}

/** Listens on 127.0.0.1 only; port 0 picks a free port. Resolves the bound port. */
export function listenLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
