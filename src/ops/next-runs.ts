import { Cron } from 'croner';
import { maintenanceRemainingMs } from './maintenance.ts';
import type { Schedule } from './schedule-schema.ts';

/** One upcoming run: when cron fires, and what the maintenance rule makes of it. */
export interface PlannedRun {
  readonly schedule: string;
  /** When the cron expression fires. */
  readonly due: Date;
  /** When the run starts: `due`, the end of the maintenance window (delay), or null (skipped). */
  readonly startsAt: Date | null;
  readonly maintenance: 'clear' | 'skipped' | 'delayed' | 'run-anyway';
}

export function cronOf(schedule: Schedule): Cron {
  return new Cron(schedule.cron, { paused: true, mode: '5-part', timezone: schedule.timezone });
}

/** Applies the maintenance rule to a run due at `due`. */
export function planRun(schedule: Schedule, due: Date): PlannedRun {
  const remaining = maintenanceRemainingMs(due, schedule.maintenance.window);
  if (remaining === 0) return { schedule: schedule.name, due, startsAt: due, maintenance: 'clear' };
  switch (schedule.maintenance.action) {
    case 'skip':
      return { schedule: schedule.name, due, startsAt: null, maintenance: 'skipped' };
    case 'delay':
      return {
        schedule: schedule.name,
        due,
        startsAt: new Date(due.getTime() + remaining),
        maintenance: 'delayed',
      };
    case 'run':
      return { schedule: schedule.name, due, startsAt: due, maintenance: 'run-anyway' };
  }
}

/** The next `count` runs of a schedule strictly after `from`, with the maintenance rule applied. */
export function nextRuns(schedule: Schedule, from: Date, count: number): PlannedRun[] {
  return cronOf(schedule)
    .nextRuns(count, from)
    .map((due) => planRun(schedule, due));
}
