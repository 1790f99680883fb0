/**
 * The general ledger: validating and posting a batch of lines (GLBATCH + GLENTRY, and GLDETAIL for
 * posted batches). Journal entries and every subledger document go through `postBatch`, so the same
 * rules (balance, accounts, dimensions, closed periods, currencies) hold everywhere.
 */
import { compare, fromUnits, multiply, toUnits } from '../../core/decimal.ts';
import type { SandboxFields, SandboxRecord, SandboxStore } from '../store.ts';
import { TOP_LEVEL_ID } from '../store.ts';
import {
  type BooksContext,
  type DimensionKind,
  JOURNALS,
  account,
  checkOpenPeriod,
  createStamps,
  dimension,
  exchangeRate,
  fail,
  isIsoDate,
  megaFields,
  money,
  requireAmount,
  ruleError,
  str,
  usDate,
} from './common.ts';

/** GL line dimension fields as GLENTRY names them, with the dimension they reference. */
export const GL_DIMENSION_FIELDS = [
  ['DEPARTMENT', 'DEPARTMENT'],
  ['LOCATION', 'LOCATION'],
  ['PROJECTID', 'PROJECT'],
  ['TASKID', 'TASK'],
  ['CUSTOMERID', 'CUSTOMER'],
  ['VENDORID', 'VENDOR'],
  ['EMPLOYEEID', 'EMPLOYEE'],
  ['ITEMID', 'ITEM'],
  ['CLASSID', 'CLASS'],
  ['GLDIMFUND', 'FUND'],
] as const satisfies readonly (readonly [string, DimensionKind])[];

/** Account flags that make a dimension mandatory on a line. */
const REQUIRED_BY_ACCOUNT = [
  ['REQUIREDEPT', 'DEPARTMENT', 'Department'],
  ['REQUIREPROJECT', 'PROJECTID', 'Project'],
  ['REQUIRECUSTOMER', 'CUSTOMERID', 'Customer'],
  ['REQUIREVENDOR', 'VENDORID', 'Vendor'],
  ['REQUIREEMPLOYEE', 'EMPLOYEEID', 'Employee'],
  ['REQUIREITEM', 'ITEMID', 'Item'],
  ['REQUIRECLASS', 'CLASSID', 'Class'],
  ['REQUIREGLDIMFUND', 'GLDIMFUND', 'Fund'],
] as const;

export const MODULES = { gl: '2.GL', ap: '3.AP', ar: '4.AR' } as const;

export interface BatchHeader {
  readonly JOURNAL: string;
  readonly BATCH_DATE: string;
  readonly BATCH_TITLE: string;
  readonly REFERENCENO?: string | null;
  readonly STATE?: string | null;
  readonly REVERSEDATE?: string | null;
  readonly HISTORY_COMMENT?: string | null;
  readonly SUPDOCID?: string | null;
  readonly BASELOCATION_NO?: string | null;
  readonly TRANSACTIONSOURCE?: string | null;
  readonly MODULE?: string;
}

export interface PostOptions {
  /** Subledger postings may hit control accounts; manual journal entries may not. */
  readonly allowControlAccounts: boolean;
  /** Reuse this GLBATCH RECORDNO (an update re-posting its lines). */
  readonly existingBatch?: SandboxRecord;
}

/** A validated line, ready to store. */
interface ReadyLine {
  readonly fields: Record<string, string | null>;
  readonly account: SandboxRecord;
  readonly dims: Partial<Record<DimensionKind, SandboxRecord>>;
}

const batchNumbers = new WeakMap<SandboxStore, Map<string, number>>();

function nextBatchNo(store: SandboxStore, owner: string, journal: string): string {
  let m = batchNumbers.get(store);
  if (!m) {
    m = new Map();
    batchNumbers.set(store, m);
  }
  const key = `${owner}|${journal}`;
  const n = (m.get(key) ?? 0) + 1;
  m.set(key, n);
  return String(n);
}

