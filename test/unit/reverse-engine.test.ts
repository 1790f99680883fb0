import { describe, expect, it } from 'vitest';
import { ClassifiedError } from '../../src/core/errors.ts';
import { nextVersion, referenceFor, reversalReferenceFor } from '../../src/reverse/apply.ts';
import { signSlackRequest, verifySlackSignature } from '../../src/reverse/approvals.ts';
import type { SourceRecord } from '../../src/reverse/flow.ts';
import { flowByName } from '../../src/reverse/flows/index.ts';
import type { LedgerEntry } from '../../src/reverse/ledger.ts';
import { outcomeOf } from '../../src/reverse/outcome.ts';
import { planFlow } from '../../src/reverse/plan.ts';
import { controlIdFor, groupRows, payloadHash } from '../../src/reverse/records.ts';
import type { ReferenceData } from '../../src/reverse/reference.ts';
import { validateRecord } from '../../src/reverse/validate.ts';

const payroll = flowByName('payroll-journal')!;
const customers = flowByName('crm-customers')!;
const invoices = flowByName('crm-invoices')!;
const bills = flowByName('procurement-bills')!;

const active = (owner = '') => ({ status: 'active', owner });
const ref: ReferenceData = {
  accounts: new Map([
    ['6000', { status: 'active', subledgerControl: false, requires: ['department', 'location'] as const }],
    ['2100', { status: 'active', subledgerControl: false, requires: ['location'] as const }],
    ['1200', { status: 'active', subledgerControl: true, requires: [] }],
  ]),
  dimensions: {
    department: new Map([['ENG', active()]]),
    location: new Map([
      ['US1', { status: 'active', owner: '', entity: 'US1' }],
      ['UK1', { status: 'active', owner: '', entity: 'UK1' }],
    ]),
    project: new Map(),
    task: new Map(),
    employee: new Map(),
    class: new Map(),
    customer: new Map(),
    vendor: new Map([['V-1', active()]]),
  },
  currencies: new Set(['USD']),
  purchaseOrders: new Set(),
  closedThrough: { US1: '2026-06-30' },
};

function journal(
  lines: [string, 'debit' | 'credit', string, string | null][],
  key = 'PR-1-US',
): SourceRecord {
  return {
    flow: payroll.name,
    externalKey: key,
    entity: 'US1',
    header: { external_key: key, entity: 'US1', journal: 'PYJ', batch_date: '2026-10-31', title: 'Payroll' },
    lines: lines.map(([account, side, amount, department], i) => ({
      line_no: String(i + 1),
      line_account: account,
      line_side: side,
      line_amount: amount,
      line_department: department,
      line_location: 'US1',
    })),
  };
}
const none = () => null;

describe('records', () => {
  it('groups rows into records by external key, lines by line_no, and hashes the payload stably', () => {
    const rows = [
      { external_key: 'B', entity: 'US1', title: 't', line_no: '2', line_amount: '2.00' },
      { external_key: 'A', entity: 'US1', title: 'a', line_no: '1', line_amount: '1.00' },
      { external_key: 'B', entity: 'US1', title: 't', line_no: '1', line_amount: '1.00' },
    ];
    const [a, b] = groupRows('f', rows);
    expect(a?.externalKey).toBe('A');
    expect(b?.lines.map((l) => l.line_no)).toEqual(['1', '2']);
    const reordered = groupRows('f', [rows[2]!, rows[0]!])[0]!;
    expect(payloadHash(reordered)).toBe(payloadHash(b!));
    const changed = groupRows('f', [rows[2]!, { ...rows[0]!, line_amount: '2.01' }])[0]!;
    expect(payloadHash(changed)).not.toBe(payloadHash(b!));
    expect(() => groupRows('f', [{ entity: 'US1' }])).toThrow(/no external_key/);
  });

  it('control ids are deterministic per record, payload and step', () => {
    const r = journal([
      ['6000', 'debit', '1.00', 'ENG'],
      ['2100', 'credit', '1.00', null],
    ]);
    const h = payloadHash(r);
    expect(controlIdFor(r, h, 'create:PR-1-US')).toBe(controlIdFor(r, h, 'create:PR-1-US'));
    expect(controlIdFor(r, h, 'create:PR-1-US')).not.toBe(controlIdFor(r, h, 'reverse:PR-1-US.r0'));
    expect(controlIdFor(r, 'other', 'create:PR-1-US')).not.toBe(controlIdFor(r, h, 'create:PR-1-US'));
    expect(controlIdFor(r, h, 'x')).toMatch(/^rev-[0-9a-f]{24}$/);
  });

  it('versions: references and the version a new posting takes', () => {
    expect(referenceFor('K', 0)).toBe('K');
    expect(referenceFor('K', 2)).toBe('K.v2');
    expect(reversalReferenceFor('K', 1)).toBe('K.r1');
    const e = { status: 'posted', version: 1 } as LedgerEntry;
    expect(nextVersion(null)).toBe(0);
    expect(nextVersion(e)).toBe(1);
    expect(nextVersion({ ...e, status: 'reversed' })).toBe(2);
  });
});

