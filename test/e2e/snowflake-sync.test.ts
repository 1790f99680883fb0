/**
 * The end-to-end scenario on Snowflake: a full sync of every object from the Intacct sandbox into
 * the Snowflake emulator through the real snowflake-sdk driver, then every model built and every
 * data test run there (with the trial balance tie-out against Intacct's own get_trialbalance),
 * activity, an incremental sync and an incremental build, and state. The same scenario runs on
 * DuckDB in test/component/sync.test.ts and the demo.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JobConfig, configSchema } from '../../src/config/schema.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { tieOut, warehouseTrialBalance } from '../../src/extract/tie-out.ts';
import { compileTests, runTests } from '../../src/models/data-tests.ts';
import { loadProject } from '../../src/models/project.ts';
import { planProject } from '../../src/models/build.ts';
import { jobVars, type ModelsStepReport, runModelsStep, targetFor } from '../../src/models/run-models.ts';
import { tieOutFromMarts } from '../../src/models/tie-out-summary.ts';
import { FLOWS } from '../../src/reverse/flows/index.ts';
import { readFlowRecords } from '../../src/reverse/records.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import { openWarehouse } from '../../src/warehouse/open-warehouse.ts';
import type { Warehouse } from '../../src/warehouse/warehouse.ts';
import { snowflakeConfig } from '../conformance/warehouse/targets.ts';
import { type RunningSnowflakeEmulator, startSnowflakeEmulator } from '../emulators/snowflake/server.ts';
import {
  clientOf,
  differencesFromTruth,
  runOnce,
  sandboxConfig,
  withWarehouse,
} from '../support/sync-harness.ts';

/** Every object through the driver: about a minute on a quiet 2-core machine, more on a busy one. */
const SYNC_TIMEOUT_MS = 300_000;
const PROJECT_DIR = fileURLToPath(new URL('../../models', import.meta.url));
const project = loadProject(PROJECT_DIR);

/** Builds every model and runs every data test (with a fresh read of get_trialbalance) on Snowflake. */
async function buildAndTest(config: JobConfig): Promise<ModelsStepReport> {
  const client = clientOf(config);
  const warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
  try {
    return await runModelsStep({
      config,
      runner: warehouse,
      logger: silentLogger,
      projectDir: PROJECT_DIR,
      trialBalanceReader: client,
    });
  } finally {
    await client.close();
    await warehouse.close();
  }
}

/** Problems of a models step, as readable lines: empty when every model built and every test passed. */
function problems(report: ModelsStepReport): string[] {
  return [
    ...(report.build?.models ?? [])
      .filter((m) => m.status !== 'success')
      .map((m) => `${m.name}: ${m.message}`),
    ...(report.tests?.tests ?? []).filter((t) => t.status !== 'pass').map((t) => `${t.name}: ${t.message}`),
  ];
}

/**
 * The trial balance mart against Intacct's get_trialbalance over all its periods, entity by entity
 * and account by account, compared as decimal strings (never parsed into numbers).
 */
async function martTieOut(config: JobConfig, report: ModelsStepReport): Promise<string[]> {
  const renderer = report.plan.renderer;
  const mart = renderer.relationOf('trial_balance');
  const client = clientOf(config);
  const warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
  try {
    const [range] = await warehouse.query<{ START_DATE: string; END_DATE: string }>(
      `select cast(min(period_start_date) as varchar) as start_date, cast(max(period_end_date) as varchar) as end_date
         from ${renderer.relationOf('dim_fiscal_period')}`,
    );
    const entities = await warehouse.query<{ ENTITY_ID: string }>(
      `select distinct entity_id from ${mart} order by 1`,
    );
    expect(entities.length).toBeGreaterThanOrEqual(3);
    const lines: string[] = [];
    for (const { ENTITY_ID: entity } of entities) {
      const rows = await warehouse.query<{ ACCOUNT_NO: string; DEBITS: string; CREDITS: string }>(
        `select account_no, cast(sum(period_debits) as varchar) as debits, cast(sum(period_credits) as varchar) as credits
           from ${mart} where entity_id = $1 and book_id = 'ACCRUAL' group by account_no`,
        [entity],
      );
      expect(rows.every((r) => typeof r.DEBITS === 'string' && typeof r.CREDITS === 'string')).toBe(true);
      const ours = new Map(rows.map((r) => [r.ACCOUNT_NO, { debits: r.DEBITS, credits: r.CREDITS }]));
      const intacct = await client.trialBalance(entity, {
        startDate: range!.START_DATE,
        endDate: range!.END_DATE,
      });
      const result = tieOut(entity, ours, intacct);
      expect(result.accounts, `accounts of ${entity}`).toBeGreaterThan(0);
      for (const d of result.differences) {
        lines.push(
          `${entity} ${d.account}: mart ${d.warehouse.debits}/${d.warehouse.credits}, Intacct ${d.intacct.debits}/${d.intacct.credits}`,
        );
      }
    }
    return lines;
  } finally {
    await client.close();
    await warehouse.close();
  }
}