/**
 * The entity that owns a batch: the session's entity, or (at the top level) the one entity all line
 * locations belong to.
 */
export function resolveOwner(
  store: SandboxStore,
  sessionEntity: string | null,
  lines: readonly SandboxFields[],
) {
  const session = sessionEntity ?? TOP_LEVEL_ID;
  if (session !== TOP_LEVEL_ID) {
    if (!store.entity(session)) fail(ruleError(`Invalid entity '${session}'.`));
    return session;
  }
  const owners = new Set<string>();
  for (const line of lines) {
    const loc = str(line, 'LOCATION');
    if (loc === null) continue;
    const rec = store.findById('LOCATION', loc);
    if (rec?.ENTITY) owners.add(rec.ENTITY);
  }
  if (owners.size > 1) {
    fail(
      ruleError(
        'The entries of this transaction belong to more than one entity. Post one transaction per entity, ' +
          'or balance each entity with intercompany accounts.',
      ),
    );
  }
  return owners.values().next().value ?? TOP_LEVEL_ID;
}

function validateLine(
  store: SandboxStore,
  owner: string,
  batchDate: string,
  line: SandboxFields,
  index: number,
  opts: PostOptions,
): ReadyLine {
  const n = index + 1;
  const accountNo = str(line, 'ACCOUNTNO');
  if (accountNo === null) fail(ruleError(`Required field ACCOUNTNO is missing on line ${n}.`));
  const acct = account(store, accountNo);
  if (!opts.allowControlAccounts && acct.SUBLEDGERCONTROLON === 'true') {
    fail(
      ruleError(
        `Account ${accountNo} is a subledger control account. Direct posting to it is not allowed.`,
        'Post to this account through its subledger (AR or AP).',
      ),
    );
  }
  const trType = str(line, 'TR_TYPE');
  if (trType !== '1' && trType !== '-1') {
    fail(ruleError(`Invalid TR_TYPE '${trType ?? ''}' on line ${n}. Use 1 for a debit or -1 for a credit.`));
  }
  const trxAmount = requireAmount(str(line, 'TRX_AMOUNT') ?? str(line, 'AMOUNT'), `line ${n}`);
  if (trxAmount.startsWith('-')) fail(ruleError(`The amount on line ${n} cannot be negative.`));

  if (str(line, 'LOCATION') === null) {
    fail(
      ruleError(
        'Use of empty Location is invalid. A valid Multi-Entity Location must be specified.',
        'Provide a location that belongs to the entity.',
      ),
    );
  }
  const dims: Partial<Record<DimensionKind, SandboxRecord>> = {};
  for (const [fieldName, kind] of GL_DIMENSION_FIELDS) {
    const id = str(line, fieldName);
    if (id !== null) dims[kind] = dimension(store, kind, id, owner);
  }
  if (dims.TASK && dims.TASK.PROJECTID !== (dims.PROJECT?.PROJECTID ?? null)) {
    fail(
      ruleError(
        `Invalid Task '${dims.TASK.TASKID}' specified for project '${str(line, 'PROJECTID') ?? ''}'.`,
      ),
    );
  }
  for (const [flag, fieldName, label] of REQUIRED_BY_ACCOUNT) {
    if (acct[flag] === 'true' && str(line, fieldName) === null) {
      fail(ruleError(`The account ${accountNo} requires a ${label}. Provide a ${label} on line ${n}.`));
    }
  }

  const base = store.baseCurrency(owner);
  const currency = str(line, 'CURRENCY') ?? base;
  if (!store.findById('TRXCURRENCIES', currency))
    fail(ruleError(`Invalid currency '${currency}' specified.`));
  let rate = str(line, 'EXCHANGE_RATE');
  const rateDate = str(line, 'EXCH_RATE_DATE') ?? batchDate;
  if (!isIsoDate(rateDate)) fail(ruleError(`Invalid date '${rateDate}' for EXCH_RATE_DATE.`));
  if (currency === base) rate = '1';
  else if (rate === null) {
    rate = exchangeRate(store, currency, base, rateDate);
    if (rate === null) {
      fail(ruleError(`No exchange rate from ${currency} to ${base} is available for ${usDate(rateDate)}.`));
    }
  } else rate = money4(rate);
  const baseAmount = str(line, 'BASE_AMOUNT') ?? (rate === '1' ? trxAmount : multiply(trxAmount, rate, 2));

  const fields: Record<string, string | null> = {
    ACCOUNTNO: accountNo,
    ACCOUNTKEY: acct.RECORDNO ?? null,
    ACCOUNTTITLE: acct.TITLE ?? null,
    TR_TYPE: trType,
    TRX_AMOUNT: trxAmount,
    AMOUNT: baseAmount,
    CURRENCY: currency,
    BASECURR: base,
    EXCH_RATE_DATE: currency === base ? null : rateDate,
    EXCH_RATE_TYPE_ID: currency === base ? null : (str(line, 'EXCH_RATE_TYPE_ID') ?? 'Intacct Daily Rate'),
    EXCHANGE_RATE: currency === base ? '1' : rate,
    DESCRIPTION: str(line, 'DESCRIPTION') ?? str(line, 'MEMO'),
    DOCUMENT: str(line, 'DOCUMENT'),
    BILLABLE: str(line, 'BILLABLE') === 'true' ? 'true' : 'false',
  };
  for (const [fieldName] of GL_DIMENSION_FIELDS) fields[fieldName] = str(line, fieldName);
  return { fields, account: acct, dims };
}

