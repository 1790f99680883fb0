/**
 * Validation before anything is sent: every reason a record cannot post, in words a finance user
 * understands (which record, which line, what is wrong, what to do). A record with any reason is
 * rejected as a whole; nothing of it is sent.
 */
import { compare, isDecimal, round, sum } from '../core/decimal.ts';
import {
  type BuildContext,
  cell,
  type DimensionKind,
  type FlowDescriptor,
  type Row,
  type SourceRecord,
} from './flow.ts';
import type { ReferenceData } from './reference.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const LABELS: Readonly<Record<DimensionKind, string>> = {
  department: 'department',
  location: 'location',
  project: 'project',
  task: 'task',
  employee: 'employee',
  class: 'class',
  customer: 'customer',
  vendor: 'vendor',
};

function where(i: number | null): string {
  return i === null ? '' : `line ${i + 1}: `;
}

/** Columns the model mapped from a source value: `<column>_source` holds what the source said. */
function unmapped(row: Row, i: number | null): string[] {
  const out: string[] = [];
  for (const [column, value] of Object.entries(row)) {
    if (!column.endsWith('_source') || value === null || String(value).trim() === '') continue;
    const target = column.slice(0, -'_source'.length);
    if (target in row && cell(row, target) === null) {
      const what = target.replace(/^line_/, '').replace(/_/g, ' ');
      out.push(
        `${where(i)}${what} '${value}' has no mapping; add it to the mapping seed (reverse_dimension_map) and rerun`,
      );
    }
  }
  return out;
}

function dimensionReasons(
  kind: DimensionKind,
  id: string,
  entity: string,
  ref: ReferenceData,
  i: number | null,
): string[] {
  const value = ref.dimensions[kind].get(id);
  const label = LABELS[kind];
  if (!value) return [`${where(i)}${label} '${id}' does not exist in Intacct`];
  const visible =
    kind === 'location'
      ? entity === '' || value.entity === entity || id === entity
      : value.owner === '' || value.owner === entity;
  if (!visible)
    return [`${where(i)}${label} '${id}' belongs to another entity and cannot be used in ${entity}`];
  if (value.status !== 'active' && value.status !== 'true')
    return [`${where(i)}${label} '${id}' is inactive in Intacct; pick an active ${label} or reactivate it`];
  return [];
}

/** Every reason the record cannot be posted; empty when it can. */
export function validateRecord(
  flow: FlowDescriptor,
  record: SourceRecord,
  ref: ReferenceData,
  resolve: BuildContext['resolve'],
): string[] {
  const reasons: string[] = [];
  const checks = flow.checks;
  const h = record.header;
  reasons.push(...unmapped(h, null));
  for (const [i, l] of record.lines.entries()) reasons.push(...unmapped(l, i));
  if (record.entity !== '' && !ref.dimensions.location.has(record.entity) && !cell(h, 'entity_source')) {
    reasons.push(`entity '${record.entity}' does not exist in Intacct`);
  }
  for (const column of checks.required ?? []) {
    if (cell(h, column) === null) reasons.push(`${column.replace(/_/g, ' ')} is missing`);
  }
  for (const column of checks.dates ?? []) {
    const v = cell(h, column);
    if (v !== null && !isIsoDate(v))
      reasons.push(`${column.replace(/_/g, ' ')} '${v}' is not a valid date (use YYYY-MM-DD)`);
  }
  const rows: [Row, number | null][] = [[h, null], ...record.lines.map((l, i) => [l, i] as [Row, number])];
  for (const column of checks.amounts ?? []) {
    for (const [row, i] of rows) {
      if (!(column in row)) continue;
      const v = cell(row, column);
      if (v === null)
        reasons.push(`${where(i)}${column.replace(/^line_/, '').replace(/_/g, ' ')} is missing`);
      else if (!isDecimal(v)) reasons.push(`${where(i)}amount '${v}' is not a number`);
    }
  }
  for (const [row, i] of rows) {
    const bad = cell(row, 'bad_amount') ?? cell(row, 'line_bad_amount');
    if (bad !== null) reasons.push(`${where(i)}source amount '${bad}' is not a number`);
  }
  if (checks.postingDate) {
    const date = cell(h, checks.postingDate);
    const closed = ref.closedThrough[record.entity];
    if (date !== null && isIsoDate(date) && closed && date <= closed) {
      reasons.push(
        `${checks.postingDate.replace(/_/g, ' ')} ${date} is in a closed period (${record.entity} is closed through ${closed}); use a date in an open period`,
      );
    }
  }
  if (checks.currency) {
    const c = cell(h, checks.currency);
    if (c !== null && !ref.currencies.has(c)) reasons.push(`currency '${c}' is not set up in Intacct`);
  }
  if (checks.purchaseOrder) {
    const po = cell(h, checks.purchaseOrder);
    if (po !== null && !ref.purchaseOrders.has(po))
      reasons.push(`purchase order '${po}' does not exist in Intacct; check the PO number on the invoice`);
  }
  if (checks.account) {
    record.lines.forEach((l, i) => {
      const no = cell(l, checks.account!);
      if (no === null) {
        if (!(`${checks.account}_source` in l && cell(l, `${checks.account}_source`) !== null))
          reasons.push(`${where(i)}GL account is missing`);
        return;
      }
      const acct = ref.accounts.get(no);
      if (!acct) {
        reasons.push(`${where(i)}GL account '${no}' does not exist in Intacct`);
        return;
      }
      if (acct.status !== 'active') reasons.push(`${where(i)}GL account '${no}' is inactive`);
      if (checks.manualJournal && acct.subledgerControl)
        reasons.push(
          `${where(i)}GL account '${no}' is a subledger control account; post it through AR or AP, not a journal entry`,
        );
      for (const kind of acct.requires) {
        const column = Object.entries(checks.dimensions ?? {}).find(([, k]) => k === kind)?.[0];
        const value = column ? (cell(l, column) ?? cell(h, column)) : null;
        if (value === null) reasons.push(`${where(i)}GL account '${no}' requires a ${LABELS[kind]}`);
      }
    });
  }
  for (const [column, kind] of Object.entries(checks.dimensions ?? {})) {
    for (const [row, i] of rows) {
      const id = cell(row, column);
      if (id !== null) reasons.push(...dimensionReasons(kind, id, record.entity, ref, i));
    }
  }
  if (checks.balance) {
    const { side, amount } = checks.balance;
    const amounts = (s: string) =>
      record.lines
        .filter((l) => cell(l, side) === s)
        .map((l) => cell(l, amount))
        .filter((a): a is string => a !== null && isDecimal(a))
        .map((a) => round(a, 2));
    const debits = sum(amounts('debit'));
    const credits = sum(amounts('credit'));
    if (record.lines.length < 2) reasons.push('a journal entry needs at least two lines');
    if (compare(debits, credits) !== 0)
      reasons.push(`entry does not balance: debits ${round(debits, 2)}, credits ${round(credits, 2)}`);
    record.lines.forEach((l, i) => {
      const s = cell(l, side);
      if (s !== 'debit' && s !== 'credit')
        reasons.push(`${where(i)}side '${s ?? ''}' is neither debit nor credit`);
    });
  }
  if (flow.validate) reasons.push(...flow.validate(record, resolve));
  return [...new Set(reasons)];
}
