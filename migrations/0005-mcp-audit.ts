/**
 * The agent gateway's tables: the audit (one row per MCP tool call: tool, arguments with secrets
 * redacted, outcome, duration), its write plans, and the rows a plan stages for the
 * reverse-ETL engine to read.
 */
import type { Kysely, Migration } from 'kysely';

/**
 * The staged rows of write plans: the plan, then every column the gateway's flows read (journal
 * entries as src/reverse/flows/journal.ts, vendor bills as procurement-bills.ts); each flow selects
 * its own.
 */
export const STAGED_COLUMNS = [
  'plan_id',
  'external_key',
  'entity',
  'journal',
  'batch_date',
  'title',
  'vendor_id',
  'bill_date',
  'due_date',
  'po_number',
  'description',
  'currency',
  'total',
  'line_no',
  'line_account',
  'line_side',
  'line_amount',
  'line_memo',
  'line_department',
  'line_location',
  'line_project',
  'line_class',
] as const;

export function mcpAuditMigration(schema: string): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .withSchema(schema)
        .createTable('_elt_mcp_audit')
        .ifNotExists()
        .addColumn('call_id', 'varchar', (c) => c.notNull().primaryKey())
        .addColumn('tool', 'varchar', (c) => c.notNull())
        .addColumn('transport', 'varchar', (c) => c.notNull())
        .addColumn('arguments', 'varchar', (c) => c.notNull())
        .addColumn('outcome', 'varchar', (c) => c.notNull())
        .addColumn('message', 'varchar')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('called_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .withSchema(schema)
        .createTable('_elt_mcp_plans')
        .ifNotExists()
        .addColumn('plan_id', 'varchar', (c) => c.notNull().primaryKey())
        .addColumn('tool', 'varchar', (c) => c.notNull())
        .addColumn('flow', 'varchar', (c) => c.notNull())
        .addColumn('entity', 'varchar', (c) => c.notNull())
        .addColumn('external_key', 'varchar', (c) => c.notNull())
        .addColumn('action', 'varchar', (c) => c.notNull())
        .addColumn('reasons', 'varchar')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .execute();
      // Every column text, as the reverse models cast theirs, so amounts and dates stay exact.
      let lines = db.schema.withSchema(schema).createTable('_elt_mcp_staged_rows').ifNotExists();
      for (const column of STAGED_COLUMNS) lines = lines.addColumn(column, 'varchar');
      await lines.execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['_elt_mcp_staged_rows', '_elt_mcp_plans', '_elt_mcp_audit']) {
        await db.schema.withSchema(schema).dropTable(table).ifExists().execute();
      }
    },
  };
}
