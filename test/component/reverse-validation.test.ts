import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.ts';
import {
  type RunningApprovalServer,
  SlackWebhookNotifier,
  signSlackRequest,
  startApprovalServer,
} from '../../src/reverse/approvals.ts';
import { flowByName } from '../../src/reverse/flows/index.ts';
import { Ledger } from '../../src/reverse/ledger.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import {
  appendSeed,
  projectCopy,
  pushOnce,
  type ReverseWorld,
  reverseWorld,
} from '../support/reverse-harness.ts';

// Invalid source rows (added to a copy of the project's seeds as a user would) are rejected with
// reasons and nothing of them is sent; bills above the threshold wait for a signed Slack decision.
let sandbox: RunningSandbox;
let world: ReverseWorld;
let ledger: Ledger;

const BAD_KEYS = {
  unbalanced: 'PR-BAD-NET-ACME-US',
  inactiveDepartment: 'PR-BAD-DEPT-ACME-US',
  unknownAccount: 'SUP-AWS-AWS-BAD-ACCT',
  closedPeriod: 'SUP-LAW-LAW-MAY',
  badDate: 'SUP-LAW-LAW-FEB30',
  unmapped: 'SUP-NEWCO-NC-1',
  nonNumeric: 'TS-BAD-US',
};

beforeAll(async () => {
  sandbox = await startSandbox({ scale: 0.05, seed: 1 });
  const dir = projectCopy();
  appendSeed(dir, 'adp_payroll_register', [
    'PR-BAD-NET,2026-11-15,ACME-US,W1001,R&D,earning,REG,1000.00',
    'PR-BAD-NET,2026-11-15,ACME-US,W1001,R&D,employee_tax,FIT,200.00',
    'PR-BAD-NET,2026-11-15,ACME-US,W1001,R&D,net_pay,NET,850.00',
    'PR-BAD-DEPT,2026-11-15,ACME-US,W1004,Old Programs,earning,REG,900.00',
    'PR-BAD-DEPT,2026-11-15,ACME-US,W1004,Old Programs,net_pay,NET,900.00',
  ]);
  appendSeed(dir, 'procurement_invoice', [
    'AWS-BAD-ACCT,SUP-AWS,Acme US,2026-11-02,2026-12-02,,USD,1,Mystery charge,MISC,CC-100,120.00',
    'LAW-MAY,SUP-LAW,Acme US,2026-05-15,2026-06-14,,USD,1,Old advice,LEGAL,CC-200,300.00',
    'LAW-FEB30,SUP-LAW,Acme US,2026-02-30,2026-03-30,,USD,1,Impossible date,LEGAL,CC-200,300.00',
    'NC-1,SUP-NEWCO,Acme US,2026-11-03,2026-12-03,,USD,1,New supplier,OFFICE,CC-100,75.00',
  ]);
  appendSeed(dir, 'reverse_dimension_map', ['procurement,gl_account,MISC,6999']);
  appendSeed(dir, 'timesheet_export', ['TS-BAD,TE-0099,US,W1001,IMPL-ACME,BUILD,2026-11-04,eight,85.00']);
  world = await reverseWorld(sandbox, dir);
  ledger = new Ledger(world.warehouse, world.config.schemas.raw);
});
afterAll(async () => {
  await world?.warehouse.close();
  await sandbox?.close();
});

const inIntacct = (flow: string, key: string) => {
  const f = flowByName(flow)!;
  return sandbox.store.lookup(f.lookup.object, f.lookup.field, key).length;
};

