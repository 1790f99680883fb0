/**
 * The one factory: a warehouse from the job config. Vendor modules are imported lazily so a DuckDB
 * run never loads a cloud SDK (and the reverse).
 */
import { isAbsolute, resolve } from 'node:path';
import type { SchemaNames, WarehouseConfig } from '../config/schema.ts';
import { ClassifiedError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { Warehouse } from './warehouse.ts';

export interface OpenWarehouseOptions {
  /** Base for a relative DuckDB path; default: the process's working directory. */
  readonly cwd?: string;
  readonly now?: () => Date;
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
    case 'bigquery':
      throw new ClassifiedError(
        `the ${config.type} warehouse is not built yet; use warehouse.type: duckdb or snowflake`,
        {
          kind: 'terminal',
          level: 'local',
          fix: 'Set warehouse.type to duckdb (the embedded default) or snowflake until the BigQuery issue lands',
        },
      );
  }
}
