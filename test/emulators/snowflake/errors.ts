/**
 * Snowflake's error replies: HTTP 200 with `success:false`, a six-digit code and an SQL state
 * (warehouses.md §1.2). DuckDB's failures are mapped onto the codes Snowflake uses for the same
 * situation, so the adapter's classifier sees what it would see in production.
 *
 * Codes as Snowflake reports them (seen in public error reports): 002003 / 42S02 object does not
 * exist; 000904 / 42000 invalid identifier; 001003 / 42000 syntax error; 002002 / 42710 already
 * exists; 100038 / 22018 numeric value not recognized; 100072 / 22000 NULL in a non-nullable column;
 * 100090 / 42P18 duplicate row detected during DML action; 000625 / 57014 lock wait aborted;
 * 000002 / 0A000 unsupported feature; 390112 session token expired; 390104 invalid token;
 * 390144 JWT invalid; 390100 incorrect username or password.
 */
export class SnowflakeSqlError extends Error {
  readonly code: string;
  readonly sqlState: string;
  constructor(code: string, sqlState: string, message: string) {
    super(message);
    this.code = code;
    this.sqlState = sqlState;
  }
}

/** SQL outside what the emulator translates: refused, never guessed. */
export function unsupported(what: string): SnowflakeSqlError {
  return new SnowflakeSqlError(
    '000002',
    '0A000',
    `Unsupported feature '${what}' (outside the Snowflake emulator's SQL subset; see test/emulators/snowflake/README.md).`,
  );
}

/** DuckDB's encoded names back to Snowflake's (see identifiers in sql-translate.ts). */
function decodeNames(message: string, decode: (name: string) => string): string {
  return message.replace(/"([^"]*)"/g, (_, name: string) => `"${decode(name)}"`);
}

export function fromDuckDBError(error: unknown, decode: (name: string) => string): SnowflakeSqlError {
  if (error instanceof SnowflakeSqlError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const message = decodeNames(raw, decode);
  const name = /with name ([^ ]+) (?:does not exist|already exists)/.exec(message)?.[1];
  const object = name === undefined ? '' : decode(name.replace(/^"|"$/g, ''));
  if (/^Catalog Error: (Table|View) with name .* does not exist/.test(message))
    return new SnowflakeSqlError(
      '002003',
      '42S02',
      `SQL compilation error:\nObject '${object}' does not exist or not authorized.`,
    );
  if (/^Catalog Error: Schema with name .* does not exist/.test(message))
    return new SnowflakeSqlError(
      '002003',
      '02000',
      `SQL compilation error:\nSchema '${object}' does not exist or not authorized.`,
    );
  if (/^Catalog Error: .* already exists/.test(message))
    return new SnowflakeSqlError(
      '002002',
      '42710',
      `SQL compilation error:\nObject '${object}' already exists.`,
    );
  // DATEADD's typed macros (DATE_MACROS_SQL) match no overload: a count that is not an integer, or
  // a date argument that is text or unbound. Snowflake would cast; the emulator does not guess how.
  const macro = /^Binder Error: Macro sf_(int|dateadd_date|dateadd_time)\(\)/.exec(message)?.[1];
  if (macro !== undefined)
    return unsupported(
      macro === 'int'
        ? 'DATEADD with a count that is not an integer'
        : 'DATEADD on a value that is not a typed DATE, TIME or TIMESTAMP (cast it)',
    );
  if (/^Binder Error: (Referenced column|Column|Values list) .*not found/.test(message)) {
    const column = /"([^"]+)"/.exec(message)?.[1] ?? '?';
    return new SnowflakeSqlError('000904', '42000', `SQL compilation error:\ninvalid identifier '${column}'`);
  }
  if (/^(Parser|Binder) Error:/.test(message))
    return new SnowflakeSqlError('001003', '42000', `SQL compilation error:\n${message}`);
  if (/^Conversion Error:/.test(message))
    return new SnowflakeSqlError('100038', '22018', `Numeric value not recognized: ${message}`);
  if (/^Constraint Error: NOT NULL/.test(message))
    return new SnowflakeSqlError('100072', '22000', 'NULL result in a non-nullable column');
  if (/^TransactionContext Error:.*[Cc]onflict/.test(message))
    return new SnowflakeSqlError(
      '000625',
      '57014',
      `Statement aborted by a concurrent transaction: ${message}`,
    );
  return new SnowflakeSqlError('000603', 'XX000', `SQL execution internal error: ${message}`);
}
