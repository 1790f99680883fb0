/**
 * Shared pieces of the reverse-ETL tests: a sandbox company synced (only the lists validation reads)
 * into a DuckDB file, the reverse models built over the seeds, and one push with its own client.
 */
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { JobConfig } from '../../src/config/schema.ts';
import { runModelsStep } from '../../src/models/run-models.ts';
import { modelRelations, type RelationOf } from '../../src/reverse/model-relations.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { IntacctClient } from '../../src/intacct/client.ts';
import { CLOSED_THROUGH } from '../../src/sandbox/generator.ts';
import type { RunningSandbox } from '../../src/sandbox/index.ts';
import { FLOWS } from '../../src/reverse/flows/index.ts';
import type { FlowDescriptor } from '../../src/reverse/flow.ts';
import { type PushOptions, type PushReport, push } from '../../src/reverse/push.ts';
import { openWarehouse } from '../../src/warehouse/open-warehouse.ts';
import type { Warehouse } from '../../src/warehouse/warehouse.ts';
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
  // The intercompany flows: entity base currencies, Intacct's exchange rates, and the GL whose
  // intercompany balances month-end eliminations reverse (reporting periods for the mart).
  'LOCATIONENTITY',
  'EXCHANGERATEENTRY',
  'GLDETAIL',
  'REPORTINGPERIOD',
];

export interface ReverseWorld {
  readonly config: JobConfig;
  readonly warehouse: Warehouse;
  /** The dbt project the reverse models were built from (a copy when a test edits its seeds). */
  readonly projectDir: string;
  readonly relationOf: RelationOf;
}

export const PROJECT_DIR = resolve(import.meta.dirname, '../../models');

/** A copy of the project whose seeds a test may edit (CSV text, as a user would). */
export function projectCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'intacct-elt-project-')), 'models');
  cpSync(PROJECT_DIR, dir, { recursive: true });
  return dir;
}

/** Appends CSV lines to a seed of a project copy. */
export function appendSeed(projectDir: string, seed: string, lines: readonly string[]): void {
  appendFileSync(join(projectDir, 'seeds', `${seed}.csv`), `${lines.join('\n')}\n`);
}

/**
 * Builds the seeds and the reverse models with the models runner (`models build --select +tag:reverse`:
 * with their parents, as the intercompany models read the synced GL and exchange rates).
 */
export async function buildReverse(world: Omit<ReverseWorld, 'relationOf'>): Promise<void> {
  const report = await runModelsStep({
    config: world.config,
    runner: world.warehouse,
    logger: silentLogger,
    projectDir: world.projectDir,
    select: ['+tag:reverse'],
    test: false,
  });
  const failed = (report.build?.models ?? []).filter((m) => m.status !== 'success');
  if (failed.length > 0) throw new Error(`reverse models failed: ${JSON.stringify(failed)}`);
}

/** Syncs the lists, builds the reverse models; the warehouse stays open for the test. */
export async function reverseWorld(sandbox: RunningSandbox, projectDir = PROJECT_DIR): Promise<ReverseWorld> {
  const config = sandboxConfig(sandbox, tempDuckDbPath('reverse'), { objects: REFERENCE_OBJECTS });
  const report = await runOnce(config);
  if (report.status !== 'succeeded') throw new Error(`sync failed: ${JSON.stringify(report.errors)}`);
  const warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
  await warehouse.migrate();
  const world = { config, warehouse, projectDir };
  await buildReverse(world);
  return { ...world, relationOf: modelRelations(config, projectDir) };
}

export async function pushOnce(
  world: ReverseWorld,
  options: Partial<Omit<PushOptions, 'warehouse' | 'schemas' | 'relationOf'>> & {
    flows?: readonly FlowDescriptor[];
    /** Functions per request (settings.batchSize). */
    batchSize?: number;
  } = {},
  client?: IntacctClient,
): Promise<PushReport> {
  const own = client ?? clientOf(world.config, { fastRetries: true });
  try {
    return await push({
      warehouse: world.warehouse,
      client: own,
      schemas: world.config.schemas,
      relationOf: world.relationOf,
      settings: {
        batchSize: options.batchSize ?? 50,
        closedThrough: CLOSED_THROUGH,
        approvalThreshold: null,
      },
      flows: FLOWS,
      dryRun: false,
      logger: silentLogger,
      ...options,
    });
  } finally {
    if (!client) await own.close();
  }
}
