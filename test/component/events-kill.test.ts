import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { EventQueue } from '../../src/events/queue.ts';
import { flowByName } from '../../src/reverse/flows/index.ts';
import { Ledger } from '../../src/reverse/ledger.ts';
import { CLOSED_THROUGH } from '../../src/sandbox/generator.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import { openWarehouse } from '../../src/warehouse/open-warehouse.ts';
import { Capture } from '../support/capture.ts';
import { deliver, payrollFinalized, SECRETS, salesforceClosedWon } from '../support/events-harness.ts';
import { PROJECT_DIR, reverseWorld } from '../support/reverse-harness.ts';
import type { ReverseWorld } from '../support/reverse-harness.ts';

// kill -9 of `events serve` (a real child process) in the middle of a batch, then a restart: every
// event it had acknowledged is posted, exactly once. The kill point follows the sandbox's answered
// requests, not the clock, so a slow machine moves it nowhere.
const BIN = resolve(import.meta.dirname, '../../bin/intacct-elt.js');
let sandbox: RunningSandbox;
let world: ReverseWorld;
let configPath: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  sandbox = await startSandbox({ scale: 0.05, seed: 5, latencyMs: 15 });
  world = await reverseWorld(sandbox);
  await world.warehouse.close(); // the child processes open the DuckDB file
  const c = sandbox.credentials;
  configPath = join(
    resolve(world.config.warehouse.type === 'duckdb' ? world.config.warehouse.path : '', '..'),
    'events.config.json',
  );
  writeFileSync(
    configPath,
    JSON.stringify({
      intacct: {
        senderId: c.senderId,
        companyId: c.companyId,
        userId: c.userId,
        endpointUrl: sandbox.url,
        timezone: sandbox.store.timezone,
      },
      warehouse: world.config.warehouse,
      reverse: { batchSize: 4, closedThrough: CLOSED_THROUGH },
      events: {
        port: 0,
        debounceMs: 300,
        leaseSeconds: 2,
        retryBaseSeconds: 0.2,
        chargebeeUsername: SECRETS.chargebeeUsername,
      },
    }),
  );
  env = {
    PATH: process.env.PATH ?? '',
    INTACCT_SENDER_PASSWORD: c.senderPassword,
    INTACCT_USER_PASSWORD: c.userPassword,
    SALESFORCE_WEBHOOK_SECRET: SECRETS.salesforceSecret,
    INTACCT_ELT_LOG_LEVEL: 'error',
  };
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
});

/** Starts `events serve`; resolves with its URL once it listens. */
function serve(): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const child = spawn(
    process.execPath,
    [BIN, 'events', 'serve', '-c', configPath, '--project', PROJECT_DIR],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return new Promise((resolveUrl, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolveUrl({ child, url: m[1]!, exited });
    });
    void exited.then((code) => reject(new Error(`events serve exited ${code}: ${stderr}`)));
  });
}

async function health(url: string): Promise<Record<string, number>> {
  return (await (await fetch(`${url}/health`)).json()) as Record<string, number>;
}

