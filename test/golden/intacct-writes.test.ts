import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClassifiedError } from '../../src/core/errors.ts';
import type { WriteFunction } from '../../src/intacct/envelope.ts';
import {
  buildApBill,
  buildArInvoice,
  buildArPayment,
  buildCustomer,
  buildGlBatch,
  buildPurchaseOrder,
  buildVendor,
} from '../../src/intacct/writes/index.ts';
import { el, serializePretty } from '../../src/intacct/xml.ts';

/**
 * Golden XML for every write builder. Set UPDATE_GOLDEN=1 to rewrite the files after an intended
 * change, then review the diff.
 */
const DIR = join(import.meta.dirname, 'intacct-writes');

function golden(name: string, fn: WriteFunction): void {
  const xml = `${serializePretty(el('function', [fn.body], { controlid: fn.controlId }))}\n`;
  const file = join(DIR, `${name}.xml`);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, xml);
  }
  expect(existsSync(file), `missing golden file ${file}; run with UPDATE_GOLDEN=1`).toBe(true);
  expect(xml).toBe(readFileSync(file, 'utf8'));
}

const xmlOf = (fn: WriteFunction) => serializePretty(el('function', [fn.body], { controlid: fn.controlId }));

const glBatch = {
  controlId: 'je-payroll-2026-11',
  journal: 'GJ',
  batchDate: '2026-11-30',
  title: 'Payroll November & <bonus>',
  referenceNo: 'adp-run-8812',
  baseLocation: 'US1',
  customFields: { GLBATCH_SOURCE: 'adp' },
  lines: [
    {
      accountNo: '6000',
      side: 'debit' as const,
      amount: '1200.004',
      memo: 'Gross pay',
      currency: 'USD',
      dimensions: { department: 'ENG', location: 'US1', project: 'P-1', class: 'C1', custom: { GLDIMFUND: 'F1' } },
    },
    { accountNo: '6100', side: 'debit' as const, amount: '300', dimensions: { location: 'US1', employee: 'E7' } },
    {
      accountNo: '2100',
      side: 'credit' as const,
      amount: '1500.00',
      currency: 'EUR',
      exchangeRateTypeId: 'Intacct Daily Rate',
      dimensions: { location: 'US1' },
    },
  ],
};

