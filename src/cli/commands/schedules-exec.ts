import { EXIT, UsageError } from '../../core/errors.ts';
import { sleep } from '../../core/retry.ts';
import { planRun } from '../../ops/next-runs.ts';
import { CONFIG_OPTIONS, defineCommand } from '../command.ts';
import { SCHEDULES_OPTION, executeSchedule, readSchedules } from '../schedule-runner.ts';

export const schedulesExecCommand = defineCommand({
  name: 'schedules exec',
  summary: 'Run one schedule now, honouring its maintenance rule (what each CronJob pod runs)',
  usage: 'schedules exec NAME [--config PATH]',
  description:
    'Runs the command of one schedule once: skipped (exit 0) when now is inside the maintenance window and\n' +
    'the rule is skip, started when the window ends when the rule is delay. A backfill schedule re-reads\n' +
    'its last backfillDays days up to today in the schedule time zone.',
  positionals: true,
  options: { ...SCHEDULES_OPTION, config: CONFIG_OPTIONS.config },
  async run(ctx) {
    const name = ctx.positionals[0];
    if (!name) throw new UsageError('name the schedule to run');
    const found = readSchedules(ctx).find((l) => l.schedule.name === name);
    if (!found) throw new UsageError(`no schedule is named ${name}`);
    const now = new Date();
    const plan = planRun(found.schedule, now);
    if (plan.startsAt === null) {
      ctx.logger.info('inside the maintenance window; run skipped', { schedule: name });
      return EXIT.ok;
    }
    if (plan.maintenance === 'delayed') {
      ctx.logger.info('inside the maintenance window; waiting for it to end', {
        schedule: name,
        until: plan.startsAt.toISOString(),
      });
      try {
        await sleep(plan.startsAt.getTime() - now.getTime(), ctx.signal);
      } catch {
        return EXIT.interrupted;
      }
    }
    return executeSchedule(found.schedule, ctx);
  },
});
