/**
 * AR and AP: invoices/bills with lines, and payments applied to them. Every document posts a balanced
 * GL batch to its control account (AR 1200 / AP 2000) and cash, so each subledger ties to its control
 * account by construction. AR and AP are the same machine with the signs swapped.
 */
import { compare, isZero, multiply, sub, sum } from '../../core/decimal.ts';
import type { SandboxFields, SandboxRecord, SandboxStore } from '../store.ts';
import { TOP_LEVEL_ID } from '../store.ts';
import {
  type BooksContext,
  CONTROL_ACCOUNTS,
  TERMS,
  addDays,
  bankAccountId,
  checkOpenPeriod,
  createStamps,
  dimension,
  exchangeRate,
  fail,
  isIsoDate,
  megaFields,
  modifyStamps,
  ownerOf,
  requireAmount,
  requireDate,
  requireField,
  ruleError,
  str,
  usDate,
} from './common.ts';
import { MODULES, postBatch, removeBatch, resolveOwner } from './gl.ts';

export interface LedgerSide {
  readonly doc: 'ARINVOICE' | 'APBILL';
  readonly item: 'ARINVOICEITEM' | 'APBILLITEM';
  readonly payment: 'ARPYMT' | 'APPYMT';
  readonly detail: 'ARPYMTDETAIL' | 'APPYMTDETAIL';
  readonly party: 'CUSTOMER' | 'VENDOR';
  readonly partyId: 'CUSTOMERID' | 'VENDORID';
  readonly partyName: 'CUSTOMERNAME' | 'VENDORNAME';
  readonly partyLabel: string;
  readonly docLabel: string;
  readonly controlField: 'ARACCOUNT' | 'APACCOUNT';
  readonly control: string;
  readonly docJournal: 'ARJ' | 'APJ';
  readonly payJournal: 'CRJ' | 'CDJ';
  readonly module: string;
  /** TR_TYPE of document lines (revenue is credited on AR, expense debited on AP). */
  readonly lineTrType: '1' | '-1';
  readonly docRecordType: string;
  readonly payRecordType: string;
  readonly prefix: string;
}

export const AR: LedgerSide = {
  doc: 'ARINVOICE',
  item: 'ARINVOICEITEM',
  payment: 'ARPYMT',
  detail: 'ARPYMTDETAIL',
  party: 'CUSTOMER',
  partyId: 'CUSTOMERID',
  partyName: 'CUSTOMERNAME',
  partyLabel: 'Customer',
  docLabel: 'invoice',
  controlField: 'ARACCOUNT',
  control: CONTROL_ACCOUNTS.accountsReceivable,
  docJournal: 'ARJ',
  payJournal: 'CRJ',
  module: MODULES.ar,
  lineTrType: '-1',
  docRecordType: 'arinvoice',
  payRecordType: 'arpayment',
  prefix: 'INV',
};

export const AP: LedgerSide = {
  doc: 'APBILL',
  item: 'APBILLITEM',
  payment: 'APPYMT',
  detail: 'APPYMTDETAIL',
  party: 'VENDOR',
  partyId: 'VENDORID',
  partyName: 'VENDORNAME',
  partyLabel: 'Vendor',
  docLabel: 'bill',
  controlField: 'APACCOUNT',
  control: CONTROL_ACCOUNTS.accountsPayable,
  docJournal: 'APJ',
  payJournal: 'CDJ',
  module: MODULES.ap,
  lineTrType: '1',
  docRecordType: 'apbill',
  payRecordType: 'appayment',
  prefix: 'BILL',
};

const opposite = (t: '1' | '-1'): '1' | '-1' => (t === '1' ? '-1' : '1');

export const PAYMENT_METHODS = [
  'Printed Check',
  'Cash',
  'EFT',
  'Credit Card',
  'Online Charge Card',
  'Online ACH Debit',
  'ACH',
  'Check',
] as const;

