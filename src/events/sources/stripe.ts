/**
 * Stripe: payment intents and charges land in `stripe_payment_intent` and `stripe_charge` (the
 * tables `rev_card_payments` reads); a succeeded payment posts as an AR payment (card-payments).
 * The charge is the business event's key, so `payment_intent.succeeded` and `charge.succeeded` of
 * one payment post it once.
 */
import {
  type Affect,
  ignoredEvent,
  isoFromUnix,
  type Landing,
  type NormalizedEvent,
  type Requirement,
  sqlTimeFromUnix,
} from '../event.ts';
import { defineSource, guarded, int, obj, optInt, optObj, optStr, parseJsonObject, str } from '../source.ts';
import { verifyStripeSignature } from '../signatures.ts';

/** Payment intent statuses in the order a payment moves through them: ties of `created` break by it. */
const INTENT_ORDER = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'requires_capture',
  'canceled',
  'succeeded',
] as const;
const CHARGE_ORDER = ['pending', 'failed', 'succeeded'] as const;

function version(created: number, order: readonly string[], status: string, refunded = 0): string {
  const rank = Math.max(0, order.indexOf(status));
  return `${isoFromUnix(created)}#${rank}#${String(refunded).padStart(15, '0')}`;
}

function parse(rawBody: string): NormalizedEvent {
  const body = parseJsonObject(rawBody);
  const eventId = str(body, 'id', 'event');
  const type = str(body, 'type', 'event');
  const created = int(body, 'created', 'event');
  const occurredAt = isoFromUnix(created);
  const o = obj(obj(body, 'data', 'event'), 'object', 'event.data');
  const landings: Landing[] = [];
  const affects: Affect[] = [];
  const requires: Requirement[] = [];
  if (type.startsWith('payment_intent.')) {
    const w = 'event.data.object (payment intent)';
    const id = str(o, 'id', w);
    const status = str(o, 'status', w);
    const amount = int(o, 'amount', w);
    const currency = str(o, 'currency', w);
    const metadata = optObj(o, 'metadata') ?? {};
    landings.push({
      table: 'stripe_payment_intent',
      match: { id },
      version: version(created, INTENT_ORDER, status),
      rows: [
        {
          id,
          amount: String(amount),
          currency,
          status,
          customer_id: typeof o.customer === 'string' ? o.customer : null,
          metadata__opportunity_id: optStr(metadata, 'opportunity_id', `${w}.metadata`),
        },
      ],
    });
    // The charge of a succeeded intent: `latest_charge` (an id, or the expanded object).
    // API versions before 2022-11-15 list the charges in `charges.data` instead.
    const latest = o.latest_charge;
    const listed = (optObj(o, 'charges')?.data as { id?: unknown }[] | undefined)?.at(-1)?.id;
    const chargeId =
      typeof latest === 'string'
        ? latest
        : ((optObj(o, 'latest_charge')?.id as string | undefined) ??
          (typeof listed === 'string' ? listed : undefined));
    if (status === 'succeeded' && typeof chargeId === 'string' && chargeId !== '') {
      const received = optInt(o, 'amount_received', w) ?? amount;
      landings.push({
        table: 'stripe_charge',
        match: { id: chargeId },
        version: version(created, CHARGE_ORDER, 'succeeded'),
        rows: [
          {
            id: chargeId,
            payment_intent_id: id,
            amount: String(received),
            amount_refunded: '0',
            currency,
            status: 'succeeded',
            paid: 'true',
            created: sqlTimeFromUnix(optInt(o, 'created', w) ?? created),
            description: optStr(o, 'description', w),
          },
        ],
      });
      affects.push({ flow: 'card-payments', keys: [chargeId] });
    }
    return { source: 'stripe', eventId, type, occurredAt, landings, affects, requires };
  }
  if (type.startsWith('charge.')) {
    const w = 'event.data.object (charge)';
    const id = str(o, 'id', w);
    const intent = optStr(o, 'payment_intent', w);
    const status = str(o, 'status', w);
    const refunded = optInt(o, 'amount_refunded', w) ?? 0;
    landings.push({
      table: 'stripe_charge',
      match: { id },
      version: version(int(o, 'created', w), CHARGE_ORDER, status, refunded),
      rows: [
        {
          id,
          payment_intent_id: intent,
          amount: String(int(o, 'amount', w)),
          amount_refunded: String(refunded),
          currency: str(o, 'currency', w),
          status,
          paid: o.paid === true ? 'true' : 'false',
          created: sqlTimeFromUnix(int(o, 'created', w)),
          description: optStr(o, 'description', w),
        },
      ],
    });
    // The payment's invoice is named in its intent's metadata: a charge that arrives before its
    // intent waits for it.
    if (intent)
      requires.push({
        table: 'stripe_payment_intent',
        match: { id: intent },
        what: `payment intent ${intent}`,
      });
    affects.push({ flow: 'card-payments', keys: [id] });
    return { source: 'stripe', eventId, type, occurredAt, landings, affects, requires };
  }
  return ignoredEvent('stripe', eventId, type, occurredAt);
}

export const stripeSource = defineSource({
  name: 'stripe',
  path: '/webhooks/stripe',
  summary: 'Stripe webhook endpoint (payment_intent.*, charge.*), Stripe-Signature verified',
  missing: (s) => (s.stripeSecret ? null : 'set STRIPE_WEBHOOK_SECRET (or events.stripeSecretFile)'),
  verify: (req, s, now, tolerance) =>
    verifyStripeSignature(s.stripeSecret ?? '', req.headers['stripe-signature'], req.rawBody, now, tolerance),
  parse: guarded(parse),
  sources: [
    'docs.stripe.com/webhooks#verify-manually: Stripe-Signature t=<unix>,v1=<hex HMAC-SHA256 of "t.payload">, 5-minute default tolerance',
    'docs.stripe.com/api/events/object: id, type, created, data.object',
    "docs.stripe.com/api/payment_intents/object: id, amount, amount_received, currency, status, customer, metadata, latest_charge (charges.data before API version 2022-11-15, per Stripe's API changelog), created, description",
    'docs.stripe.com/api/charges/object: id, payment_intent, amount, amount_refunded, currency, status, paid, created, description',
  ],
});
