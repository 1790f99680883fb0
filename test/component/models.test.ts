import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobConfig } from '../../src/config/schema.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { IntacctClient } from '../../src/intacct/client.ts';
import { type ModelsStepReport, runModelsStep } from '../../src/models/run-models.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import { openWarehouse } from '../../src/warehouse/open-warehouse.ts';
import type { Warehouse } from '../../src/warehouse/warehouse.ts';
import { clientOf, fetchTruth, runOnce, sandboxConfig, tempDuckDbPath } from '../support/sync-harness.ts';

/**
 * The finance models on a synced sandbox company: every model builds, every data test passes
 * (including the tie-out with Intacct's get_trialbalance through the client), the marts equal the
 * sandbox's ground truth and totals computed here independently, and broken books fail the right test.
 */
const PROJECT = join(import.meta.dirname, '..', '..', 'models');
const AS_OF = '2026-06-30';

let sandbox: RunningSandbox;
let config: JobConfig;
let client: IntacctClient;
let warehouse: Warehouse;
let first: ModelsStepReport;

const step = (extra: { build?: boolean } = {}) =>
  runModelsStep({
    config,
    runner: warehouse,
    logger: silentLogger,
    projectDir: PROJECT,
    vars: { aging_as_of_date: AS_OF },
    trialBalanceReader: client,
    ...extra,
  });

beforeAll(async () => {
  sandbox = await startSandbox({ scale: 0.05, seed: 7 });
  config = sandboxConfig(sandbox, tempDuckDbPath('models'));
  const sync = await runOnce(config);
  expect(sync.status).toBe('succeeded');
  client = clientOf(config);
  warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
  first = await step();
});

afterAll(async () => {
  await client?.close();
  await warehouse?.close();
  await sandbox?.close();
});

/** Exact cents of a decimal string. */
function cents(value: unknown): bigint {
  const text = String(value ?? '0');
  const [whole = '0', frac = ''] = text.replace('-', '').split('.');
  const units = BigInt(whole) * 100n + BigInt((frac.slice(0, 2) || '0').padEnd(2, '0'));
  return text.startsWith('-') ? -units : units;
}

