/**
 * The GoogleSQL subset the BigQuery emulator accepts, translated token by token into DuckDB SQL.
 *
 * Accepted: SELECT/WITH, INSERT, UPDATE … WHERE, DELETE … WHERE, MERGE, TRUNCATE TABLE, CREATE
 * [OR REPLACE] [TEMP] TABLE [IF NOT EXISTS] (…) | AS SELECT, CREATE [OR REPLACE] VIEW, CREATE SCHEMA,
 * DROP TABLE/VIEW/SCHEMA, ALTER TABLE ADD COLUMN, BEGIN/COMMIT/ROLLBACK TRANSACTION, CALL
 * BQ.ABORT_SESSION(). Function calls are checked and rewritten first (googlesql-functions.ts). Backtick paths
 * (`project.dataset.table`), 'single' and "double" quoted string literals (double quotes are
 * strings in GoogleSQL, not identifiers), `?` and `@name` parameters, GoogleSQL type names in CAST
 * and column definitions. Anything else fails with a message that names the construct, the way
 * BigQuery would reject it, rather than running through DuckDB's more lenient dialect.
 */

import { rewriteFunctions } from './googlesql-functions.ts';

export class GoogleSqlError extends Error {
  readonly reason: string;
  constructor(message: string, reason = 'invalidQuery') {
    super(message);
    this.reason = reason;
  }
}

type TokenKind = 'ws' | 'comment' | 'string' | 'quoted' | 'number' | 'word' | 'param' | 'punct';
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Decoded value: the string's content, the backtick identifier's content, the parameter's name. */
  readonly value: string;
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const start = i;
    if (/\s/.test(c)) {
      while (i < n && /\s/.test(sql[i]!)) i++;
      tokens.push({ kind: 'ws', text: sql.slice(start, i), value: ' ' });
    } else if ((c === '-' && sql[i + 1] === '-') || c === '#') {
      while (i < n && sql[i] !== '\n') i++;
      tokens.push({ kind: 'comment', text: sql.slice(start, i), value: '' });
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) throw new GoogleSqlError('Syntax error: unclosed comment');
      i = end + 2;
      tokens.push({ kind: 'comment', text: sql.slice(start, i), value: '' });
    } else if (c === "'" || c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= n) throw new GoogleSqlError(`Syntax error: unclosed string literal at [${start}]`);
        const d = sql[i]!;
        if (d === '\\') {
          const e = sql[i + 1] ?? '';
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          i += 2;
        } else if (d === c) {
          i++;
          break;
        } else {
          value += d;
          i++;
        }
      }
      tokens.push({ kind: 'string', text: sql.slice(start, i), value });
    } else if (c === '`') {
      const end = sql.indexOf('`', i + 1);
      if (end < 0) throw new GoogleSqlError('Syntax error: unclosed identifier');
      i = end + 1;
      tokens.push({ kind: 'quoted', text: sql.slice(start, i), value: sql.slice(start + 1, end) });
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      while (i < n && /[0-9.eE]/.test(sql[i]!)) i++;
      tokens.push({ kind: 'number', text: sql.slice(start, i), value: sql.slice(start, i) });
    } else if (/[A-Za-z_]/.test(c)) {
      while (i < n && /[A-Za-z0-9_]/.test(sql[i]!)) i++;
      tokens.push({ kind: 'word', text: sql.slice(start, i), value: sql.slice(start, i).toUpperCase() });
    } else if (c === '@' && sql[i + 1] !== '@') {
      i++;
      while (i < n && /[A-Za-z0-9_]/.test(sql[i]!)) i++;
      tokens.push({ kind: 'param', text: sql.slice(start, i), value: sql.slice(start + 1, i) });
    } else if (c === '?') {
      i++;
      tokens.push({ kind: 'param', text: '?', value: '' });
    } else {
      const two = sql.slice(i, i + 2);
      i += ['<=', '>=', '<>', '!=', '||'].includes(two) ? 2 : 1;
      tokens.push({ kind: 'punct', text: sql.slice(start, i), value: sql.slice(start, i) });
    }
  }
  return tokens;
}

/** Splits a script on top-level semicolons; empty statements are dropped. */
export function splitStatements(sql: string): Token[][] {
  const statements: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokenize(sql)) {
    if (token.kind === 'punct' && token.text === ';') {
      statements.push(current);
      current = [];
    } else current.push(token);
  }
  statements.push(current);
  return statements.filter((s) => s.some((t) => t.kind !== 'ws' && t.kind !== 'comment'));
}

