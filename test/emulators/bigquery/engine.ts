/**
 * Runs GoogleSQL statements and scripts on DuckDB with BigQuery's semantics where they differ:
 * a transaction exists only inside one script or one session; inside it DDL is allowed only on
 * temporary tables; an error rolls the whole transaction back; MERGE fails when a target row
 * matches more than one source row; DML reports per-action counts (dmlStats).
 */
import {
  type DuckDBConnection,
  type DuckDBInstance,
  type DuckDBResult,
  StatementType,
} from '@duckdb/node-api';
import { type Row, type SchemaField, cellOf, fieldType } from './cells.ts';
import {
  DDL_KINDS,
  GoogleSqlError,
  type ParamRef,
  type TranslatedStatement,
  splitStatements,
  translateStatement,
} from './googlesql.ts';

export interface QueryParameter {
  name?: string;
  parameterType: { type: string };
  parameterValue?: { value?: string | null };
}

export interface DmlStats {
  insertedRowCount: string;
  updatedRowCount: string;
  deletedRowCount: string;
}

export interface QueryOutcome {
  readonly statementType: string;
  readonly schema: { fields: SchemaField[] } | null;
  readonly rows: Row[];
  readonly numDmlAffectedRows: number | null;
  readonly dmlStats: DmlStats | null;
  readonly sessionId: string | null;
}

/** Mutating DML running per table right now, and the most ever seen at once. */
export class DmlTracker {
  readonly active = new Map<string, number>();
  readonly max = new Map<string, number>();

  async around<T>(table: string, fn: () => Promise<T>): Promise<T> {
    const now = (this.active.get(table) ?? 0) + 1;
    this.active.set(table, now);
    this.max.set(table, Math.max(now, this.max.get(table) ?? 0));
    try {
      return await fn();
    } finally {
      this.active.set(table, (this.active.get(table) ?? 1) - 1);
    }
  }
}

function mutatedTable(statement: TranslatedStatement): string | null {
  if (statement.merge) return statement.merge.target;
  if (statement.kind !== 'update' && statement.kind !== 'delete') return null;
  return /^(?:UPDATE|DELETE\s+FROM)\s+(\S+)/i.exec(statement.sql)?.[1] ?? null;
}

/** One DuckDB connection and whether a BigQuery transaction is open on it. */
export interface ExecContext {
  readonly connection: DuckDBConnection;
  inTransaction: boolean;
  /** Sessions run one query at a time, in order. */
  queue: Promise<unknown>;
}

const PARAM_TYPES: Readonly<Record<string, string>> = {
  STRING: 'VARCHAR',
  INT64: 'BIGINT',
  FLOAT64: 'DOUBLE',
  BOOL: 'BOOLEAN',
  NUMERIC: 'DECIMAL(38,9)',
  TIMESTAMP: 'TIMESTAMPTZ',
  DATE: 'DATE',
  DATETIME: 'TIMESTAMP',
  TIME: 'TIME',
  JSON: 'JSON',
};

const STATEMENT_TYPES: Readonly<Record<string, string>> = {
  query: 'SELECT',
  insert: 'INSERT',
  update: 'UPDATE',
  delete: 'DELETE',
  merge: 'MERGE',
  truncate: 'TRUNCATE_TABLE',
  'create-table': 'CREATE_TABLE',
  'create-schema': 'CREATE_SCHEMA',
  'create-view': 'CREATE_VIEW',
  'drop-view': 'DROP_VIEW',
  'drop-table': 'DROP_TABLE',
  'drop-schema': 'DROP_SCHEMA',
  'alter-table': 'ALTER_TABLE',
  begin: 'BEGIN_TRANSACTION',
  commit: 'COMMIT_TRANSACTION',
  rollback: 'ROLLBACK_TRANSACTION',
  'abort-session': 'CALL',
};

export async function openContext(instance: DuckDBInstance): Promise<ExecContext> {
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  return { connection, inTransaction: false, queue: Promise.resolve() };
}

