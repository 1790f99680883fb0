/**
 * Request authentication of the receivers, each by its provider's own scheme. Every comparison is
 * constant-time; a verdict says why a request was refused but never echoes a secret.
 *
 * - Stripe: the `Stripe-Signature` header `t=<unix>,v1=<hex>[,v1=…]`, where each v1 is the
 *   HMAC-SHA256 (endpoint secret) of `<t>.<raw body>`; a timestamp more than the tolerance away
 *   (Stripe's libraries default to 300 s) is refused as a replay. Source: Stripe's documentation,
 *   "Webhooks → Verify webhook signatures manually" (docs.stripe.com/webhooks#verify-manually) and
 *   the `Webhook.DEFAULT_TOLERANCE = 300` of stripe-node.
 * - Chargebee: HTTP basic authentication on the webhook URL (Chargebee's webhook settings take a
 *   username and password; docs "Webhook settings → Basic authentication").
 * - Salesforce callouts and the generic payroll/time webhook: our own scheme (docs/events.md):
 *   `X-Intacct-Elt-Timestamp: <unix>` and `X-Intacct-Elt-Signature: v1=<hex>` with the hex
 *   HMAC-SHA256 (shared secret) of `<timestamp>.<raw body>`, the same tolerance.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type Verdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 400 | 401; readonly reason: string };

export const DEFAULT_TOLERANCE_SECONDS = 300;

const refuse = (reason: string, status: 400 | 401 = 401): Verdict => ({ ok: false, status, reason });

function hmacHex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function checkTimestamp(t: string | undefined, nowSeconds: number, tolerance: number): Verdict {
  if (t === undefined || !/^\d{1,12}$/.test(t)) return refuse('missing or malformed signature timestamp');
  if (Math.abs(nowSeconds - Number(t)) > tolerance)
    return refuse(`stale request: its timestamp is more than ${tolerance} seconds from now`);
  return { ok: true };
}

export function verifyStripeSignature(
  secret: string,
  header: string | undefined,
  rawBody: string,
  nowSeconds: number,
  tolerance = DEFAULT_TOLERANCE_SECONDS,
): Verdict {
  if (!header) return refuse('missing Stripe-Signature header');
  let t: string | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't') t = value;
    else if (key === 'v1') v1.push(value);
  }
  if (v1.length === 0) return refuse('Stripe-Signature has no v1 signature');
  const time = checkTimestamp(t, nowSeconds, tolerance);
  if (!time.ok) return time;
  const expected = hmacHex(secret, `${t}.${rawBody}`);
  return v1.some((s) => sameText(s, expected)) ? { ok: true } : refuse('signature mismatch');
}

/** The header Stripe would send for this body (tests, the bench and local tools). */
export function stripeSignatureHeader(secret: string, rawBody: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, `${timestamp}.${rawBody}`)}`;
}

export function verifyBasicAuth(
  expected: { readonly username: string; readonly password: string },
  header: string | undefined,
): Verdict {
  if (!header || !/^Basic\s+/i.test(header)) return refuse('missing basic authentication');
  const decoded = Buffer.from(header.replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
  const at = decoded.indexOf(':');
  if (at < 0) return refuse('malformed basic authentication');
  const userOk = sameText(decoded.slice(0, at), expected.username);
  const passOk = sameText(decoded.slice(at + 1), expected.password);
  return userOk && passOk ? { ok: true } : refuse('wrong username or password');
}

export function basicAuthHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

export const TIMESTAMP_HEADER = 'x-intacct-elt-timestamp';
export const SIGNATURE_HEADER = 'x-intacct-elt-signature';

export function verifyHmacSignature(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  rawBody: string,
  nowSeconds: number,
  tolerance = DEFAULT_TOLERANCE_SECONDS,
): Verdict {
  if (!signature) return refuse(`missing ${SIGNATURE_HEADER} header`);
  const time = checkTimestamp(timestamp, nowSeconds, tolerance);
  if (!time.ok) return time;
  const given = signature.startsWith('v1=') ? signature.slice(3) : signature;
  return sameText(given, hmacHex(secret, `${timestamp}.${rawBody}`))
    ? { ok: true }
    : refuse('signature mismatch');
}

/** The two headers a signed callout carries (tests, the bench, and the Apex example in docs/events.md). */
export function hmacHeaders(secret: string, rawBody: string, timestamp: number): Record<string, string> {
  return {
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: `v1=${hmacHex(secret, `${timestamp}.${rawBody}`)}`,
  };
}
