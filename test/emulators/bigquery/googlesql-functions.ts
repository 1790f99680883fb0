/**
 * GoogleSQL function calls, checked and rewritten for DuckDB before the statement is translated.
 *
 * BigQuery and DuckDB share many function names but not always their meaning: DATE_DIFF takes its
 * arguments in the other order, CONCAT and GREATEST return NULL on any NULL argument in BigQuery but
 * skip NULLs in DuckDB, EXTRACT(DAYOFWEEK) counts from 1, DATE_ADD keeps a DATE a DATE. So a call is
 * accepted only when its function is listed here, either as having the same meaning in both or with a
 * rewrite; any other function fails the way BigQuery fails an unknown one ("Function not found"), and
 * a date part a rewrite does not cover fails with a message naming it, never a guess.
 */
import { GoogleSqlError, type Token, tokenize } from './googlesql.ts';

type Args = readonly (readonly Token[])[];

const significant = (tokens: readonly Token[]) =>
  tokens.filter((t) => t.kind !== 'ws' && t.kind !== 'comment');
const text = (tokens: readonly Token[]) =>
  tokens
    .map((t) => t.text)
    .join('')
    .trim();

/** Functions whose DuckDB namesake (or the name given) has BigQuery's meaning for the same arguments. */
const SAME: Readonly<Record<string, string>> = {
  ABS: 'abs',
  AVG: 'avg',
  CEIL: 'ceil',
  CEILING: 'ceil',
  COALESCE: 'coalesce',
  COUNT: 'count',
  COUNTIF: 'count_if',
  FLOOR: 'floor',
  IF: 'if',
  IFNULL: 'ifnull',
  // Window navigation: LEAD/LAG(expr [, offset [, default]]) OVER (...), NULL past the ends in both.
  LAG: 'lag',
  LEAD: 'lead',
  LENGTH: 'length',
  LOGICAL_AND: 'bool_and',
  LOGICAL_OR: 'bool_or',
  LOWER: 'lower',
  LTRIM: 'ltrim',
  MAX: 'max',
  MIN: 'min',
  // Sign of the dividend in both.
  MOD: 'mod',
  NULLIF: 'nullif',
  RANK: 'rank',
  DENSE_RANK: 'dense_rank',
  REPLACE: 'replace',
  // Half away from zero in both, for NUMERIC and FLOAT64.
  ROUND: 'round',
  ROW_NUMBER: 'row_number',
  RTRIM: 'rtrim',
  SIGN: 'sign',
  STARTS_WITH: 'starts_with',
  ENDS_WITH: 'ends_with',
  STRING_AGG: 'string_agg',
  SUM: 'sum',
  TRIM: 'trim',
  UPPER: 'upper',
};

/** Date parts whose boundaries DuckDB counts and truncates as BigQuery does (WEEK starts on Sunday there). */
const CALENDAR_PARTS = new Set(['DAY', 'MONTH', 'QUARTER', 'YEAR']);
const TRUNC_PARTS = new Set([...CALENDAR_PARTS, 'HOUR', 'MINUTE', 'SECOND']);

function part(fn: string, tokens: readonly Token[] | undefined, allowed: ReadonlySet<string>): string {
  const sig = significant(tokens ?? []);
  const name = sig.length === 1 && sig[0]!.kind === 'word' ? sig[0]!.value : text(tokens ?? []);
  if (!allowed.has(name)) {
    throw new GoogleSqlError(
      `the BigQuery emulator does not translate ${fn} with date part ${name || '(none)'}: it covers ${[...allowed].join(', ')}`,
    );
  }
  return name.toLowerCase();
}

function arity(fn: string, args: Args, min: number, max = min): void {
  if (args.length < min || args.length > max) {
    throw new GoogleSqlError(
      `No matching signature for function ${fn}: ${args.length} argument${args.length === 1 ? '' : 's'}`,
    );
  }
}

/** `INTERVAL <int64 expression> <part>` → the expression and the part. */
function interval(fn: string, tokens: readonly Token[]): { amount: string; part: string } {
  const sig = significant(tokens);
  const first = sig[0];
  const last = sig.at(-1);
  if (first?.kind !== 'word' || first.value !== 'INTERVAL' || last?.kind !== 'word' || sig.length < 3) {
    throw new GoogleSqlError(`${fn} expects INTERVAL <int64> <date part> as its second argument`);
  }
  const start = tokens.indexOf(first) + 1;
  const end = tokens.lastIndexOf(last);
  return {
    amount: text(tokens.slice(start, end)),
    part: part(fn, [last], new Set([...CALENDAR_PARTS, 'WEEK'])),
  };
}

type Rewrite = (args: Args, fn: string) => string;

const diff: Rewrite = (args, fn) => {
  arity(fn, args, 3);
  // BigQuery: DATE_DIFF(later, earlier, part) counts part boundaries; DuckDB: date_diff(part, earlier, later).
  return `date_diff('${part(fn, args[2], CALENDAR_PARTS)}', ${text(args[1]!)}, ${text(args[0]!)})`;
};