/** Line dimension fields on AR/AP lines and the GLENTRY names they post as. */
const LINE_TO_GL = [
  ['DEPARTMENTID', 'DEPARTMENT'],
  ['LOCATIONID', 'LOCATION'],
  ['PROJECTID', 'PROJECTID'],
  ['TASKID', 'TASKID'],
  ['CUSTOMERID', 'CUSTOMERID'],
  ['VENDORID', 'VENDORID'],
  ['EMPLOYEEID', 'EMPLOYEEID'],
  ['ITEMID', 'ITEMID'],
  ['CLASSID', 'CLASSID'],
  ['GLDIMFUND', 'GLDIMFUND'],
] as const;

function docRate(
  store: SandboxStore,
  header: SandboxFields,
  currency: string,
  base: string,
  date: string,
): string {
  if (currency === base) return '1';
  const given = str(header, 'EXCHANGE_RATE');
  if (given !== null) return multiply(requireAmount(given, 'EXCHANGE_RATE'), '1', 4);
  const rateDate = str(header, 'EXCH_RATE_DATE') ?? date;
  const rate = exchangeRate(store, currency, base, rateDate);
  if (rate === null)
    fail(ruleError(`No exchange rate from ${currency} to ${base} is available for ${usDate(rateDate)}.`));
  return rate;
}

/**
 * Creates an AR invoice or AP bill with its lines and its GL batch. Header: party id, WHENCREATED
 * (document date), WHENDUE or TERMNAME, optional RECORDID, DOCNUMBER, DESCRIPTION, CURRENCY,
 * EXCHANGE_RATE/EXCH_RATE_DATE. Lines: ACCOUNTNO, TRX_AMOUNT (or AMOUNT), ENTRYDESCRIPTION (or MEMO),
 * DEPARTMENTID, LOCATIONID (required), PROJECTID, TASKID, CUSTOMERID, VENDORID, EMPLOYEEID, ITEMID,
 * CLASSID, GLDIMFUND. Must run inside a store transaction.
 */
