import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { configSchema } from '../../src/config/schema.ts';
import { EXIT } from '../../src/core/errors.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { WEEKDAYS } from '../../src/ops/schedule-schema.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import { openWarehouse } from '../../src/warehouse/open-warehouse.ts';
import { Capture } from '../support/capture.ts';

/** Scheduled runs and the run report through the CLI, against the sandbox. */
describe('schedules exec and the run report', () => {
  let sandbox: RunningSandbox;
  let receiver: Server;
  let alerts: { text: string }[];
  let cwd: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 0.01, seed: 8 });
    alerts = [];
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => {
        body += d.toString();
      });
      req.on('end', () => {
        alerts.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    cwd = mkdtempSync(join(tmpdir(), 'intacct-elt-ops-'));
    const c = sandbox.credentials;
    writeFileSync(
      join(cwd, 'intacct-elt.config.yaml'),
      [
        'intacct:',
        `  senderId: ${c.senderId}`,
        `  companyId: ${c.companyId}`,
        `  userId: ${c.userId}`,
        `  endpointUrl: ${sandbox.url}`,
        `  timezone: ${sandbox.store.timezone}`,
        'warehouse:',
        '  type: duckdb',
        '  path: books.duckdb',
        'sync:',
        '  safetyLagSeconds: 0',
        'ops:',
        '  apiCallsPerMonth: 1000',
      ].join('\n'),
    );
    // A window that always covers now: it starts at midnight UTC today and lasts a day.
    const today = WEEKDAYS[new Date().getUTCDay()];
    const window = `  window: { weekday: ${today}, start: "00:00", durationMinutes: 1440, timezone: UTC }`;
    mkdirSync(join(cwd, 'schedules'));
    const files: Record<string, string[]> = {
      'lists.yaml': [
        'name: lists',
        'cron: "0 * * * *"',
        'command: sync',
        'objects: [GLACCOUNT, DEPARTMENT]',
        'entities: [US1]',
        'maintenance:',
        '  action: run',
        window,
      ],
      'skipped.yaml': [
        'name: skipped',
        'cron: "0 * * * *"',
        'command: sync',
        'maintenance:',
        '  action: skip',
        window,
      ],
      'push.yaml': [
        'name: push',
        'cron: "0 * * * *"',
        'command: push',
        'maintenance:',
        '  action: run',
        window,
      ],
    };
    for (const [name, lines] of Object.entries(files))
      writeFileSync(join(cwd, 'schedules', name), lines.join('\n'));
    env = {
      INTACCT_SENDER_PASSWORD: c.senderPassword,
      INTACCT_USER_PASSWORD: c.userPassword,
      INTACCT_ELT_LOG_LEVEL: 'info',
      INTACCT_ELT_JSON: '1',
      INTACCT_ELT_ALERT_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
    };
  });
  afterAll(async () => {
    await sandbox?.close();
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  async function run(args: string[]) {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await main(args, { stdout, stderr, env, cwd });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  const events = (text: string) =>
    text
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('runs a schedule with its objects and entities; JSON only; the run report line and control row', async () => {
    const first = await run(['schedules', 'exec', 'lists']);
    expect(first.code, first.stderr).toBe(EXIT.ok);
    // In a container: one JSON document on stdout, one JSON event per line on stderr, nothing else.
    const report = JSON.parse(first.stdout) as { objects: { object: string }[]; entities: string[] };
    expect(report.objects.map((o) => o.object).sort()).toEqual(['DEPARTMENT', 'GLACCOUNT']);
    expect(report.entities).toEqual(['', 'US1']);
    const logged = events(first.stderr);
    const line = logged.find((e) => e.msg === 'run report') as {
      apiCalls: number;
      apiCallsThisMonth: number;
      apiCallsPerMonth: number;
      allowanceUsedPercent: number;
      rows: { read: number };
    };
    expect(line.apiCalls).toBeGreaterThan(0);
    expect(line.apiCallsThisMonth).toBe(line.apiCalls);
    expect(line.apiCallsPerMonth).toBe(1000);
    expect(line.allowanceUsedPercent).toBeCloseTo((line.apiCalls / 1000) * 100, 1);
    expect(line.rows.read).toBeGreaterThan(0);

    const second = await run(['schedules', 'exec', 'lists']);
    expect(second.code).toBe(EXIT.ok);
    const again = events(second.stderr).find((e) => e.msg === 'run report') as {
      apiCalls: number;
      apiCallsThisMonth: number;
    };
    expect(again.apiCallsThisMonth).toBe(line.apiCalls + again.apiCalls);

    const config = configSchema.parse({
      intacct: { ...sandbox.credentials, timezone: sandbox.store.timezone, endpointUrl: sandbox.url },
      warehouse: { type: 'duckdb', path: join(cwd, 'books.duckdb') },
    });
    const w = await openWarehouse(config.warehouse, config.schemas, silentLogger);
    try {
      const rows = await w.query<{ command: string; status: string; calls: string }>(
        `SELECT command, status, CAST(api_calls AS VARCHAR) AS calls FROM ${config.schemas.raw}._elt_run_metrics ORDER BY started_at`,
      );
      expect(rows).toEqual([
        { command: 'sync', status: 'succeeded', calls: String(line.apiCalls) },
        { command: 'sync', status: 'succeeded', calls: String(again.apiCalls) },
      ]);
    } finally {
      await w.close();
    }
    expect(alerts).toEqual([]);
  });

  it('skips a run due inside the maintenance window, and alerts when a scheduled command fails', async () => {
    const skipped = await run(['schedules', 'exec', 'skipped']);
    expect(skipped.code).toBe(EXIT.ok);
    expect(skipped.stdout).toBe('');
    expect(events(skipped.stderr).map((e) => e.msg)).toContain('inside the maintenance window; run skipped');

    // `push` comes with reverse ETL; until then the scheduled run fails, and says so.
    const push = await run(['schedules', 'exec', 'push']);
    expect(push.code).toBe(EXIT.usage);
    expect(events(push.stderr).map((e) => e.msg)).toContainEqual(
      expect.stringMatching(/unknown command "push"/),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.text).toContain('push (schedule push) failed with exit code 2');
  });
});
