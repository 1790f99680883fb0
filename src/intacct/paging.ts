import { ClassifiedError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { isCursorExpired } from './classify.ts';
import { type IntacctFunction, query, readByQuery, readMore } from './envelope.ts';
import { type Filter, f, toFilterXml, toQueryString, v } from './filter.ts';
import type { RecordRows } from './record-rows.ts';
import type { RecordPage } from './record-stream.ts';

/**
 * Paging over Intacct result sets, yielding each record exactly once:
 * - readByQuery + readMore: a server cursor; when it expires, the read resumes after the last key
 *   seen (keyset on the key) rather than starting over or skipping;
 * - query: `orderby` (requested order, then the key, so the order is total) with offset paging;
 *   `prefetch` > 1 fetches several offsets at once (the governor still bounds concurrency).
 * Both detect loops (pages of rows already seen) and inconsistent counts.
 */

export type PageFetcher = (fn: IntacctFunction, signal?: AbortSignal) => Promise<RecordPage>;

export interface PagingPlan {
  readonly object: string;
  readonly fields: readonly string[] | '*';
  readonly filter?: Filter;
  readonly orderBy?: readonly string[];
  /** The record key (RECORDNO for every standard object). */
  readonly key: string;
  readonly method: 'readByQuery' | 'query';
  readonly pageSize: number;
  readonly timezone: string;
  readonly showPrivate?: boolean;
  /** query only: pages fetched ahead in parallel (default 1). */
  readonly prefetch?: number;
  readonly signal?: AbortSignal;
}

export interface PagingStats {
  pages: number;
  rows: number;
  cursorResumes: number;
  duplicatesDropped: number;
  countMismatches: number;
}

const NUMERIC = /^-?\d+$/;

/** Tracks keys seen in one read: exactly-once output and whether keys came in ascending order. */
class KeyTracker {
  private readonly seen = new Set<string>();
  ascending = true;
  last: string | undefined;

  /** True when the key is new. */
  add(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.last !== undefined && compareKeys(key, this.last) <= 0) this.ascending = false;
    this.last = key;
    return true;
  }

  get numeric(): boolean {
    return this.last !== undefined && NUMERIC.test(this.last);
  }
}

