import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientStats } from '../../src/intacct/client.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import { differencesFromTruth, runOnce, sandboxConfig, tempDuckDbPath } from '../support/sync-harness.ts';

/**
 * The GL, AR and the lists they use, small pages so every stream makes many requests: enough for
 * faults, expiries and throttling to land everywhere, small enough to stay quick on a loaded machine.
 */
const OBJECTS = ['GLACCOUNT', 'DEPARTMENT', 'CUSTOMER', 'GLBATCH', 'GLDETAIL', 'ARINVOICE', 'ARINVOICEITEM'];

describe('sync under faults', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      scale: 0.03,
      seed: 5,
      concurrency: 2,
      // Some latency makes requests overlap, so the limit of 2 is actually hit.
      latencyMs: 5,
      // Sessions die after 1.5 s: several times per run, yet long enough that a loaded machine's
      // pauses between opening a session and using it do not make every new session stale.
      faults: { transientRate: 0.1, sessionMaxAgeMs: 1500, seed: 99 },
    });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('ends in exact equality with 10% transient faults, expiring sessions and a concurrency limit of 2', async () => {
    // The job asks for 4 concurrent requests; the company allows 2 and throttles the rest.
    const config = sandboxConfig(sandbox, tempDuckDbPath('faults'), {
      concurrency: 4,
      pageSize: 100,
      objects: OBJECTS,
    });
    let stats: ClientStats | undefined;
    const report = await runOnce(config, { fastRetries: true, clientStats: (s) => (stats = s) });
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('succeeded');
    const sandboxStats = sandbox.stats();
    const injected = Object.values(sandboxStats.faultsInjected).reduce((a, b) => a + b, 0);
    // Faults landed throughout the run (10% is asked for; the draw is seeded, so allow some spread).
    expect(injected).toBeGreaterThanOrEqual(5);
    expect(injected / sandboxStats.requests).toBeGreaterThan(0.05);
    expect(sandboxStats.throttled).toBeGreaterThan(0);
    // Sessions were opened again during the run (on expiry or on refusal).
    expect(stats?.sessionRefreshes).toBeGreaterThan(0);
    expect(await differencesFromTruth(config, sandbox)).toEqual([]);

    const response = await fetch(`${sandbox.adminUrl}/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ minutes: 60, creates: 20, edits: 15, deletes: 5 }),
    });
    expect(response.ok).toBe(true);
    const incremental = await runOnce(config, { fastRetries: true });
    expect(incremental.errors).toEqual([]);
    expect(incremental.status).toBe('succeeded');
    expect(await differencesFromTruth(config, sandbox)).toEqual([]);
  });
});
