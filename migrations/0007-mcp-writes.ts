/**
 * The agent gateway's further write tools: the staged-row columns their flows read (customer
 * invoices, purchase orders, customer and vendor master-data updates) and, per plan, the details a
 * tool keeps beside it (an approval's decision and approver, the plan it refers to). Added columns
 * only: plans and staged rows written before stay readable.
 */
import type { Kysely, Migration } from 'kysely';

/** Staged columns added to `_elt_mcp_staged_rows` (every one text, as in 0005). */
export const MORE_STAGED_COLUMNS = [
  'customer_id',
  'invoice_date',
  'term_name',
  'transaction_type',
  'order_date',
  'name',
  'status',
  'email',
  'phone',
  'address1',
  'city',
  'state',
  'zip',
  'country',
  'line_item',
  'line_quantity',
  'line_price',
] as const;

export function mcpWritesMigration(schema: string): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const s = db.schema.withSchema(schema);
      for (const column of MORE_STAGED_COLUMNS) {
        await s.alterTable('_elt_mcp_staged_rows').addColumn(column, 'varchar').execute();
      }
      await s.alterTable('_elt_mcp_plans').addColumn('detail', 'varchar').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      const s = db.schema.withSchema(schema);
      await s.alterTable('_elt_mcp_plans').dropColumn('detail').execute();
      for (const column of MORE_STAGED_COLUMNS) {
        await s.alterTable('_elt_mcp_staged_rows').dropColumn(column).execute();
      }
    },
  };
}
