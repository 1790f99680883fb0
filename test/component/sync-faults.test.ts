import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import { differencesFromTruth, runOnce, sandboxConfig, tempDuckDbPath } from '../support/sync-harness.ts';

describe('sync under faults', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      scale: 0.05,
      seed: 5,
      concurrency: 2,
      // Some latency makes requests overlap, so the limit of 2 is actually hit.
      latencyMs: 5,
      faults: { transientRate: 0.1, sessionMaxAgeMs: 400, seed: 99 },
    });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('ends in exact equality with 10% transient faults, expiring sessions and a concurrency limit of 2', async () => {
    // The job asks for 4 concurrent requests; the company allows 2 and throttles the rest.
    const config = sandboxConfig(sandbox, tempDuckDbPath('faults'), { concurrency: 4, pageSize: 200 });
    const report = await runOnce(config, { fastRetries: true });
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('succeeded');
    const stats = sandbox.stats();
    const injected = Object.values(stats.faultsInjected).reduce((a, b) => a + b, 0);
    expect(injected).toBeGreaterThan(10);
    expect(stats.throttled).toBeGreaterThan(0);
    expect(await differencesFromTruth(config, sandbox)).toEqual([]);

    const response = await fetch(`${sandbox.adminUrl}/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ minutes: 60, creates: 20, edits: 15, deletes: 5 }),
    });
    expect(response.ok).toBe(true);
    const incremental = await runOnce(config, { fastRetries: true });
    expect(incremental.status).toBe('succeeded');
    expect(await differencesFromTruth(config, sandbox)).toEqual([]);
  });
});
