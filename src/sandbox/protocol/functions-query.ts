import { toUnits } from '../../core/decimal.ts';
import type { SandboxFieldDef, SandboxObjectDef } from '../catalog.ts';
import { type SandboxRecord, firstAfter } from '../store.ts';
import type { FunctionContext, FunctionHandler } from './context.ts';
import { queryFunctionFailed } from './errors.ts';
import { QueryError } from './query-ast.ts';
import { parseFilter } from './query-filter.ts';
import { renderData, renderDataPieces } from './records.ts';
import {
  boundedInt,
  compileFor,
  findObject,
  keyLowerBound,
  matching,
  resolveFields,
  withoutKeyLowerBound,
} from './select.ts';
import { XmlWriter, escapeXml } from './xml-writer.ts';
import {
  type XmlNode,
  child,
  childText,
  children,
  elementNames,
  elements,
  hasChild,
  text,
} from './xml-node.ts';

/** The `query` function: select, filter, orderby, options, pagesize (1..2000), offset. */

export const QUERY_MAX_PAGE = 2000;
export const QUERY_DEFAULT_PAGE = 100;
const AGGREGATES = ['count', 'avg', 'min', 'max', 'sum'] as const;
type Aggregate = (typeof AGGREGATES)[number];

interface Order {
  readonly field: SandboxFieldDef;
  readonly descending: boolean;
}

type SortKey = string | number | bigint | null;

function sortKey(f: SandboxFieldDef, v: string | null | undefined, ci: boolean): SortKey {
  if (v === null || v === undefined || v === '') return null;
  if (f.type === 'integer' || f.type === 'decimal') {
    try {
      return toUnits(v);
    } catch {
      return v;
    }
  }
  return ci && f.type === 'text' ? v.toLowerCase() : v;
}

function compareKeys(a: SortKey, b: SortKey, descending: boolean): number {
  // Oracle's defaults, which Intacct inherits: nulls last ascending, first descending.
  if (a === null || b === null) {
    if (a === b) return 0;
    return (a === null ? 1 : -1) * (descending ? -1 : 1);
  }
  const c = a < b ? -1 : a > b ? 1 : 0;
  return descending ? -c : c;
}

function sortRecords(
  def: SandboxObjectDef,
  records: SandboxRecord[],
  orders: readonly Order[],
  ci: boolean,
): SandboxRecord[] {
  if (orders.length === 0) return records;
  // `matching` yields key order already: a keyset read (ordered by the key) needs no sort.
  if (orders.length === 1 && orders[0]?.field.name === def.key && !orders[0].descending) return records;
  const keyed = records.map((r, i) => ({
    r,
    i,
    k: orders.map((o) => sortKey(o.field, r[o.field.name], ci)),
  }));
  keyed.sort((x, y) => {
    for (let j = 0; j < orders.length; j++) {
      const c = compareKeys(x.k[j] as SortKey, y.k[j] as SortKey, (orders[j] as Order).descending);
      if (c !== 0) return c;
    }
    return x.i - y.i;
  });
  return keyed.map((x) => x.r);
}

// Offset paging re-runs the same query for every page; a small cache keyed by the store version
// keeps that linear instead of quadratic. A write bumps the version, so results stay fresh.
// Keyed per store: several sandboxes (with different companies) may share one process.
const CACHE_LIMIT = 16;
type QueryCache = Map<string, { readonly version: number; readonly records: SandboxRecord[] }>;
const caches = new WeakMap<object, QueryCache>();

function cacheFor(store: object): QueryCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = new Map();
    caches.set(store, cache);
  }
  return cache;
}

function parseOrders(def: SandboxObjectDef, node: XmlNode | undefined): Order[] {
  const out: Order[] = [];
  for (const order of children(node, 'order')) {
    const name = childText(order, 'field');
    if (!name) throw new QueryError('<order> requires a <field>');
    const f = def.fields.find((x) => x.name === name.toUpperCase());
    if (!f) throw new QueryError(`unknown field(s): ${name}`, 'unknown-field', [name]);
    out.push({ field: f, descending: hasChild(order, 'descending') });
  }
  return out;
}

function bool(node: XmlNode | undefined, name: string): boolean {
  return (childText(node, name) ?? 'false').trim().toLowerCase() === 'true';
}

