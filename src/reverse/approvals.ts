/**
 * Slack approvals for bills above the threshold. A push holds such a bill (nothing is sent to
 * Intacct) and posts an incoming-webhook message with Approve and Decline buttons; `approvals serve`
 * receives Slack's interactive callback, verifies its signature (HMAC-SHA256 of `v0:<timestamp>:<raw
 * body>` with the app's signing secret, timestamp within 5 minutes, constant-time compare: Slack's
 * "Verifying requests from Slack" guide), records the decision and who made it in the ledger, and
 * posts an approved bill at once.
 *
 * The approval happens before the bill reaches Intacct, so no Intacct approval call is needed: no
 * public source documents an XML function that approves an AP bill (the APBILL STATE codes
 * Submitted/Approved/Declined are documented for reads only), so none is relied on.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorMessage } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { cell, type FlowDescriptor, type SourceRecord } from './flow.ts';
import type { Ledger } from './ledger.ts';

export interface ApprovalRequest {
  readonly flow: string;
  readonly entity: string;
  readonly externalKey: string;
  readonly payloadHash: string;
  readonly amount: string;
  readonly party: string;
  /** The incoming-webhook message. */
  readonly message: unknown;
}

export interface ApprovalNotifier {
  send(request: ApprovalRequest): Promise<void>;
}

/** What the buttons carry back: the record and the exact payload that was approved. */
interface ButtonValue {
  readonly f: string;
  readonly e: string;
  readonly k: string;
  readonly h: string;
}

export function approvalRequest(flow: FlowDescriptor, record: SourceRecord, hash: string): ApprovalRequest {
  const amount = (flow.approvalAmount && cell(record.header, flow.approvalAmount)) || '';
  const party = cell(record.header, 'vendor_id') ?? cell(record.header, 'vendor_id_source') ?? '';
  const currency = cell(record.header, 'currency') ?? '';
  const value = JSON.stringify({
    f: flow.name,
    e: record.entity,
    k: record.externalKey,
    h: hash,
  } satisfies ButtonValue);
  const text = `Approve bill ${record.externalKey} from ${party} for ${amount} ${currency} (${record.entity || 'top level'})?`;
  return {
    flow: flow.name,
    entity: record.entity,
    externalKey: record.externalKey,
    payloadHash: hash,
    amount,
    party,
    message: {
      text,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text } },
        {
          type: 'actions',
          block_id: 'intacct_elt_approval',
          elements: [
            {
              type: 'button',
              action_id: 'approve',
              style: 'primary',
              text: { type: 'plain_text', text: 'Approve' },
              value,
            },
            {
              type: 'button',
              action_id: 'decline',
              style: 'danger',
              text: { type: 'plain_text', text: 'Decline' },
              value,
            },
          ],
        },
      ],
    },
  };
}

/** Posts approval messages to a Slack incoming webhook. */
export class SlackWebhookNotifier implements ApprovalNotifier {
  constructor(private readonly url: string) {}
  async send(request: ApprovalRequest): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.message),
    });
    if (!res.ok) throw new Error(`Slack refused the approval message: HTTP ${res.status}`);
  }
}

export const MAX_SKEW_SECONDS = 300;

export type SignatureVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Slack's request signature check; `nowSeconds` is injectable for tests. */
export function verifySlackSignature(
  signingSecret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  rawBody: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): SignatureVerdict {
  if (!timestamp || !signature) return { ok: false, reason: 'missing Slack signature headers' };
  if (!/^\d+$/.test(timestamp)) return { ok: false, reason: 'malformed timestamp' };
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SKEW_SECONDS)
    return { ok: false, reason: 'stale request: timestamp more than 5 minutes away' };
  const expected = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'signature mismatch' };
  return { ok: true };
}

