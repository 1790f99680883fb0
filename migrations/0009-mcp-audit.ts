/**
 * The agent gateway's audit: one row per MCP tool call (tool, arguments with secrets redacted,
 * outcome, duration). Numbered 0009 to leave room for migrations of other areas.
 */
import type { Kysely, Migration } from 'kysely';

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
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.withSchema(schema).dropTable('_elt_mcp_audit').ifExists().execute();
    },
  };
}
