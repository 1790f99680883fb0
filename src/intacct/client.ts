import { randomBytes } from 'node:crypto';
import { ClassifiedError } from '../core/errors.ts';
import { type Logger, silentLogger } from '../core/logger.ts';
import { registerSecret } from '../core/redact.ts';
import { DEFAULT_RETRY, type RetryPolicy, retry } from '../core/retry.ts';
import { assertEnvelopeOk, classifyHttp, isDuplicateControlId, resultError } from './classify.ts';
import {
  type Authentication,
  compileRequest,
  getAPISession,
  getTrialBalance,
  type IntacctFunction,
  lookup as lookupFn,
  query as queryFn,
  readByQuery as readByQueryFn,
  type WriteFunction,
} from './envelope.ts';
import { type Filter, toFilterXml, toQueryString } from './filter.ts';
import { Governor } from './governor.ts';
import { type PagingStats, pageRecords } from './paging.ts';
import type { RecordRows } from './record-rows.ts';
import { type RawRecord, type RecordPage, readRecordPage } from './record-stream.ts';
import {
  type ObjectDefinition,
  type CountedFirst,
  type ParsedResponse,
  parseResponse,
  readCountedFirst,
  type ResultBlock,
  readApiSession,
  readObjectDefinition,
  readTrialBalance,
  readWriteRefs,
  type TrialBalanceRow,
  type WriteRecordRef,
} from './response.ts';
import { SessionManager } from './session.ts';
import { type Transport, UndiciTransport } from './transport.ts';

export type { Filter } from './filter.ts';
export type { RawRecord } from './record-stream.ts';
export type { ObjectDefinition, TrialBalanceRow, WriteRecordRef } from './response.ts';
export type { WriteFunction } from './envelope.ts';

export interface IntacctClientOptions {
  readonly endpointUrl: string;
  readonly senderId: string;
  readonly senderPassword: string;
  readonly companyId: string;
  readonly userId: string;
  readonly userPassword: string;
  /** The API user's time zone (IANA), in which Intacct writes and reads zone-less timestamps. */
  readonly timezone: string;
  /** Concurrent API calls for the company, shared by every stream (the performance tier; default 2). */
  readonly concurrency?: number;
  readonly pageSize?: number;
  readonly logger?: Logger;
  readonly maxAttempts?: number;
  /** Time to the response headers of one request. */
  readonly requestTimeoutMs?: number;
  /** Retry timing (tests shorten it). */
  readonly retry?: Partial<RetryPolicy>;
  /** Governor tuning (tests shorten the pause after throttling). */
  readonly throttlePauseMs?: number;
  /** Injected transport (tests); default undici. */
  readonly transport?: Transport;
}

export interface ReadRequest {
  readonly object: string;
  readonly fields: readonly string[] | '*';
  readonly filter?: Filter;
  readonly orderBy?: readonly string[];
  /** '' or null: the top level. */
  readonly entity: string | null;
  readonly method?: 'readByQuery' | 'query';
  readonly pageSize?: number;
  /** query only: pages fetched ahead in parallel (still bounded by the governor). */
  readonly prefetch?: number;
  /** The record key; default RECORDNO. */
  readonly key?: string;
  readonly showPrivate?: boolean;
  readonly signal?: AbortSignal;
}

export type CountRequest = Omit<ReadRequest, 'fields' | 'pageSize' | 'prefetch'>;

/** One window to probe: its total count and its newest record by `watermark`. */
export interface WindowProbe {
  readonly object: string;
  readonly key: string;
  readonly watermark: string;
  readonly filter?: Filter;
  readonly showPrivate?: boolean;
}

/** A probe's answer, or the error of its function (the other functions of the request still count). */
export type WindowProbeAnswer =
  | ({ readonly ok: true } & CountedFirst)
  | { readonly ok: false; readonly error: ClassifiedError };

export const WRITE_STATUSES = ['success', 'failure', 'aborted', 'duplicate'] as const;
export type WriteStatus = (typeof WRITE_STATUSES)[number];

