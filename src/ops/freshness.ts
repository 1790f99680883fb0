import type { JobConfig } from '../config/schema.ts';
import type { StateRow } from '../warehouse/warehouse.ts';

export interface Freshness {
  readonly object: string;
  readonly entity: string;
  /** ISO UTC of the last successful load (the last state write). */
  readonly loadedAt: string;
  readonly ageMs: number;
  readonly maxAgeMs: number;
  readonly stale: boolean;
}

/**
 * Freshness of every object and entity that has state: the time since its last successful load
 * (not since its watermark: a quiet ledger has old records and is still current) against the
 * object's threshold. Objects never loaded have no state and are not judged here; a run that
 * fails to load them raises a run-failure alert instead.
 */
export function assessFreshness(
  states: readonly StateRow[],
  config: JobConfig['freshness'],
  now: Date,
): Freshness[] {
  return states.map((s) => {
    const maxAgeMs = (config.objects[s.object] ?? config.defaultMaxAgeMinutes) * 60_000;
    const ageMs = now.getTime() - Date.parse(s.updatedAt);
    return {
      object: s.object,
      entity: s.entity,
      loadedAt: s.updatedAt,
      ageMs,
      maxAgeMs,
      stale: ageMs > maxAgeMs,
    };
  });
}

/** "3h 12m" from milliseconds; freshness is shown to the minute. */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '-';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** A stale row as the stale-objects alert lists it. */
export function describeStale(f: Freshness): { object: string; entity: string; age: string; maxAge: string } {
  return { object: f.object, entity: f.entity, age: formatAge(f.ageMs), maxAge: formatAge(f.maxAgeMs) };
}