function money4(rate: string): string {
  const r = multiply(rate, '1', 4);
  if (compare(r, '0') <= 0) fail(ruleError(`Invalid exchange rate '${rate}'.`));
  return r;
}

/** Checks debits = credits per transaction currency and in base; absorbs base rounding pennies. */
function balance(lines: ReadyLine[]): string {
  // Amounts are parsed once into units (1e-9) and compared as BigInt: this runs for every GL line.
  const trx = new Map<string, bigint>();
  let dr = 0n;
  let cr = 0n;
  const base: bigint[] = [];
  for (const l of lines) {
    const c = l.fields.CURRENCY!;
    const t = toUnits(l.fields.TRX_AMOUNT!);
    const b = toUnits(l.fields.AMOUNT!);
    base.push(b);
    const debit = l.fields.TR_TYPE === '1';
    trx.set(c, (trx.get(c) ?? 0n) + (debit ? t : -t));
    if (debit) dr += b;
    else cr += b;
  }
  const multiCurrency = trx.size > 1;
  if (!multiCurrency) {
    for (const [, net] of trx) {
      if (net !== 0n) {
        let tdr = 0n;
        for (const l of lines) if (l.fields.TR_TYPE === '1') tdr += toUnits(l.fields.TRX_AMOUNT!);
        notBalanced(fromUnits(tdr, 2), fromUnits(tdr - net, 2));
      }
    }
  }
  const diff = dr - cr;
  if (diff === 0n) return fromUnits(dr, 2);
  // Per-line rounding to 2 decimals can leave pennies in base; Intacct books them to the largest line.
  const cent = 10_000_000n;
  const absDiff = diff < 0n ? -diff : diff;
  if (multiCurrency || absDiff > cent * BigInt(lines.length)) notBalanced(fromUnits(dr, 2), fromUnits(cr, 2));
  const shortSide = dr < cr ? '1' : '-1';
  let target = -1;
  lines.forEach((l, i) => {
    if (l.fields.TR_TYPE === shortSide && (target < 0 || base[i]! > base[target]!)) target = i;
  });
  const line = lines[target];
  if (!line) notBalanced(fromUnits(dr, 2), fromUnits(cr, 2));
  line.fields.AMOUNT = fromUnits(base[target]! + absDiff, 2);
  return fromUnits(dr > cr ? dr : cr, 2);
}

