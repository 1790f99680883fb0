import { EXIT } from '../../core/errors.ts';
import { nextRuns } from '../../ops/next-runs.ts';
import { describeInvocation } from '../../ops/schedule-command.ts';
import { defineCommand } from '../command.ts';
import { SCHEDULES_OPTION, readSchedules } from '../schedule-runner.ts';

export const schedulesListCommand = defineCommand({
  name: 'schedules list',
  summary: 'List the schedules with their command, time zone, maintenance rule and next run',
  options: { ...SCHEDULES_OPTION, json: { type: 'boolean', description: 'Print machine-readable JSON' } },
  async run(ctx) {
    const now = new Date();
    const rows = readSchedules(ctx).map(({ schedule: s, file }) => {
      const next = s.enabled ? nextRuns(s, now, 1)[0] : undefined;
      return {
        name: s.name,
        file,
        enabled: s.enabled,
        cron: s.cron,
        timezone: s.timezone,
        command: describeInvocation(s),
        maintenance: s.maintenance.action,
        next: next?.startsAt?.toISOString() ?? null,
      };
    });
    if (ctx.values.json) {
      ctx.stdout.write(`${JSON.stringify(rows)}\n`);
      return EXIT.ok;
    }
    const table = [
      ['name', 'cron', 'time zone', 'maintenance', 'next run (UTC)', 'command'],
      ...rows.map((r) => [
        r.enabled ? r.name : `${r.name} (disabled)`,
        r.cron,
        r.timezone,
        r.maintenance,
        r.next ?? '-',
        r.command,
      ]),
    ];
    const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length))) ?? [];
    for (const r of table)
      ctx.stdout.write(
        `${r
          .map((c, i) => c.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd()}\n`,
      );
    return EXIT.ok;
  },
});