export interface WriteResult {
  readonly controlId: string;
  readonly function: string;
  /**
   * `duplicate`: Intacct refused the function controlid because it already ran (a replay after a
   * lost response). The record exists; look it up by its external key.
   */
  readonly status: WriteStatus;
  readonly records: readonly WriteRecordRef[];
  readonly error?: ClassifiedError;
}

export interface ClientStats {
  readonly apiCalls: number;
  readonly retries: number;
  readonly throttled: number;
  /** Sessions opened again for an entity (expiry, refusal). */
  readonly sessionRefreshes: number;
  /** Requests replayed after Intacct refused their session. */
  readonly authReplays: number;
  readonly byFunction: Record<string, number>;
  readonly cursorResumes: number;
  /** Pages whose counts did not add up (a lost readMore answer, a changing result set). */
  readonly countMismatches: number;
  readonly concurrencyLimit: number;
  readonly maxInFlight: number;
}

interface Exchange {
  readonly envelope: ParsedResponse;
  readonly page: RecordPage | undefined;
}

export class IntacctClient {
  private readonly transport: Transport;
  private readonly governor: Governor;
  private readonly sessions: SessionManager;
  private readonly logger: Logger;
  private readonly policy: RetryPolicy;
  private readonly prefix = randomBytes(4).toString('hex');
  private counter = 0;
  private retries = 0;
  private sessionRefreshes = 0;
  private readonly paging: PagingStats = {
    pages: 0,
    rows: 0,
    cursorResumes: 0,
    duplicatesDropped: 0,
    countMismatches: 0,
  };

  private constructor(private readonly options: IntacctClientOptions) {
    for (const secret of [options.senderPassword, options.userPassword]) registerSecret(secret);
    this.logger = options.logger ?? silentLogger;
    this.transport =
      options.transport ??
      new UndiciTransport({
        ...(options.requestTimeoutMs ? { headersTimeoutMs: options.requestTimeoutMs } : {}),
        connections: Math.max(4, (options.concurrency ?? 2) * 2),
      });
    this.governor = new Governor({
      concurrency: options.concurrency ?? 2,
      ...(options.throttlePauseMs !== undefined ? { pauseMs: options.throttlePauseMs } : {}),
    });
    this.policy = {
      ...DEFAULT_RETRY,
      ...options.retry,
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    };
    this.sessions = new SessionManager({
      userId: options.userId,
      companyId: options.companyId,
      password: options.userPassword,
      endpoint: options.endpointUrl,
      logger: this.logger,
      open: (auth, locationId, endpoint, signal) => this.openSession(auth, locationId, endpoint, signal),
    });
  }

  static create(options: IntacctClientOptions): IntacctClient {
    return new IntacctClient(options);
  }

  get timezone(): string {
    return this.options.timezone;
  }

  private nextControlId(): string {
    return `ielt-${this.prefix}-${++this.counter}`;
  }

  /** One HTTP exchange: compile, post, parse (streaming records when asked), check the envelope. */
  private async send(
    endpoint: string,
    auth: Authentication,
    functions: readonly IntacctFunction[],
    opts: { write: boolean; transaction?: boolean; records?: boolean; signal?: AbortSignal },
  ): Promise<Exchange> {
    const xml = compileRequest({
      control: {
        senderId: this.options.senderId,
        senderPassword: this.options.senderPassword,
        controlId: this.nextControlId(),
        // Writes are replay-safe only when Intacct refuses a function controlid it already ran.
        uniqueId: opts.write,
      },
      auth,
      ...(opts.transaction ? { transaction: true } : {}),
      functions,
    });
    const res = await this.transport.post(endpoint, xml, opts.signal);
    if (res.status !== 200) {
      const text = await res.text().catch(() => '');
      let parsed: ParsedResponse | undefined;
      try {
        parsed = parseResponse(text);
      } catch {
        parsed = undefined;
      }
      const retryAfter = res.headers['retry-after'];
      throw classifyHttp(res.status, parsed, Array.isArray(retryAfter) ? retryAfter[0] : retryAfter);
    }
    let exchange: Exchange;
    if (opts.records) {
      const page = await readRecordPage(res.body);
      exchange = { envelope: page.envelope, page };
    } else {
      exchange = { envelope: parseResponse(await res.text()), page: undefined };
    }
    assertEnvelopeOk(exchange.envelope);
    return exchange;
  }

