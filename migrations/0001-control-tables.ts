/**
 * The control plane: watermark state, the load log, the lease that keeps two runs of one job
 * apart, and the reverse-ETL ledger. Portable column types only (each dialect's compiler maps them).
 */
import type { Kysely, Migration } from 'kysely';

export function controlTablesMigration(schema: string): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const s = db.schema.withSchema(schema);
      await s
        .createTable('_elt_state')
        .ifNotExists()
        .addColumn('object', 'varchar', (c) => c.notNull())
        .addColumn('entity', 'varchar', (c) => c.notNull())
        .addColumn('watermark', 'varchar')
        .addColumn('load_id', 'varchar', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('_elt_state_pk', ['object', 'entity'])
        .execute();
      await s
        .createTable('_elt_loads')
        .ifNotExists()
        .addColumn('load_id', 'varchar', (c) => c.notNull().primaryKey())
        .addColumn('command', 'varchar', (c) => c.notNull())
        .addColumn('status', 'varchar', (c) => c.notNull())
        .addColumn('started_at', 'timestamptz', (c) => c.notNull())
        .addColumn('finished_at', 'timestamptz')
        .addColumn('report', 'varchar')
        .addColumn('error', 'varchar')
        .execute();
      await s
        .createTable('_elt_lease')
        .ifNotExists()
        .addColumn('job', 'varchar', (c) => c.notNull().primaryKey())
        .addColumn('owner', 'varchar', (c) => c.notNull())
        .addColumn('acquired_at', 'timestamptz', (c) => c.notNull())
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await s
        .createTable('_elt_reverse_ledger')
        .ifNotExists()
        .addColumn('flow', 'varchar', (c) => c.notNull())
        .addColumn('entity', 'varchar', (c) => c.notNull())
        .addColumn('external_key', 'varchar', (c) => c.notNull())
        .addColumn('status', 'varchar', (c) => c.notNull())
        .addColumn('intacct_key', 'varchar')
        .addColumn('control_id', 'varchar')
        .addColumn('payload_hash', 'varchar', (c) => c.notNull())
        .addColumn('errors', 'varchar')
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('_elt_reverse_ledger_pk', ['flow', 'entity', 'external_key'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      const s = db.schema.withSchema(schema);
      for (const table of ['_elt_reverse_ledger', '_elt_lease', '_elt_loads', '_elt_state']) {
        await s.dropTable(table).ifExists().execute();
      }
    },
  };
}
