/**
 * The sandbox's business rules, shared by the generator and the protocol's write functions. Every
 * function is all-or-nothing (a store transaction) and answers `{ ok: true, record }` or
 * `{ ok: false, errors }` with the errors shaped as Intacct reports them.
 *
 * Inputs are upper-case Intacct field names with canonical values: dates 'YYYY-MM-DD', decimals as
 * strings, booleans 'true'/'false'. The protocol converts MM/DD/YYYY and legacy element names
 * (create_invoice's glaccountno, amount, memo, locationid...) before calling.
 */
import { objectDef } from './catalog.ts';
import {
  type BooksContext,
  type BooksResult,
  type IntacctErrorSpec,
  CONTROL_ACCOUNTS,
  JOURNALS,
  TERMS,
  auditDelete,
  checkOpenPeriod,
  couldNotCreate,
  couldNotDelete,
  couldNotUpdate,
  createStamps,
  fail,
  isIsoDate,
  megaFields,
  modifyStamps,
  ownerOf,
  requireDate,
  requireField,
  ruleError,
  runWrite,
  str,
} from './books/common.ts';
import { MODULES, batchEntries, postBatch, restampBatchLines } from './books/gl.ts';
import { AP, AR, deleteDocument, deletePayment, postDocument, postPayment } from './books/subledger.ts';
import type { SandboxFields, SandboxRecord, SandboxStore } from './store.ts';
import { TOP_LEVEL_ID } from './store.ts';

export type { BooksContext, BooksResult, IntacctErrorSpec } from './books/common.ts';
export { CONTROL_ACCOUNTS, JOURNALS, TERMS, bankAccountId, exchangeRate } from './books/common.ts';
export { PAYMENT_METHODS } from './books/subledger.ts';

/** Journals a manual journal entry may use (the others belong to the AR/AP subledgers). */
export const MANUAL_JOURNALS = ['GJ', 'ADJ', 'PYJ', 'ICJ', 'FXJ'] as const;

/** Objects with generic update/delete. */
export const WRITABLE_OBJECTS = ['GLBATCH', 'ARINVOICE', 'APBILL', 'CUSTOMER', 'VENDOR', 'ARPYMT'] as const;
export type WritableObject = (typeof WRITABLE_OBJECTS)[number];

/**
 * GLBATCH create. Header: JOURNAL, BATCH_DATE, BATCH_TITLE (required), REFERENCENO, STATE (Posted |
 * Draft), REVERSEDATE, HISTORY_COMMENT, SUPDOCID, BASELOCATION_NO. Lines (GLENTRY names): ACCOUNTNO,
 * TR_TYPE (1 | -1), TRX_AMOUNT (or AMOUNT), DEPARTMENT, LOCATION, PROJECTID, TASKID, CUSTOMERID,
 * VENDORID, EMPLOYEEID, ITEMID, CLASSID, GLDIMFUND, CURRENCY, EXCH_RATE_DATE, EXCH_RATE_TYPE_ID,
 * EXCHANGE_RATE, DESCRIPTION, DOCUMENT, BILLABLE.
 */
export function createJournalEntry(
  store: SandboxStore,
  entity: string | null,
  header: SandboxFields,
  lines: readonly SandboxFields[],
  ctx: BooksContext = {},
): BooksResult {
  return runWrite(store, couldNotCreate('GLBATCH'), () => {
    const journal = requireField(header, 'JOURNAL');
    if (!(MANUAL_JOURNALS as readonly string[]).includes(journal)) {
      if (journal in JOURNALS) fail(ruleError(`Journal ${journal} is reserved for subledger transactions.`));
      fail(ruleError(`Invalid Journal '${journal}' specified.`));
    }
    return postBatch(
      store,
      ctx,
      entity,
      {
        JOURNAL: journal,
        BATCH_DATE: requireDate(header, 'BATCH_DATE'),
        BATCH_TITLE: requireField(header, 'BATCH_TITLE'),
        REFERENCENO: str(header, 'REFERENCENO'),
        STATE: str(header, 'STATE'),
        REVERSEDATE: str(header, 'REVERSEDATE'),
        HISTORY_COMMENT: str(header, 'HISTORY_COMMENT'),
        SUPDOCID: str(header, 'SUPDOCID'),
        BASELOCATION_NO: str(header, 'BASELOCATION_NO'),
        TRANSACTIONSOURCE: str(header, 'TRANSACTIONSOURCE'),
        MODULE: MODULES.gl,
      },
      lines.map(stripInternal),
      { allowControlAccounts: false },
    );
  });
}

