import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, request } from 'undici';
import { ClassifiedError } from '../core/errors.ts';
import { classifyNetwork } from './classify.ts';

/**
 * HTTP to the Intacct gateway: one keep-alive undici Agent per client, connect/header/body
 * timeouts, gzip, and a user agent naming the product. Only https endpoints are accepted, except
 * loopback (the local sandbox). The transport sits behind an interface so a REST transport can
 * be added later.
 */

function packageVersion(): string {
  try {
    const req = createRequire(import.meta.url);
    return (req('../../package.json') as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const USER_AGENT = `intacct-elt/${packageVersion()}`;

export interface TransportOptions {
  readonly connectTimeoutMs?: number;
  /** Time to the response headers; Intacct answers big pages slowly. */
  readonly headersTimeoutMs?: number;
  /** Longest silence while the body streams. */
  readonly bodyTimeoutMs?: number;
  /** Sockets per origin; the governor bounds the real concurrency. */
  readonly connections?: number;
  readonly userAgent?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The decoded (decompressed) body; consume it or call `dump()`. */
  readonly body: AsyncIterable<Uint8Array>;
  text(): Promise<string>;
  dump(): Promise<void>;
}

export interface Transport {
  post(url: string, xml: string, signal?: AbortSignal): Promise<HttpResponse>;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Throws unless the endpoint is https, or http on loopback. */
export function assertEndpointAllowed(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new ClassifiedError(`not a valid endpoint URL: ${endpoint}`, { kind: 'terminal' });
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && (LOOPBACK.has(url.hostname) || /^127\./.test(url.hostname))) return url;
  throw new ClassifiedError(`refusing a non-https Intacct endpoint: ${url.origin}`, {
    kind: 'terminal',
    fix: 'Use the https endpoint (https://api.intacct.com/ia/xml/xmlgw.phtml); plain http is only allowed on loopback.',
  });
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export class UndiciTransport implements Transport {
  private readonly agent: Agent;
  private readonly userAgent: string;
  private readonly headersTimeout: number;
  private readonly bodyTimeout: number;

  constructor(options: TransportOptions = {}) {
    this.headersTimeout = options.headersTimeoutMs ?? 300_000;
    this.bodyTimeout = options.bodyTimeoutMs ?? 120_000;
    this.userAgent = options.userAgent ?? USER_AGENT;
    this.agent = new Agent({
      connections: options.connections ?? 16,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 120_000,
      connect: { timeout: options.connectTimeoutMs ?? 15_000 },
      headersTimeout: this.headersTimeout,
      bodyTimeout: this.bodyTimeout,
    });
  }

  async post(endpoint: string, xml: string, signal?: AbortSignal): Promise<HttpResponse> {
    const url = assertEndpointAllowed(endpoint);
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(url, {
        method: 'POST',
        dispatcher: this.agent,
        headers: {
          'content-type': 'application/xml; charset=utf-8',
          accept: 'application/xml, text/xml',
          'accept-encoding': 'gzip, deflate, br',
          'user-agent': this.userAgent,
        },
        body: xml,
        ...(signal ? { signal } : {}),
        headersTimeout: this.headersTimeout,
        bodyTimeout: this.bodyTimeout,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw classifyNetwork(error);
    }
    const headers = res.headers as Record<string, string | string[] | undefined>;
    const encoding = header(headers, 'content-encoding')?.toLowerCase().trim();
    let stream: Readable = res.body;
    if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.body.pipe(createGunzip());
    else if (encoding === 'deflate') stream = res.body.pipe(createInflate());
    else if (encoding === 'br') stream = res.body.pipe(createBrotliDecompress());
    if (stream !== res.body) res.body.on('error', (e) => stream.destroy(e));
    const body = classifyingIterable(stream, signal);
    return {
      status: res.statusCode,
      headers,
      body,
      async text() {
        const chunks: Buffer[] = [];
        for await (const c of body) chunks.push(Buffer.from(c));
        return Buffer.concat(chunks).toString('utf8');
      },
      async dump() {
        stream.destroy();
        await res.body.dump().catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

/** Body iteration with network errors classified (a reset mid-body is transient). */
async function* classifyingIterable(stream: Readable, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    if (signal?.aborted) throw error;
    throw classifyNetwork(error);
  }
}
