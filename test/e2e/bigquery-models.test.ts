/**
 * The whole scenario on BigQuery through the CLI router and the real @google-cloud/bigquery client
 * against the emulator: `sync` of every object from the Intacct sandbox, then `models build` (seeds,
 * every staging, intermediate, mart and reverse model) and `models test --tie-out` (every data test,
 * Intacct's get_trialbalance read first). The trial balance mart must then equal get_trialbalance,
 * read here again through the Intacct client, per entity, period and account, to the cent. The same
 * scenario runs on DuckDB in test/component/models.test.ts; the config is the README's (with four
 * concurrent Intacct requests).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { JobConfig } from '../../src/config/schema.ts';
import type { ModelResult } from '../../src/models/build.ts';
import type { TestResult } from '../../src/models/data-tests.ts';
import { loadProject } from '../../src/models/project.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import type { RunningBigQueryEmulator } from '../emulators/bigquery/server.ts';
import { EMULATOR_TOKEN, bigqueryConfig, startEmulator } from '../support/bigquery-emulator.ts';
import { Capture } from '../support/capture.ts';
import { clientOf, differencesFromTruth, sandboxConfig, withWarehouse } from '../support/sync-harness.ts';

const PROJECT = loadProject(join(import.meta.dirname, '..', '..', 'models'));
/** A sync of every object makes hundreds of emulator jobs: room for a machine busy with other work. */
const SYNC_TIMEOUT_MS = 300_000;