/** Callers cannot set the base amount: it always comes from the rate. */
function stripInternal(line: SandboxFields): SandboxFields {
  if (!('BASE_AMOUNT' in line)) return line;
  const { BASE_AMOUNT: _ignored, ...rest } = line;
  return rest;
}

/** AR invoice (what `create_invoice` does). See subledger.postDocument for the fields. */
export function createArInvoice(
  store: SandboxStore,
  entity: string | null,
  header: SandboxFields,
  lines: readonly SandboxFields[],
  ctx: BooksContext = {},
): BooksResult {
  return runWrite(store, couldNotCreate('ARINVOICE'), () =>
    postDocument(store, AR, entity, header, lines.map(stripInternal), ctx),
  );
}

/** AP bill (generic create APBILL / `create_bill`). */
export function createApBill(
  store: SandboxStore,
  entity: string | null,
  header: SandboxFields,
  lines: readonly SandboxFields[],
  ctx: BooksContext = {},
): BooksResult {
  return runWrite(store, couldNotCreate('APBILL'), () =>
    postDocument(store, AP, entity, header, lines.map(stripInternal), ctx),
  );
}

/** AR payment applied to invoices (generic create ARPYMT with ARPYMTDETAILS / `create_arpayment`). */
export function createArPayment(
  store: SandboxStore,
  entity: string | null,
  header: SandboxFields,
  details: readonly SandboxFields[],
  ctx: BooksContext = {},
): BooksResult {
  return runWrite(store, couldNotCreate('ARPYMT'), () =>
    postPayment(store, AR, entity, header, details, ctx),
  );
}

/** AP payment applied to bills. */
export function createApPayment(
  store: SandboxStore,
  entity: string | null,
  header: SandboxFields,
  details: readonly SandboxFields[],
  ctx: BooksContext = {},
): BooksResult {
  return runWrite(store, couldNotCreate('APPYMT'), () =>
    postPayment(store, AP, entity, header, details, ctx),
  );
}

const STATUSES = ['active', 'inactive'] as const;

function createParty(
  store: SandboxStore,
  object: 'CUSTOMER' | 'VENDOR',
  entity: string | null,
  fields: SandboxFields,
  ctx: BooksContext,
): BooksResult {
  const def = objectDef(object)!;
  const idField = def.idField!;
  const label = object === 'CUSTOMER' ? 'Customer' : 'Vendor';
  return runWrite(store, couldNotCreate(object), () => {
    const id = requireField(fields, idField);
    const name = requireField(fields, 'NAME');
    if (store.findById(object, id)) {
      fail({
        errorno: 'BL34000061',
        description: '',
        description2: `Another ${label} with the given value(s) ${id}  already exists`,
        correction: 'Use a unique value instead.',
      });
    }
    // The docs mark PRINTAS required on create (customers and vendors).
    requireField(fields, 'DISPLAYCONTACT.PRINTAS', 'PRINTAS');
    const owner = entity ?? TOP_LEVEL_ID;
    if (owner !== TOP_LEVEL_ID && !store.entity(owner)) fail(ruleError(`Invalid entity '${owner}'.`));
    const values = writableValues(object, fields, [idField]);
    validateParty(store, object, values);
    return store.insert(object, {
      STATUS: 'active',
      ONHOLD: 'false',
      ...(object === 'CUSTOMER' ? { ONETIME: 'false' } : {}),
      ...values,
      [idField]: id,
      NAME: name,
      ...createStamps(store, ctx),
      ...megaFields(store, owner),
    });
  });
}

/** The writable (non-readonly) fields given, refusing unknown names; readonly ones are ignored. */
function writableValues(
  object: string,
  fields: SandboxFields,
  skip: readonly string[],
): Record<string, string | null> {
  const def = objectDef(object)!;
  const out: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || skip.includes(name) || name === def.key) continue;
    const f = def.fields.find((x) => x.name === name);
    if (!f) fail(ruleError(`Unknown field '${name}' for object ${object}.`));
    if (f.readonly) continue;
    if (f.type === 'boolean' && value !== null && value !== 'true' && value !== 'false') {
      fail(ruleError(`Invalid value '${value}' for ${name}. Use true or false.`));
    }
    if (f.type === 'date' && value !== null && !isIsoDate(value))
      fail(ruleError(`Invalid date '${value}' for ${name}.`));
    out[name] = value === null || value.trim() === '' ? null : value.trim();
  }
  return out;
}