function notBalanced(dr: string, cr: string): never {
  fail(
    ruleError(
      `The transaction is not balanced. Total debits (${dr}) must equal total credits (${cr}).`,
      'Make sure the debits and credits of the entry are equal.',
    ),
  );
}

/**
 * Validates and stores a batch. Must run inside a store transaction (a failure throws BooksFailure
 * and the caller's transaction undoes any partial work). Returns the GLBATCH record.
 */
export function postBatch(
  store: SandboxStore,
  ctx: BooksContext,
  sessionEntity: string | null,
  header: BatchHeader,
  lines: readonly SandboxFields[],
  opts: PostOptions,
): SandboxRecord {
  if (!(header.JOURNAL in JOURNALS)) fail(ruleError(`Invalid Journal '${header.JOURNAL}' specified.`));
  if (!isIsoDate(header.BATCH_DATE)) fail(ruleError(`Invalid date '${header.BATCH_DATE}' for BATCH_DATE.`));
  if (lines.length < 2) fail(ruleError('A journal entry needs at least two entries (a debit and a credit).'));
  const state = header.STATE ?? 'Posted';
  if (state !== 'Posted' && state !== 'Draft')
    fail(ruleError(`Invalid STATE '${state}'. Use Posted or Draft.`));
  const owner = opts.existingBatch
    ? (opts.existingBatch.MEGAENTITYID ?? TOP_LEVEL_ID)
    : resolveOwner(store, sessionEntity, lines);
  checkOpenPeriod(store, owner, header.BATCH_DATE);
  const ready = lines.map((l, i) => validateLine(store, owner, header.BATCH_DATE, l, i, opts));
  const debitTotal = balance(ready);

  const mega = megaFields(store, owner);
  const module = header.MODULE ?? MODULES.gl;
  const entity = store.entity(owner);
  const headerFields: SandboxFields = {
    JOURNAL: header.JOURNAL,
    BATCH_DATE: header.BATCH_DATE,
    BATCH_TITLE: header.BATCH_TITLE,
    BALANCE: debitTotal,
    MODULE: module,
    REFERENCENO: header.REFERENCENO ?? null,
    REVERSEDATE: header.REVERSEDATE ?? null,
    HISTORY_COMMENT: header.HISTORY_COMMENT ?? null,
    SUPDOCID: header.SUPDOCID ?? null,
    BASELOCATION: owner === TOP_LEVEL_ID ? null : owner,
    BASELOCATION_NO:
      header.BASELOCATION_NO ?? (entity && entity.recordNo > 0 ? String(entity.recordNo) : null),
    STATE: state,
    TRANSACTIONSOURCE: header.TRANSACTIONSOURCE ?? null,
    ADJ: header.JOURNAL === 'ADJ' ? 'true' : 'false',
    STATISTICAL: 'false',
    'USERINFO.LOGINID': ctx.userId ?? 'WS_USER',
  };

  let batch: SandboxRecord;
  if (opts.existingBatch) {
    removeBatchLines(store, opts.existingBatch);
    batch = store.update('GLBATCH', opts.existingBatch.RECORDNO!, {
      ...headerFields,
      WHENMODIFIED: createStamps(store, ctx).WHENMODIFIED ?? null,
      MODIFIEDBY: ctx.userKey ?? '1',
    });
  } else {
    batch = store.insert('GLBATCH', {
      ...headerFields,
      BATCHNO: nextBatchNo(store, owner, header.JOURNAL),
      ...createStamps(store, ctx),
      ...mega,
    });
  }
  insertLines(store, batch, ready);
  return batch;
}

