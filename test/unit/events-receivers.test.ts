import { describe, expect, it } from 'vitest';
import type { NormalizedEvent } from '../../src/events/event.ts';
import {
  basicAuthHeader,
  hmacHeaders,
  stripeSignatureHeader,
  verifyBasicAuth,
  verifyHmacSignature,
  verifyStripeSignature,
} from '../../src/events/signatures.ts';
import { chargebeeSource } from '../../src/events/sources/chargebee.ts';
import { payrollSource } from '../../src/events/sources/payroll.ts';
import { salesforceSource } from '../../src/events/sources/salesforce.ts';
import { stripeSource } from '../../src/events/sources/stripe.ts';
import {
  chargebeeEvent,
  payrollFinalized,
  SECRETS,
  salesforceClosedWon,
  stripeChargeEvent,
  stripeIntentEvent,
} from '../support/events-harness.ts';

const T = 1_793_692_800;

function ok(e: NormalizedEvent | { error: string }): NormalizedEvent {
  if ('error' in e) throw new Error(e.error);
  return e;
}

describe('signatures', () => {
  it('Stripe: the v1 HMAC-SHA256 of "t.body" (a vector computed outside this code)', () => {
    const body = '{"id":"evt_1"}';
    expect(stripeSignatureHeader(SECRETS.stripeSecret, body, T)).toBe(
      `t=${T},v1=9b12a3a2dd2161fabe290c19b846076a37d36ad79ff08c140a30ca9406b0031c`,
    );
    const header = stripeSignatureHeader(SECRETS.stripeSecret, body, T);
    expect(verifyStripeSignature(SECRETS.stripeSecret, header, body, T + 300)).toEqual({ ok: true });
    // Any of several v1 signatures (a secret being rolled) may match; v0 is ignored.
    const rolled = `t=${T},v1=${'0'.repeat(64)},v0=abc,${header.split(',')[1]}`;
    expect(verifyStripeSignature(SECRETS.stripeSecret, rolled, body, T)).toEqual({ ok: true });
  });

  it('Stripe: refuses a stale or future timestamp, another secret, another body, a missing header', () => {
    const body = '{"id":"evt_1"}';
    const header = stripeSignatureHeader(SECRETS.stripeSecret, body, T);
    const reason = (v: ReturnType<typeof verifyStripeSignature>) => (v.ok ? 'ok' : v.reason);
    expect(reason(verifyStripeSignature(SECRETS.stripeSecret, header, body, T + 301))).toMatch(/stale/);
    expect(reason(verifyStripeSignature(SECRETS.stripeSecret, header, body, T - 301))).toMatch(/stale/);
    expect(reason(verifyStripeSignature('whsec_other', header, body, T))).toBe('signature mismatch');
    expect(reason(verifyStripeSignature(SECRETS.stripeSecret, header, `${body} `, T))).toBe(
      'signature mismatch',
    );
    expect(reason(verifyStripeSignature(SECRETS.stripeSecret, undefined, body, T))).toMatch(/missing/);
    expect(reason(verifyStripeSignature(SECRETS.stripeSecret, `t=${T}`, body, T))).toMatch(/no v1/);
    expect(reason(verifyStripeSignature(SECRETS.stripeSecret, 'v1=abc,t=soon', body, T))).toMatch(
      /malformed/,
    );
  });

  it('HMAC callouts: v1 of "timestamp.body"; basic auth compares both parts', () => {
    const h = hmacHeaders(SECRETS.payrollSecret, '{}', T);
    expect(h['x-intacct-elt-signature']).toBe(
      'v1=794db156a77b3ed2fdf4b9bf41b817c45f50e128dda8671eb2a10ef0a4a5e336',
    );
    expect(
      verifyHmacSignature(SECRETS.payrollSecret, String(T), h['x-intacct-elt-signature'], '{}', T),
    ).toEqual({
      ok: true,
    });
    expect(
      verifyHmacSignature(SECRETS.payrollSecret, String(T), h['x-intacct-elt-signature'], '{ }', T).ok,
    ).toBe(false);
    expect(
      verifyHmacSignature(SECRETS.payrollSecret, String(T - 400), h['x-intacct-elt-signature'], '{}', T).ok,
    ).toBe(false);
    expect(
      verifyHmacSignature(SECRETS.payrollSecret, undefined, h['x-intacct-elt-signature'], '{}', T).ok,
    ).toBe(false);
    const creds = { username: 'u', password: 'p:w' };
    expect(verifyBasicAuth(creds, basicAuthHeader('u', 'p:w'))).toEqual({ ok: true });
    expect(verifyBasicAuth(creds, basicAuthHeader('u', 'p')).ok).toBe(false);
    expect(verifyBasicAuth(creds, basicAuthHeader('x', 'p:w')).ok).toBe(false);
    expect(verifyBasicAuth(creds, undefined).ok).toBe(false);
  });
});

