/**
 * Kysely driver over @duckdb/node-api. Each Kysely connection is its own DuckDB connection (DuckDB
 * runs MVCC transactions per connection), pooled and reused. Results come back with exact
 * values: DECIMAL as a string, BIGINT as a number when it fits in 2^53 (else a string),
 * TIMESTAMPTZ as ISO UTC, DATE as 'YYYY-MM-DD'.
 */
import {
  type DuckDBConnection,
  type DuckDBInstance,
  type DuckDBResult,
  DuckDBTimestampTZValue,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
  StatementType,
} from '@duckdb/node-api';
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import { classifyDuckDBError } from './duckdb-errors.ts';

export interface DuckDBDriverConfig {
  readonly instance: DuckDBInstance;
}

/** Session settings every connection gets: instants are UTC. */
export async function prepareConnection(connection: DuckDBConnection): Promise<void> {
  await connection.run("SET TimeZone = 'UTC'");
}

export class DuckDBDriver implements Driver {
  readonly #instance: DuckDBInstance;
  readonly #idle: DuckDBKyselyConnection[] = [];
  readonly #all: DuckDBKyselyConnection[] = [];

  constructor(config: DuckDBDriverConfig) {
    this.#instance = config.instance;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    const raw = await this.#instance.connect();
    await prepareConnection(raw);
    const connection = new DuckDBKyselyConnection(raw);
    this.#all.push(connection);
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN TRANSACTION'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#idle.push(connection as DuckDBKyselyConnection);
  }

  async destroy(): Promise<void> {
    for (const connection of this.#all.splice(0)) connection.close();
    this.#idle.length = 0;
  }
}

const MUTATING: ReadonlySet<number> = new Set([
  StatementType.INSERT,
  StatementType.UPDATE,
  StatementType.DELETE,
  StatementType.MERGE_INTO,
]);

export class DuckDBKyselyConnection implements DatabaseConnection {
  readonly #connection: DuckDBConnection;

  constructor(connection: DuckDBConnection) {
    this.#connection = connection;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    let result: DuckDBResult;
    try {
      result = await this.#connection.run(compiledQuery.sql, compiledQuery.parameters.map(toDuckDBParam));
    } catch (error) {
      throw classifyDuckDBError(error, compiledQuery.sql);
    }
    const rows = (await readRows(result)) as R[];
    return MUTATING.has(result.statementType)
      ? { rows, numAffectedRows: BigInt(result.rowsChanged) }
      : { rows };
  }

  async *streamQuery<R>(
    compiledQuery: CompiledQuery,
    _chunkSize?: number,
  ): AsyncIterableIterator<QueryResult<R>> {
    let result: DuckDBResult;
    try {
      result = await this.#connection.stream(compiledQuery.sql, compiledQuery.parameters.map(toDuckDBParam));
    } catch (error) {
      throw classifyDuckDBError(error, compiledQuery.sql);
    }
    const names = result.deduplicatedColumnNames();
    const types = result.columnTypes();
    for await (const chunk of result) {
      yield { rows: chunk.getRows().map((row) => toObject(row, names, types)) as R[] };
    }
  }

  close(): void {
    this.#connection.closeSync();
  }
}

/** JS parameter → DuckDB value: Dates become TIMESTAMPTZ (microseconds), the rest binds as is. */
export function toDuckDBParam(value: unknown): DuckDBValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return new DuckDBTimestampTZValue(BigInt(value.getTime()) * 1000n);
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  throw new TypeError(`cannot bind a ${typeof value} parameter to DuckDB`);
}

export async function readRows(result: DuckDBResult): Promise<Record<string, unknown>[]> {
  if (result.columnCount === 0) return [];
  const names = result.deduplicatedColumnNames();
  const types = result.columnTypes();
  const rows = await result.getRows();
  return rows.map((row) => toObject(row, names, types));
}

function toObject(row: readonly DuckDBValue[], names: readonly string[], types: readonly DuckDBType[]) {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) out[names[i]!] = fromDuckDBValue(row[i] ?? null, types[i]!);
  return out;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** ISO UTC from epoch microseconds; milliseconds unless the value carries microseconds. */
export function isoFromMicros(micros: bigint): string {
  const ms = micros / 1000n;
  const rest = Number(((micros % 1000n) + 1000n) % 1000n);
  const floorMs = micros < 0n && rest !== 0 ? ms - 1n : ms;
  const iso = new Date(Number(floorMs)).toISOString();
  return rest === 0 ? iso : `${iso.slice(0, -1)}${String(rest).padStart(3, '0')}Z`;
}

export function fromDuckDBValue(value: DuckDBValue, type: DuckDBType): unknown {
  if (value === null) return null;
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return value;
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return value;
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.UHUGEINT: {
      const big = value as bigint;
      return big <= MAX_SAFE && big >= -MAX_SAFE ? Number(big) : big.toString();
    }
    case DuckDBTypeId.TIMESTAMP_TZ:
    case DuckDBTypeId.TIMESTAMP:
      return isoFromMicros((value as DuckDBTimestampTZValue).micros);
    default:
      // DECIMAL, DATE, VARCHAR, JSON, UUID: DuckDB's own text form is exact.
      return String(value);
  }
}
