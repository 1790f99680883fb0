/**
 * Ground truth computed straight from the store, for tests and for the protocol's balance functions
 * (legacy get_trialbalance and GLACCOUNTBALANCE): record counts, trial balances, subledger ties.
 *
 * Trial balance conventions (as Intacct's): balances are signed, debit positive; only posted lines
 * (GLDETAIL) count; income-statement accounts start each fiscal year (January) at zero, their earlier
 * net rolling into the retained-earnings account (3100), so every entity's trial balance sums to zero.
 */
import { createHash } from 'node:crypto';
import { fromUnits } from '../core/decimal.ts';
import { toUnits } from '../core/decimal.ts';
import { CONTROL_ACCOUNTS } from './books/common.ts';
import { SANDBOX_OBJECTS } from './catalog.ts';
import type { SandboxRecord, SandboxStore } from './store.ts';
import { TOP_LEVEL_ID } from './store.ts';

export interface TrialBalanceRow {
  readonly glaccountno: string;
  readonly title: string;
  readonly startbalance: string;
  readonly debits: string;
  readonly credits: string;
  readonly endbalance: string;
}

export type TrialBalanceRange =
  | { readonly startDate: string; readonly endDate: string }
  | { readonly period: string };

export interface TrialBalanceOptions {
  /** Include accounts with no balance and no activity (get_trialbalance showzerobalances). */
  readonly showZeroBalances?: boolean;
  /** Only lines with this department / location (get_trialbalance departmentid, locationid). */
  readonly departmentId?: string;
  readonly locationId?: string;
}

interface DayTotals {
  dr: bigint;
  cr: bigint;
}

interface Ledger {
  readonly version: number;
  /** entity → account → date → totals (base currency units of 1e-9). */
  readonly byEntity: Map<string, Map<string, Map<string, DayTotals>>>;
}

const ledgers = new WeakMap<SandboxStore, Ledger>();

/** Posted GL amounts aggregated per entity, account and day; cached until the store changes. */
function ledger(store: SandboxStore): Ledger {
  const cached = ledgers.get(store);
  if (cached && cached.version === store.version) return cached;
  const byEntity = new Map<string, Map<string, Map<string, DayTotals>>>();
  for (const d of store.list('GLDETAIL')) {
    const entity = d.MEGAENTITYID ?? TOP_LEVEL_ID;
    let accounts = byEntity.get(entity);
    if (!accounts) {
      accounts = new Map();
      byEntity.set(entity, accounts);
    }
    const acct = d.ACCOUNTNO ?? '';
    let days = accounts.get(acct);
    if (!days) {
      days = new Map();
      accounts.set(acct, days);
    }
    const date = d.BATCH_DATE ?? '';
    let t = days.get(date);
    if (!t) {
      t = { dr: 0n, cr: 0n };
      days.set(date, t);
    }
    const units = toUnits(d.AMOUNT ?? '0');
    if (d.TR_TYPE === '1') t.dr += units;
    else t.cr += units;
  }
  const fresh = { version: store.version, byEntity };
  ledgers.set(store, fresh);
  return fresh;
}

/** Like `ledger` for one entity, restricted to a department and/or location (not cached: rare). */
function filteredLedger(
  store: SandboxStore,
  entity: string,
  options: TrialBalanceOptions,
): Map<string, Map<string, DayTotals>> {
  const accounts = new Map<string, Map<string, DayTotals>>();
  for (const d of store.list('GLDETAIL')) {
    if ((d.MEGAENTITYID ?? TOP_LEVEL_ID) !== entity) continue;
    if (options.departmentId !== undefined && d.DEPARTMENTID !== options.departmentId) continue;
    if (options.locationId !== undefined && d.LOCATIONID !== options.locationId) continue;
    const acct = d.ACCOUNTNO ?? '';
    let days = accounts.get(acct);
    if (!days) {
      days = new Map();
      accounts.set(acct, days);
    }
    const date = d.BATCH_DATE ?? '';
    let t = days.get(date);
    if (!t) {
      t = { dr: 0n, cr: 0n };
      days.set(date, t);
    }
    const units = toUnits(d.AMOUNT ?? '0');
    if (d.TR_TYPE === '1') t.dr += units;
    else t.cr += units;
  }
  return accounts;
}

/** Start and end dates of a reporting period by name. */
export function periodRange(
  store: SandboxStore,
  period: string,
): { startDate: string; endDate: string } | undefined {
  const p = store.findById('REPORTINGPERIOD', period);
  if (!p?.START_DATE || !p.END_DATE) return undefined;
  return { startDate: p.START_DATE, endDate: p.END_DATE };
}