function significant(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind !== 'ws' && t.kind !== 'comment');
}

/** GoogleSQL type name → DuckDB type (the parameterised NUMERIC/STRING keep their arguments). */
const TYPES: Readonly<Record<string, string>> = {
  STRING: 'VARCHAR',
  BYTES: 'BLOB',
  INT64: 'BIGINT',
  INT: 'BIGINT',
  INTEGER: 'BIGINT',
  SMALLINT: 'BIGINT',
  BIGINT: 'BIGINT',
  TINYINT: 'BIGINT',
  BYTEINT: 'BIGINT',
  FLOAT64: 'DOUBLE',
  NUMERIC: 'DECIMAL',
  DECIMAL: 'DECIMAL',
  BOOL: 'BOOLEAN',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  DATETIME: 'TIMESTAMP',
  TIMESTAMP: 'TIMESTAMPTZ',
  TIME: 'TIME',
  JSON: 'JSON',
};

export type StatementKind =
  | 'query'
  | 'insert'
  | 'update'
  | 'delete'
  | 'merge'
  | 'truncate'
  | 'create-table'
  | 'create-schema'
  | 'create-view'
  | 'drop-table'
  | 'drop-view'
  | 'drop-schema'
  | 'alter-table'
  | 'begin'
  | 'commit'
  | 'rollback'
  | 'abort-session';

export const DDL_KINDS: ReadonlySet<StatementKind> = new Set([
  'truncate',
  'create-table',
  'create-schema',
  'create-view',
  'drop-table',
  'drop-view',
  'drop-schema',
  'alter-table',
]);
export const DML_KINDS: ReadonlySet<StatementKind> = new Set(['insert', 'update', 'delete', 'merge']);

export interface ParamRef {
  /** Index into the positional parameters, or the name of a named one. */
  readonly key: number | string;
}

export interface TranslatedStatement {
  readonly kind: StatementKind;
  /** DuckDB SQL with `$n` placeholders, each wrapped in a CAST to its declared type. */
  readonly sql: string;
  /** Parameter for each `$n`, in order ($1 first). */
  readonly params: readonly ParamRef[];
  /** DDL target is a temporary table (the only DDL BigQuery allows inside a transaction). */
  readonly temporary: boolean;
  /** MERGE only: the parts the duplicate-match check is built from. */
  readonly merge?: MergeParts;
  /** The statement as sent, for messages. */
  readonly text: string;
  /** Positional parameters used up to the end of this statement. */
  readonly positionalEnd: number;
  /** Datasets whose INFORMATION_SCHEMA the statement reads (BigQuery fails when one is missing). */
  readonly informationSchemaDatasets: readonly string[];
}

export interface MergeParts {
  readonly target: string;
  readonly targetAlias: string;
  readonly source: string;
  readonly sourceAlias: string;
  readonly on: string;
  readonly hasMatched: boolean;
}

function classify(sig: readonly Token[]): { kind: StatementKind; temporary: boolean } {
  const w = (i: number) => (sig[i]?.kind === 'word' ? sig[i]!.value : sig[i]?.text);
  const first = w(0);
  switch (first) {
    case 'SELECT':
    case 'WITH':
    case '(':
      return { kind: 'query', temporary: false };
    case 'INSERT':
      return { kind: 'insert', temporary: false };
    case 'UPDATE':
      return { kind: 'update', temporary: false };
    case 'DELETE':
      return { kind: 'delete', temporary: false };
    case 'MERGE':
      return { kind: 'merge', temporary: false };
    case 'TRUNCATE':
      return { kind: 'truncate', temporary: false };
    case 'BEGIN':
      if (sig.length === 1 || w(1) === 'TRANSACTION') return { kind: 'begin', temporary: false };
      break;
    case 'COMMIT':
      return { kind: 'commit', temporary: false };
    case 'ROLLBACK':
      return { kind: 'rollback', temporary: false };
    case 'CALL':
      if (sig.map((t) => t.text.toUpperCase()).join('') === 'CALLBQ.ABORT_SESSION()')
        return { kind: 'abort-session', temporary: false };
      break;
    case 'CREATE': {
      let i = 1;
      if (w(i) === 'OR' && w(i + 1) === 'REPLACE') i += 2;
      const temporary = w(i) === 'TEMP' || w(i) === 'TEMPORARY';
      if (temporary) i++;
      if (w(i) === 'TABLE') return { kind: 'create-table', temporary };
      if (w(i) === 'SCHEMA') return { kind: 'create-schema', temporary: false };
      if (w(i) === 'VIEW' && !temporary) return { kind: 'create-view', temporary: false };
      break;
    }
    case 'DROP':
      if (w(1) === 'TABLE') return { kind: 'drop-table', temporary: false };
      if (w(1) === 'SCHEMA') return { kind: 'drop-schema', temporary: false };
      if (w(1) === 'VIEW') return { kind: 'drop-view', temporary: false };
      break;
    case 'ALTER':
      if (w(1) === 'TABLE') return { kind: 'alter-table', temporary: false };
      break;
  }
  const head = sig
    .slice(0, 3)
    .map((t) => t.text)
    .join(' ');
  throw new GoogleSqlError(
    `the BigQuery emulator does not support "${head} …": it is outside the documented GoogleSQL subset (test/emulators/bigquery/googlesql.ts)`,
  );
}

function duckIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function duckString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export interface TranslateOptions {
  /** The job's project: a three-part path in it drops the project part. */
  readonly projectId: string;
  /** Declared type of each parameter (positional index or name) → DuckDB type. */
  readonly paramType: (key: number | string) => string;
  /** Positional parameters used by the statements before this one in a script. */
  readonly firstPositional?: number;
}

/** Translates one statement (tokens from splitStatements). */
export function translateStatement(
  statement: readonly Token[],
  options: TranslateOptions,
): TranslatedStatement {
  const sig = significant(statement);
  const { kind, temporary: temp } = classify(sig);
  const tokens = rewriteFunctions(statement);
  let temporary = temp;
  const out: string[] = [];
  const params: ParamRef[] = [];
  const datasets: string[] = [];
  let positional = options.firstPositional ?? 0;
  // Per open parenthesis: the word before it (CAST, a table name, …), to know where types are.
  const parens: string[] = [];
  let prev: Token | undefined;
  let prevPrev: Token | undefined;
  const ddlColumns = kind === 'create-table' || kind === 'alter-table';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'ws' || t.kind === 'comment') {
      out.push(' ');
      continue;
    }
    const inCast = parens.at(-1) === 'CAST' || parens.at(-1) === 'SAFE_CAST';
    const typePosition =
      (inCast && prev?.kind === 'word' && prev.value === 'AS') ||
      (ddlColumns && isColumnTypePosition(kind, parens, prev, prevPrev));
    switch (t.kind) {
      case 'string':
        out.push(duckString(t.value));
        break;
      case 'number':
        // A literal with a point or an exponent is FLOAT64 in GoogleSQL (NUMERIC needs NUMERIC '…'
        // or a CAST); DuckDB would read 0.01 as an exact decimal.
        out.push(/[.eE]/.test(t.text) ? `CAST(${t.text} AS DOUBLE)` : t.text);
        break;
      case 'quoted': {
        const parts = t.value.split('.');
        const named = parts.length === 3 && parts[0] === options.projectId ? parts.slice(1) : parts;
        const view = informationSchemaView(tokens, i);
        if (view && named.length === 1) {
          datasets.push(named[0]!);
          out.push(informationSchema(named[0]!, view.name));
          i = view.end;
          break;
        }
        out.push(named.map(duckIdent).join('.'));
        break;
      }
      case 'param': {
        const key = t.value === '' ? positional++ : t.value;
        params.push({ key });
        out.push(`CAST($${params.length} AS ${options.paramType(key)})`);
        break;
      }
      case 'word': {
        if (typePosition) {
          out.push(translateType(t.value, tokens, i));
          break;
        }
        if (t.value === 'SAFE_CAST') out.push('TRY_CAST');
        else if (kind === 'merge' && t.value === 'MERGE' && nextWord(tokens, i) !== 'INTO')
          out.push('MERGE INTO');
        else if (
          (kind === 'begin' || kind === 'commit' || kind === 'rollback') &&
          (t.value === 'TRANSACTION' || t.value === 'TRAN')
        )
          out.push('');
        else if (t.value === 'CURRENT_TIMESTAMP' && nextText(tokens, i) === '(') {
          out.push('current_timestamp');
          i = skipEmptyCall(tokens, i);
        } else out.push(t.text);
        break;
      }
      case 'punct':
        if (t.text === '(')
          parens.push(prev?.kind === 'word' ? prev.value : prev?.kind === 'quoted' ? 'TABLE' : '');
        else if (t.text === ')') parens.pop();
        out.push(t.text);
        break;
      default:
        out.push(t.text);
    }
    prevPrev = prev;
    prev = t;
  }
  if (
    (kind === 'update' || kind === 'delete') &&
    !sig.some((t) => t.kind === 'word' && t.value === 'WHERE')
  ) {
    throw new GoogleSqlError(`${kind.toUpperCase()} must have a WHERE clause`);
  }
  if (kind === 'drop-table' || kind === 'truncate') {
    // A one-part name in a DROP or TRUNCATE is a script's temporary table.
    const names = sig.filter((x) => x.kind === 'quoted' || (x.kind === 'word' && !KEYWORDS.has(x.value)));
    temporary = names.length === 1 && !names[0]!.value.includes('.') && !sig.some((x) => x.text === '.');
  }
  const sql = out.join('').replace(/\s+/g, ' ').trim();
  return {
    kind,
    sql,
    params,
    temporary,
    text: sig.map((x) => x.text).join(' '),
    positionalEnd: positional,
    informationSchemaDatasets: datasets,
    ...(kind === 'merge' ? { merge: mergeParts(sql) } : {}),
  };
}