  /**
   * Runs functions for an entity with the session, the governor and retries: transient and
   * throttled failures are retried with backoff (writes are sent with uniqueid=true and the same
   * function controlids, so a replay cannot post twice); an auth failure refreshes the session once
   * per attempt and replays. Opening the session is part of the attempt, so one policy bounds every
   * request the call makes (a login that keeps failing is not retried inside each retry).
   */
  private async execute(
    entity: string | null,
    functions: readonly IntacctFunction[],
    opts: {
      write: boolean;
      transaction?: boolean;
      records?: boolean;
      signal?: AbortSignal;
      check?: (e: Exchange, results: readonly ResultBlock[]) => void;
    },
  ): Promise<{ exchange: Exchange; results: readonly ResultBlock[] }> {
    const names = functions.map((f) => f.name);
    return this.withRetry(
      async () => {
        // Sessions expire at any time, also between two attempts: one refresh per attempt.
        let refreshed = false;
        let staleAfterWait = 0;
        for (;;) {
          const session = await this.sessions.get(entity, opts.signal);
          try {
            // A session can pass the deadline Intacct reported while the call waits for a slot:
            // take a fresh one then rather than spend a request on a refusal (a few times at most).
            const exchange = await this.governor.runIf(
              names,
              () => this.sessions.fresh(session) || staleAfterWait >= 3,
              () => this.send(session.endpoint, { sessionId: session.sessionId }, functions, opts),
              opts.signal,
            );
            if (!exchange) {
              staleAfterWait++;
              continue;
            }
            this.sessions.touch(session, exchange.envelope.authentication);
            const results = matchResults(exchange.envelope, functions);
            opts.check?.(exchange, results);
            this.governor.onSuccess();
            return { exchange, results };
          } catch (error) {
            if (error instanceof ClassifiedError) {
              if (error.kind === 'auth' && !refreshed && error.level !== 'control') {
                refreshed = true;
                this.sessionRefreshes++;
                this.sessions.invalidate(session);
                this.logger.info('intacct session refused; opening a new one and replaying', {
                  entity: entity || '(top level)',
                });
                continue;
              }
            }
            throw error;
          }
        }
      },
      { replaySafe: true, ...(opts.signal ? { signal: opts.signal } : {}) },
    );
  }

  /** The client's retry policy around one call, counting retries and slowing down on throttling. */
  private withRetry<T>(
    fn: () => Promise<T>,
    opts: { replaySafe: boolean; signal?: AbortSignal },
  ): Promise<T> {
    return retry(fn, {
      policy: this.policy,
      replaySafe: opts.replaySafe,
      ...(opts.signal ? { signal: opts.signal } : {}),
      onRetry: (error, attempt, delayMs) => {
        this.retries++;
        if (error.kind === 'throttled') this.governor.onThrottled();
        this.logger.debug('intacct request failed; retrying', {
          kind: error.kind,
          attempt,
          delayMs,
          error: error.message,
        });
      },
    });
  }

  /** One getAPISession request; the caller's attempt loop retries it. */
  private async openSession(
    auth: Authentication,
    locationId: string | null,
    endpoint: string,
    signal?: AbortSignal,
  ) {
    const fn = getAPISession(this.nextControlId(), locationId);
    const exchange = await this.governor.run(
      [fn.name],
      () => this.send(endpoint, auth, [fn], { write: false, ...(signal ? { signal } : {}) }),
      signal,
    );
    const [result] = matchResults(exchange.envelope, [fn]);
    const error = resultError(result as ResultBlock, false);
    if (error) throw error;
    this.governor.onSuccess();
    return { api: readApiSession(result as ResultBlock), auth: exchange.envelope.authentication };
  }