function validateParty(
  store: SandboxStore,
  object: 'CUSTOMER' | 'VENDOR',
  values: Record<string, string | null>,
): void {
  const status = values.STATUS;
  if (status != null && !(STATUSES as readonly string[]).includes(status)) {
    fail(ruleError(`Invalid STATUS '${status}'. Use active or inactive.`));
  }
  if (values.CURRENCY != null && !store.findById('TRXCURRENCIES', values.CURRENCY)) {
    fail(ruleError(`Invalid currency '${values.CURRENCY}' specified.`));
  }
  if (values.TERMNAME != null && TERMS[values.TERMNAME] === undefined) {
    fail(ruleError(`Invalid Term '${values.TERMNAME}' specified.`));
  }
  const controlField = object === 'CUSTOMER' ? 'ARACCOUNT' : 'APACCOUNT';
  const control = values[controlField];
  const wanted =
    object === 'CUSTOMER' ? CONTROL_ACCOUNTS.accountsReceivable : CONTROL_ACCOUNTS.accountsPayable;
  if (control != null && control !== wanted) {
    fail(
      ruleError(
        `Invalid ${object === 'CUSTOMER' ? 'AR' : 'AP'} account '${control}' specified.`,
        `Use ${wanted}.`,
      ),
    );
  }
}

export function createCustomer(
  store: SandboxStore,
  entity: string | null,
  fields: SandboxFields,
  ctx: BooksContext = {},
): BooksResult {
  return createParty(store, 'CUSTOMER', entity, fields, ctx);
}

export function createVendor(
  store: SandboxStore,
  entity: string | null,
  fields: SandboxFields,
  ctx: BooksContext = {},
): BooksResult {
  return createParty(store, 'VENDOR', entity, fields, ctx);
}

/** Whether a session at `entity` may see/change `record` of `object`. */
function accessible(object: string, record: SandboxRecord, entity: string | null): boolean {
  const session = entity ?? TOP_LEVEL_ID;
  if (session === TOP_LEVEL_ID) return true;
  const owner = ownerOf(record);
  return owner === session || (owner === TOP_LEVEL_ID && !objectDef(object)!.entityScoped);
}

/** Finds the target of an update/delete by RECORDNO or (for objects with one) the business id. */
function findTarget(
  store: SandboxStore,
  object: string,
  key: string,
  entity: string | null,
): SandboxRecord | undefined {
  const def = objectDef(object)!;
  const record = (def.idField ? store.findById(object, key) : undefined) ?? store.get(object, key);
  return record && accessible(object, record, entity) ? record : undefined;
}

function isWritable(object: string): object is WritableObject {
  return (WRITABLE_OBJECTS as readonly string[]).includes(object);
}

const DOC_UPDATABLE: Readonly<Record<string, readonly string[]>> = {
  ARINVOICE: ['DESCRIPTION', 'DOCNUMBER', 'WHENDUE', 'TERMNAME', 'RECORDID'],
  APBILL: ['DESCRIPTION', 'DOCNUMBER', 'WHENDUE', 'TERMNAME', 'RECORDID', 'ONHOLD', 'PAYMENTPRIORITY'],
  ARPYMT: ['DESCRIPTION', 'DOCNUMBER'],
};

const BATCH_UPDATABLE = [
  'BATCH_TITLE',
  'REFERENCENO',
  'STATE',
  'BATCH_DATE',
  'HISTORY_COMMENT',
  'SUPDOCID',
  'REVERSEDATE',
];

export interface UpdateOptions {
  /** GLBATCH only: the full new set of entries (entries left out are deleted, as Intacct does). */
  readonly lines?: readonly SandboxFields[];
}

/**
 * Generic update of a writable object. `fields` carries the key (RECORDNO, or the id field for
 * CUSTOMER/VENDOR) and the fields to change.
 */
