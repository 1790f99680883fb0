/**
 * One row per run: the numbers of the run report that operators chart and sum (API calls against
 * the monthly allowance, rows, duration). The full report stays as JSON in `_elt_loads`.
 */
import type { Kysely, Migration } from 'kysely';

export function runMetricsMigration(schema: string): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .withSchema(schema)
        .createTable('_elt_run_metrics')
        .ifNotExists()
        .addColumn('load_id', 'varchar', (c) => c.notNull().primaryKey())
        .addColumn('command', 'varchar', (c) => c.notNull())
        .addColumn('status', 'varchar', (c) => c.notNull())
        .addColumn('started_at', 'timestamptz', (c) => c.notNull())
        .addColumn('finished_at', 'timestamptz', (c) => c.notNull())
        // Calendar month (YYYY-MM, UTC) the API calls count against.
        .addColumn('month', 'varchar', (c) => c.notNull())
        .addColumn('seconds', 'bigint', (c) => c.notNull())
        .addColumn('api_calls', 'bigint', (c) => c.notNull())
        .addColumn('rows_read', 'bigint', (c) => c.notNull())
        .addColumn('rows_inserted', 'bigint', (c) => c.notNull())
        .addColumn('rows_updated', 'bigint', (c) => c.notNull())
        .addColumn('rows_deleted', 'bigint', (c) => c.notNull())
        .addColumn('failed_streams', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.withSchema(schema).dropTable('_elt_run_metrics').ifExists().execute();
    },
  };
}
