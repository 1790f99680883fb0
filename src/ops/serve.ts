import { errorMessage } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { sleep as defaultSleep } from '../core/retry.ts';
import { type PlannedRun, cronOf, planRun } from './next-runs.ts';
import type { Schedule } from './schedule-schema.ts';

export interface ServeOptions {
  readonly schedules: readonly Schedule[];
  /** Runs one schedule; resolves to its exit code. May throw: the scheduler survives it. */
  readonly execute: (schedule: Schedule, run: PlannedRun) => Promise<number>;
  readonly logger: Logger;
  /** Aborted to stop serving (SIGTERM): the run in progress finishes its own graceful stop. */
  readonly stop: AbortSignal;
  readonly now?: () => Date;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Stop after this many runs (tests). */
  readonly maxRuns?: number;
}

export interface ServeResult {
  readonly runs: number;
  readonly failures: number;
}

/**
 * The in-process scheduler for one host: runs never overlap (one at a time, in start order), a
 * failed or throwing run is logged and the next one still runs, and the next run is logged each
 * time the scheduler waits. Runs that came due while another ran are caught up once, not once per
 * missed tick; runs inside the maintenance window are skipped or delayed by the schedule's rule.
 */
export async function serveSchedules(options: ServeOptions): Promise<ServeResult> {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? defaultSleep;
  const log = options.logger.child({ component: 'scheduler' });
  const active = options.schedules.filter((s) => s.enabled);
  if (active.length === 0) {
    log.warn('no enabled schedules; nothing to serve');
    return { runs: 0, failures: 0 };
  }
  const crons = new Map(active.map((s) => [s.name, cronOf(s)]));
  /** The last due time handled per schedule: the next run is the first fire after it. */
  const cursor = new Map(active.map((s) => [s.name, now()]));

  const pending = (schedule: Schedule): PlannedRun | null => {
    const cron = crons.get(schedule.name);
    let due = cron?.nextRun(cursor.get(schedule.name)) ?? null;
    if (!due) return null;
    // Several fires missed while another run went on: catch up with the latest one only.
    const at = now();
    for (let next = cron?.nextRun(due) ?? null; next && next <= at; next = cron?.nextRun(next) ?? null) {
      due = next;
    }
    const planned = planRun(schedule, due);
    if (planned.startsAt === null) {
      log.info('run skipped: due inside the maintenance window', {
        schedule: schedule.name,
        due: due.toISOString(),
      });
      cursor.set(schedule.name, due);
      return pending(schedule);
    }
    return planned;
  };

  let runs = 0;
  let failures = 0;
  while (!options.stop.aborted && (options.maxRuns === undefined || runs < options.maxRuns)) {
    const candidates = active
      .map((s) => ({ schedule: s, run: pending(s) }))
      .filter(
        (c): c is { schedule: Schedule; run: PlannedRun & { startsAt: Date } } => c.run?.startsAt != null,
      )
      .sort(
        (a, b) =>
          a.run.startsAt.getTime() - b.run.startsAt.getTime() ||
          a.schedule.name.localeCompare(b.schedule.name),
      );
    const first = candidates[0];
    if (!first) {
      log.warn('no schedule has a future run; stopping');
      break;
    }
    const waitMs = first.run.startsAt.getTime() - now().getTime();
    log.info('next run', {
      schedule: first.schedule.name,
      at: first.run.startsAt.toISOString(),
      ...(first.run.maintenance === 'delayed' ? { delayedFrom: first.run.due.toISOString() } : {}),
      inSeconds: Math.max(0, Math.round(waitMs / 1000)),
    });
    try {
      await sleep(Math.max(0, waitMs), options.stop);
    } catch {
      break; // stopped while waiting
    }
    cursor.set(first.schedule.name, first.run.due);
    runs += 1;
    const started = now();
    log.info('run starting', { schedule: first.schedule.name, command: first.schedule.command });
    try {
      const code = await options.execute(first.schedule, first.run);
      const seconds = (now().getTime() - started.getTime()) / 1000;
      if (code === 0) log.info('run finished', { schedule: first.schedule.name, code, seconds });
      else {
        failures += 1;
        log.error('run failed', { schedule: first.schedule.name, code, seconds });
      }
    } catch (error) {
      failures += 1;
      log.error('run threw; the scheduler goes on', {
        schedule: first.schedule.name,
        error: errorMessage(error),
      });
    }
  }
  log.info('scheduler stopped', { runs, failures });
  return { runs, failures };
}