export function updateRecord(
  store: SandboxStore,
  entity: string | null,
  object: string,
  fields: SandboxFields,
  options: UpdateOptions = {},
  ctx: BooksContext = {},
): BooksResult {
  const name = object.toUpperCase();
  const def = objectDef(name);
  return runWrite(store, def ? couldNotUpdate(name) : null, () => {
    if (!def || !isWritable(name) || !def.writable.includes('update')) {
      fail(ruleError(`The update function is not supported for object ${object}.`));
    }
    const key = str(fields, 'RECORDNO') ?? (def.idField ? str(fields, def.idField) : null);
    if (key === null) fail(ruleError(`Required field RECORDNO is missing.`));
    const target = findTarget(store, name, key, entity);
    if (!target) {
      const keyName = str(fields, 'RECORDNO') !== null ? 'RECORDNO' : (def.idField ?? 'RECORDNO');
      fail({
        errorno: `Cannot update non-existing ${name} with ${keyName}=${key}.`,
        description: '',
        description2: '',
        correction: '',
      });
    }
    const stamps = modifyStamps(store, ctx);
    switch (name) {
      case 'CUSTOMER':
      case 'VENDOR': {
        const values = writableValues(name, fields, [def.idField!]);
        if ('NAME' in values && values.NAME === null) fail(ruleError('Required field NAME is missing.'));
        validateParty(store, name, values);
        return store.update(name, target.RECORDNO!, { ...values, ...stamps });
      }
      case 'GLBATCH':
        return updateBatch(store, entity, target, fields, options, ctx);
      default: {
        const allowed = DOC_UPDATABLE[name] ?? [];
        const values: Record<string, string | null> = {};
        for (const [field, value] of Object.entries(fields)) {
          if (value === undefined || field === 'RECORDNO') continue;
          if (!allowed.includes(field)) {
            fail(
              ruleError(
                `The field ${field} of a posted ${name} cannot be changed.`,
                `Changeable: ${allowed.join(', ')}.`,
              ),
            );
          }
          if (field === 'WHENDUE' && value !== null && !isIsoDate(value))
            fail(ruleError(`Invalid date '${value}' for WHENDUE.`));
          if (field === 'TERMNAME' && value !== null && TERMS[value] === undefined)
            fail(ruleError(`Invalid Term '${value}' specified.`));
          values[field] = value;
        }
        checkOpenPeriod(store, ownerOf(target), target.WHENCREATED ?? '');
        return store.update(name, target.RECORDNO!, { ...values, ...stamps });
      }
    }
  });
}

function updateBatch(
  store: SandboxStore,
  entity: string | null,
  batch: SandboxRecord,
  fields: SandboxFields,
  options: UpdateOptions,
  ctx: BooksContext,
): SandboxRecord {
  if (batch.MODULE !== MODULES.gl) {
    fail(
      ruleError(
        'This journal entry was created by a subledger transaction. Change the source transaction instead.',
      ),
    );
  }
  const owner = ownerOf(batch);
  checkOpenPeriod(store, owner, batch.BATCH_DATE ?? '');
  const patch: Record<string, string | null> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined || field === 'RECORDNO' || field === 'ENTRIES') continue;
    if (!BATCH_UPDATABLE.includes(field))
      fail(ruleError(`The field ${field} of a journal entry cannot be changed.`));
    patch[field] = value;
  }
  if (patch.STATE != null && patch.STATE !== 'Posted' && patch.STATE !== 'Draft') {
    fail(ruleError(`Invalid STATE '${patch.STATE}'. Use Posted or Draft.`));
  }
  if (batch.STATE === 'Posted' && patch.STATE === 'Draft')
    fail(ruleError('A posted journal entry cannot go back to draft.'));
  if ('BATCH_TITLE' in patch && patch.BATCH_TITLE === null)
    fail(ruleError('Required field BATCH_TITLE is missing.'));
  if ('BATCH_DATE' in patch) {
    if (!isIsoDate(patch.BATCH_DATE))
      fail(ruleError(`Invalid date '${patch.BATCH_DATE ?? ''}' for BATCH_DATE.`));
    checkOpenPeriod(store, owner, patch.BATCH_DATE);
  }
  const lines =
    options.lines ??
    (patch.BATCH_DATE !== undefined && patch.BATCH_DATE !== batch.BATCH_DATE ? null : undefined);
  if (lines === null || lines !== undefined) {
    // Re-post: the new (or, for a date change, the same) entries are validated like a create.
    const entries =
      lines ??
      batchEntries(store, batch).map((e) => ({
        ACCOUNTNO: e.ACCOUNTNO,
        TR_TYPE: e.TR_TYPE,
        TRX_AMOUNT: e.TRX_AMOUNT,
        CURRENCY: e.CURRENCY,
        DEPARTMENT: e.DEPARTMENT,
        LOCATION: e.LOCATION,
        PROJECTID: e.PROJECTID,
        TASKID: e.TASKID,
        CUSTOMERID: e.CUSTOMERID,
        VENDORID: e.VENDORID,
        EMPLOYEEID: e.EMPLOYEEID,
        ITEMID: e.ITEMID,
        CLASSID: e.CLASSID,
        GLDIMFUND: e.GLDIMFUND,
        DESCRIPTION: e.DESCRIPTION,
        DOCUMENT: e.DOCUMENT,
      }));
    return postBatch(
      store,
      ctx,
      entity,
      {
        JOURNAL: batch.JOURNAL ?? 'GJ',
        BATCH_DATE: patch.BATCH_DATE ?? batch.BATCH_DATE ?? '',
        BATCH_TITLE: patch.BATCH_TITLE ?? batch.BATCH_TITLE ?? '',
        REFERENCENO: 'REFERENCENO' in patch ? patch.REFERENCENO : batch.REFERENCENO,
        STATE: patch.STATE ?? batch.STATE,
        HISTORY_COMMENT: 'HISTORY_COMMENT' in patch ? patch.HISTORY_COMMENT : batch.HISTORY_COMMENT,
        SUPDOCID: 'SUPDOCID' in patch ? patch.SUPDOCID : batch.SUPDOCID,
        REVERSEDATE: 'REVERSEDATE' in patch ? patch.REVERSEDATE : batch.REVERSEDATE,
        MODULE: MODULES.gl,
      },
      lines === null ? entries : entries.map(stripInternal),
      { allowControlAccounts: false, existingBatch: batch },
    );
  }
  const updated = store.update('GLBATCH', batch.RECORDNO!, { ...patch, ...modifyStamps(store, ctx) });
  restampBatchLines(store, updated);
  return updated;
}

