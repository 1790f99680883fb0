/**
 * The company's own definition of each object (`lookup`), cached between runs: which fields to
 * select comes from it, so a field the company lacks never reaches a query.
 */
import type { Kysely, Migration } from 'kysely';

export function objectDefinitionsMigration(schema: string): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .withSchema(schema)
        .createTable('_elt_object_definitions')
        .ifNotExists()
        .addColumn('object', 'varchar', (c) => c.notNull().primaryKey())
        // JSON array of { name, dataType, isCustom }.
        .addColumn('fields', 'varchar', (c) => c.notNull())
        .addColumn('fetched_at', 'timestamptz', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.withSchema(schema).dropTable('_elt_object_definitions').ifExists().execute();
    },
  };
}
