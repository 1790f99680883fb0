import { redact, redactString } from './redact.ts';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose lines all carry `fields` (for example the object and entity of a stream). */
  child(fields: LogFields): Logger;
  readonly level: LogLevel;
}

export interface LoggerOptions {
  readonly level?: LogLevel;
  /** Logs go to stderr so stdout stays clean for `--json` output. */
  readonly stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** `json` lines for containers, `pretty` for people; default: pretty on a TTY, else json. */
  readonly format?: 'json' | 'pretty';
  readonly now?: () => Date;
}

const COLORS: Record<Exclude<LogLevel, 'silent'>, string> = {
  debug: '\x1b[90m',
  info: '\x1b[36m',
  warn: '\x1b[33m',
  error: '\x1b[31m',
};

export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const stream = options.stream ?? process.stderr;
  const level = options.level ?? 'info';
  const format = options.format ?? (stream.isTTY ? 'pretty' : 'json');
  const now = options.now ?? (() => new Date());

  const write = (lvl: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields) => {
    if (RANK[lvl] < RANK[level]) return;
    const safeFields = redact({ ...bound, ...fields }) as LogFields;
    const safeMessage = redactString(message);
    if (format === 'json') {
      stream.write(
        `${JSON.stringify({ time: now().toISOString(), level: lvl, msg: safeMessage, ...safeFields })}\n`,
      );
      return;
    }
    const extras = Object.entries(safeFields)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    const time = now().toISOString().slice(11, 19);
    stream.write(
      `\x1b[90m${time}\x1b[0m ${COLORS[lvl]}${lvl.padEnd(5)}\x1b[0m ${safeMessage}${extras ? ` \x1b[90m${extras}\x1b[0m` : ''}\n`,
    );
  };

  return {
    level,
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}

/** A logger that drops everything (library use and quiet tests). */
export const silentLogger: Logger = createLogger({ level: 'silent' });

/**
 * Forwards lines at `shownFrom` and above to `inner` and only counts the others, so a report on
 * stdout is not interleaved with routine log lines when both land in one CI log.
 */
export function summarizingLogger(
  inner: Logger,
  shownFrom: Exclude<LogLevel, 'silent'>,
): { logger: Logger; hidden: () => number } {
  const counter = { hidden: 0 };
  const make = (log: Logger): Logger => {
    const pass = (lvl: Exclude<LogLevel, 'silent'>, m: string, f?: LogFields) => {
      if (RANK[lvl] < RANK[log.level]) return;
      if (RANK[lvl] < RANK[shownFrom]) counter.hidden++;
      else log[lvl](m, f);
    };
    return {
      level: log.level,
      debug: (m, f) => pass('debug', m, f),
      info: (m, f) => pass('info', m, f),
      warn: (m, f) => pass('warn', m, f),
      error: (m, f) => pass('error', m, f),
      child: (fields) => make(log.child(fields)),
    };
  };
  return { logger: make(inner), hidden: () => counter.hidden };
}