/**
 * Generic delete by key (RECORDNO, or the id for CUSTOMER/VENDOR). Records the deletion in
 * AUDITHISTORY. Returns the deleted record.
 */
export function deleteRecord(
  store: SandboxStore,
  entity: string | null,
  object: string,
  key: string,
  ctx: BooksContext = {},
): BooksResult {
  const name = object.toUpperCase();
  const def = objectDef(name);
  return runWrite(store, null, () => {
    if (!def || !isWritable(name) || !def.writable.includes('delete')) {
      fail(ruleError(`The delete function is not supported for object ${object}.`));
    }
    const target = findTarget(store, name, key.trim(), entity);
    if (!target) fail(ruleError(`Cannot find ${name.toLowerCase()} with key '${key}' to delete.`));
    switch (name) {
      case 'GLBATCH': {
        if (target.MODULE !== MODULES.gl) {
          fail(
            ruleError(
              'This journal entry was created by a subledger transaction. Delete the source transaction instead.',
            ),
            couldNotDelete(name),
          );
        }
        checkOpenPeriod(store, ownerOf(target), target.BATCH_DATE ?? '');
        for (const e of batchEntries(store, target)) {
          store.remove('GLENTRY', e.RECORDNO!);
          if (store.get('GLDETAIL', e.RECORDNO!)) store.remove('GLDETAIL', e.RECORDNO!);
        }
        store.remove('GLBATCH', target.RECORDNO!);
        break;
      }
      case 'ARINVOICE':
        deleteDocument(store, AR, target);
        break;
      case 'APBILL':
        deleteDocument(store, AP, target);
        break;
      case 'ARPYMT':
        deletePayment(store, AR, target, ctx);
        break;
      case 'CUSTOMER':
      case 'VENDOR': {
        const idField = def.idField!;
        const id = target[idField] ?? '';
        const used =
          store.lookup(name === 'CUSTOMER' ? 'ARINVOICE' : 'APBILL', idField, id).length > 0 ||
          store.lookup('GLDETAIL', idField, id).length > 0 ||
          store.lookup('GLENTRY', idField, id).length > 0 ||
          (name === 'CUSTOMER' && store.lookup('PROJECT', 'CUSTOMERID', id).length > 0) ||
          (name === 'VENDOR' && store.lookup('PODOCUMENT', 'CUSTVENDID', id).length > 0);
        if (used) {
          fail(
            ruleError(
              `${name === 'CUSTOMER' ? 'Customer' : 'Vendor'} ${id} is used in transactions and cannot be deleted.`,
              'Make it inactive instead.',
            ),
          );
        }
        store.remove(name, target.RECORDNO!);
        break;
      }
    }
    auditDelete(store, ctx, def.auditType, target);
    return target;
  });
}

/** Helper for callers that only care whether a result failed, e.g. the generator. */
export function expectOk(result: BooksResult, what: string): SandboxRecord {
  if (!result.ok) {
    const reasons = result.errors.map((e: IntacctErrorSpec) => e.description2 || e.description || e.errorno);
    throw new Error(`sandbox books: ${what} failed: ${reasons.join('; ')}`);
  }
  return result.record;
}

/** Closes the books of an entity through a date (inclusive). */
export function closeBooksThrough(store: SandboxStore, entity: string, date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  store.setClosedThrough(entity, date);
}
