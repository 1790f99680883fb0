import { EXIT, UsageError } from '../../core/errors.ts';
import { renderSchedules, toYaml } from '../../ops/render-kubernetes.ts';
import { defineCommand } from '../command.ts';
import { KUBERNETES_OPTIONS, kubernetesOptions } from '../kubernetes-options.ts';
import { SCHEDULES_OPTION, readSchedules } from '../schedule-runner.ts';

export const schedulesRenderCommand = defineCommand({
  name: 'schedules render',
  summary: 'Print a Kubernetes CronJob per enabled schedule (kubectl apply -f -)',
  usage: 'schedules render --target kubernetes [options]',
  description:
    'Prints one CronJob per enabled schedule as YAML: concurrencyPolicy Forbid, a starting deadline, one\n' +
    'retry, memory requests and limits from the measured peaks, secrets from a Secret, the config file from\n' +
    "a ConfigMap, and a termination grace period longer than the run's SIGTERM grace. Each pod runs\n" +
    '`schedules exec <name>`, which applies the maintenance rule, then runs the command.',
  options: {
    ...SCHEDULES_OPTION,
    target: {
      type: 'string',
      placeholder: 'kubernetes',
      description: 'What to render for (only kubernetes)',
    },
    ...KUBERNETES_OPTIONS,
  },
  async run(ctx) {
    if (ctx.values.target !== 'kubernetes')
      throw new UsageError('--target kubernetes is required (the only target)');
    const options = kubernetesOptions(ctx);
    const schedules = readSchedules(ctx).map((l) => l.schedule);
    ctx.stdout.write(toYaml(renderSchedules(schedules, options)));
    return EXIT.ok;
  },
});
