/**
 * Event-driven flows: the durable queue of provider events (one row per provider and event id, so
 * a redelivery is a no-op), the dead-letter table of events that could not be posted (with the
 * reason), the version of each landed source object (an older event never overwrites a newer one),
 * and the watermark of each polled source.
 */
import type { Kysely, Migration } from 'kysely';

export function eventQueueMigration(schema: string): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const s = db.schema.withSchema(schema);
      await s
        .createTable('_elt_events')
        .ifNotExists()
        .addColumn('source', 'varchar', (c) => c.notNull())
        .addColumn('event_id', 'varchar', (c) => c.notNull())
        .addColumn('event_type', 'varchar', (c) => c.notNull())
        .addColumn('occurred_at', 'varchar', (c) => c.notNull())
        .addColumn('received_at', 'timestamptz', (c) => c.notNull())
        .addColumn('payload', 'varchar', (c) => c.notNull())
        .addColumn('status', 'varchar', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
        .addColumn('reason', 'varchar')
        .addColumn('posted_at', 'timestamptz')
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('_elt_events_pk', ['source', 'event_id'])
        .execute();
      await s
        .createTable('_elt_events_dead')
        .ifNotExists()
        .addColumn('source', 'varchar', (c) => c.notNull())
        .addColumn('event_id', 'varchar', (c) => c.notNull())
        .addColumn('event_type', 'varchar', (c) => c.notNull())
        .addColumn('reason', 'varchar', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('failed_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('_elt_events_dead_pk', ['source', 'event_id'])
        .execute();
      await s
        .createTable('_elt_event_versions')
        .ifNotExists()
        .addColumn('target', 'varchar', (c) => c.notNull())
        .addColumn('object_key', 'varchar', (c) => c.notNull())
        .addColumn('version', 'varchar', (c) => c.notNull())
        .addColumn('event_id', 'varchar', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('_elt_event_versions_pk', ['target', 'object_key'])
        .execute();
      await s
        .createTable('_elt_event_polls')
        .ifNotExists()
        .addColumn('source', 'varchar', (c) => c.notNull().primaryKey())
        .addColumn('watermark', 'varchar', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['_elt_event_polls', '_elt_event_versions', '_elt_events_dead', '_elt_events']) {
        await db.schema.withSchema(schema).dropTable(table).ifExists().execute();
      }
    },
  };
}
