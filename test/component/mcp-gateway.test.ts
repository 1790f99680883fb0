import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JobConfig, configSchema } from '../../src/config/schema.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { RunReport } from '../../src/extract/sync.ts';
import { serveHttp } from '../../src/mcp/gateway.ts';
import type { RunningGatewayHttp } from '../../src/mcp/http.ts';
import { runModelsStep } from '../../src/models/run-models.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import { openWarehouse } from '../../src/warehouse/open-warehouse.ts';
import type { Warehouse } from '../../src/warehouse/warehouse.ts';
import { fetchTruth, runOnce, sandboxConfig, tempDuckDbPath } from '../support/sync-harness.ts';

/**
 * The agent gateway end to end: a sandbox company synced and modelled once, then the MCP client SDK
 * drives the server over streamable HTTP (in process) and over stdio (the real CLI as a child).
 * Every known answer is computed here from the raw tables or the sandbox's truth, not from the marts.
 */
// biome-ignore lint/suspicious/noExplicitAny: tool answers are JSON read loosely by the tests
type Json = any;

const ROOT = join(import.meta.dirname, '..', '..');
const PROJECT = join(ROOT, 'models');
const AS_OF = '2026-06-30';
const TOKEN = 'test-token-0123456789abcdef';

let sandbox: RunningSandbox;
let config: JobConfig;
let warehouse: Warehouse;
let sync: RunReport;
let http: RunningGatewayHttp;
let client: Client;
let injected: { entity: string; date: string; amount: string; currency: string };

function gatewayConfig(base: JobConfig, mcp: Record<string, unknown>): JobConfig {
  return configSchema.parse({ ...base, mcp: { port: 0, token: TOKEN, ...mcp } });
}

async function connectHttp(url: string, token: string | undefined): Promise<Client> {
  const c = new Client({ name: 'mcp-test', version: '0' });
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  await c.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return c;
}

type Answer = { ok: true; data: Json } | { ok: false; message: string };

async function call(c: Client, name: string, args: Record<string, unknown> = {}): Promise<Answer> {
  const result = (await c.callTool({ name, arguments: args })) as {
    isError?: boolean;
    content: { text: string }[];
  };
  const text = result.content[0]?.text ?? '';
  return result.isError ? { ok: false, message: text } : { ok: true, data: JSON.parse(text) };
}

async function ok(c: Client, name: string, args: Record<string, unknown> = {}): Promise<Json> {
  const answer = await call(c, name, args);
  if (!answer.ok) throw new Error(`${name} failed: ${answer.message}`);
  return answer.data;
}