function resolveRange(store: SandboxStore, range: TrialBalanceRange): { startDate: string; endDate: string } {
  if ('period' in range) {
    const r = periodRange(store, range.period);
    if (!r) throw new RangeError(`unknown reporting period '${range.period}'`);
    return r;
  }
  return range;
}

const money = (units: bigint) => fromUnits(units, 2);

/**
 * The trial balance of one entity ('' = top level) for a date range or reporting period, one row per
 * account, ordered by account number. Accounts with nothing are left out unless showZeroBalances.
 */
export function trialBalance(
  store: SandboxStore,
  entity: string,
  range: TrialBalanceRange,
  options: TrialBalanceOptions = {},
): TrialBalanceRow[] {
  const { startDate, endDate } = resolveRange(store, range);
  const fiscalStart = `${startDate.slice(0, 4)}-01-01`;
  const filtered = options.departmentId !== undefined || options.locationId !== undefined;
  const accounts = filtered
    ? filteredLedger(store, entity, options)
    : (ledger(store).byEntity.get(entity) ?? new Map<string, Map<string, DayTotals>>());
  const rows = new Map<string, { start: bigint; dr: bigint; cr: bigint }>();
  let closedToRetained = 0n;
  for (const acct of store.list('GLACCOUNT')) {
    const no = acct.ACCOUNTNO ?? '';
    const days = accounts.get(no);
    let start = 0n;
    let dr = 0n;
    let cr = 0n;
    const closing = acct.ACCOUNTTYPE === 'incomestatement';
    if (days) {
      for (const [date, t] of days) {
        if (date < startDate) {
          if (closing && date < fiscalStart) closedToRetained += t.dr - t.cr;
          else start += t.dr - t.cr;
        } else if (date <= endDate) {
          dr += t.dr;
          cr += t.cr;
        }
      }
    }
    rows.set(no, { start, dr, cr });
  }
  const retained = rows.get(CONTROL_ACCOUNTS.retainedEarnings);
  if (retained) retained.start += closedToRetained;
  const out: TrialBalanceRow[] = [];
  for (const acct of store.list('GLACCOUNT')) {
    const no = acct.ACCOUNTNO ?? '';
    const r = rows.get(no)!;
    if (!options.showZeroBalances && r.start === 0n && r.dr === 0n && r.cr === 0n) continue;
    out.push({
      glaccountno: no,
      title: acct.TITLE ?? '',
      startbalance: money(r.start),
      debits: money(r.dr),
      credits: money(r.cr),
      endbalance: money(r.start + r.dr - r.cr),
    });
  }
  out.sort((a, b) => (a.glaccountno < b.glaccountno ? -1 : a.glaccountno > b.glaccountno ? 1 : 0));
  return out;
}

export interface EntityPeriodTrialBalance {
  readonly entity: string;
  readonly period: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly rows: readonly TrialBalanceRow[];
}

/** Trial balance of every entity (and the top level when it has postings) for every reporting period. */
export function trialBalances(store: SandboxStore): EntityPeriodTrialBalance[] {
  const byEntity = ledger(store).byEntity;
  const out: EntityPeriodTrialBalance[] = [];
  for (const e of store.entities) {
    if (e.id === TOP_LEVEL_ID && !byEntity.has(TOP_LEVEL_ID)) continue;
    for (const p of store.list('REPORTINGPERIOD')) {
      if (!p.NAME || !p.START_DATE || !p.END_DATE) continue;
      out.push({
        entity: e.id,
        period: p.NAME,
        startDate: p.START_DATE,
        endDate: p.END_DATE,
        rows: trialBalance(store, e.id, { startDate: p.START_DATE, endDate: p.END_DATE }),
      });
    }
  }
  return out;
}

/** Number of stored records per object and owning entity ('' = top level / shared). */
export function recordCounts(store: SandboxStore): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const def of SANDBOX_OBJECTS) {
    if (def.virtual) continue;
    const counts: Record<string, number> = {};
    for (const r of store.list(def.name)) {
      const e = r.MEGAENTITYID ?? TOP_LEVEL_ID;
      counts[e] = (counts[e] ?? 0) + 1;
    }
    out[def.name] = counts;
  }
  return out;
}

export interface SubledgerTie {
  /** Sum of open documents' TOTALDUE (base currency). */
  readonly open: string;
  /** GL balance of the control accounts, all posted dates (AR: debit positive; AP: credit positive). */
  readonly control: string;
  readonly difference: string;
  readonly documents: number;
}

export interface SubledgerBalances {
  readonly entity: string;
  readonly ar: SubledgerTie;
  readonly ap: SubledgerTie;
}

