import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sum } from '../../src/core/decimal.ts';
import { FLOWS, flowByName } from '../../src/reverse/flows/index.ts';
import { Ledger } from '../../src/reverse/ledger.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import type { SandboxRecord } from '../../src/sandbox/store.ts';
import { type ReverseWorld, pushOnce, reverseWorld } from '../support/reverse-harness.ts';
import { runOnce, withWarehouse } from '../support/sync-harness.ts';
import {
  expectBatchesBalance,
  expectSubledgersTie,
  expectTrialBalancesZero,
} from '../unit/sandbox-invariants.ts';

// Every seed workflow through the whole engine: seeds → reverse models (DuckDB) → plan → batched
// writes to the sandbox over HTTP → ledger; then the sandbox's books are checked to still tie.
let sandbox: RunningSandbox;
let world: ReverseWorld;
let ledger: Ledger;

beforeAll(async () => {
  sandbox = await startSandbox({ scale: 0.05, seed: 1 });
  world = await reverseWorld(sandbox);
  ledger = new Ledger(world.warehouse, world.config.schemas.raw);
});
afterAll(async () => {
  await world?.warehouse.close();
  await sandbox?.close();
});

const byRef = (object: string, field: string, value: string): readonly SandboxRecord[] =>
  sandbox.store.lookup(object, field, value);
const batchLines = (batch: SandboxRecord) => sandbox.store.lookup('GLENTRY', 'BATCHNO', batch.RECORDNO!);

