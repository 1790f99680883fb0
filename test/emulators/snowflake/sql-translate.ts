/**
 * The emulator's SQL subset: Snowflake statements translated token by token into DuckDB. Anything
 * outside the subset (an unknown function, type, statement or option) is refused with Snowflake's
 * "unsupported feature" error, never guessed. The subset is listed in README.md beside this file.
 *
 * Identifiers: Snowflake folds unquoted names to upper case and compares quoted names exactly;
 * DuckDB compares every name case-insensitively, even quoted. So each Snowflake name is encoded
 * into a DuckDB name that is unique case-insensitively: every upper-case letter becomes `^` and
 * its lower-case form (`GL_DETAIL` → `^g^l_^d^e^t^a^i^l`, `gl_detail` stays). `"gl_detail"` and
 * `gl_detail` are then two different tables, as in Snowflake. Names are decoded in every reply.
 */
import { SnowflakeSqlError, unsupported } from './errors.ts';
import { type Token, tokenize } from './sql-lexer.ts';

export function encodeName(name: string): string {
  return name.replace(/[A-Z^]/g, (c) => (c === '^' ? '^^' : `^${c.toLowerCase()}`));
}

export function decodeName(name: string): string {
  return name.replace(/\^(.)/gs, (_, c: string) => (c === '^' ? '^' : c.toUpperCase()));
}

export function quoteDuck(name: string): string {
  return `"${encodeName(name).replace(/"/g, '""')}"`;
}

/** Words passed through as SQL keywords. */
const KEYWORDS = new Set(
  `SELECT FROM WHERE AND OR NOT NULL IS IN AS ON JOIN LEFT RIGHT INNER OUTER FULL CROSS GROUP BY ORDER ASC DESC
  NULLS FIRST LAST LIMIT OFFSET HAVING QUALIFY OVER PARTITION DISTINCT CASE WHEN THEN ELSE END INSERT INTO
  VALUES UPDATE SET DELETE MERGE USING MATCHED CREATE TABLE SCHEMA IF EXISTS ALTER ADD COLUMN DROP
  DEFAULT TRUE FALSE UNION ALL EXCEPT INTERSECT WITH BETWEEN LIKE ILIKE ROWS RANGE UNBOUNDED PRECEDING
  FOLLOWING CURRENT ROW REPLACE OR VIEW`.split(/\s+/),
);

/**
 * NUMBER(p,s) with a scale: DECIMAL(p,s). With scale 0 (and the INT family, NUMBER(38,0) in
 * Snowflake): HUGEINT, which holds every 38-digit integer and which DuckDB parses from text ~200x
 * faster than DECIMAL(38,0); its precision is not enforced, and `/` on it gives a DOUBLE.
 */
function number(a: readonly string[]): string {
  const scale = Number(a[1] ?? 0);
  return scale === 0 ? 'HUGEINT' : `DECIMAL(${a[0] ?? 38},${scale})`;
}

/** Snowflake type → DuckDB type (timestamps at DuckDB's microseconds). */
const TYPES: Readonly<Record<string, (args: readonly string[]) => string>> = {
  NUMBER: number,
  NUMERIC: number,
  DECIMAL: number,
  INT: () => 'HUGEINT',
  INTEGER: () => 'HUGEINT',
  BIGINT: () => 'HUGEINT',
  SMALLINT: () => 'HUGEINT',
  FLOAT: () => 'DOUBLE',
  DOUBLE: () => 'DOUBLE',
  REAL: () => 'DOUBLE',
  VARCHAR: () => 'VARCHAR',
  STRING: () => 'VARCHAR',
  TEXT: () => 'VARCHAR',
  CHAR: () => 'VARCHAR',
  BOOLEAN: () => 'BOOLEAN',
  DATE: () => 'DATE',
  TIME: () => 'TIME',
  TIMESTAMP: () => 'TIMESTAMP',
  TIMESTAMP_NTZ: () => 'TIMESTAMP',
  TIMESTAMPNTZ: () => 'TIMESTAMP',
  DATETIME: () => 'TIMESTAMP',
  TIMESTAMP_TZ: () => 'TIMESTAMPTZ',
  TIMESTAMPTZ: () => 'TIMESTAMPTZ',
  TIMESTAMP_LTZ: () => 'TIMESTAMPTZ',
  TIMESTAMPLTZ: () => 'TIMESTAMPTZ',
  VARIANT: () => 'JSON',
  OBJECT: () => 'JSON',
  ARRAY: () => 'JSON',
};

