/**
 * Tokens of Snowflake SQL, as far as the emulator's subset needs them. Snowflake's own rules:
 * unquoted identifiers fold to upper case, "quoted" ones are exact ("" escapes a quote), string
 * literals take '' and backslash escapes, placeholders are `?` or `:N`.
 */
import { SnowflakeSqlError } from './errors.ts';

export type TokenKind = 'word' | 'qident' | 'string' | 'number' | 'param' | 'op' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** Source text (words as written). */
  readonly text: string;
  /** Identifier name or string value after unescaping; for `param`, the 1-based index or 0 for `?`. */
  readonly value: string;
  readonly pos: number;
}

const OPS = ['::', '<=', '>=', '<>', '!=', '||', '=', '<', '>', '+', '-', '*', '/', '%'];

export function tokenize(sqlText: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = sqlText.length;
  while (i < n) {
    const c = sqlText[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '-' && sqlText[i + 1] === '-') {
      while (i < n && sqlText[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && sqlText[i + 1] === '*') {
      const end = sqlText.indexOf('*/', i + 2);
      if (end < 0) throw syntax(i, 'unterminated comment');
      i = end + 2;
      continue;
    }
    const start = i;
    if (c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= n) throw syntax(start, 'unterminated quoted identifier');
        if (sqlText[i] === '"') {
          if (sqlText[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += sqlText[i++];
      }
      if (value === '') throw syntax(start, 'empty quoted identifier');
      tokens.push({ kind: 'qident', text: sqlText.slice(start, i), value, pos: start });
      continue;
    }
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= n) throw syntax(start, 'unterminated string literal');
        const ch = sqlText[i]!;
        if (ch === "'") {
          if (sqlText[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === '\\' && i + 1 < n) {
          const next = sqlText[i + 1]!;
          value +=
            next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next === '0' ? '\0' : next;
          i += 2;
          continue;
        }
        value += ch;
        i++;
      }
      tokens.push({ kind: 'string', text: sqlText.slice(start, i), value, pos: start });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sqlText[i + 1] ?? ''))) {
      const m = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(sqlText.slice(i))!;
      i += m[0].length;
      tokens.push({ kind: 'number', text: m[0], value: m[0], pos: start });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sqlText.slice(i))!;
      i += m[0].length;
      tokens.push({ kind: 'word', text: m[0], value: m[0].toUpperCase(), pos: start });
      continue;
    }
    if (c === '?') {
      i++;
      tokens.push({ kind: 'param', text: '?', value: '0', pos: start });
      continue;
    }
    if (c === ':' && /[0-9]/.test(sqlText[i + 1] ?? '')) {
      const m = /^:[0-9]+/.exec(sqlText.slice(i))!;
      i += m[0].length;
      tokens.push({ kind: 'param', text: m[0], value: m[0].slice(1), pos: start });
      continue;
    }
    const op = OPS.find((o) => sqlText.startsWith(o, i));
    if (op) {
      i += op.length;
      tokens.push({ kind: 'op', text: op, value: op, pos: start });
      continue;
    }
    if ('(),.;'.includes(c)) {
      i++;
      tokens.push({ kind: 'punct', text: c, value: c, pos: start });
      continue;
    }
    throw syntax(i, `unexpected '${c}'`);
  }
  while (tokens.length > 0 && tokens[tokens.length - 1]!.value === ';') tokens.pop();
  if (tokens.some((t) => t.value === ';' && t.kind === 'punct')) {
    throw new SnowflakeSqlError(
      '000008',
      '0A000',
      'Actual statement count 2 did not match the desired statement count 1.',
    );
  }
  return tokens;
}

function syntax(pos: number, what: string): SnowflakeSqlError {
  return new SnowflakeSqlError(
    '001003',
    '42000',
    `SQL compilation error:\nsyntax error line 1 at position ${pos} ${what}.`,
  );
}