  /** A read function's page, with result-level failures thrown (so transient ones are retried). */
  private async readPage(
    entity: string | null,
    fn: IntacctFunction,
    signal?: AbortSignal,
  ): Promise<RecordPage> {
    const { exchange } = await this.execute(entity, [fn], {
      write: false,
      records: true,
      ...(signal ? { signal } : {}),
      check: (_e, [result]) => {
        const error = resultError(result as ResultBlock, false);
        if (error) throw error;
      },
    });
    return exchange.page!;
  }

  private async readSmall(entity: string | null, fn: IntacctFunction): Promise<ResultBlock> {
    const { results } = await this.execute(entity, [fn], {
      write: false,
      check: (_e, [result]) => {
        const error = resultError(result as ResultBlock, false);
        if (error) throw error;
      },
    });
    return results[0] as ResultBlock;
  }

  /**
   * Logs in (credentials, sender authorization) and opens the top-level session; throws the
   * classified error (with guidance in `fix`) when Intacct refuses.
   */
  async connect(signal?: AbortSignal): Promise<{ endpoint: string }> {
    const s = await this.withRetry(() => this.sessions.get('', signal), {
      replaySafe: true,
      ...(signal ? { signal } : {}),
    });
    return { endpoint: s.endpoint };
  }

  /** LOCATIONENTITY at the top level. */
  async listEntities(): Promise<{ id: string; name: string; currency?: string }[]> {
    const out: { id: string; name: string; currency?: string }[] = [];
    for await (const batch of this.readRecords({
      object: 'LOCATIONENTITY',
      fields: ['RECORDNO', 'LOCATIONID', 'NAME', 'CURRENCY'],
      entity: null,
    })) {
      for (const r of batch) {
        const e: { id: string; name: string; currency?: string } = {
          id: r.LOCATIONID ?? '',
          name: r.NAME ?? '',
        };
        if (r.CURRENCY) e.currency = r.CURRENCY;
        if (e.id) out.push(e);
      }
    }
    return out;
  }

  /** Streams raw records in pages; each record exactly once. */
  async *readRecords(req: ReadRequest): AsyncIterable<RawRecord[]> {
    for await (const rows of this.readRows(req)) yield rows.toRecords();
  }

  /** As readRecords, each page as rows of values (the bulk read: no object per record). */
  async *readRows(req: ReadRequest): AsyncIterable<RecordRows> {
    const entity = req.entity || '';
    yield* pageRecords(
      {
        object: req.object,
        fields: req.fields,
        ...(req.filter ? { filter: req.filter } : {}),
        ...(req.orderBy ? { orderBy: req.orderBy } : {}),
        key: req.key ?? 'RECORDNO',
        method: req.method ?? (req.orderBy?.length ? 'query' : 'readByQuery'),
        pageSize: req.pageSize ?? this.options.pageSize ?? 1000,
        timezone: this.options.timezone,
        ...(req.showPrivate !== undefined ? { showPrivate: req.showPrivate } : {}),
        ...(req.prefetch ? { prefetch: req.prefetch } : {}),
        ...(req.signal ? { signal: req.signal } : {}),
      },
      (fn, signal) => this.readPage(entity, fn, signal),
      this.logger.child({ object: req.object, entity: entity || '(top level)' }),
      this.paging,
    );
  }