describe('sync, models and data tests on Snowflake (emulator, real driver)', () => {
  let sandbox: RunningSandbox;
  let emulator: RunningSnowflakeEmulator;
  let config: JobConfig;

  beforeAll(async () => {
    [sandbox, emulator] = await Promise.all([
      startSandbox({ scale: 0.03, seed: 7 }),
      startSnowflakeEmulator({ users: { ELT: { password: 'conformance-pw' } } }),
    ]);
    // Every object, at a small scale: the models read all of them.
    const base = sandboxConfig(sandbox, 'unused.duckdb');
    config = configSchema.parse({ ...base, warehouse: snowflakeConfig(emulator) });
  });

  afterAll(async () => {
    await sandbox?.close();
    await emulator?.close();
  });

  it(
    'a full sync equals the ground truth, and the staging went through PUT + COPY + MERGE',
    async () => {
      const report = await runOnce(config);
      expect(report.errors).toEqual([]);
      expect(report.status).toBe('succeeded');
      expect(report.objects.find((o) => o.object === 'GLDETAIL')?.inserted).toBeGreaterThan(300);
      expect(await differencesFromTruth(config, sandbox)).toEqual([]);
      const statements = emulator.stats.statements;
      expect(statements.some((s) => s.startsWith('PUT '))).toBe(true);
      expect(statements.some((s) => s.startsWith('COPY INTO '))).toBe(true);
      expect(statements.some((s) => s.startsWith('MERGE INTO '))).toBe(true);
      expect(emulator.stats.uploads).toBeGreaterThan(0);
    },
    SYNC_TIMEOUT_MS,
  );

  it('every model builds and every data test passes on Snowflake; the trial balance mart ties out to the cent', async () => {
    const report = await buildAndTest(config);
    expect(problems(report)).toEqual([]);
    expect(report.build?.models.map((m) => m.name).sort()).toEqual(
      report.plan.parsed.map((p) => p.node.name).sort(),
    );
    expect(report.build?.models.length).toBeGreaterThanOrEqual(70);
    // Every compiled test ran, the Intacct tie-out included, against a fresh read of get_trialbalance.
    expect(report.tests?.tests.length).toBe(compileTests(report.plan).length);
    expect(report.tests?.tests.find((t) => t.name === 'ties_out_trial_balance_tie_out')?.status).toBe('pass');
    expect(report.trialBalanceRows).toBeGreaterThan(0);
    expect(project.seeds.length).toBeGreaterThan(0);
    expect(await martTieOut(config, report)).toEqual([]);
    // The reverse models read back as records, keyed and placed in an entity, for every flow.
    for (const flow of FLOWS) {
      const relation = report.plan.renderer.relationOf(flow.model).toString();
      const records = await withWarehouse(config, (w) => readFlowRecords(w, relation, flow));
      expect(records.length, flow.name).toBeGreaterThan(0);
      expect(
        records.every((r) => r.externalKey !== '' && r.entity !== ''),
        flow.name,
      ).toBe(true);
    }
    const summary = await withWarehouse(config, (w) => tieOutFromMarts(w, report.plan.renderer));
    expect(summary.length).toBeGreaterThanOrEqual(3);
    for (const line of summary) {
      expect(line.differences, line.entity).toBe(0);
      expect(line.debits, line.entity).toBe(line.intacctDebits);
      expect(line.arDifference, line.entity).toBe('0.00');
      expect(line.apDifference, line.entity).toBe('0.00');
    }
  });

  it(
    'after adds, edits and deletes an incremental sync is exact again, with state advanced',
    async () => {
      const before = await withWarehouse(config, (w) => w.listState());
      const response = await fetch(`${sandbox.adminUrl}/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ minutes: 120, creates: 30, edits: 20, deletes: 8 }),
      });
      expect(response.ok).toBe(true);
      expect(await differencesFromTruth(config, sandbox)).not.toEqual([]);
      const report = await runOnce(config);
      expect(report.status).toBe('succeeded');
      const totals = report.objects.reduce((t, o) => t + o.inserted + o.updated + o.deleted, 0);
      expect(totals).toBeGreaterThan(0);
      expect(await differencesFromTruth(config, sandbox)).toEqual([]);
      const after = await withWarehouse(config, (w) => w.listState());
      const gl = (rows: typeof after) => rows.find((s) => s.object === 'GLDETAIL' && s.entity !== '');
      expect(gl(after)?.watermark).not.toBeNull();
      expect(gl(after)!.watermark! > gl(before)!.watermark!).toBe(true);
      const loads = await withWarehouse(config, (w) => w.recentLoads(5));
      expect(loads.map((l) => l.status)).toEqual(['succeeded', 'succeeded']);
    },
    SYNC_TIMEOUT_MS,
  );

  it('after the incremental sync, an incremental build MERGEs the changed GL lines and everything still ties out', async () => {
    const before = emulator.stats.statements.length;
    const report = await buildAndTest(config);
    expect(problems(report)).toEqual([]);
    const merges = emulator.stats.statements
      .slice(before)
      .filter((s) => /^merge into "analytics_marts"\."fct_gl_entry"/i.test(s));
    expect(merges).toHaveLength(1);
    expect(await martTieOut(config, report)).toEqual([]);
  });

  it("the warehouse's GL ties out with Intacct's trial balance, entity by entity", async () => {
    const client = clientOf(config);
    const warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
    try {
      const range = { startDate: '2000-01-01', endDate: '2099-12-31' };
      const entities = (await warehouse.listState())
        .filter((s) => s.object === 'GLDETAIL')
        .map((s) => s.entity);
      expect(entities.length).toBeGreaterThanOrEqual(4);
      for (const entity of entities) {
        const intacct = await client.trialBalance(entity === '' ? null : entity, range);
        const result = tieOut(
          entity,
          await warehouseTrialBalance(warehouse, config.schemas, entity, range),
          intacct,
        );
        expect(result.differences, `entity ${entity || 'top'}`).toEqual([]);
        if (entity !== '') expect(result.accounts).toBeGreaterThan(0);
      }
    } finally {
      await client.close();
      await warehouse.close();
    }
  });

  it('a data test fails on Snowflake when the mart is wrong: a cent off in the trial balance is caught', async () => {
    const plan = planProject(project, targetFor(config), jobVars(config));
    const renderer = plan.renderer;
    await withWarehouse(config, async (w: Warehouse) => {
      await w.query(
        `update ${renderer.relationOf('trial_balance')} set period_debits = period_debits + 0.01
          where entity_id = (select min(entity_id) from ${renderer.relationOf('trial_balance')}) and period_debits > 0`,
      );
      const tests = await runTests({
        plan,
        runner: w,
        models: new Set(['trial_balance_tie_out']),
      });
      const tiesOut = tests.tests.find((t) => t.name === 'ties_out_trial_balance_tie_out');
      expect(tiesOut?.status).toBe('fail');
      expect(tiesOut?.failures).toBeGreaterThan(0);
      expect(tiesOut?.message).toMatch(/offending row/);
    });
  });
});
