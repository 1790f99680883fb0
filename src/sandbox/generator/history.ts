/**
 * Twenty-two months of activity, written day by day through the books so every rule holds: AR
 * invoices and payments, AP bills and payments, payroll and its remittances, accruals and reversals,
 * depreciation, intercompany fees, miscellaneous and foreign-currency entries, drafts, edits and
 * deletions, purchase orders, timesheets and budgets.
 */
import { isZero, multiply, sub, sum } from '../../core/decimal.ts';
import {
  CONTROL_ACCOUNTS,
  bankAccountId,
  createArInvoice,
  createApBill,
  createApPayment,
  createArPayment,
  createJournalEntry,
  deleteRecord,
  expectOk,
  updateRecord,
} from '../books.ts';
import { type BooksContext, addDays, createStamps, megaFields } from '../books/common.ts';
import type { SandboxFields, SandboxStore } from '../store.ts';
import {
  ACTIVE_DEPARTMENTS,
  ENTITIES,
  EXPENSE_ACCOUNTS,
  FUND_IDS,
  HISTORY_END,
  HISTORY_START,
  intercompanyPartyId,
  type MasterData,
  type PartyInfo,
  monthEnd,
} from './master.ts';
import type { Rng } from './rng.ts';

type Task = () => void;

/** Runs tasks by calendar day; tasks may schedule later tasks (payments after invoices). */
class Calendar {
  readonly #buckets = new Map<string, Task[]>();
  #today = '';

  at(date: string, task: Task): void {
    if (date > HISTORY_END) return; // beyond today: the document stays open
    const d = date < this.#today ? this.#today : date;
    let b = this.#buckets.get(d);
    if (!b) {
      b = [];
      this.#buckets.set(d, b);
    }
    b.push(task);
  }

  run(from: string, to: string): void {
    for (let d = from; d <= to; d = addDays(d, 1)) {
      this.#today = d;
      const tasks = this.#buckets.get(d);
      if (!tasks) continue;
      // Tasks scheduled for today while running today are appended and run too.
      for (let i = 0; i < tasks.length; i++) tasks[i]!();
      this.#buckets.delete(d);
    }
  }
}

/** Creation instants: the n-th write of a day lands at 14:00 UTC + 2n seconds. */
class Stamps {
  readonly #perDay = new Map<string, number>();
  ctx(date: string, extra: Partial<BooksContext> = {}): BooksContext {
    const n = this.#perDay.get(date) ?? 0;
    this.#perDay.set(date, n + 1);
    return { atMs: Date.parse(`${date}T14:00:00Z`) + n * 2000, ...extra };
  }
}

const ENTITY_WEIGHT: Readonly<Record<string, number>> = { US1: 1.4, UK1: 0.8, DE1: 0.8 };

