import { loadConfig } from '../../config/load.ts';
import { EXIT } from '../../core/errors.ts';
import { openWarehouse } from '../../warehouse/open-warehouse.ts';
import type { LoadRow, StateRow } from '../../warehouse/warehouse.ts';
import { CONFIG_OPTIONS, defineCommand } from '../command.ts';

/** "3h 12m" from milliseconds; freshness is shown to the minute. */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '-';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

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

export function renderStatus(loads: readonly LoadRow[], states: readonly StateRow[], now: Date): string {
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
  out.push('', 'Watermarks (freshness = time since the watermark / since the last state write)');
  if (states.length === 0) out.push('  (none yet)');
  else {
    out.push(
      table([
        ['object', 'entity', 'watermark', 'behind', 'updated', 'load id'],
        ...states.map((s) => [
          s.object,
          s.entity === '' ? '(top)' : s.entity,
          s.watermark ?? '-',
          s.watermark === null ? '-' : formatAge(now.getTime() - Date.parse(s.watermark)),
          formatAge(now.getTime() - Date.parse(s.updatedAt)),
          s.loadId,
        ]),
      ]).replace(/^/gm, '  '),
    );
  }
  return `${out.join('\n')}\n`;
}

export const statusCommand = defineCommand({
  name: 'status',
  summary: 'Show the last loads and the watermark and freshness of each object and entity',
  options: {
    ...CONFIG_OPTIONS,
    limit: { type: 'string', placeholder: 'N', description: 'How many recent loads to show (default 10)' },
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
      if (ctx.values.json) {
        ctx.stdout.write(`${JSON.stringify({ now: now.toISOString(), loads, states })}\n`);
      } else {
        ctx.stdout.write(renderStatus(loads, states, now));
      }
      return EXIT.ok;
    } finally {
      await warehouse.close();
    }
  },
});
