import { EXIT, UsageError } from '../../core/errors.ts';
import { nextRuns } from '../../ops/next-runs.ts';
import { defineCommand } from '../command.ts';
import { SCHEDULES_OPTION, readSchedules } from '../schedule-runner.ts';

export const schedulesNextCommand = defineCommand({
  name: 'schedules next',
  summary: 'Show the next runs of every schedule, with the maintenance window applied',
  usage: 'schedules next [NAME] [--count N] [--from ISO-TIME]',
  positionals: true,
  options: {
    ...SCHEDULES_OPTION,
    count: { type: 'string', placeholder: 'N', description: 'Runs per schedule (default 5)' },
    from: { type: 'string', placeholder: 'ISO-TIME', description: 'Start from this instant instead of now' },
    json: { type: 'boolean', description: 'Print machine-readable JSON' },
  },
  async run(ctx) {
    const count = Number(ctx.values.count ?? 5);
    if (!Number.isInteger(count) || count < 1 || count > 1000)
      throw new UsageError('--count must be a whole number from 1 to 1000');
    const from = ctx.values.from === undefined ? new Date() : new Date(String(ctx.values.from));
    if (Number.isNaN(from.getTime()))
      throw new UsageError('--from must be an ISO time such as 2026-12-05T00:00:00Z');
    const only = ctx.positionals[0];
    const loaded = readSchedules(ctx).filter(
      (l) => l.schedule.enabled && (!only || l.schedule.name === only),
    );
    if (only && loaded.length === 0) throw new UsageError(`no enabled schedule is named ${only}`);
    const runs = loaded
      .flatMap((l) => nextRuns(l.schedule, from, count))
      .sort((a, b) => a.due.getTime() - b.due.getTime() || a.schedule.localeCompare(b.schedule));
    if (ctx.values.json) {
      ctx.stdout.write(`${JSON.stringify(runs)}\n`);
      return EXIT.ok;
    }
    for (const r of runs) {
      const note =
        r.maintenance === 'skipped'
          ? '  skipped: maintenance window'
          : r.maintenance === 'delayed'
            ? `  delayed by the maintenance window to ${r.startsAt?.toISOString()}`
            : r.maintenance === 'run-anyway'
              ? '  inside the maintenance window (runs anyway)'
              : '';
      ctx.stdout.write(`${r.due.toISOString()}  ${r.schedule}${note}\n`);
    }
    return EXIT.ok;
  },
});
