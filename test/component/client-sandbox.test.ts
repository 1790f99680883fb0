import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isZero, sum } from '../../src/core/decimal.ts';
import { ClassifiedError } from '../../src/core/errors.ts';
import { formatCheck, runCheck } from '../../src/cli/commands/check.ts';
import { IntacctClient, type IntacctClientOptions } from '../../src/intacct/client.ts';
import { f } from '../../src/intacct/filter.ts';
import type { Transport } from '../../src/intacct/transport.ts';
import { UndiciTransport } from '../../src/intacct/transport.ts';
import {
  buildApBill,
  buildArInvoice,
  buildArPayment,
  buildCustomer,
  buildGlBatch,
  buildVendor,
} from '../../src/intacct/writes/index.ts';
import { type RunningSandbox, startSandbox, UNAUTHORIZED_SENDER_ID } from '../../src/sandbox/index.ts';

/** The client against the sandbox over HTTP: writes, replays, hostile values, errors, check. */
let sb: RunningSandbox;
const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 50, maxTotalMs: 30_000 };

function options(overrides: Partial<IntacctClientOptions> = {}): IntacctClientOptions {
  const c = sb.credentials;
  return {
    endpointUrl: sb.url,
    senderId: c.senderId,
    senderPassword: c.senderPassword,
    companyId: c.companyId,
    userId: c.userId,
    userPassword: c.userPassword,
    timezone: sb.store.timezone,
    retry: FAST_RETRY,
    throttlePauseMs: 5,
    ...overrides,
  };
}

async function readAll(client: IntacctClient, req: Parameters<IntacctClient['readRecords']>[0]) {
  const out: Record<string, string | null>[] = [];
  for await (const batch of client.readRecords(req)) out.push(...batch);
  return out;
}

/** A transport that switches the sandbox's faults off after the first write request went out. */
function faultOnceTransport(onFirstWrite: () => void): Transport {
  const inner = new UndiciTransport();
  let fired = false;
  return {
    async post(url, xml, signal) {
      try {
        return await inner.post(url, xml, signal);
      } finally {
        if (!fired && /<uniqueid>true<\/uniqueid>/.test(xml)) {
          fired = true;
          onFirstWrite();
        }
      }
    },
    close: () => inner.close(),
  };
}

beforeAll(async () => {
  sb = await startSandbox({ seed: 7, scale: 0.05 });
});
afterAll(async () => {
  await sb?.close();
});