function bindings(parameters: readonly QueryParameter[]) {
  const positional = parameters.filter((p) => p.name === undefined || p.name === '');
  const named = new Map(parameters.filter((p) => p.name).map((p) => [p.name!.toLowerCase(), p]));
  const lookup = (key: number | string): QueryParameter => {
    const found = typeof key === 'number' ? positional[key] : named.get(key.toLowerCase());
    if (!found) {
      throw new GoogleSqlError(
        typeof key === 'number'
          ? `Query has more positional parameters than the ${positional.length} provided`
          : `Query parameter '${key}' not found`,
      );
    }
    return found;
  };
  const paramType = (key: number | string) => {
    const type = lookup(key).parameterType.type;
    const duck = PARAM_TYPES[type];
    if (duck === undefined)
      throw new GoogleSqlError(`the BigQuery emulator does not bind ${type} parameters`);
    return duck;
  };
  const values = (refs: readonly ParamRef[]) =>
    refs.map((r) => {
      const value = lookup(r.key).parameterValue?.value;
      return value === undefined ? null : value;
    });
  return { paramType, values };
}

/** Renumbers the `$n` placeholders of a fragment from 1, with their values. */
function renumber(fragment: string, values: readonly (string | null)[]) {
  const used: (string | null)[] = [];
  const sql = fragment.replace(/\$(\d+)/g, (_, n: string) => {
    used.push(values[Number(n) - 1] ?? null);
    return `$${used.length}`;
  });
  return { sql, values: used };
}

async function run(
  ctx: ExecContext,
  sqlText: string,
  values: readonly (string | null)[],
): Promise<DuckDBResult> {
  try {
    return await ctx.connection.run(sqlText, values.length > 0 ? [...values] : undefined);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/not found|does not exist/i.test(message) && /Catalog Error/.test(message)) {
      throw new GoogleSqlError(`Not found: ${message.replace(/^Catalog Error: /, '')}`, 'notFound');
    }
    throw new GoogleSqlError(`Query error (emulator, DuckDB): ${message}`);
  }
}

async function mergeDuplicateCheck(
  ctx: ExecContext,
  statement: TranslatedStatement,
  values: (string | null)[],
) {
  const m = statement.merge;
  if (!m?.hasMatched) return;
  const check = renumber(
    `SELECT 1 FROM ${m.target} AS ${m.targetAlias} JOIN ${m.source} AS ${m.sourceAlias} ON ${m.on} GROUP BY ${m.targetAlias}.rowid HAVING COUNT(*) > 1 LIMIT 1`,
    values,
  );
  const result = await run(ctx, check.sql, check.values);
  if ((await result.getRows()).length > 0) {
    throw new GoogleSqlError('UPDATE/MERGE must match at most one source row for each target row');
  }
}

interface StatementOutcome {
  kind: TranslatedStatement['kind'];
  schema: { fields: SchemaField[] } | null;
  rows: Row[];
  affected: number | null;
  stats: DmlStats | null;
}

