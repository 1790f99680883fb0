import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntacctClient } from '../../src/intacct/client.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';

/**
 * The must-show read: 100,000 GL lines (sandbox scale 2) with sessions dying mid-paging, 20%
 * transient faults (502/503 pages, resets, cut-off bodies, in-body outages), cursors expiring and a
 * company concurrency limit lower than the client asks for. Every row must arrive exactly once.
 */
let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ seed: 11, scale: 2 });
}, 120_000);
afterAll(async () => {
  await sb?.close();
});

describe('reading 100,000 GL lines under faults', () => {
  it('every row exactly once', async () => {
    const expected = new Set(sb.store.list('GLDETAIL').map((r) => r.RECORDNO ?? ''));
    expect(expected.size).toBeGreaterThanOrEqual(95_000);
    sb.setFaults({ concurrency: 2, latencyMs: 20, transientRate: 0.2, sessionMaxAgeMs: 1500, seed: 3 });
    const c = sb.credentials;
    const client = IntacctClient.create({
      endpointUrl: sb.url,
      senderId: c.senderId,
      senderPassword: c.senderPassword,
      companyId: c.companyId,
      userId: c.userId,
      userPassword: c.userPassword,
      timezone: sb.store.timezone,
      concurrency: 6,
      maxAttempts: 30,
      retry: { baseDelayMs: 5, maxDelayMs: 200, maxTotalMs: 60_000 },
      throttlePauseMs: 10,
    });
    const entities = [null, ...(await client.listEntities()).map((e) => e.id)];
    const seen = new Map<string, number>();
    let reads = 0;
    const expireTimer = setInterval(() => sb.expireCursors(), 700);
    const started = Date.now();
    try {
      await Promise.all(
        entities.map(async (entity) => {
          for await (const batch of client.readRecords({
            object: 'GLDETAIL',
            fields: ['RECORDNO', 'ACCOUNTNO', 'AMOUNT', 'WHENMODIFIED'],
            entity,
            pageSize: 1000,
          })) {
            reads += batch.length;
            for (const r of batch) seen.set(r.RECORDNO!, (seen.get(r.RECORDNO!) ?? 0) + 1);
          }
        }),
      );
    } finally {
      clearInterval(expireTimer);
      sb.setFaults({ concurrency: 0, latencyMs: 0, transientRate: 0, sessionMaxAgeMs: null });
    }
    const seconds = (Date.now() - started) / 1000;
    const stats = client.stats();
    console.info(
      `read ${reads} rows in ${seconds.toFixed(1)} s;`,
      JSON.stringify({ ...stats, injected: sb.stats() }),
    );
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(seen.keys())).toEqual(expected);
    expect(reads).toBe(expected.size);
    // The faults really happened and were survived.
    expect(stats.retries).toBeGreaterThan(10);
    expect(stats.sessionRefreshes).toBeGreaterThan(0);
    expect(stats.throttled).toBeGreaterThan(0);
    expect(stats.concurrencyLimit).toBeLessThan(6);
    await client.close();
  }, 180_000);
});