export function postDocument(
  store: SandboxStore,
  side: LedgerSide,
  sessionEntity: string | null,
  header: SandboxFields,
  lines: readonly SandboxFields[],
  ctx: BooksContext,
): SandboxRecord {
  const partyId = requireField(header, side.partyId);
  const docDate = requireDate(header, 'WHENCREATED');
  if (lines.length === 0) fail(ruleError(`An ${side.docLabel} needs at least one line.`));
  const glLike = lines.map((l) => ({ LOCATION: str(l, 'LOCATIONID') }));
  const owner = resolveOwner(store, sessionEntity, glLike);
  const party = dimension(store, side.party, partyId, owner);
  const term = str(header, 'TERMNAME');
  if (term !== null && TERMS[term] === undefined) fail(ruleError(`Invalid Term '${term}' specified.`));
  let due = str(header, 'WHENDUE');
  if (due !== null && !isIsoDate(due)) fail(ruleError(`Invalid date '${due}' for WHENDUE.`));
  if (due === null && term !== null) due = addDays(docDate, TERMS[term] ?? 0);
  if (due === null)
    fail(ruleError('Either a due date or a term is required.', 'Provide WHENDUE or TERMNAME.'));

  const base = store.baseCurrency(owner);
  const currency = str(header, 'CURRENCY') ?? party.CURRENCY ?? base;
  const rate = docRate(store, header, currency, base, docDate);
  const control = party[side.controlField] ?? side.control;

  const trxAmounts = lines.map((l, i) => {
    const a = requireAmount(str(l, 'TRX_AMOUNT') ?? str(l, 'AMOUNT'), `line ${i + 1}`);
    if (compare(a, '0') <= 0) fail(ruleError(`The amount on line ${i + 1} must be greater than zero.`));
    return a;
  });
  const baseAmounts = rate === '1' ? trxAmounts : trxAmounts.map((a) => multiply(a, rate, 2));
  const trxTotal = sum(trxAmounts);
  const baseTotal = sum(baseAmounts);
  const recordNo = store.peekNextKey(side.doc);
  const recordId =
    str(header, 'RECORDID') ?? `${side.prefix}-${owner || 'TOP'}-${String(recordNo).padStart(6, '0')}`;
  const description = str(header, 'DESCRIPTION');

  const glLines: SandboxFields[] = lines.map((l, i) => {
    const g: Record<string, string | null> = {
      ACCOUNTNO: str(l, 'ACCOUNTNO'),
      TR_TYPE: side.lineTrType,
      TRX_AMOUNT: trxAmounts[i]!,
      BASE_AMOUNT: baseAmounts[i]!,
      CURRENCY: currency,
      EXCHANGE_RATE: rate,
      EXCH_RATE_DATE: docDate,
      DESCRIPTION: str(l, 'ENTRYDESCRIPTION') ?? str(l, 'MEMO') ?? description,
      DOCUMENT: recordId,
    };
    for (const [from, to] of LINE_TO_GL) g[to] = str(l, from);
    g[side.partyId] = partyId;
    return g;
  });
  glLines.push({
    ACCOUNTNO: control,
    TR_TYPE: opposite(side.lineTrType),
    TRX_AMOUNT: trxTotal,
    BASE_AMOUNT: baseTotal,
    CURRENCY: currency,
    EXCHANGE_RATE: rate,
    EXCH_RATE_DATE: docDate,
    LOCATION: owner === TOP_LEVEL_ID ? (str(lines[0]!, 'LOCATIONID') ?? null) : owner,
    [side.partyId]: partyId,
    DESCRIPTION: description,
    DOCUMENT: recordId,
  });
  const batch = postBatch(
    store,
    ctx,
    owner,
    {
      JOURNAL: side.docJournal,
      BATCH_DATE: docDate,
      BATCH_TITLE: `${side.partyLabel} ${side.docLabel} ${recordId} - ${party.NAME ?? partyId}`,
      MODULE: side.module,
      REFERENCENO: str(header, 'DOCNUMBER'),
    },
    glLines,
    { allowControlAccounts: true },
  );

  const docOwner = batch.MEGAENTITYID ?? TOP_LEVEL_ID;
  const mega = megaFields(store, docOwner);
  const stamps = createStamps(store, ctx, 'AUWHENCREATED');
  const doc = store.insert(side.doc, {
    RECORDTYPE: side.docRecordType,
    RECORDID: recordId,
    DOCNUMBER: str(header, 'DOCNUMBER'),
    [side.partyId]: partyId,
    [side.partyName]: party.NAME ?? null,
    TERMNAME: term,
    WHENCREATED: docDate,
    WHENPOSTED: docDate,
    WHENDUE: due,
    DESCRIPTION: description,
    CURRENCY: currency,
    BASECURR: base,
    EXCH_RATE_DATE: currency === base ? null : docDate,
    EXCH_RATE_TYPE_ID: currency === base ? null : 'Intacct Daily Rate',
    EXCHANGE_RATE: rate,
    TOTALENTERED: baseTotal,
    TOTALPAID: '0',
    TOTALDUE: baseTotal,
    TRX_TOTALENTERED: trxTotal,
    TRX_TOTALPAID: '0',
    TRX_TOTALDUE: trxTotal,
    STATE: 'Posted',
    RAWSTATE: 'A',
    MODULEKEY: side.module,
    GLBATCHKEY: batch.RECORDNO,
    ...(side.doc === 'APBILL'
      ? {
          ONHOLD: str(header, 'ONHOLD') ?? 'false',
          PAYMENTPRIORITY: str(header, 'PAYMENTPRIORITY') ?? 'Normal',
        }
      : {}),
    ...stamps,
    ...mega,
  });
  const itemStamps = createStamps(store, ctx);
  lines.forEach((l, i) => {
    const acct = store.findById('GLACCOUNT', str(l, 'ACCOUNTNO') ?? '');
    const fields: Record<string, string | null | undefined> = {
      RECORDKEY: doc.RECORDNO,
      RECORDTYPE: side.docRecordType,
      LINE_NO: String(i + 1),
      ACCOUNTKEY: acct?.RECORDNO ?? null,
      ACCOUNTNO: str(l, 'ACCOUNTNO'),
      ACCOUNTTITLE: acct?.TITLE ?? null,
      OFFSETGLACCOUNTNO: control,
      OFFSETGLACCOUNTTITLE: store.findById('GLACCOUNT', control)?.TITLE ?? null,
      AMOUNT: baseAmounts[i]!,
      TRX_AMOUNT: trxAmounts[i]!,
      TOTALPAID: '0',
      TRX_TOTALPAID: '0',
      ENTRYDESCRIPTION: str(l, 'ENTRYDESCRIPTION') ?? str(l, 'MEMO'),
      ENTRY_DATE: docDate,
      CURRENCY: currency,
      BASECURR: base,
      EXCHANGE_RATE: rate,
      ...itemStamps,
      ...mega,
    };
    for (const [from] of LINE_TO_GL) fields[from] = str(l, from);
    fields[side.partyId] = partyId;
    const dept = fields.DEPARTMENTID ? store.findById('DEPARTMENT', fields.DEPARTMENTID) : undefined;
    const loc = fields.LOCATIONID ? store.findById('LOCATION', fields.LOCATIONID) : undefined;
    fields.DEPARTMENTNAME = dept?.TITLE ?? null;
    fields.LOCATIONNAME = loc?.NAME ?? null;
    store.insert(side.item, fields);
  });
  return doc;
}

