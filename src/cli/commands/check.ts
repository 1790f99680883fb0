import { loadConfig } from '../../config/load.ts';
import { ClassifiedError, EXIT, errorMessage } from '../../core/errors.ts';
import { FIXES } from '../../intacct/classify.ts';
import { IntacctClient } from '../../intacct/client.ts';
import { OBJECTS } from '../../intacct/objects/index.ts';
import { CONFIG_OPTIONS, defineCommand } from '../command.ts';

/**
 * `intacct-elt check`: proves the Intacct side of the configuration before a first sync. It logs
 * in (sender and user credentials, sender authorization), lists the entities, states the time zone
 * timestamps will be read in, and tries a one-row count of every object the job reads, AUDITHISTORY
 * included, so permission problems show up here rather than in the middle of a night's load.
 */

export interface ObjectCheck {
  readonly object: string;
  readonly readable: boolean;
  /** Present only in some companies (a user-defined dimension): not readable is not a failure. */
  readonly optional?: boolean;
  readonly count?: number;
  readonly error?: string;
  readonly fix?: string;
}

export interface CheckReport {
  readonly ok: boolean;
  readonly login: {
    readonly ok: boolean;
    readonly endpoint?: string;
    readonly error?: string;
    readonly fix?: string;
  };
  readonly timezone: string;
  readonly entities: readonly { id: string; name: string; currency?: string }[];
  readonly objects: readonly ObjectCheck[];
  readonly apiCalls: number;
}

/** The objects checked: every registered object, plus AUDITHISTORY (delete capture). */
export function objectsToCheck(): { object: string; key: string; optional?: boolean }[] {
  const list: { object: string; key: string; optional?: boolean }[] = OBJECTS.map((d) => ({
    object: d.object,
    key: d.key,
    ...(d.optional ? { optional: true } : {}),
  }));
  if (!list.some((o) => o.object === 'AUDITHISTORY')) list.push({ object: 'AUDITHISTORY', key: 'ID' });
  return list;
}

function describe(error: unknown): { error: string; fix?: string } {
  if (error instanceof ClassifiedError) {
    let fix = error.fix;
    if (!fix && error.kind === 'transient')
      fix = 'Intacct did not answer cleanly; check the endpoint URL and try again.';
    return fix ? { error: error.message, fix } : { error: error.message };
  }
  return { error: errorMessage(error) };
}

export async function runCheck(
  client: IntacctClient,
  options: { timezone: string; objects?: readonly { object: string; key: string; optional?: boolean }[] },
): Promise<CheckReport> {
  const base = {
    timezone: options.timezone,
    entities: [] as { id: string; name: string; currency?: string }[],
  };
  try {
    const { endpoint } = await client.connect();
    const login = { ok: true, endpoint };
    let entities: { id: string; name: string; currency?: string }[] = [];
    const objects: ObjectCheck[] = [];
    try {
      entities = await client.listEntities();
    } catch (error) {
      objects.push({ object: 'LOCATIONENTITY', readable: false, ...describe(error) });
    }
    for (const o of options.objects ?? objectsToCheck()) {
      try {
        const count = await client.countRecords({
          object: o.object,
          entity: null,
          key: o.key,
          method: 'query',
        });
        objects.push({ object: o.object, readable: true, count });
      } catch (error) {
        const d = describe(error);
        const fix = d.fix ?? (o.object === 'AUDITHISTORY' ? FIXES.permission : undefined);
        objects.push({
          object: o.object,
          readable: false,
          ...(o.optional ? { optional: true } : {}),
          error: d.error,
          ...(fix ? { fix } : {}),
        });
      }
    }
    return {
      ok: objects.every((o) => o.readable || o.optional),
      login,
      ...base,
      entities,
      objects,
      apiCalls: client.stats().apiCalls,
    };
  } catch (error) {
    return {
      ok: false,
      login: { ok: false, ...describe(error) },
      ...base,
      objects: [],
      apiCalls: client.stats().apiCalls,
    };
  }
}

export function formatCheck(report: CheckReport): string {
  const lines: string[] = [];
  if (!report.login.ok) {
    lines.push(`✗ login failed: ${report.login.error}`);
    if (report.login.fix) lines.push(`  fix: ${report.login.fix}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`✓ login: sender and user credentials accepted (endpoint ${report.login.endpoint})`);
  lines.push(
    `✓ time zone: timestamps are read and filtered in ${report.timezone} (from config: intacct.timezone)`,
  );
  lines.push(
    report.entities.length
      ? `✓ entities (${report.entities.length}): ${report.entities.map((e) => `${e.id}${e.currency ? ` [${e.currency}]` : ''}`).join(', ')}`
      : '• no entities: a single-entity company (or LOCATIONENTITY is not readable)',
  );
  for (const o of report.objects) {
    if (o.readable) lines.push(`✓ ${o.object}: readable (${o.count} records at the top level)`);
    else if (o.optional)
      lines.push(`• ${o.object}: not in this company (optional; syncs skip it): ${o.error}`);
    else {
      lines.push(`✗ ${o.object}: ${o.error}`);
      if (o.fix) lines.push(`  fix: ${o.fix}`);
    }
  }
  lines.push(`${report.ok ? '✓ all checks passed' : '✗ some checks failed'} (${report.apiCalls} API calls)`);
  return `${lines.join('\n')}\n`;
}

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'Verify Intacct credentials, sender authorization, entities and read permissions',
  description:
    'Logs in to Intacct with the configured sender and user, lists the entities, reports the time zone\n' +
    'timestamps are read in, and checks that every object the job reads (AUDITHISTORY included) is\n' +
    'readable, with guidance for each failure. Exit code 1 when any check fails.',
  options: CONFIG_OPTIONS,
  async run(ctx) {
    const loaded = loadConfig({
      argvConfigPath: ctx.values.config as string | undefined,
      env: ctx.env,
      cwd: ctx.cwd,
    });
    const cfg = loaded.config.intacct;
    const client = IntacctClient.create({
      endpointUrl: cfg.endpointUrl,
      senderId: cfg.senderId,
      senderPassword: cfg.senderPassword,
      companyId: cfg.companyId,
      userId: cfg.userId,
      userPassword: cfg.userPassword,
      timezone: cfg.timezone,
      concurrency: cfg.concurrency,
      requestTimeoutMs: cfg.requestTimeoutSeconds * 1000,
      maxAttempts: 3,
      logger: ctx.logger,
    });
    try {
      const report = await runCheck(client, { timezone: cfg.timezone });
      ctx.stdout.write(ctx.values.json ? `${JSON.stringify(report)}\n` : formatCheck(report));
      return report.ok ? EXIT.ok : EXIT.failure;
    } finally {
      await client.close();
    }
  },
});
