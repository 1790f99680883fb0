/**
 * The BigQuery emulator for a test file: started on a loopback port, with the warehouse config and
 * a fast retry policy that point the real client at it.
 */
import type { WarehouseConfig } from '../../src/config/schema.ts';
import type { RetryPolicy } from '../../src/core/retry.ts';
import {
  type BigQueryEmulatorOptions,
  type RunningBigQueryEmulator,
  startBigQueryEmulator,
} from '../emulators/bigquery/server.ts';

export const EMULATOR_TOKEN = 'emulator-token';
export const FAST_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 5, maxDelayMs: 40, maxTotalMs: 5_000 };

export function startEmulator(options: BigQueryEmulatorOptions = {}): Promise<RunningBigQueryEmulator> {
  return startBigQueryEmulator({ token: EMULATOR_TOKEN, ...options });
}

export type BigQueryConfig = Extract<WarehouseConfig, { type: 'bigquery' }>;

export function bigqueryConfig(
  emulator: RunningBigQueryEmulator,
  projectId = 'intacct-elt-test',
): BigQueryConfig {
  return {
    type: 'bigquery',
    projectId,
    location: 'US',
    apiEndpoint: emulator.url,
    accessToken: EMULATOR_TOKEN,
  };
}