export function buildHistory(store: SandboxStore, rng: Rng, scale: number, md: MasterData): void {
  const cal = new Calendar();
  const stamps = new Stamps();
  const r = rng.fork('history');
  const pay = rng.fork('payments');
  const ok = (result: Parameters<typeof expectOk>[0], what: string) => expectOk(result, what);
  let checkNo = 1000;

  const customersOf = (entity: string) => md.customers.filter((c) => c.home === entity);
  const vendorsOf = (entity: string) => md.vendors.filter((v) => v.home === entity);
  const partyFor = (list: readonly PartyInfo[], all: readonly PartyInfo[]) =>
    r.chance(0.85) && list.length > 0 ? r.pick(list) : r.pick(all);
  const dayIn = (year: number, month: number) => {
    const last = Number(monthEnd(year, month).slice(8));
    return `${year}-${String(month).padStart(2, '0')}-${String(r.int(1, last)).padStart(2, '0')}`;
  };

  // ---- AR --------------------------------------------------------------------------------------
  const invoice = (entity: string, date: string) => {
    const customer = partyFor(customersOf(entity), md.customers);
    const projects = md.projects.filter((p) => p.entity === entity && p.customer === customer.id);
    const lineCount = r.int(1, 4);
    const lines: SandboxFields[] = [];
    for (let i = 0; i < lineCount; i++) {
      const item = r.pick(md.items);
      const qty = String(r.int(1, item.max > 5000 ? 3 : 12));
      const services = item.account === '4100';
      lines.push({
        ACCOUNTNO: item.account,
        TRX_AMOUNT: multiply(r.money(item.min, item.max), qty, 2),
        ENTRYDESCRIPTION: `${item.id} x ${qty}`,
        DEPARTMENTID: services ? r.pick(['OPS', 'SUPPORT']) : 'SALES',
        LOCATIONID: r.pick(md.locations[entity] ?? [entity]),
        ITEMID: item.id,
        CLASSID: customer.classId,
        PROJECTID: services && projects.length > 0 ? r.pick(projects).id : null,
        GLDIMFUND: r.chance(0.15) ? r.pick(FUND_IDS) : null,
      });
    }
    const inv = ok(
      createArInvoice(
        store,
        entity,
        {
          CUSTOMERID: customer.id,
          WHENCREATED: date,
          TERMNAME: r.weighted([
            ['N30', 6],
            ['N15', 2],
            ['N45', 1],
          ] as const),
          DOCNUMBER: r.chance(0.7) ? `PO${r.int(10000, 99999)}` : null,
          DESCRIPTION: r.chance(0.5) ? `Services and products for ${customer.name}` : null,
        },
        lines,
        stamps.ctx(date),
      ),
      'AR invoice',
    );
    const due = inv.WHENDUE ?? date;
    const fate = pay.next();
    const receive = (on: string, part: 'all' | 'half') =>
      cal.at(on, () => {
        const current = store.get('ARINVOICE', inv.RECORDNO!);
        if (!current || isZero(current.TRX_TOTALDUE ?? '0')) return;
        const amount = part === 'all' ? current.TRX_TOTALDUE! : multiply(current.TRX_TOTALDUE!, '0.5', 2);
        const undeposited = pay.chance(0.1);
        ok(
          createArPayment(
            store,
            entity,
            {
              CUSTOMERID: customer.id,
              PAYMENTMETHOD: pay.pick(['Printed Check', 'EFT', 'Credit Card', 'Cash']),
              RECEIPTDATE: on,
              ...(undeposited
                ? { UNDEPOSITEDACCOUNTNO: CONTROL_ACCOUNTS.undepositedFunds }
                : { FINANCIALENTITY: bankAccountId(entity) }),
              DOCNUMBER: `RCPT-${checkNo++}`,
            },
            [{ RECORDKEY: inv.RECORDNO, TRX_PAYMENTAMOUNT: amount }],
            stamps.ctx(on),
          ),
          'AR payment',
        );
      });
    if (fate < 0.02) {
      const voidOn = addDays(date, pay.int(1, 6));
      cal.at(voidOn, () => {
        ok(deleteRecord(store, entity, 'ARINVOICE', inv.RECORDNO!, stamps.ctx(voidOn)), 'invoice delete');
      });
    } else if (fate < 0.07) {
      // never paid: stays open
    } else if (fate < 0.1) {
      receive(addDays(due, pay.int(-10, 10)), 'half'); // the rest is still owed
    } else if (fate < 0.19) {
      const first = addDays(due, pay.int(-10, 10));
      receive(first, 'half');
      receive(addDays(first, pay.int(15, 45)), 'all');
    } else {
      receive(addDays(due, pay.int(-8, 25)), 'all');
    }
    if (pay.chance(0.05)) {
      const editOn = addDays(date, pay.int(2, 30));
      cal.at(editOn, () => {
        if (store.get('ARINVOICE', inv.RECORDNO!)) {
          const at = stamps.ctx(editOn);
          ok(
            updateRecord(
              store,
              entity,
              'ARINVOICE',
              { RECORDNO: inv.RECORDNO, DESCRIPTION: 'Revised billing contact' },
              {},
              at,
            ),
            'invoice edit',
          );
        }
      });
    }
  };

  // ---- AP --------------------------------------------------------------------------------------
  const bill = (entity: string, date: string) => {
    const vendor = partyFor(vendorsOf(entity), md.vendors);
    const lineCount = r.int(1, 3);
    const lines: SandboxFields[] = [];
    for (let i = 0; i < lineCount; i++) {
      const [account, department] = r.weighted(EXPENSE_ACCOUNTS.map((a) => [a, a[2]] as const));
      const projects = md.projects.filter((p) => p.entity === entity);
      lines.push({
        ACCOUNTNO: account,
        TRX_AMOUNT: r.money(40, account === '6100' ? 25000 : 6000),
        ENTRYDESCRIPTION: `${vendor.name} charges`,
        DEPARTMENTID: department,
        LOCATIONID: r.pick(md.locations[entity] ?? [entity]),
        PROJECTID: r.chance(0.1) && projects.length > 0 ? r.pick(projects).id : null,
        GLDIMFUND: r.chance(0.1) ? r.pick(FUND_IDS) : null,
        CLASSID: r.chance(0.2) ? r.pick(['ENT', 'MID', 'SMB']) : null,
      });
    }
    const b = ok(
      createApBill(
        store,
        entity,
        {
          VENDORID: vendor.id,
          WHENCREATED: date,
          TERMNAME: r.weighted([
            ['N30', 5],
            ['N45', 2],
            ['N15', 1],
          ] as const),
          RECORDID: `VB-${r.int(100000, 999999)}`,
          DOCNUMBER: r.chance(0.5) ? `INV-${r.int(1000, 99999)}` : null,
        },
        lines,
        stamps.ctx(date),
      ),
      'AP bill',
    );
    if (pay.chance(0.92)) {
      const on = addDays(b.WHENDUE ?? date, pay.int(-5, 10));
      cal.at(on, () => {
        const current = store.get('APBILL', b.RECORDNO!);
        if (!current || isZero(current.TRX_TOTALDUE ?? '0')) return;
        ok(
          createApPayment(
            store,
            entity,
            {
              VENDORID: vendor.id,
              PAYMENTMETHOD: pay.pick(['Printed Check', 'EFT', 'ACH']),
              PAYMENTDATE: on,
              FINANCIALENTITY: bankAccountId(entity),
              DOCNUMBER: `PAY-${checkNo++}`,
            },
            [{ RECORDKEY: b.RECORDNO, TRX_PAYMENTAMOUNT: current.TRX_TOTALDUE }],
            stamps.ctx(on),
          ),
          'AP payment',
        );
      });
    }
  };

  // ---- GL --------------------------------------------------------------------------------------
  const je = (
    entity: string,
    date: string,
    journal: string,
    title: string,
    lines: SandboxFields[],
    extra: SandboxFields = {},
    ctx: Partial<BooksContext> = {},
  ) =>
    ok(
      createJournalEntry(
        store,
        entity,
        { JOURNAL: journal, BATCH_DATE: date, BATCH_TITLE: title, ...extra },
        lines,
        // Entries nobody touched again keep a null WHENMODIFIED, as Intacct's do.
        stamps.ctx(date, { leaveModifiedNull: r.chance(0.12), ...ctx }),
      ),
      title,
    );
  const dr = (account: string, amount: string, loc: string, more: SandboxFields = {}): SandboxFields => ({
    ACCOUNTNO: account,
    TR_TYPE: '1',
    TRX_AMOUNT: amount,
    LOCATION: loc,
    ...more,
  });
  const cr = (account: string, amount: string, loc: string, more: SandboxFields = {}): SandboxFields => ({
    ACCOUNTNO: account,
    TR_TYPE: '-1',
    TRX_AMOUNT: amount,
    LOCATION: loc,
    ...more,
  });

  const payroll = (entity: string, date: string) => {
    const staff = md.employees.filter((e) => e.entity === entity);
    const lines: SandboxFields[] = [];
    const byDept = new Map<string, string[]>();
    for (const e of staff) {
      const monthly = multiply(String(e.annualSalary), '0.083333', 2);
      lines.push(
        dr('6000', monthly, e.location, {
          DEPARTMENT: e.department,
          EMPLOYEEID: e.id,
          DESCRIPTION: 'Gross pay',
        }),
      );
      byDept.set(e.department, [...(byDept.get(e.department) ?? []), monthly]);
    }
    const total = sum(lines.map((l) => l.TRX_AMOUNT ?? '0'));
    let taxes = '0';
    let benefits = '0';
    for (const [dept, amounts] of [...byDept].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const t = multiply(sum(amounts), '0.0765', 2);
      const b = multiply('600', String(amounts.length), 2);
      taxes = sum([taxes, t]);
      benefits = sum([benefits, b]);
      lines.push(dr('6010', t, entity, { DEPARTMENT: dept, DESCRIPTION: 'Employer payroll taxes' }));
      lines.push(dr('6020', b, entity, { DEPARTMENT: dept, DESCRIPTION: 'Benefits' }));
    }
    const net = multiply(total, '0.72', 2);
    const withheld = sum([sub(total, net), taxes]);
    lines.push(cr(CONTROL_ACCOUNTS.cash, net, entity, { DESCRIPTION: 'Net pay' }));
    lines.push(cr('2200', withheld, entity, { DESCRIPTION: 'Taxes withheld and employer taxes' }));
    lines.push(cr(CONTROL_ACCOUNTS.accruedPayroll, benefits, entity, { DESCRIPTION: 'Benefits payable' }));
    je(entity, date, 'PYJ', `Payroll ${date.slice(0, 7)}`, lines, {
      REFERENCENO: `PR-${entity}-${date.slice(0, 7)}`,
    });
    const remit = addDays(monthEnd(Number(date.slice(0, 4)), Number(date.slice(5, 7))), 10);
    cal.at(remit, () =>
      je(entity, remit, 'GJ', `Payroll liabilities remittance ${date.slice(0, 7)}`, [
        dr('2200', withheld, entity),
        dr(CONTROL_ACCOUNTS.accruedPayroll, benefits, entity),
        cr(CONTROL_ACCOUNTS.cash, sum([withheld, benefits]), entity),
      ]),
    );
  };

  const miscEntry = (entity: string, date: string) => {
    const base = store.baseCurrency(entity);
    const foreign = r.chance(0.2) ? r.pick(['USD', 'EUR', 'GBP', 'CAD'].filter((c) => c !== base)) : null;
    const loc = () => r.pick(md.locations[entity] ?? [entity]);
    const currency = foreign ? { CURRENCY: foreign } : {};
    const kind = r.int(0, 2);
    const draft = r.chance(0.04);
    const untouched = !draft && r.chance(0.1);
    let lines: SandboxFields[];
    let title: string;
    if (kind === 2) {
      const amount = r.wholeMoney(1000, 50000 * Math.max(scale, 0.2), 100);
      lines = [dr('1020', amount, entity, currency), cr(CONTROL_ACCOUNTS.cash, amount, entity, currency)];
      title = 'Transfer to savings';
    } else {
      const parts = r.int(1, 3);
      lines = [];
      const amounts: string[] = [];
      for (let i = 0; i < parts; i++) {
        const [account, department] = r.pick(EXPENSE_ACCOUNTS);
        const amount = r.money(20, 4000);
        amounts.push(amount);
        const projects = md.projects.filter((p) => p.entity === entity);
        const project = r.chance(0.2) && projects.length > 0 ? r.pick(projects) : null;
        lines.push(
          dr(account, amount, loc(), {
            ...currency,
            DEPARTMENT: department,
            PROJECTID: project?.id ?? null,
            TASKID: project && r.chance(0.5) ? r.pick(project.tasks) : null,
            CLASSID: r.chance(0.3) ? r.pick(['ENT', 'MID', 'SMB', 'GOV', 'NFP']) : null,
            GLDIMFUND: r.chance(0.25) ? r.pick(FUND_IDS) : null,
            DESCRIPTION: kind === 0 ? 'Card expense' : 'Reclass',
          }),
        );
      }
      lines.push(
        cr(
          kind === 0 ? CONTROL_ACCOUNTS.cash : CONTROL_ACCOUNTS.accruedExpenses,
          sum(amounts),
          entity,
          currency,
        ),
      );
      title = kind === 0 ? 'Corporate card expenses' : 'Expense accrual';
    }
    const batch = je(
      entity,
      date,
      'GJ',
      `${title} ${date}`,
      lines,
      { STATE: draft ? 'Draft' : 'Posted' },
      { leaveModifiedNull: untouched },
    );
    if (draft) {
      const later = addDays(date, r.int(1, 20));
      const post = r.chance(0.5);
      cal.at(later, () => {
        const ctx = stamps.ctx(later);
        if (post)
          ok(
            updateRecord(store, entity, 'GLBATCH', { RECORDNO: batch.RECORDNO, STATE: 'Posted' }, {}, ctx),
            'post draft',
          );
        else ok(deleteRecord(store, entity, 'GLBATCH', batch.RECORDNO!, ctx), 'delete draft');
      });
    } else if (!untouched && r.chance(0.06)) {
      const later = addDays(date, r.int(1, 25));
      cal.at(later, () =>
        ok(
          updateRecord(
            store,
            entity,
            'GLBATCH',
            { RECORDNO: batch.RECORDNO, BATCH_TITLE: `${title} ${date} (revised)` },
            {},
            stamps.ctx(later),
          ),
          'edit JE',
        ),
      );
    }
  };

  const quarterEnd = (entity: string, date: string) => {
    const dep = r.wholeMoney(1500, 1500 + 6000 * Math.max(scale, 0.1), 10);
    je(entity, date, 'GJ', `Depreciation ${date.slice(0, 7)}`, [
      dr('6600', dep, entity, { DEPARTMENT: 'G&A' }),
      cr('1510', dep, entity),
    ]);
    const accrual = r.wholeMoney(2000, 20000, 100);
    const next = addDays(date, 1);
    je(
      entity,
      date,
      'ADJ',
      `Audit fee accrual ${date.slice(0, 7)}`,
      [
        dr('6400', accrual, entity, { DEPARTMENT: 'FIN' }),
        cr(CONTROL_ACCOUNTS.accruedExpenses, accrual, entity),
      ],
      { REVERSEDATE: next },
    );
    cal.at(next, () =>
      je(entity, next, 'GJ', `Reversal: audit fee accrual ${date.slice(0, 7)}`, [
        dr(CONTROL_ACCOUNTS.accruedExpenses, accrual, entity),
        cr('6400', accrual, entity, { DEPARTMENT: 'FIN' }),
      ]),
    );
  };

  const intercompany = (date: string) => {
    for (const sub of ['UK1', 'DE1']) {
      const fee = r.wholeMoney(4000, 4000 + 20000 * Math.max(scale, 0.1), 50);
      je('US1', date, 'ICJ', `Management fee charged to ${sub} ${date.slice(0, 7)}`, [
        dr(CONTROL_ACCOUNTS.intercompanyReceivable, fee, 'US1', {
          DESCRIPTION: `Due from ${sub}`,
          CUSTOMERID: intercompanyPartyId(sub),
        }),
        cr('4950', fee, 'US1', { DEPARTMENT: 'G&A' }),
      ]);
      je(sub, date, 'ICJ', `Management fee from US1 ${date.slice(0, 7)}`, [
        dr('7200', fee, sub, { DEPARTMENT: 'G&A', CURRENCY: 'USD' }),
        cr(CONTROL_ACCOUNTS.intercompanyPayable, fee, sub, {
          CURRENCY: 'USD',
          DESCRIPTION: 'Due to US1',
          VENDORID: intercompanyPartyId('US1'),
        }),
      ]);
    }
  };

  // ---- documents outside the GL ------------------------------------------------------------------
  let poNo = 0;
  const purchaseOrder = (entity: string, date: string) => {
    const vendor = partyFor(vendorsOf(entity), md.vendors);
    const ctx = stamps.ctx(date);
    const docNo = `PO-${entity}-${String(++poNo).padStart(6, '0')}`;
    const lines = Array.from({ length: r.int(1, 4) }, () => {
      const item = r.pick(md.items);
      const qty = String(r.int(1, 20));
      const price = r.money(item.min * 0.3, item.min * 0.6 + 10);
      return { item, qty, price, value: multiply(price, qty, 2) };
    });
    const total = sum(lines.map((l) => l.value));
    const base = store.baseCurrency(entity);
    const header = store.insert('PODOCUMENT', {
      DOCNO: docNo,
      DOCID: `Purchase Order-${docNo}`,
      DOCPARID: 'Purchase Order',
      STATE: date < '2026-09-01' ? 'Closed' : 'Pending',
      WHENCREATED: date,
      WHENDUE: addDays(date, 30),
      CUSTVENDID: vendor.id,
      CUSTVENDNAME: vendor.name,
      PONUMBER: docNo,
      'TERM.NAME': 'N30',
      CURRENCY: base,
      BASECURR: base,
      EXCHRATE: '1',
      SUBTOTAL: total,
      TOTAL: total,
      TRX_SUBTOTAL: total,
      TRX_TOTAL: total,
      ...createStamps(store, ctx, 'AUWHENCREATED'),
      ...megaFields(store, entity),
    });
    lines.forEach((l, i) => {
      store.insert('PODOCUMENTENTRY', {
        DOCHDRNO: header.RECORDNO,
        DOCHDRID: header.DOCID,
        LINE_NO: String(i + 1),
        ITEMID: l.item.id,
        ITEMDESC: l.item.id,
        UNIT: 'Each',
        QUANTITY: l.qty,
        PRICE: l.price,
        TRX_PRICE: l.price,
        VALUE: l.value,
        TRX_VALUE: l.value,
        LOCATIONID: entity,
        DEPARTMENTID: r.pick(ACTIVE_DEPARTMENTS),
        ...createStamps(store, ctx),
        ...megaFields(store, entity),
      });
    });
  };

  const timesheets = (entity: string, year: number, month: number) => {
    const projects = md.projects.filter((p) => p.entity === entity);
    if (projects.length === 0) return;
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    const end = monthEnd(year, month);
    for (const e of md.employees.filter((x) => x.entity === entity && x.billable)) {
      const ctx = stamps.ctx(end);
      const sheet = store.insert('TIMESHEET', {
        EMPLOYEEID: e.id,
        EMPLOYEENAME: store.findById('EMPLOYEE', e.id)?.CONTACT_NAME ?? null,
        BEGINDATE: start,
        ENDDATE: end,
        STATE: end >= '2026-10-01' ? 'Submitted' : 'Approved',
        DESCRIPTION: `Time ${start.slice(0, 7)}`,
        UOM: 'Hour',
        HOURSINDAY: '8',
        LOCATIONID: e.location,
        DEPARTMENTID: e.department,
        ...createStamps(store, ctx),
        ...megaFields(store, entity),
      });
      const count = r.int(3, 8);
      for (let i = 0; i < count; i++) {
        const project = r.pick(projects);
        store.insert('TIMESHEETENTRY', {
          TIMESHEETKEY: sheet.RECORDNO,
          LINENO: String(i + 1),
          ENTRYDATE: dayIn(year, month),
          QTY: String(r.int(1, 8)),
          BILLABLE: 'true',
          DESCRIPTION: 'Project work',
          PROJECTID: project.id,
          TASKID: r.pick(project.tasks),
          CUSTOMERID: project.customer,
          EMPLOYEEID: e.id,
          ITEMID: 'SVC-CONS',
          DEPARTMENTID: e.department,
          LOCATIONID: e.location,
          STATE: sheet.STATE,
          ...createStamps(store, ctx),
          ...megaFields(store, entity),
        });
      }
    }
  };

  const budgets = (entity: string, year: number) => {
    const ctx = stamps.ctx(`${year - 1}-12-10`);
    const base = store.baseCurrency(entity);
    const header = store.insert('GLBUDGETHEADER', {
      BUDGETID: `${entity}-FY${year}`,
      DESCRIPTION: `${entity} operating budget ${year}`,
      SYSTEMGENERATED: 'false',
      DEFAULT_BUDGET: year === 2026 ? 'true' : 'false',
      STATUS: 'active',
      ISCONSOLIDATED: 'false',
      CURRENCY: base,
      ...createStamps(store, ctx),
      ...megaFields(store, entity),
    });
    const lines: (readonly [string, string])[] = [
      ['4000', 'SALES'],
      ['4100', 'OPS'],
      ['4200', 'SALES'],
      ['5000', 'OPS'],
      ['6000', 'ENG'],
      ...EXPENSE_ACCOUNTS.filter(([a]) => a >= '6100').map(([a, d]) => [a, d] as const),
    ];
    for (const [accountNo, dept] of lines) {
      const acct = store.findById('GLACCOUNT', accountNo);
      const monthly = r.int(2, 60) * 500 * Math.max(1, Math.round(scale * 4));
      for (let m = 1; m <= 12; m++) {
        const period = store.findById('REPORTINGPERIOD', periodNameOf(year, m));
        store.insert('GLBUDGETITEM', {
          BUDGETKEY: header.RECORDNO,
          BUDGETID: header.BUDGETID,
          ACCOUNTKEY: acct?.RECORDNO ?? null,
          ACCT_NO: accountNo,
          ACCTTITLE: acct?.TITLE ?? null,
          DEPT_NO: dept,
          DEPT_TITLE: store.findById('DEPARTMENT', dept)?.TITLE ?? null,
          LOCATION_NO: entity,
          LOCATION_NAME: store.entity(entity)?.name ?? null,
          PERIODKEY: period?.RECORDNO ?? null,
          PERIODNAME: period?.NAME ?? null,
          PSTARTDATE: period?.START_DATE ?? null,
          PENDDATE: period?.END_DATE ?? null,
          AMOUNT: `${Math.round(monthly * (1 + (m % 3) * 0.05))}.00`,
          BASEDON: 'Amount',
          PERPERIOD: 'Per Period',
          CURRENCY: base,
          ...createStamps(store, ctx),
          ...megaFields(store, entity),
        });
      }
    }
  };

  // ---- the plan ----------------------------------------------------------------------------------
  for (const e of ENTITIES) {
    budgets(e.id, 2025);
    cal.at('2025-01-02', () => {
      const capital = r.wholeMoney(500000 + 4000000 * scale, 500000 + 4000000 * scale, 1000);
      je(e.id, '2025-01-02', 'GJ', 'Opening capital contribution', [
        dr(CONTROL_ACCOUNTS.cash, capital, e.id),
        cr('3000', capital, e.id),
      ]);
      const equipment = r.wholeMoney(40000, 40000 + 200000 * scale, 100);
      je(e.id, '2025-01-02', 'GJ', 'Equipment purchase', [
        dr('1500', equipment, e.id),
        cr(CONTROL_ACCOUNTS.cash, equipment, e.id),
      ]);
    });
  }
  cal.at('2025-12-10', () => {
    for (const e of ENTITIES) budgets(e.id, 2026);
  });

  const startYear = Number(HISTORY_START.slice(0, 4));
  for (let index = 0; ; index++) {
    const year = startYear + Math.floor(index / 12);
    const month = (index % 12) + 1;
    if (`${year}-${String(month).padStart(2, '0')}-01` > HISTORY_END) break;
    for (const e of ENTITIES) {
      const w = ENTITY_WEIGHT[e.id] ?? 1;
      for (let i = r.count(60 * scale * w); i > 0; i--) {
        const d = dayIn(year, month);
        cal.at(d, () => invoice(e.id, d));
      }
      for (let i = r.count(50 * scale * w); i > 0; i--) {
        const d = dayIn(year, month);
        cal.at(d, () => bill(e.id, d));
      }
      for (let i = r.count(4 * scale + 0.3); i > 0; i--) {
        const d = dayIn(year, month);
        cal.at(d, () => miscEntry(e.id, d));
      }
      for (let i = r.count(8 * scale + 0.2); i > 0; i--) {
        const d = dayIn(year, month);
        cal.at(d, () => purchaseOrder(e.id, d));
      }
      const payday = `${year}-${String(month).padStart(2, '0')}-25`;
      cal.at(payday, () => payroll(e.id, payday));
      const end = monthEnd(year, month);
      if (month % 3 === 0) cal.at(end, () => quarterEnd(e.id, end));
      cal.at(end, () => timesheets(e.id, year, month));
    }
    if (scale >= 0.2 || month % 3 === 0) {
      const d = `${year}-${String(month).padStart(2, '0')}-20`;
      cal.at(d, () => intercompany(d));
    }
  }
  cal.run('2024-12-01', HISTORY_END);
}

function periodNameOf(year: number, month: number): string {
  const names = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `Month Ended ${names[month - 1]} ${year}`;
}

export { ENTITIES };
