import { beforeAll, describe, expect, it } from 'vitest';
import { sum } from '../../src/core/decimal.ts';
import { SANDBOX_OBJECTS } from '../../src/sandbox/catalog.ts';
import { CLOSED_THROUGH, generateCompany } from '../../src/sandbox/generator.ts';
import type { SandboxStore } from '../../src/sandbox/store.ts';
import { recordCounts, storeDigest, trialBalance, trialBalances } from '../../src/sandbox/truth.ts';
import { expectBatchesBalance, expectSubledgersTie, expectTrialBalancesZero } from './sandbox-invariants.ts';

let store: SandboxStore;
beforeAll(() => {
  store = generateCompany({ seed: 42, scale: 0.03 });
});

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

describe('generated company', () => {
  it('has a top level, three entities in three currencies and every object populated', () => {
    expect(store.entities.map((e) => `${e.id}:${e.baseCurrency}`)).toEqual([
      ':USD',
      'US1:USD',
      'UK1:GBP',
      'DE1:EUR',
    ]);
    const counts = recordCounts(store);
    for (const def of SANDBOX_OBJECTS) {
      if (def.virtual) continue;
      const total = Object.values(counts[def.name] ?? {}).reduce((a, b) => a + b, 0);
      expect(total, def.name).toBe(store.count(def.name));
      expect(total, def.name).toBeGreaterThan(0);
    }
    for (const e of ['US1', 'UK1', 'DE1']) expect(counts.GLDETAIL?.[e] ?? 0, e).toBeGreaterThan(100);
    const lines = store.count('GLDETAIL');
    expect(lines).toBeGreaterThan(800);
    expect(lines).toBeLessThan(6000);
    expect(store.count('GLACCOUNTBALANCE')).toBeGreaterThan(0);
  });

  it('balances every GL batch in base and transaction currency', () => {
    expect(expectBatchesBalance(store)).toBeGreaterThan(100);
    const currencies = new Set(
      store
        .list('GLDETAIL')
        .filter((d) => d.CURRENCY !== d.BASECURR)
        .map((d) => `${d.CURRENCY}>${d.BASECURR}`),
    );
    expect(currencies.size).toBeGreaterThanOrEqual(2);
  });

  it('ties AR and AP to their control accounts, with open items in each entity', () => {
    expectSubledgersTie(store);
    const open = store.list('ARINVOICE').filter((i) => i.STATE !== 'Paid');
    expect(new Set(open.map((i) => i.MEGAENTITYID)).size).toBe(3);
    const states = new Set(store.list('ARINVOICE').map((i) => i.STATE));
    expect(states.has('Paid') && states.has('Posted')).toBe(true);
    expect(store.list('ARPYMT').length).toBeGreaterThan(store.list('ARINVOICE').length / 2);
  });

  it('has trial balances that sum to zero per entity and period and chain month to month', () => {
    expectTrialBalancesZero(store);
    const all = trialBalances(store);
    expect(all.length).toBe(3 * store.count('REPORTINGPERIOD'));
    // Income statement accounts restart in January; prior-year net sits in retained earnings.
    const jan = trialBalance(store, 'US1', { period: 'Month Ended January 2026' });
    expect(jan.find((r) => r.glaccountno === '4000')?.startbalance ?? '0.00').toBe('0.00');
    expect(jan.find((r) => r.glaccountno === '3100')?.startbalance).not.toBe('0.00');
    const balance = store
      .list('GLACCOUNTBALANCE')
      .find(
        (b) => b.MEGAENTITYID === 'UK1' && b.PERIOD === 'Month Ended March 2026' && b.ACCOUNTNO === '1010',
      );
    const tb = trialBalance(store, 'UK1', { period: 'Month Ended March 2026' }).find(
      (r) => r.glaccountno === '1010',
    );
    expect(balance?.ENDBAL).toBe(tb?.endbalance);
    expect(balance?.CURRENCY).toBe('GBP');
    // Filtering by location splits the entity's totals without losing any.
    const range = { period: 'Month Ended March 2026' };
    const whole = trialBalance(store, 'US1', range).find((r) => r.glaccountno === '6000');
    const parts = ['US1', 'US1-NYC', 'US1-SFO', 'US1-AUS'].map(
      (loc) =>
        trialBalance(store, 'US1', range, { locationId: loc }).find((r) => r.glaccountno === '6000')
          ?.debits ?? '0',
    );
    expect(sum(parts)).toBe(whole?.debits);
    expect(parts.filter((p) => p !== '0').length).toBeGreaterThanOrEqual(1);
  });

  it('stores canonical values only: ISO dates and UTC timestamps, plain decimals, true/false', () => {
    const now = store.clock.now();
    const bad: string[] = [];
    for (const def of SANDBOX_OBJECTS) {
      for (const r of store.list(def.name)) {
        for (const f of def.fields) {
          const v = r[f.name];
          const where = `${def.name}.${f.name}=${v}`;
          if (v === undefined) bad.push(`${where} (missing)`);
          if (v === null || v === undefined) continue;
          const ok =
            f.type === 'timestamp'
              ? TIMESTAMP.test(v) && Date.parse(v) <= now
              : f.type === 'date'
                ? DATE.test(v)
                : f.type === 'decimal' || f.type === 'integer'
                  ? DECIMAL.test(v)
                  : f.type === 'boolean'
                    ? v === 'true' || v === 'false'
                    : true;
          if (!ok) bad.push(where);
        }
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('leaves WHENMODIFIED null on some never-modified records, and has later edits on others', () => {
    const nulls = ['CUSTOMER', 'GLACCOUNT', 'GLBATCH'].map(
      (o) => store.list(o).filter((r) => r.WHENMODIFIED === null).length,
    );
    expect(nulls.every((n) => n > 0)).toBe(true);
    for (const r of store.list('GLBATCH'))
      if (r.WHENMODIFIED === null) expect(r.WHENCREATED).toMatch(TIMESTAMP);
    const edited = store.list('ARINVOICE').filter((r) => r.WHENMODIFIED! > r.AUWHENCREATED!);
    expect(edited.length).toBeGreaterThan(0);
    expect(
      store.list('AUDITHISTORY').every((a) => a.ACCESSMODE === 'D' && a.OBJECTKEY?.endsWith('--REC')),
    ).toBe(true);
  });

  it('closes the oldest periods per entity and stamps records with their entity', () => {
    for (const [entity, date] of Object.entries(CLOSED_THROUGH))
      expect(store.closedThrough(entity)).toBe(date);
    for (const d of store.list('GLDETAIL')) {
      const e = store.entity(d.MEGAENTITYID ?? '');
      expect(d.MEGAENTITYKEY).toBe(String(e?.recordNo));
      expect(store.findById('LOCATION', d.LOCATIONID!)?.ENTITY).toBe(d.MEGAENTITYID);
    }
  });

  it('is deterministic by seed', () => {
    const again = generateCompany({ seed: 42, scale: 0.03 });
    const other = generateCompany({ seed: 43, scale: 0.03 });
    expect(storeDigest(again)).toBe(storeDigest(store));
    expect(storeDigest(other)).not.toBe(storeDigest(store));
    expect(() => generateCompany({ seed: 1, scale: 0 })).toThrow(/scale/);
  });
});
