import { type CompareOp, type Expr, QueryError } from './query-ast.ts';

/**
 * readByQuery's query string: `FIELD op 'value'` comparisons (`= != <> < <= > >=`), `like`,
 * `not like`, `in (…)`, `not in (…)`, `IS NULL`, `IS NOT NULL`, `AND`, `OR`, a `NOT` prefix and
 * parentheses. Strings are single-quoted with a backslash escaping an apostrophe; keywords are
 * case-insensitive; numbers may be bare. An empty string means no filter.
 */
type Token =
  | { readonly t: 'ident'; readonly v: string; readonly pos: number }
  | { readonly t: 'string'; readonly v: string; readonly pos: number }
  | { readonly t: 'number'; readonly v: string; readonly pos: number }
  | { readonly t: 'op'; readonly v: string; readonly pos: number }
  | { readonly t: 'punct'; readonly v: '(' | ')' | ','; readonly pos: number };

export const MAX_IN_VALUES = 1000;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let v = '';
      const start = i;
      i++;
      let closed = false;
      while (i < src.length) {
        const d = src[i] as string;
        if (d === '\\' && i + 1 < src.length) {
          v += src[i + 1];
          i += 2;
          continue;
        }
        if (d === "'") {
          // SQL-style doubled quote is also accepted.
          if (src[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        v += d;
        i++;
      }
      if (!closed) throw new QueryError(`unterminated string starting at position ${start + 1}`);
      out.push({ t: 'string', v, pos: start });
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      out.push({ t: 'punct', v: c, pos: i });
      i++;
      continue;
    }
    const op = /^(<=|>=|<>|!=|=|<|>)/.exec(src.slice(i));
    if (op) {
      out.push({ t: 'op', v: op[1] as string, pos: i });
      i += (op[1] as string).length;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'number', v: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'ident', v: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    throw new QueryError(`unexpected character '${c}' at position ${i + 1}`);
  }
  return out;
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'LIKE', 'IN', 'IS', 'NULL']);

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly src: string,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isKeyword(word: string, offset = 0): boolean {
    const tok = this.tokens[this.i + offset];
    return tok?.t === 'ident' && tok.v.toUpperCase() === word;
  }

  private fail(message: string): never {
    const tok = this.peek();
    const where = tok ? `near '${this.src.slice(tok.pos, tok.pos + 20)}'` : 'at end of query';
    throw new QueryError(`${message} ${where}`);
  }

  parse(): Expr | null {
    if (this.tokens.length === 0) return null;
    const e = this.or();
    if (this.peek()) this.fail('unexpected token');
    return e;
  }

  private or(): Expr {
    const items = [this.and()];
    while (this.isKeyword('OR')) {
      this.i++;
      items.push(this.and());
    }
    return items.length === 1 ? (items[0] as Expr) : { kind: 'or', items };
  }

  private and(): Expr {
    const items = [this.unary()];
    while (this.isKeyword('AND')) {
      this.i++;
      items.push(this.unary());
    }
    return items.length === 1 ? (items[0] as Expr) : { kind: 'and', items };
  }

  private unary(): Expr {
    if (this.isKeyword('NOT')) {
      this.i++;
      return { kind: 'not', item: this.unary() };
    }
    const tok = this.peek();
    if (tok?.t === 'punct' && tok.v === '(') {
      this.i++;
      const e = this.or();
      const close = this.peek();
      if (close?.t !== 'punct' || close.v !== ')') this.fail('missing )');
      this.i++;
      return e;
    }
    return this.comparison();
  }

  private value(): string {
    const tok = this.peek();
    if (tok?.t === 'string' || tok?.t === 'number') {
      this.i++;
      return tok.v;
    }
    return this.fail('expected a value');
  }

  private comparison(): Expr {
    const tok = this.peek();
    if (tok?.t !== 'ident' || KEYWORDS.has(tok.v.toUpperCase())) this.fail('expected a field name');
    const field = (tok as { v: string }).v;
    this.i++;
    const next = this.peek();
    if (next?.t === 'op') {
      this.i++;
      const op: CompareOp = next.v === '<>' ? '!=' : (next.v as CompareOp);
      return { kind: 'cmp', field, op, value: this.value() };
    }
    let negate = false;
    if (this.isKeyword('NOT')) {
      negate = true;
      this.i++;
    }
    if (this.isKeyword('LIKE')) {
      this.i++;
      return { kind: 'like', field, pattern: this.value(), negate };
    }
    if (this.isKeyword('IN')) {
      this.i++;
      const open = this.peek();
      if (open?.t !== 'punct' || open.v !== '(') this.fail('expected ( after IN');
      this.i++;
      const values = [this.value()];
      while (true) {
        const p = this.peek();
        if (p?.t === 'punct' && p.v === ',') {
          this.i++;
          values.push(this.value());
          continue;
        }
        if (p?.t === 'punct' && p.v === ')') {
          this.i++;
          break;
        }
        this.fail('expected , or ) in IN list');
      }
      if (values.length > MAX_IN_VALUES) {
        throw new QueryError(
          `IN list has ${values.length} values; at most ${MAX_IN_VALUES} are allowed`,
          'limit',
        );
      }
      return { kind: 'in', field, values, negate };
    }
    if (!negate && this.isKeyword('IS')) {
      this.i++;
      let isNot = false;
      if (this.isKeyword('NOT')) {
        isNot = true;
        this.i++;
      }
      if (!this.isKeyword('NULL')) this.fail('expected NULL');
      this.i++;
      return { kind: 'null', field, negate: isNot };
    }
    return this.fail('expected an operator');
  }
}

/** Parses a readByQuery query string; null for an empty query. Throws QueryError. */
export function parseQueryString(query: string): Expr | null {
  return new Parser(tokenize(query), query).parse();
}