  /**
   * The count of a filtered `query` read and its lowest and highest keys, in one request of two
   * one-row queries (ascending and descending by key): what a backfill needs to split a large read
   * into key ranges of about equal size. Keys are null when the read is empty. Sources
   * (intacct-protocol-facts.md §4, High): `orderby/order` takes `<ascending/>` or `<descending/>`,
   * and `<data>` carries `totalcount`; a one-row query is the usual cheap count (§4, Medium). `select`
   * also takes `min`/`max`, but the shape of an aggregate's answer is less well sourced than this.
   */
  async keyRange(
    req: Omit<CountRequest, 'method'>,
  ): Promise<{ count: number; first: string | null; last: string | null }> {
    const key = req.key ?? 'RECORDNO';
    const oneRow = (controlId: string, descending: boolean) =>
      queryFn(controlId, {
        object: req.object,
        select: [key],
        filter: toFilterXml(req.filter, this.options.timezone),
        orderBy: [{ field: key, ...(descending ? { descending } : {}) }],
        pageSize: 1,
        offset: 0,
        ...(req.showPrivate !== undefined ? { showPrivate: req.showPrivate } : {}),
      });
    const { results } = await this.execute(req.entity || '', [oneRow('first', false), oneRow('last', true)], {
      write: false,
      ...(req.signal ? { signal: req.signal } : {}),
      check: (_e, blocks) => {
        for (const block of blocks) {
          const error = resultError(block, false);
          if (error) throw error;
        }
      },
    });
    const [first, last] = results.map((block) => readCountedFirst(block));
    const count = first?.totalCount;
    if (count === undefined) {
      throw new ClassifiedError(`Intacct answered a count of ${req.object} without totalcount`, {
        kind: 'terminal',
      });
    }
    return { count, first: first?.first?.[key] ?? null, last: last?.first?.[key] ?? null };
  }

  /** The total count of a filtered read, cheaply (one page of one row). */
  async countRecords(req: CountRequest): Promise<number> {
    const key = req.key ?? 'RECORDNO';
    const fn =
      (req.method ?? 'query') === 'query'
        ? queryFn('count', {
            object: req.object,
            select: [key],
            filter: toFilterXml(req.filter, this.options.timezone),
            pageSize: 1,
            offset: 0,
            ...(req.showPrivate !== undefined ? { showPrivate: req.showPrivate } : {}),
          })
        : readByQueryFn('count', {
            object: req.object,
            fields: [key],
            query: toQueryString(req.filter, this.options.timezone),
            pageSize: 1,
          });
    const page = await this.readPage(req.entity || '', fn, req.signal);
    const total = page.data?.totalCount;
    if (total === undefined) {
      throw new ClassifiedError(`Intacct answered a count of ${req.object} without totalcount`, {
        kind: 'terminal',
      });
    }
    return total;
  }

  /**
   * Several windows probed in ONE request, one `query` function each: pagesize 1, newest first by
   * the watermark, only the key and the watermark selected. A function's own failure comes back as
   * its answer; failures that concern the whole request (auth, transient, throttled) are retried
   * like any read and thrown when they persist.
   */
  async probeWindows(
    entity: string | null,
    probes: readonly WindowProbe[],
    signal?: AbortSignal,
  ): Promise<WindowProbeAnswer[]> {
    if (probes.length === 0) return [];
    const functions = probes.map((p, i) => probeFunction(`probe-${i + 1}`, p, this.options.timezone));
    const { results } = await this.execute(entity || '', functions, {
      write: false,
      ...(signal ? { signal } : {}),
      check: (_e, matched) => {
        for (const r of matched) {
          const error = resultError(r, false);
          if (error && (error.kind === 'auth' || error.retryable)) throw error;
        }
      },
    });
    return results.map((r): WindowProbeAnswer => {
      const error = resultError(r, false);
      return error ? { ok: false, error } : { ok: true, ...readCountedFirst(r) };
    });
  }

  /** The object definition, custom fields included, with Intacct's types. */
  async lookup(object: string, entity: string | null = null): Promise<ObjectDefinition> {
    return readObjectDefinition(await this.readSmall(entity || '', lookupFn('lookup', object)), object);
  }

  async trialBalance(
    entity: string | null,
    range: { startDate: string; endDate: string },
  ): Promise<TrialBalanceRow[]> {
    return readTrialBalance(await this.readSmall(entity || '', getTrialBalance('trialbalance', range)));
  }

