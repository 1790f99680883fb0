/**
 * Purchasing transactions (what `create_potransaction` does): a PODOCUMENT header with its
 * PODOCUMENTENTRY lines. A purchase order posts nothing to the GL, so it has no period check and no
 * GL batch. Rules follow developer.intacct.com/api/purchasing/purchasing-transactions/:
 * transactiontype, datecreated and vendorid required; a due date or a term; at least one line with
 * itemid and quantity; locationid required on each line in a multi-entity company.
 */
import { isDecimal, multiply, sum } from '../../core/decimal.ts';
import type { SandboxFields, SandboxRecord, SandboxStore } from '../store.ts';
import { TOP_LEVEL_ID } from '../store.ts';
import {
  type BooksContext,
  TERMS,
  addDays,
  createStamps,
  dimension,
  fail,
  isIsoDate,
  megaFields,
  requireField,
  ruleError,
  str,
} from './common.ts';

/** Transaction definitions the sandbox company has for purchasing. */
export const PO_TRANSACTION_TYPES = ['Purchase Requisition', 'Purchase Order', 'Vendor Invoice'] as const;

/**
 * UNCONFIRMED: whether a `documentno` given to a definition with auto numbering is kept. `given`
 * keeps it; `auto` numbers every document itself and ignores it.
 */
export type PoNumbering = 'given' | 'auto';

export function createPurchasingTransaction(
  store: SandboxStore,
  entity: string | null,
  header: SandboxFields,
  lines: readonly SandboxFields[],
  numbering: PoNumbering,
  ctx: BooksContext,
): SandboxRecord {
  const owner = entity ?? TOP_LEVEL_ID;
  const type = requireField(header, 'DOCPARID', 'transactiontype');
  if (!(PO_TRANSACTION_TYPES as readonly string[]).includes(type))
    fail(ruleError(`Invalid transaction definition '${type}' specified.`));
  const date = requireField(header, 'WHENCREATED', 'datecreated');
  const vendorId = requireField(header, 'CUSTVENDID', 'vendorid');
  const vendor = dimension(store, 'VENDOR', vendorId, owner);
  const term = str(header, 'TERM.NAME');
  if (term !== null && TERMS[term] === undefined) fail(ruleError(`Invalid Term '${term}' specified.`));
  const due = str(header, 'WHENDUE') ?? (term !== null ? addDays(date, TERMS[term] ?? 0) : null);
  if (due === null) fail(ruleError('Required field datedue is missing.', 'Give datedue or termname.'));
  if (!isIsoDate(due)) fail(ruleError(`Invalid date '${due}' for datedue.`));
  const currency = str(header, 'CURRENCY') ?? store.baseCurrency(owner);
  if (!store.findById('TRXCURRENCIES', currency))
    fail(ruleError(`Invalid currency '${currency}' specified.`));
  if (lines.length === 0)
    fail(ruleError('Required field potransitems is missing.', 'Give at least one line.'));
  const given = str(header, 'DOCNO');
  const docNo =
    numbering === 'given' && given !== null
      ? given
      : `PO-${String(store.list('PODOCUMENT').length + 1).padStart(6, '0')}`;
  const docId = `${type}-${docNo}`;
  if (store.findById('PODOCUMENT', docId)) {
    fail({
      errorno: 'BL34000061',
      description: '',
      description2: `Another document with the given value(s) ${docId}  already exists`,
      correction: 'Use a unique value instead.',
    });
  }
  const priced = lines.map((l, i) => {
    const at = `Line ${i + 1}`;
    const itemId = requireField(l, 'ITEMID', `${at}: itemid`);
    dimension(store, 'ITEM', itemId, owner);
    const quantity = requireField(l, 'QUANTITY', `${at}: quantity`);
    const price = str(l, 'PRICE') ?? '0';
    if (!isDecimal(quantity)) fail(ruleError(`${at}: invalid quantity '${quantity}'.`));
    if (!isDecimal(price)) fail(ruleError(`${at}: invalid price '${price}'.`));
    const location = str(l, 'LOCATIONID');
    if (location === null)
      fail(ruleError('Use of empty Location is invalid. A valid Multi-Entity Location must be specified.'));
    dimension(store, 'LOCATION', location, owner);
    const department = str(l, 'DEPARTMENTID');
    if (department !== null) dimension(store, 'DEPARTMENT', department, owner);
    const project = str(l, 'PROJECTID');
    if (project !== null) dimension(store, 'PROJECT', project, owner);
    const cls = str(l, 'CLASSID');
    if (cls !== null) dimension(store, 'CLASS', cls, owner);
    return { line: l, itemId, quantity, price, value: multiply(price, quantity, 2) };
  });
  const total = sum(priced.map((p) => p.value));
  const created = store.insert('PODOCUMENT', {
    DOCNO: docNo,
    DOCID: docId,
    DOCPARID: type,
    STATE: str(header, 'STATE') ?? 'Pending',
    WHENCREATED: date,
    WHENDUE: due,
    CUSTVENDID: vendorId,
    CUSTVENDNAME: vendor.NAME ?? null,
    PONUMBER: str(header, 'PONUMBER'),
    VENDORDOCNO: str(header, 'VENDORDOCNO'),
    'TERM.NAME': term,
    MESSAGE: str(header, 'MESSAGE'),
    CURRENCY: currency,
    BASECURR: store.baseCurrency(owner),
    EXCHRATE: '1',
    SUBTOTAL: total,
    TOTAL: total,
    TRX_SUBTOTAL: total,
    TRX_TOTAL: total,
    ...createStamps(store, ctx, 'AUWHENCREATED'),
    ...megaFields(store, owner),
  });
  priced.forEach((p, i) => {
    store.insert('PODOCUMENTENTRY', {
      DOCHDRNO: created.RECORDNO,
      DOCHDRID: docId,
      LINE_NO: String(i + 1),
      ITEMID: p.itemId,
      ITEMDESC: str(p.line, 'ITEMDESC') ?? p.itemId,
      UNIT: str(p.line, 'UNIT') ?? 'Each',
      QUANTITY: p.quantity,
      PRICE: p.price,
      TRX_PRICE: p.price,
      VALUE: p.value,
      TRX_VALUE: p.value,
      LOCATIONID: str(p.line, 'LOCATIONID'),
      DEPARTMENTID: str(p.line, 'DEPARTMENTID'),
      PROJECTID: str(p.line, 'PROJECTID'),
      CLASSID: str(p.line, 'CLASSID'),
      MEMO: str(p.line, 'MEMO'),
      ...createStamps(store, ctx),
      ...megaFields(store, owner),
    });
  });
  return created;
}
