import { loadConfig } from '../../config/load.ts';
import { EXIT } from '../../core/errors.ts';
import { Alerter, staleObjectsAlert } from '../../ops/alerts.ts';
import { type Freshness, assessFreshness, describeStale, formatAge } from '../../ops/freshness.ts';
import { openWarehouse } from '../../warehouse/open-warehouse.ts';
import type { LoadRow, StateRow } from '../../warehouse/warehouse.ts';
import { CONFIG_OPTIONS, defineCommand } from '../command.ts';

export { formatAge } from '../../ops/freshness.ts';

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function renderStatus(
  loads: readonly LoadRow[],
  states: readonly StateRow[],
  now: Date,
  freshness?: readonly Freshness[],
): string {
  const out: string[] = ['Recent loads'];
  if (loads.length === 0) out.push('  (none yet)');
  else {
    out.push(
      table([
        ['load id', 'command', 'status', 'started', 'finished', 'error'],
        ...loads.map((l) => [l.loadId, l.command, l.status, l.startedAt, l.finishedAt ?? '-', l.error ?? '']),
      ]).replace(/^/gm, '  '),
    );
  }
  out.push('', 'Watermarks (behind = time since the watermark; updated = since the last successful load)');
  if (states.length === 0) out.push('  (none yet)');
  else {
    out.push(
      table([
        [
          'object',
          'entity',
          'watermark',
          'behind',
          'updated',
          'load id',
          ...(freshness ? ['max age', ''] : []),
        ],
        ...states.map((s, i) => [
          s.object,
          s.entity === '' ? '(top)' : s.entity,
          s.watermark ?? '-',
          s.watermark === null ? '-' : formatAge(now.getTime() - Date.parse(s.watermark)),
          formatAge(now.getTime() - Date.parse(s.updatedAt)),
          s.loadId,
          ...(freshness ? [formatAge(freshness[i]?.maxAgeMs ?? 0), freshness[i]?.stale ? 'STALE' : ''] : []),
        ]),
      ]).replace(/^/gm, '  '),
    );
  }
  const stale = freshness?.filter((f) => f.stale).length ?? 0;
  if (stale > 0) out.push('', `${stale} object/entit${stale === 1 ? 'y is' : 'ies are'} stale.`);
  return `${out.join('\n')}\n`;
}

export const statusCommand = defineCommand({
  name: 'status',
  summary: 'Show the last loads and the watermark and freshness of each object and entity',
  description:
    'Shows the recent loads and, for each object and entity, its watermark and the time since its last\n' +
    'successful load against its freshness threshold (freshness.*). Exits 10 when something is stale, so\n' +
    'a monitor can run it; with --alert it also sends the stale-objects alert.',
  options: {
    ...CONFIG_OPTIONS,
    limit: { type: 'string', placeholder: 'N', description: 'How many recent loads to show (default 10)' },
    alert: {
      type: 'boolean',
      description: 'Send the stale-objects alert (alerts.webhookUrl) when something is stale',
    },
  },
  async run(ctx) {
    const { config } = loadConfig({
      argvConfigPath: ctx.values.config as string | undefined,
      env: ctx.env,
      cwd: ctx.cwd,
    });
    const limit = Number(ctx.values.limit ?? 10);
    const warehouse = await openWarehouse(config.warehouse, config.schemas, ctx.logger, { cwd: ctx.cwd });
    try {
      // Reading status must not need a prior `migrate`: migrating is idempotent and cheap.
      await warehouse.migrate();
      const loads = await warehouse.recentLoads(Number.isFinite(limit) && limit > 0 ? limit : 10);
      const states = await warehouse.listState();
      const now = new Date();
      const freshness = assessFreshness(states, config.freshness, now);
      const stale = freshness.filter((f) => f.stale);
      if (ctx.values.json || ctx.env.INTACCT_ELT_JSON === '1') {
        ctx.stdout.write(`${JSON.stringify({ now: now.toISOString(), loads, states, freshness })}\n`);
      } else {
        ctx.stdout.write(renderStatus(loads, states, now, freshness));
      }
      if (stale.length > 0 && ctx.values.alert) {
        await new Alerter({ config: config.alerts, logger: ctx.logger }).send(
          staleObjectsAlert(stale.map(describeStale)),
        );
      }
      return stale.length > 0 ? EXIT.stale : EXIT.ok;
    } finally {
      await warehouse.close();
    }
  },
});
