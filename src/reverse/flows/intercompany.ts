/**
 * What the intercompany flows share: a pair is two journal entries, one in each entity (the
 * creditor's due-from and the debtor's due-to). Every record carries both sides' amounts, currencies
 * and Intacct's rates to the reporting currency, so each leg can check the whole pair: a pair that
 * does not net to zero in the reporting currency is refused on both legs, and nothing of it posts.
 *
 * Conversion rule (ours, documented in docs/reverse-etl.md): reporting amount = amount × rate,
 * rounded half away from zero to cents (core/decimal `multiply`), with the rate Intacct's
 * EXCHANGERATEENTRY effective on the date (the latest on or before it). The sandbox's GL converts a
 * line to base currency the same way (books/gl.ts).
 */
import { compare, isDecimal, multiply, round, sub } from '../../core/decimal.ts';
import type { WriteFunction } from '../../intacct/envelope.ts';
import { buildGlBatch, type GlEntryInput } from '../../intacct/writes/index.ts';
import { type BuildContext, cell, must, type Row, type SourceRecord } from '../flow.ts';
import { JOURNAL_SOURCES } from './journal.ts';

/** The rate type Intacct converts with when a line's currency is not the entity's base currency. */
export const INTACCT_DAILY_RATE = 'Intacct Daily Rate';

export const INTERCOMPANY_SOURCES = [
  ...JOURNAL_SOURCES,
  'Intacct/intacct-sdk-net JournalEntryLineCreateTest (GeneralLedger): GLENTRY with CURRENCY, EXCH_RATE_DATE, EXCH_RATE_TYPE_ID "Intacct Daily Rate", CUSTOMERID and VENDORID; the same names in developer.intacct.com/api/general-ledger/journal-entries/ (EXCH_RATE_TYPE_ID: required with multi-currency when EXCHANGE_RATE is blank)',
  'developer.intacct.com/api/company-console/exchange-rates/: EXCHANGERATE (TYPENAME, FROM_CURRENCY, TO_CURRENCY) and EXCHANGERATEENTRY (FROM_CURRENCY, TO_CURRENCY, EFFECTIVE_START_DATE, EXCHANGE_RATE, RECIPROCAL_RATE), synced by the exchange-rate objects (src/intacct/objects/exchange-rate*.ts) and read by the models as int_reporting_rates',
  'fivetran/dbt_sage_intacct_source get_gl_detail_columns: GLDETAIL CUSTOMERID and VENDORID, how the reconciliation mart finds the counterparty entity of a due-from or due-to line',
] as const;

interface Side {
  readonly entity: string | null;
  readonly currency: string | null;
  readonly amount: string | null;
  readonly rate: string | null;
}

function side(h: Row, prefix: 'due_from' | 'due_to'): Side {
  return {
    entity: cell(h, `${prefix}_entity`),
    currency: cell(h, `${prefix}_currency`),
    amount: cell(h, `${prefix}_amount`),
    rate: cell(h, `${prefix}_rate`),
  };
}

/** A rate as people write it: 1.236300000 → 1.2363. */
function plainRate(rate: string): string {
  return rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate;
}

/**
 * Why the pair of this record cannot post: a counterparty missing, no Intacct rate for the date, or
 * the two sides not netting to zero in the reporting currency. Amounts that are not numbers are left
 * to the generic checks.
 */
export function pairReasons(record: SourceRecord, fix: string): string[] {
  const h = record.header;
  const pair = cell(h, 'pair_key') ?? record.externalKey;
  const reporting = cell(h, 'reporting_currency') ?? '';
  const date = cell(h, 'batch_date') ?? '';
  const from = side(h, 'due_from');
  const to = side(h, 'due_to');
  const reasons: string[] = [];
  if (from.entity === null || to.entity === null) {
    return [
      `intercompany pair ${pair}: the ${from.entity === null ? 'creditor' : 'debtor'} entity is unknown ` +
        '(an intercompany line without the counterparty customer or vendor); set the counterparty dimension ' +
        'on those lines (seed intercompany_parties lists each entity’s customer and vendor id)',
    ];
  }
  if (from.entity === to.entity)
    reasons.push(`intercompany pair ${pair}: ${from.entity} cannot be its own counterparty`);
  for (const [label, s] of [
    ['due-from', from],
    ['due-to', to],
  ] as const) {
    if (s.currency === null) reasons.push(`intercompany pair ${pair}: the ${label} currency is missing`);
    else if (s.rate === null || !isDecimal(s.rate))
      reasons.push(
        `intercompany pair ${pair}: Intacct has no exchange rate from ${s.currency} to ${reporting} on or before ${date}; ` +
          'add the rate in Intacct (Company > Exchange rates), sync EXCHANGERATEENTRY, rebuild the models and push again',
      );
  }
  if (reasons.length > 0) return reasons;
  if (from.amount === null || to.amount === null || !isDecimal(from.amount) || !isDecimal(to.amount))
    return reasons;
  const fromReporting = multiply(from.amount, from.rate!, 2);
  const toReporting = multiply(to.amount, to.rate!, 2);
  if (compare(fromReporting, toReporting) !== 0) {
    reasons.push(
      `intercompany pair ${pair} does not net to zero in ${reporting}: ` +
        `due from ${to.entity} in ${from.entity} ${round(from.amount, 2)} ${from.currency} = ${fromReporting} ${reporting}, ` +
        `due to ${from.entity} in ${to.entity} ${round(to.amount, 2)} ${to.currency} = ${toReporting} ${reporting} ` +
        `(Intacct rates ${plainRate(from.rate!)} and ${plainRate(to.rate!)} for ${date}), difference ${sub(fromReporting, toReporting)} ${reporting}; ` +
        `${fix}; neither entry of the pair is posted`,
    );
  }
  return reasons;
}

