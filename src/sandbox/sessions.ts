import { randomBytes } from 'node:crypto';

/**
 * API sessions: one per getAPISession call, scoped to company, user and entity (null = top level).
 * Expiry is by idle time (the timeout slides forward on each use, as Intacct's does) and optionally
 * by age, so tests can make sessions die in the middle of a paging run. Times are real time.
 */
export interface Session {
  readonly id: string;
  readonly companyId: string;
  readonly userId: string;
  /** Entity id the session is scoped to; null for the top level. */
  readonly entityId: string | null;
  readonly openedAt: number;
  lastUsedAt: number;
}

export interface SessionPolicy {
  readonly idleMs: number;
  readonly maxAgeMs: number | null;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private policy: () => SessionPolicy) {}

  open(companyId: string, userId: string, entityId: string | null, nowMs: number): Session {
    this.sweep(nowMs);
    // Real session ids end in '..'; clients should treat them as opaque.
    const id = `${randomBytes(24).toString('base64url')}..`;
    const s: Session = { id, companyId, userId, entityId, openedAt: nowMs, lastUsedAt: nowMs };
    this.sessions.set(id, s);
    return s;
  }

  /** The live session with this id, touched (its timeout slides); undefined when unknown or expired. */
  use(id: string, nowMs: number): Session | undefined {
    const s = this.sessions.get(id);
    if (!s) return undefined;
    if (this.expired(s, nowMs)) {
      this.sessions.delete(id);
      return undefined;
    }
    s.lastUsedAt = nowMs;
    return s;
  }

  /** When the session times out if it is not used again. */
  timeoutAt(s: Session): number {
    const { idleMs, maxAgeMs } = this.policy();
    const idle = s.lastUsedAt + idleMs;
    return maxAgeMs === null ? idle : Math.min(idle, s.openedAt + maxAgeMs);
  }

  private expired(s: Session, nowMs: number): boolean {
    return nowMs >= this.timeoutAt(s);
  }

  /** Ends every session now (admin API), as if they had all timed out. Returns how many. */
  expireAll(): number {
    const n = this.sessions.size;
    this.sessions.clear();
    return n;
  }

  sweep(nowMs: number): void {
    for (const [id, s] of this.sessions) if (this.expired(s, nowMs)) this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  setPolicy(policy: () => SessionPolicy): void {
    this.policy = policy;
  }
}