describe('write builders (golden XML)', () => {
  it('GLBATCH', () => golden('glbatch', buildGlBatch(glBatch)));

  it('GLBATCH refuses unbalanced and malformed entries', () => {
    const unbalanced = { ...glBatch, lines: [glBatch.lines[0]!, { ...glBatch.lines[2]!, amount: '1200.01' }] };
    expect(() => buildGlBatch(unbalanced)).toThrow(/do not equal/);
    expect(() => buildGlBatch({ ...glBatch, lines: [glBatch.lines[0]!] })).toThrow(/at least 2/);
    // A rate type or a rate (the docs require one when the other is blank), never both.
    const both = { ...glBatch.lines[2]!, exchangeRate: '1.123456' };
    expect(() => buildGlBatch({ ...glBatch, lines: [...glBatch.lines.slice(0, 2), both] })).toThrow(
      /line 3: give an exchange rate type or an exchange rate, not both/,
    );
    const rateOnly = { ...both, exchangeRateTypeId: undefined };
    const xml = xmlOf(buildGlBatch({ ...glBatch, lines: [...glBatch.lines.slice(0, 2), rateOnly] }));
    expect(xml).toMatch(/<EXCHANGE_RATE>1\.123[0-9]*<\/EXCHANGE_RATE>/);
    expect(xml).not.toContain('EXCH_RATE_TYPE_ID');
    expect(() => buildGlBatch({ ...glBatch, batchDate: '11/30/2026' })).toThrow(ClassifiedError);
    expect(() =>
      buildGlBatch({ ...glBatch, lines: [{ ...glBatch.lines[0]!, amount: '1,200' }, glBatch.lines[2]!] }),
    ).toThrow(/decimal/);
  });

  it('ARINVOICE (legacy create_invoice)', () =>
    golden(
      'arinvoice',
      buildArInvoice({
        controlId: 'inv-stripe-in_1Nx',
        customerId: 'C100',
        dateCreated: '2026-11-05',
        dateDue: '2026-12-05',
        invoiceNo: 'INV-2026-0042',
        description: 'Subscription "Pro" — November',
        externalId: 'stripe:in_1Nx',
        currency: 'USD',
        customFields: { SOURCE_SYSTEM: 'stripe' },
        lines: [
          { glAccountNo: '4000', amount: '99.995', memo: 'Pro plan', locationId: 'US1', departmentId: 'SALES' },
          { glAccountNo: '4010', amount: '-10', memo: 'Discount', locationId: 'US1', classId: 'SUB' },
        ],
      }),
    ));

  it('APBILL', () =>
    golden(
      'apbill',
      buildApBill({
        controlId: 'bill-coupa-77',
        vendorId: 'V200',
        billDate: '2026-11-02',
        dueDate: '2026-12-02',
        billNumber: 'B-77',
        reference: 'INV-9981',
        description: 'Cloud hosting',
        currency: 'USD',
        lines: [
          { accountNo: '6500', amount: '2500.5', memo: 'Compute', dimensions: { location: 'US1', department: 'ENG', custom: { GLDIMFUND: 'OPS' } } },
          { accountNo: '6510', amount: '99.5', dimensions: { location: 'US1', project: 'P-9' } },
        ],
      }),
    ));

  it('CUSTOMER and VENDOR', () => {
    golden(
      'customer',
      buildCustomer({
        controlId: 'cust-sf-0011',
        id: 'C100',
        name: "O'Brien & Sons <Ltd>",
        status: 'active',
        termName: 'Net 30',
        currency: 'USD',
        contact: { email: 'ap@obrien.example', phone: '+1 555 0100', city: 'Boston', state: 'MA', country: 'United States' },
        customFields: { SFDC_ID: '0011x00000ABC' },
      }),
    );
    golden('vendor-update', buildVendor({ controlId: 'vend-ns-9', id: 'V200', name: 'Hosting Co', mode: 'update', status: 'inactive' }));
    // Create always sends PRINTAS (required on create), defaulting to the name.
    golden('vendor-create', buildVendor({ controlId: 'vend-ns-10', id: 'V201', name: 'Paper Co' }));
    // An update with contact changes leaves PRINTAS alone unless it is asked for.
    const update = buildCustomer({ controlId: 'c-u', id: 'C100', name: 'New Name', mode: 'update', contact: { email: 'x@y.example' } });
    expect(xmlOf(update)).toContain('<DISPLAYCONTACT>');
    expect(xmlOf(update)).not.toContain('PRINTAS');
    const renamed = buildCustomer({ controlId: 'c-u', id: 'C100', name: 'N', mode: 'update', contact: { printAs: 'N Ltd' } });
    expect(xmlOf(renamed)).toContain('<PRINTAS>N Ltd</PRINTAS>');
    expect(() => buildCustomer({ controlId: 'x', id: 'X'.repeat(21), name: 'n' })).toThrow(/20 characters/);
    // An update sends only what changes: no NAME unless it is given; a create still requires it.
    const emailOnly = xmlOf(buildCustomer({ controlId: 'c-e', id: 'C100', mode: 'update', contact: { email: 'a@b.example' } }));
    expect(emailOnly).not.toContain('<NAME>');
    expect(emailOnly).toContain('<EMAIL1>a@b.example</EMAIL1>');
    expect(() => buildCustomer({ controlId: 'c-n', id: 'C101' })).toThrow(/name is required/);
  });

  it('PODOCUMENT (legacy create_potransaction)', () => {
    golden(
      'potransaction',
      buildPurchaseOrder({
        controlId: 'po-agent-1',
        transactionType: 'Purchase Order',
        date: '2026-11-21',
        vendorId: 'V100',
        documentNo: 'agent-po-1',
        referenceNo: 'agent-po-1',
        dueDate: '2026-12-21',
        message: 'Laptops & docks',
        currency: 'USD',
        lines: [
          { itemId: 'LAPTOP', quantity: '3', price: '1199.5', locationId: 'US1', departmentId: 'ENG', memo: 'New hires' },
          { itemId: 'DOCK', quantity: '2.5', price: '80', locationId: 'US1', projectId: 'P-1', classId: 'C1' },
        ],
      }),
    );
    const base = { controlId: 'po-x', transactionType: 'Purchase Order', date: '2026-11-21', vendorId: 'V1' };
    const line = { itemId: 'I', quantity: '1', price: '1', locationId: 'US1' };
    expect(() => buildPurchaseOrder({ ...base, lines: [line] })).toThrow(/due date or a term/);
    expect(() => buildPurchaseOrder({ ...base, termName: 'N30', lines: [] })).toThrow(/at least one line/);
    expect(() => buildPurchaseOrder({ ...base, termName: 'N30', lines: [{ ...line, quantity: 'three' }] })).toThrow(
      /quantity is not a decimal/,
    );
  });

  it('ARPYMT applied to invoices', () => {
    golden(
      'arpymt',
      buildArPayment({
        controlId: 'pay-stripe-ch_3',
        customerId: 'C100',
        method: 'EFT',
        bankAccountId: 'BOA',
        receiptDate: '2026-11-15',
        paymentDate: '2026-11-14',
        reference: 'ch_3',
        currency: 'USD',
        applications: [
          { invoiceKey: '101', amount: '89.99' },
          { invoiceKey: '102', invoiceLineKey: '200', amount: '10.006' },
        ],
      }),
    );
    expect(() =>
      buildArPayment({ controlId: 'p', customerId: 'C', method: 'Cash', receiptDate: '2026-01-01', applications: [{ invoiceKey: '1', amount: '1' }] }),
    ).toThrow(/exactly one/);
  });
});
