/**
 * Reverse ETL: the ledger learns which Intacct object and version a key posted as (journal entries
 * are corrected by a reversing entry plus a new version, never edited), the approval decision, and
 * the run that last touched it, and the payload posted (a later correction reverses exactly that); every plan is kept, one row per record and run.
 */
import type { Kysely, Migration } from 'kysely';

export function reverseLedgerMigration(schema: string): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const s = db.schema.withSchema(schema);
      for (const [column, type] of [
        ['intacct_object', 'varchar'],
        ['version', 'integer'],
        ['approval', 'varchar'],
        ['decided_by', 'varchar'],
        ['run_id', 'varchar'],
        ['payload', 'varchar'],
      ] as const) {
        await s.alterTable('_elt_reverse_ledger').addColumn(column, type).execute();
      }
      await s
        .createTable('_elt_reverse_plan')
        .ifNotExists()
        .addColumn('run_id', 'varchar', (c) => c.notNull())
        .addColumn('flow', 'varchar', (c) => c.notNull())
        .addColumn('entity', 'varchar', (c) => c.notNull())
        .addColumn('external_key', 'varchar', (c) => c.notNull())
        .addColumn('action', 'varchar', (c) => c.notNull())
        .addColumn('payload_hash', 'varchar', (c) => c.notNull())
        .addColumn('reasons', 'varchar')
        .addColumn('planned_at', 'timestamptz', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      const s = db.schema.withSchema(schema);
      await s.dropTable('_elt_reverse_plan').ifExists().execute();
      for (const column of ['intacct_object', 'version', 'approval', 'decided_by', 'run_id', 'payload']) {
        await s.alterTable('_elt_reverse_ledger').dropColumn(column).execute();
      }
    },
  };
}
