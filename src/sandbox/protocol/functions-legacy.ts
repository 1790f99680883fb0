import {
  type BooksContext,
  type BooksResult,
  createApBill,
  createArInvoice,
  createArPayment,
} from '../books.ts';
import { compare, isDecimal, sub } from '../../core/decimal.ts';
import { couldNotCreate, runWrite } from '../books/common.ts';
import { createPurchasingTransaction } from '../books/purchasing.ts';
import { trialBalance } from '../truth.ts';
import type { FunctionContext, FunctionHandler } from './context.ts';
import { FunctionFailure, type ProtocolError } from './errors.ts';
import { XmlWriter } from './xml-writer.ts';
import { type XmlNode, child, childText, children } from './xml-node.ts';

/**
 * The legacy (2.1-style) functions Intacct still serves: create_invoice, create_bill,
 * create_arpayment (answering `<key>`), and get_trialbalance for reconciliation.
 */

function fail(description2: string, correction = ''): never {
  throw new FunctionFailure([{ errorno: 'BL01001973', description: '', description2, correction }]);
}

/** `<x><year/><month/><day/></x>` to 'YYYY-MM-DD'; undefined when the element is absent. */
export function legacyDate(node: XmlNode | undefined, name: string): string | undefined {
  const el = child(node, name);
  if (el === undefined) return undefined;
  const y = Number(childText(el, 'year'));
  const m = Number(childText(el, 'month'));
  const d = Number(childText(el, 'day'));
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  if (
    !Number.isInteger(y) ||
    !Number.isInteger(m) ||
    !Number.isInteger(d) ||
    Number.isNaN(check.getTime()) ||
    check.toISOString().slice(0, 10) !== iso
  ) {
    fail(`Invalid date in ${name}: give year, month and day of a calendar date.`);
  }
  return iso;
}

const t = (node: XmlNode | undefined, name: string): string | null => {
  const v = childText(node, name);
  return v === undefined || v.trim() === '' ? null : v.trim();
};

/** lineitem (shared by invoices and bills) to subledger line fields. */
function lineItems(node: XmlNode | undefined, container: string): Record<string, string | null>[] {
  return children(child(node, container), 'lineitem').map((li) => ({
    ACCOUNTNO: t(li, 'glaccountno'),
    ACCOUNTLABEL: t(li, 'accountlabel'),
    TRX_AMOUNT: t(li, 'amount'),
    MEMO: t(li, 'memo'),
    LOCATIONID: t(li, 'locationid'),
    DEPARTMENTID: t(li, 'departmentid'),
    PROJECTID: t(li, 'projectid'),
    TASKID: t(li, 'taskid'),
    CUSTOMERID: t(li, 'customerid'),
    VENDORID: t(li, 'vendorid'),
    EMPLOYEEID: t(li, 'employeeid'),
    ITEMID: t(li, 'itemid'),
    CLASSID: t(li, 'classid'),
  }));
}