/**
 * Creates a payment applied to documents of one party. Header: party id, PAYMENTMETHOD, RECEIPTDATE
 * (AR) or PAYMENTDATE (AP), FINANCIALENTITY (the entity's checking account) or UNDEPOSITEDACCOUNTNO,
 * optional CURRENCY, DOCNUMBER, DESCRIPTION. Details: RECORDKEY (document RECORDNO), optional ENTRYKEY
 * (a line of it), TRX_PAYMENTAMOUNT. Must run inside a store transaction.
 */
export function postPayment(
  store: SandboxStore,
  side: LedgerSide,
  sessionEntity: string | null,
  header: SandboxFields,
  details: readonly SandboxFields[],
  ctx: BooksContext,
): SandboxRecord {
  const partyId = requireField(header, side.partyId);
  const method = requireField(header, 'PAYMENTMETHOD');
  if (!(PAYMENT_METHODS as readonly string[]).includes(method)) {
    fail(ruleError(`Invalid payment method '${method}'.`, `Use one of: ${PAYMENT_METHODS.join(', ')}.`));
  }
  const dateField =
    side === AR ? 'RECEIPTDATE' : str(header, 'PAYMENTDATE') !== null ? 'PAYMENTDATE' : 'RECEIPTDATE';
  const payDate = requireDate(header, dateField);
  if (details.length === 0)
    fail(ruleError('A payment needs at least one detail line applying it to a document.'));

  // The documents paid, with their owner entity.
  const docs = details.map((d, i) => {
    const key = str(d, 'RECORDKEY');
    if (key === null) fail(ruleError(`Required field RECORDKEY is missing on payment detail ${i + 1}.`));
    const doc = store.get(side.doc, key);
    if (!doc) fail(ruleError(`Invalid ${side.docLabel} key '${key}' specified.`));
    return doc;
  });
  const owners = new Set(docs.map(ownerOf));
  const session = sessionEntity ?? TOP_LEVEL_ID;
  if (owners.size > 1)
    fail(ruleError(`All ${side.docLabel}s paid by one payment must belong to one entity.`));
  const owner = owners.values().next().value ?? session;
  if (session !== TOP_LEVEL_ID && owner !== session) {
    fail(ruleError(`Invalid ${side.docLabel} key '${docs[0]!.RECORDNO}' specified.`));
  }
  const party = dimension(store, side.party, partyId, owner);
  checkOpenPeriod(store, owner, payDate);

  const finEntity = str(header, 'FINANCIALENTITY');
  const undeposited = str(header, 'UNDEPOSITEDACCOUNTNO');
  if ((finEntity === null) === (undeposited === null)) {
    fail(ruleError('Provide exactly one of FINANCIALENTITY or UNDEPOSITEDACCOUNTNO.'));
  }
  let cashAccount: string = CONTROL_ACCOUNTS.cash;
  if (finEntity !== null && finEntity !== bankAccountId(owner)) {
    fail(ruleError(`Invalid bank account '${finEntity}' specified.`, `Use ${bankAccountId(owner)}.`));
  }
  if (undeposited !== null) {
    if (side !== AR || undeposited !== CONTROL_ACCOUNTS.undepositedFunds) {
      fail(ruleError(`Invalid undeposited funds account '${undeposited}' specified.`));
    }
    cashAccount = undeposited;
  }

  const currency = str(header, 'CURRENCY') ?? docs[0]!.CURRENCY ?? store.baseCurrency(owner);
  const base = store.baseCurrency(owner);

  interface Part {
    readonly doc: SandboxRecord;
    readonly item: SandboxRecord;
    readonly trx: string;
    readonly base: string;
  }
  const parts: Part[] = [];
  // Remaining per document/line as we apply several details in one payment.
  const docRemaining = new Map<string, { trx: string; base: string }>();
  const itemRemaining = new Map<string, { trx: string; base: string }>();
  details.forEach((d, i) => {
    const doc = docs[i]!;
    if (doc[side.partyId] !== partyId) {
      fail(
        ruleError(
          `${side.docLabel} ${doc.RECORDID ?? doc.RECORDNO} does not belong to ${side.partyLabel.toLowerCase()} ${partyId}.`,
        ),
      );
    }
    if (doc.CURRENCY !== currency) {
      fail(
        ruleError(
          `The payment currency ${currency} does not match the ${side.docLabel} currency ${doc.CURRENCY}.`,
        ),
      );
    }
    const amount = requireAmount(
      str(d, 'TRX_PAYMENTAMOUNT') ?? str(d, 'PAYMENTAMOUNT'),
      `payment detail ${i + 1}`,
    );
    if (compare(amount, '0') <= 0)
      fail(ruleError(`The payment amount on detail ${i + 1} must be greater than zero.`));
    const dr = docRemaining.get(doc.RECORDNO!) ?? { trx: doc.TRX_TOTALDUE ?? '0', base: doc.TOTALDUE ?? '0' };
    if (compare(amount, dr.trx) > 0) {
      fail(
        ruleError(
          `The payment amount ${amount} exceeds the amount due ${dr.trx} on ${side.docLabel} ${doc.RECORDID ?? doc.RECORDNO}.`,
          'Reduce the payment amount.',
        ),
      );
    }
    const entryKey = str(d, 'ENTRYKEY');
    const items = store.lookup(side.item, 'RECORDKEY', doc.RECORDNO!);
    const candidates = entryKey === null ? items : items.filter((it) => it.RECORDNO === entryKey);
    if (candidates.length === 0)
      fail(ruleError(`Invalid line key '${entryKey ?? ''}' for ${side.docLabel} ${doc.RECORDNO}.`));
    let left = amount;
    for (const item of candidates) {
      if (isZero(left)) break;
      const ir = itemRemaining.get(item.RECORDNO!) ?? {
        trx: sub(item.TRX_AMOUNT ?? '0', item.TRX_TOTALPAID ?? '0'),
        base: sub(item.AMOUNT ?? '0', item.TOTALPAID ?? '0'),
      };
      if (compare(ir.trx, '0') <= 0) continue;
      const take = compare(left, ir.trx) < 0 ? left : ir.trx;
      let takeBase = compare(take, ir.trx) === 0 ? ir.base : multiply(take, doc.EXCHANGE_RATE ?? '1', 2);
      if (compare(takeBase, ir.base) > 0) takeBase = ir.base;
      parts.push({ doc, item, trx: take, base: takeBase });
      itemRemaining.set(item.RECORDNO!, { trx: sub(ir.trx, take), base: sub(ir.base, takeBase) });
      dr.trx = sub(dr.trx, take);
      dr.base = sub(dr.base, takeBase);
      left = sub(left, take);
    }
    if (!isZero(left))
      fail(ruleError(`The payment amount on detail ${i + 1} exceeds the amount due on the line.`));
    docRemaining.set(doc.RECORDNO!, dr);
  });

  const trxTotal = sum(parts.map((p) => p.trx));
  const baseTotal = sum(parts.map((p) => p.base));
  const recordNo = store.peekNextKey(side.payment);
  const docNumber = str(header, 'DOCNUMBER');
  const control = party[side.controlField] ?? side.control;
  const glLines: SandboxFields[] = parts.map((p) => ({
    ACCOUNTNO: control,
    TR_TYPE: side.lineTrType, // AR: credit the receivable; AP: debit the payable
    TRX_AMOUNT: p.trx,
    BASE_AMOUNT: p.base,
    CURRENCY: currency,
    EXCHANGE_RATE: p.doc.EXCHANGE_RATE ?? '1',
    EXCH_RATE_DATE: payDate,
    LOCATION: owner === TOP_LEVEL_ID ? (p.item.LOCATIONID ?? null) : owner,
    [side.partyId]: partyId,
    DOCUMENT: p.doc.RECORDID ?? null,
  }));
  glLines.push({
    ACCOUNTNO: cashAccount,
    TR_TYPE: opposite(side.lineTrType),
    TRX_AMOUNT: trxTotal,
    BASE_AMOUNT: baseTotal,
    CURRENCY: currency,
    EXCHANGE_RATE: docs[0]!.EXCHANGE_RATE ?? '1',
    EXCH_RATE_DATE: payDate,
    LOCATION: owner === TOP_LEVEL_ID ? (parts[0]?.item.LOCATIONID ?? null) : owner,
    [side.partyId]: partyId,
    DOCUMENT: docNumber,
  });
  const batch = postBatch(
    store,
    ctx,
    owner,
    {
      JOURNAL: side.payJournal,
      BATCH_DATE: payDate,
      BATCH_TITLE: `${side.partyLabel} payment ${docNumber ?? recordNo} - ${party.NAME ?? partyId}`,
      MODULE: side.module,
      REFERENCENO: docNumber,
    },
    glLines,
    { allowControlAccounts: true },
  );

  const mega = megaFields(store, owner);
  const payment = store.insert(side.payment, {
    RECORDTYPE: side.payRecordType,
    RECORDID: docNumber,
    DOCNUMBER: docNumber,
    [side.partyId]: partyId,
    [side.partyName]: party.NAME ?? null,
    FINANCIALENTITY: finEntity,
    PAYMENTMETHOD: method,
    WHENCREATED: payDate,
    RECEIPTDATE: payDate,
    PAYMENTDATE: str(header, 'PAYMENTDATE') ?? payDate,
    WHENPAID: payDate,
    DESCRIPTION: str(header, 'DESCRIPTION'),
    CURRENCY: currency,
    BASECURR: base,
    EXCH_RATE_DATE: currency === base ? null : payDate,
    EXCHANGE_RATE: docs[0]!.EXCHANGE_RATE ?? '1',
    TOTALENTERED: baseTotal,
    TOTALPAID: baseTotal,
    TRX_TOTALENTERED: trxTotal,
    TRX_TOTALPAID: trxTotal,
    STATE: 'Complete',
    RAWSTATE: 'C',
    MODULEKEY: side.module,
    GLBATCHKEY: batch.RECORDNO,
    ...createStamps(store, ctx, 'AUWHENCREATED'),
    ...mega,
  });
  const detailStamps = createStamps(store, ctx);
  const modified = modifyStamps(store, ctx);
  for (const p of parts) {
    store.insert(side.detail, {
      PAYMENTKEY: payment.RECORDNO,
      PAYMENTDATE: payDate,
      RECORDKEY: p.doc.RECORDNO,
      ENTRYKEY: p.item.RECORDNO,
      PAYMENTAMOUNT: p.base,
      TRX_PAYMENTAMOUNT: p.trx,
      CURRENCY: currency,
      BASECURR: base,
      ...detailStamps,
      ...mega,
    });
    const item = store.get(side.item, p.item.RECORDNO!)!;
    store.update(side.item, p.item.RECORDNO!, {
      TOTALPAID: sum([item.TOTALPAID ?? '0', p.base]),
      TRX_TOTALPAID: sum([item.TRX_TOTALPAID ?? '0', p.trx]),
      ...modified,
    });
  }
  for (const doc of new Map(docs.map((d) => [d.RECORDNO!, d])).values())
    refreshDocTotals(store, side, doc.RECORDNO!, modified, payDate);
  return payment;
}