function controlBalance(store: SandboxStore, entity: string, category: string): bigint {
  const accounts = ledger(store).byEntity.get(entity);
  let total = 0n;
  if (!accounts) return total;
  for (const acct of store.list('GLACCOUNT')) {
    if (acct.CATEGORY !== category || acct.SUBLEDGERCONTROLON !== 'true') continue;
    for (const t of accounts.get(acct.ACCOUNTNO ?? '')?.values() ?? []) total += t.dr - t.cr;
  }
  return total;
}

function openDocuments(
  store: SandboxStore,
  object: string,
  entity: string,
): { total: bigint; count: number } {
  let total = 0n;
  let count = 0;
  for (const d of store.list(object)) {
    if ((d.MEGAENTITYID ?? TOP_LEVEL_ID) !== entity) continue;
    count++;
    total += toUnits(d.TOTALDUE ?? '0');
  }
  return { total, count };
}

/** AR open items vs the AR control account, AP open items vs the AP control account, for one entity. */
export function subledgerBalances(store: SandboxStore, entity: string): SubledgerBalances {
  const ar = openDocuments(store, 'ARINVOICE', entity);
  const ap = openDocuments(store, 'APBILL', entity);
  const arControl = controlBalance(store, entity, 'Accounts Receivable');
  const apControl = -controlBalance(store, entity, 'Accounts Payable');
  return {
    entity,
    ar: {
      open: money(ar.total),
      control: money(arControl),
      difference: money(ar.total - arControl),
      documents: ar.count,
    },
    ap: {
      open: money(ap.total),
      control: money(apControl),
      difference: money(ap.total - apControl),
      documents: ap.count,
    },
  };
}

/**
 * GLACCOUNTBALANCE rows: one per entity, budgetable reporting period and account with a balance or
 * activity, in base currency and the ACCRUAL book. Registered as the store's virtual provider.
 */
export function glAccountBalanceRecords(store: SandboxStore): SandboxRecord[] {
  const out: SandboxRecord[] = [];
  const accounts = new Map(store.list('GLACCOUNT').map((a) => [a.ACCOUNTNO ?? '', a]));
  let recordNo = 1;
  const stamp = `${new Date(Math.floor(store.clock.now() / 1000) * 1000).toISOString().slice(0, 19)}Z`;
  for (const e of store.entities) {
    if (e.id === TOP_LEVEL_ID && !ledger(store).byEntity.has(TOP_LEVEL_ID)) continue;
    for (const p of store.list('REPORTINGPERIOD')) {
      if (p.BUDGETING !== 'true' || !p.NAME || !p.START_DATE || !p.END_DATE) continue;
      for (const row of trialBalance(store, e.id, { startDate: p.START_DATE, endDate: p.END_DATE })) {
        const acct = accounts.get(row.glaccountno);
        out.push({
          RECORDNO: String(recordNo++),
          PERIOD: p.NAME,
          PSTARTDATE: p.START_DATE,
          PENDDATE: p.END_DATE,
          BOOKID: 'ACCRUAL',
          CURRENCY: e.baseCurrency,
          ACCOUNTREC: acct?.RECORDNO ?? null,
          ACCOUNTNO: row.glaccountno,
          ACCOUNTTITLE: row.title,
          OPENBAL: row.startbalance,
          TOTDEBIT: row.debits,
          TOTCREDIT: row.credits,
          TOTADJDEBIT: '0',
          TOTADJCREDIT: '0',
          FORBAL: row.endbalance,
          ENDBAL: row.endbalance,
          DEPARTMENTID: null,
          LOCATIONID: e.id === TOP_LEVEL_ID ? null : e.id,
          GLDIMFUND: null,
          WHENCREATED: stamp,
          WHENMODIFIED: stamp,
          CREATEDBY: '1',
          MODIFIEDBY: '1',
          MEGAENTITYKEY: e.id === TOP_LEVEL_ID ? null : String(e.recordNo),
          MEGAENTITYID: e.id === TOP_LEVEL_ID ? null : e.id,
          MEGAENTITYNAME: e.id === TOP_LEVEL_ID ? null : e.name,
        });
      }
    }
  }
  return out;
}

/** A digest of every stored record (virtual objects excluded): equal stores give equal digests. */
export function storeDigest(store: SandboxStore): string {
  const hash = createHash('sha256');
  for (const def of SANDBOX_OBJECTS) {
    if (def.virtual) continue;
    hash.update(`#${def.name}\n`);
    for (const r of store.list(def.name)) {
      let line = '';
      for (const f of def.fields) line += `${r[f.name] ?? '\u0000'}\u0001`;
      hash.update(line);
      hash.update('\n');
    }
  }
  for (const e of store.entities) hash.update(`closed:${e.id}:${store.closedThrough(e.id) ?? ''}\n`);
  return hash.digest('hex');
}
