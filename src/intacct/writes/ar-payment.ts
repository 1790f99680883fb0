import { create, type WriteFunction } from '../envelope.ts';
import { el, opt } from '../xml.ts';
import { date, money, optDate, rate, reject, required } from './common.ts';

// Elements: developer.intacct.com/api/accounts-receivable/ar-payments/ (ARPYMT create table).
export const PAYMENT_METHODS = [
  'Printed Check',
  'Cash',
  'EFT',
  'Credit Card',
  'Online Charge Card',
  'Online ACH Debit',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface ArPaymentApplication {
  /** RECORDNO of the invoice (ARINVOICE) the payment applies to. */
  readonly invoiceKey: string;
  /** A line of that invoice, when applying to one line. */
  readonly invoiceLineKey?: string;
  readonly amount: string;
}

export interface ArPaymentInput {
  readonly controlId: string;
  readonly customerId: string;
  readonly method: PaymentMethod;
  /** Exactly one of bank account (FINANCIALENTITY) or undeposited funds account. */
  readonly bankAccountId?: string;
  readonly undepositedAccountNo?: string;
  /** ISO dates: GL posting date and the payment's own date. */
  readonly receiptDate: string;
  readonly paymentDate?: string;
  readonly reference?: string;
  readonly description?: string;
  readonly currency?: string;
  readonly exchangeRateTypeId?: string;
  readonly exchangeRate?: string;
  readonly applications: readonly ArPaymentApplication[];
}

/** ARPYMT generic create, applied to invoices through ARPYMTDETAILS. */
export function buildArPayment(input: ArPaymentInput): WriteFunction {
  if (Boolean(input.bankAccountId) === Boolean(input.undepositedAccountNo)) {
    reject(`payment ${input.controlId}: give exactly one of bank account or undeposited funds account`);
  }
  if (input.applications.length === 0) reject(`payment ${input.controlId}: applies to no invoice`);
  if (input.exchangeRateTypeId && input.exchangeRate) {
    reject(`payment ${input.controlId}: give an exchange rate type or an exchange rate, not both`);
  }
  if (!(PAYMENT_METHODS as readonly string[]).includes(input.method))
    reject(`payment ${input.controlId}: unknown method ${input.method}`);
  return create(
    input.controlId,
    el('ARPYMT', [
      opt('FINANCIALENTITY', input.bankAccountId),
      opt('UNDEPOSITEDACCOUNTNO', input.undepositedAccountNo),
      el('PAYMENTMETHOD', input.method),
      el('CUSTOMERID', required(input.customerId, 'customer')),
      opt('DOCNUMBER', input.reference),
      opt('DESCRIPTION', input.description),
      el('RECEIPTDATE', date(input.receiptDate, 'receipt date')),
      optDate('PAYMENTDATE', input.paymentDate, 'payment date'),
      opt('CURRENCY', input.currency),
      opt('EXCH_RATE_TYPE_ID', input.exchangeRateTypeId),
      input.exchangeRate ? el('EXCHANGE_RATE', rate(input.exchangeRate, 'exchange rate')) : null,
      el(
        'ARPYMTDETAILS',
        input.applications.map((a, i) =>
          el('ARPYMTDETAIL', [
            el(
              'RECORDKEY',
              required(a.invoiceKey, `payment ${input.controlId} application ${i + 1}: invoice key`),
            ),
            opt('ENTRYKEY', a.invoiceLineKey),
            el('TRX_PAYMENTAMOUNT', money(a.amount, `payment ${input.controlId} application ${i + 1}`)),
          ]),
        ),
      ),
    ]),
  );
}