/** Every page of a paginated tool. */
async function allRows(c: Client, name: string, args: Record<string, unknown>): Promise<Json[]> {
  const rows: Json[] = [];
  let cursor: string | undefined;
  do {
    const page = await ok(c, name, { ...args, ...(cursor ? { cursor } : {}) });
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

async function raw(sql: string): Promise<Record<string, Json>[]> {
  return warehouse.query(sql);
}

/** Exact cents of a decimal string. */
function cents(value: unknown): bigint {
  const text = String(value ?? '0');
  const [whole = '0', frac = ''] = text.replace('-', '').split('.');
  const units = BigInt(whole) * 100n + BigInt((frac.slice(0, 2) || '0').padEnd(2, '0'));
  return text.startsWith('-') ? -units : units;
}

beforeAll(async () => {
  sandbox = await startSandbox({ scale: 0.05, seed: 7 });
  config = sandboxConfig(sandbox, tempDuckDbPath('mcp'));
  sync = await runOnce(config);
  expect(sync.status).toBe('succeeded');
  warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
  // A one-sided intercompany line (a due-from with no due-to) in the latest month: the mismatch
  // the reconciliation must find, with the entry behind it.
  const [line] = await raw(
    `select record_no, _entity as entity, cast(entry_date as varchar) as date, cast(trx_amount as varchar) as amount, currency
       from intacct_raw.gl_detail where accountno = '1400' order by entry_date desc, record_no desc limit 1`,
  );
  injected = { entity: line?.entity, date: line?.date, amount: line?.amount, currency: line?.currency };
  await warehouse.query(
    `insert into intacct_raw.gl_detail select * replace (record_no + 900000000 as record_no, description || ' (one-sided)' as description)
       from intacct_raw.gl_detail where record_no = ${Number(line?.record_no)}`,
  );
  const built = await runModelsStep({
    config,
    runner: warehouse,
    logger: silentLogger,
    projectDir: PROJECT,
    vars: { aging_as_of_date: AS_OF },
    build: true,
    test: false,
  } as never);
  expect(built.build?.models.filter((m) => m.status !== 'success')).toEqual([]);
  await warehouse.migrate();
  http = await serveHttp({
    config: gatewayConfig(config, {}),
    warehouse,
    projectDir: PROJECT,
    logger: silentLogger,
  });
  client = await connectHttp(http.url, TOKEN);
});

afterAll(async () => {
  await client?.close();
  await http?.close();
  await warehouse?.close();
  await sandbox?.close();
});

describe('mcp gateway over streamable HTTP', () => {
  it('refuses a request without the bearer token, or with a wrong one', async () => {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}x` }] as Record<string, string>[]) {
      const res = await fetch(http.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      expect(res.status).toBe(401);
      const body = await res.text();
      expect(body).toContain('Authorization: Bearer');
      expect(body).not.toContain(TOKEN);
    }
    await expect(connectHttp(http.url, undefined)).rejects.toThrow();
  });

  it('lists the tools, the mart resources and the prompts', async () => {
    const tools = (await client.listTools()).tools.map((t) => t.name);
    expect(tools).toEqual(
      expect.arrayContaining([
        'gl_entries',
        'trial_balance',
        'ar_open_items',
        'intercompany_reconciliation',
        'data_freshness',
      ]),
    );
    const marts = JSON.parse(
      String(
        ((await client.readResource({ uri: 'intacct-elt://marts' })).contents[0] as { text: string }).text,
      ),
    ) as { name: string; relation: string }[];
    const built = await raw(
      `select table_name from information_schema.tables where table_schema = 'analytics_marts'`,
    );
    expect(marts.map((m) => m.name).sort()).toEqual(built.map((r) => r.table_name).sort());
    const dictionary = (await client.readResource({ uri: 'intacct-elt://data-dictionary' })).contents[0] as {
      text: string;
    };
    expect(dictionary.text).toContain('## trial_balance (analytics_marts.trial_balance)');
    const prompt = await client.getPrompt({
      name: 'month_end_close_checklist',
      arguments: { period: '2026-03' },
    });
    expect(JSON.stringify(prompt.messages)).toContain('trial_balance for 2026-03');
  });

  it('data_freshness: every object and entity the sync wrote, and the load that wrote it', async () => {
    const data = await ok(client, 'data_freshness');
    expect(data.lastSuccessfulLoad.load_id).toBe(sync.loadId);
    const glEntities = data.objects
      .filter((o: Json) => o.object === 'GLDETAIL' && o.entity !== '')
      .map((o: Json) => o.entity);
    expect(glEntities.sort()).toEqual(sync.entities.filter((e) => e !== '').sort());
    const [maxModified] = await raw(
      `select max(when_modified) as m from intacct_raw.gl_detail where _entity = 'US1' and record_no < 900000000`,
    );
    const wm = data.objects.find((o: Json) => o.object === 'GLDETAIL' && o.entity === 'US1').watermark;
    expect(Date.parse(wm)).toBeGreaterThanOrEqual(new Date(maxModified?.m).getTime());
  });

  it('gl_entries: every line of one entity and month, across pages, equals the raw GL', async () => {
    const rows = await allRows(client, 'gl_entries', { entity: 'US1', period: '2026-03', limit: 40 });
    const expected = await raw(
      `select record_no, cast(debitamount as varchar) as debit from intacct_raw.gl_detail
        where _entity = 'US1' and _deleted_at is null and entry_date between '2026-03-01' and '2026-03-31'`,
    );
    expect(rows.length).toBe(expected.length);
    expect(rows.length).toBeGreaterThan(40);
    expect(new Set(rows.map((r) => String(r.gl_entry_key)))).toEqual(
      new Set(expected.map((r) => String(r.record_no))),
    );
    expect(rows.reduce((s, r) => s + cents(r.debit_amount), 0n)).toBe(
      expected.reduce((s, r) => s + cents(r.debit), 0n),
    );
    expect(rows.reduce((s, r) => s + cents(r.amount), 0n)).toBe(0n);
  });

  it('account_balances: debits and credits per account and department equal sums over the raw GL', async () => {
    const data = await ok(client, 'account_balances', {
      entity: 'DE1',
      fromPeriod: '2026-01',
      toPeriod: '2026-03',
      by: 'department',
    });
    const expected = await raw(
      `select accountno, departmentid, cast(sum(debitamount) as varchar) as d, cast(sum(creditamount) as varchar) as c
         from intacct_raw.gl_detail where _entity = 'DE1' and _deleted_at is null
          and entry_date between '2026-01-01' and '2026-03-31' group by 1, 2`,
    );
    expect(data.truncated).toBe(false);
    expect(data.rows.length).toBe(expected.length);
    for (const e of expected) {
      const got = data.rows.find(
        (r: Json) => r.account_no === e.accountno && r.department_id === e.departmentid,
      );
      expect([cents(got?.debits), cents(got?.credits)], `${e.accountno}/${e.departmentid}`).toEqual([
        cents(e.d),
        cents(e.c),
      ]);
    }
  });

  it('trial_balance: one month of one entity equals the sandbox ground truth', async () => {
    const truth = await fetchTruth(sandbox);
    const tb = truth.trialBalances.find(
      (t) => t.entity === 'UK1' && t.startDate === '2026-03-01' && t.endDate === '2026-03-31',
    );
    expect(tb).toBeDefined();
    const rows = await allRows(client, 'trial_balance', { entity: 'UK1', period: '2026-03', limit: 200 });
    let compared = 0;
    for (const t of (tb?.rows ?? []) as unknown as Record<string, string>[]) {
      const got = rows.find((r) => r.account_no === t.glaccountno);
      expect([cents(got?.opening_balance), cents(got?.closing_balance)], t.glaccountno).toEqual([
        cents(t.startbalance),
        cents(t.endbalance),
      ]);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('customer_details and vendor_details: terms from the raw master, recent documents newest first', async () => {
    const [cust] = await raw(
      `select customerid, termname, cast(creditlimit as varchar) as creditlimit from intacct_raw.customer where _deleted_at is null order by customerid limit 1`,
    );
    const c = await ok(client, 'customer_details', { customerId: cust?.customerid, recent: 3 });
    expect(c.customer.term_name).toBe(cust?.termname);
    const invoices = await raw(
      `select recordid from intacct_raw.ar_invoice where customerid = '${cust?.customerid}' and _deleted_at is null
        order by when_created desc, record_no desc limit 3`,
    );
    expect(c.recent.map((r: Json) => r.document_id)).toEqual(invoices.map((r) => r.recordid));
    const [vend] = await raw(
      `select vendorid, termname from intacct_raw.vendor where _deleted_at is null order by vendorid limit 1`,
    );
    const v = await ok(client, 'vendor_details', { vendorId: vend?.vendorid, recent: 5 });
    expect(v.vendor.term_name).toBe(vend?.termname);
    const bills = await raw(
      `select recordid from intacct_raw.ap_bill where vendorid = '${vend?.vendorid}' and _deleted_at is null order by when_created desc, record_no desc limit 5`,
    );
    expect(v.recent.map((r: Json) => r.document_id)).toEqual(bills.map((r) => r.recordid));
    const missing = await call(client, 'customer_details', { customerId: 'NO-SUCH-CUSTOMER' });
    expect(missing).toEqual({
      ok: false,
      message: expect.stringContaining('no customer with id "NO-SUCH-CUSTOMER"'),
    });
  });

  for (const side of [
    { tool: 'ar_open_items', doc: 'ar_invoice', pay: 'ar_payment_detail' },
    { tool: 'ap_open_items', doc: 'ap_bill', pay: 'ap_payment_detail' },
  ]) {
    it(`${side.tool}: open documents and amounts as of the aging date equal raw documents less payments`, async () => {
      const rows = await allRows(client, side.tool, { limit: 25 });
      const expected = await raw(
        `select d.recordid, cast(d.totalentered - coalesce(sum(p.paymentamount), 0) as varchar) as open_amount
           from intacct_raw.${side.doc} d left join intacct_raw.${side.pay} p
             on p.recordkey = d.record_no and p.paymentdate <= '${AS_OF}' and p._deleted_at is null
          where d._deleted_at is null and d.when_created <= '${AS_OF}'
          group by d.recordid, d.totalentered having d.totalentered - coalesce(sum(p.paymentamount), 0) <> 0`,
      );
      expect(rows.length).toBe(expected.length);
      expect(rows.length).toBeGreaterThan(0);
      for (const e of expected) {
        expect(cents(rows.find((r) => r.document_id === e.recordid)?.open_amount), e.recordid).toBe(
          cents(e.open_amount),
        );
      }
      const summary = (await ok(client, side.tool, { limit: 1 })).summary as {
        open_amount: string;
        documents: string;
      }[];
      expect(summary.reduce((s, b) => s + cents(b.open_amount), 0n)).toBe(
        expected.reduce((s, e) => s + cents(e.open_amount), 0n),
      );
    });
  }

  it('budget_vs_actual: budget and actual totals of one month equal the raw budget items and GL', async () => {
    const rows = await allRows(client, 'budget_vs_actual', { entity: 'US1', period: '2026-02', limit: 100 });
    const [budget] = await raw(
      `select cast(sum(amount) as varchar) as b from intacct_raw.gl_budget_item
        where _entity = 'US1' and _deleted_at is null and pstartdate = '2026-02-01'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.reduce((s, r) => s + cents(r.budget_amount), 0n)).toBe(cents(budget?.b));
    for (const r of rows.slice(0, 5)) {
      const [actual] = await raw(
        `select cast(coalesce(sum(amount), 0) as varchar) as a from intacct_raw.gl_detail g
          where _entity = 'US1' and _deleted_at is null and entry_date between '2026-02-01' and '2026-02-28'
            and accountno = '${r.account_no}' and coalesce(departmentid, '') = '${r.department_id ?? ''}'
            and coalesce(locationid, '') = '${r.location_id ?? ''}'`,
      );
      expect(cents(r.variance), r.account_no).toBe(cents(r.actual_amount) - cents(r.budget_amount));
      expect(
        cents(r.actual_amount) === cents(actual?.a) || cents(r.actual_amount) === -cents(actual?.a),
        r.account_no,
      ).toBe(true);
    }
  });

  it('project_profitability: hours per project equal the raw timesheet entries', async () => {
    const rows = await allRows(client, 'project_profitability', { limit: 100 });
    const hours = await raw(
      `select projectid, cast(sum(qty) as varchar) as h from intacct_raw.timesheet_entry
        where _deleted_at is null and projectid is not null group by 1`,
    );
    expect(hours.length).toBeGreaterThan(0);
    for (const h of hours) {
      const got = rows.filter((r) => r.project_id === h.projectid);
      expect(
        got.reduce((s, r) => s + cents(r.hours), 0n),
        h.projectid,
      ).toBe(cents(h.h));
      for (const r of got) expect(cents(r.margin)).toBe(cents(r.revenue) - cents(r.cost));
    }
  });

  it('intercompany_reconciliation: finds exactly the months broken by the one-sided line, with that entry', async () => {
    const data = await ok(client, 'intercompany_reconciliation', { limit: 100 });
    expect(data.pairs.length).toBeGreaterThan(0);
    for (const pair of data.pairs) {
      expect(pair.period_end_date >= injected.date).toBe(true);
      expect(pair.currency).toBe(injected.currency);
      expect(cents(pair.difference)).toBe(cents(injected.amount));
      expect(pair.entries.some((e: Json) => String(e.description).endsWith('(one-sided)'))).toBe(true);
    }
    const all = await ok(client, 'intercompany_reconciliation', { includeMatched: true, limit: 200 });
    const earlier = all.pairs.filter((p: Json) => p.period_end_date < injected.date.slice(0, 8));
    expect(earlier.length).toBeGreaterThan(0);
    for (const p of earlier) expect(cents(p.difference)).toBe(0n);
  });

  it('refuses invalid input with a clear message, and audits every call with its outcome', async () => {
    const bad = await call(client, 'trial_balance', { period: '2026-13' });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.message).toContain('trial_balance: a month as YYYY-MM, e.g. 2026-03 at period');
    const unknown = await call(client, 'no_such_tool', { a: 1 });
    expect(unknown).toEqual({ ok: false, message: expect.stringContaining('Tool no_such_tool not found') });
    const audit = await raw(
      `select tool, outcome, arguments, message, duration_ms from intacct_raw._elt_mcp_audit order by called_at`,
    );
    expect(audit.find((a) => a.tool === 'trial_balance' && a.outcome === 'invalid')?.arguments).toBe(
      '{"period":"2026-13"}',
    );
    expect(audit.filter((a) => a.outcome === 'ok').map((a) => a.tool)).toEqual(
      expect.arrayContaining(['gl_entries', 'data_freshness', 'intercompany_reconciliation']),
    );
    expect(audit.find((a) => a.tool === 'no_such_tool')).toMatchObject({
      outcome: 'invalid',
      arguments: '{"a":1}',
    });
    expect(audit.find((a) => a.tool === 'customer_details' && a.outcome === 'invalid')?.message).toContain(
      'no customer',
    );
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
  });
});