describe('validation', () => {
  it('rejects each invalid row with a reason a finance user understands and sends nothing for it', async () => {
    sandbox.resetStats();
    const report = await pushOnce(world);
    const rejected = new Map(
      report.items.filter((i) => i.action === 'rejected').map((i) => [i.externalKey, i]),
    );
    expect([...rejected.keys()].sort()).toEqual(Object.values(BAD_KEYS).sort());
    const reasons = (k: string) => rejected.get(k)!.reasons.join(' | ');
    expect(reasons(BAD_KEYS.unbalanced)).toMatch(/does not balance: debits 1000\.00, credits 1050\.00/);
    expect(reasons(BAD_KEYS.inactiveDepartment)).toMatch(/department 'LEGACY' is inactive/);
    expect(reasons(BAD_KEYS.unknownAccount)).toMatch(/GL account '6999' does not exist/);
    expect(reasons(BAD_KEYS.closedPeriod)).toMatch(
      /2026-05-15 is in a closed period \(US1 is closed through 2026-06-30\)/,
    );
    expect(reasons(BAD_KEYS.badDate)).toMatch(/bill date '2026-02-30' is not a valid date/);
    expect(reasons(BAD_KEYS.unmapped)).toMatch(/vendor id 'SUP-NEWCO' has no mapping/);
    expect(reasons(BAD_KEYS.nonNumeric)).toMatch(/source amount 'eight' is not a number/);
    for (const item of rejected.values()) {
      expect(inIntacct(item.flow, item.externalKey), item.externalKey).toBe(0);
      const e = await ledger.get(item.flow, item.entity, item.externalKey);
      expect(e?.status).toBe('rejected');
      expect(e?.errors).toEqual(item.reasons);
    }
    // One bad record never blocks the rest: every valid record went through.
    expect(report.items.filter((i) => i.action === 'create').length).toBeGreaterThan(80);
    const posted = (await ledger.all()).filter((e) => e.status === 'posted');
    expect(posted.length).toBe(report.items.filter((i) => i.action === 'create').length);
    expect(report.ok).toBe(false);
  });
});

