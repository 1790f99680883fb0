import { DuckDBInstance } from '@duckdb/node-api';

/** Whether an existing DuckDB file has a table of this name (in any schema). */
export async function duckdbFileHasTable(path: string, table: string): Promise<boolean> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      'SELECT count(*) FROM information_schema.tables WHERE table_name = $1',
      [table],
    );
    return Number(reader.getRows()[0]?.[0] ?? 0) > 0;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
