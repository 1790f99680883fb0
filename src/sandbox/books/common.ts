/**
 * Shared pieces of the books: the error shape Intacct reports, the result type, the write context,
 * stamping, and the lookups every rule needs (dimension values, accounts, exchange rates, periods).
 */
import { compare, fromUnits, isDecimal, multiply, round, toUnits } from '../../core/decimal.ts';
import type { SandboxFields, SandboxRecord, SandboxStore } from '../store.ts';
import { TOP_LEVEL_ID } from '../store.ts';

/** One `<error>` as Intacct reports it inside `<errormessage>`. */
export interface IntacctErrorSpec {
  readonly errorno: string;
  readonly description: string;
  readonly description2: string;
  readonly correction: string;
}

export type BooksResult =
  | { readonly ok: true; readonly record: SandboxRecord }
  | { readonly ok: false; readonly errors: readonly IntacctErrorSpec[] };

/** Who writes: stamps CREATEDBY/MODIFIEDBY (user record key) and the AUDITHISTORY row. */
export interface BooksContext {
  /** USERINFO RECORDNO of the writer, as a string; default '1'. */
  readonly userKey?: string;
  /** Login id for AUDITHISTORY.USERID; default 'WS_USER'. */
  readonly userId?: string;
  /** AUDITHISTORY.SOURCE; default 'api'. */
  readonly source?: 'api' | 'csv' | 'system' | 'ui';
  /** Generator only: leave WHENMODIFIED null on the new records, as Intacct does for never-modified ones. */
  readonly leaveModifiedNull?: boolean;
  /** Generator only: stamp this instant instead of the clock (history is created "in the past"). */
  readonly atMs?: number;
}

/** Thrown inside a books transaction to roll it back and answer with Intacct's errors. */
export class BooksFailure extends Error {
  readonly errors: readonly IntacctErrorSpec[];
  constructor(errors: readonly IntacctErrorSpec[]) {
    super(errors.map((e) => e.description2 || e.description).join('; '));
    this.name = 'BooksFailure';
    this.errors = errors;
  }
}

/** The generic business-rule error: Intacct puts the reason in description2. */
export function ruleError(description2: string, correction = ''): IntacctErrorSpec {
  return { errorno: 'BL01001973', description: '', description2, correction };
}

export function couldNotCreate(object: string): IntacctErrorSpec {
  return ruleError(`Could not create ${object.toLowerCase()} record!`);
}

export function couldNotUpdate(object: string): IntacctErrorSpec {
  return ruleError(`Could not update ${object.toLowerCase()} record!`);
}

export function couldNotDelete(object: string): IntacctErrorSpec {
  return ruleError(`Could not delete ${object.toLowerCase()} record!`);
}

/** Runs a write all-or-nothing and converts a BooksFailure into Intacct's error list. */
export function runWrite(
  store: SandboxStore,
  trailer: IntacctErrorSpec | null,
  fn: () => SandboxRecord,
): BooksResult {
  try {
    return { ok: true, record: store.transaction(fn) };
  } catch (error) {
    if (error instanceof BooksFailure) {
      return { ok: false, errors: trailer ? [...error.errors, trailer] : error.errors };
    }
    throw error;
  }
}

export function fail(...errors: IntacctErrorSpec[]): never {
  throw new BooksFailure(errors);
}

// ---- stamping -------------------------------------------------------------------------------------

