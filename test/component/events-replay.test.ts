import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobConfig } from '../../src/config/schema.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { IntacctClient } from '../../src/intacct/client.ts';
import { seedRelations } from '../../src/events/landing.ts';
import { httpFeed, pollOnce } from '../../src/events/poll.ts';
import { EventQueue } from '../../src/events/queue.ts';
import { type RunningEventService, startEventService } from '../../src/events/service.ts';
import { stripeSignatureHeader, hmacHeaders } from '../../src/events/signatures.ts';
import { flowByName } from '../../src/reverse/flows/index.ts';
import { Ledger } from '../../src/reverse/ledger.ts';
import { CLOSED_THROUGH } from '../../src/sandbox/generator.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import {
  chargebeeEvent,
  deliver,
  payrollFinalized,
  SECRETS,
  salesforceClosedWon,
  signedHeaders,
  stripeChargeEvent,
  stripeIntentEvent,
  unix,
} from '../support/events-harness.ts';
import { PROJECT_DIR, type ReverseWorld, reverseWorld } from '../support/reverse-harness.ts';
import { clientOf } from '../support/sync-harness.ts';

// Provider events replayed against `events serve` (receivers and worker in process) over the
// sandbox: valid, badly signed, stale, malformed, redelivered and out of order. Each business event
// must end in Intacct exactly once, and a refused request must change nothing at all.
let sandbox: RunningSandbox;
let world: ReverseWorld;
let config: JobConfig;
let client: IntacctClient;
let service: RunningEventService;
const stop = new AbortController();

beforeAll(async () => {
  sandbox = await startSandbox({ scale: 0.05, seed: 3 });
  world = await reverseWorld(sandbox);
  config = {
    ...world.config,
    events: { ...world.config.events, ...SECRETS, debounceMs: 100, leaseSeconds: 5, retryBaseSeconds: 0.2 },
  };
  client = clientOf(config, { fastRetries: true });
  service = await startEventService({
    config,
    warehouse: world.warehouse,
    client,
    relationOf: world.relationOf,
    tables: seedRelations(config, PROJECT_DIR),
    reverse: { batchSize: 50, closedThrough: CLOSED_THROUGH, approvalThreshold: null },
    logger: silentLogger,
    stop: stop.signal,
    port: 0,
  });
}, 120_000);
afterAll(async () => {
  stop.abort();
  await service?.close();
  await client?.close();
  await world?.warehouse.close();
  await sandbox?.close();
});

/** Intacct's record counts per object (all entities), from the sandbox's admin truth API. */
async function truthCounts(): Promise<Record<string, number>> {
  const res = await fetch(`${sandbox.adminUrl}/truth`);
  const truth = (await res.json()) as { counts: Record<string, Record<string, number>> };
  return Object.fromEntries(
    Object.entries(truth.counts).map(([o, byEntity]) => [
      o,
      Object.values(byEntity).reduce((a, b) => a + b, 0),
    ]),
  );
}