describe('validation', () => {
  it('accepts a good journal entry', () => {
    const r = journal([
      ['6000', 'debit', '100.00', 'ENG'],
      ['2100', 'credit', '100.00', null],
    ]);
    expect(validateRecord(payroll, r, ref, none)).toEqual([]);
  });

  it('rejects unbalanced entries, control accounts, missing required dimensions and closed periods', () => {
    const r = journal([
      ['6000', 'debit', '100.00', null],
      ['1200', 'credit', '99.99', null],
    ]);
    const reasons = validateRecord(
      payroll,
      { ...r, header: { ...r.header, batch_date: '2026-06-30' } },
      ref,
      none,
    );
    expect(reasons).toEqual(
      expect.arrayContaining([
        'entry does not balance: debits 100.00, credits 99.99',
        "line 2: GL account '1200' is a subledger control account; post it through AR or AP, not a journal entry",
        "line 1: GL account '6000' requires a department",
        'batch date 2026-06-30 is in a closed period (US1 is closed through 2026-06-30); use a date in an open period',
      ]),
    );
  });

  it('rejects a location of another entity and an unmapped value', () => {
    const r = journal([
      ['6000', 'debit', '1.00', 'ENG'],
      ['2100', 'credit', '1.00', null],
    ]);
    const other = { ...r, lines: r.lines.map((l) => ({ ...l, line_location: 'UK1' })) };
    expect(validateRecord(payroll, other, ref, none)).toContain(
      "line 1: location 'UK1' belongs to another entity and cannot be used in US1",
    );
    const unmapped = {
      ...r,
      lines: [{ ...r.lines[0]!, line_department: null, line_department_source: 'Skunkworks' }, r.lines[1]!],
    };
    expect(validateRecord(payroll, unmapped, ref, none)).toContain(
      "line 1: department 'Skunkworks' has no mapping; add it to the mapping seed (reverse_dimension_map) and rerun",
    );
  });
});