describe('push against the sandbox', () => {
  it('a dry run plans every flow, writes the plan to a file and the warehouse, and sends nothing', async () => {
    sandbox.resetStats();
    const planFile = join(
      world.config.warehouse.type === 'duckdb' ? world.config.warehouse.path : '',
      '..',
      'plan.json',
    );
    const report = await pushOnce(world, { dryRun: true, planFile });
    expect(report.ok).toBe(true);
    for (const flow of FLOWS) {
      const f = report.flows.find((r) => r.flow === flow.name);
      expect(f?.planned.create, flow.name).toBeGreaterThan(0);
    }
    const stats = sandbox.stats();
    expect(Object.keys(stats.byFunction).filter((f) => /create|update/.test(f))).toEqual([]);
    expect(existsSync(planFile)).toBe(true);
    const file = JSON.parse(readFileSync(planFile, 'utf8'));
    expect(file.items.length).toBe(report.items.length);
    const logged = await world.warehouse.query<{ n: bigint }>(
      'SELECT count(*) AS n FROM intacct_raw._elt_reverse_plan WHERE run_id = $1',
      [report.runId],
    );
    expect(Number(logged[0]?.n)).toBe(report.items.length);
    expect(await ledger.all()).toEqual([]);
  });

  it('every flow posts its demo data, each record once, and the books still tie', async () => {
    const report = await pushOnce(world);
    expect(report.flows.filter((f) => f.error)).toEqual([]);
    expect(report.ok).toBe(true);
    const entries = await ledger.all();
    expect(entries.filter((e) => e.status !== 'posted')).toEqual([]);
    expect(entries.every((e) => e.intacctKey)).toBe(true);

    // 1. CRM: customers, then invoices with lines and terms.
    const customer = byRef('CUSTOMER', 'CUSTOMERID', 'SF-001A000002');
    expect(customer.map((c) => [c.NAME, c.MEGAENTITYID])).toEqual([['Globex Manufacturing', 'US1']]);
    expect(byRef('CUSTOMER', 'CUSTOMERID', 'SF-001A000005')).toHaveLength(0); // a prospect, not won
    const invoice = byRef('ARINVOICE', 'RECORDID', 'SO-006A000002');
    expect(invoice).toHaveLength(1);
    expect(invoice[0]?.CUSTOMERID).toBe('SF-001A000002');
    expect(invoice[0]?.TERMNAME).toBe('N30');
    expect(sum([invoice[0]!.TOTALENTERED!])).toBe('27500.00');
    expect(sandbox.store.lookup('ARINVOICEITEM', 'RECORDKEY', invoice[0]!.RECORDNO!)).toHaveLength(2);
    expect(byRef('ARINVOICE', 'RECORDID', 'SO-006A000005')).toHaveLength(0);

    // 2. Card payments applied to the matching invoice (the failed charge is not posted).
    const payment = byRef('ARPYMT', 'DOCNUMBER', 'ch_3Q0002');
    expect(payment).toHaveLength(1);
    expect(sum([byRef('ARINVOICE', 'RECORDID', 'SO-006A000002')[0]!.TOTALPAID!])).toBe('27500.00');
    expect(sum([byRef('ARINVOICE', 'RECORDID', 'SO-006A000003')[0]!.TOTALPAID!])).toBe('5000.00');
    expect(byRef('ARPYMT', 'DOCNUMBER', 'ch_3Q0004')).toHaveLength(0);

    // 3. Subscriptions: billing to deferred revenue, then monthly recognition.
    const bill = byRef('GLBATCH', 'REFERENCENO', 'CB-inv_0001-BILL');
    expect(bill).toHaveLength(1);
    expect(batchLines(bill[0]!).map((l) => [l.ACCOUNTNO, l.TR_TYPE, sum([l.TRX_AMOUNT!])])).toEqual([
      ['1015', '1', '1200.00'],
      ['2300', '-1', '1200.00'],
    ]);
    const months = sandbox.store.list('GLBATCH').filter((b) => b.REFERENCENO?.startsWith('CB-inv_0001-M'));
    expect(months).toHaveLength(12);
    expect(sum(months.map((m) => batchLines(m).find((l) => l.ACCOUNTNO === '4200')!.TRX_AMOUNT!))).toBe(
      '1200.00',
    );
    // The cancelled subscription recognises four months and refunds the rest.
    const cancelled = sandbox.store.list('GLBATCH').filter((b) => b.REFERENCENO?.startsWith('CB-inv_0006-M'));
    expect(cancelled).toHaveLength(4);
    const refund = byRef('GLBATCH', 'REFERENCENO', 'CB-inv_0006-CANCEL')[0]!;
    expect(batchLines(refund).map((l) => [l.ACCOUNTNO, l.TR_TYPE, sum([l.TRX_AMOUNT!])])).toEqual([
      ['2300', '1', '720.00'],
      ['1015', '-1', '720.00'],
    ]);
    // The downgrade credit runs the other way.
    const credit = byRef('GLBATCH', 'REFERENCENO', 'CB-inv_0004-BILL')[0]!;
    expect(batchLines(credit).map((l) => [l.ACCOUNTNO, l.TR_TYPE])).toEqual([
      ['2300', '1'],
      ['1015', '-1'],
    ]);

    // 4. Payroll: one balanced entry per run and entity, by department and earning type.
    const payroll = byRef('GLBATCH', 'REFERENCENO', 'PR-2026-10-B-ACME-US')[0]!;
    expect(payroll.JOURNAL).toBe('PYJ');
    const pl = batchLines(payroll);
    expect(
      pl
        .filter((l) => l.ACCOUNTNO === '6000')
        .map((l) => l.DEPARTMENTID ?? l.DEPARTMENT)
        .sort(),
    ).toEqual(['ENG', 'ENG', 'FIN', 'SALES', 'SALES']);
    expect(sum(pl.filter((l) => l.TR_TYPE === '1').map((l) => l.TRX_AMOUNT!))).toBe(
      sum(pl.filter((l) => l.TR_TYPE === '-1').map((l) => l.TRX_AMOUNT!)),
    );
    expect(byRef('GLBATCH', 'REFERENCENO', 'PR-2026-10-B-ACME-UK')[0]?.MEGAENTITYID).toBe('UK1');

    // 5. Timesheets: project, task and employee on the cost lines.
    const costs = batchLines(byRef('GLBATCH', 'REFERENCENO', 'TS-2026-W44-US')[0]!);
    const first = costs.find((l) => l.ACCOUNTNO === '5100')!;
    expect([first.PROJECTID, first.TASKID, first.EMPLOYEEID, sum([first.TRX_AMOUNT!])]).toEqual([
      'P-US1-001',
      'P-US1-001-T1',
      'E-0001',
      '552.50',
    ]);

    // 6. Procurement: AP bills with lines, the PO number as the reference.
    const dell = byRef('APBILL', 'RECORDID', 'SUP-DELL-DELL-55102');
    expect(dell.map((b) => [b.VENDORID, b.DOCNUMBER, sum([b.TOTALENTERED!])])).toEqual([
      ['V-00003', 'PO-US1-000001', '20400.00'],
    ]);

    // Exactly once: every ledger reference is in Intacct once.
    for (const e of entries) {
      const flow = flowByName(e.flow)!;
      expect(
        byRef(flow.lookup.object, flow.lookup.field, e.externalKey),
        `${e.flow} ${e.externalKey}`,
      ).toHaveLength(1);
    }
    expectBatchesBalance(sandbox.store);
    expectSubledgersTie(sandbox.store);
    expectTrialBalancesZero(sandbox.store);
  });

  it('a second push finds everything unchanged and sends no write', async () => {
    sandbox.resetStats();
    const report = await pushOnce(world);
    expect(report.items.every((i) => i.action === 'unchanged')).toBe(true);
    const writes = Object.entries(sandbox.stats().byFunction).filter(([f]) => /create|update/.test(f));
    expect(writes).toEqual([]);
  });

  it('a changed customer is updated; a changed subscription is corrected by reversing entries, never edited', async () => {
    await world.warehouse.query(
      "UPDATE analytics_seeds.salesforce_account SET name = 'Globex Manufacturing Inc' WHERE id = '001A000002'",
    );
    // Upgrade re-priced (inv_0005: GBP 960 → 1200) and a cancellation of sub_A003 after two months.
    await world.warehouse.query(
      "UPDATE analytics_seeds.chargebee_invoice SET total = '120000' WHERE id = 'inv_0005'",
    );
    const before = sandbox.store.count('GLBATCH');
    const report = await pushOnce(world);
    expect(report.flows.filter((f) => f.error)).toEqual([]);
    expect(byRef('CUSTOMER', 'CUSTOMERID', 'SF-001A000002')[0]?.NAME).toBe('Globex Manufacturing Inc');
    const sub = report.flows.find((f) => f.flow === 'subscription-revenue')!;
    expect(sub.planned.correct).toBe(13); // the billing entry and 12 months
    expect(sub.applied?.corrected).toBe(13);
    expect(sub.applied?.reversed).toBe(13);
    expect(sandbox.store.count('GLBATCH')).toBe(before + 26);
    const original = byRef('GLBATCH', 'REFERENCENO', 'CB-inv_0005-BILL')[0]!;
    const reversal = byRef('GLBATCH', 'REFERENCENO', 'CB-inv_0005-BILL.r0')[0]!;
    const corrected = byRef('GLBATCH', 'REFERENCENO', 'CB-inv_0005-BILL.v1')[0]!;
    expect(original.STATE).toBe('Posted'); // never edited
    expect(batchLines(reversal).map((l) => [l.ACCOUNTNO, l.TR_TYPE, sum([l.TRX_AMOUNT!])])).toEqual([
      ['1015', '-1', '960.00'],
      ['2300', '1', '960.00'],
    ]);
    expect(batchLines(corrected).map((l) => sum([l.TRX_AMOUNT!]))).toEqual(['1200.00', '1200.00']);

    // A cancellation removes future months from the model: they are reversed (retired).
    await world.warehouse.query(
      "UPDATE analytics_seeds.chargebee_subscription SET status = 'cancelled', cancelled_at = '2026-10-10' WHERE id = 'sub_A003'",
    );
    const cancel = await pushOnce(world, { flows: [flowByName('subscription-revenue')!] });
    const c = cancel.flows[0]!;
    expect(c.planned.retire).toBe(10); // months 2026-11 … 2027-08
    expect(c.applied?.reversed).toBe(10);
    expect(byRef('GLBATCH', 'REFERENCENO', 'CB-inv_0005-CANCEL')).toHaveLength(1);
    const e = await ledger.get('subscription-revenue', 'UK1', 'CB-inv_0005-M2027-01');
    expect(e?.status).toBe('reversed');
    expectBatchesBalance(sandbox.store);
    expectTrialBalancesZero(sandbox.store);
  });

  it('the next sync brings the posted records back, linked to the ledger by Intacct key', async () => {
    const config = {
      ...world.config,
      objects: { ...world.config.objects, include: ['ARINVOICE', 'APBILL'] },
    };
    await world.warehouse.close();
    const sync = await runOnce(config);
    expect(sync.status).toBe('succeeded');
    const linked = await withWarehouse(config, (w) =>
      w.query<{ external_key: string; recordid: string }>(
        `SELECT l.external_key, i.recordid FROM intacct_raw._elt_reverse_ledger l
         JOIN intacct_raw.ar_invoice i ON CAST(i.record_no AS VARCHAR) = l.intacct_key
         WHERE l.flow = 'crm-invoices' ORDER BY 1`,
      ),
    );
    expect(linked.length).toBe(5);
    for (const row of linked) expect(row.recordid).toBe(row.external_key);
    const { openWarehouse } = await import('../../src/warehouse/open-warehouse.ts');
    const { silentLogger } = await import('../../src/core/logger.ts');
    world = { ...world, warehouse: await openWarehouse(config.warehouse, config.schemas, silentLogger) };
  });
});