/** Waits until no event is queued or waiting (the worker has taken everything it can). */
async function settled(timeoutMs = 30_000): Promise<Record<string, number>> {
  const queue = new EventQueue(world.warehouse, config.schemas.raw);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = await queue.counts();
    if (c.queued === 0 && c.waiting === 0) return c;
    if (Date.now() > deadline) throw new Error(`events not settled: ${JSON.stringify(c)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const inIntacct = (flow: string, key: string) => {
  const f = flowByName(flow)!;
  return sandbox.store.lookup(f.lookup.object, f.lookup.field, key);
};

const now = () => Math.floor(Date.now() / 1000);

describe('events serve: replayed provider events', () => {
  it('refuses unsigned, badly signed, stale and malformed requests, and they change nothing', async () => {
    const before = await truthCounts();
    const body = stripeIntentEvent({
      eventId: 'evt_refused_1',
      intentId: 'pi_REFUSED',
      opportunityId: '006A000001',
      chargeId: 'ch_REFUSED',
      amount: 100,
      created: unix('2026-11-10T12:00:00Z'),
    });
    const refusals = [
      await deliver(service.url, 'stripe', body, {}),
      await deliver(service.url, 'stripe', body, {
        'stripe-signature': stripeSignatureHeader('whsec_wrong_secret', body, now()),
      }),
      await deliver(service.url, 'stripe', body, {
        'stripe-signature': stripeSignatureHeader(SECRETS.stripeSecret, body, now() - 301),
      }),
      await deliver(service.url, 'stripe', `${body} `, {
        'stripe-signature': stripeSignatureHeader(SECRETS.stripeSecret, body, now()),
      }),
      await deliver(service.url, 'stripe', '{"id":"evt_refused_2","type":"payment_intent.succeeded"}'),
      await deliver(service.url, 'stripe', 'not json'),
      await deliver(
        service.url,
        'chargebee',
        chargebeeEvent({ eventId: 'ev_refused', type: 'subscription_created', occurredAt: now() }),
        {
          authorization: `Basic ${Buffer.from('chargebee-hook:wrong').toString('base64')}`,
        },
      ),
      await deliver(
        service.url,
        'salesforce',
        '{"eventId":"sf_refused"}',
        hmacHeaders(SECRETS.salesforceSecret, '{"eventId":"sf_refused"}', now() - 3600),
      ),
      await deliver(service.url, 'payroll', '{"eventId":"pr_refused","type":"payroll.finalized"}'),
    ];
    expect(refusals.map((r) => r.status)).toEqual([401, 401, 401, 401, 400, 400, 401, 401, 400]);
    expect(String(refusals[2]!.json.error)).toMatch(/stale/);
    expect(refusals[4]!.json.error).toBe('malformed event: event.created must be a whole number');
    // Nothing stored, nothing landed, nothing posted, and no secret in any answer.
    const queue = new EventQueue(world.warehouse, config.schemas.raw);
    expect(Object.values(await queue.counts()).reduce((a, b) => a + b, 0)).toBe(0);
    const landed = await world.warehouse.query(
      `SELECT * FROM analytics_seeds.stripe_charge WHERE id = 'ch_REFUSED'`,
    );
    expect(landed).toEqual([]);
    expect(await truthCounts()).toEqual(before);
    for (const r of refusals)
      for (const s of Object.values(SECRETS)) expect(JSON.stringify(r.json)).not.toContain(s);
  });

  it('posts each business event once: duplicates, out of order across and within providers', async () => {
    const before = await truthCounts();
    const created = unix('2026-11-10T12:00:00Z');
    const pay1 = stripeIntentEvent({
      eventId: 'evt_pi_e1',
      intentId: 'pi_E1',
      opportunityId: '006E000001',
      chargeId: 'ch_E1',
      amount: 1_200_000,
      created,
    });
    // 1. The payment arrives before its opportunity was won in Salesforce: it must wait.
    expect((await deliver(service.url, 'stripe', pay1)).status).toBe(200);
    // A redelivery of the same event is a no-op.
    const again = await deliver(service.url, 'stripe', pay1);
    expect(again).toEqual({ status: 200, json: { received: true, duplicate: true, eventId: 'evt_pi_e1' } });
    await new Promise((r) => setTimeout(r, 800));
    const queue = new EventQueue(world.warehouse, config.schemas.raw);
    expect((await queue.counts()).waiting).toBe(1);
    expect(inIntacct('card-payments', 'ch_E1')).toHaveLength(0);

    // 2. Now the Closed-Won callout: customer and invoice post, then the waiting payment.
    const won1 = salesforceClosedWon({
      eventId: 'sf-006E000001-1',
      opportunityId: '006E000001',
      accountId: '001E000001',
      amount: '12000.00',
      closeDate: '2026-11-05',
      occurredAt: '2026-11-05T09:00:00Z',
    });
    expect((await deliver(service.url, 'salesforce', won1)).status).toBe(200);

    // 3. A charge before its payment intent (Stripe does not promise order), both of a second deal
    //    whose callout comes in the same burst; and the charge's own event delivered twice.
    const won2 = salesforceClosedWon({
      eventId: 'sf-006E000002-1',
      opportunityId: '006E000002',
      accountId: '001E000002',
      amount: '800.00',
      closeDate: '2026-11-06',
      occurredAt: '2026-11-06T09:00:00Z',
    });
    const charge2 = stripeChargeEvent({
      eventId: 'evt_ch_e2',
      chargeId: 'ch_E2',
      intentId: 'pi_E2',
      amount: 80_000,
      created,
    });
    const intent2 = stripeIntentEvent({
      eventId: 'evt_pi_e2',
      intentId: 'pi_E2',
      opportunityId: '006E000002',
      chargeId: 'ch_E2',
      amount: 80_000,
      created,
    });
    expect((await deliver(service.url, 'stripe', charge2)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 600));
    expect((await deliver(service.url, 'stripe', charge2)).json.duplicate).toBe(true);
    expect((await deliver(service.url, 'salesforce', won2)).status).toBe(200);
    expect((await deliver(service.url, 'stripe', intent2)).status).toBe(200);

    // 4. Chargebee: the cancellation (a newer version) arrives before the create; the invoice last.
    const t0 = unix('2026-11-01T00:00:00Z');
    const cancelled = chargebeeEvent({
      eventId: 'ev_sub_e1_cancel',
      type: 'subscription_cancelled',
      occurredAt: unix('2027-01-15T00:00:00Z'),
      subscription: {
        id: 'sub_E1',
        status: 'cancelled',
        cancelledAt: unix('2027-01-15T00:00:00Z'),
        version: 3,
      },
    });
    const createdSub = chargebeeEvent({
      eventId: 'ev_sub_e1_create',
      type: 'subscription_created',
      occurredAt: t0,
      subscription: { id: 'sub_E1', status: 'active', version: 1 },
    });
    const invoice = chargebeeEvent({
      eventId: 'ev_inv_e1',
      type: 'invoice_generated',
      occurredAt: t0,
      invoice: {
        id: 'inv_E1',
        subscriptionId: 'sub_E1',
        total: 120_000,
        date: t0,
        from: t0,
        to: unix('2027-11-01T00:00:00Z'),
        version: 1,
      },
    });
    for (const b of [cancelled, createdSub, invoice])
      expect((await deliver(service.url, 'chargebee', b)).status).toBe(200);

    // 5. A payroll run, twice (a redelivery).
    const run = payrollFinalized({
      eventId: 'pr-E1',
      runId: 'PR-E1',
      payDate: '2026-11-15',
      occurredAt: '2026-11-15T18:00:00Z',
    });
    expect((await deliver(service.url, 'payroll', run)).status).toBe(200);
    expect(
      (await deliver(service.url, 'payroll', run, signedHeaders('payroll', run, now()))).json.duplicate,
    ).toBe(true);

    const counts = await settled();
    expect(await queue.deadEvents()).toEqual([]);
    expect(counts).toEqual({ queued: 0, waiting: 0, done: 9, dead: 0 });

    // Exactly once in Intacct, per business event.
    const expectOnce = (flow: string, key: string) => {
      const found = inIntacct(flow, key);
      expect(found, `${flow} ${key}`).toHaveLength(1);
    };
    expectOnce('crm-customers', 'SF-001E000001');
    expectOnce('crm-customers', 'SF-001E000002');
    expectOnce('crm-invoices', 'SO-006E000001');
    expectOnce('crm-invoices', 'SO-006E000002');
    expectOnce('card-payments', 'ch_E1');
    expectOnce('card-payments', 'ch_E2');
    expectOnce('payroll-journal', 'PR-E1-ACME-US');
    // The cancelled state won: billing, November to January recognised, the refund; no reversals.
    const ledger = new Ledger(world.warehouse, config.schemas.raw);
    const cb = [...(await ledger.forFlow('subscription-revenue')).values()].filter((e) =>
      e.externalKey.startsWith('CB-inv_E1-'),
    );
    expect(cb.map((e) => e.externalKey).sort()).toEqual([
      'CB-inv_E1-BILL',
      'CB-inv_E1-CANCEL',
      'CB-inv_E1-M2026-11',
      'CB-inv_E1-M2026-12',
      'CB-inv_E1-M2027-01',
    ]);
    for (const e of cb) {
      expect(e.status).toBe('posted');
      expectOnce('subscription-revenue', e.externalKey);
      expect(inIntacct('subscription-revenue', `${e.externalKey}.r0`)).toHaveLength(0);
    }
    const [sub] = await world.warehouse.query<{ status: string }>(
      `SELECT status FROM analytics_seeds.chargebee_subscription WHERE id = 'sub_E1'`,
    );
    expect(sub?.status).toBe('cancelled');

    // The admin truth API agrees: exactly these records were added.
    const after = await truthCounts();
    expect(after.CUSTOMER! - before.CUSTOMER!).toBe(2);
    expect(after.ARINVOICE! - before.ARINVOICE!).toBe(2);
    expect(after.ARPYMT! - before.ARPYMT!).toBe(2);
    expect(after.GLBATCH! - before.GLBATCH!).toBeGreaterThanOrEqual(6);
  }, 90_000);

  it('a cancellation after posting reverses the months after it and posts the refund, once', async () => {
    const t0 = unix('2026-11-01T00:00:00Z');
    const sub = (type: string, status: string, version: number, cancelledAt?: number) =>
      chargebeeEvent({
        eventId: `ev_sub_e2_${version}`,
        type,
        occurredAt: cancelledAt ?? t0,
        subscription: { id: 'sub_E2', status, version, ...(cancelledAt ? { cancelledAt } : {}) },
      });
    const invoice = chargebeeEvent({
      eventId: 'ev_inv_e2',
      type: 'invoice_generated',
      occurredAt: t0,
      invoice: {
        id: 'inv_E2',
        subscriptionId: 'sub_E2',
        total: 240_000,
        date: t0,
        from: t0,
        to: unix('2027-11-01T00:00:00Z'),
        version: 1,
      },
    });
    expect((await deliver(service.url, 'chargebee', sub('subscription_created', 'active', 1))).status).toBe(
      200,
    );
    expect((await deliver(service.url, 'chargebee', invoice)).status).toBe(200);
    await settled();
    expect(inIntacct('subscription-revenue', 'CB-inv_E2-M2027-10')).toHaveLength(1);
    const cancel = sub('subscription_cancelled', 'cancelled', 2, unix('2027-02-15T00:00:00Z'));
    expect((await deliver(service.url, 'chargebee', cancel)).status).toBe(200);
    // Redelivered, and an older change arriving late: neither changes anything.
    expect((await deliver(service.url, 'chargebee', cancel)).json.duplicate).toBe(true);
    const stale = chargebeeEvent({
      eventId: 'ev_sub_e2_late',
      type: 'subscription_changed',
      occurredAt: t0,
      subscription: { id: 'sub_E2', status: 'active', version: 1 },
    });
    expect((await deliver(service.url, 'chargebee', stale)).json.duplicate).toBe(false);
    await settled();
    const ledger = new Ledger(world.warehouse, config.schemas.raw);
    const entries = [...(await ledger.forFlow('subscription-revenue')).values()].filter((e) =>
      e.externalKey.startsWith('CB-inv_E2-'),
    );
    const status = Object.fromEntries(entries.map((e) => [e.externalKey, e.status]));
    expect(status['CB-inv_E2-M2027-02']).toBe('posted');
    expect(status['CB-inv_E2-CANCEL']).toBe('posted');
    for (const m of ['03', '04', '05', '06', '07', '08', '09', '10']) {
      expect(status[`CB-inv_E2-M2027-${m}`], m).toBe('reversed');
      expect(inIntacct('subscription-revenue', `CB-inv_E2-M2027-${m}.r0`), m).toHaveLength(1);
    }
    expect(inIntacct('subscription-revenue', 'CB-inv_E2-CANCEL')).toHaveLength(1);
    expect(inIntacct('subscription-revenue', 'CB-inv_E2-M2027-02.r0')).toHaveLength(0);
    expect(inIntacct('subscription-revenue', 'CB-inv_E2-BILL.r0')).toHaveLength(0);
  }, 60_000);

  it('dead-letters a record Intacct cannot take, with the reason; events retry queues it again', async () => {
    // An opportunity of an account in a country with no entity mapping: validation rejects it.
    const won = salesforceClosedWon({
      eventId: 'sf-006E000009-1',
      opportunityId: '006E000009',
      accountId: '001E000009',
      amount: '100.00',
      closeDate: '2026-11-07',
      occurredAt: '2026-11-07T09:00:00Z',
      country: 'Atlantis',
    });
    expect((await deliver(service.url, 'salesforce', won)).status).toBe(200);
    await settled();
    const queue = new EventQueue(world.warehouse, config.schemas.raw);
    const dead = await queue.deadEvents();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ source: 'salesforce', eventId: 'sf-006E000009-1' });
    expect(dead[0]!.reason).toMatch(/SF-001E000009 rejected: .*entity/);
    expect(inIntacct('crm-customers', 'SF-001E000009')).toHaveLength(0);
    // Fix the mapping, queue it again: it posts.
    await world.warehouse.query(
      `INSERT INTO analytics_seeds.reverse_dimension_map VALUES ('salesforce', 'entity', 'Atlantis', 'US1')`,
    );
    expect(await queue.retryDead({ source: 'salesforce' }, new Date())).toBe(1);
    expect(await queue.deadEvents()).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    await settled();
    expect(inIntacct('crm-customers', 'SF-001E000009')).toHaveLength(1);
    expect(inIntacct('crm-invoices', 'SO-006E000009')).toHaveLength(1);
  }, 60_000);

  it('polls a feed without webhooks (ADP) since its watermark into the same queue; each run posts once', async () => {
    const run = (n: number) =>
      JSON.parse(
        payrollFinalized({
          eventId: `adp-PR-P${n}`,
          runId: `PR-P${n}`,
          payDate: '2026-11-20',
          occurredAt: `2026-11-20T0${n}:00:00Z`,
        }),
      ) as { occurredAt: string };
    const feed = [
      run(1),
      run(2),
      { eventId: 'adp-broken', type: 'payroll.finalized', occurredAt: '2026-11-20T03:00:00Z' },
    ];
    const asked: (string | null)[] = [];
    const server = createServer((req, res) => {
      const since = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('since');
      asked.push(since);
      const events = feed.filter((e) => since === null || e.occurredAt > since);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ events, watermark: events.at(-1)?.occurredAt ?? since ?? '' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/adp/changes`;
    try {
      const first = await pollOnce('adp', httpFeed(url), service.queue, silentLogger);
      expect(first).toMatchObject({
        fetched: 3,
        stored: 2,
        duplicates: 0,
        watermark: '2026-11-20T03:00:00Z',
      });
      expect(first.malformed).toEqual(['item 2: body.payroll must be an object']);
      await settled();
      // A new run appears; the next poll asks from the watermark and gets only it.
      feed.push(run(4));
      const second = await pollOnce('adp', httpFeed(url), service.queue, silentLogger);
      expect(second).toMatchObject({
        fetched: 1,
        stored: 1,
        duplicates: 0,
        watermark: '2026-11-20T04:00:00Z',
      });
      expect(asked).toEqual([null, '2026-11-20T03:00:00Z']);
      await settled();
      for (const n of [1, 2, 4])
        expect(inIntacct('payroll-journal', `PR-P${n}-ACME-US`), `PR-P${n}`).toHaveLength(1);
      // The same items again (a feed that ignores the watermark): stored once already, nothing posts twice.
      const glBefore = (await truthCounts()).GLBATCH;
      const again = await pollOnce(
        'adp',
        { describe: 'replay', since: async () => ({ events: [run(1), run(2)], watermark: '' }) },
        service.queue,
        silentLogger,
      );
      expect(again).toMatchObject({ stored: 0, duplicates: 2 });
      await settled();
      expect((await truthCounts()).GLBATCH).toBe(glBefore);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  }, 60_000);
});
