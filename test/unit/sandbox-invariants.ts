/** Invariants every sandbox company must keep, shared by the generator and activity tests. */
import { expect } from 'vitest';
import { compare, sub, sum } from '../../src/core/decimal.ts';
import type { SandboxStore } from '../../src/sandbox/store.ts';
import { subledgerBalances, trialBalance } from '../../src/sandbox/truth.ts';

/** Every GL batch balances in base and per transaction currency; GLDETAIL mirrors posted entries. */
export function expectBatchesBalance(store: SandboxStore): number {
  let checked = 0;
  for (const batch of store.list('GLBATCH')) {
    const entries = store.lookup('GLENTRY', 'BATCHNO', batch.RECORDNO!);
    expect(entries.length, `batch ${batch.RECORDNO}`).toBeGreaterThanOrEqual(2);
    const side = (t: string, field: 'AMOUNT' | 'TRX_AMOUNT', currency?: string) =>
      sum(
        entries
          .filter((e) => e.TR_TYPE === t && (currency === undefined || e.CURRENCY === currency))
          .map((e) => e[field]!),
      );
    expect(side('1', 'AMOUNT'), `base balance of batch ${batch.RECORDNO}`).toBe(side('-1', 'AMOUNT'));
    for (const currency of new Set(entries.map((e) => e.CURRENCY!))) {
      expect(side('1', 'TRX_AMOUNT', currency), `${currency} balance of batch ${batch.RECORDNO}`).toBe(
        side('-1', 'TRX_AMOUNT', currency),
      );
    }
    expect(batch.BALANCE).toBe(side('1', 'AMOUNT'));
    const details = store.lookup('GLDETAIL', 'BATCHKEY', batch.RECORDNO!);
    if (batch.STATE === 'Posted') {
      expect(details.map((d) => `${d.RECORDNO}:${d.AMOUNT}:${d.TR_TYPE}`)).toEqual(
        entries.map((e) => `${e.RECORDNO}:${e.AMOUNT}:${e.TR_TYPE}`),
      );
    } else {
      expect(details).toHaveLength(0);
    }
    checked++;
  }
  const orphans = store.list('GLDETAIL').filter((d) => !store.get('GLBATCH', d.BATCHKEY!));
  expect(orphans).toHaveLength(0);
  return checked;
}

/** AR and AP open items equal their control accounts; document totals agree with lines and payments. */
export function expectSubledgersTie(store: SandboxStore): void {
  for (const e of store.entities) {
    const b = subledgerBalances(store, e.id);
    expect(b.ar.difference, `AR tie ${e.id}`).toBe('0.00');
    expect(b.ap.difference, `AP tie ${e.id}`).toBe('0.00');
  }
  for (const [doc, item, detail] of [
    ['ARINVOICE', 'ARINVOICEITEM', 'ARPYMTDETAIL'],
    ['APBILL', 'APBILLITEM', 'APPYMTDETAIL'],
  ] as const) {
    const paidByDoc = new Map<string, string[]>();
    for (const d of store.list(detail))
      paidByDoc.set(d.RECORDKEY!, [...(paidByDoc.get(d.RECORDKEY!) ?? []), d.PAYMENTAMOUNT!]);
    for (const d of store.list(doc)) {
      const lines = store.lookup(item, 'RECORDKEY', d.RECORDNO!);
      expect(sum(lines.map((l) => l.AMOUNT!)), `${doc} ${d.RECORDNO} lines`).toBe(sum([d.TOTALENTERED!]));
      expect(sum([d.TOTALDUE!])).toBe(sub(d.TOTALENTERED!, d.TOTALPAID!));
      expect(sum(paidByDoc.get(d.RECORDNO!) ?? []), `${doc} ${d.RECORDNO} payments`).toBe(
        sum([d.TOTALPAID!]),
      );
      expect(compare(d.TRX_TOTALDUE!, '0')).toBeGreaterThanOrEqual(0);
    }
  }
}

/** Every entity's trial balance sums to zero in each month, and months chain (end = next start). */
export function expectTrialBalancesZero(store: SandboxStore): void {
  const months = store.list('REPORTINGPERIOD').filter((p) => p.DATETYPE === 'Month');
  for (const e of store.entityList) {
    let previous: Map<string, string> | null = null;
    for (const p of months) {
      const rows = trialBalance(store, e.id, { period: p.NAME! });
      expect(sum(rows.map((r) => r.endbalance)), `${e.id} ${p.NAME}`).toBe('0.00');
      expect(sum(rows.map((r) => r.startbalance)), `${e.id} ${p.NAME} start`).toBe('0.00');
      expect(sum(rows.map((r) => r.debits))).toBe(sum(rows.map((r) => r.credits)));
      if (previous && !p.START_DATE!.endsWith('-01-01')) {
        for (const r of rows)
          expect(r.startbalance, `${e.id} ${p.NAME} ${r.glaccountno}`).toBe(
            previous.get(r.glaccountno) ?? '0.00',
          );
      }
      previous = new Map(rows.map((r) => [r.glaccountno, r.endbalance]));
    }
  }
}
