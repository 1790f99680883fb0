import { loadConfig } from '../config/load.ts';
import { errorMessage } from '../core/errors.ts';
import { wallTime } from '../core/time.ts';
import { Alerter, runFailureAlert } from '../ops/alerts.ts';
import { invocationFor } from '../ops/schedule-command.ts';
import type { Schedule } from '../ops/schedule-schema.ts';
import { DEFAULT_SCHEDULES_DIR, type LoadedSchedule, loadSchedules } from '../ops/schedules-load.ts';
import type { CommandContext, OptionSpec } from './command.ts';
import { COMMANDS } from './commands/index.ts';

export const SCHEDULES_OPTION = {
  schedules: {
    type: 'string',
    placeholder: 'DIR',
    description: `Folder of schedule files (default: ./${DEFAULT_SCHEDULES_DIR})`,
  },
} as const satisfies Record<string, OptionSpec>;

export function readSchedules(ctx: CommandContext): LoadedSchedule[] {
  return loadSchedules((ctx.values.schedules as string | undefined) ?? DEFAULT_SCHEDULES_DIR, ctx.cwd);
}

/** Whether this build of the CLI has the schedule's command (`run` and `push` come with their issues). */
export function commandAvailable(schedule: Schedule): boolean {
  // A command with positionals (`events`) also stands for its sub-actions (`events poll`).
  return COMMANDS.some(
    (c) =>
      c.name === schedule.command || (c.positionals === true && schedule.command.startsWith(`${c.name} `)),
  );
}

/** Commands that send their own run-failure alert with the run's details. */
const SELF_ALERTING = new Set(['sync', 'backfill', 'reconcile']);

/**
 * Runs a schedule's command in this process, through the CLI router, with the schedule's entities
 * and today's backfill window. Alerts a failure the command does not report itself.
 */
export async function executeSchedule(
  schedule: Schedule,
  ctx: CommandContext,
  at = new Date(),
): Promise<number> {
  const w = wallTime(at.getTime(), schedule.timezone);
  const today = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  const configPath = ctx.values.config as string | undefined;
  const { argv, env } = invocationFor(schedule, today, configPath);
  ctx.logger.info('running schedule', { schedule: schedule.name, argv: argv.join(' ') });
  // Imported here: the router imports this module through the command registry.
  const { main } = await import('./main.ts');
  const code = await main(argv, { ...ctx, env: { ...ctx.env, ...env } }, ctx.signal, ctx.shutdown);
  if (code !== 0 && !SELF_ALERTING.has(schedule.command)) {
    try {
      const { config } = loadConfig({ argvConfigPath: configPath, env: ctx.env, cwd: ctx.cwd });
      await new Alerter({ config: config.alerts, logger: ctx.logger }).send(
        runFailureAlert({
          command: `${schedule.command} (schedule ${schedule.name})`,
          status: `failed with exit code ${code}`,
          errors: [],
        }),
      );
    } catch (error) {
      ctx.logger.warn('could not send the run-failure alert', { error: errorMessage(error) });
    }
  }
  return code;
}
