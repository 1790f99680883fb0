import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { ALERT_KINDS, configSchema } from '../../src/config/schema.ts';
import { EXIT } from '../../src/core/errors.ts';
import { createLogger } from '../../src/core/logger.ts';
import {
  Alerter,
  dataTestFailureAlert,
  reverseRejectedAlert,
  runFailureAlert,
  staleObjectsAlert,
} from '../../src/ops/alerts.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import { openWarehouse } from '../../src/warehouse/open-warehouse.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { Capture } from '../support/capture.ts';

/** The token in a webhook URL is its secret: it must never show in logs. */
const TOKEN = 'T0001/B0002/s3cr3t-webhook-token';

interface Received {
  readonly path: string;
  readonly contentType: string | undefined;
  readonly body: {
    text: string;
    blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[];
  };
}

describe('alert webhooks against a local receiver', () => {
  let server: Server;
  let url: string;
  let received: Received[];
  /** Status codes to answer before answering 200. */
  let failures: number[];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (d: Buffer) => {
        text += d.toString();
      });
      req.on('end', () => {
        const status = failures.shift() ?? 200;
        if (status === 200) {
          received.push({
            path: req.url ?? '',
            contentType: req.headers['content-type'],
            body: JSON.parse(text),
          });
        }
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status === 200 ? 'ok' : 'no');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/${TOKEN}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    received = [];
    failures = [];
  });

  function alerter(overrides: Record<string, unknown> = {}) {
    const log = new Capture();
    const config = configSchema.shape.alerts.parse({ webhookUrl: url, retries: 3, ...overrides });
    const a = new Alerter({
      config,
      logger: createLogger({ stream: log, format: 'json', level: 'debug' }),
      policy: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    return { a, log };
  }

  it('sends each alert kind as Slack-compatible JSON', async () => {
    const { a } = alerter();
    const alerts = [
      runFailureAlert({
        command: 'sync',
        loadId: 'L1',
        status: 'partial',
        errors: [{ object: 'GLDETAIL', entity: 'US1', message: 'timed out' }],
      }),
      dataTestFailureAlert([{ model: 'fct_gl_lines', test: 'trial_balance_ties', failingRows: 2 }]),
      reverseRejectedAlert('billing_invoices', [
        { externalKey: 'INV-9', entity: 'US1', reason: 'period closed' },
      ]),
      staleObjectsAlert([{ object: 'GLDETAIL', entity: 'UK1', age: '5h 2m', maxAge: '3h 0m' }]),
    ];
    for (const alert of alerts) expect(await a.send(alert)).toBe(true);
    expect(received.map((r) => r.body.blocks.at(-1)?.elements?.[0]?.text)).toEqual(
      ALERT_KINDS.map((k) => `kind: ${k}`),
    );
    for (const r of received) {
      expect(r.path).toBe(`/services/${TOKEN}`);
      expect(r.contentType).toBe('application/json');
      expect(typeof r.body.text).toBe('string');
      expect(r.body.blocks[0]?.type).toBe('section');
    }
    expect(received[0]?.body.text).toContain('sync partial (load L1)');
    expect(received[0]?.body.blocks[1]?.text?.text).toContain('GLDETAIL @ US1: timed out');
    expect(received[1]?.body.blocks[1]?.text?.text).toContain(
      'fct_gl_lines: trial_balance_ties (2 failing rows)',
    );
    expect(received[2]?.body.text).toContain('1 record rejected by flow billing_invoices');
    expect(received[3]?.body.blocks[1]?.text?.text).toContain('GLDETAIL @ UK1: last loaded 5h 2m ago');
  });

  it('retries 5xx and 429, never logs the URL, and gives up on a 4xx without retrying', async () => {
    const { a, log } = alerter();
    failures = [503, 429];
    expect(await a.send(staleObjectsAlert([]))).toBe(true);
    expect(received).toHaveLength(1);
    expect(log.text).toMatch(/retrying/);
    failures = [400, 200];
    expect(await a.send(staleObjectsAlert([]))).toBe(false);
    expect(failures).toEqual([200]); // one attempt only
    expect(log.text).toMatch(/could not be delivered.*HTTP 400/);
    expect(log.text).not.toContain('s3cr3t');
    expect(log.text).not.toContain('/services/');
  });

  it('survives an unreachable receiver and sends only the kinds asked for', async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const log = new Capture();
    const a = new Alerter({
      config: configSchema.shape.alerts.parse({
        webhookUrl: `http://127.0.0.1:${port}/hook/${TOKEN}`,
        retries: 1,
      }),
      logger: createLogger({ stream: log, format: 'json' }),
      policy: { baseDelayMs: 1, maxDelayMs: 2 },
    });
    expect(await a.send(staleObjectsAlert([]))).toBe(false);
    expect(log.text).toMatch(/unreachable/);
    expect(log.text).not.toContain('s3cr3t');
    const { a: onlyStale } = alerter({ on: ['stale-objects'] });
    expect(await onlyStale.send(dataTestFailureAlert([]))).toBe(false);
    expect(received).toEqual([]);
  });

  describe('from the CLI', () => {
    let sandbox: RunningSandbox;
    let cwd: string;
    let env: NodeJS.ProcessEnv;
    beforeAll(async () => {
      sandbox = await startSandbox({ scale: 0.01, seed: 5 });
      cwd = mkdtempSync(join(tmpdir(), 'intacct-elt-alerts-'));
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
          'objects:',
          '  include: [GLACCOUNT, DEPARTMENT]',
          'sync:',
          '  safetyLagSeconds: 0',
          'freshness:',
          '  defaultMaxAgeMinutes: 60',
          '  objects: { DEPARTMENT: 600 }',
        ].join('\n'),
      );
      env = {
        INTACCT_SENDER_PASSWORD: c.senderPassword,
        INTACCT_USER_PASSWORD: c.userPassword,
        INTACCT_ELT_LOG_LEVEL: 'error',
        INTACCT_ELT_ALERT_WEBHOOK_URL: url,
      };
    });
    afterAll(async () => {
      await sandbox?.close();
    });

    async function run(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
      const stdout = new Capture();
      const stderr = new Capture();
      const code = await main(args, { stdout, stderr, env: { ...env, ...extraEnv }, cwd });
      return { code, stdout: stdout.text, stderr: stderr.text };
    }

    it('a failed sync sends run-failure; a stale object makes status exit 10 and sends stale-objects', async () => {
      const failed = await run(['sync'], { INTACCT_USER_PASSWORD: 'wrong-password' });
      expect(failed.code).toBe(EXIT.failure);
      expect(received.map((r) => r.body.blocks.at(-1)?.elements?.[0]?.text)).toEqual(['kind: run-failure']);
      expect(received[0]?.body.text).toContain('sync failed');
      expect(failed.stderr).not.toContain('s3cr3t');

      received = [];
      const ok = await run(['sync']);
      expect(ok.code, ok.stderr).toBe(EXIT.ok);
      expect(received).toEqual([]);
      expect((await run(['status'])).code).toBe(EXIT.ok);

      // GLACCOUNT's last load two hours ago: past its 60-minute threshold; DEPARTMENT's 600 is not.
      const config = configSchema.parse({
        intacct: { ...sandbox.credentials, timezone: sandbox.store.timezone, endpointUrl: sandbox.url },
        warehouse: { type: 'duckdb', path: join(cwd, 'books.duckdb') },
      });
      const w = await openWarehouse(config.warehouse, config.schemas, silentLogger);
      await w.query(`UPDATE ${config.schemas.raw}._elt_state SET updated_at = updated_at - INTERVAL 2 HOUR`);
      await w.close();
      const status = await run(['status', '--alert']);
      expect(status.code).toBe(EXIT.stale);
      expect(status.stdout).toMatch(/GLACCOUNT\s.*STALE/);
      expect(status.stdout).not.toMatch(/DEPARTMENT\s.*STALE/);
      expect(received).toHaveLength(1);
      expect(received[0]?.body.text).toContain('1 object is stale');
      expect(received[0]?.body.blocks[1]?.text?.text).toMatch(
        /GLACCOUNT: last loaded 2h 0m ago \(threshold 1h 0m\)/,
      );
    });
  });
});