/** Signs a body as Slack does (tests and local tools). */
export function signSlackRequest(signingSecret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface Decision {
  readonly flow: string;
  readonly entity: string;
  readonly externalKey: string;
  readonly payloadHash: string;
  readonly decision: 'approved' | 'declined';
  readonly user: string;
}

/** Reads a block_actions payload (form field `payload`, JSON). */
export function parseInteraction(rawBody: string): Decision | { error: string } {
  const payloadText = new URLSearchParams(rawBody).get('payload');
  if (!payloadText) return { error: 'no payload field' };
  let payload: {
    type?: string;
    user?: { id?: string; username?: string; name?: string };
    actions?: { action_id?: string; value?: string }[];
  };
  try {
    payload = JSON.parse(payloadText);
  } catch {
    return { error: 'payload is not JSON' };
  }
  const action = payload.actions?.[0];
  if (payload.type !== 'block_actions' || !action) return { error: 'not a block action' };
  if (action.action_id !== 'approve' && action.action_id !== 'decline') return { error: 'unknown action' };
  let value: ButtonValue;
  try {
    value = JSON.parse(action.value ?? '') as ButtonValue;
  } catch {
    return { error: 'button value is not ours' };
  }
  if (!value || typeof value.k !== 'string' || typeof value.f !== 'string' || typeof value.h !== 'string')
    return { error: 'button value is not ours' };
  const u = payload.user ?? {};
  return {
    flow: value.f,
    entity: value.e ?? '',
    externalKey: value.k,
    payloadHash: value.h,
    decision: action.action_id === 'approve' ? 'approved' : 'declined',
    user: u.username ?? u.name ?? u.id ?? 'unknown',
  };
}

/** Records a decision; refuses one for a bill that is not waiting or has changed since it was sent. */
export async function recordDecision(ledger: Ledger, d: Decision): Promise<{ ok: boolean; message: string }> {
  const e = await ledger.get(d.flow, d.entity, d.externalKey);
  if (e?.status !== 'awaiting_approval')
    return {
      ok: false,
      message: `bill ${d.externalKey} is not waiting for approval (${e?.status ?? 'unknown'})`,
    };
  if (e.payloadHash !== d.payloadHash)
    return {
      ok: false,
      message: `bill ${d.externalKey} changed since this approval was requested; a new request was sent`,
    };
  await ledger.put({
    ...e,
    status: d.decision === 'declined' ? 'declined' : 'awaiting_approval',
    approval: d.decision,
    decidedBy: d.user,
  });
  return { ok: true, message: `bill ${d.externalKey} ${d.decision} by ${d.user}` };
}

export interface ApprovalServerOptions {
  readonly ledger: Ledger;
  readonly signingSecret: string;
  readonly logger: Logger;
  readonly host?: string;
  readonly port?: number;
  /** Posts an approved bill (a push limited to that key). */
  readonly onApproved: (d: Decision) => Promise<string>;
  readonly now?: () => number;
}

export interface RunningApprovalServer {
  readonly url: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage, limit = 1 << 20): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Listens on 127.0.0.1 by default (put a reverse proxy or tunnel in front for Slack). */
export async function startApprovalServer(opts: ApprovalServerOptions): Promise<RunningApprovalServer> {
  const server: Server = createServer(async (req, res) => {
    const reply = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ text }));
    };
    try {
      if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== '/slack/actions')
        return reply(404, 'POST Slack interactions to /slack/actions');
      const raw = await readBody(req);
      const ts = req.headers['x-slack-request-timestamp'];
      const sig = req.headers['x-slack-signature'];
      const verdict = verifySlackSignature(
        opts.signingSecret,
        Array.isArray(ts) ? ts[0] : ts,
        Array.isArray(sig) ? sig[0] : sig,
        raw,
        Math.floor((opts.now?.() ?? Date.now()) / 1000),
      );
      if (!verdict.ok) {
        opts.logger.warn('refused a Slack callback', { reason: verdict.reason });
        return reply(401, `refused: ${verdict.reason}`);
      }
      const d = parseInteraction(raw);
      if ('error' in d) return reply(400, `refused: ${d.error}`);
      const outcome = await recordDecision(opts.ledger, d);
      if (!outcome.ok) return reply(409, outcome.message);
      if (d.decision === 'approved') {
        const posted = await opts.onApproved(d);
        return reply(200, `${outcome.message}; ${posted}`);
      }
      return reply(200, outcome.message);
    } catch (error) {
      opts.logger.error('approval callback failed', { error: errorMessage(error) });
      reply(500, 'the approval could not be recorded; try again');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}/slack/actions`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