describe('finance models on the sandbox company', () => {
  it('builds every model and passes every data test, the get_trialbalance tie-out included', () => {
    const failedModels = first.build?.models.filter((m) => m.status !== 'success') ?? [];
    expect(failedModels.map((m) => m.message)).toEqual([]);
    const failedTests = first.tests?.tests.filter((t) => t.status !== 'pass') ?? [];
    expect(failedTests.map((t) => t.message)).toEqual([]);
    expect(first.trialBalanceRows).toBeGreaterThan(0);
    const names = first.tests?.tests.map((t) => t.name) ?? [];
    for (const name of [
      'ties_out_trial_balance_tie_out',
      'balanced_batches_fct_gl_entry',
      'nets_to_zero_trial_balance',
      'ties_out_subledger_tie_out',
      'has_gl_entries_fct_ar_invoice_gl_batch_key',
    ]) {
      expect(names).toContain(name);
    }
    expect(first.ok).toBe(true);
  });

  it('the trial balance mart equals the sandbox ground truth per entity and period, to the cent', async () => {
    const truth = await fetchTruth(sandbox);
    const rows = await warehouse.query<Record<string, unknown>>(
      `select entity_id, cast(period_start_date as varchar) as start, cast(period_end_date as varchar) as end, account_no,
              cast(opening_balance as varchar) as opening, cast(period_debits as varchar) as debits,
              cast(period_credits as varchar) as credits, cast(closing_balance as varchar) as closing
         from analytics_marts.trial_balance`,
    );
    const mart = new Map(rows.map((r) => [`${r.entity_id}|${r.start}|${r.end}|${r.account_no}`, r]));
    // The mart is monthly; the truth also lists the yearly reporting periods.
    const monthly = truth.trialBalances.filter((tb) =>
      rows.some((r) => r.start === tb.startDate && r.end === tb.endDate),
    );
    let compared = 0;
    for (const tb of monthly) {
      for (const row of tb.rows as unknown as Record<string, string>[]) {
        const key = `${tb.entity}|${tb.startDate}|${tb.endDate}|${row.glaccountno}`;
        const m = mart.get(key);
        expect(m, key).toBeDefined();
        expect([cents(m?.opening), cents(m?.debits), cents(m?.credits), cents(m?.closing)], key).toEqual([
          cents(row.startbalance),
          cents(row.debits),
          cents(row.credits),
          cents(row.endbalance),
        ]);
        mart.delete(key);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
    // Whatever the truth does not list must be empty in the mart too.
    for (const [key, m] of mart) {
      if (!monthly.some((tb) => key.startsWith(`${tb.entity}|${tb.startDate}|${tb.endDate}|`))) continue;
      expect(cents(m.closing) === 0n && cents(m.debits) === 0n && cents(m.credits) === 0n, key).toBe(true);
    }
  });

  it('budget versus actual equals totals computed from the raw tables', async () => {
    const [mart] = await warehouse.query<Record<string, unknown>>(
      `select cast(sum(budget_amount) as varchar) as budget, cast(sum(actual_amount) as varchar) as actual,
              cast(sum(variance) as varchar) as variance, count(*) as n
         from analytics_marts.budget_vs_actual`,
    );
    const [raw] = await warehouse.query<Record<string, unknown>>(
      `with b as (
         select _entity as e, accountno as a, coalesce(departmentid, '') as d, coalesce(locationid, '') as l,
                pstartdate as s, penddate as f, sum(amount) as budget
           from intacct_raw.gl_budget_item where _deleted_at is null group by all),
       g as (
         select b.e, b.a, b.d, b.l, b.s, sum(case when acc.normalbalance = 'credit' then -1 else 1 end
                * (coalesce(gl.debitamount, 0) - coalesce(gl.creditamount, 0))) as actual
           from b
           join intacct_raw.gl_detail gl on gl._deleted_at is null and gl._entity = b.e and gl.accountno = b.a
             and coalesce(gl.departmentid, '') = b.d and coalesce(gl.locationid, '') = b.l
             and gl.batch_date between b.s and b.f
           join intacct_raw.gl_account acc on acc.accountno = gl.accountno and acc._deleted_at is null
          group by all)
       select cast((select sum(budget) from b) as varchar) as budget, cast((select sum(actual) from g) as varchar) as actual`,
    );
    expect(Number(mart?.n)).toBeGreaterThan(0);
    expect(cents(mart?.budget)).toBe(cents(raw?.budget));
    expect(cents(mart?.actual)).toBe(cents(raw?.actual));
    expect(cents(mart?.variance)).toBe(cents(raw?.actual) - cents(raw?.budget));
  });

  it('AR and AP aging equal open amounts computed from the raw documents and payments', async () => {
    for (const [mart, doc, detail] of [
      ['ar_aging', 'ar_invoice', 'ar_payment_detail'],
      ['ap_aging', 'ap_bill', 'ap_payment_detail'],
    ] as const) {
      const buckets = await warehouse.query<{ bucket: string; open: string }>(
        `select aging_bucket as bucket, cast(sum(open_amount) as varchar) as open from analytics_marts.${mart} group by 1`,
      );
      const docs = await warehouse.query<{ due: string; total: string; paid: string | null }>(
        `select cast(d.whendue as varchar) as due, cast(d.totalentered as varchar) as total,
                (select cast(sum(p.paymentamount) as varchar) from intacct_raw.${detail} p
                  where p._deleted_at is null and p.recordkey = d.record_no and p.paymentdate <= DATE '${AS_OF}') as paid
           from intacct_raw.${doc} d where d._deleted_at is null and d.when_created <= DATE '${AS_OF}'`,
      );
      const expected = new Map<string, bigint>();
      for (const d of docs) {
        const open = cents(d.total) - cents(d.paid ?? '0');
        if (open === 0n) continue;
        const days = Math.round((Date.parse(AS_OF) - Date.parse(d.due)) / 86_400_000);
        const bucket = days <= 30 ? '0-30' : days <= 60 ? '31-60' : days <= 90 ? '61-90' : '90+';
        expected.set(bucket, (expected.get(bucket) ?? 0n) + open);
      }
      expect(expected.size, mart).toBeGreaterThan(0);
      expect(new Map(buckets.map((b) => [b.bucket, cents(b.open)])), mart).toEqual(expected);
    }
  });

  it('an unbalanced batch, an AR invoice missing from the GL and a duplicated key each fail the right test', async () => {
    // Broken books, written straight into the raw tables as a faulty load would.
    await warehouse.query(
      `insert into intacct_raw.gl_detail (record_no, batchkey, batch_date, accountno, tr_type, amount, debitamount,
              creditamount, bookid, _entity, _load_id, _loaded_at)
       select 990000001, batchkey, batch_date, accountno, 1, 123.45, 123.45, 0, bookid, _entity, 'test', now()
         from intacct_raw.gl_detail where _deleted_at is null order by record_no limit 1`,
    );
    await warehouse.query(
      `insert into intacct_raw.ar_invoice (record_no, recordid, customerid, when_created, whendue, totalentered,
              totalpaid, totaldue, glbatchkey, _entity, _load_id, _loaded_at)
       select 990000002, 'INV-NO-GL', customerid, when_created, whendue, 10, 0, 10, '990000099', _entity, 'test', now()
         from intacct_raw.ar_invoice where _deleted_at is null order by record_no limit 1`,
    );
    await warehouse.query(
      `insert into intacct_raw.gl_account (record_no, accountno, title, accounttype, normalbalance, category, status,
              _entity, _load_id, _loaded_at)
       select 990000003, accountno, 'Duplicate', accounttype, normalbalance, category, status, _entity, 'test', now()
         from intacct_raw.gl_account where accountno = '1010'`,
    );
    const broken = await step();
    const failed = new Map(
      (broken.tests?.tests ?? []).filter((t) => t.status === 'fail').map((t) => [t.name, t.message]),
    );
    expect(failed.get('balanced_batches_fct_gl_entry')).toMatch(
      /^test balanced_batches_fct_gl_entry failed on fct_gl_entry: 1 offending row\n .*difference=123\.45/,
    );
    expect(failed.get('has_gl_entries_fct_ar_invoice_gl_batch_key')).toMatch(
      /failed on fct_ar_invoice\.gl_batch_key: 1 offending row\n {2}document_key=990000099/,
    );
    expect(failed.get('unique_dim_account_account_no')).toMatch(
      /failed on dim_account\.account_no: 1 offending row\n {2}unique_field=1010, n_records=2/,
    );
    expect(broken.ok).toBe(false);
  });
});