/** Functions with the same meaning in both; renamed where DuckDB spells them otherwise. */
const FUNCTIONS: Readonly<Record<string, string>> = {
  COUNT: 'COUNT',
  SUM: 'SUM',
  MIN: 'MIN',
  MAX: 'MAX',
  AVG: 'AVG',
  COALESCE: 'COALESCE',
  NVL: 'COALESCE',
  NULLIF: 'NULLIF',
  IFF: 'IF',
  ROW_NUMBER: 'ROW_NUMBER',
  RANK: 'RANK',
  DENSE_RANK: 'DENSE_RANK',
  CAST: 'CAST',
  TRY_CAST: 'TRY_CAST',
  UPPER: 'UPPER',
  LOWER: 'LOWER',
  TRIM: 'TRIM',
  LENGTH: 'LENGTH',
  ABS: 'ABS',
  // Both take the sign of the dividend: MOD(-7, 3) is -1.
  MOD: 'MOD',
  ROUND: 'ROUND',
  FLOOR: 'FLOOR',
  CEIL: 'CEIL',
  CONCAT: 'CONCAT',
  SUBSTR: 'SUBSTR',
  SUBSTRING: 'SUBSTRING',
  REPLACE: 'REPLACE',
  LEFT: 'LEFT',
  RIGHT: 'RIGHT',
  GREATEST: 'GREATEST',
  LEAST: 'LEAST',
  PARSE_JSON: 'json',
  YEAR: 'YEAR',
  MONTH: 'MONTH',
  DATE_TRUNC: 'DATE_TRUNC',
};
/**
 * Snowflake's date and time parts with their aliases (Snowflake's "Supported date and time parts"),
 * as DuckDB names them. Parts left out (DAYOFWEEK and WEEK of EXTRACT, which depend on the
 * WEEK_START and WEEK_OF_YEAR_POLICY parameters, and NANOSECOND, below DuckDB's microseconds) are
 * refused rather than approximated.
 */
const DATE_PART_ALIASES: Readonly<Record<string, readonly string[]>> = {
  year: ['YEAR', 'Y', 'YY', 'YYY', 'YYYY', 'YR', 'YEARS', 'YRS'],
  quarter: ['QUARTER', 'Q', 'QTR', 'QTRS', 'QUARTERS'],
  month: ['MONTH', 'MM', 'MON', 'MONS', 'MONTHS'],
  week: ['WEEK', 'W', 'WK', 'WEEKOFYEAR', 'WOY', 'WY'],
  day: ['DAY', 'D', 'DD', 'DAYS', 'DAYOFMONTH'],
  doy: ['DAYOFYEAR', 'YEARDAY', 'DOY', 'DY'],
  isodow: ['DAYOFWEEKISO', 'WEEKDAY_ISO', 'DOW_ISO', 'DW_ISO'],
  hour: ['HOUR', 'H', 'HH', 'HR', 'HOURS', 'HRS'],
  minute: ['MINUTE', 'M', 'MI', 'MIN', 'MINUTES', 'MINS'],
  second: ['SECOND', 'S', 'SEC', 'SECONDS', 'SECS'],
  millisecond: ['MILLISECOND', 'MS', 'MSEC', 'MILLISECONDS'],
  microsecond: ['MICROSECOND', 'US', 'USEC', 'MICROSECONDS'],
};
const DATE_PARTS: ReadonlyMap<string, string> = new Map(
  Object.entries(DATE_PART_ALIASES).flatMap(([duck, names]) => names.map((n) => [n, duck] as const)),
);
/** Parts each function takes: a difference or a sum needs a unit, EXTRACT a field. */
const UNIT_PARTS = new Set([
  'year',
  'quarter',
  'month',
  'week',
  'day',
  'hour',
  'minute',
  'second',
  'millisecond',
  'microsecond',
]);
const EXTRACT_PARTS = new Set([
  'year',
  'quarter',
  'month',
  'day',
  'doy',
  'isodow',
  'hour',
  'minute',
  'second',
]);
/** Date functions translated by their arguments; Snowflake's TIMEADD, TIMESTAMPADD, TIMEDIFF and TIMESTAMPDIFF are aliases. */
const DATE_FUNCTIONS: Readonly<Record<string, 'DATEADD' | 'DATEDIFF' | 'EXTRACT'>> = {
  DATEADD: 'DATEADD',
  TIMEADD: 'DATEADD',
  TIMESTAMPADD: 'DATEADD',
  DATEDIFF: 'DATEDIFF',
  TIMEDIFF: 'DATEDIFF',
  TIMESTAMPDIFF: 'DATEDIFF',
  EXTRACT: 'EXTRACT',
};
/** DATEADD: the DuckDB interval of `n` units (`n` an integer, else the macro refuses it). */
const INTERVALS: Readonly<Record<string, (n: string) => string>> = {
  year: (n) => `to_years(main.sf_int(${n}))`,
  quarter: (n) => `to_months(3 * main.sf_int(${n}))`,
  month: (n) => `to_months(main.sf_int(${n}))`,
  week: (n) => `to_days(7 * main.sf_int(${n}))`,
  day: (n) => `to_days(main.sf_int(${n}))`,
  hour: (n) => `to_hours(main.sf_int(${n}))`,
  minute: (n) => `to_minutes(main.sf_int(${n}))`,
  second: (n) => `to_seconds(main.sf_int(${n}))`,
  millisecond: (n) => `to_milliseconds(main.sf_int(${n}))`,
  microsecond: (n) => `to_microseconds(main.sf_int(${n}))`,
};
const TIME_UNITS = new Set(['hour', 'minute', 'second', 'millisecond', 'microsecond']);

