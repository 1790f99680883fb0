/**
 * Shared pieces of the reverse-ETL tests: a sandbox company synced (only the lists validation reads)
 * into a DuckDB file, the reverse models built over the seeds, and one push with its own client.
 */
import type { JobConfig } from '../../src/config/schema.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { IntacctClient } from '../../src/intacct/client.ts';
import { CLOSED_THROUGH } from '../../src/sandbox/generator.ts';
import type { RunningSandbox } from '../../src/sandbox/index.ts';
import { FLOWS } from '../../src/reverse/flows/index.ts';
import type { FlowDescriptor } from '../../src/reverse/flow.ts';
import { type PushOptions, type PushReport, push } from '../../src/reverse/push.ts';
import { openWarehouse } from '../../src/warehouse/open-warehouse.ts';
import type { Warehouse } from '../../src/warehouse/warehouse.ts';
import { buildReverseModels } from './reverse-models.ts';
import { clientOf, runOnce, sandboxConfig, tempDuckDbPath } from './sync-harness.ts';

/** The Intacct lists validation reads. */
export const REFERENCE_OBJECTS = [
  'GLACCOUNT',
  'DEPARTMENT',
  'LOCATION',
  'PROJECT',
  'TASK',
  'EMPLOYEE',
  'CLASS',
  'CUSTOMER',
  'VENDOR',
  'TRXCURRENCIES',
  'PODOCUMENT',
];

export interface ReverseWorld {
  readonly config: JobConfig;
  readonly warehouse: Warehouse;
}

/** Syncs the lists, builds the reverse models; the warehouse stays open for the test. */
export async function reverseWorld(sandbox: RunningSandbox): Promise<ReverseWorld> {
  const config = sandboxConfig(sandbox, tempDuckDbPath('reverse'), { objects: REFERENCE_OBJECTS });
  const report = await runOnce(config);
  if (report.status !== 'succeeded') throw new Error(`sync failed: ${JSON.stringify(report.errors)}`);
  const warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
  await warehouse.migrate();
  await buildReverseModels(warehouse, config.schemas.analytics);
  return { config, warehouse };
}

export async function pushOnce(
  world: ReverseWorld,
  options: Partial<Omit<PushOptions, 'warehouse' | 'schemas'>> & { flows?: readonly FlowDescriptor[] } = {},
  client?: IntacctClient,
): Promise<PushReport> {
  const own = client ?? clientOf(world.config, { fastRetries: true });
  try {
    return await push({
      warehouse: world.warehouse,
      client: own,
      schemas: world.config.schemas,
      settings: { batchSize: 50, closedThrough: CLOSED_THROUGH, approvalThreshold: null },
      flows: FLOWS,
      dryRun: false,
      logger: silentLogger,
      ...options,
    });
  } finally {
    if (!client) await own.close();
  }
}