const add =
  (sign: '' | '-', cast: 'DATE' | 'DATETIME'): Rewrite =>
  (args, fn) => {
    arity(fn, args, 2);
    const { amount, part: p } = interval(fn, args[1]!);
    const unit = p === 'week' ? `(${sign}7 * (${amount})) day` : `(${sign}(${amount})) ${p}`;
    // DuckDB's date + interval is a timestamp; BigQuery keeps the argument's type.
    return `CAST(date_add(${text(args[0]!)}, INTERVAL ${unit}) AS ${cast})`;
  };

const REWRITES: Readonly<Record<string, Rewrite>> = {
  DATE_DIFF: diff,
  DATETIME_DIFF: diff,
  DATE_ADD: add('', 'DATE'),
  DATE_SUB: add('-', 'DATE'),
  DATETIME_ADD: add('', 'DATETIME'),
  DATETIME_SUB: add('-', 'DATETIME'),
  DATE_TRUNC: (args, fn) => {
    arity(fn, args, 2);
    return `CAST(date_trunc('${part(fn, args[1], CALENDAR_PARTS)}', ${text(args[0]!)}) AS DATE)`;
  },
  DATETIME_TRUNC: (args, fn) => {
    arity(fn, args, 2);
    return `CAST(date_trunc('${part(fn, args[1], TRUNC_PARTS)}', ${text(args[0]!)}) AS DATETIME)`;
  },
  TIMESTAMP_TRUNC: (args, fn) => {
    // The emulator's sessions run in UTC, BigQuery's default time zone for TIMESTAMP_TRUNC.
    arity(fn, args, 2);
    return `CAST(date_trunc('${part(fn, args[1], TRUNC_PARTS)}', ${text(args[0]!)}) AS TIMESTAMP)`;
  },
  LAST_DAY: (args, fn) => {
    arity(fn, args, 1, 2);
    const p = args[1] ? part(fn, args[1], new Set(['MONTH', 'QUARTER', 'YEAR'])) : 'month';
    if (p === 'month') return `last_day(${text(args[0]!)})`;
    return `CAST(date_add(date_trunc('${p}', ${text(args[0]!)}), INTERVAL (${p === 'year' ? 12 : 3}) month) - INTERVAL 1 day AS DATE)`;
  },
  EXTRACT: (args, fn) => {
    arity(fn, args, 1);
    const sig = significant(args[0]!);
    if (sig[1]?.kind !== 'word' || sig[1].value !== 'FROM') {
      throw new GoogleSqlError('EXTRACT expects EXTRACT(<part> FROM <expression>)');
    }
    const from = args[0]!.indexOf(sig[1]);
    const value = text(args[0]!.slice(from + 1));
    if (sig[0]?.kind === 'word' && sig[0].value === 'DAYOFWEEK') {
      return `(EXTRACT(dow FROM ${value}) + 1)`; // BigQuery: Sunday is 1; DuckDB: Sunday is 0.
    }
    const p = part(fn, [sig[0]!], new Set([...TRUNC_PARTS, 'DAYOFYEAR']));
    return `EXTRACT(${p === 'dayofyear' ? 'doy' : p} FROM ${value})`;
  },
  // NULL when any argument is NULL, as in BigQuery (DuckDB's concat skips NULLs; its || does not).
  CONCAT: (args, fn) => {
    arity(fn, args, 1, Number.POSITIVE_INFINITY);
    return `(${args.map((a) => `(${text(a)})`).join(' || ')})`;
  },
  GREATEST: (args, fn) => nullIfAnyNull(args, fn, 'greatest'),
  LEAST: (args, fn) => nullIfAnyNull(args, fn, 'least'),
  SUBSTR: substr,
  SUBSTRING: substr,
  MD5: (args, fn) => {
    arity(fn, args, 1);
    return `unhex(md5(${text(args[0]!)}))`; // BYTES, as in BigQuery
  },
  TO_HEX: (args, fn) => {
    arity(fn, args, 1);
    return `lower(hex(${text(args[0]!)}))`;
  },
  CURRENT_DATE: (args, fn) => {
    arity(fn, args, 0);
    return 'current_date';
  },
  CURRENT_TIMESTAMP: (args, fn) => {
    arity(fn, args, 0);
    return 'current_timestamp';
  },
};

function nullIfAnyNull(args: Args, fn: string, duck: string): string {
  arity(fn, args, 1, Number.POSITIVE_INFINITY);
  const values = args.map((a) => `(${text(a)})`);
  return `(CASE WHEN ${values.map((v) => `${v} IS NULL`).join(' OR ')} THEN NULL ELSE ${duck}(${values.join(', ')}) END)`;
}

function substr(args: Args, fn: string): string {
  arity(fn, args, 2, 3);
  // BigQuery reads position 0 as 1; DuckDB would take one character less.
  const position = `(CASE WHEN (${text(args[1]!)}) = 0 THEN 1 ELSE (${text(args[1]!)}) END)`;
  return `substr(${text(args[0]!)}, ${position}${args[2] ? `, ${text(args[2])}` : ''})`;
}

