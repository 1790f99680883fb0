import { UsageError } from '../../core/errors.ts';
import { parseIntacctDate, wallToEpoch } from '../../core/time.ts';
import { renderBackfillJob, toYaml } from '../../ops/render-kubernetes.ts';
import { CONFIG_OPTIONS, defineCommand } from '../command.ts';
import { KUBERNETES_OPTIONS, kubernetesOptions } from '../kubernetes-options.ts';
import { objectsOption, readConfig, runJobCommand } from '../job.ts';

function day(value: unknown, flag: string): string {
  if (typeof value !== 'string') throw new UsageError(`${flag} is required (a date, YYYY-MM-DD)`);
  try {
    const iso = parseIntacctDate(value);
    if (iso) return iso;
  } catch {
    // reported below
  }
  throw new UsageError(`${flag} ${JSON.stringify(value)} is not a date; use YYYY-MM-DD`);
}

export const backfillCommand = defineCommand({
  name: 'backfill',
  summary: 'Re-read a period of modification times and merge it idempotently',
  usage: 'backfill --from YYYY-MM-DD --to YYYY-MM-DD [--objects A,B] [--render kubernetes] [options]',
  description:
    'Re-reads every record modified between --from and --to (whole days in the company time zone), splitting\n' +
    'large objects into time slices read in parallel, and merges the result. Watermarks are not moved.\n' +
    'With --render kubernetes it reads no config and prints a one-off Kubernetes Job that runs this backfill.',
  options: {
    ...CONFIG_OPTIONS,
    from: { type: 'string', placeholder: 'YYYY-MM-DD', description: 'First day to re-read' },
    to: { type: 'string', placeholder: 'YYYY-MM-DD', description: 'Last day to re-read (inclusive)' },
    objects: { type: 'string', placeholder: 'A,B', description: 'Only these objects' },
    render: {
      type: 'string',
      placeholder: 'kubernetes',
      description: 'Print a Kubernetes Job instead of running',
    },
    ...KUBERNETES_OPTIONS,
  },
  async run(ctx) {
    const from = day(ctx.values.from, '--from');
    const to = day(ctx.values.to, '--to');
    if (to < from) throw new UsageError(`--to ${to} is before --from ${from}`);
    if (ctx.values.render !== undefined) {
      if (ctx.values.render !== 'kubernetes')
        throw new UsageError('--render takes kubernetes (the only target)');
      const job = renderBackfillJob(
        { from, to, objects: objectsOption(ctx.values.objects) },
        kubernetesOptions(ctx),
      );
      ctx.stdout.write(toYaml([job]));
      return 0;
    }
    const { config } = readConfig(ctx);
    const zone = config.intacct.timezone;
    const at = (iso: string, end: boolean) => {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      const start = wallToEpoch({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0 }, zone);
      return end
        ? wallToEpoch({ year: y, month: m, day: d + 1, hour: 0, minute: 0, second: 0 }, zone) - 1
        : start;
    };
    return runJobCommand(ctx, {
      command: 'backfill',
      objects: objectsOption(ctx.values.objects),
      backfill: { from: at(from, false), to: at(to, true) },
    });
  },
});
