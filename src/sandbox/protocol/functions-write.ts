import {
  type BooksContext,
  type BooksResult,
  createApBill,
  createArInvoice,
  createArPayment,
  createCustomer,
  createJournalEntry,
  createVendor,
  deleteRecord,
  updateRecord,
} from '../books.ts';
import { type SandboxObjectDef, objectDef } from '../catalog.ts';
import type { SandboxRecord } from '../store.ts';
import type { FunctionContext, FunctionHandler } from './context.ts';
import { FunctionFailure, type ProtocolError } from './errors.ts';
import { registerFunction } from './gateway.ts';
import {
  createArPaymentLegacy,
  createBillLegacy,
  createInvoiceLegacy,
  createPoTransactionLegacy,
  getTrialBalance,
} from './functions-legacy.ts';
import { timestampLiteral } from './query-eval.ts';
import { XmlWriter } from './xml-writer.ts';
import { type XmlNode, childText, elements, isLeaf, text } from './xml-node.ts';

/**
 * Generic create, update and delete through the books (the business rules), answered as Intacct
 * does: `<data listtype="objects">` with one lower-case element per object holding RECORDNO and the
 * id field; a failed create answers `<data listtype="objects" count="0"/>` before its errors.
 */

/** Line containers per object, with the catalog object that types their fields. */
const LINE_CONTAINERS: Readonly<Record<string, { readonly container: string; readonly line: string }>> = {
  GLBATCH: { container: 'ENTRIES', line: 'GLENTRY' },
  APBILL: { container: 'APBILLITEMS', line: 'APBILLITEM' },
  ARINVOICE: { container: 'ARINVOICEITEMS', line: 'ARINVOICEITEM' },
  ARPYMT: { container: 'ARPYMTDETAILS', line: 'ARPYMTDETAIL' },
};

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function invalid(description2: string, trailer?: ProtocolError): FunctionFailure {
  const errors: ProtocolError[] = [{ errorno: 'BL01001973', description: '', description2, correction: '' }];
  if (trailer) errors.push(trailer);
  return new FunctionFailure(errors);
}

/** 'MM/DD/YYYY' to 'YYYY-MM-DD'; throws for anything else. */
export function usDateToIso(value: string, field: string): string {
  const m = US_DATE.exec(value.trim());
  const iso = m ? `${m[3]}-${(m[1] as string).padStart(2, '0')}-${(m[2] as string).padStart(2, '0')}` : '';
  const d = new Date(`${iso}T00:00:00Z`);
  if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    throw invalid(`Invalid date '${value}' for ${field}: use the format mm/dd/yyyy.`);
  }
  return iso;
}

/**
 * One input value to canonical form, typed by the catalog where the field is known. Fields the
 * catalog does not list (create-only names such as LOCATION on GLENTRY) keep their text, except that
 * US dates become ISO so the books see one date form.
 */
function canonicalInput(
  def: SandboxObjectDef | undefined,
  field: string,
  raw: string,
  ctx: FunctionContext,
): string | null {
  const value = raw.trim();
  if (value === '') return null;
  const f = def?.fields.find((x) => x.name === field);
  switch (f?.type) {
    case 'date':
      return usDateToIso(value, field);
    case 'timestamp':
      try {
        return timestampLiteral(value, field, ctx.store.timezone);
      } catch {
        throw invalid(`Invalid timestamp '${value}' for ${field}: use the format mm/dd/yyyy hh:mm:ss.`);
      }
    case 'boolean': {
      const v = value.toLowerCase();
      if (v === 'true' || v === 't') return 'true';
      if (v === 'false' || v === 'f') return 'false';
      throw invalid(`Invalid value '${value}' for ${field}. Use true or false.`);
    }
    case undefined:
      return US_DATE.test(value) ? usDateToIso(value, field) : value;
    default:
      return value;
  }
}

/** Leaves to fields; nested non-list elements flatten to dotted names (DISPLAYCONTACT.EMAIL1). */
function flatten(
  def: SandboxObjectDef | undefined,
  node: XmlNode,
  ctx: FunctionContext,
  skip: ReadonlySet<string>,
  prefix = '',
  out: Record<string, string | null> = {},
): Record<string, string | null> {
  for (const [name, c] of elements(node)) {
    if (skip.has(name)) continue;
    const field = `${prefix}${name.toUpperCase()}`;
    // An empty field group (`<DISPLAYCONTACT></DISPLAYCONTACT>`, as Sage's SDK sends on update) changes nothing.
    if (isLeaf(c) && (text(c) ?? '').trim() === '' && def?.fields.some((f) => f.name.startsWith(`${field}.`)))
      continue;
    if (isLeaf(c)) out[field] = canonicalInput(def, field, text(c) ?? '', ctx);
    else flatten(def, c, ctx, new Set(), `${field}.`, out);
  }
  return out;
}

interface ObjectInput {
  readonly def: SandboxObjectDef;
  readonly fields: Record<string, string | null>;
  readonly lines: Record<string, string | null>[] | undefined;
}

function readObject(name: string, node: XmlNode, ctx: FunctionContext, op: string): ObjectInput {
  const def = objectDef(name);
  if (!def) throw invalid(`Object definition ${name} not found.`);
  ctx.noteObject(def.name);
  const lineSpec = LINE_CONTAINERS[def.name];
  const fields = flatten(def, node, ctx, new Set(lineSpec ? [lineSpec.container] : []));
  let lines: Record<string, string | null>[] | undefined;
  if (lineSpec) {
    const container = elements(node).find(([n]) => n.toUpperCase() === lineSpec.container)?.[1];
    if (container !== undefined) {
      const lineDef = objectDef(lineSpec.line);
      lines = elements(container)
        .filter(([n]) => n.toUpperCase() === lineSpec.line)
        .map(([, l]) => flatten(lineDef, l, ctx, new Set()));
    }
  }
  if (op !== 'create' && !def.writable.includes(op as 'update')) {
    throw invalid(`The ${op} function is not supported for object ${def.name}.`);
  }
  return { def, fields, lines };
}