describe('events serve killed with SIGKILL mid-batch', () => {
  // One trial keeps the test near a minute on a loaded machine (each CLI start costs seconds);
  // the kill point is the fifth answered request: inside the customers of a 12-event batch.
  for (const [trial, killAfter] of [[1, 5]] as const) {
    it(`trial ${trial}: after a restart every acknowledged event is posted exactly once`, async () => {
      const first = await serve();
      const opps = Array.from({ length: 12 }, (_, i) => `006K${trial}${String(i).padStart(5, '0')}`);
      const before = sandbox.stats().gatewayRequests;
      for (const [i, opp] of opps.entries()) {
        const body = salesforceClosedWon({
          eventId: `sf-${opp}`,
          opportunityId: opp,
          accountId: `001K${trial}${String(i).padStart(5, '0')}`,
          amount: '250.00',
          closeDate: '2026-11-12',
          occurredAt: '2026-11-12T10:00:00Z',
        });
        const r = await deliver(first.url, 'salesforce', body);
        expect(r.status).toBe(200);
      }
      // Kill once the batch has had `killAfter` answers from Intacct: customers and invoices go 4
      // to a request, each after a lookup, so the batch is well under way and not finished.
      await new Promise<void>((done) => {
        const watch = setInterval(() => {
          if (sandbox.stats().gatewayRequests - before >= killAfter) {
            clearInterval(watch);
            first.child.kill('SIGKILL');
            done();
          }
        }, 1);
      });
      expect(await first.exited).toBe(null);
      const postedAtKill = opps.filter(
        (o) => sandbox.store.lookup('ARINVOICE', 'RECORDID', `SO-${o}`).length > 0,
      );
      expect(postedAtKill.length).toBeLessThan(opps.length);

      const second = await serve();
      const deadline = Date.now() + 30_000;
      let h = await health(second.url);
      while ((h.queued ?? 0) + (h.waiting ?? 0) > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        h = await health(second.url);
      }
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);

      const w = await openWarehouse(world.config.warehouse, world.config.schemas, silentLogger);
      try {
        const queue = new EventQueue(w, world.config.schemas.raw);
        expect(await queue.deadEvents()).toEqual([]);
        const ledger = new Ledger(w, world.config.schemas.raw);
        for (const opp of opps) {
          const account = `001K${trial}${opp.slice(5)}`;
          for (const [flow, key] of [
            ['crm-invoices', `SO-${opp}`],
            ['crm-customers', `SF-${account}`],
          ] as const) {
            const f = flowByName(flow)!;
            expect(sandbox.store.lookup(f.lookup.object, f.lookup.field, key), `${flow} ${key}`).toHaveLength(
              1,
            );
            const entries = [...(await ledger.forFlow(flow)).values()].filter((e) => e.externalKey === key);
            expect(entries.map((e) => e.status)).toEqual(['posted']);
          }
        }
      } finally {
        await w.close();
      }
    }, 60_000);
  }

  it('events poll (a file feed) queues and posts a payroll run once; events status and retry answer', async () => {
    const feedPath = join(resolve(configPath, '..'), 'adp-feed.json');
    const runBody = JSON.parse(
      payrollFinalized({
        eventId: 'adp-PR-F1',
        runId: 'PR-F1',
        payDate: '2026-11-20',
        occurredAt: '2026-11-20T08:00:00Z',
      }),
    ) as unknown;
    writeFileSync(feedPath, JSON.stringify({ events: [runBody] }));
    const pollConfig = join(resolve(configPath, '..'), 'events-poll.config.json');
    const base = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, Record<string, unknown>>;
    writeFileSync(
      pollConfig,
      JSON.stringify({ ...base, events: { ...base.events, adpPoll: { url: feedPath } } }),
    );
    const cli = async (...argv: string[]) => {
      const stdout = new Capture();
      const stderr = new Capture();
      const code = await main([...argv, '-c', pollConfig], {
        stdout,
        stderr,
        env,
        cwd: resolve(configPath, '..'),
      });
      return { code, out: stdout.text, err: stderr.text };
    };
    const first = await cli('events', 'poll', '--source', 'adp', '--project', PROJECT_DIR, '--json');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({
      fetched: 1,
      stored: 1,
      done: 1,
      watermark: '2026-11-20T08:00:00Z',
    });
    expect(sandbox.store.lookup('GLBATCH', 'REFERENCENO', 'PR-F1-ACME-US')).toHaveLength(1);
    // Again: nothing newer than the watermark, nothing posted twice.
    const second = await cli('events', 'poll', '--source', 'adp', '--project', PROJECT_DIR, '--json');
    expect(JSON.parse(second.out)).toMatchObject({ fetched: 0, stored: 0 });
    expect(sandbox.store.lookup('GLBATCH', 'REFERENCENO', 'PR-F1-ACME-US')).toHaveLength(1);
    const status = await cli('events', 'status', '--json');
    expect(JSON.parse(status.out)).toMatchObject({ counts: { queued: 0, waiting: 0, dead: 0 }, dead: [] });
    const retry = await cli('events', 'retry', '--json');
    expect(JSON.parse(retry.out)).toEqual({ requeued: 0 });
    expect((await cli('events', 'poll')).code).toBe(2);
  }, 60_000);
});
