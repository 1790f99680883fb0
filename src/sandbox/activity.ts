/**
 * New activity on a running sandbox: moves the clock forward and, through the books, creates new
 * records, edits existing ones (later WHENMODIFIED) and deletes some (recorded in AUDITHISTORY), so
 * incremental syncs have something to catch. Every invariant of the books keeps holding.
 */
import { isZero, multiply } from '../core/decimal.ts';
import { wallTime } from '../core/time.ts';
import {
  type BooksContext,
  type BooksResult,
  CONTROL_ACCOUNTS,
  bankAccountId,
  createApBill,
  createApPayment,
  createArInvoice,
  createArPayment,
  createCustomer,
  createJournalEntry,
  createVendor,
  deleteRecord,
  updateRecord,
} from './books.ts';
import { Rng } from './generator/rng.ts';
import type { SandboxFields, SandboxRecord, SandboxStore } from './store.ts';
import { TOP_LEVEL_ID } from './store.ts';

export interface ActivityOptions {
  /** How far the clock moves; the changes are spread over that interval. */
  readonly ms: number;
  readonly creates: number;
  readonly edits: number;
  readonly deletes: number;
  readonly seed: number;
}

export interface ActivityChange {
  readonly op: 'create' | 'edit' | 'delete';
  readonly object: string;
  readonly recordNo: string;
  readonly entity: string;
}

export interface ActivitySummary {
  readonly fromMs: number;
  readonly toMs: number;
  readonly created: Record<string, number>;
  readonly edited: Record<string, number>;
  readonly deleted: Record<string, number>;
  /** Operations skipped for want of a candidate, or refused by the books (should stay 0). */
  readonly skipped: number;
  readonly changes: readonly ActivityChange[];
}

const bump = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1;
};

export function generateActivity(store: SandboxStore, options: ActivityOptions): ActivitySummary {
  const rng = new Rng(Math.floor(options.seed), 'activity');
  const fromMs = store.clock.now();
  const ms = Math.max(0, Math.floor(options.ms));
  const total = Math.max(0, options.creates) + Math.max(0, options.edits) + Math.max(0, options.deletes);
  const ops: ('create' | 'edit' | 'delete')[] = [
    ...Array<'create'>(Math.max(0, Math.floor(options.creates))).fill('create'),
    ...Array<'edit'>(Math.max(0, Math.floor(options.edits))).fill('edit'),
    ...Array<'delete'>(Math.max(0, Math.floor(options.deletes))).fill('delete'),
  ];
  // Interleave deterministically so creates, edits and deletes are spread over the interval.
  for (let i = ops.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [ops[i], ops[j]] = [ops[j]!, ops[i]!];
  }
  const summary = {
    fromMs,
    toMs: fromMs + ms,
    created: {} as Record<string, number>,
    edited: {} as Record<string, number>,
    deleted: {} as Record<string, number>,
    skipped: 0,
    changes: [] as ActivityChange[],
  };
  const entities = store.entityList.map((e) => e.id);
  ops.forEach((op, i) => {
    // Each change at its own second inside (from, from + ms]; stamps never pass the new "now".
    const atMs = total > 0 ? fromMs + Math.floor(((i + 1) * ms) / (total + 1)) : fromMs;
    const ctx: BooksContext = { atMs, source: 'api' };
    const date = localDate(store, atMs);
    const entity = rng.pick(entities);
    const done =
      op === 'create'
        ? createOne(store, rng, entity, date, ctx)
        : op === 'edit'
          ? editOne(store, rng, entity, ctx)
          : deleteOne(store, rng, entity, ctx);
    if (!done) {
      summary.skipped++;
      return;
    }
    bump(op === 'create' ? summary.created : op === 'edit' ? summary.edited : summary.deleted, done.object);
    summary.changes.push({ op, ...done });
  });
  store.clock.advance(ms);
  return summary;
}