function booksContext(ctx: FunctionContext): BooksContext {
  return { userId: ctx.userId, source: 'api' };
}

function createOne(input: ObjectInput, ctx: FunctionContext): BooksResult {
  const entity = ctx.entityId;
  const books = booksContext(ctx);
  const lines = input.lines ?? [];
  switch (input.def.name) {
    case 'GLBATCH':
      return createJournalEntry(ctx.store, entity, input.fields, lines, books);
    case 'APBILL':
      return createApBill(ctx.store, entity, input.fields, lines, books);
    case 'ARPYMT':
      return createArPayment(ctx.store, entity, input.fields, lines, books);
    case 'CUSTOMER':
      return createCustomer(ctx.store, entity, input.fields, books);
    case 'VENDOR':
      return createVendor(ctx.store, entity, input.fields, books);
    case 'ARINVOICE':
      if (ctx.settings.genericArInvoiceCreate)
        return createArInvoice(ctx.store, entity, input.fields, lines, books);
      return {
        ok: false,
        errors: [
          {
            errorno: 'BL01001973',
            description: '',
            description2: 'The create function is not supported for object ARINVOICE.',
            correction: 'Use the create_invoice function.',
          },
        ],
      };
    default:
      return {
        ok: false,
        errors: [
          {
            errorno: 'BL01001973',
            description: '',
            description2: `The create function is not supported for object ${input.def.name}.`,
            correction: '',
          },
        ],
      };
  }
}

function objectsData(rows: readonly { def: SandboxObjectDef; record: SandboxRecord }[]): string {
  const w = new XmlWriter().open('data', { listtype: 'objects', count: rows.length });
  for (const { def, record } of rows) {
    const tag = def.name.toLowerCase();
    w.open(tag).leaf('RECORDNO', record.RECORDNO);
    if (def.idField && def.idField !== 'RECORDNO') w.leaf(def.idField, record[def.idField]);
    w.close(tag);
  }
  return w.close('data').toString();
}

function failWrite(errors: readonly ProtocolError[]): never {
  throw new FunctionFailure(errors, 'failure', { listtype: 'objects', count: '0' }, true);
}

/** Runs every object of a create/update together: one failure undoes the others. */
function writeObjects(
  fn: Parameters<FunctionHandler>[0],
  ctx: FunctionContext,
  op: 'create' | 'update',
): string {
  const objects = elements(fn.node);
  if (objects.length === 0)
    failWrite([
      { errorno: 'BL01001973', description: '', description2: `Nothing to ${op}.`, correction: '' },
    ]);
  const done: { def: SandboxObjectDef; record: SandboxRecord }[] = [];
  let failure: readonly ProtocolError[] | null = null;
  try {
    ctx.store.transaction(() => {
      for (const [name, node] of objects) {
        const input = readObject(name, node, ctx, op);
        const res =
          op === 'create'
            ? createOne(input, ctx)
            : updateRecord(
                ctx.store,
                ctx.entityId,
                input.def.name,
                input.fields,
                input.lines ? { lines: input.lines } : {},
                booksContext(ctx),
              );
        if (!res.ok) {
          failure = res.errors;
          throw new FunctionFailure(res.errors);
        }
        done.push({ def: input.def, record: res.record });
      }
    });
  } catch (e) {
    if (e instanceof FunctionFailure) failWrite(failure ?? e.errors);
    throw e;
  }
  return objectsData(done);
}

export const create: FunctionHandler = (fn, ctx) => ({ body: writeObjects(fn, ctx, 'create') });
export const update: FunctionHandler = (fn, ctx) => ({ body: writeObjects(fn, ctx, 'update') });

export const deleteFn: FunctionHandler = (fn, ctx) => {
  const objectName = childText(fn.node, 'object') ?? '';
  const def = objectDef(objectName);
  if (!def) throw invalid(`Object definition ${objectName} not found.`);
  ctx.noteObject(def.name);
  const keys = (childText(fn.node, 'keys') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
  if (keys.length === 0) throw invalid('Required field keys is missing.');
  let failure: readonly ProtocolError[] | null = null;
  try {
    ctx.store.transaction(() => {
      for (const key of keys) {
        const res = deleteRecord(ctx.store, ctx.entityId, def.name, key, booksContext(ctx));
        if (!res.ok) {
          failure = res.errors;
          throw new FunctionFailure(res.errors);
        }
      }
    });
  } catch (e) {
    if (e instanceof FunctionFailure) throw new FunctionFailure(failure ?? e.errors);
    throw e;
  }
  return {};
};

let registered = false;

/** Adds the write and legacy functions to the gateway (idempotent). */
export function registerWriteFunctions(): void {
  if (registered) return;
  registered = true;
  registerFunction('create', create, true);
  registerFunction('update', update, true);
  registerFunction('delete', deleteFn, true);
  registerFunction('create_invoice', createInvoiceLegacy);
  registerFunction('create_bill', createBillLegacy);
  registerFunction('create_arpayment', createArPaymentLegacy);
  registerFunction('create_potransaction', createPoTransactionLegacy);
  registerFunction('get_trialbalance', getTrialBalance);
}
