/**
 * Audits the tool calls the MCP SDK answers before a tool runs: input that fails the tool's schema,
 * an unknown tool. The SDK validates inside its own tools/call handler and answers with a tool error,
 * so no tool code sees those calls; this watches them through the SDK's public Transport interface
 * instead (JSON-RPC in, JSON-RPC out), pairing each tools/call request with its response by id. A
 * call a tool ran is marked by the tool (its handler's `extra.requestId`) and audited there.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { errorMessage } from '../core/errors.ts';

type Id = string | number;

interface PendingCall {
  readonly tool: string;
  readonly args: unknown;
  readonly started: number;
}

/** Audits one refused call; throws when the audit row cannot be written. */
export type RefusalAudit = (tool: string, args: unknown, message: string, started: number) => Promise<void>;

export class RefusedCalls {
  private readonly pending = new Map<Id, PendingCall>();
  private readonly ran = new Set<Id>();

  constructor(private readonly audit: RefusalAudit) {}

  /** A tool ran for this request and audits it itself. */
  markRan(requestId: Id): void {
    this.ran.add(requestId);
  }

  /** The transport the server talks through: the same one, with tools/call requests watched. */
  watch(inner: Transport): Transport {
    const outer: Transport = {
      start: () => inner.start(),
      close: () => inner.close(),
      send: async (message, options) => inner.send(await this.beforeSend(message), options),
    };
    Object.defineProperty(outer, 'sessionId', { get: () => inner.sessionId, enumerable: true });
    if (inner.setProtocolVersion) outer.setProtocolVersion = (v) => inner.setProtocolVersion?.(v);
    // Handlers set on the inner transport before connecting (stdio's close) keep working.
    const onclose = inner.onclose;
    const onerror = inner.onerror;
    inner.onclose = () => {
      onclose?.();
      outer.onclose?.();
    };
    inner.onerror = (error) => {
      onerror?.(error);
      outer.onerror?.(error);
    };
    inner.onmessage = (message, extra) => {
      const m = message as { method?: string; id?: Id; params?: { name?: unknown; arguments?: unknown } };
      if (m.method === 'tools/call' && m.id !== undefined) {
        this.pending.set(m.id, {
          tool: String(m.params?.name ?? ''),
          args: m.params?.arguments ?? {},
          started: performance.now(),
        });
      }
      outer.onmessage?.(message, extra);
    };
    return outer;
  }

  private async beforeSend<T>(message: T): Promise<T> {
    const m = message as {
      id?: Id;
      result?: { isError?: boolean; content?: { text?: string }[] };
      error?: { message?: string };
    };
    if (m.id === undefined || !(m.result || m.error)) return message;
    const call = this.pending.get(m.id);
    if (!call) return message;
    this.pending.delete(m.id);
    if (this.ran.delete(m.id)) return message;
    const text = m.error?.message ?? m.result?.content?.[0]?.text ?? 'refused before the tool ran';
    try {
      await this.audit(call.tool, call.args, text, call.started);
      return message;
    } catch (error) {
      // A call is never answered without its audit row: the failure becomes the answer.
      return {
        jsonrpc: '2.0',
        id: m.id,
        result: { isError: true, content: [{ type: 'text', text: errorMessage(error) }] },
      } as T;
    }
  }
}
