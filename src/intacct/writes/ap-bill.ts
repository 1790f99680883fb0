import { create, type WriteFunction } from '../envelope.ts';
import { el, opt } from '../xml.ts';
import {
  customFields,
  type Dimensions,
  date,
  dimensionElements,
  money,
  optDate,
  reject,
  required,
} from './common.ts';

// Elements: developer.intacct.com/api/accounts-payable/bills/ (APBILL create table).
export interface ApBillLineInput {
  readonly accountNo: string;
  readonly amount: string;
  /** The line memo (Intacct's ENTRYDESCRIPTION). */
  readonly memo?: string;
  readonly dimensions?: Dimensions;
}

export interface ApBillInput {
  readonly controlId: string;
  readonly vendorId: string;
  /** ISO dates. */
  readonly billDate: string;
  readonly postingDate?: string;
  readonly dueDate?: string;
  readonly termName?: string;
  /** The bill number (RECORDID). */
  readonly billNumber?: string;
  /** The vendor's reference (DOCNUMBER). */
  readonly reference?: string;
  readonly description?: string;
  readonly currency?: string;
  readonly baseCurrency?: string;
  readonly action?: 'Draft' | 'Submit';
  readonly customFields?: Readonly<Record<string, string>>;
  readonly lines: readonly ApBillLineInput[];
}

/** APBILL generic create; lines use LOCATIONID/DEPARTMENTID (unlike GLENTRY). */
export function buildApBill(input: ApBillInput): WriteFunction {
  if (input.lines.length === 0) reject(`bill ${input.controlId}: needs at least one line`);
  if (input.action !== 'Draft' && !input.dueDate && !input.termName) {
    reject(`bill ${input.controlId}: needs a due date or a term`);
  }
  return create(
    input.controlId,
    el('APBILL', [
      el('WHENCREATED', date(input.billDate, 'bill date')),
      optDate('WHENPOSTED', input.postingDate, 'posting date'),
      el('VENDORID', required(input.vendorId, 'vendor')),
      opt('RECORDID', input.billNumber),
      opt('DOCNUMBER', input.reference),
      opt('DESCRIPTION', input.description),
      opt('TERMNAME', input.termName),
      optDate('WHENDUE', input.dueDate, 'due date'),
      opt('CURRENCY', input.currency),
      opt('BASECURR', input.baseCurrency),
      opt('ACTION', input.action),
      ...customFields(input.customFields),
      el(
        'APBILLITEMS',
        input.lines.map((l, i) =>
          el('APBILLITEM', [
            el('ACCOUNTNO', required(l.accountNo, `bill ${input.controlId} line ${i + 1}: account`)),
            el('TRX_AMOUNT', money(l.amount, `bill ${input.controlId} line ${i + 1}`, { positive: false })),
            opt('ENTRYDESCRIPTION', l.memo),
            ...dimensionElements(l.dimensions, 'id'),
          ]),
        ),
      ),
    ]),
  );
}
