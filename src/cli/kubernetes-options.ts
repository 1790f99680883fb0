import { DEFAULT_SHUTDOWN_GRACE_SECONDS } from '../config/schema.ts';
import { UsageError } from '../core/errors.ts';
import { DEFAULT_KUBERNETES_OPTIONS, type KubernetesOptions } from '../ops/render-kubernetes.ts';
import type { CommandContext, OptionSpec } from './command.ts';

export const KUBERNETES_OPTIONS = {
  image: {
    type: 'string',
    placeholder: 'IMAGE',
    description: `Container image (default ${DEFAULT_KUBERNETES_OPTIONS.image})`,
  },
  namespace: {
    type: 'string',
    placeholder: 'NS',
    description: 'Namespace of the manifests (default: none, kubectl -n decides)',
  },
  'config-map': {
    type: 'string',
    placeholder: 'NAME',
    description: `ConfigMap holding intacct-elt.config.yaml (default ${DEFAULT_KUBERNETES_OPTIONS.configMap})`,
  },
  secret: {
    type: 'string',
    placeholder: 'NAME',
    description: `Secret holding INTACCT_SENDER_PASSWORD, INTACCT_USER_PASSWORD, … (default ${DEFAULT_KUBERNETES_OPTIONS.secret})`,
  },
  'grace-seconds': {
    type: 'string',
    placeholder: 'N',
    description: `SIGTERM grace of a run, ops.shutdownGraceSeconds (default ${DEFAULT_SHUTDOWN_GRACE_SECONDS})`,
  },
} as const satisfies Record<string, OptionSpec>;

export function kubernetesOptions(ctx: CommandContext): KubernetesOptions {
  const v = ctx.values;
  const grace = Number(v['grace-seconds'] ?? DEFAULT_SHUTDOWN_GRACE_SECONDS);
  if (!Number.isInteger(grace) || grace < 1 || grace > 3600)
    throw new UsageError('--grace-seconds must be a whole number from 1 to 3600');
  return {
    image: (v.image as string | undefined) ?? DEFAULT_KUBERNETES_OPTIONS.image,
    namespace: v.namespace as string | undefined,
    configMap: (v['config-map'] as string | undefined) ?? DEFAULT_KUBERNETES_OPTIONS.configMap,
    secret: (v.secret as string | undefined) ?? DEFAULT_KUBERNETES_OPTIONS.secret,
    graceSeconds: grace,
  };
}
