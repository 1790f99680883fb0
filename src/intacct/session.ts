import type { Logger } from '../core/logger.ts';
import { silentLogger } from '../core/logger.ts';
import { registerSecret } from '../core/redact.ts';
import type { Authentication } from './envelope.ts';
import type { ApiSession, AuthenticationBlock } from './response.ts';

/**
 * API sessions: log in with credentials once (a top-level session), then open one session per
 * entity with getAPISession and the entity's locationid, reuse it, and refresh it before the
 * timeout Intacct reports. Intacct's timeout slides on each use, so every response's
 * authentication block moves the local deadline. Deadlines are kept on the local clock (server
 * timestamp to timeout = the remaining life) so clock skew does not matter.
 */

export interface SessionInfo {
  readonly sessionId: string;
  /** The endpoint this session's calls go to (may be another data centre). */
  readonly endpoint: string;
  /** '' for the top level. */
  readonly entity: string;
  /** Local epoch ms after which the session should not be used. */
  expiresAt: number;
}

/**
 * Opens a session: sends getAPISession with `auth` once (the caller's retry loop repeats it),
 * returning the session and the auth block. `signal` stops it at once.
 */
export type SessionOpener = (
  auth: Authentication,
  locationId: string | null,
  endpoint: string,
  signal?: AbortSignal,
) => Promise<{ api: ApiSession; auth: AuthenticationBlock | undefined }>;

export interface SessionManagerOptions {
  readonly userId: string;
  readonly companyId: string;
  readonly password: string;
  readonly endpoint: string;
  readonly open: SessionOpener;
  /** Refresh this long before the deadline (capped at a fifth of the session's life). */
  readonly refreshMarginMs?: number;
  /** Assumed life when Intacct reports no timeout. */
  readonly defaultLifeMs?: number;
  readonly now?: () => number;
  readonly logger?: Logger;
}

const keyOf = (entity: string | null | undefined) => entity ?? '';

export class SessionManager {
  private readonly opening = new Map<string, Promise<SessionInfo>>();
  private readonly settled = new Map<string, SessionInfo>();
  private readonly now: () => number;
  private readonly margin: number;
  private readonly defaultLife: number;
  private readonly logger: Logger;
  /** Sessions opened after the first one of their entity (expiry, invalidation). */
  refreshes = 0;
  opened = 0;

  constructor(private readonly options: SessionManagerOptions) {
    this.now = options.now ?? Date.now;
    this.margin = options.refreshMarginMs ?? 60_000;
    this.defaultLife = options.defaultLifeMs ?? 30 * 60_000;
    this.logger = options.logger ?? silentLogger;
  }

  /**
   * The live session of an entity ('' or null: top level), opening or refreshing it as needed.
   * `signal` aborts the open this caller started and this caller's wait on one already running.
   */
  async get(entity: string | null | undefined, signal?: AbortSignal): Promise<SessionInfo> {
    const key = keyOf(entity);
    const current = this.settled.get(key);
    if (current && this.fresh(current)) return current;
    signal?.throwIfAborted();
    let inflight = this.opening.get(key);
    if (!inflight) {
      // One open per entity at a time: concurrent streams share it.
      inflight = this.openFor(key, signal)
        .then((s) => {
          this.settled.set(key, s);
          return s;
        })
        .finally(() => this.opening.delete(key));
      this.opening.set(key, inflight);
    }
    return signal ? abortable(inflight, signal) : inflight;
  }

  /** Whether the session is still inside the life Intacct last reported for it. */
  fresh(s: SessionInfo): boolean {
    return this.now() < s.expiresAt;
  }

  private async openFor(key: string, signal?: AbortSignal): Promise<SessionInfo> {
    if (this.everOpened.has(key)) this.refreshes++;
    this.everOpened.add(key);
    this.opened++;
    const { userId, companyId, password, endpoint } = this.options;
    if (key === '') {
      // Log in with credentials: the top-level session every entity session is opened from.
      const r = await this.options.open({ login: { userId, companyId, password } }, null, endpoint, signal);
      return this.info(r.api, '', r.auth, endpoint);
    }
    let base = await this.get('', signal);
    try {
      const r = await this.options.open(
        { sessionId: base.sessionId },
        key,
        base.endpoint || endpoint,
        signal,
      );
      return this.info(r.api, key, r.auth, endpoint);
    } catch (error) {
      if ((error as { kind?: string }).kind !== 'auth') throw error;
      // The top-level session died: log in again once, then open the entity session from it.
      this.invalidate(base);
      base = await this.get('', signal);
      const r = await this.options.open(
        { sessionId: base.sessionId },
        key,
        base.endpoint || endpoint,
        signal,
      );
      return this.info(r.api, key, r.auth, endpoint);
    }
  }

  private readonly everOpened = new Set<string>();

  private info(
    api: ApiSession,
    entity: string,
    auth: AuthenticationBlock | undefined,
    endpoint: string,
  ): SessionInfo {
    // A session id is a credential until it expires: scrub it from every log line and error.
    registerSecret(api.sessionId);
    const s: SessionInfo = {
      sessionId: api.sessionId,
      endpoint: api.endpoint || endpoint,
      entity,
      expiresAt: this.now() + this.defaultLife,
    };
    this.touch(s, auth);
    this.logger.debug('intacct session opened', { entity: entity || '(top level)' });
    return s;
  }

  /** Moves a session's deadline with the sessiontimeout a response reported. */
  touch(session: SessionInfo, auth: AuthenticationBlock | undefined): void {
    if (!auth?.sessionTimeout) return;
    const timeout = Date.parse(auth.sessionTimeout);
    const stamp = auth.sessionTimestamp ? Date.parse(auth.sessionTimestamp) : Number.NaN;
    if (!Number.isFinite(timeout)) return;
    const life = Number.isFinite(stamp) ? timeout - stamp : timeout - this.now();
    if (!(life > 0)) return;
    const margin = Math.min(this.margin, life / 5);
    session.expiresAt = this.now() + life - margin;
  }

  /** Drops a session Intacct refused, unless it was already replaced. */
  invalidate(session: SessionInfo): void {
    const key = session.entity;
    if (this.settled.get(key)?.sessionId === session.sessionId) this.settled.delete(key);
  }

  entities(): string[] {
    return [...this.settled.keys()];
  }
}

/** Waits for `promise`, rejecting as soon as `signal` aborts (the promise itself runs on). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
