import { type WriteFunction, writeFunction } from '../envelope.ts';
import { el, opt } from '../xml.ts';
import { customFields, legacyDate, money, reject, required } from './common.ts';

// Elements: developer.intacct.com/api/accounts-receivable/invoices/ (legacy create_invoice) and the
// intacct/intacct_dtd v2.1 invoice DTD.
export interface ArInvoiceLineInput {
  readonly glAccountNo: string;
  readonly amount: string;
  readonly memo?: string;
  readonly locationId?: string;
  readonly departmentId?: string;
  readonly projectId?: string;
  readonly customerId?: string;
  readonly vendorId?: string;
  readonly employeeId?: string;
  readonly itemId?: string;
  readonly classId?: string;
}

export interface ArInvoiceInput {
  readonly controlId: string;
  readonly customerId: string;
  /** ISO dates. */
  readonly dateCreated: string;
  readonly datePosted?: string;
  /** One of dateDue or termName is required. */
  readonly dateDue?: string;
  readonly termName?: string;
  readonly action?: 'Draft' | 'Submit';
  readonly invoiceNo?: string;
  readonly poNumber?: string;
  readonly description?: string;
  /** The external key (for lookup-before-create). */
  readonly externalId?: string;
  readonly baseCurrency?: string;
  readonly currency?: string;
  readonly exchangeRateDate?: string;
  readonly exchangeRateType?: string;
  readonly customFields?: Readonly<Record<string, string>>;
  readonly lines: readonly ArInvoiceLineInput[];
}

/**
 * AR invoice through the legacy `create_invoice` (Intacct documents no generic ARINVOICE create).
 * Legacy functions are validated against the DTD, so element order follows it exactly.
 */
export function buildArInvoice(input: ArInvoiceInput): WriteFunction {
  if (input.lines.length === 0) reject(`invoice ${input.controlId}: needs at least one line`);
  if (!input.dateDue && !input.termName) reject(`invoice ${input.controlId}: needs a due date or a term`);
  const custom = customFields(input.customFields);
  return writeFunction(
    input.controlId,
    el('create_invoice', [
      el('customerid', required(input.customerId, 'customer')),
      legacyDate('datecreated', input.dateCreated, 'invoice date'),
      input.datePosted ? legacyDate('dateposted', input.datePosted, 'posting date') : null,
      input.dateDue ? legacyDate('datedue', input.dateDue, 'due date') : null,
      opt('termname', input.termName),
      opt('action', input.action),
      opt('invoiceno', input.invoiceNo),
      opt('ponumber', input.poNumber),
      opt('description', input.description),
      opt('externalid', input.externalId),
      opt('basecurr', input.baseCurrency),
      opt('currency', input.currency),
      input.exchangeRateDate
        ? legacyDate('exchratedate', input.exchangeRateDate, 'exchange rate date')
        : null,
      opt('exchratetype', input.exchangeRateType),
      custom.length
        ? el(
            'customfields',
            custom.map((c) =>
              el('customfield', [el('customfieldname', c.name), el('customfieldvalue', c.children)]),
            ),
          )
        : null,
      el(
        'invoiceitems',
        input.lines.map((l, i) =>
          el('lineitem', [
            el('glaccountno', required(l.glAccountNo, `invoice ${input.controlId} line ${i + 1}: account`)),
            el('amount', money(l.amount, `invoice ${input.controlId} line ${i + 1}`, { positive: false })),
            opt('memo', l.memo),
            opt('locationid', l.locationId),
            opt('departmentid', l.departmentId),
            opt('projectid', l.projectId),
            opt('customerid', l.customerId),
            opt('vendorid', l.vendorId),
            opt('employeeid', l.employeeId),
            opt('itemid', l.itemId),
            opt('classid', l.classId),
          ]),
        ),
      ),
    ]),
  );
}