export function isoStamp(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

export function nowStamp(store: SandboxStore, ctx: BooksContext): string {
  return isoStamp(ctx.atMs ?? store.clock.now());
}

export function createStamps(
  store: SandboxStore,
  ctx: BooksContext,
  createdField = 'WHENCREATED',
): SandboxFields {
  const stamp = nowStamp(store, ctx);
  const user = ctx.userKey ?? '1';
  return {
    [createdField]: stamp,
    WHENMODIFIED: ctx.leaveModifiedNull ? null : stamp,
    CREATEDBY: user,
    MODIFIEDBY: ctx.leaveModifiedNull ? null : user,
  };
}

export function modifyStamps(store: SandboxStore, ctx: BooksContext): SandboxFields {
  return { WHENMODIFIED: nowStamp(store, ctx), MODIFIEDBY: ctx.userKey ?? '1' };
}

/** MEGAENTITY* fields for a record owned by `entityId` ('' = top level: all null). */
export function megaFields(store: SandboxStore, entityId: string): SandboxFields {
  if (entityId === TOP_LEVEL_ID) return { MEGAENTITYKEY: null, MEGAENTITYID: null, MEGAENTITYNAME: null };
  const e = store.entity(entityId);
  if (!e) throw new Error(`books: unknown entity ${entityId}`);
  return { MEGAENTITYKEY: String(e.recordNo), MEGAENTITYID: e.id, MEGAENTITYNAME: e.name };
}

export function ownerOf(record: SandboxRecord): string {
  return record.MEGAENTITYID ?? TOP_LEVEL_ID;
}

/** Appends an AUDITHISTORY delete event (ACCESSMODE canonical 'D'; readByQuery shows 'Delete'). */
export function auditDelete(
  store: SandboxStore,
  ctx: BooksContext,
  objectType: string,
  record: SandboxRecord,
): void {
  store.insert('AUDITHISTORY', {
    USERID: ctx.userId ?? 'WS_USER',
    ACCESSTIME: nowStamp(store, ctx),
    ACCESSMODE: 'D',
    SOURCE: ctx.source ?? 'api',
    OBJECTTYPE: objectType,
    OBJECTKEY: `${record.RECORDNO}--REC`,
    OBJECTDESC: record.RECORDID ?? record.BATCH_TITLE ?? record.NAME ?? null,
    IPADDRESS: '127.0.0.1',
  });
}

// ---- chart conventions ----------------------------------------------------------------------------

/** Control and system accounts every generated company has (account numbers). */
export const CONTROL_ACCOUNTS = {
  cash: '1010',
  undepositedFunds: '1015',
  accountsReceivable: '1200',
  intercompanyReceivable: '1400',
  accountsPayable: '2000',
  accruedPayroll: '2100',
  accruedExpenses: '2150',
  intercompanyPayable: '2400',
  retainedEarnings: '3100',
} as const;

/** Journals (symbols) and the module that owns them. */
export const JOURNALS = {
  GJ: 'General Journal',
  ADJ: 'Adjustments Journal',
  PYJ: 'Payroll Journal',
  ICJ: 'Intercompany Journal',
  FXJ: 'Revaluation Journal',
  ARJ: 'Accounts Receivable Journal',
  CRJ: 'Cash Receipts Journal',
  APJ: 'Accounts Payable Journal',
  CDJ: 'Cash Disbursements Journal',
} as const;
export type JournalSymbol = keyof typeof JOURNALS;

/** The checking account (FINANCIALENTITY) of an entity; posts to CONTROL_ACCOUNTS.cash. */
export function bankAccountId(entityId: string): string {
  return `CHK-${entityId || 'TOP'}`;
}

export const TERMS: Readonly<Record<string, number>> = {
  'Due on receipt': 0,
  N15: 15,
  N30: 30,
  N45: 45,
  N60: 60,
};

// ---- value helpers --------------------------------------------------------------------------------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' as Intacct prints it in messages. */
export function usDate(isoDate: string): string {
  return `${isoDate.slice(5, 7)}/${isoDate.slice(8, 10)}/${isoDate.slice(0, 4)}`;
}

export function money(value: string): string {
  return round(value, 2);
}

export function str(fields: SandboxFields, name: string): string | null {
  const v = fields[name];
  if (v === undefined || v === null) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

export function requireField(fields: SandboxFields, name: string, label = name): string {
  const v = str(fields, name);
  if (v === null) fail(ruleError(`Required field ${label} is missing.`, `Provide a value for ${label}.`));
  return v;
}

export function requireDate(fields: SandboxFields, name: string): string {
  const v = requireField(fields, name);
  if (!isIsoDate(v)) fail(ruleError(`Invalid date '${v}' for ${name}.`, 'Use the format mm/dd/yyyy.'));
  return v;
}

export function requireAmount(value: string | null, label: string): string {
  if (value === null || !isDecimal(value)) fail(ruleError(`Invalid amount '${value ?? ''}' for ${label}.`));
  return money(value);
}

export function isActive(record: SandboxRecord): boolean {
  const s = record.STATUS;
  return s === null || s === undefined || s === 'active' || s === 'true';
}

// ---- periods --------------------------------------------------------------------------------------

/** Refuses a posting date on or before the entity's books-closed-through date. */
export function checkOpenPeriod(store: SandboxStore, entityId: string, date: string): void {
  const closed = store.closedThrough(entityId);
  if (closed !== null && date <= closed) {
    fail(
      ruleError(
        `Your transaction date (${usDate(date)}) is within a period that's been closed. You can add, modify, ` +
          `or delete a transaction only if the date of the transaction is within a period that's open.`,
        'Change the date to one in an open period, or reopen the period.',
      ),
    );
  }
}

// ---- dimensions -----------------------------------------------------------------------------------

export const DIMENSIONS = {
  DEPARTMENT: { object: 'DEPARTMENT', label: 'Department', nameField: 'TITLE' },
  LOCATION: { object: 'LOCATION', label: 'Location', nameField: 'NAME' },
  PROJECT: { object: 'PROJECT', label: 'Project', nameField: 'NAME' },
  TASK: { object: 'TASK', label: 'Task', nameField: 'NAME' },
  CUSTOMER: { object: 'CUSTOMER', label: 'Customer', nameField: 'NAME' },
  VENDOR: { object: 'VENDOR', label: 'Vendor', nameField: 'NAME' },
  EMPLOYEE: { object: 'EMPLOYEE', label: 'Employee', nameField: 'CONTACT_NAME' },
  ITEM: { object: 'ITEM', label: 'Item', nameField: 'NAME' },
  CLASS: { object: 'CLASS', label: 'Class', nameField: 'NAME' },
  FUND: { object: 'FUND', label: 'Fund', nameField: 'NAME' },
} as const;
export type DimensionKind = keyof typeof DIMENSIONS;

/**
 * A dimension value usable in `entityId`'s transactions: exists, is active, and is shared (top level)
 * or private to that entity. Locations must belong to the entity (their ENTITY field).
 */
export function dimension(
  store: SandboxStore,
  kind: DimensionKind,
  id: string,
  entityId: string,
): SandboxRecord {
  const spec = DIMENSIONS[kind];
  const record = store.findById(spec.object, id);
  const owner = record ? ownerOf(record) : null;
  const visible =
    record !== undefined &&
    (kind === 'LOCATION'
      ? entityId === TOP_LEVEL_ID || record.ENTITY === entityId
      : owner === TOP_LEVEL_ID || owner === entityId);
  if (!record || !visible) fail(ruleError(`Invalid ${spec.label} '${id}' specified.`));
  if (!isActive(record)) {
    fail(ruleError(`${spec.label} '${id}' is inactive.`, `Select an active ${spec.label.toLowerCase()}.`));
  }
  return record;
}

export function account(store: SandboxStore, accountNo: string): SandboxRecord {
  const record = store.findById('GLACCOUNT', accountNo);
  if (!record)
    fail(ruleError(`Invalid Account '${accountNo}' specified.`, 'Use an existing GL account number.'));
  if (!isActive(record)) {
    fail(ruleError(`Account '${accountNo}' is inactive.`, 'Select an active account or reactivate it.'));
  }
  return record;
}

// ---- exchange rates -------------------------------------------------------------------------------

interface RateTable {
  readonly version: number;
  /** `${from}>${to}` → entries sorted by date. */
  readonly pairs: Map<string, { date: string; rate: string }[]>;
}
const rateTables = new WeakMap<SandboxStore, RateTable>();

function rates(store: SandboxStore): RateTable {
  const count = store.count('EXCHANGERATEENTRY');
  const cached = rateTables.get(store);
  if (cached && cached.version === count) return cached;
  const pairs = new Map<string, { date: string; rate: string }[]>();
  for (const r of store.list('EXCHANGERATEENTRY')) {
    const key = `${r.FROM_CURRENCY}>${r.TO_CURRENCY}`;
    let list = pairs.get(key);
    if (!list) {
      list = [];
      pairs.set(key, list);
    }
    list.push({ date: r.EFFECTIVE_START_DATE ?? '', rate: r.EXCHANGE_RATE ?? '1' });
  }
  for (const list of pairs.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const table = { version: count, pairs };
  rateTables.set(store, table);
  return table;
}

function latestOnOrBefore(list: readonly { date: string; rate: string }[], date: string): string | null {
  let lo = 0;
  let hi = list.length - 1;
  let found: string | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const e = list[mid]!;
    if (e.date <= date) {
      found = e.rate;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Rate to convert `from` into `to` on `date` (4 decimals), via the direct pair, its inverse, or USD. */
export function exchangeRate(store: SandboxStore, from: string, to: string, date: string): string | null {
  if (from === to) return '1';
  const t = rates(store);
  const direct = t.pairs.get(`${from}>${to}`);
  if (direct) {
    const r = latestOnOrBefore(direct, date);
    if (r !== null) return r;
  }
  const inverse = t.pairs.get(`${to}>${from}`);
  if (inverse) {
    const r = latestOnOrBefore(inverse, date);
    if (r !== null) return divideRate('1', r);
  }
  if (from !== 'USD' && to !== 'USD') {
    const a = exchangeRate(store, from, 'USD', date);
    const b = exchangeRate(store, 'USD', to, date);
    if (a !== null && b !== null) return multiply(a, b, 4);
  }
  return null;
}

/** a / b rounded half-up to 4 decimals, exactly (BigInt). */
export function divideRate(a: string, b: string): string {
  const ua = toUnits(a);
  const ub = toUnits(b);
  if (ub === 0n) throw new RangeError('division by a zero rate');
  const num = ua * 10_000n * 2n;
  const q = (num + (num >= 0n ? ub : -ub)) / (2n * ub);
  return fromUnits(q, 0, 4);
}

export function nonNegative(value: string): boolean {
  return compare(value, '0') >= 0;
}