describe('mcp gateway writes: plan, then apply through the reverse-ETL engine', () => {
  let entry: Record<string, unknown>;

  beforeAll(async () => {
    const accounts = await raw(
      `select account_no, account_type from analytics_staging.stg_intacct__gl_account
        where lower(status) = 'active' and not coalesce(is_subledger_control, false)
          and not (coalesce(requires_department, false) or coalesce(requires_project, false)
            or coalesce(requires_customer, false) or coalesce(requires_vendor, false) or coalesce(requires_employee, false)
            or coalesce(requires_item, false) or coalesce(requires_class, false) or coalesce(requires_fund, false))
        order by account_no`,
    );
    const expense = accounts.find((a) => a.account_type === 'incomestatement')?.account_no;
    const cash = accounts.find((a) => a.account_type === 'balancesheet')?.account_no;
    // Every sandbox account requires a location: one the entity posts with.
    const [where] = await raw(
      `select locationid from intacct_raw.gl_detail where _entity = 'US1' and locationid is not null order by record_no limit 1`,
    );
    entry = {
      entity: 'US1',
      journal: 'GJ',
      date: '2026-11-20',
      title: 'Accrued consulting fee',
      lines: [
        { account: expense, side: 'debit', amount: '1250.40', memo: 'November', location: where?.locationid },
        { account: cash, side: 'credit', amount: '1250.40', location: where?.locationid },
      ],
      idempotencyKey: 'agent-accrual-2026-11',
    };
  });

  const batches = (key: string) => sandbox.store.list('GLBATCH').filter((b) => b.REFERENCENO === key);

  it('plans with the engine, refuses the apply while writes are disabled, posts exactly once when enabled', async () => {
    const plan = await ok(client, 'create_journal_entry', entry);
    expect(plan).toMatchObject({
      action: 'create',
      reasons: [],
      applyEnabled: false,
      idempotencyKey: 'agent-accrual-2026-11',
    });
    const refused = await call(client, 'apply_plan', { planId: plan.planId });
    expect(refused).toEqual({
      ok: false,
      message: expect.stringContaining('writes are disabled for create_journal_entry'),
    });
    expect(batches('agent-accrual-2026-11')).toHaveLength(0);

    const writer = await serveHttp({
      config: gatewayConfig(config, { writes: ['create_journal_entry'], entities: ['US1'] }),
      warehouse,
      projectDir: PROJECT,
      logger: silentLogger,
    });
    const w = await connectHttp(writer.url, TOKEN);
    try {
      const first = await ok(w, 'apply_plan', { planId: plan.planId });
      expect(first).toMatchObject({ outcome: 'posted', idempotencyKey: 'agent-accrual-2026-11' });
      expect(first.intacctKey).toBeTruthy();
      const again = await ok(w, 'apply_plan', { planId: plan.planId });
      expect(again).toEqual({ ...first, outcome: 'already-posted' });
      // The same key planned again is unchanged, and applying that plan sends nothing either.
      const replan = await ok(w, 'create_journal_entry', entry);
      expect(replan.action).toBe('unchanged');
      expect((await ok(w, 'apply_plan', { planId: replan.planId })).outcome).toBe('already-posted');

      const posted = batches('agent-accrual-2026-11');
      expect(posted).toHaveLength(1);
      expect(String(posted[0]?.RECORDNO)).toBe(String(first.intacctKey));
      const ledger = await raw(
        `select status, intacct_key from intacct_raw._elt_reverse_ledger where flow = 'mcp-journal' and external_key = 'agent-accrual-2026-11'`,
      );
      expect(ledger).toEqual([{ status: 'posted', intacct_key: String(first.intacctKey) }]);

      // Outside the allow-list: refused at plan time, nothing staged or sent.
      const outside = await call(w, 'create_journal_entry', {
        ...entry,
        entity: 'DE1',
        idempotencyKey: 'agent-de1',
      });
      expect(outside).toEqual({ ok: false, message: expect.stringContaining('entity "DE1" is outside') });
      expect(batches('agent-de1')).toHaveLength(0);
    } finally {
      await w.close();
      await writer.close();
    }
  });

  it('a vendor bill: planned with the procurement checks, posted once, repeated applies send nothing', async () => {
    const lines = entry.lines as Record<string, string>[];
    const [vendor] = await raw(
      `select vendorid from intacct_raw.ap_bill where _entity = 'US1' and _deleted_at is null order by record_no desc limit 1`,
    );
    const bill = {
      entity: 'US1',
      vendorId: vendor?.vendorid,
      billDate: '2026-11-20',
      dueDate: '2026-12-20',
      description: 'Consulting, November',
      lines: [
        { account: lines[0]?.account, amount: '800.10', location: lines[0]?.location },
        { account: lines[0]?.account, amount: '199.95', location: lines[0]?.location },
      ],
      idempotencyKey: 'agent-bill-2026-11',
    };
    const plan = await ok(client, 'create_vendor_bill', bill);
    expect(plan).toMatchObject({ action: 'create', reasons: [], applyEnabled: false });
    const staged = await raw(
      `select total from intacct_raw._elt_mcp_staged_rows where plan_id = '${plan.planId}' order by line_no`,
    );
    expect(staged.map((r) => r.total)).toEqual(['1000.05', '1000.05']);
    const writer = await serveHttp({
      config: gatewayConfig(config, { writes: ['create_vendor_bill'] }),
      warehouse,
      projectDir: PROJECT,
      logger: silentLogger,
    });
    const w = await connectHttp(writer.url, TOKEN);
    try {
      // Enabling bills does not enable journal entries.
      const journal = await ok(w, 'create_journal_entry', { ...entry, idempotencyKey: 'agent-not-enabled' });
      expect((await call(w, 'apply_plan', { planId: journal.planId })).ok).toBe(false);
      expect((await ok(w, 'apply_plan', { planId: plan.planId })).outcome).toBe('posted');
      expect((await ok(w, 'apply_plan', { planId: plan.planId })).outcome).toBe('already-posted');
    } finally {
      await w.close();
      await writer.close();
    }
    const posted = sandbox.store.list('APBILL').filter((b) => b.RECORDID === 'agent-bill-2026-11');
    expect(posted).toHaveLength(1);
    expect(cents(posted[0]?.TOTALENTERED)).toBe(100005n);
    expect(batches('agent-not-enabled')).toHaveLength(0);
  });

  it('rejects an unbalanced entry with the engine reasons, and will not apply it', async () => {
    const lines = entry.lines as Record<string, string>[];
    const plan = await ok(client, 'create_journal_entry', {
      ...entry,
      idempotencyKey: 'agent-unbalanced',
      lines: [lines[0], { ...lines[1], amount: '1000.00' }],
    });
    expect(plan.action).toBe('rejected');
    expect(plan.reasons.join(' ')).toMatch(/balance/i);
    const writer = await serveHttp({
      config: gatewayConfig(config, { writes: ['create_journal_entry'] }),
      warehouse,
      projectDir: PROJECT,
      logger: silentLogger,
    });
    const w = await connectHttp(writer.url, TOKEN);
    try {
      const refused = await call(w, 'apply_plan', { planId: plan.planId });
      expect(refused).toEqual({ ok: false, message: expect.stringContaining('is now "rejected"') });
    } finally {
      await w.close();
      await writer.close();
    }
    expect(batches('agent-unbalanced')).toHaveLength(0);
    const amountAsNumber = await call(client, 'create_journal_entry', {
      ...entry,
      lines: [{ ...lines[0], amount: 12.5 }, lines[1]],
    });
    expect(amountAsNumber).toEqual({ ok: false, message: expect.stringContaining('expected string') });
  });
});