function withoutNulls(fields: Record<string, string | null | undefined>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

function books(ctx: FunctionContext): BooksContext {
  return { userId: ctx.userId, source: 'api' };
}

function keyAnswer(res: BooksResult): { body: string } {
  if (!res.ok) throw new FunctionFailure(res.errors as readonly ProtocolError[]);
  return { body: new XmlWriter().leaf('key', res.record.RECORDNO).toString() };
}

export const createInvoiceLegacy: FunctionHandler = (fn, ctx) => {
  ctx.noteObject('ARINVOICE');
  const n = fn.node;
  const header = withoutNulls({
    CUSTOMERID: t(n, 'customerid'),
    WHENCREATED: legacyDate(n, 'datecreated'),
    WHENDUE: legacyDate(n, 'datedue'),
    TERMNAME: t(n, 'termname'),
    RECORDID: t(n, 'invoiceno'),
    DOCNUMBER: t(n, 'ponumber'),
    DESCRIPTION: t(n, 'description'),
    CURRENCY: t(n, 'currency'),
    EXCH_RATE_DATE: legacyDate(n, 'exchratedate'),
    EXCHANGE_RATE: t(n, 'exchrate'),
  });
  const lines = lineItems(n, 'invoiceitems');
  return keyAnswer(createArInvoice(ctx.store, ctx.entityId, header, lines.map(withoutNulls), books(ctx)));
};

export const createBillLegacy: FunctionHandler = (fn, ctx) => {
  ctx.noteObject('APBILL');
  const n = fn.node;
  const header = withoutNulls({
    VENDORID: t(n, 'vendorid'),
    WHENCREATED: legacyDate(n, 'datecreated'),
    WHENDUE: legacyDate(n, 'datedue'),
    TERMNAME: t(n, 'termname'),
    RECORDID: t(n, 'billno'),
    DOCNUMBER: t(n, 'ponumber'),
    DESCRIPTION: t(n, 'description'),
    CURRENCY: t(n, 'currency'),
    EXCH_RATE_DATE: legacyDate(n, 'exchratedate'),
    EXCHANGE_RATE: t(n, 'exchrate'),
  });
  const lines = lineItems(n, 'billitems');
  return keyAnswer(createApBill(ctx.store, ctx.entityId, header, lines.map(withoutNulls), books(ctx)));
};

export const createArPaymentLegacy: FunctionHandler = (fn, ctx) => {
  ctx.noteObject('ARPYMT');
  const n = fn.node;
  const customerId = t(n, 'customerid');
  const amount = t(n, 'paymentamount');
  if (!customerId) fail('Required field customerid is missing.');
  if (!amount) fail('Required field paymentamount is missing.');
  const received =
    legacyDate(n, 'datereceived') ?? new Date(ctx.store.clock.now()).toISOString().slice(0, 10);
  const header = withoutNulls({
    CUSTOMERID: customerId,
    PAYMENTMETHOD: t(n, 'paymentmethod') ?? 'Printed Check',
    RECEIPTDATE: received,
    FINANCIALENTITY: t(n, 'bankaccountid'),
    UNDEPOSITEDACCOUNTNO: t(n, 'undepfundsacct'),
    PRBATCHKEY: t(n, 'batchkey'),
    DOCNUMBER: t(n, 'refid'),
  });
  let details = children(n, 'arpaymentitem').map((item) =>
    withoutNulls({ RECORDKEY: t(item, 'invoicekey'), TRX_PAYMENTAMOUNT: t(item, 'amount') }),
  );
  if (details.length === 0) details = oldestInvoices(ctx, customerId, amount);
  return keyAnswer(createArPayment(ctx.store, ctx.entityId, header, details, books(ctx)));
};

/** Without arpaymentitem the payment goes to the customer's oldest open invoices (Intacct's default). */
function oldestInvoices(
  ctx: FunctionContext,
  customerId: string,
  amount: string,
): Record<string, string | null>[] {
  if (!isDecimal(amount)) fail(`Invalid paymentamount '${amount}'.`);
  let left = amount;
  const out: Record<string, string | null>[] = [];
  const dueOf = (r: { TRX_TOTALDUE?: string | null; TOTALDUE?: string | null }) =>
    r.TRX_TOTALDUE ?? r.TOTALDUE ?? '0';
  const open = [...ctx.store.visible('ARINVOICE', ctx.entityId, false)]
    .filter((r) => r.CUSTOMERID === customerId && compare(dueOf(r), '0') > 0)
    .sort(
      (a, b) =>
        (a.WHENCREATED ?? '').localeCompare(b.WHENCREATED ?? '') || Number(a.RECORDNO) - Number(b.RECORDNO),
    );
  for (const inv of open) {
    if (compare(left, '0') <= 0) break;
    const due = dueOf(inv);
    const pay = compare(due, left) < 0 ? due : left;
    out.push({ RECORDKEY: inv.RECORDNO ?? null, TRX_PAYMENTAMOUNT: pay });
    left = sub(left, pay);
  }
  if (out.length === 0)
    fail(
      `Customer ${customerId} has no open invoices to apply the payment to.`,
      'Give arpaymentitem elements.',
    );
  return out;
}

export const getTrialBalance: FunctionHandler = (fn, ctx) => {
  ctx.noteObject('GLACCOUNT');
  const n = fn.node;
  const period = t(n, 'reportingperiodname');
  const start = legacyDate(n, 'startdate');
  const end = legacyDate(n, 'enddate');
  let range: { period: string } | { startDate: string; endDate: string };
  if (period) range = { period };
  else if (start && end) {
    if (start > end) fail('startdate must not be after enddate.');
    range = { startDate: start, endDate: end };
  } else fail('Give reportingperiodname, or startdate and enddate.');
  const showZero = (t(n, 'showzerobalances') ?? 'false').toLowerCase() === 'true';
  let rows: ReturnType<typeof trialBalance>;
  try {
    rows = trialBalance(ctx.store, ctx.entityId ?? '', range, { showZeroBalances: showZero });
  } catch (e) {
    if (e instanceof RangeError) fail(`Invalid reporting period '${period ?? ''}'.`);
    throw e;
  }
  const w = new XmlWriter().open('data', { listtype: 'trialbalance', count: rows.length });
  for (const r of rows) {
    w.open('trialbalance')
      .leaf('glaccountno', r.glaccountno)
      .leaf('startbalance', r.startbalance)
      .leaf('debits', r.debits)
      .leaf('credits', r.credits)
      .leaf('endbalance', r.endbalance)
      .close('trialbalance');
  }
  return { body: w.close('data').toString() };
};

/**
 * create_potransaction: a purchasing transaction (developer.intacct.com/api/purchasing/
 * purchasing-transactions/, "Create Purchasing Transaction (Legacy)"). `returnto` and `payto` are
 * accepted present (with an empty or named contactname, as Sage's SDK sends them) or absent. The
 * answer is `<key>` as for the other legacy creates; which key Intacct gives for a purchasing
 * transaction is not documented, so the sandbox gives its RECORDNO.
 */
export const createPoTransactionLegacy: FunctionHandler = (fn, ctx) => {
  ctx.noteObject('PODOCUMENT');
  const n = fn.node;
  const header = withoutNulls({
    DOCPARID: t(n, 'transactiontype'),
    WHENCREATED: legacyDate(n, 'datecreated'),
    CUSTVENDID: t(n, 'vendorid'),
    DOCNO: t(n, 'documentno'),
    PONUMBER: t(n, 'referenceno'),
    VENDORDOCNO: t(n, 'vendordocno'),
    'TERM.NAME': t(n, 'termname'),
    WHENDUE: legacyDate(n, 'datedue'),
    MESSAGE: t(n, 'message'),
    CURRENCY: t(n, 'currency'),
    STATE: t(n, 'state'),
  });
  const lines = children(child(n, 'potransitems'), 'potransitem').map((li) =>
    withoutNulls({
      ITEMID: t(li, 'itemid'),
      ITEMDESC: t(li, 'itemdesc'),
      QUANTITY: t(li, 'quantity'),
      UNIT: t(li, 'unit'),
      PRICE: t(li, 'price'),
      LOCATIONID: t(li, 'locationid'),
      DEPARTMENTID: t(li, 'departmentid'),
      MEMO: t(li, 'memo'),
      PROJECTID: t(li, 'projectid'),
      CLASSID: t(li, 'classid'),
    }),
  );
  return keyAnswer(
    runWrite(ctx.store, couldNotCreate('PODOCUMENT'), () =>
      createPurchasingTransaction(
        ctx.store,
        ctx.entityId,
        header,
        lines,
        ctx.settings.poDocumentNumbering,
        books(ctx),
      ),
    ),
  );
};
