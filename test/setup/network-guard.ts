/**
 * Runs before every test file, before anything else is imported. It stops the Snowflake and
 * BigQuery drivers from probing cloud metadata addresses, and refuses (before any packet is sent)
 * every connection to an address that is not loopback. A file that attempted one fails in afterAll.
 */
import net from 'node:net';
import tls from 'node:tls';
import { afterAll } from 'vitest';

process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION = 'true';
process.env.METADATA_SERVER_DETECTION = 'none';
process.env.NO_PROXY = '127.0.0.1,localhost';
process.env.no_proxy = '127.0.0.1,localhost';
for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete process.env[name];

export const blockedConnections: string[] = [];

const LOOPBACK_NAMES = new Set(['localhost', '::1', '[::1]']);

export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined || host === '') return true; // Node defaults to localhost
  return (
    LOOPBACK_NAMES.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::ffff:127.0.0.1'
  );
}

function targetOf(args: unknown[]): { host: string | undefined; port: unknown; path: unknown } {
  const first = args[0];
  if (Array.isArray(first)) return targetOf(first); // internal normalized form
  if (first !== null && typeof first === 'object') {
    const o = first as { host?: string; port?: unknown; path?: unknown };
    return { host: o.host, port: o.port, path: o.path };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first)))
    return { host: undefined, port: undefined, path: first };
  return { host: typeof args[1] === 'string' ? args[1] : undefined, port: first, path: undefined };
}

const guardKey = Symbol.for('intacct-elt.network-guard');
const state = globalThis as unknown as Record<symbol, boolean>;
if (!state[guardKey]) {
  state[guardKey] = true;
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const { host, port, path } = targetOf(args);
    if (path === undefined && !isLoopbackHost(host)) {
      const where = `${host}:${String(port)}`;
      blockedConnections.push(where);
      throw new Error(
        `network guard: refused a connection to non-loopback address ${where}; tests talk only to 127.0.0.1`,
      );
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof original;
  // tls.connect builds its own socket through net; keep a reference so it is visibly covered.
  void tls;
}

afterAll(() => {
  if (blockedConnections.length > 0) {
    throw new Error(`this test file attempted non-loopback connections: ${blockedConnections.join(', ')}`);
  }
});
