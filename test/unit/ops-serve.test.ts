import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.ts';
import { type Schedule, scheduleSchema } from '../../src/ops/schedule-schema.ts';
import { serveSchedules } from '../../src/ops/serve.ts';
import { Capture } from '../support/capture.ts';

const schedule = (name: string, cron: string, extra: Record<string, unknown> = {}): Schedule =>
  scheduleSchema.parse({ name, cron, command: 'sync', ...extra });

/** A clock that moves only when the scheduler sleeps or a run takes time. */
function fakeClock(start: string) {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
    sleep: async (ms: number, signal: AbortSignal) => {
      if (signal.aborted) throw signal.reason;
      now += ms;
    },
  };
}

describe('schedules serve', () => {
  it('runs one at a time in due order, survives failures and throws, catches up once, logs the next run', async () => {
    const clock = fakeClock('2026-12-01T10:00:30Z'); // a Tuesday, outside the maintenance window
    const log = new Capture();
    const runs: { name: string; at: string }[] = [];
    let active = 0;
    let maxActive = 0;
    const result = await serveSchedules({
      schedules: [
        schedule('every-15', '*/15 * * * *'),
        schedule('hourly', '0 * * * *'),
        schedule('off', '* * * * *', { enabled: false }),
      ],
      logger: createLogger({ stream: log, format: 'json' }),
      stop: new AbortController().signal,
      now: clock.now,
      sleep: clock.sleep,
      maxRuns: 6,
      async execute(s) {
        active += 1;
        maxActive = Math.max(maxActive, active);
        runs.push({ name: s.name, at: clock.now().toISOString().slice(11, 16) });
        const n = runs.length;
        // The third run takes 40 minutes: the runs due meanwhile wait for it and are caught up once.
        clock.advance(n === 3 ? 40 * 60_000 : 60_000);
        active -= 1;
        if (n === 1) return 1;
        if (n === 2) throw new Error('boom');
        return 0;
      },
    });
    expect(maxActive).toBe(1);
    expect(runs).toEqual([
      { name: 'every-15', at: '10:15' },
      { name: 'every-15', at: '10:30' },
      { name: 'every-15', at: '10:45' },
      // 10:45 + 40 min = 11:25: `hourly` (due 11:00) and `every-15` (due 11:00 and 11:15) start now,
      // every-15 once for its latest missed tick.
      { name: 'hourly', at: '11:25' },
      { name: 'every-15', at: '11:26' },
      { name: 'every-15', at: '11:30' },
    ]);
    expect(result).toEqual({ runs: 6, failures: 2 });
    const events = log.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string; schedule?: string; at?: string });
    expect(events.filter((e) => e.msg === 'next run').length).toBeGreaterThanOrEqual(6);
    expect(events.find((e) => e.msg === 'next run')).toMatchObject({
      schedule: 'every-15',
      at: '2026-12-01T10:15:00.000Z',
    });
    expect(events.some((e) => e.msg === 'run threw; the scheduler goes on')).toBe(true);
    expect(events.some((e) => e.msg === 'run failed')).toBe(true);
    expect(runs.some((r) => r.name === 'off')).toBe(false);
  });

  it('skips runs due inside the maintenance window and stops when asked', async () => {
    const clock = fakeClock('2026-12-05T02:00:00Z'); // Saturday, window 02:30–05:30 UTC
    const stop = new AbortController();
    const runs: string[] = [];
    await serveSchedules({
      schedules: [schedule('hourly', '0 * * * *')],
      logger: createLogger({ stream: new Capture(), format: 'json' }),
      stop: stop.signal,
      now: clock.now,
      sleep: clock.sleep,
      async execute() {
        runs.push(clock.now().toISOString().slice(11, 16));
        if (runs.length === 2) stop.abort();
        return 0;
      },
    });
    expect(runs).toEqual(['06:00', '07:00']);
  });
});