  /**
   * Sends write functions in one request (several per request when the caller batches them) and
   * answers one result per function, in order. Records Intacct refused come back as `failure` with
   * a `record`-kind error; only request-level failures throw.
   */
  async write(
    entity: string | null,
    functions: readonly WriteFunction[],
    opts: { transaction?: boolean; signal?: AbortSignal } = {},
  ): Promise<WriteResult[]> {
    if (functions.length === 0) return [];
    const { results } = await this.execute(entity || '', functions, {
      write: true,
      ...(opts.transaction ? { transaction: true } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      check: (_e, matched) => {
        // A service-level failure in a result (off-line, throttled) means nothing was applied
        // there: replay the request (the same controlids, so what did run is refused, not doubled).
        for (const r of matched) {
          const error = resultError(r, true);
          if (error?.retryable && !isDuplicateControlId(r.errors)) throw error;
          if (error?.kind === 'auth') throw error;
        }
      },
    });
    return functions.map((fn, i) => {
      const r = results[i] as ResultBlock;
      const error = resultError(r, true);
      if (!error)
        return {
          controlId: fn.controlId,
          function: fn.name,
          status: 'success' as const,
          records: readWriteRefs(r),
        };
      const status: WriteStatus = isDuplicateControlId(r.errors)
        ? 'duplicate'
        : r.status === 'aborted'
          ? 'aborted'
          : 'failure';
      return { controlId: fn.controlId, function: fn.name, status, records: [], error };
    });
  }

  stats(): ClientStats {
    const g = this.governor.stats();
    return {
      apiCalls: g.apiCalls,
      retries: this.retries,
      throttled: g.throttled,
      sessionRefreshes: this.sessions.refreshes,
      authReplays: this.sessionRefreshes,
      byFunction: g.byFunction,
      cursorResumes: this.paging.cursorResumes,
      countMismatches: this.paging.countMismatches,
      concurrencyLimit: g.limit,
      maxInFlight: g.maxInFlight,
    };
  }

  async close(): Promise<void> {
    await this.transport.close();
  }
}

/** A window probe's function (pure): pagesize 1, newest first by the watermark, key and watermark only. */
export function probeFunction(controlId: string, probe: WindowProbe, timezone: string): IntacctFunction {
  return queryFn(controlId, {
    object: probe.object,
    select: probe.key === probe.watermark ? [probe.key] : [probe.key, probe.watermark],
    filter: toFilterXml(probe.filter, timezone),
    orderBy: [{ field: probe.watermark, descending: true }],
    pageSize: 1,
    offset: 0,
    ...(probe.showPrivate !== undefined ? { showPrivate: probe.showPrivate } : {}),
  });
}

/**
 * The result of each function, matched by its control id, in the order the functions were sent.
 * A response whose results do not answer exactly the functions sent (one missing, an unknown or
 * repeated control id) cannot be attributed safely: a terminal error, never a guess by position.
 */
export function matchResults(envelope: ParsedResponse, functions: readonly IntacctFunction[]): ResultBlock[] {
  const byId = new Map<string, ResultBlock>();
  const problems: string[] = [];
  for (const r of envelope.results) {
    if (byId.has(r.controlId)) problems.push(`control id "${r.controlId}" answered twice`);
    byId.set(r.controlId, r);
  }
  const sent = new Set(functions.map((f) => f.controlId));
  const missing = functions.filter((f) => !byId.has(f.controlId)).map((f) => f.controlId);
  const unknown = [...byId.keys()].filter((id) => !sent.has(id));
  if (missing.length) problems.push(`no result for ${missing.map((id) => `"${id}"`).join(', ')}`);
  if (unknown.length) problems.push(`results for unknown ${unknown.map((id) => `"${id}"`).join(', ')}`);
  if (problems.length > 0) {
    throw new ClassifiedError(
      `Intacct's response does not answer the functions sent (${functions.length} sent, ${envelope.results.length} results: ${problems.join('; ')})`,
      {
        kind: 'terminal',
        level: 'result',
        fix: 'Check that intacct.endpointUrl is the Intacct XML gateway and not a proxy that rewrites or caches responses; if it is, report this with the log.',
      },
    );
  }
  return functions.map((f) => byId.get(f.controlId) as ResultBlock);
}
