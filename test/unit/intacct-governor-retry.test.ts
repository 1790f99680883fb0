import { describe, expect, it } from 'vitest';
import { ClassifiedError } from '../../src/core/errors.ts';
import { backoffDelay, DEFAULT_RETRY, retry } from '../../src/core/retry.ts';
import { Governor } from '../../src/intacct/governor.ts';

const transient = () => new ClassifiedError('boom', { kind: 'transient' });

describe('retry', () => {
  it('full jitter stays under the exponential ceiling', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(0, policy, () => 0.999)).toBe(99);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(400);
    expect(backoffDelay(20, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(5, policy, () => 0)).toBe(0);
  });

  it('retries transient errors up to the attempt bound, never terminal ones', async () => {
    const policy = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2, maxTotalMs: 10_000 };
    let calls = 0;
    await expect(
      retry(
        async () => {
          calls++;
          throw transient();
        },
        { policy },
      ),
    ).rejects.toThrow('boom');
    expect(calls).toBe(4);
    calls = 0;
    await expect(
      retry(
        async () => {
          calls++;
          throw new ClassifiedError('no', { kind: 'terminal' });
        },
        { policy },
      ),
    ).rejects.toThrow('no');
    expect(calls).toBe(1);
    calls = 0;
    expect(
      await retry(
        async (a) => {
          calls++;
          if (a < 3) throw transient();
          return 'ok';
        },
        { policy },
      ),
    ).toBe('ok');
    expect(calls).toBe(3);
  });

  it('does not retry a write that is not replay-safe', async () => {
    let calls = 0;
    await expect(
      retry(
        async () => {
          calls++;
          throw transient();
        },
        { replaySafe: false },
      ),
    ).rejects.toThrow();
    expect(calls).toBe(1);
  });

  it('stops when the total time budget would be exceeded', async () => {
    let t = 0;
    let calls = 0;
    const policy = { maxAttempts: 100, baseDelayMs: 1000, maxDelayMs: 1000, maxTotalMs: 2500 };
    await expect(
      retry(
        async () => {
          calls++;
          throw transient();
        },
        {
          policy,
          random: () => 0.99,
          now: () => t,
          sleep: async (ms) => {
            t += ms;
          },
        },
      ),
    ).rejects.toThrow();
    expect(calls).toBe(3);
  });
});

describe('governor', () => {
  it('never runs more than its limit at once', async () => {
    const g = new Governor({ concurrency: 3 });
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        g.run(['readMore'], async () => {
          peak = Math.max(peak, ++inFlight);
          await new Promise((r) => setTimeout(r, 2));
          inFlight--;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(g.stats().apiCalls).toBe(20);
    expect(g.stats().byFunction).toEqual({ readMore: 20 });
  });

  it('halves on throttling, pauses, then recovers step by step', async () => {
    const g = new Governor({ concurrency: 4, recoverAfter: 2, pauseMs: 20, random: () => 0 });
    g.onThrottled();
    expect(g.currentLimit).toBe(2);
    g.onThrottled();
    expect(g.currentLimit).toBe(1);
    const started = Date.now();
    await g.run(['x'], async () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    for (let i = 0; i < 6; i++) g.onSuccess();
    expect(g.currentLimit).toBe(4);
    expect(g.stats().throttled).toBe(2);
  });
});
