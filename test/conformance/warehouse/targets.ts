/**
 * The warehouses the conformance suite runs on. Each target starts what it needs once per test file
 * (an emulator on 127.0.0.1 for the cloud warehouses, reached through the real driver) and hands
 * out a fresh, isolated warehouse config per test. Adding BigQuery is one more entry here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SchemaNames, WarehouseConfig } from '../../../src/config/schema.ts';
import type { WarehouseType } from '../../../src/warehouse/warehouse.ts';
import { type RunningSnowflakeEmulator, startSnowflakeEmulator } from '../../emulators/snowflake/server.ts';

export interface TargetRun {
  /** A warehouse config of its own for one test (a new file, or new schemas on the emulator). */
  config(): WarehouseConfig;
  teardown(): Promise<void>;
}

export interface WarehouseTarget {
  readonly name: WarehouseType;
  start(): Promise<TargetRun>;
}

export const TARGETS: readonly WarehouseTarget[] = [
  {
    name: 'duckdb',
    async start() {
      const dir = mkdtempSync(join(tmpdir(), 'wh-conformance-'));
      let n = 0;
      return {
        config: () => ({ type: 'duckdb', path: join(dir, `test-${++n}.duckdb`) }),
        teardown: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'snowflake',
    async start() {
      const emulator: RunningSnowflakeEmulator = await startSnowflakeEmulator({
        users: { ELT: { password: 'conformance-pw' } },
        chunkRows: 50,
      });
      return {
        config: () => snowflakeConfig(emulator),
        teardown: () => emulator.close(),
      };
    },
  },
];

export function snowflakeConfig(emulator: RunningSnowflakeEmulator): WarehouseConfig {
  return {
    type: 'snowflake',
    account: emulator.account,
    username: 'elt',
    password: 'conformance-pw',
    database: 'ELT',
    accessUrl: emulator.url,
    stageConcurrency: 4,
  };
}

let schemaSeq = 0;

/** Schemas of their own per test, so tests sharing one emulator never see each other's tables. */
export function freshSchemas(): SchemaNames {
  schemaSeq++;
  return { staging: `stg_${schemaSeq}`, raw: `raw_${schemaSeq}`, analytics: `analytics_${schemaSeq}` };
}