function insertLines(store: SandboxStore, batch: SandboxRecord, lines: readonly ReadyLine[]): void {
  const posted = batch.STATE === 'Posted';
  lines.forEach((l, i) => {
    // The validated line object is ours alone: complete it in place rather than copying it.
    const f = l.fields;
    f.BATCHNO = batch.RECORDNO ?? null;
    f.LINE_NO = String(i + 1);
    f.ENTRY_DATE = batch.BATCH_DATE ?? null;
    f.STATE = batch.STATE ?? null;
    f.WHENCREATED = batch.WHENCREATED ?? null;
    f.WHENMODIFIED = batch.WHENMODIFIED ?? null;
    f.CREATEDBY = batch.CREATEDBY ?? null;
    f.MODIFIEDBY = batch.MODIFIEDBY ?? null;
    f.MEGAENTITYKEY = batch.MEGAENTITYKEY ?? null;
    f.MEGAENTITYID = batch.MEGAENTITYID ?? null;
    f.MEGAENTITYNAME = batch.MEGAENTITYNAME ?? null;
    const entry = store.insert('GLENTRY', f);
    if (posted) store.insert('GLDETAIL', detailFields(batch, entry, l.account, l.dims));
  });
}

/** GLDETAIL row for a posted entry: the line joined with its batch, account and dimension names. */
export function detailFields(
  batch: SandboxRecord,
  entry: SandboxRecord,
  acct: SandboxRecord,
  dims: Partial<Record<DimensionKind, SandboxRecord>>,
): SandboxFields {
  const debit = entry.TR_TYPE === '1';
  const amount = entry.AMOUNT ?? '0';
  const trx = entry.TRX_AMOUNT ?? '0';
  return {
    RECORDNO: entry.RECORDNO,
    BATCHKEY: batch.RECORDNO,
    BATCH_NO: batch.BATCHNO,
    BATCH_DATE: batch.BATCH_DATE,
    BATCH_TITLE: batch.BATCH_TITLE,
    BATCH_STATE: batch.STATE,
    SYMBOL: batch.JOURNAL,
    BOOKID: 'ACCRUAL',
    MODULEKEY: batch.MODULE,
    RECORDTYPE: null,
    RECORDID: null,
    DOCNUMBER: null,
    REFERENCENO: batch.REFERENCENO,
    LINE_NO: entry.LINE_NO,
    ENTRY_DATE: entry.ENTRY_DATE,
    TR_TYPE: entry.TR_TYPE,
    DOCUMENT: entry.DOCUMENT,
    DESCRIPTION: entry.DESCRIPTION,
    ACCOUNTNO: entry.ACCOUNTNO,
    ACCOUNTTITLE: acct.TITLE,
    ACCOUNTTYPE: acct.ACCOUNTTYPE,
    NORMALBALANCE: acct.NORMALBALANCE,
    AMOUNT: amount,
    DEBITAMOUNT: debit ? amount : '0',
    CREDITAMOUNT: debit ? '0' : amount,
    TRX_AMOUNT: trx,
    TRX_DEBITAMOUNT: debit ? trx : '0',
    TRX_CREDITAMOUNT: debit ? '0' : trx,
    CURRENCY: entry.CURRENCY,
    BASECURR: entry.BASECURR,
    EXCH_RATE_DATE: entry.EXCH_RATE_DATE,
    EXCHANGE_RATE: entry.EXCHANGE_RATE,
    DEPARTMENTID: entry.DEPARTMENT,
    DEPARTMENTTITLE: dims.DEPARTMENT?.TITLE ?? null,
    LOCATIONID: entry.LOCATION,
    LOCATIONNAME: dims.LOCATION?.NAME ?? null,
    PROJECTID: entry.PROJECTID,
    PROJECTNAME: dims.PROJECT?.NAME ?? null,
    TASKID: entry.TASKID,
    CLASSID: entry.CLASSID,
    CLASSNAME: dims.CLASS?.NAME ?? null,
    CUSTOMERID: entry.CUSTOMERID,
    CUSTOMERNAME: dims.CUSTOMER?.NAME ?? null,
    VENDORID: entry.VENDORID,
    VENDORNAME: dims.VENDOR?.NAME ?? null,
    EMPLOYEEID: entry.EMPLOYEEID,
    EMPLOYEENAME: dims.EMPLOYEE?.CONTACT_NAME ?? null,
    ITEMID: entry.ITEMID,
    ITEMNAME: dims.ITEM?.NAME ?? null,
    GLDIMFUND: entry.GLDIMFUND,
    STATE: batch.STATE,
    ENTRY_STATE: entry.STATE,
    ENTRYDESCRIPTION: entry.DESCRIPTION,
    STATISTICAL: batch.STATISTICAL ?? 'false',
    ADJ: batch.ADJ ?? 'false',
    // GL lines carry a creation date, not a timestamp (the UTC day of the line's creation).
    WHENCREATED: entry.WHENCREATED?.slice(0, 10) ?? null,
    WHENMODIFIED: entry.WHENMODIFIED,
    CREATEDBY: entry.CREATEDBY,
    MODIFIEDBY: entry.MODIFIEDBY,
    MEGAENTITYKEY: entry.MEGAENTITYKEY,
    MEGAENTITYID: entry.MEGAENTITYID,
    MEGAENTITYNAME: entry.MEGAENTITYNAME,
  };
}