/**
 * DuckDB macros behind DATEADD, created once per emulator. Typed overloads keep Snowflake's result
 * types: a date plus days, weeks, months, quarters or years stays a DATE (DuckDB's DATE + INTERVAL
 * is a TIMESTAMP), a date plus hours or less becomes a TIMESTAMP_NTZ, a timestamp keeps its type.
 * A count that is not an integer (or text where a date goes) matches no overload: an error, never
 * a guess at Snowflake's rounding or casting.
 */
export const DATE_MACROS_SQL: readonly string[] = [
  'CREATE MACRO main.sf_int(n HUGEINT) AS CAST(n AS INTEGER)',
  `CREATE MACRO main.sf_dateadd_date(d DATE, i) AS CAST(d + i AS DATE),
     (d TIMESTAMP, i) AS d + i, (d TIMESTAMPTZ, i) AS d + i`,
  `CREATE MACRO main.sf_dateadd_time(d DATE, i) AS CAST(d AS TIMESTAMP) + i,
     (d TIMESTAMP, i) AS d + i, (d TIMESTAMPTZ, i) AS d + i, (d TIME, i) AS d + i`,
];

/** Functions written without parentheses. */
const NILADIC = new Set(['CURRENT_TIMESTAMP', 'CURRENT_DATE']);

export const STATEMENT_TYPE = {
  select: 0x1000,
  insert: 0x3100,
  update: 0x3200,
  delete: 0x3300,
  merge: 0x3400,
  copy: 0x3600,
  session: 0x4000,
  transaction: 0x5000,
  ddl: 0x6000,
} as const;

/** A statement ready for DuckDB; `params` lists, per `$n`, the index of the bind it takes. */
export interface Rendered {
  readonly sql: string;
  readonly params: readonly number[];
}

export type Plan =
  | { readonly kind: 'select'; readonly sql: Rendered }
  | { readonly kind: 'insert' | 'update' | 'delete'; readonly sql: Rendered }
  | { readonly kind: 'ddl'; readonly sql: Rendered; readonly status: string }
  | {
      readonly kind: 'merge';
      readonly sql: Rendered;
      /** A row per target row that more than one source row matches; null without MATCHED clauses. */
      readonly duplicates: Rendered | null;
      readonly actions: readonly ('inserted' | 'updated' | 'deleted')[];
    }
  | { readonly kind: 'begin' | 'commit' | 'rollback' }
  | { readonly kind: 'alter-session'; readonly settings: Readonly<Record<string, string>> }
  | {
      readonly kind: 'put';
      readonly localPath: string;
      readonly stage: StageRef;
      readonly options: PutOptions;
    }
  | { readonly kind: 'copy'; readonly copy: CopyPlan }
  | { readonly kind: 'remove' | 'list'; readonly stage: StageRef };