const KEYWORDS = new Set(['DROP', 'TABLE', 'IF', 'EXISTS', 'TRUNCATE']);

/** `dataset`.INFORMATION_SCHEMA.TABLES|COLUMNS right after token i: the view and its last token. */
function informationSchemaView(tokens: readonly Token[], i: number): { name: string; end: number } | null {
  const next: number[] = [];
  for (let j = i + 1; j < tokens.length && next.length < 4; j++) {
    if (tokens[j]!.kind !== 'ws' && tokens[j]!.kind !== 'comment') next.push(j);
  }
  const text = next.map((j) => tokens[j]!.text.toUpperCase());
  if (text[0] !== '.' || text[1] !== 'INFORMATION_SCHEMA' || text[2] !== '.') return null;
  if (text[3] !== 'TABLES' && text[3] !== 'COLUMNS') {
    throw new GoogleSqlError(
      `the BigQuery emulator serves INFORMATION_SCHEMA.TABLES and COLUMNS only, not ${text[3]}`,
    );
  }
  return { name: text[3], end: next[3]! };
}

/**
 * A dataset's INFORMATION_SCHEMA view over DuckDB's catalog, with GoogleSQL type names in
 * COLUMNS.data_type (DECIMAL(38,9) is reported as NUMERIC(38,9)).
 */
function informationSchema(dataset: string, view: string): string {
  const where = `WHERE table_schema = ${duckString(dataset)}`;
  if (view === 'TABLES') {
    return `(SELECT table_catalog, table_schema, table_name, CASE table_type WHEN 'BASE TABLE' THEN 'BASE TABLE' ELSE table_type END AS table_type FROM information_schema.tables ${where})`;
  }
  const type = `CASE data_type WHEN 'VARCHAR' THEN 'STRING' WHEN 'BIGINT' THEN 'INT64' WHEN 'INTEGER' THEN 'INT64' WHEN 'BOOLEAN' THEN 'BOOL' WHEN 'DOUBLE' THEN 'FLOAT64' WHEN 'TIMESTAMP WITH TIME ZONE' THEN 'TIMESTAMP' WHEN 'TIMESTAMP' THEN 'DATETIME' ELSE replace(data_type, 'DECIMAL', 'NUMERIC') END`;
  return `(SELECT table_catalog, table_schema, table_name, column_name, ordinal_position, is_nullable, ${type} AS data_type FROM information_schema.columns ${where})`;
}

function nextWord(tokens: readonly Token[], i: number): string | undefined {
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind === 'ws' || t.kind === 'comment') continue;
    return t.kind === 'word' ? t.value : undefined;
  }
  return undefined;
}

function nextText(tokens: readonly Token[], i: number): string | undefined {
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind !== 'ws' && t.kind !== 'comment') return t.text;
  }
  return undefined;
}

function skipEmptyCall(tokens: readonly Token[], i: number): number {
  let j = i + 1;
  while (tokens[j]?.kind === 'ws') j++;
  if (tokens[j]?.text !== '(') return i;
  j++;
  while (tokens[j]?.kind === 'ws') j++;
  return tokens[j]?.text === ')' ? j : i;
}

