import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { add, isZero, multiply, sum } from '../../src/core/decimal.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { runModelsStep } from '../../src/models/run-models.ts';
import { intercompanyEliminations } from '../../src/reverse/flows/intercompany-eliminations.ts';
import { intercompanyTransactions } from '../../src/reverse/flows/intercompany-transactions.ts';
import { Ledger } from '../../src/reverse/ledger.ts';
import { exchangeRate } from '../../src/sandbox/books.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import type { SandboxRecord } from '../../src/sandbox/store.ts';
import { openWarehouse } from '../../src/warehouse/open-warehouse.ts';
import {
  appendSeed,
  buildReverse,
  projectCopy,
  pushOnce,
  type ReverseWorld,
  reverseWorld,
} from '../support/reverse-harness.ts';
import { runOnce } from '../support/sync-harness.ts';
import { expectBatchesBalance, expectTrialBalancesZero } from '../unit/sandbox-invariants.ts';

// Intercompany pairs in three currencies (GBP, EUR, USD) between entities with three base currencies
// (US1 USD, UK1 GBP, DE1 EUR): seeds → models (DuckDB) → push over HTTP to the sandbox → sync back →
// the reconciliation mart per entity pair → month-end eliminations → consolidated balance zero.
let sandbox: RunningSandbox;
let world: ReverseWorld;
let projectDir: string;

const DEMO_PAIRS = [
  { id: 'IC-2026-10-001', from: 'US1', to: 'UK1', currency: 'GBP', amount: '8400.00', date: '2026-10-06' },
  { id: 'IC-2026-10-002', from: 'UK1', to: 'DE1', currency: 'EUR', amount: '12500.00', date: '2026-10-14' },
  { id: 'IC-2026-10-003', from: 'US1', to: 'DE1', currency: 'USD', amount: '3120.55', date: '2026-10-22' },
  { id: 'IC-2026-10-004', from: 'DE1', to: 'UK1', currency: 'EUR', amount: '4780.40', date: '2026-10-27' },
] as const;

beforeAll(async () => {
  sandbox = await startSandbox({ scale: 0.05, seed: 3 });
  projectDir = projectCopy();
  world = await reverseWorld(sandbox, projectDir);
});
afterAll(async () => {
  await world?.warehouse.close();
  await sandbox?.close();
});

const batch = (reference: string): SandboxRecord | undefined =>
  sandbox.store.lookup('GLBATCH', 'REFERENCENO', reference)[0];
const linesOf = (b: SandboxRecord) => sandbox.store.lookup('GLENTRY', 'BATCHNO', b.RECORDNO!);
/** Intacct's rate from a currency to USD for a date, read from its EXCHANGERATEENTRY records. */
function usdRate(currency: string, date: string): string {
  if (currency === 'USD') return '1';
  const entries = sandbox.store
    .list('EXCHANGERATEENTRY')
    .filter((r) => r.FROM_CURRENCY === currency && r.TO_CURRENCY === 'USD' && r.EFFECTIVE_START_DATE! <= date)
    .sort((a, b) => (a.EFFECTIVE_START_DATE! < b.EFFECTIVE_START_DATE! ? -1 : 1));
  return entries.at(-1)!.EXCHANGE_RATE!;
}
const signed = (l: SandboxRecord) => (l.TR_TYPE === '1' ? l.TRX_AMOUNT! : `-${l.TRX_AMOUNT!}`);

/** Sync the GL and rates back and build the models the checks read (the warehouse is reopened). */
async function syncAndBuild(select: string[]): Promise<void> {
  await world.warehouse.close();
  const sync = await runOnce(world.config);
  expect(sync.status).toBe('succeeded');
  const warehouse = await openWarehouse(world.config.warehouse, world.config.schemas, silentLogger);
  world = { ...world, warehouse };
  const report = await runModelsStep({
    config: world.config,
    runner: warehouse,
    logger: silentLogger,
    projectDir,
    select,
    test: true,
  });
  expect(report.build?.models.filter((m) => m.status !== 'success')).toEqual([]);
  // Data tests of the models built here that found offending rows (tests that join models this
  // warehouse does not have cannot run, and are not counted); the mart's own tests must all pass.
  const built = new Set(report.build?.models.map((m) => m.name));
  const tests = report.tests?.tests ?? [];
  const mart = tests.filter((t) => t.model === 'intercompany_reconciliation');
  expect(mart.length).toBeGreaterThan(0);
  expect(mart.map((t) => [t.name, t.status])).toEqual(mart.map((t) => [t.name, 'pass']));
  const failed = tests.filter((t) => built.has(t.model) && t.status === 'fail');
  expect(failed.map((t) => `${t.name}: ${t.message}`)).toEqual([]);
}

interface ReconRow {
  creditor_entity_id: string | null;
  debtor_entity_id: string | null;
  currency: string;
  due_from_balance: string;
  due_to_balance: string;
  difference: string;
  reporting_difference: string | null;
  consolidated_due_from: string | null;
  consolidated_due_to: string | null;
}

