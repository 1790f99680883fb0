/**
 * End to end on BigQuery: `intacct-elt sync` through the CLI router, from the Intacct sandbox over
 * HTTP into the BigQuery emulator through the real @google-cloud/bigquery client. The warehouse
 * must equal the sandbox's ground truth (counts per object and entity, debits and credits per
 * account and period), an incremental run after activity must be exact again, the state must hold
 * a watermark per stream, and the GL must tie out to Intacct's own trial balance.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { JobConfig } from '../../src/config/schema.ts';
import { tieOut, warehouseTrialBalance } from '../../src/extract/tie-out.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import type { RunningBigQueryEmulator } from '../emulators/bigquery/server.ts';
import { EMULATOR_TOKEN, bigqueryConfig, startEmulator } from '../support/bigquery-emulator.ts';
import { Capture } from '../support/capture.ts';
import { clientOf, differencesFromTruth, sandboxConfig, withWarehouse } from '../support/sync-harness.ts';

/** The GL and the sub-ledgers that post to it (a deleted bill or payment takes its GL batch along). */
const OBJECTS_UNDER_TEST = [
  'GLDETAIL',
  'GLBATCH',
  'GLACCOUNT',
  'CUSTOMER',
  'ARINVOICE',
  'ARINVOICEITEM',
  'ARPYMT',
  'ARPYMTDETAIL',
  'APBILL',
  'APBILLITEM',
  'APPYMT',
  'APPYMTDETAIL',
] as const;

describe('sync into BigQuery (emulator) through the CLI', () => {
  let sandbox: RunningSandbox;
  let emulator: RunningBigQueryEmulator;
  let cwd: string;
  let env: NodeJS.ProcessEnv;
  let config: JobConfig;

  beforeAll(async () => {
    [sandbox, emulator] = await Promise.all([startSandbox({ scale: 0.03, seed: 11 }), startEmulator()]);
    cwd = mkdtempSync(join(tmpdir(), 'intacct-elt-bq-'));
    // A subset keeps the suite fast; `E2E_ALL_OBJECTS=1` runs every object (passes the same way).
    const objects = process.env['E2E_ALL_OBJECTS'] === '1' ? [] : [...OBJECTS_UNDER_TEST];
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
        '  concurrency: 4',
        'warehouse:',
        '  type: bigquery',
        '  projectId: intacct-elt-test',
        `  apiEndpoint: ${emulator.url}`,
        ...(objects.length > 0 ? ['objects:', `  include: [${objects.join(', ')}]`] : []),
        'sync:',
        '  safetyLagSeconds: 0',
      ].join('\n'),
    );
    env = {
      INTACCT_SENDER_PASSWORD: c.senderPassword,
      INTACCT_USER_PASSWORD: c.userPassword,
      BIGQUERY_ACCESS_TOKEN: EMULATOR_TOKEN,
      INTACCT_ELT_LOG_LEVEL: 'error',
    };
    config = sandboxConfig(sandbox, '', {
      warehouse: bigqueryConfig(emulator),
      ...(objects.length > 0 ? { objects } : {}),
    });
  });

  afterAll(async () => {
    await Promise.all([sandbox?.close(), emulator?.close()]);
  });

  async function run(args: string[]) {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await main(args, { stdout, stderr, env, cwd });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  it('a full sync equals the ground truth, with a watermark per stream', async () => {
    const { code, stdout, stderr } = await run(['sync', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { status: string; objects: { object: string; inserted: number }[] };
    expect(report.status).toBe('succeeded');
    expect(report.objects.find((o) => o.object === 'GLDETAIL')?.inserted).toBeGreaterThan(100);
    expect(await differencesFromTruth(config, sandbox)).toEqual([]);
    const state = await withWarehouse(config, (w) => w.listState());
    expect(state.find((s) => s.object === 'GLDETAIL' && s.entity === 'US1')?.watermark).toMatch(/^\d{4}-/);
    // Staging went through load jobs (multipart uploads), never streaming inserts.
    expect(emulator.requests.some((r) => r.query['uploadType'] === 'multipart')).toBe(true);
    expect(emulator.requests.some((r) => r.path.endsWith('/insertAll'))).toBe(false);
  });

  it('after adds, edits and deletes an incremental sync is exact again', async () => {
    const response = await fetch(`${sandbox.adminUrl}/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ minutes: 120, creates: 20, edits: 15, deletes: 5 }),
    });
    expect(response.ok).toBe(true);
    expect(await differencesFromTruth(config, sandbox)).not.toEqual([]);
    const { code, stdout } = await run(['sync', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { status: string; objects: { inserted: number; updated: number }[] };
    expect(report.status).toBe('succeeded');
    expect(report.objects.reduce((n, o) => n + o.inserted + o.updated, 0)).toBeGreaterThan(0);
    expect(await differencesFromTruth(config, sandbox)).toEqual([]);
  });

  it("the warehouse's GL ties out to Intacct's trial balance, entity by entity", async () => {
    const client = clientOf(config);
    const range = { startDate: '2000-01-01', endDate: '2099-12-31' };
    try {
      const ties = await withWarehouse(config, async (w) => {
        const out = [];
        for (const entity of ['US1', 'UK1', 'DE1']) {
          const intacct = await client.trialBalance(entity, range);
          out.push(tieOut(entity, await warehouseTrialBalance(w, config.schemas, entity, range), intacct));
        }
        return out;
      });
      for (const t of ties) {
        expect(t.accounts).toBeGreaterThan(0);
        expect(t.differences).toEqual([]);
      }
    } finally {
      await client.close();
    }
  });

  it('status reads the load log back from BigQuery', async () => {
    const { code, stdout } = await run(['status', '--json']);
    expect(code).toBe(0);
    expect(stdout).toContain('GLDETAIL');
    expect(stdout).toContain('succeeded');
  });
});
