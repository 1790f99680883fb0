/**
 * The sandbox's controllable clock. Every WHENCREATED/WHENMODIFIED stamp comes from here, so tests can
 * move time forward (or pin it) and know exactly which records a watermark window should catch.
 */
export interface SandboxClockLike {
  now(): number;
  advance(ms: number): number;
  set(ms: number): void;
}

export class SandboxClock implements SandboxClockLike {
  #now: number;

  constructor(startMs: number) {
    this.#now = Math.floor(startMs);
  }

  /** Current instant, epoch milliseconds. Never moves on its own. */
  now(): number {
    return this.#now;
  }

  /** Moves time forward by `ms` (>= 0) and returns the new instant. */
  advance(ms: number): number {
    if (!(ms >= 0)) throw new RangeError(`clock can only move forward (got ${ms} ms)`);
    this.#now += Math.floor(ms);
    return this.#now;
  }

  /** Jumps to an instant; moving backwards is allowed for tests but breaks watermark assumptions. */
  set(ms: number): void {
    this.#now = Math.floor(ms);
  }

  /** The current instant as a canonical store timestamp ('YYYY-MM-DDTHH:MM:SSZ'). */
  stamp(): string {
    return isoSeconds(this.#now);
  }
}

/** Canonical store timestamp: ISO UTC to the second, so strings compare in time order. */
export function isoSeconds(epochMs: number): string {
  return `${new Date(Math.floor(epochMs / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** Canonical store timestamp back to epoch ms. */
export function parseIsoSeconds(stamp: string): number {
  return Date.parse(stamp);
}

/** The default start of a generated company's clock: 2026-11-01 09:00:00 UTC. */
export const DEFAULT_START_MS = Date.UTC(2026, 10, 1, 9, 0, 0);