export interface StageRef {
  /** `~` (the user stage) is the only stage the emulator keeps. */
  readonly stage: '~';
  /** Path inside the stage, without a leading slash. */
  readonly path: string;
}

export interface PutOptions {
  readonly autoCompress: boolean;
  readonly sourceCompression: string;
  readonly overwrite: boolean;
  readonly parallel: number;
}

export interface CopyPlan {
  readonly table: string;
  readonly columns: readonly string[] | null;
  readonly stage: StageRef;
  readonly files: readonly string[] | null;
  readonly skipHeader: number;
  readonly delimiter: string;
  readonly enclosedBy: string | null;
  readonly nullIf: readonly string[];
  readonly emptyFieldAsNull: boolean;
  readonly compression: 'auto' | 'gzip' | 'none';
  readonly purge: boolean;
  readonly force: boolean;
}

class Renderer {
  readonly params: number[] = [];
  #next = 0;
  constructor(readonly tokens: readonly Token[]) {}

  /** Binds are numbered in order for `?`, or as written for `:N`. */
  #bindIndex(token: Token): number {
    if (token.value === '0') return this.#next++;
    return Number(token.value) - 1;
  }

  render(from: number, to: number, options: { stripConstraints?: boolean } = {}): string {
    const out: string[] = [];
    const tokens = this.tokens;
    let glue = false;
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      const next = tokens[i + 1];
      let text: string;
      if (options.stripConstraints && t.kind === 'word') {
        if (t.value === 'CONSTRAINT' && tokens[i + 2]?.value === 'PRIMARY') {
          // A table constraint: Snowflake stores it but enforces nothing (only NOT NULL).
          if (out[out.length - 1] === ',') out.pop();
          i += 3;
          if (tokens[i + 1]?.value === '(') i = closing(tokens, i + 1);
          continue;
        }
        if (t.value === 'PRIMARY' && next?.value === 'KEY') {
          if (tokens[i + 2]?.value === '(') {
            if (out[out.length - 1] === ',') out.pop();
            i = closing(tokens, i + 2);
          } else i += 1;
          continue;
        }
        if (t.value === 'UNIQUE') {
          if (tokens[i + 1]?.value === '(') {
            if (out[out.length - 1] === ',') out.pop();
            i = closing(tokens, i + 1);
          }
          continue;
        }
      }
      switch (t.kind) {
        case 'qident':
          text = quoteDuck(t.value);
          break;
        case 'string':
          text = `'${t.value.replace(/'/g, "''")}'`;
          break;
        case 'number':
        case 'op':
        case 'punct':
          text = t.text;
          break;
        case 'param':
          this.params.push(this.#bindIndex(t));
          text = `$${this.params.length}`;
          break;
        case 'word': {
          const word = t.value;
          const isCall = next?.value === '(';
          const afterDot = tokens[i - 1]?.value === '.';
          if (!afterDot && isCall && DATE_FUNCTIONS[word] !== undefined) {
            const end = closing(tokens, i + 1);
            text = this.#dateFunction(DATE_FUNCTIONS[word], i + 1, end);
            i = end;
          } else if (!afterDot && isCall && FUNCTIONS[word] !== undefined) {
            text = FUNCTIONS[word];
          } else if (!afterDot && KEYWORDS.has(word)) {
            text = word;
          } else if (!afterDot && next?.value !== '.' && TYPES[word] !== undefined) {
            const args: string[] = [];
            if (isCall) {
              const end = closing(tokens, i + 1);
              for (let j = i + 2; j < end; j++) if (tokens[j]!.kind === 'number') args.push(tokens[j]!.text);
              i = end;
            }
            text = TYPES[word](args);
          } else if (!afterDot && NILADIC.has(word)) {
            text = word;
          } else if (!afterDot && isCall) {
            throw new SnowflakeSqlError(
              '002140',
              '42601',
              `SQL compilation error:\nUnknown function ${word} (outside the Snowflake emulator's subset)`,
            );
          } else {
            text = quoteDuck(word);
          }
          break;
        }
      }
      const tight = t.value === '.' || glue;
      if (tight && out.length > 0) out[out.length - 1] += text;
      else out.push(text);
      glue = t.value === '.';
    }
    return out.join(' ');
  }

  /**
   * DATEADD(part, n, d), DATEDIFF(part, a, b) and EXTRACT(part FROM d) between the parentheses at
   * `open` and `close`. DATEDIFF counts the boundaries of `part` crossed (DATEDIFF(year,
   * '2024-12-31 23:59', '2025-01-01') is 1), so both sides are truncated to the part first: DuckDB's
   * date_diff counts whole weeks rather than week boundaries. Weeks start on Monday (WEEK_START 0).
   */
  #dateFunction(name: string, open: number, close: number): string {
    const tokens = this.tokens;
    const partOf = (at: number, allowed: ReadonlySet<string>): string => {
      const t = tokens[at];
      const written = t && (t.kind === 'word' || t.kind === 'string') ? t.value.toUpperCase() : '';
      const part = DATE_PARTS.get(written);
      if (part === undefined || !allowed.has(part)) {
        throw new SnowflakeSqlError(
          '002140',
          '42601',
          `SQL compilation error:\n${name} with date part '${t?.text ?? ''}' (outside the Snowflake emulator's subset)`,
        );
      }
      return part;
    };
    if (name === 'EXTRACT') {
      const part = partOf(open + 1, EXTRACT_PARTS);
      if (tokens[open + 2]?.value !== 'FROM' || open + 3 >= close) throw unsupported('EXTRACT without FROM');
      return `date_part('${part}', ${this.render(open + 3, close)})`;
    }
    const args = topLevelArgs(tokens, open, close);
    if (args.length !== 3 || args[0]![1] - args[0]![0] !== 1)
      throw unsupported(`${name} with other than (date_part, expr, expr)`);
    const part = partOf(args[0]![0], UNIT_PARTS);
    const second = this.render(args[1]![0], args[1]![1]);
    const third = this.render(args[2]![0], args[2]![1]);
    if (name === 'DATEADD') {
      const macro = TIME_UNITS.has(part) ? 'main.sf_dateadd_time' : 'main.sf_dateadd_date';
      return `${macro}(${third}, ${INTERVALS[part]!(second)})`;
    }
    const trunc = (e: string) => `date_trunc('${part}', CAST(${e} AS TIMESTAMP))`;
    return `date_diff('${part}', ${trunc(second)}, ${trunc(third)})`;
  }

  take(sqlText: string): Rendered {
    return { sql: sqlText, params: [...this.params] };
  }
}