function compareKeys(a: string, b: string): number {
  if (NUMERIC.test(a) && NUMERIC.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function withKey(
  fields: readonly string[] | '*',
  key: string,
  orderBy: readonly string[],
): readonly string[] | '*' {
  if (fields === '*') return '*';
  const out = [...fields];
  for (const extra of [key, ...orderBy]) if (!out.includes(extra)) out.push(extra);
  return out;
}

/** The key of each row of a page, in order; a record without its key is refused. */
function keysOf(rows: RecordRows, key: string, object: string): string[] {
  const at = rows.indexOf(key);
  return rows.rows.map((row) => keyIn(at < 0 ? undefined : row[at], key, object));
}

function keyIn(k: string | null | undefined, key: string, object: string): string {
  if (k === null || k === undefined || k === '') {
    throw new ClassifiedError(`${object} record without its key ${key}`, {
      kind: 'terminal',
      level: 'result',
    });
  }
  return k;
}

/** The rows of a page whose keys the tracker has not seen. */
function newRows(rows: RecordRows, keys: KeyTracker, plan: PagingPlan): RecordRows {
  const pageKeys = keysOf(rows, plan.key, plan.object);
  return rows.filter((i) => keys.add(pageKeys[i]!));
}

/** Yields pages of records (each a batch of rows), every record exactly once. */
export async function* pageRecords(
  plan: PagingPlan,
  fetch: PageFetcher,
  logger: Logger,
  stats: PagingStats = { pages: 0, rows: 0, cursorResumes: 0, duplicatesDropped: 0, countMismatches: 0 },
): AsyncGenerator<RecordRows> {
  if (plan.method === 'query') yield* queryPages(plan, fetch, logger, stats);
  else yield* readByQueryPages(plan, fetch, logger, stats);
}

async function* readByQueryPages(
  plan: PagingPlan,
  fetch: PageFetcher,
  logger: Logger,
  stats: PagingStats,
): AsyncGenerator<RecordRows> {
  const keys = new KeyTracker();
  const fields = withKey(plan.fields, plan.key, []);
  let resumeAfter: string | undefined;
  let restarts = 0;
  let idleResumes = 0;
  let rowsAtResume = -1;
  let yielded = 0;
  for (;;) {
    const filter =
      resumeAfter === undefined
        ? plan.filter
        : plan.filter
          ? f.and(plan.filter, f.gt(plan.key, v.num(resumeAfter)))
          : f.gt(plan.key, v.num(resumeAfter));
    let page = await fetch(
      readByQuery('readByQuery', {
        object: plan.object,
        fields,
        query: toQueryString(filter, plan.timezone),
        pageSize: plan.pageSize,
      }),
      plan.signal,
    );
    let stalePages = 0;
    let prevRemaining: number | undefined;
    let expired = false;
    for (;;) {
      stats.pages++;
      const remaining = page.data?.numRemaining;
      // readMore is not idempotent: when its answer was lost after the server moved the cursor,
      // the retry returns the page after the lost one. The counts show the gap; drop this page
      // and resume after the last key we did yield.
      if (
        prevRemaining !== undefined &&
        remaining !== undefined &&
        prevRemaining - page.rows.length !== remaining
      ) {
        stats.countMismatches++;
        logger.warn('intacct paging: inconsistent counts (a page was lost); resuming after the last key', {
          object: plan.object,
          before: prevRemaining,
          count: page.rows.length,
          remaining,
        });
        expired = true;
        break;
      }
      prevRemaining = remaining;
      const fresh = newRows(page.rows, keys, plan);
      stats.duplicatesDropped += page.rows.length - fresh.length;
      if (page.rows.length > 0 && fresh.length === 0) {
        // A cursor that only returns rows we already have is looping; give it one more chance.
        if (++stalePages > 1) {
          throw new ClassifiedError(
            `paging loop detected reading ${plan.object}: pages repeat rows already read`,
            {
              kind: 'transient',
              level: 'result',
            },
          );
        }
      } else stalePages = 0;
      if (fresh.length > 0) {
        stats.rows += fresh.length;
        yielded += fresh.length;
        yield fresh;
      }
      const resultId = page.data?.resultId ?? '';
      if ((remaining ?? 0) <= 0) break;
      if (resultId === '' || page.rows.length === 0) {
        logger.warn('intacct paging: cursor ended early; resuming after the last key', {
          object: plan.object,
        });
        expired = true;
        break;
      }
      try {
        page = await fetch(readMore('readMore', resultId), plan.signal);
      } catch (error) {
        if (!isCursorExpired(error)) throw error;
        expired = true;
        break;
      }
    }
    if (!expired) return;
    // Resumes that bring nothing new mean the server keeps handing back what we have.
    if (yielded === rowsAtResume) {
      if (++idleResumes > 2) {
        throw new ClassifiedError(
          `paging loop detected reading ${plan.object}: resuming brings no new rows`,
          {
            kind: 'transient',
            level: 'result',
          },
        );
      }
    } else idleResumes = 0;
    rowsAtResume = yielded;
    if (++restarts > 1000) {
      throw new ClassifiedError(`gave up reading ${plan.object}: its cursor keeps expiring`, {
        kind: 'transient',
      });
    }
    stats.cursorResumes++;
    // Keys came in ascending order: resume after the last one. Otherwise re-run the query and let
    // the key tracker drop the rows already yielded.
    resumeAfter = keys.ascending && keys.numeric ? keys.last : undefined;
    logger.info('intacct paging: cursor expired, resuming', {
      object: plan.object,
      after: resumeAfter ?? '(start, deduplicated)',
    });
  }
}

/**
 * Key order needs no offsets: each page asks for the keys after the last one read. Records that
 * change or vanish while a large read runs cannot shift later pages (offset paging would skip or
 * repeat rows), and nothing is remembered but the last key, so memory stays flat.
 *
 * The next page is asked for as soon as this one's last key is known, before this page is handed
 * over: its request waits out Intacct's latency while the caller converts and stages this page, so
 * a stream's rate is bounded by the slower of the two, not by their sum. At most one request per
 * stream is in flight, and none is sent after the last page (numremaining 0).
 */
async function* keysetPages(
  plan: PagingPlan,
  select: readonly string[],
  fetch: PageFetcher,
  stats: PagingStats,
): AsyncGenerator<RecordRows> {
  const pageAfter = (after: string | undefined): Promise<RecordPage> => {
    const next =
      after === undefined ? undefined : f.gt(plan.key, NUMERIC.test(after) ? v.num(after) : v.str(after));
    const filter = next === undefined ? plan.filter : plan.filter ? f.and(plan.filter, next) : next;
    return fetch(
      query('query', {
        object: plan.object,
        select,
        filter: toFilterXml(filter, plan.timezone),
        orderBy: [{ field: plan.key }],
        pageSize: plan.pageSize,
        offset: 0,
        showPrivate: plan.showPrivate ?? false,
      }),
      plan.signal,
    );
  };
  let after: string | undefined;
  let pending = pageAfter(undefined);
  for (;;) {
    const page = await pending;
    stats.pages++;
    for (const key of keysOf(page.rows, plan.key, plan.object)) {
      if (after !== undefined && compareKeys(key, after) <= 0) {
        throw new ClassifiedError(
          `paging loop detected reading ${plan.object}: key ${key} came after ${after} in key order`,
          { kind: 'transient', level: 'result' },
        );
      }
      after = key;
    }
    const more = page.rows.length > 0 && (page.data?.numRemaining ?? 0) > 0;
    if (more) {
      pending = pageAfter(after);
      // A caller that stops early never awaits the page read ahead; its failure is not news.
      pending.catch(() => undefined);
    }
    if (page.rows.length > 0) {
      stats.rows += page.rows.length;
      yield page.rows;
    }
    if (!more) return;
  }
}

async function* queryPages(
  plan: PagingPlan,
  fetch: PageFetcher,
  logger: Logger,
  stats: PagingStats,
): AsyncGenerator<RecordRows> {
  if (plan.fields === '*') throw new RangeError('the query function needs a field list (no *)');
  const orderBy = plan.orderBy ?? [];
  const order = [...orderBy.filter((o) => o !== plan.key), plan.key];
  const select = withKey(plan.fields, plan.key, orderBy) as readonly string[];
  if (order.length === 1) {
    yield* keysetPages(plan, select, fetch, stats);
    return;
  }
  const filterXml = toFilterXml(plan.filter, plan.timezone);
  const keys = new KeyTracker();
  const pageAt = (offset: number) =>
    fetch(
      query('query', {
        object: plan.object,
        select,
        filter: filterXml,
        orderBy: order.map((field) => ({ field })),
        pageSize: plan.pageSize,
        offset,
        showPrivate: plan.showPrivate ?? false,
      }),
      plan.signal,
    );
  const prefetch = Math.max(1, plan.prefetch ?? 1);
  const first = await pageAt(0);
  const total = first.data?.totalCount;
  const inFlight = new Map<number, Promise<RecordPage>>();
  let offset = 0;
  let page: RecordPage = first;
  let emptyPages = 0;
  for (;;) {
    stats.pages++;
    if (total !== undefined && page.data?.totalCount !== undefined && page.data.totalCount !== total) {
      // The result set changed under us: offsets no longer line up, so rows could be skipped.
      stats.countMismatches++;
      logger.warn('intacct paging: totalcount changed while paging', {
        object: plan.object,
        first: total,
        now: page.data.totalCount,
      });
      for (const p of inFlight.values()) p.catch(() => undefined);
      throw new ClassifiedError(
        `inconsistent counts reading ${plan.object}: totalcount changed from ${total} to ${page.data.totalCount} while paging`,
        { kind: 'transient', level: 'result' },
      );
    }
    const fresh = newRows(page.rows, keys, plan);
    stats.duplicatesDropped += page.rows.length - fresh.length;
    if (fresh.length > 0) {
      stats.rows += fresh.length;
      yield fresh;
    }
    offset += page.rows.length;
    const remaining = page.data?.numRemaining ?? 0;
    if (remaining <= 0 || (total !== undefined && offset >= total)) return;
    if (page.rows.length === 0) {
      if (++emptyPages > 1) {
        throw new ClassifiedError(
          `paging loop detected reading ${plan.object}: empty pages with rows remaining`,
          {
            kind: 'transient',
          },
        );
      }
    }
    // Keep `prefetch` pages in flight, at the offsets that follow.
    for (let i = 0; i < prefetch; i++) {
      const at = offset + i * plan.pageSize;
      if (total !== undefined && at >= total) break;
      if (!inFlight.has(at)) {
        const p = pageAt(at);
        p.catch(() => undefined);
        inFlight.set(at, p);
      }
    }
    const next = inFlight.get(offset);
    if (!next) return;
    inFlight.delete(offset);
    for (const at of [...inFlight.keys()]) if (at < offset) inFlight.delete(at);
    try {
      page = await next;
    } catch (error) {
      for (const p of inFlight.values()) p.catch(() => undefined);
      throw error;
    }
  }
}
