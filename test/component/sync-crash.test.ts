import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBJECTS as ALL_OBJECTS } from '../../src/intacct/objects/index.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import {
  differencesFromTruth,
  runOnce,
  sandboxConfig,
  tempDuckDbPath,
  withWarehouse,
} from '../support/sync-harness.ts';

const BIN = resolve(import.meta.dirname, '../../bin/intacct-elt.js');

/** Documents, their lines, their GL batches and GL lines: every kind of stream and cascade. */
const OBJECTS = ['GLBATCH', 'GLDETAIL', 'APBILL', 'APBILLITEM', 'ARINVOICE'];

/** A small seeded generator, so the kill points are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('a sync killed at random points', () => {
  let sandbox: RunningSandbox;
  let path: string;
  let configFile: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 0.03, seed: 11 });
    path = tempDuckDbPath('crash');
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
        '  concurrency: 4',
        'warehouse:',
        '  type: duckdb',
        `  path: ${path}`,
        'sync:',
        '  safetyLagSeconds: 0',
        'objects:',
        `  include: [${OBJECTS.join(', ')}]`,
      ].join('\n'),
    );
    env = {
      PATH: process.env.PATH ?? '',
      INTACCT_SENDER_PASSWORD: c.senderPassword,
      INTACCT_USER_PASSWORD: c.userPassword,
      INTACCT_ELT_LOG_LEVEL: 'error',
    };
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  function sync(): { child: ChildProcess; done: Promise<number | null> } {
    const child = spawn(process.execPath, [BIN, 'sync', '--config', configFile], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const done = new Promise<number | null>((resolveExit) =>
      child.on('exit', (code) => {
        if (code !== null && code !== 0) console.error(stderr);
        resolveExit(code);
      }),
    );
    return { child, done };
  }

  /**
   * Kills a run with SIGKILL once the sandbox has answered `after` more requests: the kill point
   * follows the run's progress, not the clock, so a slow or loaded machine moves it nowhere. The
   * process is mid-way through whatever follows that answer: parsing, staging, a MERGE, a state write.
   */
  async function killAfterRequests(after: number): Promise<number | null> {
    const start = sandbox.stats().requests;
    const run = sync();
    const watch = setInterval(() => {
      if (sandbox.stats().requests - start >= after) run.child.kill('SIGKILL');
    }, 2);
    try {
      return await run.done;
    } finally {
      clearInterval(watch);
    }
  }

  // One seeded sequence of kill points for the whole sequence of trials below (they run in order).
  const random = lcg(20261126);
  let killed = 0;

  // Each trial is its own step: a step is one process start and part of a run, whatever the load.
  // The first kills the very first sync (a backfill into an empty warehouse); the others kill
  // incremental runs after new activity. Every run of these objects makes over 20 requests (one per
  // stream at least), so a kill point below 20 lands inside the run.
  for (const [trial, what] of ['the first sync', 'an incremental run', 'another incremental run'].entries()) {
    it(`survives a kill -9 during ${what}`, async () => {
      if (trial > 0) {
        const r = await fetch(`${sandbox.adminUrl}/advance`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ minutes: 30, creates: 10, edits: 8, deletes: 3 }),
        });
        expect(r.ok).toBe(true);
      }
      const code = await killAfterRequests(1 + Math.floor(random() * 20));
      if (code === null) killed++;
      else expect(code).toBe(0);
    });
  }

  it('ends, after a clean rerun, in exact equality with no lost and no duplicated rows', async () => {
    expect(killed).toBeGreaterThanOrEqual(2);
    // The clean rerun in this process: the killed ones were separate processes, as in production.
    const config = sandboxConfig(sandbox, path, { objects: OBJECTS });
    const final = await runOnce(config);
    expect(final.errors).toEqual([]);
    expect(final.status).toBe('succeeded');
    expect(await differencesFromTruth(config, sandbox)).toEqual([]);
    await withWarehouse(config, async (w) => {
      for (const o of ALL_OBJECTS.filter((d) => OBJECTS.includes(d.object))) {
        const [row] = await w.query<{ dupes: string }>(
          `SELECT CAST(count(*) - count(DISTINCT record_no) AS VARCHAR) AS dupes FROM ${config.schemas.raw}.${o.table}`,
        );
        expect(row?.dupes, o.table).toBe('0');
      }
    });
  });
});
