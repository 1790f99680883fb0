/**
 * The reverse ledger (`_elt_reverse_ledger`, one row per flow, entity and external key) and the
 * plan log (`_elt_reverse_plan`). Portable SQL with `$n` parameters; upserts are a keyed UPDATE or
 * an INSERT, as the other control tables do (Snowflake and BigQuery lack ON CONFLICT).
 */
import { quoteIdentifier } from '../warehouse/identifiers.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

export const LEDGER_STATES = [
  /** Sent (or about to be): the outcome is not known yet; the next run looks it up by key. */
  'planned',
  'posted',
  'rejected',
  /** Held for a Slack approval before it is sent. */
  'awaiting_approval',
  'declined',
  /** Journal entries: the posted version was reversed (the record left the model). */
  'reversed',
] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];

export interface LedgerEntry {
  readonly flow: string;
  readonly entity: string;
  readonly externalKey: string;
  readonly status: LedgerState;
  readonly intacctKey: string | null;
  readonly intacctObject: string | null;
  readonly controlId: string | null;
  readonly payloadHash: string;
  /** Journal entries: the version posted (0 first; each correction adds one). */
  readonly version: number;
  /** Reasons (validation) or Intacct's errors. */
  readonly errors: readonly string[] | null;
  readonly approval: string | null;
  readonly decidedBy: string | null;
  readonly runId: string | null;
  /** The posted record (JSON of header and lines): what a later reversal undoes. */
  readonly payload: string | null;
  readonly updatedAt?: string;
}

export const ledgerKey = (entity: string, externalKey: string) => `${entity}\u0000${externalKey}`;

export class Ledger {
  private readonly table: string;
  private readonly planTable: string;

  constructor(
    private readonly warehouse: Warehouse,
    schema: string,
  ) {
    const q = (n: string) => quoteIdentifier(n, warehouse.capabilities.identifierQuote);
    this.table = `${q(schema)}.${q('_elt_reverse_ledger')}`;
    this.planTable = `${q(schema)}.${q('_elt_reverse_plan')}`;
  }

  /** Every ledger row of a flow, by entity and external key. */
  async forFlow(flow: string): Promise<Map<string, LedgerEntry>> {
    const rows = await this.warehouse.query<Record<string, unknown>>(
      `SELECT * FROM ${this.table} WHERE flow = $1`,
      [flow],
    );
    return new Map(rows.map((r) => [ledgerKey(String(r.entity), String(r.external_key)), toEntry(r)]));
  }

  async get(flow: string, entity: string, externalKey: string): Promise<LedgerEntry | null> {
    const rows = await this.warehouse.query<Record<string, unknown>>(
      `SELECT * FROM ${this.table} WHERE flow = $1 AND entity = $2 AND external_key = $3`,
      [flow, entity, externalKey],
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async all(): Promise<LedgerEntry[]> {
    const rows = await this.warehouse.query<Record<string, unknown>>(
      `SELECT * FROM ${this.table} ORDER BY flow, entity, external_key`,
    );
    return rows.map(toEntry);
  }

  async put(e: LedgerEntry): Promise<void> {
    const values = [
      e.status,
      e.intacctKey,
      e.intacctObject,
      e.controlId,
      e.payloadHash,
      e.version,
      e.errors === null ? null : JSON.stringify(e.errors),
      e.approval,
      e.decidedBy,
      e.runId,
      e.payload,
      new Date(),
      e.flow,
      e.entity,
      e.externalKey,
    ];
    const exists = await this.warehouse.query<{ n: unknown }>(
      `SELECT count(*) AS n FROM ${this.table} WHERE flow = $1 AND entity = $2 AND external_key = $3`,
      [e.flow, e.entity, e.externalKey],
    );
    if (Number(exists[0]?.n ?? 0) > 0) {
      await this.warehouse.query(
        `UPDATE ${this.table} SET status = $1, intacct_key = $2, intacct_object = $3, control_id = $4,
           payload_hash = $5, version = $6, errors = $7, approval = $8, decided_by = $9, run_id = $10,
           payload = $11, updated_at = $12
         WHERE flow = $13 AND entity = $14 AND external_key = $15`,
        values,
      );
    } else {
      await this.warehouse.query(
        `INSERT INTO ${this.table} (status, intacct_key, intacct_object, control_id, payload_hash, version,
           errors, approval, decided_by, run_id, payload, updated_at, flow, entity, external_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        values,
      );
    }
  }

  async logPlan(
    runId: string,
    rows: readonly {
      flow: string;
      entity: string;
      externalKey: string;
      action: string;
      payloadHash: string;
      reasons: readonly string[];
    }[],
  ): Promise<void> {
    const at = new Date();
    // Batched multi-row INSERTs keep a large plan to a few statements.
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      const params: (string | Date | null)[] = [];
      const tuples = chunk.map((r) => {
        const base = params.length;
        params.push(
          runId,
          r.flow,
          r.entity,
          r.externalKey,
          r.action,
          r.payloadHash,
          r.reasons.length ? JSON.stringify(r.reasons) : null,
          at,
        );
        return `(${Array.from({ length: 8 }, (_, k) => `$${base + k + 1}`).join(', ')})`;
      });
      await this.warehouse.query(
        `INSERT INTO ${this.planTable} (run_id, flow, entity, external_key, action, payload_hash, reasons, planned_at)
         VALUES ${tuples.join(', ')}`,
        params,
      );
    }
  }
}

function toEntry(r: Record<string, unknown>): LedgerEntry {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  let errors: string[] | null = null;
  if (r.errors !== null && r.errors !== undefined) {
    try {
      const parsed = JSON.parse(String(r.errors)) as unknown;
      errors = Array.isArray(parsed) ? parsed.map(String) : [String(r.errors)];
    } catch {
      errors = [String(r.errors)];
    }
  }
  return {
    flow: String(r.flow),
    entity: String(r.entity),
    externalKey: String(r.external_key),
    status: String(r.status) as LedgerState,
    intacctKey: s(r.intacct_key),
    intacctObject: s(r.intacct_object),
    controlId: s(r.control_id),
    payloadHash: String(r.payload_hash),
    version: r.version === null || r.version === undefined ? 0 : Number(r.version),
    errors,
    approval: s(r.approval),
    decidedBy: s(r.decided_by),
    runId: s(r.run_id),
    payload: s(r.payload),
    ...(r.updated_at ? { updatedAt: String(r.updated_at) } : {}),
  };
}
