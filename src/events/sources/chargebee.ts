/**
 * Chargebee: subscriptions and invoices land in `chargebee_subscription` and `chargebee_invoice`
 * (the tables `rev_subscription_revenue` reads); their journal entries (billing, the monthly
 * recognition schedule, a cancellation refund) are posted or corrected by subscription-revenue.
 * Every Chargebee event carries the whole resource in `content`, so a change that arrives before
 * its create lands the newer state, and the older create is then skipped (its version is older).
 */
import {
  type Affect,
  dateFromUnix,
  ignoredEvent,
  isoFromUnix,
  type Landing,
  type NormalizedEvent,
  type Requirement,
} from '../event.ts';
import { arr, defineSource, guarded, int, optInt, optObj, optStr, parseJsonObject, str } from '../source.ts';
import { verifyBasicAuth } from '../signatures.ts';

type Json = Record<string, unknown>;

/** `resource_version` (Chargebee's per-object change counter) orders changes within one second. */
function version(occurredAt: number, resource: Json, where: string): string {
  const rv = optInt(resource, 'resource_version', where) ?? 0;
  return `${isoFromUnix(optInt(resource, 'updated_at', where) ?? occurredAt)}#${String(rv).padStart(16, '0')}`;
}

const date = (o: Json, key: string, where: string) => {
  const v = optInt(o, key, where);
  return v === null ? null : dateFromUnix(v);
};

function subscriptionLanding(s: Json, occurred: number): { landing: Landing; affect: Affect; id: string } {
  const w = 'event.content.subscription';
  const id = str(s, 'id', w);
  const items = Array.isArray(s.subscription_items) ? (s.subscription_items as Json[]) : [];
  const plan =
    optStr(s, 'plan_id', w) ??
    (items[0] ? optStr(items[0], 'item_price_id', `${w}.subscription_items[0]`) : null);
  return {
    id,
    landing: {
      table: 'chargebee_subscription',
      match: { id },
      version: version(occurred, s, w),
      rows: [
        {
          id,
          customer_id: optStr(s, 'customer_id', w),
          plan_id: plan,
          status: str(s, 'status', w),
          started_at: date(s, 'started_at', w),
          current_term_start: date(s, 'current_term_start', w),
          current_term_end: date(s, 'current_term_end', w),
          cancelled_at: date(s, 'cancelled_at', w),
        },
      ],
    },
    // Every entry of every invoice of the subscription may change (a cancellation stops months).
    affect: {
      flow: 'subscription-revenue',
      via: {
        table: 'chargebee_invoice',
        column: 'subscription_id',
        value: id,
        select: 'id',
        prefix: 'CB-',
        suffix: '-',
      },
    },
  };
}

function invoiceLanding(
  i: Json,
  occurred: number,
): { landing: Landing; affect: Affect; requirement: Requirement | null } {
  const w = 'event.content.invoice';
  const id = str(i, 'id', w);
  const subscription = optStr(i, 'subscription_id', w);
  const total = int(i, 'total', w);
  const lines = Array.isArray(i.line_items) ? arr(i, 'line_items', w) : [];
  const first = lines[0];
  const reason = i.first_invoice === true ? 'new' : total < 0 ? 'downgrade' : 'upgrade';
  return {
    landing: {
      table: 'chargebee_invoice',
      match: { id },
      version: version(occurred, i, w),
      rows: [
        {
          id,
          subscription_id: subscription,
          customer_id: optStr(i, 'customer_id', w),
          date: date(i, 'date', w),
          total: String(total),
          currency_code: str(i, 'currency_code', w),
          status: str(i, 'status', w),
          period_start: first ? date(first, 'date_from', `${w}.line_items[0]`) : null,
          period_end: first ? date(first, 'date_to', `${w}.line_items[0]`) : null,
          reason,
        },
      ],
    },
    affect: { flow: 'subscription-revenue', prefixes: [`CB-${id}-`] },
    // The revenue model joins an invoice to its subscription: without it the invoice posts nothing.
    requirement: subscription
      ? { table: 'chargebee_subscription', match: { id: subscription }, what: `subscription ${subscription}` }
      : null,
  };
}

function parse(rawBody: string): NormalizedEvent {
  const body = parseJsonObject(rawBody);
  const eventId = str(body, 'id', 'event');
  const type = str(body, 'event_type', 'event');
  const occurred = int(body, 'occurred_at', 'event');
  const occurredAt = isoFromUnix(occurred);
  const content = optObj(body, 'content');
  if (!content) return ignoredEvent('chargebee', eventId, type, occurredAt);
  const landings: Landing[] = [];
  const affects: Affect[] = [];
  const requires: Requirement[] = [];
  const handled =
    type.startsWith('subscription_') || type.startsWith('invoice_') || type === 'payment_succeeded';
  if (!handled) return ignoredEvent('chargebee', eventId, type, occurredAt);
  const subscription = optObj(content, 'subscription');
  if (subscription) {
    const s = subscriptionLanding(subscription, occurred);
    landings.push(s.landing);
    affects.push(s.affect);
  }
  const invoice = optObj(content, 'invoice');
  if (invoice) {
    const i = invoiceLanding(invoice, occurred);
    landings.push(i.landing);
    affects.push(i.affect);
    const landedHere = subscription && i.requirement && i.requirement.match.id === subscription.id;
    if (i.requirement && !landedHere) requires.push(i.requirement);
  }
  return { source: 'chargebee', eventId, type, occurredAt, landings, affects, requires };
}

export const chargebeeSource = defineSource({
  name: 'chargebee',
  path: '/webhooks/chargebee',
  summary:
    'Chargebee webhook (subscription_created/changed/cancelled/…, invoice_generated/updated, payment_succeeded), basic auth',
  missing: (s) =>
    s.chargebeeUsername && s.chargebeePassword
      ? null
      : 'set CHARGEBEE_WEBHOOK_USERNAME and CHARGEBEE_WEBHOOK_PASSWORD (or events.chargebeePasswordFile)',
  verify: (req, s) =>
    verifyBasicAuth(
      { username: s.chargebeeUsername ?? '', password: s.chargebeePassword ?? '' },
      req.headers.authorization,
    ),
  parse: guarded(parse),
  sources: [
    'chargebee.com/docs/2.0/webhook_settings.html: webhooks are protected by HTTP basic authentication (username and password)',
    'apidocs.chargebee.com/docs/api/events: event id, occurred_at (Unix seconds), event_type, content (the resources)',
    'apidocs.chargebee.com/docs/api/subscriptions: id, customer_id, plan_id (subscription_items[].item_price_id in Product Catalog 2.0), status, started_at, current_term_start, current_term_end, cancelled_at, resource_version, updated_at',
    'apidocs.chargebee.com/docs/api/invoices: id, subscription_id, customer_id, date, total (minor units), currency_code, status, first_invoice, line_items[].date_from/date_to',
  ],
});
