import { beforeAll, beforeEach, describe, it as baseIt, expect } from 'vitest';
import { multiply } from '../../src/core/decimal.ts';
import {
  type BooksResult,
  bankAccountId,
  createApBill,
  createArInvoice,
  createArPayment,
  createCustomer,
  createJournalEntry,
  deleteRecord,
  exchangeRate,
  updateRecord,
} from '../../src/sandbox/books.ts';
import { generateCompany } from '../../src/sandbox/generator.ts';
import type { SandboxFields, SandboxRecord, SandboxStore } from '../../src/sandbox/store.ts';
import { subledgerBalances } from '../../src/sandbox/truth.ts';

let store: SandboxStore;
let startMs = 0;
beforeAll(() => {
  store = generateCompany({ seed: 11, scale: 0.02 });
  startMs = store.clock.now();
});
beforeEach(() => store.clock.set(startMs));

/** Each test runs inside a store transaction that is rolled back, so all share one generated company. */
const ROLLBACK = new Error('rollback');
function it(name: string, fn: () => void): void {
  baseIt(name, () => {
    try {
      store.transaction(() => {
        fn();
        throw ROLLBACK;
      });
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
  });
}

const DATE = '2026-11-02';
const header = (extra: SandboxFields = {}): SandboxFields => ({
  JOURNAL: 'GJ',
  BATCH_DATE: DATE,
  BATCH_TITLE: 'Test entry',
  ...extra,
});
const line = (
  account: string,
  trType: '1' | '-1',
  amount: string,
  extra: SandboxFields = {},
): SandboxFields => ({
  ACCOUNTNO: account,
  TR_TYPE: trType,
  TRX_AMOUNT: amount,
  LOCATION: 'US1',
  ...extra,
});

function refused(result: BooksResult): string {
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  for (const e of result.errors)
    expect(Object.keys(e).sort()).toEqual(['correction', 'description', 'description2', 'errorno']);
  return result.errors.map((e) => `${e.errorno}|${e.description2}`).join('\n');
}

function created(result: BooksResult): SandboxRecord {
  if (!result.ok) throw new Error(result.errors.map((e) => e.description2).join('; '));
  return result.record;
}

describe('journal entries', () => {
  it('posts a balanced entry as GLBATCH + GLENTRY + GLDETAIL stamped by the clock', () => {
    store.clock.advance(3_600_000);
    const batch = created(
      createJournalEntry(store, 'US1', header({ REFERENCENO: 'ref-1' }), [
        line('6200', '1', '1200.005', { DEPARTMENT: 'ENG', PROJECTID: 'P-US1-001', GLDIMFUND: 'GEN' }),
        line('1010', '-1', '1200.01'),
      ]),
    );
    expect(batch.STATE).toBe('Posted');
    expect(batch.MEGAENTITYID).toBe('US1');
    expect(batch.WHENCREATED).toBe('2026-11-01T10:00:00Z');
    expect(batch.WHENMODIFIED).toBe(batch.WHENCREATED);
    const entries = store.lookup('GLENTRY', 'BATCHNO', batch.RECORDNO!);
    expect(entries.map((e) => [e.ACCOUNTNO, e.TR_TYPE, e.TRX_AMOUNT])).toEqual([
      ['6200', '1', '1200.01'], // rounded to cents on input
      ['1010', '-1', '1200.01'],
    ]);
    const detail = store.get('GLDETAIL', entries[0]!.RECORDNO!)!;
    expect(detail).toMatchObject({
      BATCHKEY: batch.RECORDNO,
      BATCH_DATE: DATE,
      BATCH_TITLE: 'Test entry',
      SYMBOL: 'GJ',
      BATCH_NO: batch.BATCHNO,
      MODULEKEY: '2.GL',
      ACCOUNTTITLE: 'Software Subscriptions',
      DEBITAMOUNT: '1200.01',
      CREDITAMOUNT: '0',
      DEPARTMENTID: 'ENG',
      DEPARTMENTTITLE: 'Engineering',
      LOCATIONID: 'US1',
      PROJECTID: 'P-US1-001',
      GLDIMFUND: 'GEN',
      CURRENCY: 'USD',
      BASECURR: 'USD',
      MEGAENTITYID: 'US1',
    });
  });

  it('converts foreign-currency lines to base at the rate of the day and keeps both sides balanced', () => {
    const rate = exchangeRate(store, 'EUR', 'GBP', DATE)!;
    expect(rate).toMatch(/^\d+\.\d{1,4}$/);
    const batch = created(
      createJournalEntry(store, 'UK1', header(), [
        line('6300', '1', '999.99', { LOCATION: 'UK1-LON', CURRENCY: 'EUR' }),
        line('1010', '-1', '999.99', { LOCATION: 'UK1', CURRENCY: 'EUR' }),
      ]),
    );
    const [dr, cr] = store.lookup('GLENTRY', 'BATCHNO', batch.RECORDNO!);
    expect(dr?.AMOUNT).toBe(multiply('999.99', rate, 2));
    expect(dr?.AMOUNT).toBe(cr?.AMOUNT);
    expect(dr?.BASECURR).toBe('GBP');
    expect(dr?.EXCHANGE_RATE).toBe(rate);
  });

  const cases: [string, () => BooksResult, RegExp][] = [
    [
      'unbalanced',
      () => createJournalEntry(store, 'US1', header(), [line('6200', '1', '100'), line('1010', '-1', '90')]),
      /not balanced.*100\.00.*90\.00/,
    ],
    [
      'unknown account',
      () => createJournalEntry(store, 'US1', header(), [line('9999', '1', '1'), line('1010', '-1', '1')]),
      /Invalid Account '9999'/,
    ],
    [
      'inactive account',
      () => createJournalEntry(store, 'US1', header(), [line('6950', '1', '1'), line('1010', '-1', '1')]),
      /Account '6950' is inactive/,
    ],
    [
      'unknown department',
      () =>
        createJournalEntry(store, 'US1', header(), [
          line('6200', '1', '1', { DEPARTMENT: 'NOPE' }),
          line('1010', '-1', '1'),
        ]),
      /Invalid Department 'NOPE'/,
    ],
    [
      'inactive department',
      () =>
        createJournalEntry(store, 'US1', header(), [
          line('6200', '1', '1', { DEPARTMENT: 'LEGACY' }),
          line('1010', '-1', '1'),
        ]),
      /Department 'LEGACY' is inactive/,
    ],
    [
      'location of another entity',
      () =>
        createJournalEntry(store, 'US1', header(), [
          line('6200', '1', '1', { LOCATION: 'UK1-LON' }),
          line('1010', '-1', '1'),
        ]),
      /Invalid Location 'UK1-LON'/,
    ],
    [
      'project of another entity',
      () =>
        createJournalEntry(store, 'US1', header(), [
          line('6200', '1', '1', { PROJECTID: 'P-UK1-001' }),
          line('1010', '-1', '1'),
        ]),
      /Invalid Project 'P-UK1-001'/,
    ],
    [
      'missing location',
      () =>
        createJournalEntry(store, 'US1', header(), [
          line('6200', '1', '1', { LOCATION: null }),
          line('1010', '-1', '1'),
        ]),
      /Use of empty Location is invalid/,
    ],
    [
      'closed period',
      () =>
        createJournalEntry(store, 'US1', header({ BATCH_DATE: '2026-05-15' }), [
          line('6200', '1', '1'),
          line('1010', '-1', '1'),
        ]),
      /transaction date \(05\/15\/2026\) is within a period that's been closed/,
    ],
    [
      'dimension required by the account',
      () => createJournalEntry(store, 'US1', header(), [line('6000', '1', '1'), line('1010', '-1', '1')]),
      /account 6000 requires a Department/,
    ],
    [
      'direct posting to a control account',
      () => createJournalEntry(store, 'US1', header(), [line('1200', '1', '1'), line('1010', '-1', '1')]),
      /subledger control account/,
    ],
    [
      'subledger journal',
      () =>
        createJournalEntry(store, 'US1', header({ JOURNAL: 'ARJ' }), [
          line('6200', '1', '1'),
          line('1010', '-1', '1'),
        ]),
      /reserved for subledger/,
    ],
    [
      'unknown journal',
      () =>
        createJournalEntry(store, 'US1', header({ JOURNAL: 'ZZ' }), [
          line('6200', '1', '1'),
          line('1010', '-1', '1'),
        ]),
      /Invalid Journal 'ZZ'/,
    ],
    [
      'missing title',
      () =>
        createJournalEntry(store, 'US1', header({ BATCH_TITLE: '' }), [
          line('6200', '1', '1'),
          line('1010', '-1', '1'),
        ]),
      /Required field BATCH_TITLE/,
    ],
    [
      'bad TR_TYPE',
      () =>
        createJournalEntry(store, 'US1', header(), [line('6200', '2' as '1', '1'), line('1010', '-1', '1')]),
      /Invalid TR_TYPE/,
    ],
    [
      'lines of two entities at the top level',
      () =>
        createJournalEntry(store, null, header(), [
          line('6200', '1', '1'),
          line('1010', '-1', '1', { LOCATION: 'UK1' }),
        ]),
      /more than one entity/,
    ],
  ];
  for (const [name, run, message] of cases) {
    it(`refuses: ${name}, with Intacct's errors and nothing stored`, () => {
      const before = [store.count('GLBATCH'), store.count('GLENTRY'), store.count('GLDETAIL')];
      const text = refused(run());
      expect(text).toMatch(message);
      expect(text).toMatch(/^BL01001973\|/);
      expect(text.split('\n').at(-1)).toBe('BL01001973|Could not create glbatch record!');
      expect([store.count('GLBATCH'), store.count('GLENTRY'), store.count('GLDETAIL')]).toEqual(before);
    });
  }

  it('keeps drafts out of GLDETAIL until posted, and re-stamps lines on edits', () => {
    const draft = created(
      createJournalEntry(store, 'US1', header({ STATE: 'Draft' }), [
        line('6200', '1', '50'),
        line('1010', '-1', '50'),
      ]),
    );
    const entries = store.lookup('GLENTRY', 'BATCHNO', draft.RECORDNO!);
    expect(entries).toHaveLength(2);
    expect(store.get('GLDETAIL', entries[0]!.RECORDNO!)).toBeUndefined();
    store.clock.advance(60_000);
    const posted = created(
      updateRecord(store, 'US1', 'GLBATCH', { RECORDNO: draft.RECORDNO, STATE: 'Posted' }),
    );
    expect(posted.WHENMODIFIED! > draft.WHENMODIFIED!).toBe(true);
    const detail = store.get('GLDETAIL', entries[0]!.RECORDNO!);
    expect(detail?.STATE).toBe('Posted');
    expect(detail?.WHENMODIFIED).toBe(posted.WHENMODIFIED);
    expect(
      refused(updateRecord(store, 'US1', 'GLBATCH', { RECORDNO: draft.RECORDNO, STATE: 'Draft' })),
    ).toMatch(/cannot go back to draft/);
  });

  it('replaces all entries on an update with ENTRIES and refuses subledger batches', () => {
    const b = created(
      createJournalEntry(store, 'US1', header(), [line('6200', '1', '10'), line('1010', '-1', '10')]),
    );
    const updated = created(
      updateRecord(
        store,
        'US1',
        'GLBATCH',
        { RECORDNO: b.RECORDNO },
        { lines: [line('6300', '1', '7'), line('6310', '1', '3'), line('1010', '-1', '10')] },
      ),
    );
    expect(store.lookup('GLENTRY', 'BATCHNO', updated.RECORDNO!).map((e) => e.ACCOUNTNO)).toEqual([
      '6300',
      '6310',
      '1010',
    ]);
    expect(store.lookup('GLDETAIL', 'BATCHKEY', updated.RECORDNO!)).toHaveLength(3);
    const arBatch = store.list('GLBATCH').find((x) => x.MODULE === '4.AR' && x.MEGAENTITYID === 'US1')!;
    expect(
      refused(updateRecord(store, 'US1', 'GLBATCH', { RECORDNO: arBatch.RECORDNO, BATCH_TITLE: 'x' })),
    ).toMatch(/subledger/);
    expect(refused(deleteRecord(store, 'US1', 'GLBATCH', arBatch.RECORDNO!))).toMatch(/subledger/);
  });
});

describe('ownership and re-dating', () => {
  it('files a top-level entry under the one entity its locations belong to', () => {
    const b = created(
      createJournalEntry(store, null, header(), [
        line('6200', '1', '5', { LOCATION: 'DE1-BER' }),
        line('1010', '-1', '5', { LOCATION: 'DE1' }),
      ]),
    );
    expect(b.MEGAENTITYID).toBe('DE1');
    expect(store.lookup('GLENTRY', 'BATCHNO', b.RECORDNO!).map((e) => e.BASECURR)).toEqual(['EUR', 'EUR']);
  });

  it('invoices a foreign-currency customer at the day rate, in both currencies', () => {
    const cad = store.list('CUSTOMER').find((c) => c.CURRENCY === 'CAD' && c.STATUS === 'active');
    const customerId =
      cad?.CUSTOMERID ??
      created(
        createCustomer(store, null, {
          CUSTOMERID: 'C-CAD',
          NAME: 'Maple Co',
          'DISPLAYCONTACT.PRINTAS': 'Maple Co',
          CURRENCY: 'CAD',
        }),
      ).CUSTOMERID;
    const rate = exchangeRate(store, 'CAD', 'USD', DATE)!;
    const inv = created(
      createArInvoice(store, 'US1', { CUSTOMERID: customerId, WHENCREATED: DATE, TERMNAME: 'N15' }, [
        { ACCOUNTNO: '4200', TRX_AMOUNT: '333.33', LOCATIONID: 'US1' },
        { ACCOUNTNO: '4200', TRX_AMOUNT: '0.07', LOCATIONID: 'US1' },
      ]),
    );
    expect(inv).toMatchObject({
      CURRENCY: 'CAD',
      BASECURR: 'USD',
      EXCHANGE_RATE: rate,
      TRX_TOTALENTERED: '333.40',
      WHENDUE: '2026-11-17',
    });
    const base = [multiply('333.33', rate, 2), multiply('0.07', rate, 2)];
    expect(store.lookup('ARINVOICEITEM', 'RECORDKEY', inv.RECORDNO!).map((i) => i.AMOUNT)).toEqual(base);
    const control = store.lookup('GLDETAIL', 'BATCHKEY', inv.GLBATCHKEY!).find((d) => d.ACCOUNTNO === '1200');
    expect(control?.TRX_AMOUNT).toBe('333.40');
    expect(control?.AMOUNT).toBe(inv.TOTALENTERED);
    expect(subledgerBalances(store, 'US1').ar.difference).toBe('0.00');
  });

  it('re-posts the lines when an entry changes date, and refuses a closed new date', () => {
    const b = created(
      createJournalEntry(store, 'UK1', header(), [
        line('6200', '1', '8', { LOCATION: 'UK1' }),
        line('1010', '-1', '8', { LOCATION: 'UK1' }),
      ]),
    );
    const moved = created(
      updateRecord(store, 'UK1', 'GLBATCH', { RECORDNO: b.RECORDNO, BATCH_DATE: '2026-11-20' }),
    );
    expect(moved.BATCH_DATE).toBe('2026-11-20');
    const details = store.lookup('GLDETAIL', 'BATCHKEY', b.RECORDNO!);
    expect(details.map((d) => d.BATCH_DATE)).toEqual(['2026-11-20', '2026-11-20']);
    expect(details.map((d) => d.ACCOUNTNO)).toEqual(['6200', '1010']);
    expect(
      refused(updateRecord(store, 'UK1', 'GLBATCH', { RECORDNO: b.RECORDNO, BATCH_DATE: '2025-06-30' })),
    ).toMatch(/06\/30\/2025.*closed/);
    expect(
      refused(updateRecord(store, 'US1', 'GLBATCH', { RECORDNO: b.RECORDNO, BATCH_TITLE: 'x' })),
    ).toMatch(/Cannot update non-existing GLBATCH/);
  });
});

describe('customers and vendors', () => {
  it('creates, refuses duplicates as Intacct does, updates and deletes with an audit trail', () => {
    const c = created(
      createCustomer(store, null, {
        CUSTOMERID: 'C-NEW',
        NAME: 'New Co',
        'DISPLAYCONTACT.PRINTAS': 'New Co',
        SALESFORCE_ID: '0015g00000ABCDEFGH',
      }),
    );
    expect(c.STATUS).toBe('active');
    expect(c.SALESFORCE_ID).toBe('0015g00000ABCDEFGH');
    expect(c.MEGAENTITYID).toBeNull();
    const dup = createCustomer(store, null, { CUSTOMERID: 'C-NEW', NAME: 'Again' });
    expect(dup.ok).toBe(false);
    if (!dup.ok) {
      expect(dup.errors[0]).toEqual({
        errorno: 'BL34000061',
        description: '',
        description2: 'Another Customer with the given value(s) C-NEW  already exists',
        correction: 'Use a unique value instead.',
      });
      expect(dup.errors[1]?.description2).toBe('Could not create customer record!');
    }
    expect(refused(createCustomer(store, null, { CUSTOMERID: 'C-X' }))).toMatch(/Required field NAME/);
    // PRINTAS is required on create (the developer docs' create tables for customers and vendors).
    expect(refused(createCustomer(store, null, { CUSTOMERID: 'C-Y', NAME: 'Y' }))).toMatch(
      /Required field PRINTAS/,
    );
    expect(
      refused(
        createCustomer(store, null, {
          CUSTOMERID: 'C-Y',
          NAME: 'y',
          'DISPLAYCONTACT.PRINTAS': 'y',
          TERMNAME: 'N999',
        }),
      ),
    ).toMatch(/Invalid Term/);

    store.clock.advance(1000);
    const u = created(updateRecord(store, null, 'CUSTOMER', { CUSTOMERID: 'C-NEW', NAME: 'Renamed Co' }));
    expect(u.NAME).toBe('Renamed Co');
    expect(u.WHENMODIFIED! > c.WHENCREATED!).toBe(true);
    expect(u.WHENCREATED).toBe(c.WHENCREATED);
    const missing = updateRecord(store, null, 'CUSTOMER', { CUSTOMERID: 'ZZZ', NAME: 'n' });
    expect(!missing.ok && missing.errors[0]?.errorno).toBe(
      'Cannot update non-existing CUSTOMER with CUSTOMERID=ZZZ.',
    );

    const used = store.list('ARINVOICE')[0]!.CUSTOMERID!;
    expect(refused(deleteRecord(store, null, 'CUSTOMER', used))).toMatch(/used in transactions/);
    const audits = store.count('AUDITHISTORY');
    created(deleteRecord(store, null, 'CUSTOMER', 'C-NEW'));
    expect(store.findById('CUSTOMER', 'C-NEW')).toBeUndefined();
    const audit = store.list('AUDITHISTORY').at(-1)!;
    expect(store.count('AUDITHISTORY')).toBe(audits + 1);
    expect(audit).toMatchObject({
      ACCESSMODE: 'D',
      OBJECTTYPE: 'customer',
      OBJECTKEY: `${c.RECORDNO}--REC`,
      SOURCE: 'api',
    });
    expect(refused(deleteRecord(store, null, 'CUSTOMER', 'C-NEW'))).toMatch(
      /Cannot find customer with key 'C-NEW' to delete/,
    );
    expect(refused(deleteRecord(store, null, 'GLDETAIL', '1'))).toMatch(/not supported/);
  });
});

describe('AR and AP', () => {
  const customer = () => store.list('CUSTOMER').find((c) => c.STATUS === 'active' && c.CURRENCY === 'USD')!;
  const invoiceLines = [
    { ACCOUNTNO: '4000', TRX_AMOUNT: '600', LOCATIONID: 'US1-NYC', DEPARTMENTID: 'SALES', ITEMID: 'SW-LIC' },
    { ACCOUNTNO: '4100', TRX_AMOUNT: '400.50', LOCATIONID: 'US1', DEPARTMENTID: 'OPS' },
  ];

  it('invoices post to AR, payments apply and clear it, and the subledger ties throughout', () => {
    const c = customer();
    const inv = created(
      createArInvoice(
        store,
        'US1',
        { CUSTOMERID: c.CUSTOMERID, WHENCREATED: DATE, TERMNAME: 'N30' },
        invoiceLines,
      ),
    );
    expect(inv).toMatchObject({
      WHENCREATED: DATE,
      WHENDUE: '2026-12-02',
      TOTALENTERED: '1000.50',
      TOTALDUE: '1000.50',
      STATE: 'Posted',
      CUSTOMERNAME: c.NAME,
    });
    expect(inv.AUWHENCREATED).toMatch(/^2026-11-01T09:00:00Z$/);
    const glLines = store.lookup('GLDETAIL', 'BATCHKEY', inv.GLBATCHKEY!);
    expect(glLines.map((l) => [l.ACCOUNTNO, l.TR_TYPE, l.AMOUNT])).toEqual([
      ['4000', '-1', '600.00'],
      ['4100', '-1', '400.50'],
      ['1200', '1', '1000.50'],
    ]);
    expect(subledgerBalances(store, 'US1').ar.difference).toBe('0.00');

    const pay = (amount: string) =>
      createArPayment(
        store,
        'US1',
        {
          CUSTOMERID: c.CUSTOMERID,
          PAYMENTMETHOD: 'EFT',
          RECEIPTDATE: DATE,
          FINANCIALENTITY: bankAccountId('US1'),
        },
        [{ RECORDKEY: inv.RECORDNO, TRX_PAYMENTAMOUNT: amount }],
      );
    expect(refused(pay('2000'))).toMatch(/exceeds the amount due 1000\.50/);
    const p1 = created(pay('700'));
    expect(store.get('ARINVOICE', inv.RECORDNO!)).toMatchObject({
      STATE: 'Partially Paid',
      TOTALPAID: '700.00',
      TOTALDUE: '300.50',
    });
    // Applied line by line: the first line is paid in full before the second.
    expect(store.lookup('ARPYMTDETAIL', 'PAYMENTKEY', p1.RECORDNO!).map((d) => d.TRX_PAYMENTAMOUNT)).toEqual([
      '600.00',
      '100.00',
    ]);
    created(pay('300.50'));
    expect(store.get('ARINVOICE', inv.RECORDNO!)).toMatchObject({
      STATE: 'Paid',
      TOTALDUE: '0.00',
      WHENPAID: DATE,
    });
    expect(subledgerBalances(store, 'US1').ar.difference).toBe('0.00');

    expect(refused(deleteRecord(store, 'US1', 'ARINVOICE', inv.RECORDNO!))).toMatch(/payments applied/);
    created(deleteRecord(store, 'US1', 'ARPYMT', p1.RECORDNO!));
    expect(store.get('ARINVOICE', inv.RECORDNO!)).toMatchObject({
      STATE: 'Partially Paid',
      TOTALDUE: '700.00',
    });
    expect(subledgerBalances(store, 'US1').ar.difference).toBe('0.00');
    expect(store.list('AUDITHISTORY').at(-1)).toMatchObject({
      OBJECTTYPE: 'arpymt',
      OBJECTKEY: `${p1.RECORDNO}--REC`,
    });
  });

  it('refuses bad AR/AP input with the reason', () => {
    const c = customer();
    expect(
      refused(
        createArInvoice(
          store,
          'US1',
          { CUSTOMERID: 'NOPE', WHENCREATED: DATE, TERMNAME: 'N30' },
          invoiceLines,
        ),
      ),
    ).toMatch(/Invalid Customer 'NOPE'/);
    expect(
      refused(createArInvoice(store, 'US1', { CUSTOMERID: c.CUSTOMERID, WHENCREATED: DATE }, invoiceLines)),
    ).toMatch(/due date or a term/);
    expect(
      refused(
        createArInvoice(
          store,
          'US1',
          { CUSTOMERID: c.CUSTOMERID, WHENCREATED: '2026-01-15', TERMNAME: 'N30' },
          invoiceLines,
        ),
      ),
    ).toMatch(/closed/);
    expect(
      refused(
        createArInvoice(store, 'US1', { CUSTOMERID: c.CUSTOMERID, WHENCREATED: DATE, TERMNAME: 'N30' }, [
          { ACCOUNTNO: '4000', TRX_AMOUNT: '5' },
        ]),
      ),
    ).toMatch(/empty Location/);
    const vendor = store.list('VENDOR').find((v) => v.STATUS === 'active')!;
    expect(
      refused(
        createApBill(store, 'DE1', { VENDORID: vendor.VENDORID, WHENCREATED: DATE, TERMNAME: 'N30' }, [
          { ACCOUNTNO: '6100', TRX_AMOUNT: '5', LOCATIONID: 'US1' },
        ]),
      ),
    ).toMatch(/Invalid Location 'US1'/);
    const other = store
      .list('ARINVOICE')
      .find((i) => i.CUSTOMERID !== c.CUSTOMERID && i.MEGAENTITYID === 'US1' && i.STATE !== 'Paid')!;
    expect(
      refused(
        createArPayment(
          store,
          'US1',
          {
            CUSTOMERID: c.CUSTOMERID,
            PAYMENTMETHOD: 'EFT',
            RECEIPTDATE: DATE,
            FINANCIALENTITY: bankAccountId('US1'),
          },
          [{ RECORDKEY: other.RECORDNO, TRX_PAYMENTAMOUNT: '1' }],
        ),
      ),
    ).toMatch(/does not belong to customer/);
    expect(
      refused(
        createArPayment(
          store,
          'US1',
          {
            CUSTOMERID: c.CUSTOMERID,
            PAYMENTMETHOD: 'Barter',
            RECEIPTDATE: DATE,
            FINANCIALENTITY: bankAccountId('US1'),
          },
          [],
        ),
      ),
    ).toMatch(/Invalid payment method/);
  });
});

describe('transactions across several writes', () => {
  it('undoes earlier successful writes when a later one fails (transaction="true")', () => {
    const before = [store.count('CUSTOMER'), store.count('GLBATCH'), store.count('GLDETAIL')];
    expect(() =>
      store.transaction(() => {
        created(
          createCustomer(store, null, {
            CUSTOMERID: 'C-TX',
            NAME: 'Tx Co',
            'DISPLAYCONTACT.PRINTAS': 'Tx Co',
          }),
        );
        created(
          createJournalEntry(store, 'US1', header(), [line('6200', '1', '5'), line('1010', '-1', '5')]),
        );
        const bad = createJournalEntry(store, 'US1', header(), [
          line('6200', '1', '5'),
          line('1010', '-1', '4'),
        ]);
        if (!bad.ok) throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(store.findById('CUSTOMER', 'C-TX')).toBeUndefined();
    expect([store.count('CUSTOMER'), store.count('GLBATCH'), store.count('GLDETAIL')]).toEqual(before);
  });
});
