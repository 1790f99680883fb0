import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateCommand } from '../../src/cli/commands/migrate.ts';
import { renderStatus, statusCommand } from '../../src/cli/commands/status.ts';
import type { CommandContext } from '../../src/cli/command.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { openWarehouse } from '../../src/warehouse/open-warehouse.ts';

let dir: string;

function context(values: Record<string, string | boolean>): { ctx: CommandContext; out: () => string } {
  let text = '';
  const stdout = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  const env = {
    INTACCT_SENDER_ID: 's',
    INTACCT_SENDER_PASSWORD: 'sp',
    INTACCT_COMPANY_ID: 'c',
    INTACCT_USER_ID: 'u',
    INTACCT_USER_PASSWORD: 'up',
    INTACCT_TIMEZONE: 'America/New_York',
    INTACCT_ELT_WAREHOUSE: 'duckdb',
    INTACCT_ELT_DUCKDB_PATH: 'wh.duckdb',
  };
  const ctx: CommandContext = {
    stdout,
    stderr: stdout,
    env,
    cwd: dir,
    values,
    positionals: [],
    logger: silentLogger,
    signal: new AbortController().signal,
  };
  return { ctx, out: () => text };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wh-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrate and status commands', () => {
  it('migrate applies once, then reports up to date; status shows loads and watermarks', async () => {
    const first = context({ json: true });
    expect(await migrateCommand.run(first.ctx)).toBe(0);
    expect(JSON.parse(first.out())).toEqual({
      warehouse: 'duckdb',
      applied: [
        '0001_control_tables',
        '0002_run_metrics',
        '0003_object_definitions',
        '0004_reverse_ledger',
        '0005_mcp_audit',
        '0006_event_queue',
        '0007_mcp_writes',
      ],
    });
    const second = context({});
    expect(await migrateCommand.run(second.ctx)).toBe(0);
    expect(second.out()).toMatch(/up to date/);

    const wh = await openWarehouse(
      { type: 'duckdb', path: join(dir, 'wh.duckdb') },
      { staging: 'intacct_staging', raw: 'intacct_raw', analytics: 'analytics' },
      silentLogger,
    );
    await wh.startLoad({ loadId: 'L1', command: 'sync', startedAt: new Date('2026-11-01T08:00:00.000Z') });
    await wh.setState({
      object: 'GLDETAIL',
      entity: 'E100',
      watermark: '2026-11-01T07:00:00.000Z',
      loadId: 'L1',
    });
    await wh.close();

    const status = context({ json: true });
    expect(await statusCommand.run(status.ctx)).toBe(0);
    const parsed = JSON.parse(status.out());
    expect(parsed.loads.map((l: { loadId: string; status: string }) => [l.loadId, l.status])).toEqual([
      ['L1', 'running'],
    ]);
    expect(parsed.states).toEqual([
      expect.objectContaining({ object: 'GLDETAIL', entity: 'E100', watermark: '2026-11-01T07:00:00.000Z' }),
    ]);
  });

  it('renders freshness per object and entity', () => {
    const text = renderStatus(
      [],
      [
        {
          object: 'GLACCOUNT',
          entity: '',
          watermark: '2026-11-01T07:00:00.000Z',
          loadId: 'L1',
          updatedAt: '2026-11-01T08:00:00.000Z',
        },
      ],
      new Date('2026-11-01T10:30:00.000Z'),
    );
    expect(text).toMatch(/\(none yet\)/);
    expect(text).toMatch(/GLACCOUNT\s+\(top\)\s+2026-11-01T07:00:00.000Z\s+3h 30m\s+2h 30m\s+L1/);
  });
});