async function reconciliation(periodEnd: string): Promise<ReconRow[]> {
  return world.warehouse.query<ReconRow>(
    `select creditor_entity_id, debtor_entity_id, currency,
            cast(due_from_balance as varchar) as due_from_balance, cast(due_to_balance as varchar) as due_to_balance,
            cast(difference as varchar) as difference, cast(reporting_difference as varchar) as reporting_difference,
            cast(consolidated_due_from as varchar) as consolidated_due_from,
            cast(consolidated_due_to as varchar) as consolidated_due_to
       from ${world.relationOf('intercompany_reconciliation')}
      where period_end_date = cast('${periodEnd}' as date)
      order by 1, 2, 3`,
  );
}

describe('intercompany through the sandbox', () => {
  it('posts each pair as due-from and due-to entries in both entities, converted at Intacct’s rate, and they tie', async () => {
    const report = await pushOnce(world, { flows: [intercompanyTransactions] });
    expect(report.flows[0]?.error).toBeUndefined();
    expect(report.items.filter((i) => i.action === 'rejected')).toEqual([]);
    expect(report.flows[0]?.applied?.posted).toBe(DEMO_PAIRS.length * 2);

    for (const p of DEMO_PAIRS) {
      const from = batch(`${p.id}-FROM`);
      const to = batch(`${p.id}-TO`);
      expect(from?.MEGAENTITYID, p.id).toBe(p.from);
      expect(to?.MEGAENTITYID, p.id).toBe(p.to);
      expect(from?.JOURNAL).toBe('ICJ');
      const dueFrom = linesOf(from!).find((l) => l.ACCOUNTNO === '1400')!;
      const dueTo = linesOf(to!).find((l) => l.ACCOUNTNO === '2400')!;
      // The intercompany dimension names the other entity on both sides.
      expect(dueFrom.CUSTOMERID).toBe(`IC-${p.to}`);
      expect(dueTo.VENDORID).toBe(`IC-${p.from}`);
      // Both sides carry the transaction currency; each entity converts to its base at Intacct's rate.
      for (const [line, entity] of [
        [dueFrom, p.from],
        [dueTo, p.to],
      ] as const) {
        const base = sandbox.store.baseCurrency(entity);
        expect([line.CURRENCY, line.TRX_AMOUNT, line.BASECURR]).toEqual([p.currency, p.amount, base]);
        // Intacct's rate for the date (a cross rate through USD where no direct table exists).
        const rate = exchangeRate(sandbox.store, p.currency, base, p.date)!;
        if (base === 'USD') expect(rate).toBe(usdRate(p.currency, p.date));
        expect(line.EXCHANGE_RATE, `${p.id} ${entity}`).toBe(p.currency === base ? '1' : rate);
        if (p.currency !== base) expect(line.EXCHANGE_RATE).not.toBe('1');
        expect(line.AMOUNT).toBe(multiply(p.amount, rate, 2));
      }
      // Tie: due-from = due-to in the reporting currency (USD) at Intacct's rate for the date.
      const usd = usdRate(p.currency, p.date);
      expect(multiply(dueFrom.TRX_AMOUNT!, usd, 2)).toBe(multiply(dueTo.TRX_AMOUNT!, usd, 2));
    }
    // Two of the pairs convert in at least one entity, in two different currencies.
    const converted = DEMO_PAIRS.filter(
      (p) =>
        sandbox.store.baseCurrency(p.from) !== p.currency || sandbox.store.baseCurrency(p.to) !== p.currency,
    ).map((p) => p.currency);
    expect(new Set(converted)).toEqual(new Set(['GBP', 'EUR', 'USD']));
    expectBatchesBalance(sandbox.store);
    expectTrialBalancesZero(sandbox.store);
  });

  it('after a sync the reconciliation mart has every pair, and none mismatched', async () => {
    await syncAndBuild(['+intercompany_reconciliation', '+intercompany_reconciliation_entries']);
    const rows = await reconciliation('2026-10-31');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.debtor_entity_id, JSON.stringify(r)).not.toBeNull();
      expect(isZero(r.difference), JSON.stringify(r)).toBe(true);
      expect(r.reporting_difference !== null && isZero(r.reporting_difference), JSON.stringify(r)).toBe(true);
    }
    // The flow's pairs are there, each with its own balance: e.g. US1 holds GBP due from UK1.
    const gbp = rows.find(
      (r) => r.creditor_entity_id === 'US1' && r.debtor_entity_id === 'UK1' && r.currency === 'GBP',
    );
    expect(gbp && add(gbp.due_from_balance, '0')).toBe('8400.00');
    const eur = rows.find(
      (r) => r.creditor_entity_id === 'UK1' && r.debtor_entity_id === 'DE1' && r.currency === 'EUR',
    );
    expect(eur && add(eur.due_to_balance, '0')).toBe('-12500.00');
    const mismatched = await world.warehouse.query(
      `select * from ${world.relationOf('intercompany_reconciliation_entries')}`,
    );
    expect(mismatched).toEqual([]);
  });

  it('month-end eliminations make the consolidated intercompany balance zero, and post once', async () => {
    const report = await pushOnce(world, { flows: [intercompanyEliminations] });
    expect(report.items.filter((i) => i.action === 'rejected')).toEqual([]);
    const posted = report.flows[0]?.applied?.posted ?? 0;
    // Both entities of every open pair and currency: the four demo pairs and the management fees.
    expect(posted).toBeGreaterThanOrEqual(DEMO_PAIRS.length * 2);
    expect(posted % 2).toBe(0);

    // In the sandbox's books: per entity pair and currency, the intercompany accounts (due-from, due-to,
    // and the clearing account of the eliminations) net to zero across the group through 2026-10-31.
    const net = new Map<string, string[]>();
    for (const l of sandbox.store.list('GLENTRY')) {
      if (!['1400', '2400', '1490'].includes(l.ACCOUNTNO ?? '') || (l.ENTRY_DATE ?? '') > '2026-10-31')
        continue;
      if (l.STATE !== 'Posted') continue;
      const key = `${l.ACCOUNTNO === '2400' ? '2400' : l.ACCOUNTNO === '1490' ? '1490' : '1400'} ${l.CURRENCY}`;
      net.set(key, [...(net.get(key) ?? []), signed(l)]);
    }
    for (const [key, amounts] of net) expect(sum(amounts), key).toBe('0.00');
    expectBatchesBalance(sandbox.store);
    expectTrialBalancesZero(sandbox.store);

    await syncAndBuild(['+intercompany_reconciliation', '+rev_intercompany_eliminations']);
    const rows = await reconciliation('2026-10-31');
    for (const r of rows) {
      expect(
        [r.consolidated_due_from, r.consolidated_due_to].map((v) => v !== null && isZero(v)),
        JSON.stringify(r),
      ).toEqual([true, true]);
    }
    // Before eliminations the balances are still there (the mart reconciles them), and still tie.
    expect(rows.some((r) => !isZero(r.due_from_balance))).toBe(true);
    const again = await pushOnce(world, { flows: [intercompanyEliminations] });
    expect(again.items.every((i) => i.action === 'unchanged')).toBe(true);
    expect(again.items.length).toBe(posted);
  });

  it('refuses a pair that does not net to zero in the reporting currency, and posts the rest', async () => {
    appendSeed(projectDir, 'intercompany_transactions', [
      'IC-BAD-1,2026-10-15,paid_on_behalf,US1,DE1,GBP,1000.00,EUR,1000.00,1010,6300,,Hotel paid by US1 for DE1',
      'IC-2026-10-005,2026-10-16,paid_on_behalf,UK1,US1,GBP,640.00,,,1010,6300,,Train tickets paid by UK1 for US1',
    ]);
    await buildReverse(world);
    const report = await pushOnce(world, { flows: [intercompanyTransactions] });
    expect(report.ok).toBe(false);
    const rejected = report.items.filter((i) => i.action === 'rejected');
    expect(rejected.map((i) => i.externalKey).sort()).toEqual(['IC-BAD-1-FROM', 'IC-BAD-1-TO']);
    const gbp = usdRate('GBP', '2026-10-15');
    const eur = usdRate('EUR', '2026-10-15');
    expect(gbp).not.toBe(eur);
    const reason = rejected[0]!.reasons.join('\n');
    expect(reason).toContain('intercompany pair IC-BAD-1 does not net to zero in USD');
    expect(reason).toContain(`due from DE1 in US1 1000.00 GBP = ${multiply('1000', gbp, 2)} USD`);
    expect(reason).toContain(`due to US1 in DE1 1000.00 EUR = ${multiply('1000', eur, 2)} USD`);
    expect(reason).toContain('leave to_currency and to_amount empty');
    expect(batch('IC-BAD-1-FROM')).toBeUndefined();
    expect(batch('IC-BAD-1-TO')).toBeUndefined();
    // The rest: the new pair posts, the posted ones are unchanged.
    expect(batch('IC-2026-10-005-FROM')?.MEGAENTITYID).toBe('UK1');
    expect(batch('IC-2026-10-005-TO')?.MEGAENTITYID).toBe('US1');
    expect(report.items.filter((i) => i.action === 'unchanged')).toHaveLength(DEMO_PAIRS.length * 2);
    const ledger = new Ledger(world.warehouse, world.config.schemas.raw);
    const e = await ledger.get('intercompany-transactions', 'US1', 'IC-BAD-1-FROM');
    expect(e?.status).toBe('rejected');
    expect(e?.errors?.join('\n')).toContain('does not net to zero');
  });
});
