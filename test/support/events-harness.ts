/**
 * Provider events as the providers send them (Stripe event objects, Chargebee events, our signed
 * Salesforce and payroll bodies), signed with test secrets, and a poster for the receivers. Shared
 * by the events tests, the kill trial and the bench.
 */
import { basicAuthHeader, hmacHeaders, stripeSignatureHeader } from '../../src/events/signatures.ts';

export const SECRETS = {
  stripeSecret: 'whsec_test_0123456789abcdef',
  chargebeeUsername: 'chargebee-hook',
  chargebeePassword: 'cb-password-for-tests',
  salesforceSecret: 'sf-shared-secret-0123456789',
  payrollSecret: 'payroll-shared-secret-0123456789',
} as const;

export const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export function stripeIntentEvent(o: {
  eventId: string;
  type?: string;
  intentId: string;
  opportunityId: string;
  amount: number;
  currency?: string;
  status?: string;
  chargeId?: string;
  created: number;
}): string {
  const status = o.status ?? 'succeeded';
  return JSON.stringify({
    id: o.eventId,
    object: 'event',
    type: o.type ?? `payment_intent.${status === 'succeeded' ? 'succeeded' : 'created'}`,
    created: o.created,
    data: {
      object: {
        id: o.intentId,
        object: 'payment_intent',
        amount: o.amount,
        amount_received: status === 'succeeded' ? o.amount : 0,
        currency: o.currency ?? 'usd',
        status,
        customer: 'cus_EVT',
        metadata: { opportunity_id: o.opportunityId },
        latest_charge: status === 'succeeded' ? (o.chargeId ?? null) : null,
        created: o.created,
        description: `Payment for ${o.opportunityId}`,
      },
    },
  });
}

export function stripeChargeEvent(o: {
  eventId: string;
  chargeId: string;
  intentId: string;
  amount: number;
  created: number;
  status?: string;
}): string {
  const status = o.status ?? 'succeeded';
  return JSON.stringify({
    id: o.eventId,
    object: 'event',
    type: `charge.${status}`,
    created: o.created,
    data: {
      object: {
        id: o.chargeId,
        object: 'charge',
        payment_intent: o.intentId,
        amount: o.amount,
        amount_refunded: 0,
        currency: 'usd',
        status,
        paid: status === 'succeeded',
        created: o.created,
        description: `Charge ${o.chargeId}`,
      },
    },
  });
}

export function salesforceClosedWon(o: {
  eventId: string;
  opportunityId: string;
  accountId: string;
  amount: string;
  closeDate: string;
  occurredAt: string;
  country?: string;
  productCode?: string;
}): string {
  return JSON.stringify({
    eventId: o.eventId,
    type: 'opportunity.closed_won',
    occurredAt: o.occurredAt,
    opportunity: {
      Id: o.opportunityId,
      AccountId: o.accountId,
      Name: `Deal ${o.opportunityId}`,
      StageName: 'Closed Won',
      IsWon: true,
      IsClosed: true,
      CloseDate: o.closeDate,
      Amount: o.amount,
      CurrencyIsoCode: 'USD',
      Type: 'New Business',
      LastModifiedDate: o.occurredAt,
    },
    account: {
      Id: o.accountId,
      Name: `Customer ${o.accountId}`,
      Type: 'Customer',
      Industry: 'Software',
      BillingCity: 'Denver',
      BillingCountry: o.country ?? 'United States',
    },
    lineItems: [
      {
        Id: `00k${o.opportunityId.slice(3)}`,
        ProductCode: o.productCode ?? 'SW-SUB',
        Name: 'Annual Subscription',
        Quantity: '1',
        UnitPrice: o.amount,
        TotalPrice: o.amount,
      },
    ],
  });
}

export function chargebeeEvent(o: {
  eventId: string;
  type: string;
  occurredAt: number;
  subscription?: { id: string; status: string; cancelledAt?: number; version: number };
  invoice?: {
    id: string;
    subscriptionId: string;
    total: number;
    date: number;
    from: number;
    to: number;
    version: number;
  };
}): string {
  const content: Record<string, unknown> = {};
  if (o.subscription)
    content.subscription = {
      id: o.subscription.id,
      customer_id: 'cb_evt',
      plan_id: 'team-annual-usd',
      status: o.subscription.status,
      started_at: o.occurredAt,
      current_term_start: o.occurredAt,
      current_term_end: o.occurredAt + 365 * 86400,
      ...(o.subscription.cancelledAt ? { cancelled_at: o.subscription.cancelledAt } : {}),
      resource_version: o.subscription.version,
      updated_at: o.occurredAt,
    };
  if (o.invoice)
    content.invoice = {
      id: o.invoice.id,
      subscription_id: o.invoice.subscriptionId,
      customer_id: 'cb_evt',
      date: o.invoice.date,
      total: o.invoice.total,
      currency_code: 'USD',
      status: 'paid',
      first_invoice: true,
      line_items: [{ date_from: o.invoice.from, date_to: o.invoice.to }],
      resource_version: o.invoice.version,
      updated_at: o.occurredAt,
    };
  return JSON.stringify({
    id: o.eventId,
    occurred_at: o.occurredAt,
    source: 'api',
    object: 'event',
    api_version: 'v2',
    event_type: o.type,
    content,
  });
}

/** A balanced payroll run: gross, employee tax, deduction, employer tax, net pay. */
export function payrollFinalized(o: {
  eventId: string;
  runId: string;
  payDate: string;
  occurredAt: string;
}): string {
  const line = (codeType: string, code: string, amount: string) => ({
    workerId: 'W1001',
    homeDepartment: 'R&D',
    codeType,
    code,
    amount,
  });
  return JSON.stringify({
    eventId: o.eventId,
    type: 'payroll.finalized',
    occurredAt: o.occurredAt,
    payroll: {
      runId: o.runId,
      payDate: o.payDate,
      companyCode: 'ACME-US',
      lines: [
        line('earning', 'REG', '5000.00'),
        line('employee_tax', 'FIT', '1000.00'),
        line('deduction', '401K', '200.00'),
        line('employer_tax', 'ER_FICA', '400.00'),
        line('net_pay', 'NET', '3800.00'),
      ],
    },
  });
}

export type Provider = 'stripe' | 'chargebee' | 'salesforce' | 'payroll';

/** The headers each provider's request carries, signed at `timestamp` (Unix seconds). */
export function signedHeaders(provider: Provider, body: string, timestamp: number): Record<string, string> {
  if (provider === 'stripe')
    return { 'stripe-signature': stripeSignatureHeader(SECRETS.stripeSecret, body, timestamp) };
  if (provider === 'chargebee')
    return { authorization: basicAuthHeader(SECRETS.chargebeeUsername, SECRETS.chargebeePassword) };
  return hmacHeaders(
    provider === 'salesforce' ? SECRETS.salesforceSecret : SECRETS.payrollSecret,
    body,
    timestamp,
  );
}

export interface Delivery {
  readonly status: number;
  readonly json: Record<string, unknown>;
}

export async function deliver(
  baseUrl: string,
  provider: Provider,
  body: string,
  headers: Record<string, string> = signedHeaders(provider, body, Math.floor(Date.now() / 1000)),
): Promise<Delivery> {
  const res = await fetch(`${baseUrl}/webhooks/${provider}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
