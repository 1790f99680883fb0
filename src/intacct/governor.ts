import { sleep } from '../core/retry.ts';

/**
 * The per-company concurrency governor shared by every stream of a run. Intacct limits concurrent
 * API jobs per company by performance tier; going over gets throttled. On throttling the governor
 * halves its limit and pauses everyone briefly (with jitter), then raises the limit again one step
 * per run of successes. It also counts API calls, which is what a run costs against the tier.
 */
export interface GovernorOptions {
  /** Upper bound: the customer's tier (default 2). */
  readonly concurrency?: number;
  /** Successes in a row, after a slowdown, before the limit goes up by one. */
  readonly recoverAfter?: number;
  /** Base pause after throttling; the actual pause is jittered. */
  readonly pauseMs?: number;
  readonly maxPauseMs?: number;
  readonly random?: () => number;
}

export interface GovernorStats {
  readonly apiCalls: number;
  readonly throttled: number;
  readonly byFunction: Record<string, number>;
  readonly limit: number;
  readonly maxInFlight: number;
}

export class Governor {
  readonly maxLimit: number;
  private limit: number;
  private inFlight = 0;
  private readonly waiters: (() => void)[] = [];
  private successStreak = 0;
  private pausedUntil = 0;
  private consecutiveThrottles = 0;
  private apiCalls = 0;
  private throttledCount = 0;
  private peak = 0;
  private readonly byFunction: Record<string, number> = {};
  private readonly recoverAfter: number;
  private readonly pauseMs: number;
  private readonly maxPauseMs: number;
  private readonly random: () => number;

  constructor(options: GovernorOptions = {}) {
    this.maxLimit = Math.max(1, Math.floor(options.concurrency ?? 2));
    this.limit = this.maxLimit;
    this.recoverAfter = options.recoverAfter ?? 20;
    this.pauseMs = options.pauseMs ?? 500;
    this.maxPauseMs = options.maxPauseMs ?? 15_000;
    this.random = options.random ?? Math.random;
  }

  get currentLimit(): number {
    return this.limit;
  }

  /** Runs one API call under the limit; `functions` are counted for the run's cost report. */
  async run<T>(functions: readonly string[], call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return (await this.runIf(functions, () => true, call, signal)) as T;
  }

  /**
   * Like run, but once a slot is free asks `admit` first and gives the slot back unused (answering
   * undefined) when it says no: what was true before the wait (a session still fresh) may not be.
   */
  async runIf<T>(
    functions: readonly string[],
    admit: () => boolean,
    call: () => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T | undefined> {
    await this.acquire(signal);
    if (!admit()) {
      this.release();
      return undefined;
    }
    this.apiCalls++;
    for (const f of functions) this.byFunction[f] = (this.byFunction[f] ?? 0) + 1;
    try {
      return await call();
    } finally {
      this.release();
    }
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const pause = this.pausedUntil - Date.now();
      if (pause > 0) await sleep(pause, signal);
      if (this.inFlight < this.limit) {
        this.inFlight++;
        this.peak = Math.max(this.peak, this.inFlight);
        return;
      }
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const i = this.waiters.indexOf(wake);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(signal?.reason);
        };
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        if (signal?.aborted) return reject(signal.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiters.push(wake);
      });
    }
  }

  private release(): void {
    this.inFlight--;
    this.wakeSome();
  }

  private wakeSome(): void {
    // Wake as many as may now run; each re-checks the limit and the pause itself.
    let free = this.limit - this.inFlight;
    while (free-- > 0 && this.waiters.length > 0) this.waiters.shift()?.();
  }

  /** Intacct said "too many": slow down for everyone. */
  onThrottled(): void {
    this.throttledCount++;
    this.successStreak = 0;
    this.consecutiveThrottles++;
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    const ceiling = Math.min(
      this.maxPauseMs,
      this.pauseMs * 2 ** Math.min(this.consecutiveThrottles - 1, 10),
    );
    const pause = ceiling / 2 + this.random() * (ceiling / 2);
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + pause);
  }

  onSuccess(): void {
    this.consecutiveThrottles = 0;
    if (this.limit >= this.maxLimit) return;
    if (++this.successStreak >= this.recoverAfter) {
      this.successStreak = 0;
      this.limit++;
      this.wakeSome();
    }
  }

  stats(): GovernorStats {
    return {
      apiCalls: this.apiCalls,
      throttled: this.throttledCount,
      byFunction: { ...this.byFunction },
      limit: this.limit,
      maxInFlight: this.peak,
    };
  }
}
