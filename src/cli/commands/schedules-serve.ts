import { EXIT } from '../../core/errors.ts';
import { serveSchedules } from '../../ops/serve.ts';
import { CONFIG_OPTIONS, defineCommand } from '../command.ts';
import { SCHEDULES_OPTION, executeSchedule, readSchedules } from '../schedule-runner.ts';

export const schedulesServeCommand = defineCommand({
  name: 'schedules serve',
  summary: 'Run the schedules in this process, for hosts without Kubernetes',
  description:
    "Waits for each enabled schedule's next run and runs it in this process, one at a time (runs never\n" +
    'overlap; a run due while another is going starts after it). A failed run is logged and alerted, and\n' +
    'the scheduler goes on. SIGTERM stops the run in progress gracefully, then the scheduler.',
  options: { ...SCHEDULES_OPTION, config: CONFIG_OPTIONS.config },
  async run(ctx) {
    const schedules = readSchedules(ctx).map((l) => l.schedule);
    await serveSchedules({
      schedules,
      logger: ctx.logger,
      stop: ctx.signal,
      execute: (schedule) => executeSchedule(schedule, ctx),
    });
    return ctx.signal.aborted ? EXIT.interrupted : EXIT.ok;
  },
});