/** Index of the `)` that closes the `(` at `open`. */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const v = tokens[i]!.value;
    if (tokens[i]!.kind !== 'punct') continue;
    if (v === '(') depth++;
    else if (v === ')' && --depth === 0) return i;
  }
  throw new SnowflakeSqlError(
    '001003',
    '42000',
    'SQL compilation error:\nsyntax error: unbalanced parentheses',
  );
}

/** The [from, to) token ranges of the comma-separated arguments between `open` and `close`. */
function topLevelArgs(tokens: readonly Token[], open: number, close: number): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    if (t.value === '(') depth++;
    else if (t.value === ')') depth--;
    else if (t.value === ',' && depth === 0) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  if (start < close) out.push([start, close]);
  return out;
}

/** Index of the first depth-0 word `word` at or after `from`, or -1. */
function findTop(tokens: readonly Token[], word: string, from: number): number {
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct' && t.value === '(') depth++;
    else if (t.kind === 'punct' && t.value === ')') depth--;
    else if (depth === 0 && t.kind === 'word' && t.value === word) return i;
  }
  return -1;
}

function words(tokens: readonly Token[], n: number): string {
  return tokens
    .slice(0, n)
    .map((t) => t.value)
    .join(' ');
}

function renderAll(tokens: readonly Token[], options: { stripConstraints?: boolean } = {}): Rendered {
  const r = new Renderer(tokens);
  return r.take(r.render(0, tokens.length, options));
}