describe('client against the sandbox', () => {
  it('lists entities and reads every record of an entity exactly once', async () => {
    const client = IntacctClient.create(options());
    const entities = await client.listEntities();
    expect(entities.length).toBeGreaterThan(0);
    const entity = entities[0]!.id;
    const rows = await readAll(client, {
      object: 'GLDETAIL',
      fields: ['RECORDNO', 'AMOUNT', 'WHENMODIFIED'],
      entity,
      pageSize: 100,
    });
    const keys = rows.map((r) => r.RECORDNO);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(await client.countRecords({ object: 'GLDETAIL', entity }));
    expect(keys.length).toBeGreaterThan(100);
    // query with orderby: same rows, ordered by (WHENMODIFIED, RECORDNO).
    const ordered = await readAll(client, {
      object: 'GLDETAIL',
      fields: ['RECORDNO', 'WHENMODIFIED'],
      orderBy: ['WHENMODIFIED'],
      entity,
      method: 'query',
      pageSize: 150,
      prefetch: 2,
    });
    expect(new Set(ordered.map((r) => r.RECORDNO))).toEqual(new Set(keys));
    await client.close();
  });

  it('trial balance: debits equal credits, and every account line is read as decimal strings', async () => {
    const client = IntacctClient.create(options());
    const entity = (await client.listEntities())[0]!.id;
    const rows = await client.trialBalance(entity, {
      startDate: '2000-01-01',
      endDate: new Date().toISOString().slice(0, 10),
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.debits).toMatch(/^-?\d+(\.\d+)?$/);
    expect(sum(rows.map((r) => r.debits))).toBe(sum(rows.map((r) => r.credits)));
    expect(sum(rows.map((r) => r.debits))).not.toBe('0');
    await client.close();
  });

  it('a write whose response was cut off is replayed with the same controlid and creates one record', async () => {
    for (const kind of ['truncate', 'reset'] as const) {
      const id = `CUT${kind.slice(0, 3).toUpperCase()}${Date.now() % 100000}`;
      const client = IntacctClient.create(
        options({ transport: faultOnceTransport(() => sb.setFaults({ transientRate: 0 })) }),
      );
      await client.connect();
      sb.setFaults({ transientRate: 1, transientMix: { [kind]: 1 } });
      const [result] = await client.write(null, [
        buildCustomer({ controlId: `cust-${id}`, id, name: `Cut ${kind}` }),
      ]);
      sb.setFaults({ transientRate: 0, transientMix: {} });
      expect(client.stats().retries).toBeGreaterThanOrEqual(1);
      // The replay was refused as a duplicate controlid: the first attempt had created the record.
      expect(result?.status).toBe('duplicate');
      const found = await readAll(client, {
        object: 'CUSTOMER',
        fields: ['RECORDNO', 'CUSTOMERID'],
        filter: f.eq('CUSTOMERID', id),
        entity: null,
      });
      expect(found).toHaveLength(1);
      await client.close();
    }
  });

  it('hostile values round-trip through create and read', async () => {
    const client = IntacctClient.create(options());
    const name = `<b>&amp; ]]> "dq" 'sq' 😀 — Ünïcødé\\`;
    const id = `HOST${Date.now() % 100000}`;
    const [c] = await client.write(null, [buildCustomer({ controlId: `cust-${id}`, id, name })]);
    expect(c?.status).toBe('success');
    const back = await readAll(client, {
      object: 'CUSTOMER',
      fields: ['CUSTOMERID', 'NAME'],
      filter: f.eq('NAME', name),
      entity: null,
    });
    expect(back.map((r) => r.NAME)).toEqual([name]);
    expect(back[0]?.CUSTOMERID).toBe(id);

    const entities = await client.listEntities();
    const entity = entities[0]!.id;
    const accounts = await readAll(client, {
      object: 'GLACCOUNT',
      fields: ['ACCOUNTNO', 'ACCOUNTTYPE'],
      entity: null,
      pageSize: 10,
    });
    const [a1, a2] = accounts.map((a) => a.ACCOUNTNO!);
    const unit = `<&]]>"'😀`;
    const long = `${unit.repeat(80)}${'x'.repeat(1000 - unit.length * 80)}`;
    expect(long.length).toBe(1000);
    const title = `JE ${name}`;
    const [je] = await client.write(entity, [
      buildGlBatch({
        controlId: `je-${id}`,
        journal: 'GJ',
        batchDate: new Date().toISOString().slice(0, 10),
        title,
        lines: [
          { accountNo: a1!, side: 'debit', amount: '10.50', memo: long, dimensions: { location: entity } },
          { accountNo: a2!, side: 'credit', amount: '10.50', memo: name, dimensions: { location: entity } },
        ],
      }),
    ]);
    expect(je?.status, je?.error?.message).toBe('success');
    const batchNo = je?.records[0]?.recordNo;
    expect(batchNo).toBeTruthy();
    const lines = await readAll(client, {
      object: 'GLENTRY',
      fields: ['RECORDNO', 'DESCRIPTION', 'TRX_AMOUNT'],
      filter: f.eq('BATCHNO', batchNo!),
      entity,
    });
    expect(lines.map((l) => l.DESCRIPTION).sort()).toEqual([long, name].sort());
    await client.close();
  });

  it('every write builder is accepted: invoice, payment applied to it, vendor, bill (batched)', async () => {
    const client = IntacctClient.create(options());
    const entity = (await client.listEntities())[0]!.id;
    const tag = String(Date.now() % 100000);
    const accounts = await readAll(client, {
      object: 'GLACCOUNT',
      fields: ['ACCOUNTNO'],
      entity: null,
      pageSize: 5,
    });
    const acct = accounts[0]!.ACCOUNTNO!;
    const today = new Date().toISOString().slice(0, 10);
    // Several functions in one request, one result each, in order.
    const [cust, vend] = await client.write(entity, [
      buildCustomer({ controlId: `c-${tag}`, id: `WC${tag}`, name: 'Writer Customer' }),
      buildVendor({ controlId: `v-${tag}`, id: `WV${tag}`, name: 'Writer Vendor' }),
    ]);
    expect([cust?.status, vend?.status]).toEqual(['success', 'success']);
    const [inv] = await client.write(entity, [
      buildArInvoice({
        controlId: `i-${tag}`,
        customerId: `WC${tag}`,
        dateCreated: today,
        dateDue: today,
        lines: [{ glAccountNo: acct, amount: '120.00', memo: 'line & <1>', locationId: entity }],
      }),
    ]);
    expect(inv?.status, inv?.error?.message).toBe('success');
    const invoiceKey = inv?.records[0]?.recordNo;
    expect(invoiceKey).toMatch(/^\d+$/);
    const [bill] = await client.write(entity, [
      buildApBill({
        controlId: `b-${tag}`,
        vendorId: `WV${tag}`,
        billDate: today,
        dueDate: today,
        lines: [{ accountNo: acct, amount: '55.50', memo: 'hosting', dimensions: { location: entity } }],
      }),
    ]);
    expect(bill?.status, bill?.error?.message).toBe('success');
    // A bank account the entity already receives payments into.
    const payments = await readAll(client, {
      object: 'ARPYMT',
      fields: ['RECORDNO', 'FINANCIALENTITY'],
      entity,
      pageSize: 50,
    });
    const bank = payments.find((p) => p.FINANCIALENTITY)?.FINANCIALENTITY;
    expect(bank).toBeTruthy();
    const payment = buildArPayment({
      controlId: `p-${tag}`,
      customerId: `WC${tag}`,
      method: 'EFT',
      bankAccountId: bank!,
      receiptDate: today,
      applications: [{ invoiceKey: invoiceKey!, amount: '120.00' }],
    });
    const [pay] = await client.write(entity, [payment]);
    expect(pay?.status, pay?.error?.message).toBe('success');
    const [invoice] = await readAll(client, {
      object: 'ARINVOICE',
      fields: ['RECORDNO', 'TOTALDUE', 'TOTALPAID'],
      filter: f.eq('RECORDNO', invoiceKey!),
      entity,
    });
    expect(isZero(invoice?.TOTALDUE ?? '1')).toBe(true);
    await client.close();
  });

  it('classifies failures over HTTP and explains them in check', async () => {
    const badSender = IntacctClient.create(options({ senderPassword: 'wrong' }));
    await expect(badSender.connect()).rejects.toSatisfy(
      (e: unknown) => e instanceof ClassifiedError && e.kind === 'auth' && e.level === 'control',
    );
    const report = await runCheck(badSender, { timezone: 'America/Los_Angeles', objects: [] });
    expect(report.ok).toBe(false);
    expect(report.login.fix).toMatch(/sender id and sender password/);
    expect(formatCheck(report)).toMatch(/login failed[\s\S]*fix: Check the Web Services sender id/);
    await badSender.close();

    const unauthorized = IntacctClient.create(options({ senderId: UNAUTHORIZED_SENDER_ID }));
    const r2 = await runCheck(unauthorized, { timezone: 'UTC', objects: [] });
    expect(r2.login.fix).toMatch(/Web Services authorizations/);
    await unauthorized.close();

    const badUser = IntacctClient.create(options({ userPassword: 'nope' }));
    await expect(badUser.connect()).rejects.toSatisfy(
      (e: unknown) => e instanceof ClassifiedError && e.kind === 'auth' && e.level === 'authentication',
    );
    await badUser.close();

    const client = IntacctClient.create(options());
    await expect(client.countRecords({ object: 'NOSUCHOBJECT', entity: null })).rejects.toSatisfy(
      (e: unknown) => e instanceof ClassifiedError && e.kind === 'terminal' && e.level === 'result',
    );
    const [dup] = await client.write(null, [
      buildCustomer({ controlId: `dup-${Date.now()}`, id: 'C-DUP-1', name: 'A' }),
    ]);
    const [dup2] = await client.write(null, [
      buildCustomer({ controlId: `dup2-${Date.now()}`, id: 'C-DUP-1', name: 'A' }),
    ]);
    expect(dup?.status).toBe('success');
    expect(dup2?.status).toBe('failure');
    expect(dup2?.error?.kind).toBe('record');
    const ok = await runCheck(client, {
      timezone: sb.store.timezone,
      objects: [
        { object: 'GLACCOUNT', key: 'RECORDNO' },
        { object: 'AUDITHISTORY', key: 'ID' },
      ],
    });
    expect(ok.login.ok).toBe(true);
    expect(ok.entities.length).toBeGreaterThan(0);
    expect(ok.objects.find((o) => o.object === 'GLACCOUNT')?.readable).toBe(true);
    expect(formatCheck(ok)).toContain(`time zone: timestamps are read and filtered in ${sb.store.timezone}`);
    await client.close();
  });

  it('throttling lowers the concurrency; a session expiring is refreshed and replayed', async () => {
    sb.setFaults({ concurrency: 1, latencyMs: 5 });
    const client = IntacctClient.create(options({ concurrency: 4 }));
    const entities = await client.listEntities();
    const counts = await Promise.all(
      entities.map((e) => client.countRecords({ object: 'GLDETAIL', entity: e.id })),
    );
    expect(counts.every((n) => n >= 0)).toBe(true);
    sb.setFaults({ concurrency: 0, latencyMs: 0 });
    expect(client.stats().throttled).toBeGreaterThan(0);
    expect(client.stats().concurrencyLimit).toBeLessThan(4);
    sb.expireSessions();
    const def = await client.lookup('GLDETAIL');
    expect(def.fields.some((x) => x.name === 'RECORDNO')).toBe(true);
    expect(client.stats().authReplays).toBeGreaterThanOrEqual(1);
    await client.close();
  });
});