/** Recomputes a document's paid/due totals and state from its lines. */
function refreshDocTotals(
  store: SandboxStore,
  side: LedgerSide,
  docKey: string,
  modified: SandboxFields,
  paidDate: string | null,
): void {
  const doc = store.get(side.doc, docKey)!;
  const items = store.lookup(side.item, 'RECORDKEY', docKey);
  const paid = sum(items.map((i) => i.TOTALPAID ?? '0'));
  const trxPaid = sum(items.map((i) => i.TRX_TOTALPAID ?? '0'));
  const due = sub(doc.TOTALENTERED ?? '0', paid);
  const trxDue = sub(doc.TRX_TOTALENTERED ?? '0', trxPaid);
  const state = isZero(trxPaid) ? 'Posted' : isZero(trxDue) ? 'Paid' : 'Partially Paid';
  store.update(side.doc, docKey, {
    TOTALPAID: paid,
    TOTALDUE: due,
    TRX_TOTALPAID: trxPaid,
    TRX_TOTALDUE: trxDue,
    STATE: state,
    RAWSTATE: state === 'Paid' ? 'P' : 'A',
    WHENPAID: state === 'Paid' ? paidDate : null,
    ...modified,
  });
}

/** Deletes a document with no payments applied, with its lines and GL batch. Inside a transaction. */
export function deleteDocument(store: SandboxStore, side: LedgerSide, doc: SandboxRecord): void {
  if (!isZero(doc.TRX_TOTALPAID ?? '0')) {
    fail(
      ruleError(
        `${side.docLabel} ${doc.RECORDID ?? doc.RECORDNO} has payments applied and cannot be deleted.`,
        'Reverse or delete the payments first.',
      ),
    );
  }
  checkOpenPeriod(store, ownerOf(doc), doc.WHENCREATED ?? '');
  for (const item of [...store.lookup(side.item, 'RECORDKEY', doc.RECORDNO!)])
    store.remove(side.item, item.RECORDNO!);
  const batch = doc.GLBATCHKEY ? store.get('GLBATCH', doc.GLBATCHKEY) : undefined;
  if (batch) removeBatch(store, batch);
  store.remove(side.doc, doc.RECORDNO!);
}