/** In CREATE TABLE (col TYPE, …) and ALTER TABLE … ADD COLUMN [IF NOT EXISTS] col TYPE. */
function isColumnTypePosition(
  kind: StatementKind,
  parens: readonly string[],
  prev: Token | undefined,
  prevPrev: Token | undefined,
): boolean {
  if (prev === undefined || (prev.kind !== 'word' && prev.kind !== 'quoted')) return false;
  if (kind === 'create-table') {
    if (parens.length !== 1 || parens[0] !== 'TABLE') return false;
    return prevPrev?.text === '(' || prevPrev?.text === ',';
  }
  return (
    parens.length === 0 &&
    prevPrev?.kind === 'word' &&
    (prevPrev.value === 'COLUMN' || prevPrev.value === 'EXISTS')
  );
}

function translateType(name: string, tokens: readonly Token[], i: number): string {
  if (name === 'BIGNUMERIC' || name === 'BIGDECIMAL') {
    throw new GoogleSqlError(
      `the BigQuery emulator cannot store ${name}: DuckDB decimals stop at 38 digits; use NUMERIC(38,9)`,
    );
  }
  const mapped = TYPES[name];
  if (mapped === undefined) throw new GoogleSqlError(`Type not found: ${name}`);
  if (mapped === 'DECIMAL' && nextText(tokens, i) !== '(') return 'DECIMAL(38,9)';
  if (mapped === 'DECIMAL') checkNumericParameters(name, tokens, i);
  if (mapped === 'VARCHAR' && nextText(tokens, i) === '(') return 'VARCHAR';
  return mapped;
}

/**
 * NUMERIC(P[, S]) as BigQuery allows it: 0 ≤ S ≤ 9 and max(1, S) ≤ P ≤ S + 29 (precision 38, scale 2
 * is BIGNUMERIC's range there, though DuckDB would take it).
 */
function checkNumericParameters(name: string, tokens: readonly Token[], i: number): void {
  const sig: Token[] = [];
  for (let j = i + 1; j < tokens.length && sig.at(-1)?.text !== ')'; j++) {
    if (tokens[j]!.kind !== 'ws' && tokens[j]!.kind !== 'comment') sig.push(tokens[j]!);
  }
  const p = Number(sig[1]?.text);
  const s = sig[2]?.text === ',' ? Number(sig[3]?.text) : 0;
  if (
    !(Number.isInteger(p) && Number.isInteger(s) && s >= 0 && s <= 9 && p >= Math.max(1, s) && p <= s + 29)
  ) {
    throw new GoogleSqlError(
      `Invalid ${name} type parameters: ${sig.map((t) => t.text).join('')} (scale 0 to 9, precision from max(1, scale) to scale + 29)`,
    );
  }
}

/** MERGE INTO target [AS] t USING source [AS] s ON cond WHEN …, read from the translated text. */
function mergeParts(sql: string): MergeParts {
  const tokens = tokenize(sql);
  let depth = 0;
  const marks: Record<string, number> = {};
  tokens.forEach((t, i) => {
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (depth === 0 && t.kind === 'word' && ['USING', 'ON', 'WHEN'].includes(t.value)) {
      if (marks[t.value] === undefined) marks[t.value] = i;
    }
  });
  const text = (from: number, to: number) =>
    tokens
      .slice(from, to)
      .map((t) => t.text)
      .join('')
      .trim();
  const splitAlias = (part: string) => {
    const m = /^(.*?)\s+(?:AS\s+)?("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_]*)$/is.exec(part);
    if (!m) throw new GoogleSqlError(`MERGE needs an alias for "${part}" in the emulator`);
    return { what: m[1]!.trim(), alias: m[2]! };
  };
  const intoEnd = tokens.findIndex((t) => t.kind === 'word' && t.value === 'INTO');
  const target = splitAlias(text(intoEnd + 1, marks['USING']!));
  const source = splitAlias(text(marks['USING']! + 1, marks['ON']!));
  const on = text(marks['ON']! + 1, marks['WHEN']!);
  const rest = tokens.slice(marks['WHEN']!).map((t) => (t.kind === 'word' ? t.value : t.text));
  const hasMatched = rest.some(
    (w, i) => w === 'WHEN' && rest.slice(i + 1).find((x) => x.trim() !== '') === 'MATCHED',
  );
  return {
    target: target.what,
    targetAlias: target.alias,
    source: source.what,
    sourceAlias: source.alias,
    on,
    hasMatched,
  };
}
