import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClassifiedError } from '../../src/core/errors.ts';
import { assertEndpointAllowed, UndiciTransport, USER_AGENT } from '../../src/intacct/transport.ts';

/** A bare loopback HTTP server to check the transport's own behaviour (the sandbox covers the protocol). */
let server: Server;
let base = '';
const seen: { ua?: string; encoding?: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        ua: req.headers['user-agent'],
        encoding: req.headers['accept-encoding'] as string,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (req.url === '/gzip') {
        const body = gzipSync(Buffer.from('<response>zipped 😀</response>'));
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(body.length) });
        res.end(body);
      } else if (req.url === '/cut') {
        res.writeHead(200, { 'content-length': '1000' });
        res.write('<response><control>');
        setTimeout(() => res.socket?.destroy(), 5);
      } else {
        res.writeHead(200);
        res.end(`<echo>${chunks.length}</echo>`);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

describe('transport', () => {
  it('names the product, asks for gzip and decompresses it', async () => {
    const t = new UndiciTransport();
    const res = await t.post(`${base}/gzip`, '<request/>');
    expect(await res.text()).toBe('<response>zipped 😀</response>');
    expect(seen.at(-1)?.ua).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^intacct-elt\/\d+\.\d+\.\d+/);
    expect(seen.at(-1)?.encoding).toContain('gzip');
    expect(seen.at(-1)?.body).toBe('<request/>');
    await t.close();
  });

  it('a connection cut mid-body is a transient error', async () => {
    const t = new UndiciTransport();
    const res = await t.post(`${base}/cut`, '<request/>');
    await expect(res.text()).rejects.toSatisfy(
      (e: unknown) => e instanceof ClassifiedError && e.kind === 'transient',
    );
    await t.close();
  });

  it('a refused connection is transient', async () => {
    const t = new UndiciTransport({ connectTimeoutMs: 1000 });
    await expect(t.post('http://127.0.0.1:1/x', '<r/>')).rejects.toSatisfy(
      (e: unknown) => e instanceof ClassifiedError && e.kind === 'transient' && e.level === 'network',
    );
    await t.close();
  });

  it('accepts https and loopback http only', () => {
    expect(assertEndpointAllowed('https://api.intacct.com/ia/xml/xmlgw.phtml').hostname).toBe(
      'api.intacct.com',
    );
    expect(assertEndpointAllowed('http://127.0.0.1:8080/ia/xml/xmlgw.phtml').port).toBe('8080');
    expect(assertEndpointAllowed('http://localhost/x').hostname).toBe('localhost');
    expect(() => assertEndpointAllowed('http://api.intacct.com/ia/xml/xmlgw.phtml')).toThrow(/non-https/);
    expect(() => assertEndpointAllowed('ftp://127.0.0.1/x')).toThrow();
  });
});
