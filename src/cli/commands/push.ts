import { resolve } from 'node:path';
import { EXIT, UsageError } from '../../core/errors.ts';
import { type ApprovalNotifier, SlackWebhookNotifier } from '../../reverse/approvals.ts';
import { FLOW_NAMES, selectFlows } from '../../reverse/flows/index.ts';
import { push, type PushReport } from '../../reverse/push.ts';
import type { JobConfig } from '../../config/schema.ts';
import type { FlowDescriptor } from '../../reverse/flow.ts';
import { resolveProjectDir } from '../../models/run-models.ts';
import { modelRelations } from '../../reverse/model-relations.ts';
import { openWarehouse } from '../../warehouse/open-warehouse.ts';
import { PROJECT_OPTION } from './models.ts';
import { CONFIG_OPTIONS, type CommandContext, defineCommand } from '../command.ts';
import { clientFor, readConfig } from '../job.ts';

export function flowsOption(value: unknown): FlowDescriptor[] {
  const names = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  const selected = selectFlows(names);
  if ('unknown' in selected) {
    throw new UsageError(
      `--flow: unknown flow ${selected.unknown.join(', ')}; the flows are ${FLOW_NAMES.join(', ')}`,
    );
  }
  return selected;
}

export function reverseSettings(config: JobConfig) {
  return {
    batchSize: config.reverse.batchSize,
    closedThrough: config.reverse.closedThrough,
    approvalThreshold: config.reverse.approvals.threshold ?? null,
  };
}

export function formatPushReport(report: PushReport): string {
  const lines = [report.planText, ''];
  for (const f of report.flows) {
    if (f.error) lines.push(`${f.flow}: FAILED: ${f.error}`);
    else if (f.applied) {
      const a = f.applied;
      lines.push(
        `${f.flow}: posted ${a.posted}, updated ${a.updated}, corrected ${a.corrected}, reversed ${a.reversed}, ` +
          `rejected ${a.rejected}, left for the next run ${a.failed} (found already posted: ${a.recovered}; requests: ${a.requests})`,
      );
    }
  }
  if (report.approvalsRequested > 0)
    lines.push(`approval requests sent to Slack: ${report.approvalsRequested}`);
  lines.push(
    report.dryRun
      ? 'Dry run: nothing was sent to Intacct.'
      : report.ok
        ? 'Done.'
        : 'Done, with rejections or failures (see above).',
  );
  return lines.join('\n');
}

export async function runPush(ctx: CommandContext, config: JobConfig, dryRun: boolean): Promise<PushReport> {
  const flows = flowsOption(ctx.values.flow);
  const warehouse = await openWarehouse(config.warehouse, config.schemas, ctx.logger, { cwd: ctx.cwd });
  const client = dryRun ? undefined : clientFor(config, ctx.logger);
  const webhook = config.reverse.approvals.slackWebhookUrl;
  const notifier: ApprovalNotifier | undefined = webhook ? new SlackWebhookNotifier(webhook) : undefined;
  try {
    await warehouse.migrate();
    return await push({
      warehouse,
      ...(client ? { client } : {}),
      schemas: config.schemas,
      relationOf: modelRelations(
        config,
        resolveProjectDir(ctx.cwd, ctx.values.project as string | undefined),
      ),
      settings: reverseSettings(config),
      flows,
      dryRun,
      logger: ctx.logger,
      planFile: resolve(ctx.cwd, (ctx.values['plan-file'] as string | undefined) ?? config.reverse.planFile),
      ...(notifier ? { notifier } : {}),
      signal: ctx.signal,
    });
  } finally {
    await client?.close();
    await warehouse.close();
  }
}

export const pushCommand = defineCommand({
  name: 'push',
  summary:
    'Post the reverse models (CRM, billing, payroll, procurement, intercompany) into Intacct, exactly once',
  description:
    "Reads each flow's reverse model from the warehouse, diffs it against the reverse ledger by external key\n" +
    'and payload hash, validates every record (balance, accounts, dimensions active in the entity, open\n' +
    'period, dates, amounts, currencies, mappings), then sends creates, updates and corrections in batches\n' +
    'with deterministic control ids, looking each record up by its key first. Each outcome goes to the\n' +
    'ledger. With --dry-run, prints and stores the plan and sends nothing. Exit 3 when records were rejected.\n' +
    'Build the reverse models (with the models they read) first: intacct-elt models build --select +tag:reverse',
  usage: 'push [--dry-run] [--flow NAME[,NAME]] [--plan-file PATH] [--project DIR] [--json]',
  options: {
    ...CONFIG_OPTIONS,
    ...PROJECT_OPTION,
    'dry-run': { type: 'boolean', description: 'Plan and validate only; send nothing' },
    flow: {
      type: 'string',
      multiple: true,
      placeholder: 'NAME',
      description: `Only these flows (${FLOW_NAMES.join(', ')})`,
    },
    'plan-file': {
      type: 'string',
      placeholder: 'PATH',
      description: 'Write the plan here (default: reverse.planFile)',
    },
  },
  async run(ctx) {
    const { config } = readConfig(ctx);
    const report = await runPush(ctx, config, Boolean(ctx.values['dry-run']));
    if (ctx.values.json) {
      ctx.stdout.write(
        `${JSON.stringify({
          runId: report.runId,
          dryRun: report.dryRun,
          ok: report.ok,
          flows: report.flows,
          rejected: report.items
            .filter((i) => i.action === 'rejected')
            .map((i) => ({ flow: i.flow, entity: i.entity, externalKey: i.externalKey, reasons: i.reasons })),
        })}\n`,
      );
    } else ctx.stdout.write(`${formatPushReport(report)}\n`);
    return report.ok ? EXIT.ok : EXIT.partial;
  },
});