describe('Slack approvals', () => {
  const SECRET = 'test-signing-secret';
  const messages: { text: string; blocks: { elements?: { action_id: string; value: string }[] }[] }[] = [];
  let slack: Server;
  let approvals: RunningApprovalServer;
  let webhook: string;
  const procurement = [flowByName('procurement-bills')!];
  const settings = { batchSize: 50, closedThrough: {}, approvalThreshold: '10000' };

  beforeAll(async () => {
    slack = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        messages.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((r) => slack.listen(0, '127.0.0.1', () => r()));
    webhook = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/hooks/test`;
    approvals = await startApprovalServer({
      ledger,
      signingSecret: SECRET,
      logger: silentLogger,
      onApproved: async (d) => {
        const r = await pushOnce(world, { flows: procurement, settings, onlyKeys: new Set([d.externalKey]) });
        return `posted ${r.flows[0]?.applied?.posted ?? 0}`;
      },
    });
    await world.warehouse.query(
      `INSERT INTO analytics_seeds.procurement_invoice (invoice_number, supplier_id, buyer_company, invoice_date, due_date, po_number, currency, line_no, description, gl_code, cost_center, amount) VALUES
       ('DELL-90001', 'SUP-DELL', 'Acme US', '2026-11-05', '2026-12-05', 'PO-US1-000001', 'USD', 1, 'Servers', 'OFFICE', 'CC-100', 15000.00),
       ('LAW-9002', 'SUP-LAW', 'Acme US', '2026-11-06', '2026-12-06', NULL, 'USD', 1, 'Litigation', 'LEGAL', 'CC-200', 12000.00),
       ('AWS-2026-11', 'SUP-AWS', 'Acme US', '2026-11-07', '2026-12-07', NULL, 'USD', 1, 'Hosting November', 'HOSTING', 'CC-100', 800.00)`,
    );
  });
  afterAll(async () => {
    await approvals?.close();
    await new Promise<void>((r) => slack?.close(() => r()));
  });

  const value = (key: string) =>
    messages.find((m) => m.blocks[1]?.elements?.[0]?.value.includes(key))!.blocks[1]!.elements![0]!.value;
  const callback = (key: string, action: 'approve' | 'decline', user: string) =>
    `payload=${encodeURIComponent(
      JSON.stringify({
        type: 'block_actions',
        user: { id: 'U123', username: user },
        actions: [{ action_id: action, value: value(key) }],
      }),
    )}`;
  const send = (body: string, headers: Record<string, string>) =>
    fetch(approvals.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
  const signed = (body: string, ts = Math.floor(Date.now() / 1000)) => ({
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': signSlackRequest(SECRET, String(ts), body),
  });

  it('holds bills above the threshold and asks Slack; smaller bills proceed', async () => {
    const report = await pushOnce(world, {
      flows: procurement,
      settings,
      notifier: new SlackWebhookNotifier(webhook),
    });
    const held = report.items.filter((i) => i.action === 'hold').map((i) => i.externalKey);
    expect(held.sort()).toEqual(['SUP-DELL-DELL-90001', 'SUP-LAW-LAW-9002']);
    expect(report.approvalsRequested).toBe(2);
    expect(messages).toHaveLength(2);
    expect(messages[0]?.blocks[1]?.elements?.map((e) => e.action_id)).toEqual(['approve', 'decline']);
    expect(inIntacct('procurement-bills', 'SUP-DELL-DELL-90001')).toBe(0);
    expect(inIntacct('procurement-bills', 'SUP-AWS-AWS-2026-11')).toBe(1);
    expect((await ledger.get('procurement-bills', 'US1', 'SUP-DELL-DELL-90001'))?.status).toBe(
      'awaiting_approval',
    );
  });

  it('refuses forged, tampered and stale callbacks and changes nothing', async () => {
    const body = callback('DELL-90001', 'approve', 'mallory');
    const forged = await send(body, {
      'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
      'x-slack-signature': signSlackRequest('not-the-secret', String(Math.floor(Date.now() / 1000)), body),
    });
    expect(forged.status).toBe(401);
    const ts = Math.floor(Date.now() / 1000);
    const tampered = await send(body.replace('mallory', 'jane'), signed(body, ts));
    expect(tampered.status).toBe(401);
    const stale = await send(body, signed(body, ts - 6 * 60));
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { text: string }).text).toMatch(/stale/);
    const unsigned = await send(body, {});
    expect(unsigned.status).toBe(401);
    const e = await ledger.get('procurement-bills', 'US1', 'SUP-DELL-DELL-90001');
    expect([e?.status, e?.approval, e?.decidedBy]).toEqual(['awaiting_approval', 'pending', null]);
    expect(inIntacct('procurement-bills', 'SUP-DELL-DELL-90001')).toBe(0);
  });

  it('an approval posts the bill once and records who approved; a decline posts nothing', async () => {
    const ok = await send(
      callback('DELL-90001', 'approve', 'controller.jane'),
      signed(callback('DELL-90001', 'approve', 'controller.jane')),
    );
    expect(ok.status).toBe(200);
    expect(inIntacct('procurement-bills', 'SUP-DELL-DELL-90001')).toBe(1);
    const e = await ledger.get('procurement-bills', 'US1', 'SUP-DELL-DELL-90001');
    expect([e?.status, e?.approval, e?.decidedBy]).toEqual(['posted', 'approved', 'controller.jane']);
    // A second click is refused: the bill is no longer waiting.
    const again = await send(
      callback('DELL-90001', 'approve', 'controller.jane'),
      signed(callback('DELL-90001', 'approve', 'controller.jane')),
    );
    expect(again.status).toBe(409);
    expect(inIntacct('procurement-bills', 'SUP-DELL-DELL-90001')).toBe(1);

    const no = await send(
      callback('LAW-9002', 'decline', 'cfo.sam'),
      signed(callback('LAW-9002', 'decline', 'cfo.sam')),
    );
    expect(no.status).toBe(200);
    const d = await ledger.get('procurement-bills', 'US1', 'SUP-LAW-LAW-9002');
    expect([d?.status, d?.approval, d?.decidedBy]).toEqual(['declined', 'declined', 'cfo.sam']);
    const next = await pushOnce(world, { flows: procurement, settings });
    expect(next.items.find((i) => i.externalKey === 'SUP-LAW-LAW-9002')?.action).toBe('declined');
    expect(inIntacct('procurement-bills', 'SUP-LAW-LAW-9002')).toBe(0);
  });
});
