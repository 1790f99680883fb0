/**
 * The receivers: one POST path per provider (sources/index.ts). A request is authenticated by its
 * provider's scheme, read into a normalized event, stored once in the durable queue, and answered
 * 2xx at once; the worker posts it afterwards. Anything unsigned, stale, malformed or for a
 * receiver that is not configured is refused (4xx) and changes nothing. Listens on 127.0.0.1 by
 * default: put a reverse proxy or tunnel in front.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorMessage } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { EventQueue } from './queue.ts';
import type { EventSecrets, EventSourceDescriptor } from './source.ts';
import { EVENT_SOURCES } from './sources/index.ts';

export interface EventServerOptions {
  readonly queue: EventQueue;
  readonly secrets: EventSecrets;
  readonly logger: Logger;
  readonly host?: string;
  readonly port?: number;
  readonly toleranceSeconds: number;
  /** Called after an event is stored (the worker takes it after its debounce). */
  readonly onStored?: () => void;
  readonly now?: () => number;
  readonly sources?: readonly EventSourceDescriptor[];
}

export interface RunningEventServer {
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY = 1 << 20;

class TooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new TooLarge('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startEventServer(opts: EventServerOptions): Promise<RunningEventServer> {
  const sources = opts.sources ?? EVENT_SOURCES;
  const log = opts.logger.child({ component: 'events-server' });
  const server: Server = createServer(async (req, res) => {
    const reply = (status: number, json: Record<string, unknown>) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    const path = (req.url ?? '').split('?')[0] ?? '';
    try {
      // Health with the queue's counts (a load balancer's probe; tests wait for the queue to drain).
      if (req.method === 'GET' && path === '/health')
        return reply(200, { ok: true, ...(await opts.queue.counts()) });
      const source = sources.find((s) => s.path === path);
      if (!source || req.method !== 'POST')
        return reply(404, { error: `POST events to one of ${sources.map((s) => s.path).join(', ')}` });
      const missing = source.missing(opts.secrets);
      if (missing) return reply(404, { error: `the ${source.name} receiver is not configured: ${missing}` });
      let raw: string;
      try {
        raw = await readBody(req);
      } catch (error) {
        if (error instanceof TooLarge) return reply(413, { error: 'body larger than 1 MiB' });
        throw error;
      }
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headers))
        headers[k.toLowerCase()] = Array.isArray(v) ? v[0] : v;
      const nowMs = opts.now?.() ?? Date.now();
      const verdict = source.verify(
        { headers, rawBody: raw },
        opts.secrets,
        Math.floor(nowMs / 1000),
        opts.toleranceSeconds,
      );
      if (!verdict.ok) {
        log.warn('refused an event', { source: source.name, reason: verdict.reason });
        return reply(verdict.status, { error: `refused: ${verdict.reason}` });
      }
      const event = source.parse(raw);
      if ('error' in event) {
        log.warn('refused a malformed event', { source: source.name, reason: event.error });
        return reply(400, { error: `malformed event: ${event.error}` });
      }
      const stored = await opts.queue.accept(event, new Date(nowMs));
      if (stored === 'stored') opts.onStored?.();
      log.debug('event received', { source: source.name, eventId: event.eventId, type: event.type, stored });
      return reply(200, { received: true, duplicate: stored === 'duplicate', eventId: event.eventId });
    } catch (error) {
      // Not stored: a 5xx makes the provider deliver it again.
      log.error('could not store an event', { error: errorMessage(error) });
      return reply(503, { error: 'the event could not be stored; deliver it again' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}