describe('mcp gateway writes: invoices, purchase orders, master data and approvals', () => {
  let location: string;
  let revenueAccount: string;
  let customerId: string;
  let vendorId: string;
  let itemId: string;

  beforeAll(async () => {
    const [where] = await raw(
      `select locationid from intacct_raw.gl_detail where _entity = 'US1' and locationid is not null order by record_no limit 1`,
    );
    location = where?.locationid;
    const [acct] = await raw(
      `select account_no from analytics_staging.stg_intacct__gl_account
        where lower(status) = 'active' and account_type = 'incomestatement' and not coalesce(is_subledger_control, false)
          and not (coalesce(requires_department, false) or coalesce(requires_project, false)
            or coalesce(requires_customer, false) or coalesce(requires_vendor, false) or coalesce(requires_employee, false)
            or coalesce(requires_item, false) or coalesce(requires_class, false) or coalesce(requires_fund, false))
        order by account_no limit 1`,
    );
    revenueAccount = acct?.account_no;
    const [cust] = await raw(
      `select customerid from intacct_raw.ar_invoice where _entity = 'US1' and _deleted_at is null order by record_no desc limit 1`,
    );
    customerId = cust?.customerid;
    const [vend] = await raw(
      `select vendorid from intacct_raw.ap_bill where _entity = 'US1' and _deleted_at is null order by record_no desc limit 1`,
    );
    vendorId = vend?.vendorid;
    const [item] = await raw(
      `select itemid from intacct_raw.item where _deleted_at is null and lower(status) = 'active' order by itemid limit 1`,
    );
    itemId = item?.itemid;
    expect([location, revenueAccount, customerId, vendorId, itemId].every(Boolean)).toBe(true);
  });

  const functions = (name: string) => sandbox.stats().byFunction[name] ?? 0;

  async function writer(writes: string[], extra: Record<string, unknown> = {}) {
    const server = await serveHttp({
      config: configSchema.parse({
        ...config,
        ...extra,
        mcp: { port: 0, token: TOKEN, writes, entities: ['US1'] },
      }),
      warehouse,
      projectDir: PROJECT,
      logger: silentLogger,
    });
    const c = await connectHttp(server.url, TOKEN);
    return {
      c,
      close: async () => {
        await c.close();
        await server.close();
      },
    };
  }

  /** Plan with the read-only server, refuse the apply there, post once with `tool` enabled, twice more sends nothing. */
  async function planApplyOnce(tool: string, args: Record<string, unknown>, fn: string): Promise<Json> {
    const plan = await ok(client, tool, args);
    expect(plan).toMatchObject({ action: 'create', reasons: [], applyEnabled: false });
    expect(await call(client, 'apply_plan', { planId: plan.planId })).toEqual({
      ok: false,
      message: expect.stringContaining(`writes are disabled for ${tool}`),
    });
    const before = functions(fn);
    const w = await writer([tool]);
    try {
      const outside = await call(w.c, tool, { ...args, entity: 'DE1', idempotencyKey: `${tool}-de1` });
      expect(outside).toEqual({ ok: false, message: expect.stringContaining('entity "DE1" is outside') });
      const first = await ok(w.c, 'apply_plan', { planId: plan.planId });
      expect(first).toMatchObject({ outcome: 'posted', idempotencyKey: args.idempotencyKey });
      expect(first.intacctKey).toBeTruthy();
      expect(await ok(w.c, 'apply_plan', { planId: plan.planId })).toEqual({
        ...first,
        outcome: 'already-posted',
      });
      const replan = await ok(w.c, tool, args);
      expect(replan.action).toBe('unchanged');
      expect((await ok(w.c, 'apply_plan', { planId: replan.planId })).outcome).toBe('already-posted');
      expect(functions(fn) - before).toBe(1);
      return { plan, first };
    } finally {
      await w.close();
    }
  }

  it('create_customer_invoice: planned with the engine checks, posted once as create_invoice', async () => {
    const args = {
      entity: 'US1',
      customerId,
      invoiceDate: '2026-11-21',
      termName: 'N30',
      description: 'Consulting, November',
      lines: [
        { account: revenueAccount, amount: '1500.00', location, memo: 'Workshop' },
        { account: revenueAccount, amount: '249.99', location },
      ],
      idempotencyKey: 'agent-inv-2026-11',
    };
    const { first } = await planApplyOnce('create_customer_invoice', args, 'create_invoice');
    const posted = sandbox.store.list('ARINVOICE').filter((r) => r.RECORDID === 'agent-inv-2026-11');
    expect(posted).toHaveLength(1);
    expect(String(posted[0]?.RECORDNO)).toBe(String(first.intacctKey));
    expect(cents(posted[0]?.TOTALENTERED)).toBe(174999n);
    const ledger = await raw(
      `select status from intacct_raw._elt_reverse_ledger where flow = 'mcp-customer-invoice' and external_key = 'agent-inv-2026-11'`,
    );
    expect(ledger).toEqual([{ status: 'posted' }]);
    const noTerms = await call(client, 'create_customer_invoice', { ...args, termName: undefined });
    expect(noTerms).toEqual({ ok: false, message: expect.stringContaining('give dueDate or termName') });
    const unknown = await ok(client, 'create_customer_invoice', {
      ...args,
      customerId: 'NO-SUCH-CUSTOMER',
      idempotencyKey: 'agent-inv-bad',
    });
    expect(unknown.action).toBe('rejected');
    expect(unknown.reasons.join(' ')).toContain("customer 'NO-SUCH-CUSTOMER' does not exist");
  });

  it('create_purchase_order: posted once as create_potransaction, the key as its document number', async () => {
    const args = {
      entity: 'US1',
      vendorId,
      date: '2026-11-21',
      dueDate: '2026-12-21',
      message: 'Laptops for the new hires',
      lines: [{ item: itemId, quantity: '3', price: '1199.50', location }],
      idempotencyKey: 'agent-po-2026-11',
    };
    const { first } = await planApplyOnce('create_purchase_order', args, 'create_potransaction');
    const posted = sandbox.store.list('PODOCUMENT').filter((r) => r.DOCNO === 'agent-po-2026-11');
    expect(posted).toHaveLength(1);
    expect(String(posted[0]?.RECORDNO)).toBe(String(first.intacctKey));
    expect(posted[0]).toMatchObject({ DOCPARID: 'Purchase Order', CUSTVENDID: vendorId, TOTAL: '3598.50' });
    const quantityAsNumber = await call(client, 'create_purchase_order', {
      ...args,
      lines: [{ ...args.lines[0], quantity: 3 }],
    });
    expect(quantityAsNumber).toEqual({ ok: false, message: expect.stringContaining('expected string') });
    const audited = await raw(
      `select outcome, message from intacct_raw._elt_mcp_audit where tool = 'create_purchase_order' and outcome = 'invalid'`,
    );
    expect(audited.map((a) => a.message)).toEqual([expect.stringContaining('expected string')]);
  });

  it('update_customer and update_vendor: only the given fields change, once; an empty change is refused', async () => {
    const args = { entity: 'US1', customerId, email: 'ap@example.org', idempotencyKey: 'agent-cust-email' };
    await planApplyOnce('update_customer', args, 'update');
    expect(sandbox.store.findById('CUSTOMER', customerId)?.['DISPLAYCONTACT.EMAIL1']).toBe('ap@example.org');
    const ledger = await raw(
      `select status, intacct_object from intacct_raw._elt_reverse_ledger where flow = 'mcp-customer-update'`,
    );
    expect(ledger).toEqual([{ status: 'posted', intacct_object: 'CUSTOMER' }]);
    const nothing = await call(client, 'update_vendor', { entity: 'US1', vendorId });
    expect(nothing).toEqual({
      ok: false,
      message: expect.stringContaining('give at least one field to change'),
    });
    const badStatus = await call(client, 'update_vendor', { entity: 'US1', vendorId, status: 'closed' });
    expect(badStatus.ok).toBe(false);
    const vendorPlan = await ok(client, 'update_vendor', { entity: 'US1', vendorId, termName: 'N30' });
    expect(vendorPlan).toMatchObject({ action: 'create', applyEnabled: false });
    const w = await writer(['update_customer']);
    try {
      expect(await call(w.c, 'apply_plan', { planId: vendorPlan.planId })).toEqual({
        ok: false,
        message: expect.stringContaining('writes are disabled for update_vendor'),
      });
    } finally {
      await w.close();
    }
  });

  it('submit_approval and decide_approval: a held bill posts only after approval, once; a declined one never', async () => {
    const slack: unknown[] = [];
    const hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        slack.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    const bill = (key: string) => ({
      entity: 'US1',
      vendorId,
      billDate: '2026-11-22',
      dueDate: '2026-12-22',
      lines: [{ account: revenueAccount, amount: '25000.00', location }],
      idempotencyKey: key,
    });
    const approved = await ok(client, 'create_vendor_bill', bill('agent-held-bill'));
    const declined = await ok(client, 'create_vendor_bill', bill('agent-declined-bill'));
    const w = await writer(['create_vendor_bill', 'submit_approval', 'decide_approval'], {
      reverse: { ...config.reverse, approvals: { ...config.reverse.approvals, slackWebhookUrl: hookUrl } },
    });
    const bills = (key: string) => sandbox.store.list('APBILL').filter((b) => b.RECORDID === key);
    try {
      const submit = await ok(w.c, 'submit_approval', { planId: approved.planId });
      expect(submit).toMatchObject({ tool: 'submit_approval', action: 'submit', applyEnabled: true });
      expect((await call(client, 'apply_plan', { planId: submit.planId })).ok).toBe(false);
      expect(await ok(w.c, 'apply_plan', { planId: submit.planId })).toMatchObject({
        outcome: 'submitted',
        approval: 'pending',
        notified: true,
      });
      expect((await ok(w.c, 'apply_plan', { planId: submit.planId })).outcome).toBe('already-submitted');
      expect(slack).toHaveLength(1);
      expect(JSON.stringify(slack[0])).toContain('agent-held-bill');
      expect(await call(w.c, 'apply_plan', { planId: approved.planId })).toEqual({
        ok: false,
        message: expect.stringContaining('waiting for an approval'),
      });
      expect(bills('agent-held-bill')).toHaveLength(0);

      const notSubmitted = await ok(w.c, 'decide_approval', {
        planId: declined.planId,
        decision: 'approve',
        approver: 'controller',
      });
      expect(notSubmitted.action).toBe('rejected');
      expect(notSubmitted.reasons.join(' ')).toContain('not waiting for an approval');

      const decide = await ok(w.c, 'decide_approval', {
        planId: approved.planId,
        decision: 'approve',
        approver: 'controller',
      });
      expect(decide.action).toBe('decide');
      expect(await ok(w.c, 'apply_plan', { planId: decide.planId })).toMatchObject({
        outcome: 'decided',
        approval: 'approved',
        decidedBy: 'controller',
      });
      expect((await ok(w.c, 'apply_plan', { planId: decide.planId })).outcome).toBe('already-decided');
      expect((await ok(w.c, 'apply_plan', { planId: approved.planId })).outcome).toBe('posted');
      expect((await ok(w.c, 'apply_plan', { planId: approved.planId })).outcome).toBe('already-posted');
      expect(bills('agent-held-bill')).toHaveLength(1);
      const [row] = await raw(
        `select status, approval, decided_by from intacct_raw._elt_reverse_ledger where flow = 'mcp-vendor-bill' and external_key = 'agent-held-bill'`,
      );
      expect(row).toEqual({ status: 'posted', approval: 'approved', decided_by: 'controller' });

      await ok(w.c, 'apply_plan', {
        planId: (await ok(w.c, 'submit_approval', { planId: declined.planId })).planId,
      });
      const no = await ok(w.c, 'decide_approval', {
        planId: declined.planId,
        decision: 'decline',
        approver: 'cfo',
      });
      expect((await ok(w.c, 'apply_plan', { planId: no.planId })).approval).toBe('declined');
      expect(await call(w.c, 'apply_plan', { planId: declined.planId })).toEqual({
        ok: false,
        message: expect.stringContaining('"declined"'),
      });
      expect(bills('agent-declined-bill')).toHaveLength(0);
    } finally {
      await w.close();
      await new Promise<void>((resolve) => hook.close(() => resolve()));
    }
    const journal = await ok(client, 'create_journal_entry', {
      entity: 'US1',
      journal: 'GJ',
      date: '2026-11-22',
      title: 'Not for approval',
      lines: [
        { account: revenueAccount, side: 'debit', amount: '1.00', location },
        { account: revenueAccount, side: 'credit', amount: '1.00', location },
      ],
    });
    expect(await call(client, 'submit_approval', { planId: journal.planId })).toEqual({
      ok: false,
      message: expect.stringContaining('cannot be submitted for approval'),
    });
  });

  it('project_profitability: one entity, or the allow-list, and nothing outside it', async () => {
    const rows = await allRows(client, 'project_profitability', { entity: 'US1', limit: 100 });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.entity_id))).toEqual(new Set(['US1']));
    const hours = await raw(
      `select projectid, cast(sum(qty) as varchar) as h from intacct_raw.timesheet_entry
        where _deleted_at is null and projectid is not null and _entity = 'US1' group by 1`,
    );
    for (const h of hours) {
      expect(
        rows.filter((r) => r.project_id === h.projectid).reduce((s, r) => s + cents(r.hours), 0n),
        h.projectid,
      ).toBe(cents(h.h));
    }
    const w = await writer([]);
    try {
      const allowed = await allRows(w.c, 'project_profitability', { limit: 100 });
      expect(new Set(allowed.map((r) => r.entity_id))).toEqual(new Set(['US1']));
      expect(await call(w.c, 'project_profitability', { entity: 'DE1' })).toEqual({
        ok: false,
        message: expect.stringContaining('entity "DE1" is outside'),
      });
    } finally {
      await w.close();
    }
  });
});

