import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/core/errors.ts';
import type { RunReport } from '../../src/extract/sync.ts';
import { JOB_NAME } from '../../src/extract/sync.ts';
import { OBJECTS } from '../../src/intacct/objects/index.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import {
  differencesFromTruth,
  sandboxConfig,
  tempDuckDbPath,
  withWarehouse,
} from '../support/sync-harness.ts';

const BIN = resolve(import.meta.dirname, '../../bin/intacct-elt.js');
/** A ledger, its batches and some lists: enough streams to cut some short, few enough to stay quick. */
const OBJECTS_READ = [
  'GLDETAIL',
  'GLBATCH',
  'GLACCOUNT',
  'DEPARTMENT',
  'CUSTOMER',
  'ARINVOICE',
  'ARINVOICEITEM',
];

/** Graceful shutdown of a real CLI process in the middle of a sync against the sandbox. */
describe('SIGTERM during a sync', () => {
  let sandbox: RunningSandbox;
  let path: string;
  let configFile: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    // Small pages and some latency: the run reads for several seconds, so the signal lands mid-read.
    sandbox = await startSandbox({ scale: 0.015, seed: 23, latencyMs: 25 });
    path = tempDuckDbPath('sigterm');
    configFile = join(dirname(path), 'intacct-elt.config.yaml');
    const c = sandbox.credentials;
    writeFileSync(
      configFile,
      [
        'intacct:',
        `  senderId: ${c.senderId}`,
        `  companyId: ${c.companyId}`,
        `  userId: ${c.userId}`,
        `  endpointUrl: ${sandbox.url}`,
        `  timezone: ${sandbox.store.timezone}`,
        '  concurrency: 2',
        '  pageSize: 40',
        'objects:',
        `  include: [${OBJECTS_READ.join(', ')}]`,
        'warehouse:',
        '  type: duckdb',
        `  path: ${path}`,
        'sync:',
        '  safetyLagSeconds: 0',
        'ops:',
        '  shutdownGraceSeconds: 30',
      ].join('\n'),
    );
    env = {
      PATH: process.env.PATH ?? '',
      INTACCT_SENDER_PASSWORD: c.senderPassword,
      INTACCT_USER_PASSWORD: c.userPassword,
      INTACCT_ELT_LOG_LEVEL: 'info',
    };
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  /** Starts `sync --json`; `started` resolves once the first page has been staged. */
  function sync(): {
    child: ChildProcess;
    started: Promise<void>;
    stopping: Promise<void>;
    done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  } {
    const child = spawn(process.execPath, [BIN, 'sync', '--json', '--config', configFile], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let markStarted: () => void = () => undefined;
    let markStopping: () => void = () => undefined;
    const started = new Promise<void>((r) => {
      markStarted = r;
    });
    const stopping = new Promise<void>((r) => {
      markStopping = r;
    });
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      // The plan line is logged once the streams start reading.
      if (/streams over/.test(stderr)) markStarted();
      if (/received SIGTERM/.test(stderr)) markStopping();
    });
    const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((r) =>
      child.on('exit', (code) => r({ code, stdout, stderr })),
    );
    return { child, started, stopping, done };
  }

  it('stops taking pages, merges what it staged, keeps state consistent, releases the lease; a rerun finishes', async () => {
    const config = sandboxConfig(sandbox, path, { objects: OBJECTS_READ });
    const first = sync();
    await first.started;
    // Let some pages land in staging first.
    await new Promise((r) => setTimeout(r, 400));
    const signalledAt = Date.now();
    first.child.kill('SIGTERM');
    const stopped = await first.done;
    expect(stopped.code, stopped.stderr).toBe(EXIT.interrupted);
    // Well within the grace period: it did not wait for the hard abort.
    expect(Date.now() - signalledAt).toBeLessThan(30_000);
    expect(stopped.stderr).toMatch(/received SIGTERM/);
    const report = JSON.parse(stopped.stdout) as RunReport;
    expect(report.interrupted).toBe(true);
    expect(report.status).toBe('partial');
    const cut = report.streams.filter((s) => s.stopped);
    const finished = report.streams.filter((s) => !s.stopped && !s.error);
    expect(cut.length).toBeGreaterThan(0);
    expect(report.streams.filter((s) => s.error)).toEqual([]);

    await withWarehouse(config, async (w) => {
      expect(await w.currentLease(JOB_NAME)).toBeNull();
      const [load] = await w.recentLoads(1);
      expect(load?.status).toBe('partial');
      // A stream cut short keeps its (here: absent) watermark, so the next run reads its window again…
      for (const s of cut) expect(await w.getState(s.object, s.entity), `${s.object}@${s.entity}`).toBeNull();
      // …and a stream that finished wrote its state.
      for (const s of finished) expect(await w.getState(s.object, s.entity)).not.toBeNull();
      // What was read before the signal was merged, once.
      const merged = cut.reduce((n, s) => n + s.rowsRead, 0);
      expect(merged).toBeGreaterThan(0);
      for (const o of OBJECTS.filter((x) => OBJECTS_READ.includes(x.object))) {
        const [row] = await w.query<{ dupes: string }>(
          `SELECT CAST(count(*) - count(DISTINCT record_no) AS VARCHAR) AS dupes FROM ${config.schemas.raw}.${o.table}`,
        );
        expect(row?.dupes, o.table).toBe('0');
      }
    });

    // The rerun needs no slow gateway.
    sandbox.setFaults({ latencyMs: 0 });
    const rerun = sync();
    const finishedRun = await rerun.done;
    sandbox.setFaults({ latencyMs: 25 });
    expect(finishedRun.code, finishedRun.stderr).toBe(EXIT.ok);
    expect(await differencesFromTruth(config, sandbox)).toEqual([]);
  });

  it('a second signal exits at once; the next run still ends equal to Intacct', async () => {
    const config = sandboxConfig(sandbox, path, { objects: OBJECTS_READ });
    const r = await fetch(`${sandbox.adminUrl}/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // No deletes: delete capture is the sync's business and tested there.
      body: JSON.stringify({ minutes: 30, creates: 40, edits: 20, deletes: 0 }),
    });
    expect(r.ok).toBe(true);
    const run = sync();
    await run.started;
    run.child.kill('SIGTERM');
    // Signals of one kind sent back to back may merge into one: send the second once the first is seen.
    await run.stopping;
    run.child.kill('SIGTERM');
    const out = await run.done;
    expect(out.code).toBe(143);
    expect(out.stderr).toMatch(/received SIGTERM again: exiting now/);
    sandbox.setFaults({ latencyMs: 0 });
    const rerun = sync();
    const finishedRun = await rerun.done;
    expect(finishedRun.code, finishedRun.stderr).toBe(EXIT.ok);
    expect(await differencesFromTruth(config, sandbox)).toEqual([]);
  });
});
