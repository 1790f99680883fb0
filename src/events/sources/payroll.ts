/**
 * The generic signed JSON webhook for payroll and time systems (and the body each ADP poll item
 * has): `payroll.finalized` lands a run's register lines in `adp_payroll_register` (posted by
 * payroll-journal), `timesheet.approved` lands a batch's entries in `timesheet_export` (posted by
 * timesheet-costs). A run or batch is replaced as a whole; a later version corrects the posted
 * entry (a reversing entry plus a new one). Amounts, hours and rates are decimal strings.
 */
import type { Landing, NormalizedEvent } from '../event.ts';
import {
  arr,
  decimalText,
  defineSource,
  guarded,
  isoDate,
  isoInstant,
  MalformedEvent,
  obj,
  optStr,
  parseJsonObject,
  str,
} from '../source.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyHmacSignature } from '../signatures.ts';

export const PAYROLL_EVENT_TYPES = ['payroll.finalized', 'timesheet.approved'] as const;
const CODE_TYPES = ['earning', 'employer_tax', 'employee_tax', 'deduction', 'net_pay'];

/** Reads one payroll/time event body (already parsed); `source` names the receiver or the poll. */
export function payrollEvent(body: Record<string, unknown>, source: string): NormalizedEvent {
  const eventId = str(body, 'eventId', 'body');
  const type = str(body, 'type', 'body');
  const occurredAt = isoInstant(body, 'occurredAt', 'body');
  const version = body.version === undefined ? occurredAt : isoInstant(body, 'version', 'body');
  if (type === 'payroll.finalized') {
    const p = obj(body, 'payroll', 'body');
    const runId = str(p, 'runId', 'body.payroll');
    const company = str(p, 'companyCode', 'body.payroll');
    const payDate = isoDate(p, 'payDate', 'body.payroll');
    const rows = arr(p, 'lines', 'body.payroll').map((l, i) => {
      const w = `body.payroll.lines[${i}]`;
      const codeType = str(l, 'codeType', w);
      if (!CODE_TYPES.includes(codeType))
        throw new MalformedEvent(`${w}.codeType must be one of ${CODE_TYPES.join(', ')}`);
      return {
        run_id: runId,
        pay_date: payDate,
        company_code: company,
        worker_id: str(l, 'workerId', w),
        home_department: optStr(l, 'homeDepartment', w),
        code_type: codeType,
        code: str(l, 'code', w),
        amount: decimalText(l, 'amount', w),
      };
    });
    if (rows.length === 0) throw new MalformedEvent('body.payroll.lines must not be empty');
    const landing: Landing = {
      table: 'adp_payroll_register',
      match: { run_id: runId, company_code: company },
      version,
      rows,
    };
    return {
      source,
      eventId,
      type,
      occurredAt,
      landings: [landing],
      affects: [{ flow: 'payroll-journal', keys: [`${runId}-${company}`] }],
      requires: [],
    };
  }
  if (type === 'timesheet.approved') {
    const t = obj(body, 'timesheet', 'body');
    const batchId = str(t, 'batchId', 'body.timesheet');
    const company = str(t, 'company', 'body.timesheet');
    const rows = arr(t, 'entries', 'body.timesheet').map((e, i) => {
      const w = `body.timesheet.entries[${i}]`;
      return {
        batch_id: batchId,
        entry_id: str(e, 'entryId', w),
        company,
        worker_id: str(e, 'workerId', w),
        project_code: str(e, 'projectCode', w),
        task_code: str(e, 'taskCode', w),
        work_date: isoDate(e, 'workDate', w),
        hours: decimalText(e, 'hours', w),
        cost_rate: decimalText(e, 'costRate', w),
      };
    });
    if (rows.length === 0) throw new MalformedEvent('body.timesheet.entries must not be empty');
    const landing: Landing = {
      table: 'timesheet_export',
      match: { batch_id: batchId, company },
      version,
      rows,
    };
    return {
      source,
      eventId,
      type,
      occurredAt,
      landings: [landing],
      affects: [{ flow: 'timesheet-costs', keys: [`${batchId}-${company}`] }],
      requires: [],
    };
  }
  throw new MalformedEvent(`body.type must be one of ${PAYROLL_EVENT_TYPES.join(', ')}`);
}

export const payrollSource = defineSource({
  name: 'payroll',
  path: '/webhooks/payroll',
  summary:
    'Generic HMAC-SHA256 signed JSON webhook for payroll and time systems (payroll.finalized, timesheet.approved)',
  missing: (s) =>
    s.payrollSecret ? null : 'set INTACCT_ELT_PAYROLL_WEBHOOK_SECRET (or events.payrollSecretFile)',
  verify: (req, s, now, tolerance) =>
    verifyHmacSignature(
      s.payrollSecret ?? '',
      req.headers[TIMESTAMP_HEADER],
      req.headers[SIGNATURE_HEADER],
      req.rawBody,
      now,
      tolerance,
    ),
  parse: guarded((raw) => payrollEvent(parseJsonObject(raw), 'payroll')),
  sources: [
    'Our own format (docs/events.md); the register columns follow models/seeds/adp_payroll_register.csv and timesheet_export.csv',
  ],
});