describe('sync, models build and models test on BigQuery (emulator) through the CLI', () => {
  let sandbox: RunningSandbox;
  let emulator: RunningBigQueryEmulator;
  let cwd: string;
  let env: NodeJS.ProcessEnv;
  let config: JobConfig;

  beforeAll(async () => {
    [sandbox, emulator] = await Promise.all([startSandbox({ scale: 0.01, seed: 5 }), startEmulator()]);
    cwd = mkdtempSync(join(tmpdir(), 'intacct-elt-bq-models-'));
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
        '  projectId: intacct-elt-dev',
        `  apiEndpoint: ${emulator.url}`,
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
    config = sandboxConfig(sandbox, '', { warehouse: bigqueryConfig(emulator, 'intacct-elt-dev') });
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

  it(
    'syncs every object of the company exactly',
    async () => {
      const { code, stdout, stderr } = await run(['sync', '--json']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect((JSON.parse(stdout) as { status: string }).status).toBe('succeeded');
      expect(await differencesFromTruth(config, sandbox)).toEqual([]);
    },
    SYNC_TIMEOUT_MS,
  );

  it('models build builds every model and loads every seed', async () => {
    const uploads = () => emulator.requests.filter((r) => r.query['uploadType'] === 'multipart').length;
    const before = uploads();
    const { code, stdout } = await run(['models', 'build', '--json']);
    const report = JSON.parse(stdout) as { build: { models: ModelResult[]; seeds: string[] } };
    expect(report.build.models.filter((m) => m.status !== 'success').map((m) => m.message)).toEqual([]);
    expect(code).toBe(0);
    expect(report.build.models.map((m) => m.name).sort()).toEqual(PROJECT.models.map((m) => m.name).sort());
    expect(report.build.seeds.sort()).toEqual(PROJECT.seeds.map((s) => s.name).sort());
    // Each seed with rows is one load job, as dbt-bigquery loads seeds.
    expect(uploads() - before).toBe(PROJECT.seeds.filter((s) => s.rows.length > 0).length);
    // Every relation went through the client as GoogleSQL, named with backticks.
    expect(report.build.models.every((m) => m.relation.startsWith('`analytics_'))).toBe(true);
  });

  it(
    'after adds, edits and deletes, an incremental sync is exact and an incremental build MERGEs the GL',
    async () => {
      const response = await fetch(`${sandbox.adminUrl}/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ minutes: 120, creates: 20, edits: 15, deletes: 5 }),
      });
      expect(response.ok).toBe(true);
      const sync = await run(['sync', '--json']);
      expect(sync.code).toBe(0);
      expect(await differencesFromTruth(config, sandbox)).toEqual([]);
      const before = emulator.queries.length;
      const { code, stdout } = await run(['models', 'build', '--json']);
      const report = JSON.parse(stdout) as { build: { models: ModelResult[] } };
      expect(report.build.models.filter((m) => m.status !== 'success').map((m) => m.message)).toEqual([]);
      expect(code).toBe(0);
      const sent = emulator.queries.slice(before);
      expect(sent.filter((q) => /^merge into `analytics_marts`\.`fct_gl_entry`/i.test(q))).toHaveLength(1);
      expect(
        sent.some((q) => /^drop table if exists `analytics_marts`\.`fct_gl_entry__dbt_tmp`/i.test(q)),
      ).toBe(true);
    },
    SYNC_TIMEOUT_MS,
  );

  it('models test --tie-out passes every data test, the get_trialbalance tie-out included', async () => {
    const { code, stdout } = await run(['models', 'test', '--tie-out', '--json']);
    const report = JSON.parse(stdout) as { tests: { tests: TestResult[] }; trialBalanceRows: number };
    expect(report.tests.tests.filter((t) => t.status !== 'pass').map((t) => t.message)).toEqual([]);
    expect(code).toBe(0);
    expect(report.trialBalanceRows).toBeGreaterThan(0);
    const names = report.tests.tests.map((t) => t.name);
    for (const name of [
      'ties_out_trial_balance_tie_out',
      'balanced_batches_fct_gl_entry',
      'nets_to_zero_trial_balance',
      'ties_out_subledger_tie_out',
      'ties_out_intercompany_reconciliation',
    ]) {
      expect(names).toContain(name);
    }
    expect(names.length).toBeGreaterThan(100);
  });

  it("the trial balance mart equals Intacct's get_trialbalance per entity, period and account, to the cent", async () => {
    type Row = Record<
      | 'entity_id'
      | 'start_date'
      | 'end_date'
      | 'account_no'
      | 'opening_balance'
      | 'period_debits'
      | 'period_credits'
      | 'closing_balance',
      string
    >;
    const rows = await withWarehouse(config, (w) =>
      w.query<Row>(
        `select entity_id, cast(period_start_date as string) as start_date, cast(period_end_date as string) as end_date,
                account_no, opening_balance, period_debits, period_credits, closing_balance
           from \`analytics_marts\`.\`trial_balance\` where book_id = 'ACCRUAL'`,
      ),
    );
    // NUMERIC comes back through the client as exact decimal strings.
    for (const r of rows.slice(0, 50)) expect(r.closing_balance).toMatch(/^-?\d+(\.\d+)?$/);
    const ours = new Map(rows.map((r) => [`${r.entity_id}|${r.start_date}|${r.account_no}`, r]));
    const periods = [...new Map(rows.map((r) => [r.start_date, r.end_date])).entries()];
    const entities = [...new Set(rows.map((r) => r.entity_id))].sort();
    expect(entities.length).toBeGreaterThan(1);
    const client = clientOf(config);
    const compared = new Map<string, number>();
    try {
      for (const entity of entities) {
        for (const [startDate, endDate] of periods) {
          for (const tb of await client.trialBalance(entity, { startDate, endDate })) {
            const key = `${entity}|${startDate}|${tb.glAccountNo}`;
            const mine = ours.get(key);
            const theirs = [tb.startBalance, tb.debits, tb.credits, tb.endBalance].map(cents);
            if (theirs.every((v) => v === 0n) && mine === undefined) continue;
            expect(mine, key).toBeDefined();
            const got = [
              mine?.opening_balance,
              mine?.period_debits,
              mine?.period_credits,
              mine?.closing_balance,
            ];
            expect(got.map(cents), key).toEqual(theirs);
            ours.delete(key);
            compared.set(entity, (compared.get(entity) ?? 0) + 1);
          }
        }
      }
    } finally {
      await client.close();
    }
    for (const entity of entities) expect(compared.get(entity) ?? 0, entity).toBeGreaterThan(10);
    // Whatever get_trialbalance leaves out must be all zero in the mart.
    for (const [key, r] of ours) {
      const amounts = [r.opening_balance, r.period_debits, r.period_credits, r.closing_balance];
      expect(amounts.map(cents), key).toEqual([0n, 0n, 0n, 0n]);
    }
  });

  it('a cent off in the trial balance mart fails the tie-out test on BigQuery', async () => {
    const mart = '`analytics_marts`.`trial_balance`';
    await withWarehouse(config, (w) =>
      w.query(
        `update ${mart} set period_debits = period_debits + cast('0.01' as numeric)
          where entity_id = (select min(entity_id) from ${mart}) and period_debits > 0`,
      ),
    );
    const { code, stdout } = await run(['models', 'test', '--tie-out', '--json']);
    expect(code).toBe(3);
    const report = JSON.parse(stdout) as { tests: { tests: TestResult[] } };
    const failed = report.tests.tests.filter((t) => t.status === 'fail').map((t) => t.name);
    expect(failed).toContain('ties_out_trial_balance_tie_out');
  });
});

/** Exact cents of a decimal string (more than two decimals must be zeros). */
function cents(value: string | undefined): bigint {
  const text = value ?? '0';
  const [whole = '0', frac = ''] = text.replace('-', '').split('.');
  expect(frac.slice(2).replace(/0/g, ''), `${text} has fractions of a cent`).toBe('');
  const units = BigInt(whole) * 100n + BigInt(frac.slice(0, 2).padEnd(2, '0'));
  return text.startsWith('-') ? -units : units;
}