/** Deletes a payment: un-applies it from its documents, removes its details and GL batch. */
export function deletePayment(
  store: SandboxStore,
  side: LedgerSide,
  payment: SandboxRecord,
  ctx: BooksContext,
): void {
  checkOpenPeriod(store, ownerOf(payment), payment.WHENCREATED ?? '');
  const modified = modifyStamps(store, ctx);
  const docKeys = new Set<string>();
  for (const d of [...store.lookup(side.detail, 'PAYMENTKEY', payment.RECORDNO!)]) {
    const item = d.ENTRYKEY ? store.get(side.item, d.ENTRYKEY) : undefined;
    if (item) {
      store.update(side.item, item.RECORDNO!, {
        TOTALPAID: sub(item.TOTALPAID ?? '0', d.PAYMENTAMOUNT ?? '0'),
        TRX_TOTALPAID: sub(item.TRX_TOTALPAID ?? '0', d.TRX_PAYMENTAMOUNT ?? '0'),
        ...modified,
      });
    }
    if (d.RECORDKEY) docKeys.add(d.RECORDKEY);
    store.remove(side.detail, d.RECORDNO!);
  }
  for (const key of docKeys) if (store.get(side.doc, key)) refreshDocTotals(store, side, key, modified, null);
  const batch = payment.GLBATCHKEY ? store.get('GLBATCH', payment.GLBATCHKEY) : undefined;
  if (batch) removeBatch(store, batch);
  store.remove(side.payment, payment.RECORDNO!);
}