/** The calendar date in the company's time zone at an instant. */
function localDate(store: SandboxStore, ms: number): string {
  const w = wallTime(ms, store.timezone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

interface Done {
  readonly object: string;
  readonly recordNo: string;
  readonly entity: string;
}

function result(r: BooksResult, object: string, entity: string): Done | null {
  return r.ok ? { object, recordNo: r.record.RECORDNO ?? '', entity } : null;
}

function usable(store: SandboxStore, object: string, entity: string): SandboxRecord[] {
  const out: SandboxRecord[] = [];
  for (const r of store.visible(object, entity, false)) if ((r.STATUS ?? 'active') === 'active') out.push(r);
  return out;
}

function locationsOf(store: SandboxStore, entity: string): string[] {
  return store
    .list('LOCATION')
    .filter((l) => l.ENTITY === entity && l.STATUS === 'active')
    .map((l) => l.LOCATIONID ?? entity);
}

function openFor(store: SandboxStore, record: SandboxRecord, dateField: string): boolean {
  const closed = store.closedThrough(record.MEGAENTITYID ?? TOP_LEVEL_ID);
  const date = record[dateField];
  return closed === null || (date !== null && date !== undefined && date > closed);
}

type CreateKind = 'invoice' | 'arpayment' | 'bill' | 'appayment' | 'journal' | 'customer' | 'vendor';
type EditKind = 'customer' | 'vendor' | 'invoice' | 'bill' | 'journal';

/** The drawn kind first; when it has nothing to work on, kinds that always can. */
function createOne(
  store: SandboxStore,
  rng: Rng,
  entity: string,
  date: string,
  ctx: BooksContext,
): Done | null {
  const drawn = rng.weighted<CreateKind>([
    ['invoice', 35],
    ['arpayment', 15],
    ['bill', 25],
    ['appayment', 10],
    ['journal', 10],
    ['customer', 3],
    ['vendor', 2],
  ]);
  for (const kind of [drawn, 'invoice', 'journal'] as const) {
    const done = createKind(store, rng, entity, date, ctx, kind);
    if (done) return done;
  }
  return null;
}

function createKind(
  store: SandboxStore,
  rng: Rng,
  entity: string,
  date: string,
  ctx: BooksContext,
  kind: CreateKind,
): Done | null {
  const locations = locationsOf(store, entity);
  const location = () => rng.pick(locations.length > 0 ? locations : [entity]);
  switch (kind) {
    case 'invoice': {
      const customers = usable(store, 'CUSTOMER', entity);
      const items = usable(store, 'ITEM', entity);
      if (customers.length === 0 || items.length === 0) return null;
      const customer = rng.pick(customers);
      const lines: SandboxFields[] = Array.from({ length: rng.int(1, 3) }, () => {
        const item = rng.pick(items);
        return {
          ACCOUNTNO: item.INCOMEACCOUNTNO ?? '4000',
          TRX_AMOUNT: multiply(rng.money(50, 5000), String(rng.int(1, 5)), 2),
          ITEMID: item.ITEMID,
          DEPARTMENTID: 'SALES',
          LOCATIONID: location(),
          ENTRYDESCRIPTION: `${item.NAME} (new)`,
        };
      });
      const header = {
        CUSTOMERID: customer.CUSTOMERID,
        WHENCREATED: date,
        TERMNAME: 'N30',
        DOCNUMBER: `PO${rng.int(10000, 99999)}`,
      };
      return result(createArInvoice(store, entity, header, lines, ctx), 'ARINVOICE', entity);
    }
    case 'arpayment': {
      const open = store
        .list('ARINVOICE')
        .filter((d) => d.MEGAENTITYID === entity && !isZero(d.TRX_TOTALDUE ?? '0'));
      if (open.length === 0) return null;
      const inv = rng.pick(open);
      const header = {
        CUSTOMERID: inv.CUSTOMERID,
        PAYMENTMETHOD: 'EFT',
        RECEIPTDATE: date,
        FINANCIALENTITY: bankAccountId(entity),
        DOCNUMBER: `RCPT-A${rng.int(100000, 999999)}`,
      };
      const amount = rng.chance(0.8) ? inv.TRX_TOTALDUE! : multiply(inv.TRX_TOTALDUE!, '0.5', 2);
      const r = createArPayment(
        store,
        entity,
        header,
        [{ RECORDKEY: inv.RECORDNO, TRX_PAYMENTAMOUNT: amount }],
        ctx,
      );
      return result(r, 'ARPYMT', entity);
    }
    case 'bill': {
      const vendors = usable(store, 'VENDOR', entity);
      if (vendors.length === 0) return null;
      const vendor = rng.pick(vendors);
      const lines = [
        {
          ACCOUNTNO: rng.pick(['6100', '6200', '6300', '6400', '6500']),
          TRX_AMOUNT: rng.money(40, 6000),
          DEPARTMENTID: rng.pick(['ENG', 'SALES', 'G&A', 'MKTG']),
          LOCATIONID: location(),
          ENTRYDESCRIPTION: `${vendor.NAME} charges`,
        },
      ];
      const header = {
        VENDORID: vendor.VENDORID,
        WHENCREATED: date,
        TERMNAME: 'N30',
        RECORDID: `VB-A${rng.int(100000, 999999)}`,
      };
      return result(createApBill(store, entity, header, lines, ctx), 'APBILL', entity);
    }
    case 'appayment': {
      const open = store
        .list('APBILL')
        .filter((d) => d.MEGAENTITYID === entity && !isZero(d.TRX_TOTALDUE ?? '0'));
      if (open.length === 0) return null;
      const bill = rng.pick(open);
      const header = {
        VENDORID: bill.VENDORID,
        PAYMENTMETHOD: 'ACH',
        PAYMENTDATE: date,
        FINANCIALENTITY: bankAccountId(entity),
      };
      const r = createApPayment(
        store,
        entity,
        header,
        [{ RECORDKEY: bill.RECORDNO, TRX_PAYMENTAMOUNT: bill.TRX_TOTALDUE }],
        ctx,
      );
      return result(r, 'APPYMT', entity);
    }
    case 'journal': {
      const amount = rng.money(100, 9000);
      const lines: SandboxFields[] = [
        {
          ACCOUNTNO: rng.pick(['6200', '6300', '6800']),
          TR_TYPE: '1',
          TRX_AMOUNT: amount,
          LOCATION: location(),
          DEPARTMENT: 'G&A',
        },
        { ACCOUNTNO: CONTROL_ACCOUNTS.cash, TR_TYPE: '-1', TRX_AMOUNT: amount, LOCATION: entity },
      ];
      const header = {
        JOURNAL: 'GJ',
        BATCH_DATE: date,
        BATCH_TITLE: `Adjustment ${date}`,
        REFERENCENO: `ADJ-${rng.int(1000, 9999)}`,
      };
      return result(createJournalEntry(store, entity, header, lines, ctx), 'GLBATCH', entity);
    }
    case 'customer': {
      const id = `C-N${String(store.peekNextKey('CUSTOMER')).padStart(5, '0')}`;
      const r = createCustomer(
        store,
        null,
        {
          CUSTOMERID: id,
          NAME: `New Customer ${id}`,
          'DISPLAYCONTACT.PRINTAS': `New Customer ${id}`,
          TERMNAME: 'N30',
          CURRENCY: 'USD',
        },
        ctx,
      );
      return result(r, 'CUSTOMER', TOP_LEVEL_ID);
    }
    case 'vendor': {
      const id = `V-N${String(store.peekNextKey('VENDOR')).padStart(5, '0')}`;
      const r = createVendor(
        store,
        null,
        {
          VENDORID: id,
          NAME: `New Vendor ${id}`,
          'DISPLAYCONTACT.PRINTAS': `New Vendor ${id}`,
          TERMNAME: 'N30',
          CURRENCY: 'USD',
        },
        ctx,
      );
      return result(r, 'VENDOR', TOP_LEVEL_ID);
    }
  }
}

function editOne(store: SandboxStore, rng: Rng, entity: string, ctx: BooksContext): Done | null {
  const drawn = rng.weighted<EditKind>([
    ['customer', 3],
    ['vendor', 2],
    ['invoice', 3],
    ['bill', 2],
    ['journal', 2],
  ]);
  for (const kind of [drawn, 'customer'] as const) {
    const done = editKind(store, rng, entity, ctx, kind);
    if (done) return done;
  }
  return null;
}

function editKind(
  store: SandboxStore,
  rng: Rng,
  entity: string,
  ctx: BooksContext,
  kind: EditKind,
): Done | null {
  switch (kind) {
    case 'customer':
    case 'vendor': {
      const object = kind === 'customer' ? 'CUSTOMER' : 'VENDOR';
      const rec = rng.pick(store.list(object));
      const r = updateRecord(
        store,
        null,
        object,
        { RECORDNO: rec.RECORDNO, 'DISPLAYCONTACT.EMAIL1': `billing${rng.int(1, 999)}@example.com` },
        {},
        ctx,
      );
      return result(r, object, rec.MEGAENTITYID ?? TOP_LEVEL_ID);
    }
    case 'invoice':
    case 'bill': {
      const object = kind === 'invoice' ? 'ARINVOICE' : 'APBILL';
      const candidates = store
        .list(object)
        .filter((d) => d.MEGAENTITYID === entity && openFor(store, d, 'WHENCREATED'));
      if (candidates.length === 0) return null;
      const rec = rng.pick(candidates);
      const r = updateRecord(
        store,
        entity,
        object,
        { RECORDNO: rec.RECORDNO, DESCRIPTION: `Updated ${rng.int(1, 9999)}` },
        {},
        ctx,
      );
      return result(r, object, entity);
    }
    case 'journal': {
      const candidates = store
        .list('GLBATCH')
        .filter((b) => b.MEGAENTITYID === entity && b.MODULE === '2.GL' && openFor(store, b, 'BATCH_DATE'));
      if (candidates.length === 0) return null;
      const rec = rng.pick(candidates);
      const r = updateRecord(
        store,
        entity,
        'GLBATCH',
        { RECORDNO: rec.RECORDNO, BATCH_TITLE: `${rec.BATCH_TITLE ?? 'Entry'} (edited)` },
        {},
        ctx,
      );
      return result(r, 'GLBATCH', entity);
    }
  }
}

function deleteOne(store: SandboxStore, rng: Rng, entity: string, ctx: BooksContext): Done | null {
  const order = rng.weighted([
    ['ARINVOICE', 3],
    ['APBILL', 2],
    ['GLBATCH', 2],
    ['ARPYMT', 2],
  ] as const);
  // Try the drawn kind first, then the others, so a delete happens whenever anything is deletable.
  const kinds = ['ARINVOICE', 'APBILL', 'GLBATCH', 'ARPYMT'] as const;
  for (const object of [order, ...kinds.filter((k) => k !== order)]) {
    const candidates = store.list(object).filter((r) => {
      if (r.MEGAENTITYID !== entity) return false;
      if (object === 'GLBATCH') return r.MODULE === '2.GL' && openFor(store, r, 'BATCH_DATE');
      if (object === 'ARPYMT') return openFor(store, r, 'WHENCREATED');
      return isZero(r.TRX_TOTALPAID ?? '0') && openFor(store, r, 'WHENCREATED');
    });
    if (candidates.length === 0) continue;
    const rec = rng.pick(candidates);
    const r = deleteRecord(store, entity, object, rec.RECORDNO!, ctx);
    if (r.ok) return { object, recordNo: rec.RECORDNO ?? '', entity };
  }
  return null;
}
