import { EXIT } from '../../core/errors.ts';
import { defineCommand } from '../command.ts';
import { SCHEDULES_OPTION, commandAvailable, readSchedules } from '../schedule-runner.ts';

export const schedulesValidateCommand = defineCommand({
  name: 'schedules validate',
  summary: 'Check every schedule file; problems name the file and line',
  description:
    'Validates every schedule under the schedules folder (cron, time zone, command, objects against the\n' +
    'catalog, flows against the reverse-flow registry, maintenance rule) and that names are unique.\n' +
    'Exits 2 and lists every problem with its file and line when one is invalid.',
  options: { ...SCHEDULES_OPTION, json: { type: 'boolean', description: 'Print machine-readable JSON' } },
  async run(ctx) {
    const loaded = readSchedules(ctx);
    const missing = loaded.filter((l) => !commandAvailable(l.schedule));
    for (const l of missing) {
      ctx.logger.warn('this build has no such command yet; the schedule will fail when it runs', {
        schedule: l.schedule.name,
        command: l.schedule.command,
        file: l.file,
      });
    }
    if (ctx.values.json) {
      ctx.stdout.write(
        `${JSON.stringify({ valid: loaded.map((l) => ({ name: l.schedule.name, file: l.file })), unavailableCommands: missing.map((l) => l.schedule.name) })}\n`,
      );
    } else {
      ctx.stdout.write(
        `${loaded.length} schedule${loaded.length === 1 ? '' : 's'} valid: ${loaded.map((l) => l.schedule.name).join(', ')}\n`,
      );
    }
    return EXIT.ok;
  },
});