async function execute(
  ctx: ExecContext,
  statement: TranslatedStatement,
  values: (string | null)[],
): Promise<StatementOutcome> {
  const none = { schema: null, rows: [], affected: null, stats: null };
  for (const dataset of statement.informationSchemaDatasets) {
    const found = await run(ctx, 'SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [
      dataset,
    ]);
    if ((await found.getRows()).length === 0) {
      throw new GoogleSqlError(`Not found: Dataset ${dataset} was not found in location US`, 'notFound');
    }
  }
  switch (statement.kind) {
    case 'begin':
      if (ctx.inTransaction) throw new GoogleSqlError('Nested transactions are not supported');
      await run(ctx, 'BEGIN TRANSACTION', []);
      ctx.inTransaction = true;
      return { kind: statement.kind, ...none };
    case 'commit':
    case 'rollback':
      if (!ctx.inTransaction) {
        throw new GoogleSqlError(`${statement.kind.toUpperCase()} TRANSACTION without an active transaction`);
      }
      await run(ctx, statement.kind === 'commit' ? 'COMMIT' : 'ROLLBACK', []);
      ctx.inTransaction = false;
      return { kind: statement.kind, ...none };
    default:
      break;
  }
  if (ctx.inTransaction && DDL_KINDS.has(statement.kind) && !statement.temporary) {
    throw new GoogleSqlError(
      `Transaction control statements are supported only for DML and temporary tables: ${STATEMENT_TYPES[statement.kind]} on a permanent table is not allowed inside a transaction [${statement.text.slice(0, 80)}]`,
    );
  }
  if (statement.kind === 'merge') {
    await mergeDuplicateCheck(ctx, statement, values);
    const result = await run(ctx, `${statement.sql} RETURNING merge_action`, values);
    const counts = { INSERT: 0, UPDATE: 0, DELETE: 0 } as Record<string, number>;
    for (const [action] of await result.getRows()) counts[String(action)] = (counts[String(action)] ?? 0) + 1;
    const stats = {
      insertedRowCount: String(counts['INSERT'] ?? 0),
      updatedRowCount: String(counts['UPDATE'] ?? 0),
      deletedRowCount: String(counts['DELETE'] ?? 0),
    };
    const affected = (counts['INSERT'] ?? 0) + (counts['UPDATE'] ?? 0) + (counts['DELETE'] ?? 0);
    return { kind: statement.kind, schema: null, rows: [], affected, stats };
  }
  const result = await run(ctx, statement.sql, values);
  if (statement.kind === 'query') {
    const names = result.columnNames();
    const types = result.columnTypes();
    const fields = names.map((name, i) => ({ name, ...fieldType(types[i]!), mode: 'NULLABLE' as const }));
    const rows = (await result.getRows()).map((row) => ({
      f: row.map((value, i) => ({ v: cellOf(value, types[i]!) })),
    }));
    return { kind: statement.kind, schema: { fields }, rows, affected: null, stats: null };
  }
  if (result.statementType === StatementType.INSERT || statement.kind === 'insert') {
    const n = Number(result.rowsChanged);
    return {
      kind: statement.kind,
      schema: null,
      rows: [],
      affected: n,
      stats: { insertedRowCount: String(n), updatedRowCount: '0', deletedRowCount: '0' },
    };
  }
  if (statement.kind === 'update' || statement.kind === 'delete') {
    const n = Number(result.rowsChanged);
    return {
      kind: statement.kind,
      schema: null,
      rows: [],
      affected: n,
      stats: {
        insertedRowCount: '0',
        updatedRowCount: statement.kind === 'update' ? String(n) : '0',
        deletedRowCount: statement.kind === 'delete' ? String(n) : '0',
      },
    };
  }
  return { kind: statement.kind, ...none };
}

/**
 * Runs a query or a script on `ctx`. A script's result is its last SELECT; an error inside a
 * transaction rolls it back; a transaction still open at the end of a script (outside a session) is
 * rolled back and fails the script, as in BigQuery.
 */
export async function runQuery(
  ctx: ExecContext,
  options: {
    readonly query: string;
    readonly projectId: string;
    readonly parameters: readonly QueryParameter[];
    readonly inSession: boolean;
    readonly sessionId: string | null;
    readonly tracker?: DmlTracker;
  },
): Promise<QueryOutcome> {
  const statements = splitStatements(options.query);
  if (statements.length === 0) throw new GoogleSqlError('Syntax error: Unexpected end of script');
  const { paramType, values } = bindings(options.parameters);
  let firstPositional = 0;
  const translated = statements.map((tokens) => {
    const t = translateStatement(tokens, { projectId: options.projectId, paramType, firstPositional });
    firstPositional = t.positionalEnd;
    return t;
  });
  let last: StatementOutcome | undefined;
  let lastQuery: StatementOutcome | undefined;
  try {
    for (const statement of translated) {
      if (statement.kind === 'abort-session') {
        last = { kind: statement.kind, schema: null, rows: [], affected: null, stats: null };
        continue;
      }
      const table = mutatedTable(statement);
      const bound = values(statement.params);
      last =
        table !== null && options.tracker
          ? await options.tracker.around(table, () => execute(ctx, statement, bound))
          : await execute(ctx, statement, bound);
      if (last.kind === 'query') lastQuery = last;
    }
    if (ctx.inTransaction && !options.inSession && translated.length > 1) {
      throw new GoogleSqlError('Transaction was not committed by the end of the script; it was rolled back');
    }
  } catch (error) {
    if (ctx.inTransaction) {
      ctx.inTransaction = false;
      await ctx.connection.run('ROLLBACK').catch(() => undefined);
    }
    throw error;
  }
  const script = translated.length > 1;
  const result = script ? (lastQuery ?? last!) : last!;
  return {
    statementType: script ? 'SCRIPT' : (STATEMENT_TYPES[result.kind] ?? 'SELECT'),
    schema: result.schema,
    rows: result.rows,
    numDmlAffectedRows: script ? null : result.affected,
    dmlStats: script ? null : result.stats,
    sessionId: options.sessionId,
  };
}
