import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { main } from '../../src/cli/main.ts';
import { loadSchedules } from '../../src/ops/schedules-load.ts';
import {
  type KubernetesOptions,
  renderBackfillJob,
  renderSchedules,
  toYaml,
} from '../../src/ops/render-kubernetes.ts';
import { Capture } from '../support/capture.ts';

const ROOT = join(import.meta.dirname, '../..');
const GOLDEN = join(import.meta.dirname, 'kubernetes');
const OPTIONS: KubernetesOptions = {
  image: 'registry.example.com/finance/intacct-elt:0.1.0',
  namespace: 'finance-data',
  configMap: 'intacct-elt-config',
  secret: 'intacct-elt-secrets',
  graceSeconds: 60,
};

/** Compares with the golden file; UPDATE_GOLDEN=1 rewrites it. */
function golden(name: string, text: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

describe('Kubernetes manifests', () => {
  const schedules = loadSchedules('schedules', ROOT).map((l) => l.schedule);

  it('every shipped schedule validates and each enabled one renders a CronJob the Kubernetes schema accepts', () => {
    expect(schedules.length).toBeGreaterThanOrEqual(4);
    const cronJobs = renderSchedules(schedules, OPTIONS);
    expect(cronJobs.map((c) => c.metadata?.name)).toEqual(
      schedules
        .filter((s) => s.enabled)
        .map((s) => `intacct-elt-${s.name}`)
        .sort(),
    );
    for (const manifest of cronJobs) {
      // kubernetes-models validates against the JSON schemas generated from the Kubernetes OpenAPI spec.
      expect(() => new CronJob(manifest).validate()).not.toThrow();
      const spec = manifest.spec;
      expect(spec.concurrencyPolicy).toBe('Forbid');
      expect(spec.startingDeadlineSeconds).toBeGreaterThan(0);
      const pod = spec.jobTemplate.spec?.template.spec;
      expect(pod?.terminationGracePeriodSeconds).toBeGreaterThan(OPTIONS.graceSeconds);
      const container = pod?.containers[0];
      expect(container?.env).toContainEqual({ name: 'INTACCT_ELT_SHUTDOWN_GRACE_SECONDS', value: '60' });
      expect(container?.env).toContainEqual({
        name: 'INTACCT_USER_PASSWORD',
        valueFrom: { secretKeyRef: { name: 'intacct-elt-secrets', key: 'INTACCT_USER_PASSWORD' } },
      });
      expect(container?.resources?.limits?.memory).toBeDefined();
      // Nothing secret is ever a literal value in a manifest.
      expect(container?.env?.filter((e) => /PASSWORD|WEBHOOK/.test(e.name) && e.value !== undefined)).toEqual([]);
    }
    golden('cronjobs.yaml', toYaml(cronJobs));
  });

  it('the schema check is real: a wrong field fails it', () => {
    const [first] = renderSchedules(schedules, OPTIONS);
    const broken = structuredClone(first) as unknown as { spec: { concurrencyPolicy: string } };
    broken.spec.concurrencyPolicy = 'Never';
    expect(() => new CronJob(broken as never).validate()).toThrow(/concurrencyPolicy/);
  });

  it('backfill --render kubernetes prints a Job the schema accepts, without reading any config', async () => {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await main(
      [
        'backfill',
        '--from',
        '2026-01-01',
        '--to',
        '2026-03-31',
        '--objects',
        'GLDETAIL,GLBATCH',
        '--render',
        'kubernetes',
        '--image',
        OPTIONS.image,
        '--namespace',
        'finance-data',
      ],
      { stdout, stderr, env: {}, cwd: ROOT },
    );
    expect(code, stderr.text).toBe(0);
    const job = YAML.parse(stdout.text);
    expect(() => new Job(job).validate()).not.toThrow();
    expect(stdout.text).toBe(
      toYaml([renderBackfillJob({ from: '2026-01-01', to: '2026-03-31', objects: ['GLDETAIL', 'GLBATCH'] }, OPTIONS)]),
    );
    golden('backfill-job.yaml', stdout.text);
  });

  it('schedules render --target kubernetes prints the same CronJobs', async () => {
    const stdout = new Capture();
    const args = ['schedules', 'render', '--target', 'kubernetes', '--image', OPTIONS.image, '--namespace', 'finance-data'];
    expect(await main(args, { stdout, stderr: new Capture(), env: {}, cwd: ROOT })).toBe(0);
    expect(stdout.text).toBe(toYaml(renderSchedules(schedules, OPTIONS)));
    const docs = YAML.parseAllDocuments(stdout.text).map((d) => d.toJS());
    for (const doc of docs) expect(() => new CronJob(doc).validate()).not.toThrow();
  });
});