/** Lines on the intercompany accounts must name the counterparty (customer on due-from, vendor on due-to). */
export function counterpartyReasons(
  record: SourceRecord,
  accounts: { dueFrom: string; dueTo: string },
): string[] {
  const reasons: string[] = [];
  record.lines.forEach((l, i) => {
    const account = cell(l, 'line_account');
    if (account === accounts.dueFrom && cell(l, 'line_customer') === null)
      reasons.push(
        `line ${i + 1}: due-from line without the counterparty’s intercompany customer; add the entity to the intercompany_parties seed`,
      );
    if (account === accounts.dueTo && cell(l, 'line_vendor') === null)
      reasons.push(
        `line ${i + 1}: due-to line without the counterparty’s intercompany vendor; add the entity to the intercompany_parties seed`,
      );
  });
  return reasons;
}

function line(record: SourceRecord, l: Row, flip: boolean): GlEntryInput {
  const h = record.header;
  const currency = cell(h, 'currency');
  const base = cell(h, 'base_currency');
  // Intacct converts at its daily rate for the date only where the currency is not the entity's base.
  const convert = currency !== null && currency !== base;
  const s = must(l, 'line_side') === 'debit' ? 'debit' : 'credit';
  return {
    accountNo: must(l, 'line_account'),
    side: flip ? (s === 'debit' ? 'credit' : 'debit') : s,
    amount: must(l, 'line_amount'),
    ...(cell(l, 'line_memo') ? { memo: must(l, 'line_memo') } : {}),
    ...(currency !== null ? { currency } : {}),
    ...(convert ? { exchangeRateDate: must(h, 'batch_date'), exchangeRateTypeId: INTACCT_DAILY_RATE } : {}),
    dimensions: {
      ...(cell(l, 'line_location') ? { location: must(l, 'line_location') } : {}),
      ...(cell(l, 'line_department') ? { department: must(l, 'line_department') } : {}),
      ...(cell(l, 'line_customer') ? { customer: must(l, 'line_customer') } : {}),
      ...(cell(l, 'line_vendor') ? { vendor: must(l, 'line_vendor') } : {}),
    },
  };
}

export function buildIntercompanyEntry(record: SourceRecord, ctx: BuildContext): WriteFunction {
  const h = record.header;
  return buildGlBatch({
    controlId: ctx.controlId,
    journal: must(h, 'journal'),
    batchDate: must(h, 'batch_date'),
    title: must(h, 'title').slice(0, 100),
    referenceNo: ctx.reference,
    lines: record.lines.map((l) => line(record, l, false)),
  });
}

/** The reversing entry of a posted version: the same lines with sides swapped, on the original date. */
export function buildIntercompanyReversal(record: SourceRecord, ctx: BuildContext): WriteFunction {
  const h = record.header;
  return buildGlBatch({
    controlId: ctx.controlId,
    journal: must(h, 'journal'),
    batchDate: must(h, 'batch_date'),
    title: `Reversal of ${must(h, 'title')}`.slice(0, 100),
    referenceNo: ctx.reference,
    lines: record.lines.map((l) => line(record, l, true)),
  });
}

export const INTERCOMPANY_CHECKS = {
  dates: ['batch_date'],
  postingDate: 'batch_date',
  required: ['journal', 'batch_date', 'title', 'reporting_currency'],
  amounts: ['line_amount'],
  account: 'line_account',
  manualJournal: true,
  balance: { side: 'line_side', amount: 'line_amount' },
  currency: 'currency',
  dimensions: {
    line_location: 'location',
    line_department: 'department',
    line_customer: 'customer',
    line_vendor: 'vendor',
  },
} as const;