describe('mcp gateway over stdio (the CLI as a child process)', () => {
  it('answers within the entity allow-list and refuses the others', async () => {
    // The child opens the DuckDB file itself.
    await client.close();
    await http.close();
    await warehouse.close();
    const dir = dirname(config.warehouse.type === 'duckdb' ? config.warehouse.path : '');
    const configPath = join(dir, 'intacct-elt.config.json');
    writeFileSync(configPath, JSON.stringify({ mcp: { entities: ['US1'] } }));
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [join(ROOT, 'bin', 'intacct-elt.js'), 'mcp', '--config', configPath],
      cwd: ROOT,
      stderr: 'pipe',
      env: {
        PATH: process.env.PATH ?? '',
        INTACCT_SENDER_ID: 's',
        INTACCT_SENDER_PASSWORD: 'sp',
        INTACCT_COMPANY_ID: 'c',
        INTACCT_USER_ID: 'u',
        INTACCT_USER_PASSWORD: 'up',
        INTACCT_TIMEZONE: 'America/New_York',
        INTACCT_ELT_WAREHOUSE: 'duckdb',
        INTACCT_ELT_DUCKDB_PATH: config.warehouse.type === 'duckdb' ? config.warehouse.path : '',
        INTACCT_ELT_LOG_LEVEL: 'error',
      },
    });
    const stdio = new Client({ name: 'mcp-stdio-test', version: '0' });
    await stdio.connect(transport);
    try {
      const page = await ok(stdio, 'gl_entries', { period: '2026-03', limit: 1000 });
      expect(page.rows.length).toBeGreaterThan(0);
      expect(new Set(page.rows.map((r: Json) => r.entity_id))).toEqual(new Set(['US1']));
      const refused = await call(stdio, 'trial_balance', { period: '2026-03', entity: 'DE1' });
      expect(refused).toEqual({
        ok: false,
        message: expect.stringContaining("outside this gateway's allow-list (US1)"),
      });
      const freshness = await ok(stdio, 'data_freshness');
      expect(new Set(freshness.objects.map((o: Json) => o.entity))).toEqual(new Set(['', 'US1']));
    } finally {
      await stdio.close();
    }
    warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
    const audit = await raw(
      `select tool, outcome, transport from intacct_raw._elt_mcp_audit where transport = 'stdio'`,
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { tool: 'gl_entries', outcome: 'ok', transport: 'stdio' },
        { tool: 'trial_balance', outcome: 'refused', transport: 'stdio' },
      ]),
    );
  });
});