/** Words that are followed by a parenthesis without being a function call. */
const NOT_CALLS = new Set([
  'ALL',
  'AND',
  'AS',
  'BETWEEN',
  'BY',
  'CASE',
  'CAST',
  'DISTINCT',
  'ELSE',
  'EXISTS',
  'FROM',
  'HAVING',
  'IN',
  'INSERT',
  'INTERVAL',
  'IS',
  'JOIN',
  'LIKE',
  'NOT',
  'ON',
  'OR',
  'OVER',
  'QUALIFY',
  'RETURNING',
  'SAFE_CAST',
  'SELECT',
  'SET',
  'THEN',
  'UNION',
  'USING',
  'VALUES',
  'WHEN',
  'WHERE',
  'WITH',
]);

/** A name after these is a table (its parenthesis a column list). */
const TABLE_BEFORE = new Set(['INTO', 'TABLE', 'EXISTS', 'UPDATE', 'FROM', 'JOIN']);

/**
 * Parameterised GoogleSQL types: `NUMERIC(38, 9)` or `STRING(10)` in a CAST or a column definition is
 * a type, not a call. DATE(…), TIMESTAMP(…) and the like are functions (not translated here).
 */
const TYPE_NAMES = new Set(['STRING', 'BYTES', 'NUMERIC', 'DECIMAL', 'BIGNUMERIC', 'BIGDECIMAL']);

function nextSignificant(tokens: readonly Token[], i: number): number {
  for (let j = i + 1; j < tokens.length; j++) {
    if (tokens[j]!.kind !== 'ws' && tokens[j]!.kind !== 'comment') return j;
  }
  return -1;
}

function lastSignificant(tokens: readonly Token[]): Token | undefined {
  for (let j = tokens.length - 1; j >= 0; j--) {
    if (tokens[j]!.kind !== 'ws' && tokens[j]!.kind !== 'comment') return tokens[j];
  }
  return undefined;
}

function matching(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    if (tokens[j]!.text === '(') depth++;
    else if (tokens[j]!.text === ')' && --depth === 0) return j;
  }
  throw new GoogleSqlError('Syntax error: unclosed parenthesis');
}

function splitArgs(tokens: readonly Token[]): Token[][] {
  if (significant(tokens).length === 0) return [];
  const args: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    if (depth === 0 && t.text === ',') args.push([]);
    else args.at(-1)!.push(t);
  }
  return args;
}

/**
 * CAST(x AS STRING) of a NUMERIC drops trailing zeros in BigQuery (12.50 → '12.5', 1.000 → '1');
 * DuckDB keeps the scale's digits. Other casts are left to the statement's translation.
 */
function castCall(fn: string, inner: readonly Token[]): string {
  let depth = 0;
  let as = -1;
  inner.forEach((t, i) => {
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (depth === 0 && t.kind === 'word' && t.value === 'AS') as = i;
  });
  const type = significant(inner.slice(as + 1));
  if (as < 0 || type.length !== 1 || type[0]!.value !== 'STRING') return `${fn}(${text(inner)})`;
  const value = `(${text(inner.slice(0, as))})`;
  const cast = `${fn}(${value} AS STRING)`;
  return `(CASE WHEN typeof(${value}) LIKE 'DECIMAL%' AND ${cast} LIKE '%.%' THEN rtrim(rtrim(${cast}, '0'), '.') ELSE ${cast} END)`;
}

/** Checks and rewrites every function call of a statement (tokens from splitStatements). */
export function rewriteFunctions(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const open = t.kind === 'word' ? nextSignificant(tokens, i) : -1;
    const before = lastSignificant(out);
    const isCall =
      open >= 0 &&
      tokens[open]!.text === '(' &&
      !NOT_CALLS.has(t.value) &&
      !TYPE_NAMES.has(t.value) &&
      before?.text !== '.' &&
      !(before?.kind === 'word' && TABLE_BEFORE.has(before.value));
    if ((t.value === 'CAST' || t.value === 'SAFE_CAST') && t.kind === 'word' && tokens[open]?.text === '(') {
      const close = matching(tokens, open);
      out.push(...tokenize(castCall(t.value, rewriteFunctions(tokens.slice(open + 1, close)))));
      i = close;
      continue;
    }
    if (!isCall) {
      out.push(t);
      continue;
    }
    const close = matching(tokens, open);
    const args = splitArgs(tokens.slice(open + 1, close)).map(rewriteFunctions);
    const same = SAME[t.value];
    const rewrite = REWRITES[t.value];
    if (same === undefined && rewrite === undefined) {
      throw new GoogleSqlError(
        `Function not found: ${t.text} (the BigQuery emulator translates the functions listed in test/emulators/bigquery/googlesql-functions.ts)`,
      );
    }
    const call = rewrite ? rewrite(args, t.value) : `${same}(${args.map(text).join(', ')})`;
    out.push(...tokenize(call));
    i = close;
  }
  return out;
}
