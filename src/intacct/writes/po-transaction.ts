import { isDecimal } from '../../core/decimal.ts';
import { type WriteFunction, writeFunction } from '../envelope.ts';
import { el, opt } from '../xml.ts';
import { legacyDate, money, reject, required } from './common.ts';

// Elements: developer.intacct.com/api/purchasing/purchasing-transactions/ "Create Purchasing
// Transaction (Legacy)" create_potransaction (transactiontype, datecreated, vendorid, documentno,
// referenceno, termname | datedue, message, returnto and payto contactname, currency, state,
// potransitems/potransitem: itemid, itemdesc, quantity, unit, price, locationid, departmentid,
// memo, projectid, classid), and Intacct/intacct-sdk-js test/Functions/Purchasing/
// PurchasingTransactionCreateTest.ts and PurchasingTransactionLineCreateTest.ts for the element
// order (legacy functions are validated against the DTD, so order matters).
export interface PurchaseOrderLineInput {
  readonly itemId: string;
  /** A decimal string; Intacct documents quantity as a number. */
  readonly quantity: string;
  readonly unit?: string;
  readonly price?: string;
  readonly locationId?: string;
  readonly departmentId?: string;
  readonly memo?: string;
  readonly projectId?: string;
  readonly classId?: string;
}

export interface PurchaseOrderInput {
  readonly controlId: string;
  /** The transaction definition, e.g. `Purchase Order`. */
  readonly transactionType: string;
  /** ISO dates. */
  readonly date: string;
  readonly vendorId: string;
  /** Document number (DOCNO); blank lets a definition with auto numbering choose. */
  readonly documentNo?: string;
  /** Reference number. */
  readonly referenceNo?: string;
  /** One of dueDate or termName is required. */
  readonly dueDate?: string;
  readonly termName?: string;
  readonly message?: string;
  readonly currency?: string;
  readonly state?: 'Draft' | 'Pending' | 'Closed';
  readonly lines: readonly PurchaseOrderLineInput[];
}

/**
 * A purchasing transaction through the legacy `create_potransaction` (no generic PODOCUMENT create
 * is documented). `returnto` and `payto` are marked required by the docs, which say to leave them
 * empty for the vendor's defaults; Sage's SDK sends them with an empty `contactname`, as here.
 */
export function buildPurchaseOrder(input: PurchaseOrderInput): WriteFunction {
  const what = `purchase order ${input.controlId}`;
  if (input.lines.length === 0) reject(`${what}: needs at least one line`);
  if (!input.dueDate && !input.termName) reject(`${what}: needs a due date or a term`);
  return writeFunction(
    input.controlId,
    el('create_potransaction', [
      el('transactiontype', required(input.transactionType, 'transaction type')),
      legacyDate('datecreated', input.date, 'transaction date'),
      el('vendorid', required(input.vendorId, 'vendor')),
      opt('documentno', input.documentNo),
      opt('referenceno', input.referenceNo),
      opt('termname', input.termName),
      input.dueDate ? legacyDate('datedue', input.dueDate, 'due date') : null,
      opt('message', input.message),
      el('returnto', [el('contactname')]),
      el('payto', [el('contactname')]),
      opt('currency', input.currency),
      opt('state', input.state),
      el(
        'potransitems',
        input.lines.map((l, i) => {
          const at = `${what} line ${i + 1}`;
          if (!isDecimal(l.quantity))
            reject(`${at}: quantity is not a decimal: ${JSON.stringify(l.quantity)}`);
          return el('potransitem', [
            el('itemid', required(l.itemId, `${at}: item`)),
            el('quantity', l.quantity),
            opt('unit', l.unit),
            l.price === undefined ? null : el('price', money(l.price, at)),
            opt('locationid', l.locationId),
            opt('departmentid', l.departmentId),
            opt('memo', l.memo),
            opt('projectid', l.projectId),
            opt('classid', l.classId),
          ]);
        }),
      ),
    ]),
  );
}
