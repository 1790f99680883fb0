import type { Schedule } from './schedule-schema.ts';

/** The CLI arguments and extra environment one run of a schedule uses. */
export interface ScheduledInvocation {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/** `YYYY-MM-DD` of the day `days` before `today` (calendar arithmetic in UTC on a date string). */
function daysBefore(today: string, days: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

/**
 * The command line a schedule runs. `today` (YYYY-MM-DD in the company's time zone) ends a
 * backfill's window. Entities go through INTACCT_ENTITIES, which every job command reads.
 */
export function invocationFor(
  schedule: Schedule,
  today: string | null,
  configPath?: string,
): ScheduledInvocation {
  const argv: string[] = schedule.command.split(' ');
  if (schedule.command === 'backfill' && schedule.backfillDays !== undefined) {
    const n = schedule.backfillDays - 1;
    // Without a day (listings), the window is shown symbolically.
    argv.push('--from', today ? daysBefore(today, n) : `<today-${n}d>`, '--to', today ?? '<today>');
  }
  if (schedule.objects) argv.push('--objects', schedule.objects.join(','));
  if (schedule.flows) argv.push('--flows', schedule.flows.join(','));
  if (schedule.reconcile) argv.push('--reconcile');
  if (schedule.source) argv.push('--source', schedule.source);
  if (configPath) argv.push('--config', configPath);
  return { argv, env: schedule.entities ? { INTACCT_ENTITIES: schedule.entities.join(',') } : {} };
}

/** The command as a person reads it (`sync --objects GLDETAIL`), for listings and annotations. */
export function describeInvocation(schedule: Schedule): string {
  const { argv, env } = invocationFor(schedule, null);
  const entities = env.INTACCT_ENTITIES ? ` (entities ${env.INTACCT_ENTITIES})` : '';
  return `${argv.join(' ')}${entities}`;
}
