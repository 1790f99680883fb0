/**
 * Control-table migrations in order. Names sort in the order they must run (Kysely's Migrator
 * orders by name); add a new file and a line here, never edit an applied one.
 */
import type { Migration, MigrationProvider } from 'kysely';
import { controlTablesMigration } from './0001-control-tables.ts';
import { runMetricsMigration } from './0002-run-metrics.ts';
import { objectDefinitionsMigration } from './0003-object-definitions.ts';
import { reverseLedgerMigration } from './0004-reverse-ledger.ts';
import { mcpAuditMigration } from './0005-mcp-audit.ts';
import { eventQueueMigration } from './0006-event-queue.ts';
import { mcpWritesMigration } from './0007-mcp-writes.ts';

export function controlMigrations(schema: string): Record<string, Migration> {
  return {
    '0001_control_tables': controlTablesMigration(schema),
    '0002_run_metrics': runMetricsMigration(schema),
    '0003_object_definitions': objectDefinitionsMigration(schema),
    '0004_reverse_ledger': reverseLedgerMigration(schema),
    '0005_mcp_audit': mcpAuditMigration(schema),
    '0006_event_queue': eventQueueMigration(schema),
    '0007_mcp_writes': mcpWritesMigration(schema),
  };
}

export function controlMigrationProvider(schema: string): MigrationProvider {
  return { getMigrations: async () => controlMigrations(schema) };
}