describe('receivers read provider events', () => {
  it('Stripe: a succeeded intent lands the intent and its charge and affects the charge; amounts stay exact', () => {
    const e = ok(
      stripeSource.parse(
        stripeIntentEvent({
          eventId: 'evt_1',
          intentId: 'pi_1',
          opportunityId: '006X',
          chargeId: 'ch_1',
          amount: 1_440_001,
          created: T,
        }),
      ),
    );
    expect(e).toMatchObject({ source: 'stripe', eventId: 'evt_1', type: 'payment_intent.succeeded' });
    expect(e.landings.map((l) => [l.table, l.match])).toEqual([
      ['stripe_payment_intent', { id: 'pi_1' }],
      ['stripe_charge', { id: 'ch_1' }],
    ]);
    expect(e.landings[1]!.rows[0]).toMatchObject({
      amount: '1440001',
      payment_intent_id: 'pi_1',
      status: 'succeeded',
    });
    expect(e.landings[0]!.rows[0]!.metadata__opportunity_id).toBe('006X');
    expect(e.affects).toEqual([{ flow: 'card-payments', keys: ['ch_1'] }]);
    // An intent not yet paid lands, affects nothing.
    const created = ok(
      stripeSource.parse(
        stripeIntentEvent({
          eventId: 'evt_0',
          intentId: 'pi_1',
          opportunityId: '006X',
          amount: 5,
          status: 'requires_payment_method',
          created: T,
        }),
      ),
    );
    expect(created.affects).toEqual([]);
    expect(created.landings[0]!.version < e.landings[0]!.version).toBe(true);
    // Older API versions: the charge comes from charges.data.
    const old = JSON.parse(
      stripeIntentEvent({ eventId: 'evt_9', intentId: 'pi_9', opportunityId: '006X', amount: 7, created: T }),
    ) as { data: { object: Record<string, unknown> } };
    old.data.object.latest_charge = undefined;
    old.data.object.charges = { object: 'list', data: [{ id: 'ch_9' }] };
    expect(ok(stripeSource.parse(JSON.stringify(old))).affects).toEqual([
      { flow: 'card-payments', keys: ['ch_9'] },
    ]);
  });

  it('Stripe: a charge needs its intent; other event types are stored and ignored; bad values are malformed', () => {
    const c = ok(
      stripeSource.parse(
        stripeChargeEvent({ eventId: 'evt_2', chargeId: 'ch_2', intentId: 'pi_2', amount: 10, created: T }),
      ),
    );
    expect(c.requires).toEqual([
      { table: 'stripe_payment_intent', match: { id: 'pi_2' }, what: 'payment intent pi_2' },
    ]);
    const other = ok(
      stripeSource.parse(
        JSON.stringify({ id: 'evt_3', type: 'customer.created', created: T, data: { object: {} } }),
      ),
    );
    expect(other.landings).toEqual([]);
    const fractional = stripeIntentEvent({
      eventId: 'evt_4',
      intentId: 'pi',
      opportunityId: 'o',
      amount: 1.5,
      created: T,
    });
    expect(stripeSource.parse(fractional)).toEqual({
      error: 'event.data.object (payment intent).amount must be a whole number',
    });
  });

  it('Salesforce: lands account, opportunity and lines; a JSON-number amount is refused', () => {
    const body = salesforceClosedWon({
      eventId: 'sf-1',
      opportunityId: '006X',
      accountId: '001X',
      amount: '14400.10',
      closeDate: '2026-11-05',
      occurredAt: '2026-11-05T09:00:00Z',
    });
    const e = ok(salesforceSource.parse(body));
    expect(e.landings.map((l) => l.table)).toEqual([
      'salesforce_account',
      'salesforce_opportunity',
      'salesforce_opportunity_line_item',
    ]);
    expect(e.landings[1]!.rows[0]).toMatchObject({
      amount: '14400.10',
      stage_name: 'Closed Won',
      is_won: 'true',
    });
    expect(e.affects).toEqual([
      { flow: 'crm-customers', keys: ['SF-001X'] },
      { flow: 'crm-invoices', keys: ['SO-006X'] },
    ]);
    const numeric = body.replace('"Amount":"14400.10"', '"Amount":14400.1');
    expect(salesforceSource.parse(numeric)).toEqual({
      error: 'body.opportunity.Amount must be a decimal amount written as a string, e.g. "1200.00"',
    });
    const mismatched = body.replace('"AccountId":"001X"', '"AccountId":"001Y"');
    expect(salesforceSource.parse(mismatched)).toEqual({
      error: 'body.opportunity.AccountId must be body.account.Id',
    });
  });

  it('Chargebee: a subscription change affects its invoices; an invoice needs its subscription', () => {
    const sub = ok(
      chargebeeSource.parse(
        chargebeeEvent({
          eventId: 'ev_1',
          type: 'subscription_changed',
          occurredAt: T,
          subscription: { id: 'sub_1', status: 'active', version: 7 },
        }),
      ),
    );
    expect(sub.affects).toEqual([
      {
        flow: 'subscription-revenue',
        via: {
          table: 'chargebee_invoice',
          column: 'subscription_id',
          value: 'sub_1',
          select: 'id',
          prefix: 'CB-',
          suffix: '-',
        },
      },
    ]);
    const inv = ok(
      chargebeeSource.parse(
        chargebeeEvent({
          eventId: 'ev_2',
          type: 'invoice_generated',
          occurredAt: T,
          invoice: {
            id: 'inv_1',
            subscriptionId: 'sub_1',
            total: -8000,
            date: T,
            from: T,
            to: T + 86400 * 365,
            version: 1,
          },
        }),
      ),
    );
    expect(inv.landings[0]!.rows[0]).toMatchObject({
      total: '-8000',
      period_start: '2026-11-03',
      reason: 'new',
    });
    expect(inv.requires).toEqual([
      { table: 'chargebee_subscription', match: { id: 'sub_1' }, what: 'subscription sub_1' },
    ]);
    expect(inv.affects).toEqual([{ flow: 'subscription-revenue', prefixes: ['CB-inv_1-'] }]);
  });

  it('payroll: a run replaces its register lines; an unknown code type is malformed', () => {
    const e = ok(
      payrollSource.parse(
        payrollFinalized({
          eventId: 'p1',
          runId: 'R1',
          payDate: '2026-11-15',
          occurredAt: '2026-11-15T18:00:00Z',
        }),
      ),
    );
    expect(e.landings[0]).toMatchObject({
      table: 'adp_payroll_register',
      match: { run_id: 'R1', company_code: 'ACME-US' },
    });
    expect(e.landings[0]!.rows).toHaveLength(5);
    expect(e.affects).toEqual([{ flow: 'payroll-journal', keys: ['R1-ACME-US'] }]);
    const bad = payrollFinalized({
      eventId: 'p2',
      runId: 'R2',
      payDate: '2026-11-15',
      occurredAt: '2026-11-15T18:00:00Z',
    }).replace('"codeType":"earning"', '"codeType":"bonus"');
    expect(payrollSource.parse(bad)).toEqual({
      error:
        'body.payroll.lines[0].codeType must be one of earning, employer_tax, employee_tax, deduction, net_pay',
    });
  });

  it('a receiver without its secret is off and says what to set', () => {
    expect(stripeSource.missing({})).toMatch(/STRIPE_WEBHOOK_SECRET/);
    expect(chargebeeSource.missing({ chargebeeUsername: 'u' })).toMatch(/CHARGEBEE_WEBHOOK_PASSWORD/);
    expect(salesforceSource.missing({ salesforceSecret: SECRETS.salesforceSecret })).toBeNull();
  });
});
