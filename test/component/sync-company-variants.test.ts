import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCheck, runCheck } from '../../src/cli/commands/check.ts';
import { createLogger } from '../../src/core/logger.ts';
import { formatReport } from '../../src/extract/report.ts';
import { COMPANY_PROFILES, companyProfile, withoutFields } from '../../src/sandbox/company.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import { Capture } from '../support/capture.ts';
import {
  clientOf,
  differencesFromTruth,
  runOnce,
  sandboxConfig,
  tempDuckDbPath,
  withWarehouse,
} from '../support/sync-harness.ts';

// Real companies differ: the run takes each object's field list from the company's own definition.

const columns = (path: string, sandbox: RunningSandbox, table: string) =>
  withWarehouse(sandboxConfig(sandbox, path), async (w) =>
    (
      await w.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns
          WHERE table_schema = 'intacct_raw' AND table_name = '${table}'`,
      )
    ).map((r) => r.name),
  );

describe('the no-fund sandbox company (no FUND dimension, two custom fields)', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 0.03, seed: 11, company: 'no-fund' });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  const path = tempDuckDbPath();
  // The objects the variant changes, and the GL that must still tie out.
  const objects = ['GLACCOUNT', 'GLBATCH', 'GLDETAIL', 'CUSTOMER', 'FUND', 'LOCATIONENTITY'];
  const config = () => sandboxConfig(sandbox, path, { objects });

  it('syncs exactly; the report names the object and the fields the company lacks', async () => {
    const log = new Capture();
    const logger = createLogger({ level: 'warn', stream: log, format: 'json' });
    const report = await runOnce(config(), { logger });
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('succeeded');
    expect(report.skippedObjects.map((o) => o.object)).toEqual(['FUND']);
    const skipped = Object.fromEntries(report.skippedFields.map((s) => [s.object, s]));
    expect(skipped.GLDETAIL).toEqual({
      object: 'GLDETAIL',
      reason: 'absent',
      fields: ['ACCOUNTTYPE', 'NORMALBALANCE', 'EXCH_RATE_DATE', 'EXCHANGE_RATE', 'TASKID', 'GLDIMFUND'],
    });
    expect(skipped.GLACCOUNT?.fields).toEqual(['REQUIREGLDIMFUND', 'ENABLEGLDIMFUND']);
    // The printed report says the same to the person reading it.
    const printed = formatReport(report);
    expect(printed).toMatch(/Objects this company does not have \(skipped\):\n {2}FUND/);
    expect(printed).toContain(
      "GLDETAIL: ACCOUNTTYPE, NORMALBALANCE, EXCH_RATE_DATE, EXCHANGE_RATE, TASKID, GLDIMFUND (not in the company's definition)",
    );
    // Every skipped field was optional or unconfirmed: nothing the descriptor relies on is missing.
    for (const s of report.skippedFields) expect(s.unexpected).toBeUndefined();
    // One warning per object and run, not one per entity stream.
    const warnings = log.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg?: string; message?: string; object?: string });
    const text = (w: { msg?: string; message?: string }) => w.msg ?? w.message ?? '';
    const fieldWarnings = warnings.filter((w) => /left NULL/.test(text(w)));
    expect(fieldWarnings.filter((w) => w.object === 'GLDETAIL')).toHaveLength(1);
    expect(warnings.some((w) => /optional object/.test(text(w)) && w.object === 'FUND')).toBe(true);

    expect(await differencesFromTruth(config(), sandbox)).toEqual([]);
    // The missing descriptor fields are NULL columns; both custom fields became columns with values.
    const gl = await columns(path, sandbox, 'gl_detail');
    expect(gl).toContain('gldimfund');
    const [row] = await withWarehouse(config(), (w) =>
      w.query<{ fund: string; tier: string; sf: string }>(
        `SELECT (SELECT CAST(count(gldimfund) AS VARCHAR) FROM intacct_raw.gl_detail) AS fund,
                (SELECT CAST(count(customer_tier) AS VARCHAR) FROM intacct_raw.customer) AS tier,
                (SELECT CAST(count(salesforce_id) AS VARCHAR) FROM intacct_raw.customer) AS sf`,
      ),
    );
    expect(row).toEqual({ fund: '0', tier: expect.any(String), sf: expect.any(String) });
    expect(Number(row?.tier)).toBeGreaterThan(0);
    expect(Number(row?.sf)).toBeGreaterThan(0);
    // The company has no FUND: its table exists all the same, empty, so models over it build.
    const [fund] = await withWarehouse(config(), (w) =>
      w.query<{ n: string }>('SELECT CAST(count(*) AS VARCHAR) AS n FROM intacct_raw.fund'),
    );
    expect(fund?.n).toBe('0');
    // The definitions are cached in the warehouse for the next run.
    const cached = await withWarehouse(config(), (w) => w.getObjectDefinition('GLDETAIL'));
    expect(cached?.fields.map((f) => f.name)).not.toContain('GLDIMFUND');
  });

  it('a field Intacct refuses mid-run is dropped with a warning, the run completes and the definition is re-read', async () => {
    // The company loses GLDETAIL.DOCNUMBER after the definition was cached: the cache still lists it.
    sandbox.store.company = withoutFields(companyProfile('no-fund'), 'GLDETAIL', ['DOCNUMBER']);
    const advanced = await fetch(`${sandbox.adminUrl}/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // No deletes: their cascades run through AR/AP documents, outside this test's objects.
      body: JSON.stringify({ minutes: 120, creates: 20, edits: 10, deletes: 0 }),
    });
    expect(advanced.ok).toBe(true);
    const log = new Capture();
    const report = await runOnce(config(), {
      logger: createLogger({ level: 'warn', stream: log, format: 'json' }),
    });
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('succeeded');
    expect(report.skippedFields).toContainEqual({
      object: 'GLDETAIL',
      fields: ['DOCNUMBER'],
      reason: 'refused',
    });
    expect(log.text).toMatch(/refused fields/);
    expect(log.text).toContain('DOCNUMBER');
    expect(await differencesFromTruth(config(), sandbox)).toEqual([]);
    const cached = await withWarehouse(config(), (w) => w.getObjectDefinition('GLDETAIL'));
    expect(cached?.fields.map((f) => f.name)).not.toContain('DOCNUMBER');

    // The next run knows from the re-read definition: the field is absent, nothing is refused.
    const next = await runOnce(config());
    expect(next.status).toBe('succeeded');
    const gl = next.skippedFields.filter((s) => s.object === 'GLDETAIL');
    expect(gl.map((s) => s.reason)).toEqual(['absent']);
    expect(gl[0]?.fields).toContain('DOCNUMBER');
    expect(gl[0]?.unexpected).toEqual(['DOCNUMBER']);
  });

  it('an Order Entry invoice recreated with a new RECORDNO on edit leaves no stale invoice or line', async () => {
    const store = sandbox.store;
    const oePath = tempDuckDbPath('oe');
    const oe = () => sandboxConfig(sandbox, oePath, { objects: ['ARINVOICE', 'ARINVOICEITEM'] });
    const stamp = () => new Date(store.clock.advance(60_000)).toISOString().replace(/\.\d+Z$/, 'Z');
    const us = {
      MEGAENTITYKEY: '1',
      MEGAENTITYID: 'US1',
      MEGAENTITYNAME: store.entity('US1')?.name ?? 'US1',
    };
    const customer = store.list('CUSTOMER')[0]?.CUSTOMERID ?? null;
    // Inserted straight into the store: Order Entry writes AR, and its recreation leaves no audit entry.
    const post = () => {
      const when = stamp();
      const invoice = store.insert('ARINVOICE', {
        CUSTOMERID: customer,
        WHENCREATED: when.slice(0, 10),
        STATE: 'Posted',
        MODULEKEY: '8.SO',
        AUWHENCREATED: when,
        WHENMODIFIED: when,
        ...us,
      });
      const line = store.insert('ARINVOICEITEM', {
        RECORDKEY: invoice.RECORDNO,
        ACCOUNTNO: '4000',
        AMOUNT: '10.00',
        WHENCREATED: when,
        WHENMODIFIED: when,
        ...us,
      });
      return { invoice: invoice.RECORDNO!, line: line.RECORDNO! };
    };
    const first = post();
    expect((await runOnce(oe())).status).toBe('succeeded');
    // The Order Entry edit: Intacct deletes the AR invoice and creates it again under a new RECORDNO.
    store.remove('ARINVOICEITEM', first.line);
    store.remove('ARINVOICE', first.invoice);
    const second = post();
    const report = await runOnce(oe());
    expect(report.status).toBe('succeeded');
    const live = await withWarehouse(oe(), async (w) =>
      w.query<{ t: string; k: string; gone: boolean }>(
        `SELECT 'inv' AS t, CAST(record_no AS VARCHAR) AS k, _deleted_at IS NOT NULL AS gone FROM intacct_raw.ar_invoice
          WHERE record_no IN (${first.invoice}, ${second.invoice})
         UNION ALL
         SELECT 'line', CAST(record_no AS VARCHAR), _deleted_at IS NOT NULL FROM intacct_raw.ar_invoice_item
          WHERE record_no IN (${first.line}, ${second.line}) ORDER BY 1, 2`,
      ),
    );
    expect(live).toEqual(
      [
        { t: 'inv', k: first.invoice, gone: true },
        { t: 'inv', k: second.invoice, gone: false },
        { t: 'line', k: first.line, gone: true },
        { t: 'line', k: second.line, gone: false },
      ].sort((a, b) => a.t.localeCompare(b.t) || a.k.localeCompare(b.k)),
    );
  });

  it('check passes on a company without the optional FUND object, and says so', async () => {
    const client = clientOf(config());
    try {
      const report = await runCheck(client, { timezone: sandbox.store.timezone });
      expect(report.ok).toBe(true);
      expect(report.objects.find((o) => o.object === 'FUND')).toMatchObject({
        readable: false,
        optional: true,
      });
      expect(formatCheck(report)).toMatch(/• FUND: not in this company \(optional; syncs skip it\)/);
    } finally {
      await client.close();
    }
  });

  it('profiles are data: each names only catalog objects', () => {
    for (const p of Object.values(COMPANY_PROFILES)) expect(companyProfile(p.name)).toBe(p);
    expect(() => companyProfile('nope')).toThrow(/unknown sandbox company 'nope'; known: standard, no-fund/);
  });
});