function aggregateRow(
  def: SandboxObjectDef,
  aggregates: readonly { fn: Aggregate; field: SandboxFieldDef }[],
  records: readonly SandboxRecord[],
): string {
  const w = new XmlWriter().open('data', {
    listtype: def.name,
    totalcount: 1,
    offset: 0,
    count: 1,
    numremaining: 0,
  });
  w.open(def.name);
  for (const { fn, field } of aggregates) {
    const tag = `${fn.toUpperCase()}.${field.name}`;
    const values = records
      .map((r) => r[field.name])
      .filter((v): v is string => v !== null && v !== undefined && v !== '');
    let out: string | null = null;
    if (fn === 'count') out = String(values.length);
    else if (values.length > 0) {
      if (fn === 'min' || fn === 'max') {
        const keyed = values.map((v) => ({ v, k: sortKey(field, v, false) }));
        keyed.sort((a, b) => compareKeys(a.k, b.k, false));
        out = (fn === 'min' ? keyed[0] : keyed[keyed.length - 1])?.v ?? null;
      } else {
        const total = values.reduce((s, v) => s + toUnits(v), 0n);
        const units = fn === 'sum' ? total : total / BigInt(values.length);
        const neg = units < 0n;
        const abs = neg ? -units : units;
        const whole = abs / 10n ** 9n;
        const frac = (abs % 10n ** 9n).toString().padStart(9, '0').replace(/0+$/, '');
        out = `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
      }
    }
    w.raw(out === null ? `<${tag}></${tag}>` : `<${tag}>${escapeXml(out)}</${tag}>`);
  }
  return w.close(def.name).close('data').toString();
}

/**
 * The fast path's result set: the records the query selects, in its order, from the cache while the
 * store is unchanged. Keyset pages (`RECORDNO > k`, ordered by the key or not ordered at all, which
 * is key order here too) share the set of the filter without its key bound, cut at the bound by binary
 * search; without an order and with the key ascending the set is the same, so a stream's count query
 * and its first page share one scan.
 */
function resultSet(
  def: SandboxObjectDef,
  expr: ReturnType<typeof parseFilter>,
  orders: readonly Order[],
  ci: boolean,
  showPrivate: boolean,
  ctx: FunctionContext,
): SandboxRecord[] {
  const keyOrder =
    orders.length === 0 ||
    (orders.length === 1 && orders[0]?.field.name === def.key && !orders[0].descending);
  const bound = keyOrder ? keyLowerBound(expr, def.key) : undefined;
  const baseExpr = bound === undefined ? expr : withoutKeyLowerBound(expr, def.key);
  const predicate = compileFor(def, { expr: baseExpr, caseInsensitive: ci, wireLiterals: false }, ctx);
  const key = JSON.stringify([
    def.name,
    ctx.entityId,
    showPrivate,
    ci,
    baseExpr,
    keyOrder ? 'key' : orders.map((o) => [o.field.name, o.descending]),
  ]);
  const cache = cacheFor(ctx.store);
  const hit = cache.get(key);
  let records: SandboxRecord[];
  if (hit && hit.version === ctx.store.version) records = hit.records;
  else {
    records = sortRecords(def, matching(def, predicate, ctx, showPrivate), orders, ci);
    cache.delete(key);
    cache.set(key, { version: ctx.store.version, records });
    while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  }
  return bound === undefined ? records : records.slice(firstAfter(records, def.key, bound));
}

export const query: FunctionHandler = (fn, ctx: FunctionContext) => {
  const objectName = childText(fn.node, 'object') ?? '';
  const def = findObject(objectName, ctx.store.company);
  if (!def) throw queryFunctionFailed(objectName, `Object definition ${objectName} not found`);
  ctx.noteObject(def.name);
  try {
    const select = child(fn.node, 'select');
    if (!select || elementNames(select).length === 0)
      throw new QueryError('<select> requires at least one field');
    const plain: string[] = [];
    const aggregates: { fn: Aggregate; field: SandboxFieldDef }[] = [];
    for (const [name, node] of elements(select)) {
      const fieldName = (text(node) ?? '').trim();
      if (fieldName === '*') throw new QueryError('* is not supported in <select>; list the fields');
      if (name === 'field') plain.push(fieldName);
      else if ((AGGREGATES as readonly string[]).includes(name)) {
        const [f] = resolveFields(def, [fieldName]);
        if (f) aggregates.push({ fn: name as Aggregate, field: f });
      } else throw new QueryError(`unknown element <${name}> in <select>`);
    }
    const fields = plain.length > 0 ? resolveFields(def, plain) : [];
    const options = child(fn.node, 'options');
    const ci = bool(options, 'caseinsensitive');
    const showPrivate = bool(options, 'showprivate');
    const format = (childText(options, 'returnformat') ?? 'xml').toLowerCase();
    if (format !== 'xml') throw new QueryError(`returnformat '${format}' is not supported by the sandbox`);
    const pageSize = boundedInt(
      childText(fn.node, 'pagesize'),
      'pagesize',
      1,
      QUERY_MAX_PAGE,
      QUERY_DEFAULT_PAGE,
    );
    const offset = boundedInt(childText(fn.node, 'offset'), 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
    const expr = parseFilter(child(fn.node, 'filter'));
    const orders = parseOrders(def, child(fn.node, 'orderby'));
    const records =
      ctx.pageServing === 'fast'
        ? resultSet(def, expr, orders, ci, showPrivate, ctx)
        : sortRecords(
            def,
            matching(
              def,
              compileFor(def, { expr, caseInsensitive: ci, wireLiterals: false }, ctx),
              ctx,
              showPrivate,
            ),
            orders,
            ci,
          );
    if (aggregates.length > 0) return { body: aggregateRow(def, aggregates, records) };
    const pageRecords = records.slice(offset, offset + pageSize);
    const remaining = Math.max(0, records.length - offset - pageRecords.length);
    const render = ctx.pageServing === 'fast' ? renderDataPieces : renderData;
    return {
      body: render(
        {
          listtype: def.name,
          totalcount: records.length,
          offset,
          count: pageRecords.length,
          numremaining: remaining,
        },
        def,
        fields,
        def.name,
        pageRecords,
        { timezone: ctx.store.timezone, style: 'query' },
      ),
    };
  } catch (e) {
    if (e instanceof QueryError) {
      const detail =
        e.reason === 'unknown-field'
          ? `The following field(s) are not valid for object ${def.name}: ${e.fields.join(', ')}`
          : `Invalid query: ${e.message}`;
      throw queryFunctionFailed(def.name, detail);
    }
    throw e;
  }
};
