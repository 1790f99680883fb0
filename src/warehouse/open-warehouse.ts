/**
 * The one factory: a warehouse from the job config. Vendor modules are imported lazily so a DuckDB
 * run never loads a cloud SDK (and the reverse).
 */
import { isAbsolute, resolve } from 'node:path';
import type { SchemaNames, WarehouseConfig } from '../config/schema.ts';
import type { Logger } from '../core/logger.ts';
import type { RetryPolicy } from '../core/retry.ts';
import type { Warehouse } from './warehouse.ts';

export interface OpenWarehouseOptions {
  /** Base for a relative DuckDB path; default: the process's working directory. */
  readonly cwd?: string;
  readonly now?: () => Date;
  /** Backoff for a cloud warehouse's rate limits and backend errors (tests shorten it). */
  readonly retry?: RetryPolicy;
}

export async function openWarehouse(
  config: WarehouseConfig,
  schemas: SchemaNames,
  logger: Logger,
  options: OpenWarehouseOptions = {},
): Promise<Warehouse> {
  switch (config.type) {
    case 'duckdb': {
      const { DuckDBWarehouse } = await import('./duckdb/duckdb-warehouse.ts');
      const path =
        config.path === ':memory:' || isAbsolute(config.path)
          ? config.path
          : resolve(options.cwd ?? process.cwd(), config.path);
      return DuckDBWarehouse.open({
        path,
        ...(config.memoryLimit ? { memoryLimit: config.memoryLimit } : {}),
        ...(config.threads ? { threads: config.threads } : {}),
        ...(config.serialMerges !== undefined ? { serialMerges: config.serialMerges } : {}),
        ...(config.rowsPerMerge ? { rowsPerMerge: config.rowsPerMerge } : {}),
        schemas,
        logger: logger.child({ warehouse: 'duckdb' }),
        ...(options.now ? { now: options.now } : {}),
      });
    }
    case 'snowflake': {
      const { SnowflakeWarehouse } = await import('./snowflake/snowflake-warehouse.ts');
      return SnowflakeWarehouse.open({
        connection: {
          account: config.account,
          username: config.username,
          password: config.password,
          privateKey: config.privateKey,
          privateKeyPassphrase: config.privateKeyPassphrase,
          database: config.database,
          warehouse: config.warehouse,
          role: config.role,
          accessUrl: config.accessUrl,
        },
        schemas,
        stageConcurrency: config.stageConcurrency,
        logger: logger.child({ warehouse: 'snowflake' }),
        ...(options.now ? { now: options.now } : {}),
      });
    }
    case 'bigquery': {
      const { BigQueryWarehouse } = await import('./bigquery/bigquery-warehouse.ts');
      return BigQueryWarehouse.open({
        projectId: config.projectId,
        location: config.location,
        ...(config.apiEndpoint === undefined ? {} : { apiEndpoint: config.apiEndpoint }),
        ...(config.keyFilename === undefined ? {} : { keyFilename: config.keyFilename }),
        ...(config.accessToken === undefined ? {} : { accessToken: config.accessToken }),
        schemas,
        logger: logger.child({ warehouse: 'bigquery' }),
        ...(options.now ? { now: options.now } : {}),
        ...(options.retry ? { retry: options.retry } : {}),
      });
    }
  }
}