describe('plan', () => {
  const rec = journal([
    ['6000', 'debit', '1.00', 'ENG'],
    ['2100', 'credit', '1.00', null],
  ]);
  const hash = payloadHash(rec);
  const entry = (over: Partial<LedgerEntry>): LedgerEntry => ({
    flow: payroll.name,
    entity: 'US1',
    externalKey: rec.externalKey,
    status: 'posted',
    intacctKey: '9',
    intacctObject: 'GLBATCH',
    controlId: 'c',
    payloadHash: hash,
    version: 0,
    errors: null,
    approval: null,
    decidedBy: null,
    runId: null,
    payload: '{}',
    ...over,
  });
  const plan = (
    flow = payroll,
    records: SourceRecord[] = [rec],
    ledger: LedgerEntry[] = [],
    threshold: string | null = null,
  ) =>
    planFlow(
      flow,
      records,
      new Map(ledger.map((e) => [`${e.entity}\u0000${e.externalKey}`, e])),
      ref,
      () => 'x',
      { approvalThreshold: threshold },
    ).map((i) => i.action);

  it('creates new keys, leaves posted ones, corrects changed journal entries and retires vanished ones', () => {
    expect(plan()).toEqual(['create']);
    expect(plan(payroll, [rec], [entry({})])).toEqual(['unchanged']);
    expect(plan(payroll, [rec], [entry({ payloadHash: 'old' })])).toEqual(['correct']);
    expect(plan(payroll, [], [entry({})])).toEqual(['retire']);
    expect(plan(payroll, [rec], [entry({ status: 'rejected' })])).toEqual(['create']);
  });

  it('updates customers, refuses to change posted invoices, holds big bills until approved', () => {
    const c: SourceRecord = {
      flow: customers.name,
      externalKey: 'SF-1',
      entity: 'US1',
      header: { name: 'A' },
      lines: [],
    };
    expect(
      plan(customers, [c], [entry({ flow: customers.name, externalKey: 'SF-1', payloadHash: 'old' })]),
    ).toEqual(['update']);
    expect(plan(customers, [], [entry({ flow: customers.name, externalKey: 'SF-1' })])).toEqual([]);
    const inv: SourceRecord = {
      flow: invoices.name,
      externalKey: 'SO-1',
      entity: 'US1',
      header: { customer_id: 'SF-1', invoice_date: '2026-10-01', term_name: 'N30' },
      lines: [{ line_no: '1', line_account: '2100', line_amount: '5.00', line_location: 'US1' }],
    };
    const [changed] = planFlow(
      invoices,
      [inv],
      new Map([['US1\u0000SO-1', entry({ flow: invoices.name, externalKey: 'SO-1', payloadHash: 'old' })]]),
      ref,
      () => 'x',
      { approvalThreshold: null },
    );
    expect(changed?.action).toBe('rejected');
    expect(changed?.reasons[0]).toMatch(/already posted to Intacct as ARINVOICE 9/);
    const bill: SourceRecord = {
      flow: bills.name,
      externalKey: 'B-1',
      entity: 'US1',
      header: { vendor_id: 'V-1', bill_date: '2026-10-01', due_date: '2026-10-31', total: '10000.01' },
      lines: [{ line_no: '1', line_account: '2100', line_amount: '10000.01', line_location: 'US1' }],
    };
    expect(plan(bills, [bill], [], '10000')).toEqual(['hold']);
    expect(plan(bills, [bill], [], '10000.01')).toEqual(['create']);
    const approved = entry({
      flow: bills.name,
      externalKey: 'B-1',
      status: 'awaiting_approval',
      approval: 'approved',
      payloadHash: payloadHash(bill),
    });
    expect(plan(bills, [bill], [approved], '10000')).toEqual(['create']);
    expect(
      plan(bills, [{ ...bill, header: { ...bill.header, due_date: '2026-11-30' } }], [approved], '10000'),
    ).toEqual(['hold']);
  });
});

describe('outcomes and Slack signatures', () => {
  it('maps write results to outcomes', () => {
    expect(
      outcomeOf({
        controlId: 'a',
        function: 'create',
        status: 'success',
        records: [{ object: 'glbatch', recordNo: '7', fields: {} }],
      }),
    ).toEqual({ kind: 'posted', intacctKey: '7' });
    expect(outcomeOf({ controlId: 'a', function: 'create', status: 'duplicate', records: [] }).kind).toBe(
      'duplicate',
    );
    const error = new ClassifiedError('x', {
      kind: 'record',
      vendor: [{ code: 'BL01001973', description2: 'Invalid Account' }],
    });
    expect(outcomeOf({ controlId: 'a', function: 'create', status: 'failure', records: [], error })).toEqual({
      kind: 'rejected',
      errors: ['BL01001973: Invalid Account'],
    });
  });

  it('verifies Slack signatures: valid, wrong secret, tampered body, stale or future timestamp, missing', () => {
    const now = 1_800_000_000;
    const body = 'payload=%7B%7D';
    const sig = signSlackRequest('s3cret', String(now), body);
    expect(verifySlackSignature('s3cret', String(now), sig, body, now)).toEqual({ ok: true });
    expect(verifySlackSignature('other', String(now), sig, body, now).ok).toBe(false);
    expect(verifySlackSignature('s3cret', String(now), sig, `${body}x`, now).ok).toBe(false);
    expect(verifySlackSignature('s3cret', String(now), sig, body, now + 301)).toEqual({
      ok: false,
      reason: 'stale request: timestamp more than 5 minutes away',
    });
    expect(verifySlackSignature('s3cret', String(now), sig, body, now - 301).ok).toBe(false);
    expect(verifySlackSignature('s3cret', undefined, sig, body, now).ok).toBe(false);
    expect(verifySlackSignature('s3cret', String(now), 'v0=short', body, now).ok).toBe(false);
  });
});