export function translate(sqlText: string): Plan {
  const head = sqlText.trimStart().slice(0, 8).toUpperCase();
  if (head.startsWith('PUT ')) return planPut(sqlText);
  if (head.startsWith('COPY ')) return planCopy(sqlText);
  if (head.startsWith('REMOVE ') || head.startsWith('RM '))
    return { kind: 'remove', stage: stageOf(sqlText) };
  if (head.startsWith('LIST ') || head.startsWith('LS ')) return { kind: 'list', stage: stageOf(sqlText) };
  const tokens = tokenize(sqlText);
  if (tokens.length === 0) throw new SnowflakeSqlError('900', '42000', 'Empty SQL statement.');
  const first = tokens[0]!.value;
  const two = words(tokens, 2);
  switch (first) {
    case 'SELECT':
    case 'WITH':
      return { kind: 'select', sql: renderAll(tokens) };
    case 'INSERT':
      return { kind: 'insert', sql: renderAll(tokens) };
    case 'UPDATE':
      return { kind: 'update', sql: renderAll(tokens) };
    case 'DELETE':
      return { kind: 'delete', sql: renderAll(tokens) };
    case 'MERGE':
      return planMerge(tokens);
    case 'BEGIN':
    case 'START':
      return { kind: 'begin' };
    case 'COMMIT':
      return { kind: 'commit' };
    case 'ROLLBACK':
      return { kind: 'rollback' };
    case 'ALTER':
      if (two === 'ALTER SESSION') return planAlterSession(tokens);
      if (two === 'ALTER TABLE')
        return { kind: 'ddl', sql: renderAll(tokens), status: 'Statement executed successfully.' };
      break;
    case 'CREATE': {
      const kind = tokens
        .slice(1, 5)
        .map((t) => t.value)
        .find((v) => v === 'TABLE' || v === 'SCHEMA' || v === 'VIEW' || v === 'TEMPORARY' || v === 'STAGE');
      if (kind === 'TEMPORARY' || kind === 'STAGE') break;
      if (
        kind === 'TABLE' &&
        tokens.some((t) => t.value === 'AS' && t.kind === 'word') &&
        findTop(tokens, 'SELECT', 0) > 0
      ) {
        return { kind: 'ddl', sql: renderAll(tokens), status: 'Table successfully created.' };
      }
      if (kind === 'TABLE')
        return {
          kind: 'ddl',
          sql: renderAll(tokens, { stripConstraints: true }),
          status: 'Table successfully created.',
        };
      if (kind === 'SCHEMA' || kind === 'VIEW')
        return {
          kind: 'ddl',
          sql: renderAll(tokens),
          status: `${kind === 'SCHEMA' ? 'Schema' : 'View'} successfully created.`,
        };
      break;
    }
    case 'DROP':
      if (['DROP TABLE', 'DROP SCHEMA', 'DROP VIEW'].includes(two))
        return { kind: 'ddl', sql: renderAll(tokens), status: 'Statement executed successfully.' };
      break;
  }
  throw unsupported(words(tokens, 3));
}

function planMerge(tokens: readonly Token[]): Plan {
  if (tokens[1]?.value !== 'INTO') throw unsupported('MERGE without INTO');
  const using = findTop(tokens, 'USING', 2);
  const on = findTop(tokens, 'ON', using);
  const when = findTop(tokens, 'WHEN', on);
  if (using < 0 || on < 0 || when < 0) throw unsupported('MERGE without USING ... ON ... WHEN');
  const actions = new Set<'inserted' | 'updated' | 'deleted'>();
  let matched = false;
  for (let i = when; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    if (t.value === 'MATCHED' && tokens[i - 1]?.value === 'WHEN') matched = true;
    if (t.value === 'THEN') {
      const action = tokens[i + 1]?.value;
      if (action === 'INSERT') actions.add('inserted');
      else if (action === 'UPDATE') actions.add('updated');
      else if (action === 'DELETE') actions.add('deleted');
      else throw unsupported(`MERGE ... THEN ${action}`);
    }
    if (t.value === 'SOURCE' || (t.value === 'BY' && tokens[i - 1]?.value === 'MATCHED'))
      throw unsupported('WHEN NOT MATCHED BY SOURCE');
  }
  const main = new Renderer(tokens);
  const text = `${main.render(0, tokens.length)} RETURNING merge_action`;
  let duplicates: Rendered | null = null;
  if (matched) {
    // Target alias: the word after AS, or the last token of the target when it has one.
    const target = tokens.slice(2, using);
    const asAt = target.findIndex((t) => t.kind === 'word' && t.value === 'AS');
    const aliasToken =
      asAt >= 0
        ? target[asAt + 1]
        : target.length > 1 && target[target.length - 2]?.value !== '.'
          ? target[target.length - 1]
          : undefined;
    const check = new Renderer(tokens);
    const targetSql = check.render(2, using);
    const alias = aliasToken
      ? quoteDuck(aliasToken.kind === 'qident' ? aliasToken.value : aliasToken.value)
      : check.render(2, using);
    const sourceSql = check.render(using + 1, on);
    const condSql = check.render(on + 1, when);
    duplicates = check.take(
      `SELECT 1 FROM ${targetSql} JOIN ${sourceSql} ON ${condSql} GROUP BY ${alias}.rowid HAVING COUNT(*) > 1 LIMIT 1`,
    );
  }
  return { kind: 'merge', sql: main.take(text), duplicates, actions: [...actions] };
}

