import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import YAML from 'yaml';
import { ENV_VARS, SECRET_PATHS } from '../config/schema.ts';
import { VERSION } from '../core/version.ts';
import { describeInvocation } from './schedule-command.ts';
import type { Schedule } from './schedule-schema.ts';

/** Where the rendered pods find things; every field has a default matching the Dockerfile. */
export interface KubernetesOptions {
  readonly image: string;
  readonly namespace?: string | undefined;
  /** ConfigMap holding `intacct-elt.config.yaml`, mounted read-only. */
  readonly configMap: string;
  /** Secret holding the secret environment variables (INTACCT_SENDER_PASSWORD, …). */
  readonly secret: string;
  /** The SIGTERM grace the job is given (ops.shutdownGraceSeconds). */
  readonly graceSeconds: number;
}

export const DEFAULT_KUBERNETES_OPTIONS: Omit<KubernetesOptions, 'graceSeconds'> = {
  image: `intacct-elt:${VERSION}`,
  configMap: 'intacct-elt-config',
  secret: 'intacct-elt-secrets',
};

export const CONFIG_MOUNT = '/etc/intacct-elt';
export const CONFIG_PATH = `${CONFIG_MOUNT}/intacct-elt.config.yaml`;

/** Seconds the pod gets past the job's own grace: the job exits by itself within its grace. */
const KILL_MARGIN_SECONDS = 15;

/**
 * Memory from the measurements in bench/RESULTS.md: an incremental run and a backfill at scale 2
 * (223k records) peaked at 0.6–0.7 GB; a GLDETAIL backfill of 0.94M lines at 1.1–1.6 GB (DuckDB's
 * native allocations grow with concurrent streams). Requests cover the typical peak, limits the
 * measured worst case with headroom. With Snowflake or BigQuery the process holds one page per
 * stream and needs far less; lower these if you like.
 */
const RESOURCES = {
  run: { requests: { cpu: '500m', memory: '768Mi' }, limits: { memory: '1536Mi' } },
  backfill: { requests: { cpu: '1', memory: '1536Mi' }, limits: { memory: '2Gi' } },
} as const;

const LABELS = { 'app.kubernetes.io/name': 'intacct-elt', 'app.kubernetes.io/version': VERSION };

/** Secret environment variables, each from a key of the same name in the Secret. */
function secretEnv(secret: string) {
  return SECRET_PATHS.map((path) => {
    const name = ENV_VARS.find((e) => e.path === path)?.name as string;
    // The Intacct passwords are always needed; the rest only with their warehouse or alerts.
    const optional = !path.startsWith('intacct.');
    return {
      name,
      valueFrom: { secretKeyRef: { name: secret, key: name, ...(optional ? { optional } : {}) } },
    };
  });
}

function podSpec(
  args: readonly string[],
  options: KubernetesOptions,
  profile: keyof typeof RESOURCES,
): IPodSpec {
  return {
    restartPolicy: 'Never',
    terminationGracePeriodSeconds: options.graceSeconds + KILL_MARGIN_SECONDS,
    securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
    containers: [
      {
        name: 'intacct-elt',
        image: options.image,
        args: [...args],
        env: [
          // One JSON event per line on stderr and the run report as a JSON line on stdout.
          { name: 'INTACCT_ELT_JSON', value: '1' },
          { name: 'INTACCT_ELT_SHUTDOWN_GRACE_SECONDS', value: String(options.graceSeconds) },
          ...secretEnv(options.secret),
        ],
        resources: {
          requests: { ...RESOURCES[profile].requests },
          limits: { ...RESOURCES[profile].limits },
        },
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        volumeMounts: [{ name: 'config', mountPath: CONFIG_MOUNT, readOnly: true }],
      },
    ],
    volumes: [{ name: 'config', configMap: { name: options.configMap } }],
  };
}

function metadata(name: string, options: KubernetesOptions, extra: Record<string, string>) {
  return {
    name,
    ...(options.namespace ? { namespace: options.namespace } : {}),
    labels: { ...LABELS, ...extra },
  };
}

/**
 * One CronJob per schedule. The pod runs `schedules exec <name>`, which applies the maintenance
 * rule and the backfill window at run time and then runs the command (shown in an annotation).
 */
export function renderCronJob(schedule: Schedule, options: KubernetesOptions): ICronJob {
  const labels = { 'app.kubernetes.io/component': 'schedule', 'intacct-elt/schedule': schedule.name };
  const profile = schedule.command === 'backfill' ? 'backfill' : 'run';
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {
      ...metadata(`intacct-elt-${schedule.name}`, options, labels),
      annotations: { 'intacct-elt/command': describeInvocation(schedule) },
    },
    spec: {
      schedule: schedule.cron,
      timeZone: schedule.timezone,
      // Runs of one job never overlap (the warehouse lease also refuses a second one).
      concurrencyPolicy: 'Forbid',
      // A run that could not start within 10 minutes waits for the next one.
      startingDeadlineSeconds: 600,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 5,
      jobTemplate: {
        metadata: { labels: { ...LABELS, ...labels } },
        spec: {
          // One retry: a run repeats its window idempotently; more would hammer a failing API.
          backoffLimit: 1,
          template: {
            metadata: { labels: { ...LABELS, ...labels } },
            spec: podSpec(['schedules', 'exec', schedule.name, '--config', CONFIG_PATH], options, profile),
          },
        },
      },
    },
  };
}

export interface BackfillJobRequest {
  readonly from: string;
  readonly to: string;
  readonly objects?: readonly string[] | undefined;
}

/** A one-off Job running one backfill. */
export function renderBackfillJob(request: BackfillJobRequest, options: KubernetesOptions): IJob {
  const args = ['backfill', '--from', request.from, '--to', request.to];
  if (request.objects && request.objects.length > 0) args.push('--objects', request.objects.join(','));
  args.push('--config', CONFIG_PATH);
  const labels = { 'app.kubernetes.io/component': 'backfill' };
  const name = `intacct-elt-backfill-${request.from}-${request.to}${
    request.objects && request.objects.length > 0 ? `-${request.objects.join('-').toLowerCase()}` : ''
  }`
    .slice(0, 63)
    .replace(/-+$/, '');
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: metadata(name, options, labels),
    spec: {
      backoffLimit: 1,
      // Keep the finished Job a week, so its logs can be read.
      ttlSecondsAfterFinished: 7 * 24 * 3600,
      template: { metadata: { labels: { ...LABELS, ...labels } }, spec: podSpec(args, options, 'backfill') },
    },
  };
}

/** Manifests as one multi-document YAML stream. */
export function toYaml(manifests: readonly object[]): string {
  return manifests.map((m) => YAML.stringify(m, { lineWidth: 0 })).join('---\n');
}

/** Every enabled schedule as a CronJob, in name order. */
export function renderSchedules(schedules: readonly Schedule[], options: KubernetesOptions): ICronJob[] {
  return schedules
    .filter((s) => s.enabled)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => renderCronJob(s, options));
}
