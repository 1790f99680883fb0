import { describe, expect, it } from 'vitest';
import type { BuildContext, Row, SourceRecord } from '../../src/reverse/flow.ts';
import { intercompanyEliminations } from '../../src/reverse/flows/intercompany-eliminations.ts';
import { intercompanyTransactions } from '../../src/reverse/flows/intercompany-transactions.ts';
import { buildIntercompanyEntry, pairReasons } from '../../src/reverse/flows/intercompany.ts';
import { el, serializePretty } from '../../src/intacct/xml.ts';

// The pair check and the GLBATCH an intercompany leg becomes, without a warehouse or a sandbox.

function leg(header: Partial<Record<string, string | null>>, lines: Row[] = []): SourceRecord {
  return {
    flow: 'intercompany-transactions',
    externalKey: 'IC-1-FROM',
    entity: 'US1',
    header: {
      pair_key: 'IC-1',
      journal: 'ICJ',
      batch_date: '2026-10-15',
      title: 'Intercompany IC-1: due from DE1',
      reporting_currency: 'USD',
      due_from_entity: 'US1',
      due_from_currency: 'GBP',
      due_from_amount: '1000.00',
      due_from_rate: '1.236300000',
      due_to_entity: 'DE1',
      due_to_currency: 'GBP',
      due_to_amount: '1000.00',
      due_to_rate: '1.236300000',
      base_currency: 'USD',
      currency: 'GBP',
      ...header,
    },
    lines,
  };
}

const FIX = 'fix it';

describe('the intercompany pair check', () => {
  it('accepts a pair whose sides are equal in the reporting currency, in either currency', () => {
    expect(pairReasons(leg({}), FIX)).toEqual([]);
    // Different currencies that translate to the same reporting amount tie too: 1000 GBP × 1.2363 = 1236.30 USD.
    expect(
      pairReasons(leg({ due_to_currency: 'USD', due_to_amount: '1236.30', due_to_rate: '1' }), FIX),
    ).toEqual([]);
  });

  it('refuses a pair that does not net to zero: which pair, both amounts in both currencies, the difference, the fix', () => {
    const reasons = pairReasons(
      leg({ due_to_currency: 'EUR', due_to_amount: '1000.00', due_to_rate: '1.0911' }),
      FIX,
    );
    expect(reasons).toEqual([
      'intercompany pair IC-1 does not net to zero in USD: due from DE1 in US1 1000.00 GBP = 1236.30 USD, ' +
        'due to US1 in DE1 1000.00 EUR = 1091.10 USD (Intacct rates 1.2363 and 1.0911 for 2026-10-15), ' +
        'difference 145.20 USD; fix it; neither entry of the pair is posted',
    ]);
  });

  it('rounds each side half away from zero to cents before comparing (one cent apart is refused)', () => {
    // 100.005 USD rounds to 100.01; the other side is 100.00.
    expect(
      pairReasons(
        leg({
          due_from_amount: '100.00',
          due_from_rate: '1.00005',
          due_to_amount: '100.00',
          due_to_rate: '1',
        }),
        FIX,
      )[0],
    ).toContain('difference 0.01 USD');
  });

  it('refuses a side without an Intacct rate for the date, and a pair without a counterparty', () => {
    expect(pairReasons(leg({ due_to_rate: null }), FIX)).toEqual([
      'intercompany pair IC-1: Intacct has no exchange rate from GBP to USD on or before 2026-10-15; add the rate in ' +
        'Intacct (Company > Exchange rates), sync EXCHANGERATEENTRY, rebuild the models and push again',
    ]);
    expect(pairReasons(leg({ due_to_entity: null }), FIX)[0]).toContain('the debtor entity is unknown');
    expect(pairReasons(leg({ due_to_entity: 'US1' }), FIX)[0]).toContain(
      'US1 cannot be its own counterparty',
    );
  });

  it('is part of both flows’ validation, with a fix that fits each', () => {
    const bad = leg({ due_to_amount: '999.00' });
    expect(intercompanyTransactions.validate!(bad, () => null).join()).toContain(
      'leave to_currency and to_amount empty',
    );
    expect(intercompanyEliminations.validate!(bad, () => null).join()).toContain(
      'intercompany_reconciliation_entries',
    );
  });
});

describe('an intercompany leg as a GLBATCH', () => {
  const ctx: BuildContext = {
    controlId: 'rev-1',
    reference: 'IC-1-FROM',
    mode: 'create',
    intacctKey: null,
    resolve: () => null,
  };
  const lines: Row[] = [
    {
      line_no: '1',
      line_account: '1400',
      line_side: 'debit',
      line_amount: '1000.00',
      line_location: 'US1',
      line_customer: 'IC-DE1',
      line_vendor: null,
    },
    { line_no: '2', line_account: '1010', line_side: 'credit', line_amount: '1000.00', line_location: 'US1' },
  ];
  const xml = (r: SourceRecord) => serializePretty(el('function', [buildIntercompanyEntry(r, ctx).body]));

  it('converts at Intacct’s daily rate for the date where the currency is not the entity’s base', () => {
    const text = xml(leg({}, lines));
    expect(text).toContain('<CURRENCY>GBP</CURRENCY>');
    expect(text).toContain('<EXCH_RATE_DATE>10/15/2026</EXCH_RATE_DATE>');
    expect(text).toContain('<EXCH_RATE_TYPE_ID>Intacct Daily Rate</EXCH_RATE_TYPE_ID>');
    expect(text).toContain('<CUSTOMERID>IC-DE1</CUSTOMERID>');
    expect(text).toContain('<REFERENCENO>IC-1-FROM</REFERENCENO>');
  });

  it('sends no rate where the currency is the entity’s base', () => {
    const text = xml(leg({ base_currency: 'GBP' }, lines));
    expect(text).toContain('<CURRENCY>GBP</CURRENCY>');
    expect(text).not.toContain('EXCH_RATE');
  });
});