function planAlterSession(tokens: readonly Token[]): Plan {
  if (tokens[2]?.value !== 'SET') throw unsupported('ALTER SESSION without SET');
  const settings: Record<string, string> = {};
  for (let i = 3; i < tokens.length; ) {
    const name = tokens[i]?.value;
    const eq = tokens[i + 1]?.value;
    const value = tokens[i + 2];
    if (!name || eq !== '=' || !value) throw unsupported('ALTER SESSION SET syntax');
    settings[name] = value.value;
    i += 3;
    if (tokens[i]?.value === ',') i++;
  }
  return { kind: 'alter-session', settings };
}

const STAGE_PATTERN = /@(~|[A-Za-z_"][^\s'/]*)((?:\/[^\s']*)?)/;

function parseStage(ref: string): StageRef {
  const m = STAGE_PATTERN.exec(ref);
  if (!m) throw unsupported('stage reference');
  if (m[1] !== '~') throw unsupported(`stage @${m[1]} (the emulator keeps only the user stage @~)`);
  const path = (m[2] ?? '').replace(/^\/+/, '');
  if (path.split('/').some((p) => p === '..')) throw unsupported('.. in a stage path');
  return { stage: '~', path };
}

function stageOf(sqlText: string): StageRef {
  return parseStage(sqlText.replace(/'/g, ' '));
}

function planPut(sqlText: string): Plan {
  const m = /^\s*PUT\s+'?(file:\/\/[^'\s]+)'?\s+'?(@[^'\s]+)'?(.*)$/is.exec(sqlText);
  if (!m) throw unsupported('PUT syntax');
  const options = parseOptions(m[3] ?? '');
  const flag = (name: string, fallback: boolean) =>
    options[name] === undefined ? fallback : /^(TRUE|1)$/i.test(options[name] as string);
  return {
    kind: 'put',
    localPath: decodeURI(m[1]!.replace(/^file:\/\//, '')),
    stage: parseStage(m[2]!),
    options: {
      autoCompress: flag('AUTO_COMPRESS', true),
      sourceCompression: String(options['SOURCE_COMPRESSION'] ?? 'AUTO_DETECT').toLowerCase(),
      overwrite: flag('OVERWRITE', false),
      parallel: Number(options['PARALLEL'] ?? 4),
    },
  };
}

type OptionValue = string | readonly string[] | OptionSet;
interface OptionSet {
  readonly [name: string]: OptionValue;
}

/** `NAME = value` pairs; values are words, strings, numbers, `( ... )` lists or nested option sets. */
function parseOptions(text: string): Record<string, OptionValue> {
  const tokens = tokenize(text);
  const [options, end] = readOptions(tokens, 0);
  if (end !== tokens.length) throw unsupported(`option syntax near ${tokens[end]?.text}`);
  return options;
}

function readOptions(tokens: readonly Token[], start: number): [Record<string, OptionValue>, number] {
  const out: Record<string, OptionValue> = {};
  let i = start;
  while (i < tokens.length && tokens[i]!.value !== ')') {
    const name = tokens[i]!;
    if (name.kind !== 'word' || tokens[i + 1]?.value !== '=')
      throw unsupported(`option syntax near ${name.text}`);
    const value = tokens[i + 2];
    if (!value) throw unsupported(`option ${name.value} without a value`);
    if (value.value === '(') {
      const nested = tokens[i + 3];
      if (nested?.kind === 'word' && tokens[i + 4]?.value === '=') {
        const [inner, end] = readOptions(tokens, i + 3);
        out[name.value] = inner;
        i = end + 1;
      } else {
        const end = closing(tokens, i + 2);
        out[name.value] = tokens
          .slice(i + 3, end)
          .filter((t) => t.value !== ',')
          .map((t) => t.value);
        i = end + 1;
      }
    } else {
      out[name.value] = value.value;
      i += 3;
    }
    if (tokens[i]?.value === ',') i++;
  }
  return [out, i];
}

const COPY_OPTIONS = new Set(['FILES', 'FILE_FORMAT', 'ON_ERROR', 'PURGE', 'FORCE']);
const FORMAT_OPTIONS = new Set([
  'TYPE',
  'FIELD_DELIMITER',
  'SKIP_HEADER',
  'FIELD_OPTIONALLY_ENCLOSED_BY',
  'NULL_IF',
  'EMPTY_FIELD_AS_NULL',
  'COMPRESSION',
]);

function planCopy(sqlText: string): Plan {
  const m = /^\s*COPY\s+INTO\s+(.+?)\s+FROM\s+'?(@[^\s']+)'?(.*)$/is.exec(sqlText);
  if (!m) throw unsupported('COPY syntax (the emulator loads only from a stage into a table)');
  const target = tokenize(m[1]!);
  const names: string[] = [];
  let i = 0;
  for (; i < target.length && target[i]!.value !== '('; i++) {
    const t = target[i]!;
    if (t.value === '.') continue;
    if (t.kind !== 'qident' && t.kind !== 'word') throw unsupported('COPY target');
    names.push(t.kind === 'qident' ? t.value : t.value);
  }
  if (names.length === 0 || names.length > 2) throw unsupported('COPY target (schema.table or table)');
  let columns: string[] | null = null;
  if (i < target.length) {
    const end = closing(target, i);
    columns = target
      .slice(i + 1, end)
      .filter((t) => t.value !== ',')
      .map((t) => (t.kind === 'qident' ? t.value : t.value));
  }
  const options = parseOptions(m[3] ?? '');
  for (const key of Object.keys(options)) if (!COPY_OPTIONS.has(key)) throw unsupported(`COPY option ${key}`);
  const format = (options['FILE_FORMAT'] ?? {}) as Record<string, OptionValue>;
  if (typeof format !== 'object' || Array.isArray(format)) throw unsupported('named file formats');
  for (const key of Object.keys(format))
    if (!FORMAT_OPTIONS.has(key)) throw unsupported(`file format option ${key}`);
  if (String(format['TYPE'] ?? 'CSV').toUpperCase() !== 'CSV')
    throw unsupported(`file format type ${String(format['TYPE'])}`);
  const onError = String(options['ON_ERROR'] ?? 'ABORT_STATEMENT').toUpperCase();
  if (onError !== 'ABORT_STATEMENT') throw unsupported(`ON_ERROR = ${onError}`);
  const enclosed = format['FIELD_OPTIONALLY_ENCLOSED_BY'];
  const compression = String(format['COMPRESSION'] ?? 'AUTO').toLowerCase();
  if (!['auto', 'gzip', 'none'].includes(compression)) throw unsupported(`COMPRESSION = ${compression}`);
  const bool = (v: OptionValue | undefined, fallback: boolean) =>
    v === undefined ? fallback : /^(TRUE|1)$/i.test(String(v));
  const table = names.map((n) => quoteDuck(n)).join('.');
  return {
    kind: 'copy',
    copy: {
      table,
      columns,
      stage: parseStage(m[2]!),
      files: options['FILES'] === undefined ? null : [...(options['FILES'] as string[])],
      skipHeader: Number(format['SKIP_HEADER'] ?? 0),
      delimiter: String(format['FIELD_DELIMITER'] ?? ','),
      enclosedBy:
        enclosed === undefined || String(enclosed).toUpperCase() === 'NONE' ? null : String(enclosed),
      nullIf: format['NULL_IF'] === undefined ? ['\\N'] : [...(format['NULL_IF'] as string[])],
      emptyFieldAsNull: bool(format['EMPTY_FIELD_AS_NULL'], true),
      compression: compression as CopyPlan['compression'],
      purge: bool(options['PURGE'], false),
      force: bool(options['FORCE'], false),
    },
  };
}
