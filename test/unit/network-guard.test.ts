import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { blockedConnections, isLoopbackHost } from '../setup/network-guard.ts';

describe('network guard', () => {
  it('sets the driver environment before anything is imported', () => {
    expect(process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION).toBe('true');
    expect(process.env.METADATA_SERVER_DETECTION).toBe('none');
    expect(process.env.NO_PROXY).toContain('127.0.0.1');
  });

  it('refuses a connection to a non-loopback address before any packet leaves', () => {
    const before = blockedConnections.length;
    // 192.0.2.0/24 is TEST-NET-1: never routed; the guard refuses it synchronously anyway.
    expect(() => net.connect({ host: '192.0.2.1', port: 443 })).toThrow(/non-loopback/);
    expect(() => net.connect(80, 'metadata.google.internal')).toThrow(/non-loopback/);
    expect(blockedConnections.length).toBe(before + 2);
    // These two were deliberate; clear them so afterAll checks only unexpected attempts.
    blockedConnections.splice(before, 2);
  });

  it('classifies loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
    expect(isLoopbackHost('169.254.169.254')).toBe(false);
  });

  it('lets loopback connections through', async () => {
    const server = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const body = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    server.close();
    expect(body).toBe('ok');
  });
});
