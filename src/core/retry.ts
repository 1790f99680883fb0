import { ClassifiedError } from './errors.ts';

/**
 * Exponential backoff with full jitter, bounded by attempts and by total time. Only transient and
 * throttled errors are retried; a write only when it is replay-safe (the same function controlid
 * sent with uniqueid=true), which the caller states with `replaySafe`.
 */
export interface RetryPolicy {
  /** Total attempts including the first. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Give up when the next wait would end after this much time since the first attempt. */
  readonly maxTotalMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 250,
  maxDelayMs: 30_000,
  maxTotalMs: 10 * 60_000,
};

/** Full jitter: a uniform wait in [0, min(max, base * 2^attempt)). `attempt` counts from 0. */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryOptions {
  readonly policy?: RetryPolicy;
  /** A write sent with uniqueid=true and a fixed function controlid; reads are always replay-safe. */
  readonly replaySafe?: boolean;
  readonly signal?: AbortSignal;
  readonly random?: () => number;
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called before each wait; `attempt` is the number of the failed attempt (from 1). */
  readonly onRetry?: (error: ClassifiedError, attempt: number, delayMs: number) => void;
}

export function isRetryable(error: unknown, replaySafe = true): error is ClassifiedError {
  return error instanceof ClassifiedError && error.retryable && replaySafe;
}

export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY;
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? sleep;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      if (!isRetryable(error, options.replaySafe ?? true) || attempt >= policy.maxAttempts) throw error;
      let delay = backoffDelay(attempt - 1, policy, options.random);
      if (error.retryAfterSeconds !== undefined) delay = Math.max(delay, error.retryAfterSeconds * 1000);
      if (now() + delay - started > policy.maxTotalMs) throw error;
      options.onRetry?.(error, attempt, delay);
      await wait(delay, options.signal);
    }
  }
}