/** The GLENTRY records of a batch, in line order (a copy: safe to iterate while removing). */
export function batchEntries(store: SandboxStore, batch: SandboxRecord): SandboxRecord[] {
  return [...store.lookup('GLENTRY', 'BATCHNO', batch.RECORDNO ?? '')];
}

/** Removes a batch's GLENTRY and GLDETAIL rows (not the batch itself). */
export function removeBatchLines(store: SandboxStore, batch: SandboxRecord): void {
  for (const e of batchEntries(store, batch)) {
    store.remove('GLENTRY', e.RECORDNO!);
    if (store.get('GLDETAIL', e.RECORDNO!)) store.remove('GLDETAIL', e.RECORDNO!);
  }
}

/** Removes a batch with its lines. */
export function removeBatch(store: SandboxStore, batch: SandboxRecord): void {
  removeBatchLines(store, batch);
  store.remove('GLBATCH', batch.RECORDNO!);
}

/**
 * Re-stamps a batch's header fields on its lines (after a header update): GLENTRY and GLDETAIL get the
 * new WHENMODIFIED and the batch fields GLDETAIL repeats. Posting a draft creates its GLDETAIL rows.
 */
export function restampBatchLines(store: SandboxStore, batch: SandboxRecord): void {
  for (const e of batchEntries(store, batch)) {
    const entry = store.update('GLENTRY', e.RECORDNO!, {
      WHENMODIFIED: batch.WHENMODIFIED,
      MODIFIEDBY: batch.MODIFIEDBY,
      STATE: batch.STATE,
      ENTRY_DATE: batch.BATCH_DATE,
    });
    const detail = store.get('GLDETAIL', e.RECORDNO!);
    if (batch.STATE === 'Posted') {
      const acct = store.findById('GLACCOUNT', entry.ACCOUNTNO ?? '');
      if (!acct) continue;
      const dims = lineDims(store, entry);
      const fields = detailFields(batch, entry, acct, dims);
      if (detail) store.update('GLDETAIL', e.RECORDNO!, { ...fields, RECORDNO: undefined });
      else store.insert('GLDETAIL', fields);
    } else if (detail) {
      store.remove('GLDETAIL', e.RECORDNO!);
    }
  }
}

function lineDims(store: SandboxStore, entry: SandboxRecord): Partial<Record<DimensionKind, SandboxRecord>> {
  const dims: Partial<Record<DimensionKind, SandboxRecord>> = {};
  for (const [fieldName, kind] of GL_DIMENSION_FIELDS) {
    const id = entry[fieldName];
    if (!id) continue;
    const rec = store.findById(kind === 'DEPARTMENT' ? 'DEPARTMENT' : kind, id);
    if (rec) dims[kind] = rec;
  }
  return dims;
}

/** Amount helper for subledgers: the base amount of `trx` at `rate`. */
export function toBase(trx: string, rate: string): string {
  return multiply(trx, rate, 2);
}

export { money };
