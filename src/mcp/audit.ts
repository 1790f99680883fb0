/** Every gateway call lands in `_elt_mcp_audit` in the warehouse, its arguments redacted first. */
import { randomUUID } from 'node:crypto';
import { redact, redactString } from '../core/redact.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { Params, type SqlDialect } from './sql.ts';

export type AuditOutcome = 'ok' | 'invalid' | 'refused' | 'error';

export interface AuditEntry {
  readonly tool: string;
  readonly transport: 'stdio' | 'http' | 'memory';
  readonly args: unknown;
  readonly outcome: AuditOutcome;
  readonly message?: string | undefined;
  readonly durationMs: number;
  readonly calledAt: Date;
}

export class AuditLog {
  constructor(
    private readonly warehouse: Warehouse,
    private readonly dialect: SqlDialect,
    private readonly table: string,
  ) {}

  async record(entry: AuditEntry): Promise<string> {
    const callId = randomUUID();
    const p = new Params(this.dialect);
    const values = [
      callId,
      entry.tool,
      entry.transport,
      redactString(JSON.stringify(redact(entry.args) ?? null)),
      entry.outcome,
      entry.message === undefined ? null : redactString(entry.message).slice(0, 2000),
      Math.round(entry.durationMs),
      entry.calledAt.toISOString(),
    ].map((v) => p.add(v));
    await this.warehouse.query(
      `insert into ${this.table} (call_id, tool, transport, arguments, outcome, message, duration_ms, called_at) values (${values.join(', ')})`,
      p.values,
    );
    return callId;
  }
}
